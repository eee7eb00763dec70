//! The action plan's pages (handlingsplan, issue 14): the council's initiatives (`list`,
//! `#/plan`), one initiative in its own document (`initiative`, `#/initiative/<id>`, with
//! `lines`, `deliverables`, `participants`, `groups` and `status`), `portfolio`, `risks`,
//! `communication` and `money` (the cost split).

pub mod communication;
mod deliverables;
mod groups;
mod initiative;
mod lines;
pub mod list;
pub mod money;
mod participants;
pub mod portfolio;
pub mod risks;
mod status;

use automerge::{AutoCommit, ReadDoc};
use leptos::prelude::*;
use radslag_protocol::DocumentId;

pub use initiative::InitiativePage;

use super::setup::change_council;
use super::{tr, with_ws};
use crate::doc::plan::council::update_initiative_link;
use crate::doc::plan::initiative::hydrate_initiative;
use crate::doc::DocError;
use crate::i18n::Key;
use crate::model::plan::{Initiative, Phase};
use crate::model::{Council, DocUrl};

/// An initiative's document as a page sees it.
#[derive(Clone, Debug, PartialEq)]
pub enum InitiativeState {
    Fetching,
    Unavailable,
    Unreadable(String),
    Ready(Box<Initiative>),
}

/// The initiative in document `id`, opened if needed and re-read on every change to it.
pub fn initiative_memo(id: DocumentId) -> Memo<InitiativeState> {
    with_ws(|ws| ws.ensure_open(id));
    let revision = with_ws(|ws| ws.revision_signal(id));
    let unavailable = with_ws(|ws| ws.unavailable());
    Memo::new(move |_| {
        if let Some(r) = &revision {
            r.get();
        }
        let read = with_ws(|ws| ws.read(&id, |doc| doc.keys(automerge::ROOT).next().is_some().then(|| hydrate_initiative(doc).map_err(|e| super::say(&e)))))
            .flatten()
            .flatten();
        match read {
            Some(Ok(i)) => InitiativeState::Ready(Box::new(i)),
            Some(Err(e)) => InitiativeState::Unreadable(e),
            None if unavailable.as_ref().is_some_and(|u| u.with(|u| u.contains(&id))) => InitiativeState::Unavailable,
            None => InitiativeState::Fetching,
        }
    })
}

/// What every part of the initiative page reads and how it changes the initiative.
#[derive(Clone, Copy)]
pub(crate) struct InitiativeContext {
    pub id: DocumentId,
    pub initiative: Memo<Option<Initiative>>,
    /// The open council (its municipalities, people and focus areas), once read.
    pub council: Memo<Option<Council>>,
}

impl InitiativeContext {
    /// A structural change to the initiative; the refusal comes back worded for the person.
    pub fn change<T>(&self, f: impl FnOnce(&mut AutoCommit, i64) -> Result<T, DocError>) -> Result<T, String> {
        with_ws(|ws| ws.change(self.id, f)).unwrap_or_else(|| Err(tr(Key::NotStarted).to_string()))
    }

    /// Typing into one of the initiative's texts (committed after a pause or on blur).
    pub fn type_into(&self, f: impl FnOnce(&mut AutoCommit) -> Result<(), DocError>) {
        let id = self.id;
        with_ws(|ws| {
            if let Err(e) = ws.type_text(id, f) {
                ws.problem(crate::problems::Problem::Said(e));
            }
        });
    }

    pub fn commit(&self) {
        with_ws(|ws| ws.flush_typing());
    }

    /// Keeps the council's link (name, focus area, phase) in step with the initiative's
    /// document after a rename or a phase change; a refusal is shown as a problem.
    pub fn refresh_link(&self) {
        let id = self.id;
        let Some(initiative) = with_ws(|ws| ws.read(&id, |doc| hydrate_initiative(doc).ok())).flatten().flatten() else { return };
        let url = DocUrl(id.url());
        if let Err(e) = change_council(|doc, now| update_initiative_link(doc, &url, &initiative, now)) {
            with_ws(|ws| ws.problem(crate::problems::Problem::Said(e)));
        }
    }
}

/// A phase in the UI's language.
pub(crate) fn phase_name(phase: Phase) -> &'static str {
    super::lang().pick(phase.sv(), phase.en())
}

/// The phase's value in a `<select>`.
pub(crate) fn phase_value(phase: Phase) -> &'static str {
    match phase {
        Phase::PreStudy => "prestudy",
        Phase::Directive => "directive",
        Phase::Implementation => "implementation",
        Phase::Closed => "closed",
    }
}

pub(crate) fn phase_of_value(value: &str) -> Option<Phase> {
    Phase::ALL.into_iter().find(|p| phase_value(*p) == value)
}

/// The council's focus areas as the mandate names them, then any other an initiative uses.
pub(crate) fn focus_areas(council: &Council) -> Vec<String> {
    let mut out: Vec<String> = council.mandate.focus_areas.iter().map(|e| e.text.as_str().trim().to_string()).filter(|t| !t.is_empty()).collect();
    for l in &council.plan.initiatives {
        let f = l.focus_area.trim();
        if !f.is_empty() && !out.iter().any(|o| o == f) {
            out.push(f.to_string());
        }
    }
    out
}

/// The document id an initiative link leads to, if the link is readable.
pub(crate) fn link_document(url: &DocUrl) -> Option<DocumentId> {
    DocumentId::parse(&url.0).ok()
}
