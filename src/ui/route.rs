//! Which page is open lives in the URL (the hash), so a link or a reload opens the same page.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use crate::access::InvitationCode;

pub use crate::model::meeting_mode::MeetingMode;

/// Every page of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Council,
    /// A meeting, in the mode that fits it now (see `MeetingMode::default_for`).
    Meeting(DocumentId),
    /// A meeting in a chosen mode (and, under the meeting, a chosen item).
    MeetingIn(DocumentId, MeetingMode),
    /// The notice (kallelse) of a meeting, for printing.
    NoticePrint(DocumentId),
    /// The minutes of a meeting, for printing.
    MinutesPrint(DocumentId),
    /// Attendance per municipality over a year.
    Attendance,
    /// The decisions register and the action-item list across meetings.
    Registers,
    Settings,
    /// The councils on this device: create one, join one, open the demo.
    Start,
    /// Opens the demo council, then its page.
    Demo,
    /// A council's shared link: opens (and keeps) that council on this device.
    OpenCouncil(DocumentId),
    /// The council's details and meeting rules.
    CouncilSettings,
    /// The mandate (uppdragshandling), edited together.
    Mandate,
    /// The mandate laid out for printing, like seed 000.
    MandatePrint,
    Organisations,
    People,
    Roles,
    /// The staffing plan (bemanningsplan) for printing: roles and who holds them.
    StaffingPrint,
    /// A workshop board (workshoptavla), where the groups write.
    Board(DocumentId),
    /// A board's review (genomgång): every group's notes, most votes first.
    BoardReview(DocumentId),
    // Invitations and members (issue 17)
    /// An invitation link: join the council with this code, then open it.
    Join(DocumentId, InvitationCode),
    /// The council's devices and invitations, for its processledare.
    Members,
    /// The action plan (handlingsplan): the council's initiatives.
    ActionPlan,
    /// One initiative of the action plan, in its own document.
    Initiative(DocumentId),
    /// Every initiative at a glance: phase, status, problems, deliverables.
    Portfolio,
    /// The plan's risk analysis and its 5×5 matrix.
    Risks,
    /// The communication plan (kommunikationsplan), seed 004.
    Communication,
    /// A sum split over municipalities by population, and a pasted split checked.
    Money,
    NotFound,
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/');
        match (parts.next(), parts.next()) {
            (Some(""), None) | (None, _) => Route::Council,
            (Some("meeting"), Some(id)) => match (DocumentId::parse(id), parts.next(), parts.next()) {
                (Ok(id), None, _) => Route::Meeting(id),
                (Ok(id), Some("kallelse"), None) => Route::NoticePrint(id),
                (Ok(id), Some("protokoll"), None) => Route::MinutesPrint(id),
                (Ok(id), Some(first), second) => {
                    let mut segments: Vec<&str> = vec![first];
                    segments.extend(second);
                    segments.extend(parts);
                    MeetingMode::parse(&segments).map_or(Route::NotFound, |mode| Route::MeetingIn(id, mode))
                }
                _ => Route::NotFound,
            },
            (Some("settings"), None) => Route::Settings,
            (Some("start"), None) => Route::Start,
            (Some("demo"), None) => Route::Demo,
            (Some("council"), Some(id)) => match (DocumentId::parse(id), parts.next()) {
                (Ok(id), None) => Route::OpenCouncil(id),
                _ => Route::NotFound,
            },
            (Some("about"), None) => Route::CouncilSettings,
            (Some("mandate"), None) => Route::Mandate,
            (Some("mandate"), Some("print")) if parts.next().is_none() => Route::MandatePrint,
            (Some("organisations"), None) => Route::Organisations,
            (Some("people"), None) => Route::People,
            (Some("roles"), None) => Route::Roles,
            (Some("roles"), Some("print")) if parts.next().is_none() => Route::StaffingPrint,
            (Some("board"), Some(id)) => match (DocumentId::parse(id), parts.next(), parts.next()) {
                (Ok(id), None, _) => Route::Board(id),
                (Ok(id), Some("genomgang"), None) => Route::BoardReview(id),
                _ => Route::NotFound,
            },
            (Some("plan"), None) => Route::ActionPlan,
            (Some("portfolio"), None) => Route::Portfolio,
            (Some("risks"), None) => Route::Risks,
            (Some("communication"), None) => Route::Communication,
            (Some("money"), None) => Route::Money,
            (Some("initiative"), Some(id)) => match (DocumentId::parse(id), parts.next()) {
                (Ok(id), None) => Route::Initiative(id),
                _ => Route::NotFound,
            },
            (Some("attendance"), None) => Route::Attendance,
            (Some("registers"), None) => Route::Registers,
            // Invitations and members (issue 17)
            (Some("join"), Some(id)) => match (DocumentId::parse(id), parts.next().and_then(InvitationCode::parse), parts.next()) {
                (Ok(id), Some(code), None | Some("")) => Route::Join(id, code),
                _ => Route::NotFound,
            },
            (Some("members"), None) => Route::Members,
            _ => Route::NotFound,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Council | Route::NotFound => "#/".into(),
            Route::Meeting(id) => format!("#/meeting/{id}"),
            Route::MeetingIn(id, mode) => format!("#/meeting/{id}/{}", mode.path()),
            Route::NoticePrint(id) => format!("#/meeting/{id}/kallelse"),
            Route::MinutesPrint(id) => format!("#/meeting/{id}/protokoll"),
            Route::Settings => "#/settings".into(),
            Route::Attendance => "#/attendance".into(),
            Route::Registers => "#/registers".into(),
            Route::Start => "#/start".into(),
            Route::Demo => "#/demo".into(),
            Route::OpenCouncil(id) => format!("#/council/{id}"),
            Route::CouncilSettings => "#/about".into(),
            Route::Mandate => "#/mandate".into(),
            Route::MandatePrint => "#/mandate/print".into(),
            Route::Organisations => "#/organisations".into(),
            Route::People => "#/people".into(),
            Route::Roles => "#/roles".into(),
            Route::StaffingPrint => "#/roles/print".into(),
            Route::Board(id) => format!("#/board/{id}"),
            Route::BoardReview(id) => format!("#/board/{id}/genomgang"),
            // Invitations and members (issue 17)
            Route::Join(id, code) => format!("#/join/{id}/{}", code.as_str()),
            Route::Members => "#/members".into(),
            Route::ActionPlan => "#/plan".into(),
            Route::Initiative(id) => format!("#/initiative/{id}"),
            Route::Portfolio => "#/portfolio".into(),
            Route::Risks => "#/risks".into(),
            Route::Communication => "#/communication".into(),
            Route::Money => "#/money".into(),
        }
    }

    /// The meeting this route is a page of, in any mode.
    pub fn meeting(&self) -> Option<DocumentId> {
        match self {
            Route::Meeting(id) | Route::MeetingIn(id, _) => Some(*id),
            _ => None,
        }
    }

    /// Whether going from `self` to `next` stays on the same page: a meeting's modes and items
    /// are one page, so moving between them keeps the page (and what has the keyboard).
    fn same_page(&self, next: &Route) -> bool {
        self.meeting().is_some() && self.meeting() == next.meeting()
    }
}

/// The full route, meeting modes and items included; it changes on every move within a page,
/// whereas the `RwSignal<Route>` context only notifies when the page changes.
#[derive(Clone, Copy)]
pub struct RouteDetail(pub RwSignal<Route>);

/// Goes to `route` as a new page (Back returns here).
pub fn navigate(route: Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.href());
    }
}

/// Goes to `route` without a new history entry (an item step, following the chair, a redirect),
/// so Back leaves the page instead of walking back through every item shown.
pub fn replace(route: Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(&route.href());
    }
}

fn current() -> Route {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    Route::parse(&hash)
}

/// A signal of the current route that follows the URL.
pub fn provide_route() -> RwSignal<Route> {
    let route = RwSignal::new(current());
    let detail = RwSignal::new(route.get_untracked());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = current();
        if route.with_untracked(|r| r.same_page(&next)) {
            // The same page in another mode: it follows `RouteDetail` itself.
            route.update_untracked(|r| *r = next);
            detail.set(next);
            return;
        }
        // The old page goes before the detail changes, so it never acts on another page's URL.
        route.set(next);
        detail.set(next);
        // A new page starts at its top, not where the last one was scrolled to.
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    // The listener lives as long as the app.
    std::mem::forget(handle);
    provide_context(route);
    provide_context(RouteDetail(detail));
    route
}
