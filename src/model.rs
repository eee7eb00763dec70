//! The pure domain layer: typed council and meeting data (autosurgeon derives) and rules on it.
//!
//! Invariant: nothing here touches web-sys, leptos or the clock; `now` and ids come in as
//! arguments, so everything is tested natively with `cargo test`.

pub mod agenda_import;
pub mod agenda_timing;
pub mod attendance;
pub mod board;
pub mod board_timer;
pub mod board_votes;
pub mod council;
pub mod council_setup;
pub mod export;
pub mod ids;
pub mod keyed;
pub mod links;
pub mod meeting;
pub mod meeting_mode;
pub mod meeting_rules;
pub mod plan;
pub mod position;
pub mod presence;
pub mod registers;
pub mod running_clock;
pub mod time;

pub use council::{
    BoardLink, Council, Entry, FollowUpReport, Mandate, MandateVersion, MeetingLink, Organisation,
    OrganisationKind, Person, Question, QuestionStatus, Role, RoleHolder,
};
pub use ids::{
    ActionItemId, ActivityId, AttendanceId, ChannelId, DecisionId, DeliverableId, DocUrl, EntryId, GroupId,
    InitiativeId, ItemId, NoteId, OrganisationId, PersonId, PromptId, QuestionId, RiskId, RoleId, StatusReportId,
    TargetGroupId,
};
pub use meeting::{
    ActionItem, ActionStatus, AgendaItem, Approval, Attendance, BreakKind, Decision,
    DiscussionPoint, ItemKind, Meeting, MeetingKind, MeetingStatus, NewAgendaItem, Reopening,
};
pub use time::{ClockTime, TimeError};
