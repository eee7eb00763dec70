//! Stores an ordered list of identified items as a map keyed by id, read back sorted by order key.
//!
//! Used as `#[autosurgeon(with = "keyed")]`. In the document each item sits under its own id, so
//! concurrent additions never collide and change functions address an item directly; the order
//! lives in each item's `position` (see `model::position`), never in list indices.

use std::fmt::Display;

use automerge::{ObjType, Value};
use autosurgeon::{Hydrate, HydrateError, Prop, ReadDoc, Reconcile, Reconciler};

/// An element of a keyed list: it knows its id and its order key.
pub trait Keyed {
    type Id: Display + Ord + Clone;
    fn id(&self) -> &Self::Id;
    fn position(&self) -> &str;
}

/// Sort items the way every device shows them: by order key, ties (concurrent inserts at the
/// same spot) broken by id so all devices agree.
pub fn sort_by_position<T: Keyed>(items: &mut [T]) {
    items.sort_by(|a, b| {
        a.position()
            .cmp(b.position())
            .then_with(|| a.id().cmp(b.id()))
    });
}

/// `Keyed` for an item with an `id` field and a `position` order key, the common case.
macro_rules! keyed_by_id {
    ($t:ty, $id:ty) => {
        impl $crate::model::keyed::Keyed for $t {
            type Id = $id;
            fn id(&self) -> &$id {
                &self.id
            }
            fn position(&self) -> &str {
                &self.position
            }
        }
    };
}
pub(crate) use keyed_by_id;

pub fn reconcile<T: Keyed + Reconcile, R: Reconciler>(
    items: &[T],
    reconciler: R,
) -> Result<(), R::Error> {
    // A Vec of (key, item) in the caller's order keeps the written change deterministic (the
    // demo council relies on identical changes on every device).
    let entries: Vec<(String, &T)> = items.iter().map(|i| (i.id().to_string(), i)).collect();
    autosurgeon::map_with_parseable_keys::reconcile(entries.iter().map(|(k, v)| (k, *v)), reconciler)
}

pub fn hydrate<D: ReadDoc, T: Keyed + Hydrate>(
    doc: &D,
    obj: &automerge::ObjId,
    prop: Prop<'_>,
) -> Result<Vec<T>, HydrateError> {
    let map = match doc.get(obj, &prop)? {
        Some((Value::Object(ObjType::Map), id)) => id,
        // A document written before this list existed: treat as empty.
        None => return Ok(Vec::new()),
        Some((other, _)) => {
            return Err(HydrateError::unexpected(
                "a map of items keyed by id",
                format!("{other:?}"),
            ))
        }
    };
    let keys: Vec<String> = doc.map_range(&map, ..).map(|e| e.key.into_owned()).collect();
    let mut items = Vec::with_capacity(keys.len());
    for key in keys {
        items.push(autosurgeon::hydrate_prop::<_, T, _, _>(doc, &map, key.as_str())?);
    }
    sort_by_position(&mut items);
    Ok(items)
}
