//! A co-written list of lines on the initiative page — scope, goals, benefits, and the four lists
//! of the current status report — each line typed together, moved up or down, removed.

use automerge::AutoCommit;
use leptos::prelude::*;

use super::InitiativeContext;
use crate::doc::plan::initiative::{add_line, move_line, set_line_removed, splice_initiative_text, InitiativeList, InitiativeText};
use crate::doc::plan::status::{add_status_line, move_status_line, set_status_line_removed, splice_status_line};
use crate::doc::DocError;
use crate::i18n::Key;
use crate::model::plan::line::{visible, Line};
use crate::model::plan::{Initiative, StatusList};
use crate::model::{EntryId, StatusReportId};
use crate::ui::text_field::CoTextField;
use crate::ui::tr;

/// Where a list's lines live in the initiative's document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LineSource {
    Initiative(InitiativeList),
    Status(StatusReportId, StatusList),
}

impl LineSource {
    fn lines(self, i: &Initiative) -> Vec<Line> {
        let all: &[Line] = match self {
            LineSource::Initiative(list) => list.of(i),
            LineSource::Status(report, list) => match i.status_reports.iter().find(|r| r.id == report) {
                Some(r) => r.list(list),
                None => &[],
            },
        };
        visible(all).cloned().collect()
    }

    fn add(self, doc: &mut AutoCommit, id: EntryId, now: i64) -> Result<EntryId, DocError> {
        match self {
            LineSource::Initiative(list) => add_line(doc, list, id, "", now),
            LineSource::Status(report, list) => add_status_line(doc, report, list, id, "", now),
        }
    }

    fn remove(self, doc: &mut AutoCommit, id: EntryId, now: i64) -> Result<(), DocError> {
        match self {
            LineSource::Initiative(list) => set_line_removed(doc, list, id, true, now),
            LineSource::Status(report, list) => set_status_line_removed(doc, report, list, id, true, now),
        }
    }

    fn move_to(self, doc: &mut AutoCommit, id: EntryId, index: usize, now: i64) -> Result<(), DocError> {
        match self {
            LineSource::Initiative(list) => move_line(doc, list, id, index, now),
            LineSource::Status(report, list) => move_status_line(doc, report, list, id, index, now),
        }
    }

    fn splice(self, doc: &mut AutoCommit, id: EntryId, pos: usize, del: usize, insert: &str) -> Result<(), DocError> {
        match self {
            LineSource::Initiative(list) => splice_initiative_text(doc, InitiativeText::Line(list, id), pos, del, insert),
            LineSource::Status(report, list) => splice_status_line(doc, report, list, id, pos, del, insert),
        }
    }
}

/// A heading and its lines, each editable, with "Lägg till rad" below.
#[component]
pub(super) fn LineList(source: LineSource, label: Key, #[prop(optional)] sub: bool) -> impl IntoView {
    let ctx = expect_context::<InitiativeContext>();
    let ids = Memo::new(move |_| ctx.initiative.with(|i| i.as_ref().map(|i| source.lines(i).into_iter().map(|l| l.id).collect::<Vec<_>>()).unwrap_or_default()));
    let problem = RwSignal::new(None::<String>);
    let heading_id = match source {
        LineSource::Initiative(list) => format!("lines-{list:?}"),
        LineSource::Status(report, list) => format!("status-{report}-{}", list.field()),
    }
    .to_lowercase();
    let report = move |r: Result<(), String>| problem.set(r.err());
    let add = move |_| {
        let id = EntryId::random();
        match ctx.change(|doc, now| source.add(doc, id, now)) {
            Ok(_) => {
                problem.set(None);
                crate::ui::agenda::focus_first_field(format!("[data-line='{id}']"));
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    let heading = move || tr(label);
    view! {
        <section class="line-list" aria-labelledby=heading_id.clone()>
            {if sub {
                view! { <h3 id=heading_id.clone()>{heading}</h3> }.into_any()
            } else {
                view! { <h2 id=heading_id.clone()>{heading}</h2> }.into_any()
            }}
            <ol>
                <For each=move || ids.get() key=|id| *id let:id>
                    {
                        let value = Signal::derive(move || ctx.initiative.with(|i| i.as_ref().and_then(|i| source.lines(i).into_iter().find(|l| l.id == id)).map(|l| l.text.as_str().to_string()).unwrap_or_default()));
                        let position = Memo::new(move |_| ids.with(|ids| ids.iter().position(|i| *i == id)));
                        let count = Memo::new(move |_| ids.with(Vec::len));
                        let name = move || format!("{} {}", heading(), position.get().map_or(0, |p| p + 1));
                        let step = move |by: isize| {
                            let Some(p) = position.get_untracked() else { return };
                            let to = p.checked_add_signed(by).filter(|t| *t < count.get_untracked());
                            if let Some(to) = to {
                                report(ctx.change(|doc, now| source.move_to(doc, id, to, now)));
                                crate::ui::agenda::focus_first_field(format!("[data-line='{id}']"));
                            }
                        };
                        view! {
                            <li data-line=id.to_string()>
                                <CoTextField value=value label=Signal::derive(name) multiline=true
                                    on_splice=move |pos, del, ins| ctx.type_into(move |doc| source.splice(doc, id, pos, del, &ins))
                                    on_commit=move || ctx.commit()/>
                                <div class="line-actions">
                                    <button type="button" aria-label=move || format!("{} {}", tr(Key::MoveUp), name()) disabled=move || position.get() == Some(0) on:click=move |_| step(-1)>"↑"</button>
                                    <button type="button" aria-label=move || format!("{} {}", tr(Key::MoveDown), name()) disabled=move || position.get().map(|p| p + 1) == Some(count.get()) on:click=move |_| step(1)>"↓"</button>
                                    <button type="button" aria-label=move || format!("{} {}", tr(Key::Remove), name())
                                        on:click=move |_| report(ctx.change(|doc, now| source.remove(doc, id, now)))>{move || tr(Key::Remove)}</button>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ol>
            <button type="button" class="add" on:click=add>{move || format!("{} ({})", tr(Key::AddLine), heading())}</button>
            {move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}
        </section>
    }
}
