//! A reader's sync message as the relay feeds it to the document: without its changes, so
//! nothing a reader sends is stored or forwarded, and claiming only heads the relay knows, so
//! the relay does not ask again and again for changes it will never take.

use automerge::sync::{ChunkList, Message as SyncMessage};
use automerge::{Automerge, ChangeHash};
use radslag_protocol::sync_check::check_sync_message;

/// The message to feed instead of `data`, or `None` when `data` can be fed as it is. `Err` is
/// a message the relay refuses from anyone (the same check the sync core makes).
pub fn strip(data: &[u8], doc: &Automerge, our_heads: &[ChangeHash]) -> Result<Option<Vec<u8>>, String> {
    check_sync_message(data).map_err(|e| format!("refused sync message: {e}"))?;
    let mut message = SyncMessage::decode(data).map_err(|e| format!("unreadable sync message: {e}"))?;
    let unknown_head = message.heads.iter().any(|h| doc.get_change_meta_by_hash(h).is_none());
    if message.changes.is_empty() && !unknown_head {
        return Ok(None);
    }
    message.changes = ChunkList::empty();
    if unknown_head {
        // The reader made changes of its own that we drop. Taking its heads as ours ends the
        // exchange once it has ours; what it lacks it still gets, as its `have` summary says.
        message.heads = our_heads.to_vec();
    }
    Ok(Some(message.encode()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::sync::{State, SyncDoc};
    use automerge::transaction::Transactable;
    use automerge::{AutoCommit, ReadDoc, ROOT};

    #[test]
    fn a_readers_changes_never_reach_the_document_and_the_exchange_ends() {
        let mut relay = AutoCommit::new();
        relay.put(ROOT, "title", "Möte").expect("put");
        relay.commit();
        let mut reader = relay.fork();
        reader.put(ROOT, "title", "vandaliserat").expect("put");
        reader.commit();
        let (mut relay_state, mut reader_state) = (State::new(), State::new());
        for _ in 0..10 {
            let mut quiet = true;
            if let Some(m) = reader.sync().generate_sync_message(&mut reader_state) {
                quiet = false;
                let heads = relay.get_heads();
                let data = m.encode();
                let fed = strip(&data, relay.document(), &heads).expect("readable").unwrap_or(data);
                let fed = SyncMessage::decode(&fed).expect("decode");
                assert!(fed.changes.is_empty());
                relay.sync().receive_sync_message(&mut relay_state, fed).expect("receive");
            }
            if let Some(m) = relay.sync().generate_sync_message(&mut relay_state) {
                quiet = false;
                reader.sync().receive_sync_message(&mut reader_state, m).expect("receive");
            }
            if quiet {
                assert_eq!(relay.get(ROOT, "title").expect("read").map(|(v, _)| v.to_string()), Some("\"Möte\"".into()));
                return;
            }
        }
        panic!("the relay and the reader kept talking");
    }
}
