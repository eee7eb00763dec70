//! A structure-aware fuzz loop: hostile `sync` and `request` data from a joined peer, for a real
//! document the relay holds, must never panic the document's sync session; the peer is at most
//! refused. Random frames never reach automerge's sync decoder with a loaded document (the
//! Bloom message survived such a run), so the messages here are built from the sync message's
//! own layout and from real messages, then bent: Bloom parameters, head and need lists, change
//! chunks, compressed columns, truncations and flipped bytes. Seeded, so a failure replays.

use std::panic::{catch_unwind, AssertUnwindSafe};

use automerge::sync::{self, SyncDoc};
use automerge::transaction::Transactable;
use automerge::{AutoCommit, ROOT};
use radslag_protocol::doc_sync::{DocInput, DocSync};
use radslag_protocol::storage::DocumentStore;
use radslag_protocol::{DocumentId, Message, PeerId};

/// xorshift64*: enough randomness for a fuzz loop, and the same run for the same seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, one_in: u64) -> bool {
        self.below(one_in) == 0
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

fn uleb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// A number a hostile peer would pick: small, an edge, or anything.
fn hostile_number(rng: &mut Rng) -> u64 {
    match rng.below(6) {
        0 => 0,
        1 => 1,
        2 => rng.below(16),
        3 => u64::from(u32::MAX),
        4 => u64::MAX,
        _ => rng.next() >> rng.below(64),
    }
}

/// What the relay's copy of a council document looks like: several actors, many changes.
fn council_document() -> AutoCommit {
    let mut doc = AutoCommit::new();
    doc.put(ROOT, "name", "E-rådet Fyrbodal").expect("put");
    let list = doc.put_object(ROOT, "meetings", automerge::ObjType::List).expect("list");
    for i in 0..30 {
        doc.insert(&list, i, format!("möte {i}")).expect("insert");
        doc.commit();
    }
    let mut other = doc.fork();
    other.put(ROOT, "place", "Vänersborg").expect("put");
    doc.merge(&mut other).expect("merged");
    doc
}

/// Real sync messages a member would send, to bend.
fn real_messages(doc: &AutoCommit) -> Vec<Vec<u8>> {
    let mut member = AutoCommit::new();
    member.put(ROOT, "draft", "x".repeat(400)).expect("put");
    let mut relay = doc.clone();
    let (mut sm, mut sr) = (sync::State::new(), sync::State::new());
    let mut out = Vec::new();
    for _ in 0..6 {
        if let Some(m) = member.sync().generate_sync_message(&mut sm) {
            let bytes = m.encode();
            out.push(bytes.clone());
            if let Ok(m) = sync::Message::decode(&bytes) {
                let _ = relay.sync().receive_sync_message(&mut sr, m);
            }
        }
        if let Some(m) = relay.sync().generate_sync_message(&mut sr) {
            let _ = member.sync().receive_sync_message(&mut sm, m);
        }
    }
    // Whole documents and compressed chunks, as a V2 peer may send them.
    out.push(build_message_with_chunk(&member.save()));
    out.push(build_message_with_chunk(&member.save_nocompress()));
    out
}

fn build_message_with_chunk(chunk: &[u8]) -> Vec<u8> {
    let mut msg = vec![0x42, 0x00, 0x00, 0x00, 0x01];
    uleb(&mut msg, chunk.len() as u64);
    msg.extend(chunk);
    msg
}

/// A sync message built field by field with hostile values.
fn crafted(rng: &mut Rng, heads: &[automerge::ChangeHash], chunks: &[Vec<u8>]) -> Vec<u8> {
    let mut m = vec![if rng.chance(2) { 0x42 } else { 0x43 }];
    let hash_list = |m: &mut Vec<u8>, rng: &mut Rng| {
        let n = rng.below(4) as usize;
        uleb(m, if rng.chance(10) { hostile_number(rng) } else { n as u64 });
        for _ in 0..n {
            if !heads.is_empty() && rng.chance(2) {
                m.extend(heads[rng.below(heads.len() as u64) as usize].0);
            } else {
                m.extend(rng.bytes(32));
            }
        }
    };
    hash_list(&mut m, rng); // heads
    hash_list(&mut m, rng); // need
    let haves = rng.below(3);
    uleb(&mut m, haves);
    for _ in 0..haves {
        hash_list(&mut m, rng);
        let mut bloom = Vec::new();
        if !rng.chance(5) {
            let entries = hostile_number(rng);
            let bits = hostile_number(rng);
            uleb(&mut bloom, entries);
            uleb(&mut bloom, bits);
            uleb(&mut bloom, hostile_number(rng));
            let len = rng.below(64) as usize;
            bloom.extend(rng.bytes(len));
        }
        uleb(&mut m, bloom.len() as u64);
        m.extend(bloom);
    }
    let n = rng.below(3);
    uleb(&mut m, n);
    for _ in 0..n {
        let chunk = if !chunks.is_empty() && rng.chance(2) {
            let pick = chunks[rng.below(chunks.len() as u64) as usize].clone();
            bend(rng, pick)
        } else {
            let len = rng.below(200) as usize;
            rng.bytes(len)
        };
        uleb(&mut m, chunk.len() as u64);
        m.extend(chunk);
    }
    if rng.chance(3) {
        let len = rng.below(4) as usize;
        uleb(&mut m, len as u64);
        m.extend(rng.bytes(len));
    }
    m
}

/// Flips, truncates, or overwrites a few bytes of `bytes`.
fn bend(rng: &mut Rng, mut bytes: Vec<u8>) -> Vec<u8> {
    if bytes.is_empty() {
        return bytes;
    }
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len() as u64) as usize;
        match rng.below(4) {
            0 => bytes[at] ^= 1 << rng.below(8),
            1 => bytes[at] = 0xff,
            2 => bytes[at] = 0,
            _ => bytes.truncate(at.max(1)),
        }
    }
    bytes
}

/// Where a chunk starts inside a real message (the magic bytes), to pick chunk bytes to bend.
fn chunks_in(messages: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let magic = [0x85, 0x6f, 0x4a, 0x83];
    messages
        .iter()
        .filter_map(|m| m.windows(4).position(|w| w == magic).map(|at| m[at..].to_vec()))
        .collect()
}

#[test]
fn hostile_sync_data_never_panics_a_document_session() {
    let doc_id = DocumentId::from_bytes([3; 16]);
    let relay = PeerId::new("relay").expect("peer id");
    let attacker = PeerId::new("attacker").expect("peer id");
    let mut doc = council_document();
    let heads = doc.get_heads();
    let real = real_messages(&doc);
    let chunks = chunks_in(&real);
    assert!(!chunks.is_empty(), "the real messages carry change chunks to bend");

    let seed = std::env::var("FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_2026_u64);
    let rounds: usize = std::env::var("FUZZ_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(3000);
    let mut rng = Rng(seed | 1);
    let mut refused = 0;
    for round in 0..rounds {
        let data = match rng.below(3) {
            0 => crafted(&mut rng, &heads, &chunks),
            1 => {
                let pick = real[rng.below(real.len() as u64) as usize].clone();
                bend(&mut rng, pick)
            }
            _ => {
                let mut m = crafted(&mut rng, &heads, &chunks);
                m.truncate(rng.below(m.len() as u64 + 1) as usize);
                m
            }
        };
        let mut session = DocSync::new(doc_id, relay.clone(), doc.fork(), DocumentStore::new_document());
        let message = if rng.chance(2) {
            Message::Sync { sender: attacker.clone(), target: relay.clone(), document: doc_id, data: data.clone() }
        } else {
            Message::Request { sender: attacker.clone(), target: relay.clone(), document: doc_id, data: data.clone() }
        };
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            // Receiving, then the answer the session generates (where the Bloom filter is used),
            // then a second round as a persistent peer would.
            let mut bad = false;
            for _ in 0..2 {
                let fx = session.handle(DocInput::FromPeer(message.clone()));
                bad |= fx.bad_peer.is_some();
                if fx.write.is_some() {
                    bad |= session.handle(DocInput::WriteDone).bad_peer.is_some();
                }
            }
            bad
        }));
        match outcome {
            Ok(true) => refused += 1,
            Ok(false) => {}
            Err(_) => panic!("round {round} (FUZZ_SEED={seed}) panicked the session on sync data {}", hex(&data)),
        }
    }
    eprintln!("{rounds} hostile sync messages, {refused} refused, none panicked");
    assert!(refused > rounds / 10, "the loop reached the checks ({refused} of {rounds} refused)");
}

#[test]
fn the_bloom_message_that_aborted_the_release_relay_is_refused() {
    let doc_id = DocumentId::from_bytes([4; 16]);
    let relay = PeerId::new("relay").expect("peer id");
    let attacker = PeerId::new("attacker").expect("peer id");
    let mut session = DocSync::new(doc_id, relay.clone(), council_document(), DocumentStore::new_document());
    let data = vec![0x42, 0x00, 0x00, 0x01, 0x00, 0x03, 0x01, 0x00, 0x07, 0x00];
    let fx = session.handle(DocInput::FromPeer(Message::Sync { sender: attacker.clone(), target: relay, document: doc_id, data }));
    let (who, why) = fx.bad_peer.expect("the peer is refused");
    assert_eq!(who, attacker);
    assert!(why.contains("Bloom"), "the reason names the Bloom filter: {why}");
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().take(200).map(|b| format!("{b:02x}")).collect()
}
