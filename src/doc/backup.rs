//! A whole council in one file (säkerhetskopia): its root document and every meeting and
//! action-plan document it links, each saved with its full history. Importing merges into what a device already has — never
//! replaces it — so a backup can move a council to another device or relay, or bring back what
//! was lost, without losing anything made since.

use std::fmt;

use automerge::AutoCommit;
use ciborium::Value;
use radslag_protocol::DocumentId;

use super::council::hydrate_council;
use crate::i18n::Bilingual;

/// The first bytes of a backup file, so another file is recognised as not one.
const MAGIC: &[u8] = b"RADSLAG-BACKUP-1\n";

/// One council's documents as saved Automerge bytes, the root first.
#[derive(Debug, Clone, PartialEq)]
pub struct CouncilBackup {
    pub root: DocumentId,
    pub documents: Vec<(DocumentId, Vec<u8>)>,
}

/// Why a file could not be imported; nothing is changed when one of these comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    /// The file is not a Rådslag backup.
    NotABackup,
    /// The file is a backup but damaged (cut short, or changed).
    Damaged(String),
    /// The backup holds no council root.
    NoCouncil,
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::NotABackup => write!(f, "This file is not a Rådslag backup. Choose a file exported with “Export the council”."),
            BackupError::Damaged(why) => write!(f, "The backup is damaged and was not imported ({why}). Export it again from a device that has the council."),
            BackupError::NoCouncil => write!(f, "The backup holds no council. Export it again from the council's page."),
        }
    }
}

impl Bilingual for BackupError {
    fn sv(&self) -> String {
        match self {
            BackupError::NotABackup => "Filen är ingen säkerhetskopia från Rådslag. Välj en fil som exporterats med ”Exportera rådet”.".into(),
            BackupError::Damaged(why) => format!("Säkerhetskopian är skadad och lästes inte in ({why}). Exportera den igen från en enhet som har rådet."),
            BackupError::NoCouncil => "Säkerhetskopian innehåller inget råd. Exportera den igen från rådets sida.".into(),
        }
    }
}

/// The documents a backup of council `root` holds: the root, then every meeting, workshop board,
/// initiative and communication plan it links (once).
pub fn council_documents(root_id: DocumentId, root: &AutoCommit) -> Vec<DocumentId> {
    let mut ids = vec![root_id];
    if let Ok(council) = hydrate_council(root) {
        let plan_documents = council.plan.document_urls();
        let boards = council.boards.into_iter().map(|b| b.url);
        for url in council.meetings.into_iter().map(|m| m.url).chain(boards).chain(plan_documents) {
            if let Ok(id) = DocumentId::parse(&url.0) {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
    }
    ids
}

impl CouncilBackup {
    /// The file's bytes.
    pub fn encode(&self) -> Vec<u8> {
        let docs = self
            .documents
            .iter()
            .map(|(id, bytes)| Value::Array(vec![Value::Text(id.to_string()), Value::Bytes(bytes.clone())]))
            .collect();
        let mut out = MAGIC.to_vec();
        // Writing CBOR into a Vec cannot fail.
        let _ = ciborium::into_writer(&Value::Array(vec![Value::Text(self.root.to_string()), Value::Array(docs)]), &mut out);
        out
    }

    /// Reads a file; every document in it is checked to load before anything is returned.
    pub fn decode(bytes: &[u8]) -> Result<Self, BackupError> {
        let body = bytes.strip_prefix(MAGIC).ok_or(BackupError::NotABackup)?;
        let damaged = |why: &str| BackupError::Damaged(why.to_string());
        let value: Value = ciborium::from_reader(body).map_err(|e| BackupError::Damaged(e.to_string()))?;
        let Value::Array(top) = value else { return Err(damaged("no list of documents")) };
        let [Value::Text(root), Value::Array(docs)] = top.as_slice() else { return Err(damaged("no list of documents")) };
        let root = DocumentId::parse(root).map_err(|_| BackupError::NoCouncil)?;
        let mut documents = Vec::new();
        for d in docs {
            let Value::Array(pair) = d else { return Err(damaged("a document without its id")) };
            let [Value::Text(id), Value::Bytes(saved)] = pair.as_slice() else { return Err(damaged("a document without its id")) };
            let id = DocumentId::parse(id).map_err(|_| damaged("a document id that cannot be read"))?;
            AutoCommit::load(saved).map_err(|e| BackupError::Damaged(format!("document {id}: {e}")))?;
            documents.push((id, saved.clone()));
        }
        if !documents.iter().any(|(id, _)| *id == root) {
            return Err(BackupError::NoCouncil);
        }
        Ok(CouncilBackup { root, documents })
    }
}

/// Merges a saved document into what this device has: both sides' changes are kept.
pub fn merge_saved(existing: &mut AutoCommit, saved: &[u8]) -> Result<(), BackupError> {
    let mut incoming = AutoCommit::load(saved).map_err(|e| BackupError::Damaged(e.to_string()))?;
    existing.merge(&mut incoming).map_err(|e| BackupError::Damaged(e.to_string()))?;
    Ok(())
}
