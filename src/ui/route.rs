//! Which page is open lives in the URL (the hash), so a link or a reload opens the same page.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

/// Every page of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Council,
    Meeting(DocumentId),
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
            (Some("attendance"), None) => Route::Attendance,
            (Some("registers"), None) => Route::Registers,
            _ => Route::NotFound,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Council | Route::NotFound => "#/".into(),
            Route::Meeting(id) => format!("#/meeting/{id}"),
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
        }
    }
}

/// Goes to `route` without a new history entry (a redirect: Back does not return to it).
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
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(current());
        // A new page starts at its top, not where the last one was scrolled to.
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    // The listener lives as long as the app.
    std::mem::forget(handle);
    provide_context(route);
    route
}
