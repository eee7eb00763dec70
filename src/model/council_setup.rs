//! What a council's setup may hold (rådets uppgifter): names that are not empty, a population
//! that is a number, a period that ends after it starts, a role held by someone in the council.
//! Every refusal is a value that says what to fix, in Swedish and English.

use std::fmt;

use super::council::Council;
use super::ids::PersonId;
use super::time::parse_date;
use crate::i18n::Bilingual;

/// The kind of thing a name belongs to, for "the name is empty" messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Council,
    Organisation,
    Person,
    Role,
}

/// A number in the meeting rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleNumber {
    NoticeDays,
    BeredningDays,
    MeetingsPerYear,
    Seats,
}

impl RuleNumber {
    /// The smallest and largest value that makes sense.
    fn range(self) -> (u32, u32) {
        match self {
            RuleNumber::NoticeDays | RuleNumber::BeredningDays => (0, 365),
            RuleNumber::MeetingsPerYear => (1, 52),
            RuleNumber::Seats => (1, 100),
        }
    }
}

/// Why a setup change was refused; nothing is written when one of these comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupError {
    EmptyName(Named),
    /// The population is not a whole number.
    PopulationNotANumber { text: String },
    /// A date that is not YYYY-MM-DD.
    UnreadableDate { text: String },
    /// A period (the council's, a role holder's) that ends before it starts.
    PeriodEndsBeforeStart { start: String, end: String },
    /// A role given to someone who is not (or no longer) in the council.
    HolderNotInCouncil,
    /// Every seat of the role is taken for (part of) that period.
    SeatsTaken { seats: u32 },
    /// A number in the rules that is not a whole number in its range.
    NumberOutOfRange { what: RuleNumber, text: String },
}

fn named_sv(n: Named) -> &'static str {
    match n {
        Named::Council => "Rådet",
        Named::Organisation => "Organisationen",
        Named::Person => "Personen",
        Named::Role => "Rollen",
    }
}

fn named_en(n: Named) -> &'static str {
    match n {
        Named::Council => "The council",
        Named::Organisation => "The organisation",
        Named::Person => "The person",
        Named::Role => "The role",
    }
}

fn number_sv(n: RuleNumber) -> &'static str {
    match n {
        RuleNumber::NoticeDays => "Dagar för kallelse",
        RuleNumber::BeredningDays => "Dagar för beredning",
        RuleNumber::MeetingsPerYear => "Möten per år",
        RuleNumber::Seats => "Antal platser",
    }
}

fn number_en(n: RuleNumber) -> &'static str {
    match n {
        RuleNumber::NoticeDays => "Days of notice",
        RuleNumber::BeredningDays => "Days of preparation",
        RuleNumber::MeetingsPerYear => "Meetings a year",
        RuleNumber::Seats => "Seats",
    }
}

impl fmt::Display for SetupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetupError::EmptyName(Named::Role) => write!(f, "The role needs a title. Write one, e.g. Ordförande."),
            SetupError::EmptyName(n) => write!(f, "{} needs a name. Write one before saving.", named_en(*n)),
            SetupError::PopulationNotANumber { text } => {
                write!(f, "The population “{text}” is not a whole number. Write digits only, e.g. 38 000.")
            }
            SetupError::UnreadableDate { text } => {
                write!(f, "The date “{text}” cannot be read. Write it as YYYY-MM-DD, e.g. 2019-03-01.")
            }
            SetupError::PeriodEndsBeforeStart { start, end } => {
                write!(f, "The period ends ({end}) before it starts ({start}). Swap or correct the dates.")
            }
            SetupError::HolderNotInCouncil => {
                write!(f, "Only someone in the council can hold a role. Add the person under People first.")
            }
            SetupError::SeatsTaken { seats } => write!(
                f,
                "The role has {seats} seat{} and all are held then. End a holder's period first or add a seat.",
                if *seats == 1 { "" } else { "s" }
            ),
            SetupError::NumberOutOfRange { what, text } => {
                let (lo, hi) = what.range();
                write!(f, "{} “{text}” must be a whole number from {lo} to {hi}.", number_en(*what))
            }
        }
    }
}

impl Bilingual for SetupError {
    fn sv(&self) -> String {
        match self {
            SetupError::EmptyName(Named::Role) => "Rollen behöver en titel. Skriv en, t.ex. Ordförande.".into(),
            SetupError::EmptyName(n) => format!("{} behöver ett namn. Skriv ett innan du sparar.", named_sv(*n)),
            SetupError::PopulationNotANumber { text } => {
                format!("Folkmängden ”{text}” är inte ett heltal. Skriv bara siffror, t.ex. 38 000.")
            }
            SetupError::UnreadableDate { text } => {
                format!("Datumet ”{text}” går inte att läsa. Skriv det som ÅÅÅÅ-MM-DD, t.ex. 2019-03-01.")
            }
            SetupError::PeriodEndsBeforeStart { start, end } => {
                format!("Perioden slutar ({end}) innan den börjar ({start}). Byt plats på eller rätta datumen.")
            }
            SetupError::HolderNotInCouncil => {
                "Bara någon i rådet kan ha en roll. Lägg först till personen under Personer.".into()
            }
            SetupError::SeatsTaken { seats } => format!(
                "Rollen har {seats} {} och alla är tillsatta då. Avsluta en innehavares period först eller lägg till en plats.",
                if *seats == 1 { "plats" } else { "platser" }
            ),
            SetupError::NumberOutOfRange { what, text } => {
                let (lo, hi) = what.range();
                format!("{} ”{text}” ska vara ett heltal från {lo} till {hi}.", number_sv(*what))
            }
        }
    }
}

/// A name as it will be stored: trimmed, and never empty.
pub fn name(text: &str, what: Named) -> Result<String, SetupError> {
    let name = text.trim();
    if name.is_empty() {
        return Err(SetupError::EmptyName(what));
    }
    Ok(name.to_string())
}

/// A population as typed: empty is "not known"; spaces between thousands are allowed
/// ("38 000", also the no-break spaces a copied table has).
pub fn population(text: &str) -> Result<Option<u32>, SetupError> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{202f}').collect();
    if digits.is_empty() {
        return Ok(None);
    }
    digits.parse::<u32>().map(Some).map_err(|_| SetupError::PopulationNotANumber { text: text.trim().to_string() })
}

/// A date field: empty, or "YYYY-MM-DD". Returns it trimmed.
pub fn optional_date(text: &str) -> Result<String, SetupError> {
    let t = text.trim();
    if !t.is_empty() && parse_date(t).is_err() {
        return Err(SetupError::UnreadableDate { text: t.to_string() });
    }
    Ok(t.to_string())
}

/// A period from `start` to `end` (either may be empty): both readable, the end not before
/// the start. Returns both trimmed.
pub fn period(start: &str, end: &str) -> Result<(String, String), SetupError> {
    let (start, end) = (optional_date(start)?, optional_date(end)?);
    if !start.is_empty() && !end.is_empty() && end < start {
        return Err(SetupError::PeriodEndsBeforeStart { start, end });
    }
    Ok((start, end))
}

/// A whole number in the rules, within its range.
pub fn number(text: &str, what: RuleNumber) -> Result<u32, SetupError> {
    let (lo, hi) = what.range();
    match text.trim().parse::<u32>() {
        Ok(n) if (lo..=hi).contains(&n) => Ok(n),
        _ => Err(SetupError::NumberOutOfRange { what, text: text.trim().to_string() }),
    }
}

/// Whether `person` may be given a role: they are in the council and not removed.
pub fn holder_in_council(council: &Council, person: PersonId) -> Result<(), SetupError> {
    match council.person(person) {
        Some(p) if !p.removed => Ok(()),
        _ => Err(SetupError::HolderNotInCouncil),
    }
}

/// Whether two periods (empty ends are open) share a day. Dates are "YYYY-MM-DD", which
/// compare as text.
pub fn periods_overlap(a: (&str, &str), b: (&str, &str)) -> bool {
    let starts_before_end = |start: &str, end: &str| start.is_empty() || end.is_empty() || start <= end;
    starts_before_end(a.0, b.1) && starts_before_end(b.0, a.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{Person, PersonId};

    #[test]
    fn bad_input_is_refused_with_what_to_fix() {
        assert_eq!(name("  Fyrbodals e-råd ", Named::Council), Ok("Fyrbodals e-råd".into()));
        let empty = name("   ", Named::Council).unwrap_err();
        assert_eq!(empty.say(Lang::Sv), "Rådet behöver ett namn. Skriv ett innan du sparar.");
        assert!(name("", Named::Person).unwrap_err().to_string().starts_with("The person needs a name"));

        assert_eq!(population("38 000"), Ok(Some(38_000)));
        assert_eq!(population("12\u{a0}345"), Ok(Some(12_345)));
        assert_eq!(population(""), Ok(None));
        let bad = population("många").unwrap_err();
        assert!(bad.sv().contains("”många” är inte ett heltal"), "{}", bad.sv());
        assert!(population("-5").is_err());

        assert_eq!(period("2019-03-01", "2020-12-31"), Ok(("2019-03-01".into(), "2020-12-31".into())));
        assert_eq!(period("2019-03-01", ""), Ok(("2019-03-01".into(), String::new())));
        let backwards = period("2020-12-31", "2019-03-01").unwrap_err();
        assert!(backwards.sv().starts_with("Perioden slutar (2019-03-01) innan den börjar (2020-12-31)"));
        assert!(matches!(period("1 mars", ""), Err(SetupError::UnreadableDate { .. })));

        assert_eq!(number("21", RuleNumber::NoticeDays), Ok(21));
        assert!(number("0", RuleNumber::MeetingsPerYear).unwrap_err().sv().contains("från 1 till 52"));
        assert!(number("två", RuleNumber::NoticeDays).is_err());
    }

    #[test]
    fn only_people_in_the_council_hold_roles() {
        let mut c = Council::new("Rådet", "Förbundet");
        let anna = PersonId::random();
        c.people.push(Person::new(anna, "Anna", None));
        assert_eq!(holder_in_council(&c, anna), Ok(()));
        assert_eq!(holder_in_council(&c, PersonId::random()), Err(SetupError::HolderNotInCouncil));
        c.people[0].removed = true;
        assert_eq!(holder_in_council(&c, anna), Err(SetupError::HolderNotInCouncil));
    }

    #[test]
    fn periods_overlap_with_open_ends() {
        assert!(periods_overlap(("2019-01-01", "2019-12-31"), ("2019-06-01", "")));
        assert!(!periods_overlap(("2019-01-01", "2019-05-31"), ("2019-06-01", "")));
        assert!(periods_overlap(("", ""), ("2030-01-01", "2030-01-02")));
    }
}
