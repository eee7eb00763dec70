//! A cost split by population (kostnadsfördelning efter folkmängd): any sum over the
//! participating municipalities, in kronor and percent, that adds up to the sum exactly; and a
//! pasted split table (seed 001) read and checked against it, every difference named.
//!
//! Rounding is by largest remainder: each share is first rounded down, and the kronor left
//! over go one each to the largest remainders (ties to the earlier row), so the shares always
//! add up to the sum and each is within one krona of its exact quotient. Percentages are split
//! the same way in hundredths, so they add up to 100,00 %.

use std::fmt;

use super::error::{PlanError, RowReason};
use crate::i18n::Bilingual;
use super::money::{parse_kronor, parse_percent};
use crate::model::council::{Council, OrganisationKind};
use crate::model::ids::OrganisationId;

/// One municipality taking part in a split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shareholder {
    pub organisation: Option<OrganisationId>,
    pub name: String,
    /// Folkmängd.
    pub population: u64,
}

/// One municipality's share (andel, kostnad).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    pub organisation: Option<OrganisationId>,
    pub name: String,
    pub population: u64,
    /// Kostnad, whole kronor.
    pub kronor: u64,
    /// Andel in hundredths of a percent (356 = 3,56 %).
    pub hundredths: u32,
}

/// A whole split: the shares add up to `total` and to 100,00 %.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostSplit {
    pub total: u64,
    /// Summa folkmängd.
    pub population: u64,
    pub shares: Vec<Share>,
}

/// The participating municipalities of `ids` as the council holds them, in the council's
/// order. Refused when one has no population, since the split would silently leave it out.
pub fn shareholders(council: &Council, ids: &[OrganisationId]) -> Result<Vec<Shareholder>, PlanError> {
    council
        .current_organisations()
        .filter(|o| ids.contains(&o.id))
        .map(|o| match o.population {
            Some(p) => Ok(Shareholder { organisation: Some(o.id), name: o.name.clone(), population: u64::from(p) }),
            None => Err(PlanError::PopulationMissing { name: o.name.clone() }),
        })
        .collect()
}

/// Every member municipality of the council (for a split over all fourteen).
pub fn all_municipalities(council: &Council) -> Result<Vec<Shareholder>, PlanError> {
    let ids: Vec<OrganisationId> =
        council.current_organisations().filter(|o| o.kind == OrganisationKind::Municipality).map(|o| o.id).collect();
    shareholders(council, &ids)
}

/// Split `total` kronor over the council's municipalities `ids` (an initiative's participating
/// ones, say) by their population.
pub fn split_over(council: &Council, ids: &[OrganisationId], total: u64) -> Result<CostSplit, PlanError> {
    split_cost(total, &shareholders(council, ids)?)
}

/// `weights` shares of `total` that add up to it: floors first, the rest by largest remainder.
fn largest_remainder(total: u128, weights: &[u128]) -> Vec<u128> {
    let sum: u128 = weights.iter().sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let mut shares: Vec<u128> = weights.iter().map(|w| total * w / sum).collect();
    let left = total - shares.iter().sum::<u128>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // Largest remainder first; a stable sort keeps ties in row order, the same on every device.
    order.sort_by(|&a, &b| (total * weights[b] % sum).cmp(&(total * weights[a] % sum)));
    for &i in order.iter().take(left as usize) {
        shares[i] += 1;
    }
    shares
}

/// Split `total` kronor over `members` by population.
pub fn split_cost(total: u64, members: &[Shareholder]) -> Result<CostSplit, PlanError> {
    let population: u64 = members.iter().map(|m| m.population).sum();
    if population == 0 && total > 0 {
        return Err(PlanError::NoPopulation);
    }
    let weights: Vec<u128> = members.iter().map(|m| u128::from(m.population)).collect();
    let kronor = largest_remainder(u128::from(total), &weights);
    let hundredths = largest_remainder(if population == 0 { 0 } else { 10_000 }, &weights);
    let shares = members
        .iter()
        .zip(kronor.into_iter().zip(hundredths))
        .map(|(m, (kr, h))| Share {
            organisation: m.organisation,
            name: m.name.clone(),
            population: m.population,
            kronor: kr as u64,
            hundredths: h as u32,
        })
        .collect();
    Ok(CostSplit { total, population, shares })
}

/// A row of a pasted split table: Kommun, Folkmängd, and Andel and Kostnad when given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastedRow {
    /// Line in the pasted text, from 1.
    pub line: usize,
    pub name: String,
    pub population: u64,
    pub hundredths: Option<u32>,
    pub kronor: Option<u64>,
}

/// A pasted table as read: its rows, its sum row ("Summa"), and every row that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PastedSplit {
    pub rows: Vec<PastedRow>,
    pub sum: Option<PastedRow>,
    /// `PlanError::UnreadableRow`s, in line order.
    pub problems: Vec<PlanError>,
}

const SUM_WORDS: [&str; 4] = ["summa", "totalt", "total", "sum"];

/// Read a split table pasted from Word or a spreadsheet (tab-separated), or typed with spaces
/// ("Bengtsfors 9750 3,56% 53 400 kr"). A first row without a population is taken as the
/// header; empty lines are skipped.
pub fn parse_split_table(text: &str) -> PastedSplit {
    let mut out = PastedSplit::default();
    let mut seen_row = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let cells = cells(raw);
        let first_row = !seen_row;
        seen_row = true;
        match read_row(line, &cells) {
            Ok(row) => {
                if SUM_WORDS.contains(&row.name.to_lowercase().as_str()) {
                    out.sum = Some(row);
                } else {
                    out.rows.push(row);
                }
            }
            // A header ("Kommun Folkmängd Andel Kostnad") has words where numbers go.
            Err(RowReason::PopulationNotANumber(_)) if first_row && looks_like_header(&cells) => {}
            Err(reason) => out.problems.push(PlanError::UnreadableRow { line, reason }),
        }
    }
    out
}

fn looks_like_header(cells: &[String]) -> bool {
    cells.iter().all(|c| !c.chars().any(|ch| ch.is_ascii_digit()))
}

/// The cells of a row: split on tabs, or else at the first number and the percent sign.
fn cells(raw: &str) -> Vec<String> {
    if raw.contains('\t') {
        return raw.split('\t').map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect();
    }
    let tokens: Vec<&str> = raw.split_whitespace().collect();
    // The name is the words before the first one that starts with a digit.
    let name_end = tokens.iter().position(|t| t.starts_with(|c: char| c.is_ascii_digit())).unwrap_or(tokens.len());
    let mut cells = vec![tokens[..name_end].join(" ")];
    let rest = &tokens[name_end..];
    match rest.iter().position(|t| t.ends_with('%')) {
        Some(p) => {
            // "3,56 %" may be split from its sign.
            let (pop, percent) = if rest[p] == "%" && p > 0 { (&rest[..p - 1], format!("{}%", rest[p - 1])) } else { (&rest[..p], rest[p].to_string()) };
            cells.push(pop.join(" "));
            cells.push(percent);
            let kr = rest[p + 1..].join(" ");
            if !kr.is_empty() {
                cells.push(kr);
            }
        }
        None if !rest.is_empty() => cells.push(rest.join(" ")),
        None => {}
    }
    cells.retain(|c| !c.is_empty());
    cells
}

fn read_row(line: usize, cells: &[String]) -> Result<PastedRow, RowReason> {
    let [name, population, rest @ ..] = cells else { return Err(RowReason::TooFewColumns) };
    let digits: String = population.chars().filter(|c| !c.is_whitespace() && *c != '\u{202f}').collect();
    let population = digits.parse::<u64>().map_err(|_| RowReason::PopulationNotANumber(population.clone()))?;
    let hundredths = match rest.first() {
        Some(p) => Some(parse_percent(p).map_err(|e| match e {
            PlanError::PercentOver100 { .. } => RowReason::PercentOver100(p.clone()),
            _ => RowReason::PercentNotReadable(p.clone()),
        })?),
        None => None,
    };
    let kronor = match rest.get(1) {
        Some(k) => Some(parse_kronor(k).map_err(|_| RowReason::AmountNotReadable(k.clone()))?),
        None => None,
    };
    Ok(PastedRow { line, name: name.trim().to_string(), population, hundredths, kronor })
}

/// What a pasted split is checked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitField {
    /// Kostnad of a row.
    Kronor,
    /// Andel of a row, in hundredths of a percent.
    Percent,
    /// The rows' costs added up, against the sum they split.
    SumOfKronor,
    /// The rows' populations added up, against the sum row's.
    SumOfPopulation,
    /// The rows' shares added up, against 100 %.
    SumOfPercent,
}

/// One place where the pasted table and the computed split disagree, and by how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// Line of the pasted row (the sum row's, or 0 without one, for the sums).
    pub line: usize,
    pub name: String,
    pub field: SplitField,
    pub pasted: u64,
    pub computed: u64,
}

fn unit_value(field: SplitField, n: u64) -> String {
    match field {
        SplitField::Kronor | SplitField::SumOfKronor => super::money::format_kronor(n),
        SplitField::Percent | SplitField::SumOfPercent => super::money::format_percent(n.min(u64::from(u32::MAX)) as u32),
        SplitField::SumOfPopulation => format!("{n}"),
    }
}

impl fmt::Display for Disagreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.field {
            SplitField::Kronor => "cost",
            SplitField::Percent => "share",
            SplitField::SumOfKronor => "costs add up to",
            SplitField::SumOfPopulation => "population",
            SplitField::SumOfPercent => "shares add up to",
        };
        let expected = match self.field {
            SplitField::SumOfKronor | SplitField::SumOfPercent => "the sum is",
            SplitField::SumOfPopulation => "the rows add up to",
            _ => "computed",
        };
        write!(
            f,
            "Row {} ({}): the table's {what} {}, {expected} {} ({:+}).",
            self.line,
            self.name,
            unit_value(self.field, self.pasted),
            unit_value(self.field, self.computed),
            self.difference()
        )
    }
}

impl Bilingual for Disagreement {
    fn sv(&self) -> String {
        let what = match self.field {
            SplitField::Kronor => "kostnad",
            SplitField::Percent => "andel",
            SplitField::SumOfKronor => "kostnader blir tillsammans",
            SplitField::SumOfPopulation => "folkmängd",
            SplitField::SumOfPercent => "andelar blir tillsammans",
        };
        let expected = match self.field {
            SplitField::SumOfKronor | SplitField::SumOfPercent => "summan är",
            SplitField::SumOfPopulation => "raderna blir tillsammans",
            _ => "beräknat",
        };
        format!(
            "Rad {} ({}): tabellens {what} {}, {expected} {} ({:+}).",
            self.line,
            self.name,
            unit_value(self.field, self.pasted),
            unit_value(self.field, self.computed),
            self.difference()
        )
    }
}

impl Disagreement {
    /// Pasted minus computed (kronor, people, or hundredths of a percent).
    pub fn difference(&self) -> i128 {
        i128::from(self.pasted) - i128::from(self.computed)
    }
}

/// A pasted table checked: the split computed from its populations and every disagreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitCheck {
    pub split: CostSplit,
    pub disagreements: Vec<Disagreement>,
}

/// Check `pasted` against the split of `total` (or, without one, of the sum row's cost) by the
/// table's own populations. Refused when the table has no rows or no sum to split.
pub fn check_pasted_split(pasted: &PastedSplit, total: Option<u64>) -> Result<SplitCheck, PlanError> {
    if pasted.rows.is_empty() {
        return Err(pasted.problems.first().cloned().unwrap_or(PlanError::EmptyTable));
    }
    let total = total
        .or(pasted.sum.as_ref().and_then(|s| s.kronor))
        .or_else(|| pasted.rows.iter().map(|r| r.kronor).sum::<Option<u64>>())
        .unwrap_or(0);
    let members: Vec<Shareholder> =
        pasted.rows.iter().map(|r| Shareholder { organisation: None, name: r.name.clone(), population: r.population }).collect();
    let split = split_cost(total, &members)?;
    let mut disagreements = Vec::new();
    for (row, share) in pasted.rows.iter().zip(&split.shares) {
        let mut differs = |field, pasted: Option<u64>, computed: u64| {
            if let Some(p) = pasted.filter(|&p| p != computed) {
                disagreements.push(Disagreement { line: row.line, name: row.name.clone(), field, pasted: p, computed });
            }
        };
        differs(SplitField::Kronor, row.kronor, share.kronor);
        differs(SplitField::Percent, row.hundredths.map(u64::from), u64::from(share.hundredths));
    }
    let (sum_line, sum_name) = pasted.sum.as_ref().map_or((0, "Summa".to_string()), |s| (s.line, s.name.clone()));
    let mut sum = |field, pasted: Option<u64>, computed: u64| {
        if let Some(p) = pasted.filter(|&p| p != computed) {
            disagreements.push(Disagreement { line: sum_line, name: sum_name.clone(), field, pasted: p, computed });
        }
    };
    sum(SplitField::SumOfKronor, pasted.rows.iter().map(|r| r.kronor).sum::<Option<u64>>(), total);
    if let Some(s) = &pasted.sum {
        sum(SplitField::SumOfPopulation, Some(split.population), s.population);
    }
    sum(SplitField::SumOfPercent, pasted.rows.iter().map(|r| r.hundredths.map(u64::from)).sum::<Option<u64>>(), 10_000);
    Ok(SplitCheck { split, disagreements })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(pops: &[u64]) -> Vec<Shareholder> {
        pops.iter().enumerate().map(|(i, &p)| Shareholder { organisation: None, name: format!("K{i}"), population: p }).collect()
    }

    #[test]
    fn an_indivisible_sum_still_adds_up() {
        let s = split_cost(100, &members(&[1, 1, 1])).unwrap();
        let kr: Vec<u64> = s.shares.iter().map(|s| s.kronor).collect();
        assert_eq!(kr, [34, 33, 33]);
        let pct: Vec<u32> = s.shares.iter().map(|s| s.hundredths).collect();
        assert_eq!(pct, [3334, 3333, 3333]);
    }

    #[test]
    fn a_spaced_row_is_read_like_a_tabbed_one() {
        let t = parse_split_table("Bengtsfors 9750 3,56% 53 400 kr\nSumma\t273 878\t100,00%\t1 500 000 kr");
        assert_eq!(t.rows[0], PastedRow { line: 1, name: "Bengtsfors".into(), population: 9750, hundredths: Some(356), kronor: Some(53_400) });
        assert_eq!(t.sum.as_ref().map(|s| s.population), Some(273_878));
        assert!(t.problems.is_empty());
    }
}
