//! What the app tells a person when something under the views fails: saving on this device,
//! syncing with the server, damaged data. Kept as values and worded in the UI's language when
//! shown, so switching language re-words problems already on screen. Pure: tested natively.

use radslag_protocol::client::ClientProblem;
use radslag_protocol::storage::{StorageError, StorageErrorKind};

use crate::i18n::{damaged_pieces, t, Bilingual, Key, Lang};

/// One problem on the problem list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Syncing or saving, as the sync core reported it.
    Sync(ClientProblem),
    /// This device's storage failed outside a save (opening, loading, clearing).
    Storage(StorageError),
    /// Pieces of a document on this device could not be read and were skipped.
    DamagedPieces(usize),
    /// The relay refused this device (a revoked device, an unknown credential).
    Access(crate::access::AccessError),
    /// A message already worded in the language in use when it happened (a refused change).
    Said(String),
}

impl Problem {
    pub fn say(&self, lang: Lang) -> String {
        match self {
            Problem::Sync(p) => p.say(lang),
            Problem::Storage(e) => storage_failure(lang, e),
            Problem::DamagedPieces(n) => damaged_pieces(lang, *n),
            Problem::Access(e) => e.say(lang),
            Problem::Said(text) => text.clone(),
        }
    }
}

/// A storage failure worded for the person at this device: what happened and what to do,
/// from its kind, then the storage's own (English) words in brackets for whoever helps.
pub fn storage_failure(lang: Lang, e: &StorageError) -> String {
    let key = match e.kind {
        StorageErrorKind::Full => Key::StorageFull,
        StorageErrorKind::Unavailable => Key::StorageUnavailable,
        StorageErrorKind::NewerVersion => Key::StorageNewerVersion,
        StorageErrorKind::Unreadable => Key::StorageUnreadable,
        StorageErrorKind::ReadFailed => Key::StorageReadFailed,
        StorageErrorKind::WriteFailed => Key::StorageWriteFailed,
        StorageErrorKind::Other => Key::StorageOther,
    };
    match e.message.trim() {
        "" => t(lang, key).to_string(),
        detail => format!("{} ({detail})", t(lang, key)),
    }
}

impl Bilingual for ClientProblem {
    /// A failed save is worded from its kind (its `Display` is the storage's log message).
    fn say(&self, lang: Lang) -> String {
        match self {
            ClientProblem::SaveFailed(e) => storage_failure(lang, e),
            _ => lang.pick(self.sv(), self.to_string()),
        }
    }

    fn sv(&self) -> String {
        match self {
            ClientProblem::SaveFailed(e) => storage_failure(Lang::Sv, e),
            ClientProblem::UnreadableMessage(detail) => {
                format!("Synkservern skickade ett meddelande som inte går att läsa ({detail}); ansluter igen.")
            }
            ClientProblem::ServerError(message) => format!("Synkservern rapporterade ett fel: {message}"),
            ClientProblem::UnappliableChange(detail) => {
                format!("Synkservern skickade en ändring som inte gick att föra in ({detail}); ansluter igen.")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use radslag_protocol::storage::StorageErrorKind;

    #[test]
    fn a_failed_save_is_told_in_the_users_language_from_its_kind() {
        let full = StorageError::new(StorageErrorKind::Full, "QuotaExceededError");
        let p = Problem::Sync(ClientProblem::SaveFailed(full));
        assert_eq!(p.say(Lang::Sv), format!("{} (QuotaExceededError)", t(Lang::Sv, Key::StorageFull)));
        assert_eq!(p.say(Lang::En), format!("{} (QuotaExceededError)", t(Lang::En, Key::StorageFull)));
        assert!(p.say(Lang::Sv).starts_with("Webbläsarens lagring är full"), "{}", p.say(Lang::Sv));
    }

    #[test]
    fn every_kind_of_storage_failure_has_its_own_words_and_keeps_the_storages_detail() {
        use StorageErrorKind::*;
        let kinds = [Full, Unavailable, NewerVersion, Unreadable, ReadFailed, WriteFailed, Other];
        for lang in [Lang::Sv, Lang::En] {
            let said: std::collections::BTreeSet<String> =
                kinds.iter().map(|&kind| Problem::Storage(StorageError::new(kind, "")).say(lang)).collect();
            assert_eq!(said.len(), kinds.len(), "{lang:?}: {said:?}");
        }
        let e = StorageError::other("disk gone");
        assert_eq!(Problem::Storage(e).say(Lang::Sv), "Lagringen på enheten gav ett fel. (disk gone)");
    }

    #[test]
    fn server_problems_keep_the_servers_words() {
        let p = Problem::Sync(ClientProblem::ServerError("too many messages".into()));
        assert_eq!(p.say(Lang::Sv), "Synkservern rapporterade ett fel: too many messages");
        assert_eq!(p.say(Lang::En), "The sync server reported an error: too many messages");
        assert!(Problem::DamagedPieces(2).say(Lang::Sv).starts_with("2 skadade del(ar)"));
    }
}
