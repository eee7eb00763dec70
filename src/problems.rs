//! What the app tells a person when something under the views fails: saving on this device,
//! syncing with the server, damaged data. Kept as values and worded in the UI's language when
//! shown, so switching language re-words problems already on screen. Pure: tested natively.

use radslag_protocol::client::ClientProblem;
use radslag_protocol::storage::StorageError;

use crate::i18n::{damaged_pieces, Bilingual, Lang};

/// One problem on the problem list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Syncing or saving, as the sync core reported it.
    Sync(ClientProblem),
    /// This device's storage failed outside a save (opening, loading, clearing).
    Storage(StorageError),
    /// Pieces of a document on this device could not be read and were skipped.
    DamagedPieces(usize),
    /// A message already worded in the language in use when it happened (a refused change).
    Said(String),
}

impl Problem {
    pub fn say(&self, lang: Lang) -> String {
        match self {
            Problem::Sync(p) => p.say(lang),
            Problem::Storage(e) => e.say(lang),
            Problem::DamagedPieces(n) => damaged_pieces(lang, *n),
            Problem::Said(text) => text.clone(),
        }
    }
}

impl Bilingual for StorageError {
    fn sv(&self) -> String {
        self.in_swedish().to_string()
    }
}

impl Bilingual for ClientProblem {
    fn sv(&self) -> String {
        match self {
            ClientProblem::SaveFailed(e) => e.sv(),
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
    fn a_failed_save_is_told_in_the_users_language() {
        let full = StorageError::new(StorageErrorKind::Full, "This browser's storage is full.")
            .with_swedish("Webbläsarens lagring är full.");
        let p = Problem::Sync(ClientProblem::SaveFailed(full));
        assert_eq!(p.say(Lang::Sv), "Webbläsarens lagring är full.");
        assert_eq!(p.say(Lang::En), "This browser's storage is full.");
    }

    #[test]
    fn a_storage_error_without_swedish_is_shown_as_written() {
        let e = StorageError::other("disk gone");
        assert_eq!(Problem::Storage(e).say(Lang::Sv), "disk gone");
    }

    #[test]
    fn server_problems_keep_the_servers_words() {
        let p = Problem::Sync(ClientProblem::ServerError("too many messages".into()));
        assert_eq!(p.say(Lang::Sv), "Synkservern rapporterade ett fel: too many messages");
        assert_eq!(p.say(Lang::En), "The sync server reported an error: too many messages");
        assert!(Problem::DamagedPieces(2).say(Lang::Sv).starts_with("2 skadade del(ar)"));
    }
}
