//! Status reports (statusrapporter) in an initiative's or the communication plan's document:
//! both keep them under `status_reports`, so these functions serve either. Starting a period
//! carries pågående and kommande forward (`model::plan::status_report::next_period`).

use automerge::AutoCommit;
use autosurgeon::{Hydrate, Reconcile, Text};

use super::{append, edit_root, find, move_to, splice_at, TextPath};
use crate::doc::DocError;
use crate::model::plan::line::Line;
use crate::model::plan::status_report::{latest, next_period, period};
use crate::model::plan::{StatusList, StatusReport};
use crate::model::{EntryId, StatusReportId};

/// The part of either document these functions read and write.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
struct Reports {
    #[autosurgeon(with = "crate::model::keyed")]
    status_reports: Vec<StatusReport>,
}

const WHAT: &str = "status report";

fn edit<R>(
    doc: &mut AutoCommit,
    now: i64,
    message: impl Into<String>,
    f: impl FnOnce(&mut Vec<StatusReport>) -> Result<R, DocError>,
) -> Result<R, DocError> {
    edit_root(doc, now, "the action plan", message, |r: &mut Reports| f(&mut r.status_reports))
}

/// The document's status reports, oldest period first.
pub fn hydrate_status_reports(doc: &AutoCommit) -> Result<Vec<StatusReport>, DocError> {
    let r: Reports = autosurgeon::hydrate(doc).map_err(|e| DocError::unreadable("the action plan", e))?;
    Ok(r.status_reports)
}

/// Start a new period's report (ny period): pågående and kommande aktiviteter of the latest
/// report are carried into it; the latest report is left as it was. Returns the new id.
pub fn start_period(doc: &mut AutoCommit, id: StatusReportId, start: &str, end: &str, now: i64) -> Result<StatusReportId, DocError> {
    edit(doc, now, format!("Ny statusperiod från {}", start.trim()), |reports| {
        let report = next_period(latest(reports), id, start, end)?;
        reports.push(report);
        Ok(id)
    })
}

/// Correct a period's dates.
pub fn set_period(doc: &mut AutoCommit, report: StatusReportId, start: &str, end: &str, now: i64) -> Result<(), DocError> {
    let (start, end) = period(start, end)?;
    edit(doc, now, "Ändrade statusperioden", |reports| {
        let r = find(reports, &report, WHAT)?;
        r.period_start = start;
        r.period_end = end;
        Ok(())
    })
}

/// Add a line last in one of a report's four lists.
pub fn add_status_line(
    doc: &mut AutoCommit,
    report: StatusReportId,
    list: StatusList,
    id: EntryId,
    text: &str,
    now: i64,
) -> Result<EntryId, DocError> {
    edit(doc, now, "Lade till rad i statusrapporten", |reports| {
        let r = find(reports, &report, WHAT)?;
        append(r.list_mut(list), |position| Line::new(id, position, text));
        Ok(id)
    })
}

/// Type into a line of a report. Not committed: call `doc::commit_typing`.
pub fn splice_status_line(
    doc: &mut AutoCommit,
    report: StatusReportId,
    list: StatusList,
    line: EntryId,
    pos: usize,
    del: usize,
    insert: &str,
) -> Result<(), DocError> {
    let path = TextPath::new(&["status_reports", &report.to_string(), list.field(), &line.to_string()], "text");
    splice_at(doc, &path, "line", pos, del, insert)
}

/// Type into a report's summary. Not committed: call `doc::commit_typing`.
pub fn splice_status_summary(doc: &mut AutoCommit, report: StatusReportId, pos: usize, del: usize, insert: &str) -> Result<(), DocError> {
    splice_at(doc, &TextPath::new(&["status_reports", &report.to_string()], "summary"), WHAT, pos, del, insert)
}

/// Remove a line (it can be restored), or restore it.
pub fn set_status_line_removed(
    doc: &mut AutoCommit,
    report: StatusReportId,
    list: StatusList,
    line: EntryId,
    removed: bool,
    now: i64,
) -> Result<(), DocError> {
    edit(doc, now, if removed { "Tog bort rad i statusrapporten" } else { "Återställde rad i statusrapporten" }, |reports| {
        let r = find(reports, &report, WHAT)?;
        find(r.list_mut(list), &line, "line")?.deleted = removed;
        Ok(())
    })
}

/// Move a line to `new_index` within its list.
pub fn move_status_line(
    doc: &mut AutoCommit,
    report: StatusReportId,
    list: StatusList,
    line: EntryId,
    new_index: usize,
    now: i64,
) -> Result<(), DocError> {
    edit(doc, now, "Flyttade rad i statusrapporten", |reports| {
        let r = find(reports, &report, WHAT)?;
        move_to(r.list_mut(list), &line, new_index, |l| !l.deleted, |l, p| l.position = p, "line")
    })
}

/// Move a line from one list to another, last there — e.g. a pågående activity that is done
/// becomes slutförd. The line keeps its id and text.
pub fn move_status_line_to(
    doc: &mut AutoCommit,
    report: StatusReportId,
    line: EntryId,
    from: StatusList,
    to: StatusList,
    now: i64,
) -> Result<(), DocError> {
    if from == to {
        return Ok(());
    }
    edit(doc, now, "Flyttade rad mellan listor", |reports| {
        let r = find(reports, &report, WHAT)?;
        let source = r.list_mut(from);
        let index = source.iter().position(|l| l.id == line).ok_or(DocError::NotInDocument { what: "line", id: line.to_string() })?;
        let moved = source.remove(index);
        let text = moved.text.as_str().to_string();
        append(r.list_mut(to), |position| Line { id: line, position, text: Text::with_value(text), deleted: false });
        Ok(())
    })
}
