//! Money in the plan (pengar): budget lines per year and funder, potential economic benefits as
//! percentage ranges with a unit ("20–30 % lägre antal timmar"), and kronor and percentages as
//! the council writes them ("1 500 000 kr", "3,56 %").

use autosurgeon::{Hydrate, Reconcile, Text};

use super::error::PlanError;
use crate::model::ids::{EntryId, InitiativeId};

/// What an economic benefit saves (enhet): the seeds' "lägre antal timmar", "lägre kostnad",
/// "lägre kontraktsvärde", "frigjord tid".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum BenefitUnit {
    /// Timmar: fewer hours of work.
    Hours,
    /// Kronor: lower cost.
    Kronor,
    /// Kontraktsvärde: lower contract value.
    ContractValue,
    /// Tid: time freed or saved (handläggningstid, svarstid).
    Time,
}

impl BenefitUnit {
    pub fn sv(self) -> &'static str {
        match self {
            BenefitUnit::Hours => "lägre antal timmar",
            BenefitUnit::Kronor => "lägre kostnad",
            BenefitUnit::ContractValue => "lägre kontraktsvärde",
            BenefitUnit::Time => "frigjord tid",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            BenefitUnit::Hours => "fewer hours",
            BenefitUnit::Kronor => "lower cost",
            BenefitUnit::ContractValue => "lower contract value",
            BenefitUnit::Time => "time freed",
        }
    }
}

/// A percentage range, low to high, both 0–100 ("20–30 %"; "5 %" is 5–5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub struct BenefitRange {
    pub low: u32,
    pub high: u32,
}

impl BenefitRange {
    /// A range whose ends are checked: low not above high, neither above 100.
    pub fn new(low: u32, high: u32) -> Result<Self, PlanError> {
        for n in [low, high] {
            if n > 100 {
                return Err(PlanError::PercentOver100 { text: format!("{n} %") });
            }
        }
        if low > high {
            return Err(PlanError::RangeLowAboveHigh { low, high });
        }
        Ok(BenefitRange { low, high })
    }

    /// "20–30 %", or "5 %" when both ends are equal.
    pub fn label(self) -> String {
        if self.low == self.high {
            format!("{} %", self.low)
        } else {
            format!("{}–{} %", self.low, self.high)
        }
    }
}

/// Read a range as people write it: "20-30%", "20–30 %", "15 - 30 %", "5%".
pub fn parse_range(text: &str) -> Result<BenefitRange, PlanError> {
    let t = text.trim().trim_end_matches('%').trim();
    let not_a_number = || PlanError::NotANumber { text: text.trim().to_string() };
    let number = |s: &str| s.trim().parse::<u32>().map_err(|_| not_a_number());
    let (low, high) = match t.split_once(['-', '–', '—']) {
        Some((a, b)) => (number(a)?, number(b)?),
        None => {
            let n = number(t)?;
            (n, n)
        }
    };
    BenefitRange::new(low, high)
}

/// A potential economic benefit (potentiell ekonomisk nytta): what brings it and by how much.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct EconomicBenefit {
    #[key]
    pub id: EntryId,
    #[autosurgeon(missing = "String::new")]
    pub position: String,
    /// What brings it, e.g. "Gemensam upphandlingsprocess".
    pub description: Text,
    pub range: BenefitRange,
    pub unit: BenefitUnit,
    /// The rest of the seed's wording, e.g. "i jämförelse med analog hantering".
    #[autosurgeon(missing = "String::new")]
    pub note: String,
    #[autosurgeon(missing = "bool::default")]
    pub deleted: bool,
}

keyed_by!(EconomicBenefit, EntryId);

impl EconomicBenefit {
    /// "20–30 % lägre antal timmar", with the note after it when there is one.
    pub fn effect_sv(&self) -> String {
        let mut s = format!("{} {}", self.range.label(), self.unit.sv());
        if !self.note.trim().is_empty() {
            s.push(' ');
            s.push_str(self.note.trim());
        }
        s
    }
}

/// A budget line (budgetpost): an amount a funder gives for a year, e.g. VästKom centralt
/// 1 000 000 kr/år. Held in the council's root, optionally for one initiative.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct BudgetLine {
    #[key]
    pub id: EntryId,
    #[autosurgeon(missing = "String::new")]
    pub position: String,
    /// År.
    pub year: i64,
    /// Finansiär, e.g. "VästKom".
    pub funder: String,
    /// Vad, e.g. "GITS".
    pub what: Text,
    /// Belopp i kronor.
    pub amount_kr: u64,
    /// The initiative it funds, if not the plan as a whole.
    #[autosurgeon(missing = "Option::default")]
    pub initiative: Option<InitiativeId>,
    #[autosurgeon(missing = "bool::default")]
    pub deleted: bool,
}

keyed_by!(BudgetLine, EntryId);

/// The budget per year (år, summa), years in order; removed lines left out.
pub fn budget_by_year(lines: &[BudgetLine]) -> Vec<(i64, u64)> {
    let mut years: Vec<(i64, u64)> = Vec::new();
    for l in lines.iter().filter(|l| !l.deleted) {
        match years.iter_mut().find(|(y, _)| *y == l.year) {
            Some((_, sum)) => *sum += l.amount_kr,
            None => years.push((l.year, l.amount_kr)),
        }
    }
    years.sort();
    years
}

/// "1 500 000 kr": thousands separated by a space, as the council writes amounts.
pub fn format_kronor(amount: u64) -> String {
    format!("{} kr", group_thousands(amount))
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// "3,56 %" from hundredths of a percent (356).
pub fn format_percent(hundredths: u32) -> String {
    format!("{},{:02} %", hundredths / 100, hundredths % 100)
}

/// Digits of a number as pasted: spaces (also no-break ones) between thousands dropped.
fn digits_only(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && *c != '\u{202f}').collect()
}

/// An amount in whole kronor: "1 500 000 kr", "53 400", "1500000 SEK".
pub fn parse_kronor(text: &str) -> Result<u64, PlanError> {
    let t = text.trim();
    let lower = t.to_lowercase();
    let bare = lower.trim_end_matches("kr/år").trim_end_matches("sek").trim_end_matches("kr").trim_end_matches(':').trim_end_matches(",-");
    let digits = digits_only(bare);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(PlanError::NotANumber { text: t.to_string() });
    }
    digits.parse::<u64>().map_err(|_| PlanError::NotANumber { text: t.to_string() })
}

/// A percentage in hundredths: "3,56%" → 356, "100,00 %" → 10 000, "21.5" → 2150. Above 100 %
/// is refused.
pub fn parse_percent(text: &str) -> Result<u32, PlanError> {
    let t = text.trim();
    let bare = digits_only(t.trim_end_matches('%')).replace(',', ".");
    let not_a_number = || PlanError::NotANumber { text: t.to_string() };
    let (whole, frac) = bare.split_once('.').unwrap_or((bare.as_str(), ""));
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(not_a_number());
    }
    let whole: u64 = whole.parse().map_err(|_| not_a_number())?;
    // Hundredths, rounded half up from any further decimals.
    let mut frac_digits: Vec<u64> = frac.chars().filter_map(|c| c.to_digit(10)).map(u64::from).collect();
    frac_digits.resize(frac_digits.len().max(3), 0);
    let mut hundredths = whole * 100 + frac_digits[0] * 10 + frac_digits[1];
    if frac_digits[2] >= 5 {
        hundredths += 1;
    }
    if hundredths > 10_000 {
        return Err(PlanError::PercentOver100 { text: t.to_string() });
    }
    Ok(hundredths as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_as_written_and_refuse_nonsense() {
        assert_eq!(parse_range("20-30%"), Ok(BenefitRange { low: 20, high: 30 }));
        assert_eq!(parse_range("15 – 30 %"), Ok(BenefitRange { low: 15, high: 30 }));
        assert_eq!(parse_range("5%"), Ok(BenefitRange { low: 5, high: 5 }));
        assert_eq!(parse_range("30-20%"), Err(PlanError::RangeLowAboveHigh { low: 30, high: 20 }));
        assert!(matches!(parse_range("60-190%"), Err(PlanError::PercentOver100 { .. })));
        assert!(matches!(parse_range("mycket"), Err(PlanError::NotANumber { .. })));
        assert_eq!(BenefitRange { low: 20, high: 30 }.label(), "20–30 %");
    }

    #[test]
    fn kronor_and_percent_as_the_council_writes_them() {
        assert_eq!(format_kronor(1_500_000), "1 500 000 kr");
        assert_eq!(format_kronor(999), "999 kr");
        assert_eq!(parse_kronor("53 400 kr"), Ok(53_400));
        assert_eq!(parse_kronor("4 000 000kr/år"), Ok(4_000_000));
        assert!(parse_kronor("gratis").is_err());
        assert_eq!(parse_percent("3,56%"), Ok(356));
        assert_eq!(parse_percent("100,00%"), Ok(10_000));
        assert_eq!(parse_percent("21.555"), Ok(2156));
        assert!(matches!(parse_percent("101%"), Err(PlanError::PercentOver100 { .. })));
        assert_eq!(format_percent(356), "3,56 %");
    }
}
