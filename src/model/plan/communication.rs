//! The communication plan (kommunikationsplan, seed 004) as held in its own document: target
//! groups with intern/extern and priority tier, measurable goals, messages per tier, channels
//! with a responsible role, planned activities, and the status reports for "Kommunikation".

use autosurgeon::{Hydrate, Reconcile, Text};

use super::status_report::StatusReport;
use crate::model::ids::{ActivityId, ChannelId, EntryId, TargetGroupId};
use crate::model::keyed::Keyed;

/// Intern or extern target group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum Audience {
    /// Intern.
    Internal,
    /// Extern.
    External,
}

/// Priority tier of a target group (prioritet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Reconcile, Hydrate)]
pub enum Priority {
    /// Kärnintressent: deciding or driving roles in the work.
    Core,
    /// Primärintressent: strongly affected, so wants to influence it.
    Primary,
    /// Sekundärintressent: interested, but not likely to steer it.
    Secondary,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::Core, Priority::Primary, Priority::Secondary];

    pub fn sv(self) -> &'static str {
        match self {
            Priority::Core => "Kärnintressent",
            Priority::Primary => "Primärintressent",
            Priority::Secondary => "Sekundärintressent",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Priority::Core => "Core stakeholder",
            Priority::Primary => "Primary stakeholder",
            Priority::Secondary => "Secondary stakeholder",
        }
    }
}

/// A target group (målgrupp).
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct TargetGroup {
    #[key]
    pub id: TargetGroupId,
    #[autosurgeon(missing = "String::new")]
    pub position: String,
    /// Namn på målgrupp.
    pub name: String,
    pub audience: Audience,
    pub priority: Priority,
    /// Beskrivning.
    pub description: Text,
    #[autosurgeon(missing = "bool::default")]
    pub deleted: bool,
}

/// A measurable communication goal (kommunikationsmål), e.g. "80 % av kärnintressenterna ska
/// uppleva att de har nytta av e-rådet".
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct CommunicationGoal {
    #[key]
    pub id: EntryId,
    #[autosurgeon(missing = "String::new")]
    pub position: String,
    pub text: Text,
    /// Hur det mäts, e.g. a survey of the core stakeholders.
    pub measured_by: Text,
    /// The share to reach, in percent, when the goal is one.
    #[autosurgeon(missing = "Option::default")]
    pub target_percent: Option<u32>,
    /// The share measured, in percent, when it has been.
    #[autosurgeon(missing = "Option::default")]
    pub measured_percent: Option<u32>,
    #[autosurgeon(missing = "bool::default")]
    pub deleted: bool,
}

/// A message (budskap) for one priority tier.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Message {
    #[key]
    pub id: EntryId,
    #[autosurgeon(missing = "String::new")]
    pub position: String,
    pub priority: Priority,
    pub text: Text,
    #[autosurgeon(missing = "bool::default")]
    pub deleted: bool,
}

/// A channel (kanal) with the role responsible for it.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Channel {
    #[key]
    pub id: ChannelId,
    #[autosurgeon(missing = "String::new")]
    pub position: String,
    pub name: String,
    pub description: Text,
    /// Ansvarig: a role as written, e.g. "Processledare".
    pub responsible: String,
    #[autosurgeon(missing = "bool::default")]
    pub deleted: bool,
}

/// Where a planned activity stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Reconcile, Hydrate)]
pub enum ActivityStatus {
    /// Planerad.
    #[default]
    Planned,
    /// Pågående.
    Ongoing,
    /// Genomförd.
    Done,
    /// Inställd.
    Cancelled,
}

impl ActivityStatus {
    pub fn sv(self) -> &'static str {
        match self {
            ActivityStatus::Planned => "Planerad",
            ActivityStatus::Ongoing => "Pågående",
            ActivityStatus::Done => "Genomförd",
            ActivityStatus::Cancelled => "Inställd",
        }
    }
}

/// A planned activity (aktivitet), e.g. Digitaliseringskonferens.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct CommunicationActivity {
    #[key]
    pub id: ActivityId,
    #[autosurgeon(missing = "String::new")]
    pub position: String,
    pub name: Text,
    pub description: Text,
    /// Datum, "YYYY-MM-DD", or empty until planned.
    pub date: String,
    pub channel: Option<ChannelId>,
    #[autosurgeon(missing = "Vec::new")]
    pub target_groups: Vec<TargetGroupId>,
    #[autosurgeon(missing = "ActivityStatus::default")]
    pub status: ActivityStatus,
    #[autosurgeon(missing = "bool::default")]
    pub deleted: bool,
}

keyed_by!(TargetGroup, TargetGroupId);
keyed_by!(CommunicationGoal, EntryId);
keyed_by!(Message, EntryId);
keyed_by!(Channel, ChannelId);
keyed_by!(CommunicationActivity, ActivityId);

/// The communication plan (kommunikationsplan). Its document hydrates to this.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct CommunicationPlan {
    /// Titel, e.g. "Kommunikationsplan".
    pub title: String,
    /// Version, e.g. "1.0".
    #[autosurgeon(missing = "String::new")]
    pub version: String,
    /// Syfte and background, co-written.
    #[autosurgeon(missing = "Text::default")]
    pub purpose: Text,
    #[autosurgeon(with = "crate::model::keyed")]
    pub target_groups: Vec<TargetGroup>,
    #[autosurgeon(with = "crate::model::keyed")]
    pub goals: Vec<CommunicationGoal>,
    #[autosurgeon(with = "crate::model::keyed")]
    pub messages: Vec<Message>,
    #[autosurgeon(with = "crate::model::keyed")]
    pub channels: Vec<Channel>,
    #[autosurgeon(with = "crate::model::keyed")]
    pub activities: Vec<CommunicationActivity>,
    /// Status för "Kommunikation", per period.
    #[autosurgeon(with = "crate::model::keyed")]
    pub status_reports: Vec<StatusReport>,
}

fn shown<T: Keyed>(items: &[T], deleted: impl Fn(&T) -> bool) -> impl Iterator<Item = &T> {
    items.iter().filter(move |i| !deleted(i))
}

impl CommunicationPlan {
    /// An empty plan with a title.
    pub fn new(title: &str) -> Self {
        CommunicationPlan {
            title: title.to_string(),
            version: String::new(),
            purpose: Text::default(),
            target_groups: Vec::new(),
            goals: Vec::new(),
            messages: Vec::new(),
            channels: Vec::new(),
            activities: Vec::new(),
            status_reports: Vec::new(),
        }
    }

    /// The target groups of a tier, in order.
    pub fn target_groups_of(&self, priority: Priority) -> impl Iterator<Item = &TargetGroup> {
        shown(&self.target_groups, |g| g.deleted).filter(move |g| g.priority == priority)
    }

    /// The messages for a tier, in order.
    pub fn messages_for(&self, priority: Priority) -> impl Iterator<Item = &Message> {
        shown(&self.messages, |m| m.deleted).filter(move |m| m.priority == priority)
    }

    pub fn channel(&self, id: ChannelId) -> Option<&Channel> {
        self.channels.iter().find(|c| c.id == id)
    }

    pub fn target_group(&self, id: TargetGroupId) -> Option<&TargetGroup> {
        self.target_groups.iter().find(|g| g.id == id)
    }

    /// The activities as an activity plan shows them: by date (undated last), then in order.
    pub fn activity_plan(&self) -> Vec<&CommunicationActivity> {
        let mut a: Vec<&CommunicationActivity> = shown(&self.activities, |a| a.deleted).collect();
        a.sort_by(|x, y| (x.date.is_empty(), &x.date).cmp(&(y.date.is_empty(), &y.date)));
        a
    }

    /// The goals as shown.
    pub fn visible_goals(&self) -> impl Iterator<Item = &CommunicationGoal> {
        shown(&self.goals, |g| g.deleted)
    }
}
