//! Why a change to the action plan was refused (`PlanError`), said in English (`Display`) and
//! Swedish (`Bilingual`), each with what to fix. Nothing is written when one comes back.

use std::fmt;

use crate::i18n::Bilingual;

/// Why one row of a pasted cost-split table could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowReason {
    /// Fewer than a name and a population.
    TooFewColumns,
    /// The population (folkmängd) is not a whole number.
    PopulationNotANumber(String),
    /// The share (andel) is not a percentage.
    PercentNotReadable(String),
    /// The share is above 100 %.
    PercentOver100(String),
    /// The cost (kostnad) is not an amount in kronor.
    AmountNotReadable(String),
}

/// A refusal of the action plan's rules, as a value a view words in the UI's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// A range (e.g. "30–20 %") whose low end is above its high end.
    RangeLowAboveHigh { low: u32, high: u32 },
    /// A percentage above 100.
    PercentOver100 { text: String },
    /// A number (a range, an amount, a measured value) that cannot be read.
    NotANumber { text: String },
    /// A participating municipality with no population, so no split by population is possible.
    PopulationMissing { name: String },
    /// A split over municipalities whose populations add up to nothing.
    NoPopulation,
    /// A date that is not YYYY-MM-DD.
    UnreadableDate { text: String },
    /// A deliverable or activity due before the initiative (or period) starts.
    DueBeforeStart { start: String, due: String },
    /// A period that ends before it starts.
    PeriodEndsBeforeStart { start: String, end: String },
    /// A new status period that does not start after the latest one.
    PeriodNotAfterLatest { latest: String, start: String },
    /// A probability or consequence score outside 1–5.
    ScoreOutOfRange { text: String },
    /// A name or title that is empty.
    EmptyName,
    /// A pasted table row that cannot be read; `line` counts from 1.
    UnreadableRow { line: usize, reason: RowReason },
    /// A pasted table with no rows at all.
    EmptyTable,
    /// A group member or risk owner who is not (or no longer) one of the council's people.
    PersonNotInCouncil,
    /// A participating organisation that is not one of the council's municipalities.
    NotAMunicipality,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::RangeLowAboveHigh { low, high } => {
                write!(f, "The range starts at {low} but ends at {high}. Write the lower number first, e.g. {high}–{low}.")
            }
            PlanError::PercentOver100 { text } => write!(f, "“{text}” is more than 100 %. Write a share from 0 to 100."),
            PlanError::NotANumber { text } => write!(f, "“{text}” is not a number. Write digits, e.g. 20–30 or 1 500 000."),
            PlanError::PopulationMissing { name } => {
                write!(f, "{name} has no population. Enter it under Organisations before splitting the cost.")
            }
            PlanError::NoPopulation => write!(f, "The participating municipalities have no population to split by. Enter their populations first."),
            PlanError::UnreadableDate { text } => {
                write!(f, "The date “{text}” cannot be read. Write it as YYYY-MM-DD, e.g. 2020-09-10.")
            }
            PlanError::DueBeforeStart { start, due } => {
                write!(f, "The due date {due} is before the start {start}. Choose a date on or after the start.")
            }
            PlanError::PeriodEndsBeforeStart { start, end } => {
                write!(f, "The period ends ({end}) before it starts ({start}). Swap or correct the dates.")
            }
            PlanError::PeriodNotAfterLatest { latest, start } => write!(
                f,
                "The new period starts {start}, which is not after the latest period ({latest}). Choose a later start."
            ),
            PlanError::ScoreOutOfRange { text } => write!(f, "“{text}” is not a score from 1 to 5."),
            PlanError::EmptyName => write!(f, "The name is empty. Write one before saving."),
            PlanError::UnreadableRow { line, reason } => write!(f, "Row {line} cannot be read: {}", reason_en(reason)),
            PlanError::EmptyTable => write!(f, "The pasted text holds no table rows. Copy the table with its rows."),
            PlanError::PersonNotInCouncil => {
                write!(f, "Only someone in the council can be chosen. Add the person under People first.")
            }
            PlanError::NotAMunicipality => {
                write!(f, "Only the council's municipalities can take part. Add it under Organisations as a municipality first.")
            }
        }
    }
}

fn reason_en(r: &RowReason) -> String {
    match r {
        RowReason::TooFewColumns => "it needs at least a municipality and a population.".into(),
        RowReason::PopulationNotANumber(t) => format!("the population “{t}” is not a whole number."),
        RowReason::PercentNotReadable(t) => format!("the share “{t}” is not a percentage."),
        RowReason::PercentOver100(t) => format!("the share “{t}” is more than 100 %."),
        RowReason::AmountNotReadable(t) => format!("the cost “{t}” is not an amount in kronor."),
    }
}

fn reason_sv(r: &RowReason) -> String {
    match r {
        RowReason::TooFewColumns => "den behöver minst en kommun och en folkmängd.".into(),
        RowReason::PopulationNotANumber(t) => format!("folkmängden ”{t}” är inte ett heltal."),
        RowReason::PercentNotReadable(t) => format!("andelen ”{t}” är ingen procentsats."),
        RowReason::PercentOver100(t) => format!("andelen ”{t}” är mer än 100 %."),
        RowReason::AmountNotReadable(t) => format!("kostnaden ”{t}” är inget belopp i kronor."),
    }
}

impl Bilingual for PlanError {
    fn sv(&self) -> String {
        match self {
            PlanError::RangeLowAboveHigh { low, high } => {
                format!("Intervallet börjar på {low} men slutar på {high}. Skriv det lägre talet först, t.ex. {high}–{low}.")
            }
            PlanError::PercentOver100 { text } => format!("”{text}” är mer än 100 %. Skriv en andel från 0 till 100."),
            PlanError::NotANumber { text } => format!("”{text}” är inget tal. Skriv siffror, t.ex. 20–30 eller 1 500 000."),
            PlanError::PopulationMissing { name } => {
                format!("{name} saknar folkmängd. Fyll i den under Organisationer innan kostnaden fördelas.")
            }
            PlanError::NoPopulation => "De deltagande kommunerna har ingen folkmängd att fördela efter. Fyll i folkmängden först.".into(),
            PlanError::UnreadableDate { text } => {
                format!("Datumet ”{text}” går inte att läsa. Skriv det som ÅÅÅÅ-MM-DD, t.ex. 2020-09-10.")
            }
            PlanError::DueBeforeStart { start, due } => {
                format!("Slutdatumet {due} ligger före starten {start}. Välj ett datum från starten och framåt.")
            }
            PlanError::PeriodEndsBeforeStart { start, end } => {
                format!("Perioden slutar ({end}) innan den börjar ({start}). Byt plats på eller rätta datumen.")
            }
            PlanError::PeriodNotAfterLatest { latest, start } => {
                format!("Den nya perioden börjar {start}, vilket inte är efter den senaste perioden ({latest}). Välj en senare start.")
            }
            PlanError::ScoreOutOfRange { text } => format!("”{text}” är inget värde från 1 till 5."),
            PlanError::EmptyName => "Namnet är tomt. Skriv ett innan du sparar.".into(),
            PlanError::UnreadableRow { line, reason } => format!("Rad {line} går inte att läsa: {}", reason_sv(reason)),
            PlanError::EmptyTable => "Den inklistrade texten har inga tabellrader. Kopiera tabellen med dess rader.".into(),
            PlanError::PersonNotInCouncil => {
                "Bara någon i rådet kan väljas. Lägg först till personen under Personer.".into()
            }
            PlanError::NotAMunicipality => {
                "Bara rådets kommuner kan delta. Lägg först till den under Organisationer som kommun.".into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn refusals_say_what_to_fix_in_both_languages() {
        let e = PlanError::RangeLowAboveHigh { low: 30, high: 20 };
        assert!(e.say(Lang::Sv).starts_with("Intervallet börjar på 30"));
        assert!(e.to_string().starts_with("The range starts at 30"));
        let row = PlanError::UnreadableRow { line: 3, reason: RowReason::PopulationNotANumber("många".into()) };
        assert_eq!(row.sv(), "Rad 3 går inte att läsa: folkmängden ”många” är inte ett heltal.");
    }
}
