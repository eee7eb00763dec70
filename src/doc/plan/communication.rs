//! Change functions and hydration for the communication plan's own document
//! (kommunikationsplan): target groups, goals, messages, channels and activities. Its status
//! reports for "Kommunikation": `doc::plan::status`.

use automerge::AutoCommit;
use autosurgeon::{hydrate, reconcile, Text};

use super::{append, edit_root, find, move_to, splice_at, TextPath};
use crate::doc::{commit_change, DocError};
use crate::model::plan::initiative::due_date;
use crate::model::plan::{
    ActivityStatus, Audience, Channel, CommunicationActivity, CommunicationGoal, CommunicationPlan, Message, PlanError,
    Priority, TargetGroup,
};
use crate::model::{ActivityId, ChannelId, EntryId, TargetGroupId};

const WHAT: &str = "a communication plan";

/// Write a new communication plan into an empty document.
pub fn create_communication_plan(doc: &mut AutoCommit, plan: &CommunicationPlan, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, "Skapade kommunikationsplanen", |doc| {
        reconcile(doc, plan).map_err(|e| DocError::write("the communication plan", e))
    })
}

/// Read the communication plan the document holds.
pub fn hydrate_communication_plan(doc: &AutoCommit) -> Result<CommunicationPlan, DocError> {
    hydrate(doc).map_err(|e| DocError::unreadable(WHAT, e))
}

fn edit<R>(doc: &mut AutoCommit, now: i64, message: impl Into<String>, f: impl FnOnce(&mut CommunicationPlan) -> Result<R, DocError>) -> Result<R, DocError> {
    edit_root(doc, now, WHAT, message, f)
}

fn name(text: &str) -> Result<String, PlanError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(PlanError::EmptyName);
    }
    Ok(t.to_string())
}

/// Add a target group (målgrupp).
pub fn add_target_group(
    doc: &mut AutoCommit,
    id: TargetGroupId,
    group_name: &str,
    audience: Audience,
    priority: Priority,
    description: &str,
    now: i64,
) -> Result<TargetGroupId, DocError> {
    let group_name = name(group_name)?;
    edit(doc, now, format!("Lade till målgruppen {group_name}"), |p| {
        append(&mut p.target_groups, |position| TargetGroup {
            id,
            position,
            name: group_name,
            audience,
            priority,
            description: Text::with_value(description.trim()),
            deleted: false,
        });
        Ok(id)
    })
}

/// Change a target group's name, intern/extern and priority tier.
pub fn edit_target_group(doc: &mut AutoCommit, id: TargetGroupId, group_name: &str, audience: Audience, priority: Priority, now: i64) -> Result<(), DocError> {
    let group_name = name(group_name)?;
    edit(doc, now, "Ändrade målgrupp", |p| {
        let g = find(&mut p.target_groups, &id, "target group")?;
        g.name = group_name;
        g.audience = audience;
        g.priority = priority;
        Ok(())
    })
}

pub fn set_target_group_removed(doc: &mut AutoCommit, id: TargetGroupId, removed: bool, now: i64) -> Result<(), DocError> {
    edit(doc, now, "Ändrade målgrupp", |p| {
        find(&mut p.target_groups, &id, "target group")?.deleted = removed;
        Ok(())
    })
}

fn percent(text: &str) -> Result<Option<u32>, PlanError> {
    let t = text.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u32>() {
        Ok(n) if n <= 100 => Ok(Some(n)),
        Ok(_) => Err(PlanError::PercentOver100 { text: text.trim().to_string() }),
        Err(_) => Err(PlanError::NotANumber { text: text.trim().to_string() }),
    }
}

/// Add a measurable goal (kommunikationsmål) and how it is measured; the target share as typed
/// ("80 %", or empty for a goal that is not a share).
pub fn add_goal(doc: &mut AutoCommit, id: EntryId, text: &str, measured_by: &str, target: &str, now: i64) -> Result<EntryId, DocError> {
    let target_percent = percent(target)?;
    edit(doc, now, "Lade till kommunikationsmål", |p| {
        append(&mut p.goals, |position| CommunicationGoal {
            id,
            position,
            text: Text::with_value(text.trim()),
            measured_by: Text::with_value(measured_by.trim()),
            target_percent,
            measured_percent: None,
            deleted: false,
        });
        Ok(id)
    })
}

/// Set a goal's target and measured shares (as typed; empty clears).
pub fn set_goal_values(doc: &mut AutoCommit, id: EntryId, target: &str, measured: &str, now: i64) -> Result<(), DocError> {
    let (target, measured) = (percent(target)?, percent(measured)?);
    edit(doc, now, "Ändrade kommunikationsmål", |p| {
        let g = find(&mut p.goals, &id, "goal")?;
        g.target_percent = target;
        g.measured_percent = measured;
        Ok(())
    })
}

/// Add a message (budskap) for a priority tier.
pub fn add_message(doc: &mut AutoCommit, id: EntryId, priority: Priority, text: &str, now: i64) -> Result<EntryId, DocError> {
    edit(doc, now, "Lade till budskap", |p| {
        append(&mut p.messages, |position| Message { id, position, priority, text: Text::with_value(text.trim()), deleted: false });
        Ok(id)
    })
}

/// Add a channel (kanal) with the role responsible for it.
pub fn add_channel(doc: &mut AutoCommit, id: ChannelId, channel_name: &str, description: &str, responsible: &str, now: i64) -> Result<ChannelId, DocError> {
    let channel_name = name(channel_name)?;
    edit(doc, now, format!("Lade till kanalen {channel_name}"), |p| {
        append(&mut p.channels, |position| Channel {
            id,
            position,
            name: channel_name,
            description: Text::with_value(description.trim()),
            responsible: responsible.trim().to_string(),
            deleted: false,
        });
        Ok(id)
    })
}

/// Change who is responsible for a channel.
pub fn set_channel_responsible(doc: &mut AutoCommit, id: ChannelId, responsible: &str, now: i64) -> Result<(), DocError> {
    edit(doc, now, "Ändrade kanalens ansvarig", |p| {
        find(&mut p.channels, &id, "channel")?.responsible = responsible.trim().to_string();
        Ok(())
    })
}

/// Fields of a new activity (aktivitet).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewActivity {
    pub name: String,
    pub description: String,
    /// "YYYY-MM-DD" or empty.
    pub date: String,
    pub channel: Option<ChannelId>,
    pub target_groups: Vec<TargetGroupId>,
    pub status: ActivityStatus,
}

/// Add an activity last in the activity plan.
pub fn add_activity(doc: &mut AutoCommit, id: ActivityId, fields: NewActivity, now: i64) -> Result<ActivityId, DocError> {
    let activity_name = name(&fields.name)?;
    let date = due_date(&fields.date, "")?;
    edit(doc, now, format!("Lade till aktiviteten {activity_name}"), |p| {
        append(&mut p.activities, |position| CommunicationActivity {
            id,
            position,
            name: Text::with_value(activity_name),
            description: Text::with_value(fields.description.trim()),
            date,
            channel: fields.channel,
            target_groups: fields.target_groups,
            status: fields.status,
            deleted: false,
        });
        Ok(id)
    })
}

/// Changes to an activity's short fields; `None` leaves a field as it is.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActivityEdit {
    /// `Some("")` clears the date.
    pub date: Option<String>,
    pub channel: Option<Option<ChannelId>>,
    pub target_groups: Option<Vec<TargetGroupId>>,
    pub status: Option<ActivityStatus>,
}

pub fn edit_activity(doc: &mut AutoCommit, id: ActivityId, change: ActivityEdit, now: i64) -> Result<(), DocError> {
    let date = change.date.as_deref().map(|d| due_date(d, "")).transpose()?;
    edit(doc, now, "Ändrade aktivitet", |p| {
        let a = find(&mut p.activities, &id, "activity")?;
        if let Some(date) = date {
            a.date = date;
        }
        if let Some(channel) = change.channel {
            a.channel = channel;
        }
        if let Some(groups) = change.target_groups {
            a.target_groups = groups;
        }
        if let Some(status) = change.status {
            a.status = status;
        }
        Ok(())
    })
}

/// Move an activity to `new_index` among the shown ones.
pub fn move_activity(doc: &mut AutoCommit, id: ActivityId, new_index: usize, now: i64) -> Result<(), DocError> {
    edit(doc, now, "Flyttade aktivitet", |p| move_to(&mut p.activities, &id, new_index, |a| !a.deleted, |a, k| a.position = k, "activity"))
}

pub fn set_activity_removed(doc: &mut AutoCommit, id: ActivityId, removed: bool, now: i64) -> Result<(), DocError> {
    edit(doc, now, if removed { "Tog bort aktivitet" } else { "Återställde aktivitet" }, |p| {
        find(&mut p.activities, &id, "activity")?.deleted = removed;
        Ok(())
    })
}

/// One of the communication plan's co-written texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommunicationText {
    Purpose,
    TargetGroupDescription(TargetGroupId),
    Goal(EntryId),
    GoalMeasuredBy(EntryId),
    Message(EntryId),
    ChannelDescription(ChannelId),
    ActivityName(ActivityId),
    ActivityDescription(ActivityId),
}

impl CommunicationText {
    /// The text as the plan holds it now (empty when the item is gone).
    pub fn of(self, p: &CommunicationPlan) -> String {
        let s = match self {
            CommunicationText::Purpose => Some(p.purpose.as_str()),
            CommunicationText::TargetGroupDescription(id) => p.target_group(id).map(|g| g.description.as_str()),
            CommunicationText::Goal(id) => p.goals.iter().find(|g| g.id == id).map(|g| g.text.as_str()),
            CommunicationText::GoalMeasuredBy(id) => p.goals.iter().find(|g| g.id == id).map(|g| g.measured_by.as_str()),
            CommunicationText::Message(id) => p.messages.iter().find(|m| m.id == id).map(|m| m.text.as_str()),
            CommunicationText::ChannelDescription(id) => p.channel(id).map(|c| c.description.as_str()),
            CommunicationText::ActivityName(id) => p.activities.iter().find(|a| a.id == id).map(|a| a.name.as_str()),
            CommunicationText::ActivityDescription(id) => p.activities.iter().find(|a| a.id == id).map(|a| a.description.as_str()),
        };
        s.unwrap_or_default().to_string()
    }
}

/// Type into one of the plan's texts. Not committed: call `doc::commit_typing`.
pub fn splice_communication_text(doc: &mut AutoCommit, text: CommunicationText, pos: usize, del: usize, insert: &str) -> Result<(), DocError> {
    let path = match text {
        CommunicationText::Purpose => TextPath::new(&[], "purpose"),
        CommunicationText::TargetGroupDescription(id) => TextPath::new(&["target_groups", &id.to_string()], "description"),
        CommunicationText::Goal(id) => TextPath::new(&["goals", &id.to_string()], "text"),
        CommunicationText::GoalMeasuredBy(id) => TextPath::new(&["goals", &id.to_string()], "measured_by"),
        CommunicationText::Message(id) => TextPath::new(&["messages", &id.to_string()], "text"),
        CommunicationText::ChannelDescription(id) => TextPath::new(&["channels", &id.to_string()], "description"),
        CommunicationText::ActivityName(id) => TextPath::new(&["activities", &id.to_string()], "name"),
        CommunicationText::ActivityDescription(id) => TextPath::new(&["activities", &id.to_string()], "description"),
    };
    splice_at(doc, &path, "the communication plan", pos, del, insert)
}
