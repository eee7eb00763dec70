//! Identity newtypes for everything in a document that people add, move or remove, plus `DocUrl`.
//!
//! Ids are UUIDs (never counters) so two people adding at once can never collide; they are stored
//! as hyphenated strings so the JavaScript automerge clients read them as plain text.

use std::fmt;
use std::str::FromStr;

use autosurgeon::reconcile::LoadKey;
use autosurgeon::{Hydrate, HydrateError, Prop, ReadDoc, Reconcile, Reconciler};
use uuid::Uuid;

/// Namespace for ids derived from names (demo data), so every browser derives the same ids.
pub const RADSLAG_NAMESPACE: Uuid = Uuid::from_u128(0x6c1f_0d2e_52a4_4a4e_9c1b_3f7d_2a90_e511);

macro_rules! id_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh random id; the caller decides when (randomness stays outside pure rules).
            pub fn random() -> Self {
                Self(Uuid::new_v4())
            }

            /// A stable id derived from a name, identical on every device (used for demo data).
            pub fn derived(name: &str) -> Self {
                Self(Uuid::new_v5(&RADSLAG_NAMESPACE, name.as_bytes()))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }

        impl Reconcile for $name {
            type Key<'a> = Uuid;

            fn reconcile<R: Reconciler>(&self, mut reconciler: R) -> Result<(), R::Error> {
                reconciler.str(self.to_string())
            }

            fn key(&self) -> LoadKey<Self::Key<'_>> {
                LoadKey::Found(self.0)
            }

            fn hydrate_key<'a, D: ReadDoc>(
                doc: &D,
                obj: &automerge::ObjId,
                prop: Prop<'_>,
            ) -> Result<LoadKey<Self::Key<'a>>, autosurgeon::ReconcileError> {
                Ok(match doc.get(obj, &prop)? {
                    Some((automerge::Value::Scalar(s), _)) => match s.as_str() {
                        Some(text) => match Uuid::parse_str(text) {
                            Ok(id) => LoadKey::Found(id),
                            Err(_) => LoadKey::KeyNotFound,
                        },
                        None => LoadKey::KeyNotFound,
                    },
                    _ => LoadKey::KeyNotFound,
                })
            }
        }

        impl Hydrate for $name {
            fn hydrate_string(s: &'_ str) -> Result<Self, HydrateError> {
                Uuid::parse_str(s).map(Self).map_err(|e| {
                    HydrateError::unexpected("an id (UUID)", format!("{s:?}, which is not one: {e}"))
                })
            }
        }
    };
}

id_newtype! {
    /// Id of an organisation (organisation, e.g. a kommun).
    OrganisationId
}
id_newtype! {
    /// Id of a person (person).
    PersonId
}
id_newtype! {
    /// Id of a role (roll), e.g. Ordförande.
    RoleId
}
id_newtype! {
    /// Id of an agenda item (punkt på dagordningen).
    ItemId
}
id_newtype! {
    /// Id of one attendance row (deltagare / förhindrad).
    AttendanceId
}
id_newtype! {
    /// Id of a decision (beslut) in the minutes.
    DecisionId
}
id_newtype! {
    /// Id of an action item (åtgärd / att göra) in the minutes.
    ActionItemId
}
id_newtype! {
    /// Id of a question raised to the council (fråga som lyfts).
    QuestionId
}
id_newtype! {
    /// Id of one entry in a co-written list (punkt i en lista): a goal, a rule, a version row.
    EntryId
}

id_newtype! {
    /// Id of a prompt on a workshop board (fråga / kolumn), e.g. "Tre fördelar".
    PromptId
}
id_newtype! {
    /// Id of a sticky note on a workshop board (lapp).
    NoteId
}
id_newtype! {
    /// Id of an initiative in the action plan (insats/projekt i handlingsplanen).
    InitiativeId
}
id_newtype! {
    /// Id of a deliverable (leverabel, L1…Ln) of an initiative.
    DeliverableId
}
id_newtype! {
    /// Id of one period's status report (statusrapport).
    StatusReportId
}
id_newtype! {
    /// Id of a risk (risk) in a risk analysis.
    RiskId
}
id_newtype! {
    /// Id of a group (grupp): a styrgrupp or projektgrupp, or a breakout group on a board.
    GroupId
}
id_newtype! {
    /// Id of a target group (målgrupp) in the communication plan.
    TargetGroupId
}
id_newtype! {
    /// Id of a channel (kanal) in the communication plan.
    ChannelId
}
id_newtype! {
    /// Id of a planned activity (aktivitet) in the communication plan.
    ActivityId
}

/// Link to another Automerge document (dokumentlänk), as `automerge:<bs58check id>`.
///
/// Kept as a string here; the protocol crate owns parsing and validating document ids.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocUrl(pub String);

// Written by hand so a link can be the `#[key]` of the council's meeting list.
impl Reconcile for DocUrl {
    type Key<'a> = String;

    fn reconcile<R: Reconciler>(&self, mut reconciler: R) -> Result<(), R::Error> {
        reconciler.str(&self.0)
    }

    fn key(&self) -> LoadKey<Self::Key<'_>> {
        LoadKey::Found(self.0.clone())
    }

    fn hydrate_key<'a, D: ReadDoc>(
        doc: &D,
        obj: &automerge::ObjId,
        prop: Prop<'_>,
    ) -> Result<LoadKey<Self::Key<'a>>, autosurgeon::ReconcileError> {
        Ok(match doc.get(obj, &prop)? {
            Some((automerge::Value::Scalar(s), _)) => match s.as_str() {
                Some(text) => LoadKey::Found(text.to_string()),
                None => LoadKey::KeyNotFound,
            },
            _ => LoadKey::KeyNotFound,
        })
    }
}

impl Hydrate for DocUrl {
    fn hydrate_string(s: &'_ str) -> Result<Self, HydrateError> {
        Ok(Self(s.to_string()))
    }
}

impl DocUrl {
    pub const PREFIX: &'static str = "automerge:";

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids_are_stable_and_distinct() {
        assert_eq!(ItemId::derived("a"), ItemId::derived("a"));
        assert_ne!(ItemId::derived("a"), ItemId::derived("b"));
    }

    #[test]
    fn ids_round_trip_as_text() {
        let id = PersonId::random();
        assert_eq!(id.to_string().parse::<PersonId>().unwrap(), id);
    }
}
