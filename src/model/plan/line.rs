//! A co-written line in an ordered list of the plan (rad): a scope bullet, a goal, a benefit, an
//! activity in a status report, a risk measure. Kept in a map keyed by id (`model::keyed`).

use autosurgeon::{Hydrate, Reconcile, Text};

use crate::model::ids::EntryId;
use crate::model::keyed::Keyed;
use crate::model::position;

/// One line (rad): its text merges per character; removing only marks it.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Line {
    #[key]
    pub id: EntryId,
    /// Order key, see `model::position`.
    #[autosurgeon(missing = "String::new")]
    pub position: String,
    pub text: Text,
    /// Borttagen (recoverable).
    #[autosurgeon(missing = "bool::default")]
    pub deleted: bool,
}

keyed_by!(Line, EntryId);

impl Line {
    pub fn new(id: EntryId, position: String, text: &str) -> Self {
        Line { id, position, text: Text::with_value(text), deleted: false }
    }
}

/// Lines from texts with the given ids, spread evenly (for new lists and the demo).
pub fn lines(items: impl IntoIterator<Item = (EntryId, String)>) -> Vec<Line> {
    let items: Vec<(EntryId, String)> = items.into_iter().collect();
    let keys = position::spread(items.len());
    items.into_iter().zip(keys).map(|((id, text), p)| Line::new(id, p, &text)).collect()
}

/// The lines shown: removed ones left out, in order.
pub fn visible(lines: &[Line]) -> impl Iterator<Item = &Line> {
    lines.iter().filter(|l| !l.deleted)
}

/// The texts of lines as shown.
pub fn texts(lines: &[Line]) -> Vec<String> {
    visible(lines).map(|l| l.text.as_str().to_string()).collect()
}

/// The order key for an item appended after every item of `items` (removed ones included, so a
/// restored item keeps its place). Two people appending at once may get the same key; ties are
/// broken by id, the same on every device.
pub fn append_position<T: Keyed>(items: &[T]) -> String {
    let last = items.iter().map(|i| i.position()).max();
    position::between(last, None).unwrap_or_else(|| "n".to_string())
}

/// Give `items[from]` a key that puts it at `to` among the others (0 = first). When its new
/// neighbours share a key (concurrent inserts), every item is renumbered first. `items` must be
/// sorted by position; `set` writes an item's key.
pub fn reorder<T: Keyed>(items: &mut [T], from: usize, to: usize, set: impl Fn(&mut T, String)) {
    if from >= items.len() {
        return;
    }
    let others: Vec<usize> = (0..items.len()).filter(|&i| i != from).collect();
    let to = to.min(others.len());
    let key = |items: &[T]| {
        let before = to.checked_sub(1).map(|i| items[others[i]].position().to_string());
        let after = others.get(to).map(|&i| items[i].position().to_string());
        position::between(before.as_deref(), after.as_deref())
    };
    let new = match key(items) {
        Some(k) => k,
        None => {
            let spread = position::spread(items.len());
            for (item, k) in items.iter_mut().zip(spread) {
                set(item, k);
            }
            key(items).unwrap_or_else(|| items[from].position().to_string())
        }
    };
    set(&mut items[from], new);
}
