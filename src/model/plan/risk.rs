//! Risk analysis (riskanalys, seed 003): threat, vulnerability, consequence, probability and
//! consequence scores 1–5 (risk = their product), protective measures, an owner; and the 5×5
//! matrix the council draws, each risk placed in its cell.

use autosurgeon::{Hydrate, Reconcile, Text};

use super::error::PlanError;
use super::line::Line;
use crate::model::ids::{InitiativeId, PersonId, RiskId};

/// A risk (risk).
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Risk {
    #[key]
    pub id: RiskId,
    #[autosurgeon(missing = "String::new")]
    pub position: String,
    /// Hot: a possible cause of an unwanted event that has not happened.
    pub threat: Text,
    /// Sårbarhet: the weakness in the protection.
    pub vulnerability: Text,
    /// Konsekvens: what happens if the threat uses the weakness.
    pub consequence: Text,
    /// Sannolikhet, 1–5.
    pub probability: u32,
    /// Konsekvens, 1–5.
    pub impact: u32,
    /// Skyddsåtgärder.
    #[autosurgeon(with = "crate::model::keyed")]
    pub measures: Vec<Line>,
    /// Ägare: the council's person responsible.
    #[autosurgeon(missing = "Option::default")]
    pub owner: Option<PersonId>,
    /// The initiative the risk belongs to, if not the plan as a whole.
    #[autosurgeon(missing = "Option::default")]
    pub initiative: Option<InitiativeId>,
    #[autosurgeon(missing = "bool::default")]
    pub deleted: bool,
}

keyed_by!(Risk, RiskId);

/// How serious a risk is, from its score (riskvärde).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RiskLevel {
    /// Låg: 1–4.
    Low,
    /// Medel: 5–9.
    Medium,
    /// Hög: 10–25.
    High,
}

impl RiskLevel {
    pub fn of(score: u32) -> RiskLevel {
        match score {
            0..=4 => RiskLevel::Low,
            5..=9 => RiskLevel::Medium,
            _ => RiskLevel::High,
        }
    }

    pub fn sv(self) -> &'static str {
        match self {
            RiskLevel::Low => "Låg",
            RiskLevel::Medium => "Medel",
            RiskLevel::High => "Hög",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            RiskLevel::Low => "Low",
            RiskLevel::Medium => "Medium",
            RiskLevel::High => "High",
        }
    }
}

impl Risk {
    /// Risk = sannolikhet × konsekvens, 1–25.
    pub fn score(&self) -> u32 {
        self.probability * self.impact
    }

    pub fn level(&self) -> RiskLevel {
        RiskLevel::of(self.score())
    }
}

/// A probability or consequence score as typed: a whole number 1–5.
pub fn parse_score(text: &str) -> Result<u32, PlanError> {
    match text.trim().parse::<u32>() {
        Ok(n) if (1..=5).contains(&n) => Ok(n),
        _ => Err(PlanError::ScoreOutOfRange { text: text.trim().to_string() }),
    }
}

/// The 5×5 risk matrix: `cells[probability - 1][impact - 1]` holds the risks there, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RiskMatrix {
    pub cells: [[Vec<RiskId>; 5]; 5],
    /// Risks whose scores are outside 1–5 (a damaged or newer document), so not in a cell.
    pub unplaced: Vec<RiskId>,
}

impl RiskMatrix {
    pub fn cell(&self, probability: u32, impact: u32) -> &[RiskId] {
        match (probability.checked_sub(1), impact.checked_sub(1)) {
            (Some(p), Some(c)) if p < 5 && c < 5 => &self.cells[p as usize][c as usize],
            _ => &[],
        }
    }
}

/// Place every risk still in the analysis (not removed) in its cell.
pub fn risk_matrix(risks: &[Risk]) -> RiskMatrix {
    let mut m = RiskMatrix::default();
    for r in risks.iter().filter(|r| !r.deleted) {
        match (r.probability, r.impact) {
            (p @ 1..=5, c @ 1..=5) => m.cells[p as usize - 1][c as usize - 1].push(r.id),
            _ => m.unplaced.push(r.id),
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_one_to_five() {
        assert_eq!(parse_score(" 4 "), Ok(4));
        assert!(parse_score("0").is_err());
        assert!(parse_score("6").is_err());
        assert!(parse_score("hög").is_err());
        assert_eq!(RiskLevel::of(20), RiskLevel::High);
        assert_eq!(RiskLevel::of(4), RiskLevel::Low);
    }
}
