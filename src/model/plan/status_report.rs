//! Status reports (statusrapporter) per period, for an initiative or for "Kommunikation": four
//! lists — slutförda aktiviteter, pågående aktiviteter, aktuella problemställningar, kommande
//! aktiviteter. A new period carries pågående and kommande forward; the old one stays as it was.

use autosurgeon::{Hydrate, Reconcile, Text};

use super::error::PlanError;
use super::line::{visible, Line};
use crate::model::ids::StatusReportId;
use crate::model::keyed::Keyed;
use crate::model::time::parse_date;

/// One of the four lists of a status report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusList {
    /// Slutförda aktiviteter under perioden.
    Completed,
    /// Pågående aktiviteter.
    Ongoing,
    /// Aktuella problemställningar.
    Problems,
    /// Kommande aktiviteter.
    Upcoming,
}

impl StatusList {
    pub const ALL: [StatusList; 4] = [StatusList::Completed, StatusList::Ongoing, StatusList::Problems, StatusList::Upcoming];

    /// The field in the document.
    pub fn field(self) -> &'static str {
        match self {
            StatusList::Completed => "completed",
            StatusList::Ongoing => "ongoing",
            StatusList::Problems => "problems",
            StatusList::Upcoming => "upcoming",
        }
    }

    /// The heading the council's slides use.
    pub fn heading_sv(self) -> &'static str {
        match self {
            StatusList::Completed => "Slutförda aktiviteter under perioden",
            StatusList::Ongoing => "Pågående aktiviteter",
            StatusList::Problems => "Aktuella problemställningar",
            StatusList::Upcoming => "Kommande aktiviteter",
        }
    }

    pub fn heading_en(self) -> &'static str {
        match self {
            StatusList::Completed => "Activities completed in the period",
            StatusList::Ongoing => "Ongoing activities",
            StatusList::Problems => "Current issues",
            StatusList::Upcoming => "Upcoming activities",
        }
    }
}

/// One period's status report (statusrapport).
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct StatusReport {
    #[key]
    pub id: StatusReportId,
    /// Periodens start, "YYYY-MM-DD"; also the report's place in order.
    pub period_start: String,
    /// Periodens slut, "YYYY-MM-DD", or empty while the period runs.
    #[autosurgeon(missing = "String::new")]
    pub period_end: String,
    /// Sammanfattning: free text beside the lists.
    #[autosurgeon(missing = "Text::default")]
    pub summary: Text,
    #[autosurgeon(with = "crate::model::keyed")]
    pub completed: Vec<Line>,
    #[autosurgeon(with = "crate::model::keyed")]
    pub ongoing: Vec<Line>,
    #[autosurgeon(with = "crate::model::keyed")]
    pub problems: Vec<Line>,
    #[autosurgeon(with = "crate::model::keyed")]
    pub upcoming: Vec<Line>,
}

// Reports sort by when their period starts; two started for the same day sort by id.
impl Keyed for StatusReport {
    type Id = StatusReportId;
    fn id(&self) -> &StatusReportId {
        &self.id
    }
    fn position(&self) -> &str {
        &self.period_start
    }
}

impl StatusReport {
    /// An empty report for a period.
    pub fn empty(id: StatusReportId, period_start: &str, period_end: &str) -> Self {
        StatusReport {
            id,
            period_start: period_start.to_string(),
            period_end: period_end.to_string(),
            summary: Text::default(),
            completed: Vec::new(),
            ongoing: Vec::new(),
            problems: Vec::new(),
            upcoming: Vec::new(),
        }
    }

    pub fn list(&self, list: StatusList) -> &[Line] {
        match list {
            StatusList::Completed => &self.completed,
            StatusList::Ongoing => &self.ongoing,
            StatusList::Problems => &self.problems,
            StatusList::Upcoming => &self.upcoming,
        }
    }

    pub fn list_mut(&mut self, list: StatusList) -> &mut Vec<Line> {
        match list {
            StatusList::Completed => &mut self.completed,
            StatusList::Ongoing => &mut self.ongoing,
            StatusList::Problems => &mut self.problems,
            StatusList::Upcoming => &mut self.upcoming,
        }
    }

    /// The texts of a list as shown (removed lines left out).
    pub fn texts(&self, list: StatusList) -> Vec<String> {
        visible(self.list(list)).map(|l| l.text.as_str().to_string()).collect()
    }

    /// Whether `date` ("YYYY-MM-DD") falls in the period (an open end runs on).
    pub fn covers(&self, date: &str) -> bool {
        self.period_start.as_str() <= date && (self.period_end.is_empty() || date <= self.period_end.as_str())
    }
}

/// The latest report (the one whose period starts last), if any.
pub fn latest(reports: &[StatusReport]) -> Option<&StatusReport> {
    reports.iter().max_by(|a, b| a.period_start.cmp(&b.period_start).then_with(|| a.id.cmp(&b.id)))
}

/// A checked period: both dates readable (the end may be empty), the end not before the start.
pub fn period(start: &str, end: &str) -> Result<(String, String), PlanError> {
    let (start, end) = (start.trim(), end.trim());
    for d in [start, end] {
        if (d == start || !d.is_empty()) && parse_date(d).is_err() {
            return Err(PlanError::UnreadableDate { text: d.to_string() });
        }
    }
    if !end.is_empty() && end < start {
        return Err(PlanError::PeriodEndsBeforeStart { start: start.into(), end: end.into() });
    }
    Ok((start.to_string(), end.to_string()))
}

/// The report for a new period after `previous` (none for the first): pågående and kommande
/// aktiviteter carried forward as new copies — the same line ids, so one can follow an activity
/// across periods, but new texts, so editing one period never changes another — and empty
/// slutförda and problemställningar. Refused unless the new period starts after the latest.
pub fn next_period(
    previous: Option<&StatusReport>,
    id: StatusReportId,
    start: &str,
    end: &str,
) -> Result<StatusReport, PlanError> {
    let (start, end) = period(start, end)?;
    let mut report = StatusReport::empty(id, &start, &end);
    if let Some(prev) = previous {
        if start <= prev.period_start {
            return Err(PlanError::PeriodNotAfterLatest { latest: prev.period_start.clone(), start });
        }
        let copy = |lines: &[Line]| -> Vec<Line> {
            visible(lines).map(|l| Line::new(l.id, l.position.clone(), l.text.as_str())).collect()
        };
        report.ongoing = copy(&prev.ongoing);
        report.upcoming = copy(&prev.upcoming);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_checked() {
        assert!(period("2020-09-10", "").is_ok());
        assert!(matches!(period("10 sept", ""), Err(PlanError::UnreadableDate { .. })));
        assert!(matches!(period("2020-09-10", "2020-01-01"), Err(PlanError::PeriodEndsBeforeStart { .. })));
    }
}
