//! The meeting page's modes (Förbered, Under mötet, Efter) as they stand in the URL, which
//! mode a bare meeting link opens, and which agenda item "Under mötet" shows and steps to.

use super::ids::ItemId;
use super::meeting::{Meeting, MeetingStatus};

/// What a member is doing with a meeting; each mode has its own URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingMode {
    /// Förbered: the agenda editor, pasting an agenda, attendance, the notice.
    Prepare,
    /// Under mötet: one agenda item at a time; `None` shows the item the meeting is on.
    During(Option<ItemId>),
    /// Efter: the minutes as a whole, justering, print and exports.
    After,
}

/// The path segment of each mode, as in `#/meeting/<id>/<segment>`.
const PREPARE: &str = "forbered";
const DURING: &str = "mote";
const AFTER: &str = "efter";

impl MeetingMode {
    /// The mode named by the path segments after a meeting's id (`["mote", "<item>"]`); `None`
    /// for anything else, so a mistyped link is "no such page" rather than a guess.
    pub fn parse(segments: &[&str]) -> Option<MeetingMode> {
        match segments {
            [PREPARE] => Some(MeetingMode::Prepare),
            [DURING] => Some(MeetingMode::During(None)),
            [DURING, item] => item.parse().ok().map(|i| MeetingMode::During(Some(i))),
            [AFTER] => Some(MeetingMode::After),
            _ => None,
        }
    }

    /// The path after the meeting's id: `forbered`, `mote`, `mote/<item>`, `efter`.
    pub fn path(&self) -> String {
        match self {
            MeetingMode::Prepare => PREPARE.into(),
            MeetingMode::During(None) => DURING.into(),
            MeetingMode::During(Some(item)) => format!("{DURING}/{item}"),
            MeetingMode::After => AFTER.into(),
        }
    }

    /// Whether `self` and `other` are the same tab of the mode switch (items aside).
    pub fn same_tab(&self, other: &MeetingMode) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }

    /// The mode a bare meeting link opens: Efter once the meeting is held, Under mötet while
    /// it runs (an item has started or is shown to everyone), Förbered before.
    pub fn default_for(meeting: &Meeting) -> MeetingMode {
        if meeting.status >= MeetingStatus::Held {
            MeetingMode::After
        } else if meeting.current_item.is_some() || meeting.visible_agenda().any(|i| i.actual_start.is_some()) {
            MeetingMode::During(None)
        } else {
            MeetingMode::Prepare
        }
    }
}

/// The item "Under mötet" shows: the one asked for if it is on the agenda, else the one the
/// chair shows to everyone, else the one running on the clock, else the first.
pub fn shown_item(meeting: &Meeting, asked: Option<ItemId>) -> Option<ItemId> {
    let on_agenda = |id: ItemId| meeting.visible_agenda().any(|i| i.id == id).then_some(id);
    asked
        .and_then(on_agenda)
        .or_else(|| meeting.current_item.and_then(on_agenda))
        .or_else(|| meeting.visible_agenda().find(|i| i.actual_start.is_some() && i.actual_end.is_none()).map(|i| i.id))
        .or_else(|| meeting.visible_agenda().next().map(|i| i.id))
}

/// The items before and after `item` on the agenda (removed items left out).
pub fn neighbours(meeting: &Meeting, item: ItemId) -> (Option<ItemId>, Option<ItemId>) {
    let order: Vec<ItemId> = meeting.visible_agenda().map(|i| i.id).collect();
    match order.iter().position(|i| *i == item) {
        Some(at) => (at.checked_sub(1).map(|p| order[p]), order.get(at + 1).copied()),
        None => (None, None),
    }
}

/// Where `item` stands on the agenda, counted from 1, and how many items there are.
pub fn place_of(meeting: &Meeting, item: ItemId) -> Option<(usize, usize)> {
    let count = meeting.visible_agenda().count();
    meeting.visible_agenda().position(|i| i.id == item).map(|at| (at + 1, count))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::meeting::{ItemKind, MeetingKind, NewAgendaItem};
    use crate::model::AgendaItem;

    fn meeting(items: usize) -> (Meeting, Vec<ItemId>) {
        let mut m = Meeting::new("Möte", MeetingKind::EradsMote, "2026-12-03", "13:00", "16:00");
        let ids: Vec<ItemId> = (0..items).map(|n| ItemId::derived(&format!("item {n}"))).collect();
        for (n, id) in ids.iter().enumerate() {
            let fields = NewAgendaItem {
                number: (n + 1).to_string(),
                kind: ItemKind::Information,
                description: format!("Punkt {}", n + 1),
                responsible: String::new(),
                start: None,
                duration_minutes: Some(10),
            };
            m.agenda.push(AgendaItem::new(*id, format!("{n:03}"), fields));
        }
        (m, ids)
    }

    #[test]
    fn every_mode_reads_back_from_its_own_path() {
        let item = ItemId::derived("x");
        for mode in [MeetingMode::Prepare, MeetingMode::During(None), MeetingMode::During(Some(item)), MeetingMode::After] {
            let path = mode.path();
            let segments: Vec<&str> = path.split('/').collect();
            assert_eq!(MeetingMode::parse(&segments), Some(mode), "{path}");
        }
    }

    #[test]
    fn an_unknown_mode_or_a_bad_item_is_no_mode() {
        for path in [&["kallelse"][..], &["mote", "5a"], &["efter", "x"], &[], &["MOTE"]] {
            assert_eq!(MeetingMode::parse(path), None, "{path:?}");
        }
    }

    #[test]
    fn a_bare_link_opens_prepare_then_during_then_after() {
        let (mut m, ids) = meeting(3);
        assert_eq!(MeetingMode::default_for(&m), MeetingMode::Prepare);
        m.agenda[0].actual_start = Some("13:02".into());
        assert_eq!(MeetingMode::default_for(&m), MeetingMode::During(None));
        m.agenda[0].actual_start = None;
        m.current_item = Some(ids[1]);
        assert_eq!(MeetingMode::default_for(&m), MeetingMode::During(None));
        m.status = MeetingStatus::Held;
        assert_eq!(MeetingMode::default_for(&m), MeetingMode::After);
    }

    #[test]
    fn during_shows_the_asked_item_else_the_chairs_else_the_running_else_the_first() {
        let (mut m, ids) = meeting(4);
        assert_eq!(shown_item(&m, None), Some(ids[0]));
        m.agenda[2].actual_start = Some("13:20".into());
        assert_eq!(shown_item(&m, None), Some(ids[2]));
        m.current_item = Some(ids[1]);
        assert_eq!(shown_item(&m, None), Some(ids[1]));
        assert_eq!(shown_item(&m, Some(ids[3])), Some(ids[3]));
        // A removed item, or one from another meeting, is not shown.
        m.agenda[3].deleted = true;
        assert_eq!(shown_item(&m, Some(ids[3])), Some(ids[1]));
        assert_eq!(shown_item(&m, Some(ItemId::derived("elsewhere"))), Some(ids[1]));
        assert_eq!(shown_item(&meeting(0).0, None), None);
    }

    #[test]
    fn next_and_previous_skip_removed_items_and_stop_at_the_ends() {
        let (mut m, ids) = meeting(4);
        m.agenda[1].deleted = true;
        assert_eq!(neighbours(&m, ids[0]), (None, Some(ids[2])));
        assert_eq!(neighbours(&m, ids[2]), (Some(ids[0]), Some(ids[3])));
        assert_eq!(neighbours(&m, ids[3]), (Some(ids[2]), None));
        assert_eq!(neighbours(&m, ids[1]), (None, None));
        assert_eq!(place_of(&m, ids[2]), Some((2, 3)));
    }
}
