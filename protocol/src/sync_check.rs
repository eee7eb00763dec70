//! Checks a peer's automerge sync message against bounds before automerge reads it. automerge
//! 0.12 trusts some fields a hostile peer controls: a Bloom filter with entries but no bits makes
//! `receive_sync_message` divide by zero (a panic that aborts a release relay), a huge probe
//! count makes it allocate and loop without end, and compressed chunks inflate without a cap.
//!
//! The check walks the message's own layout (automerge's `sync.rs` and `storage/`), allocates
//! nothing that grows with the input, and refuses only what automerge would mishandle; what it
//! cannot read it leaves to automerge, which returns an error for malformed input.

use std::io::Read;

use thiserror::Error;

/// Most probes a Bloom filter may ask for. automerge itself uses 7.
pub const MAX_BLOOM_PROBES: u32 = 64;
/// Most bits per entry a Bloom filter may use. automerge itself uses 10.
pub const MAX_BLOOM_BITS_PER_ENTRY: u32 = 256;
/// Most bytes the compressed parts of one sync message may inflate to, all together.
pub const MAX_INFLATED_BYTES: u64 = 64 * 1024 * 1024;

const MESSAGE_TYPE_SYNC: u8 = 0x42;
const MESSAGE_TYPE_SYNC_V2: u8 = 0x43;
const HASH_BYTES: usize = 32;
const CHUNK_MAGIC: [u8; 4] = [0x85, 0x6f, 0x4a, 0x83];
const CHUNK_DOCUMENT: u8 = 0;
const CHUNK_COMPRESSED_CHANGE: u8 = 2;
/// A column spec's bit saying its data is deflated.
const COLUMN_DEFLATE_BIT: u64 = 0b1000;

/// Why a sync message was refused before automerge saw it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SyncCheckError {
    #[error("the sync message ends early")]
    Truncated,
    #[error("the sync message does not start with a sync message type")]
    NotASyncMessage,
    #[error("a number in the sync message is too large")]
    NumberTooLarge,
    #[error("a Bloom filter declares {entries} entries but no bits")]
    BloomWithoutBits { entries: u64 },
    #[error("a Bloom filter asks for {0} probes (at most {MAX_BLOOM_PROBES} are accepted)")]
    TooManyProbes(u64),
    #[error("a Bloom filter uses {0} bits per entry (at most {MAX_BLOOM_BITS_PER_ENTRY} are accepted)")]
    TooManyBitsPerEntry(u64),
    #[error("a Bloom filter is shorter than its entries and bits need")]
    BloomTooShort,
    #[error("the sync message asks for the same change twice")]
    DuplicateNeed,
    #[error("the compressed changes would inflate to more than {MAX_INFLATED_BYTES} bytes")]
    InflatesTooMuch,
}

/// Refuses the sync message `bytes` if automerge 0.12 could panic, loop or allocate without
/// bound on it; `Ok` does not promise automerge accepts it.
pub fn check_sync_message(bytes: &[u8]) -> Result<(), SyncCheckError> {
    let mut r = Reader(bytes);
    match r.byte()? {
        MESSAGE_TYPE_SYNC | MESSAGE_TYPE_SYNC_V2 => {}
        _ => return Err(SyncCheckError::NotASyncMessage),
    }
    r.hashes()?; // heads
    let need = r.hashes()?;
    if has_duplicates(need) {
        // automerge 0.12 panics ("MissingOps") collecting a change asked for twice.
        return Err(SyncCheckError::DuplicateNeed);
    }
    let haves = r.count(1)?;
    for _ in 0..haves {
        r.hashes()?; // last sync
        let bloom = r.prefixed()?;
        check_bloom(bloom)?;
    }
    let mut budget = MAX_INFLATED_BYTES;
    let chunks = r.count(1)?;
    for _ in 0..chunks {
        let chunk = r.prefixed()?;
        check_chunks(chunk, &mut budget)?;
    }
    // What follows (message flags) automerge reads bit by bit without allocating.
    Ok(())
}

/// Whether the concatenated 32-byte hashes in `hashes` hold one twice.
fn has_duplicates(hashes: &[u8]) -> bool {
    let mut list: Vec<&[u8]> = hashes.chunks_exact(HASH_BYTES).collect();
    list.sort_unstable();
    list.windows(2).any(|w| w[0] == w[1])
}

fn check_bloom(bytes: &[u8]) -> Result<(), SyncCheckError> {
    if bytes.is_empty() {
        return Ok(());
    }
    let mut r = Reader(bytes);
    let entries = r.uleb_u32()?;
    let bits_per_entry = r.uleb_u32()?;
    let probes = r.uleb_u32()?;
    if probes > u64::from(MAX_BLOOM_PROBES) {
        return Err(SyncCheckError::TooManyProbes(probes));
    }
    if bits_per_entry > u64::from(MAX_BLOOM_BITS_PER_ENTRY) {
        return Err(SyncCheckError::TooManyBitsPerEntry(bits_per_entry));
    }
    let bit_bytes = (entries * bits_per_entry).div_ceil(8);
    if entries > 0 && bit_bytes == 0 {
        // automerge takes a hash modulo the filter's bit count: zero bits divide by zero.
        return Err(SyncCheckError::BloomWithoutBits { entries });
    }
    if (r.0.len() as u64) < bit_bytes {
        return Err(SyncCheckError::BloomTooShort);
    }
    Ok(())
}

/// One entry of the message's change list: one or more storage chunks back to back. Chunks it
/// cannot read are left to automerge; compressed parts are inflated (into nothing) under the
/// shared `budget`.
fn check_chunks(bytes: &[u8], budget: &mut u64) -> Result<(), SyncCheckError> {
    let mut r = Reader(bytes);
    while r.0.len() >= CHUNK_MAGIC.len() + 4 + 1 {
        if r.take(4)? != CHUNK_MAGIC {
            return Ok(());
        }
        r.take(4)?; // checksum
        let kind = r.byte()?;
        let Ok(data) = r.prefixed() else { return Ok(()) };
        match kind {
            CHUNK_COMPRESSED_CHANGE => inflate_within(data, budget)?,
            CHUNK_DOCUMENT => check_document_columns(data, budget)?,
            // Change chunks may not hold deflated columns (automerge refuses them).
            _ => {}
        }
    }
    Ok(())
}

/// A document chunk: actors, heads, the change and op column specs, then the column data.
fn check_document_columns(bytes: &[u8], budget: &mut u64) -> Result<(), SyncCheckError> {
    let mut r = Reader(bytes);
    let Ok(columns) = document_column_specs(&mut r) else { return Ok(()) };
    for (spec, len) in columns {
        let Ok(len) = usize::try_from(len) else { return Ok(()) };
        let Ok(data) = r.take(len) else { return Ok(()) };
        if spec & COLUMN_DEFLATE_BIT != 0 {
            inflate_within(data, budget)?;
        }
    }
    Ok(())
}

/// The (spec, length) of every change column then every op column, in data order.
fn document_column_specs(r: &mut Reader<'_>) -> Result<Vec<(u64, u64)>, SyncCheckError> {
    let actors = r.count(1)?;
    for _ in 0..actors {
        r.prefixed()?;
    }
    r.hashes()?;
    let mut columns = Vec::new();
    for _ in 0..2 {
        // Each column's spec and length take at least two bytes.
        let n = r.count(2)?;
        for _ in 0..n {
            columns.push((r.uleb()?, r.uleb()?));
        }
    }
    Ok(columns)
}

/// Inflates `data` into nothing, failing once more than `budget` bytes come out. Data that is
/// not valid deflate is left for automerge to refuse.
fn inflate_within(data: &[u8], budget: &mut u64) -> Result<(), SyncCheckError> {
    let decoder = flate2::bufread::DeflateDecoder::new(data);
    let mut limited = decoder.take(*budget + 1);
    let out = match std::io::copy(&mut limited, &mut std::io::sink()) {
        Ok(n) => n,
        Err(_) => return Ok(()),
    };
    if out > *budget {
        return Err(SyncCheckError::InflatesTooMuch);
    }
    *budget -= out;
    Ok(())
}

/// A cursor over the message's bytes.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, SyncCheckError> {
        let (&b, rest) = self.0.split_first().ok_or(SyncCheckError::Truncated)?;
        self.0 = rest;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], SyncCheckError> {
        if self.0.len() < n {
            return Err(SyncCheckError::Truncated);
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    /// An unsigned LEB128 number of at most 64 bits.
    fn uleb(&mut self) -> Result<u64, SyncCheckError> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            let low = u64::from(b & 0x7f);
            if shift == 63 && low > 1 {
                return Err(SyncCheckError::NumberTooLarge);
            }
            value |= low << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(SyncCheckError::NumberTooLarge)
    }

    fn uleb_u32(&mut self) -> Result<u64, SyncCheckError> {
        let v = self.uleb()?;
        if v > u64::from(u32::MAX) {
            return Err(SyncCheckError::NumberTooLarge);
        }
        Ok(v)
    }

    /// A count of items each at least `min_item_bytes` long, checked against what is left.
    fn count(&mut self, min_item_bytes: usize) -> Result<u64, SyncCheckError> {
        let n = self.uleb()?;
        if n.saturating_mul(min_item_bytes as u64) > self.0.len() as u64 {
            return Err(SyncCheckError::Truncated);
        }
        Ok(n)
    }

    /// A length-prefixed list of change hashes, as their bytes back to back.
    fn hashes(&mut self) -> Result<&'a [u8], SyncCheckError> {
        let n = self.count(HASH_BYTES)?;
        // `count` checked that n hashes fit in what is left.
        self.take(n as usize * HASH_BYTES)
    }

    /// Length-prefixed bytes.
    fn prefixed(&mut self) -> Result<&'a [u8], SyncCheckError> {
        let n = self.count(1)?;
        self.take(n as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::sync::{self, SyncDoc};
    use automerge::transaction::Transactable;
    use automerge::{AutoCommit, ROOT};

    /// The 10-byte message that aborted the release relay: one "have" whose Bloom filter is
    /// 1 entry × 0 bits × 7 probes.
    const BLOOM_WITHOUT_BITS: [u8; 10] = [0x42, 0x00, 0x00, 0x01, 0x00, 0x03, 0x01, 0x00, 0x07, 0x00];

    #[test]
    fn the_bloom_filter_without_bits_is_refused() {
        assert_eq!(check_sync_message(&BLOOM_WITHOUT_BITS), Err(SyncCheckError::BloomWithoutBits { entries: 1 }));
    }

    #[test]
    fn a_bloom_filter_asking_for_billions_of_probes_is_refused() {
        let mut msg = vec![0x42, 0x00, 0x00, 0x01, 0x00];
        let bloom = [0x01, 0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x00, 0x00];
        msg.push(bloom.len() as u8);
        msg.extend(bloom);
        msg.push(0x00);
        assert_eq!(check_sync_message(&msg), Err(SyncCheckError::TooManyProbes(u64::from(u32::MAX))));
    }

    #[test]
    fn messages_automerge_writes_pass() {
        let mut a = AutoCommit::new();
        let mut b = AutoCommit::new();
        for i in 0..50 {
            a.put(ROOT, format!("k{i}"), "x".repeat(i * 20)).expect("put");
            a.commit();
        }
        b.put(ROOT, "other", 1).expect("put");
        let (mut sa, mut sb) = (sync::State::new(), sync::State::new());
        let mut seen = 0;
        for _ in 0..10 {
            if let Some(m) = a.sync().generate_sync_message(&mut sa) {
                let bytes = m.encode();
                assert_eq!(check_sync_message(&bytes), Ok(()), "a message automerge wrote");
                b.sync().receive_sync_message(&mut sb, sync::Message::decode(&bytes).expect("decoded")).expect("received");
                seen += 1;
            }
            if let Some(m) = b.sync().generate_sync_message(&mut sb) {
                let bytes = m.encode();
                assert_eq!(check_sync_message(&bytes), Ok(()), "a message automerge wrote");
                a.sync().receive_sync_message(&mut sa, sync::Message::decode(&bytes).expect("decoded")).expect("received");
                seen += 1;
            }
        }
        assert!(seen >= 3, "the peers exchanged messages");
        assert_eq!(a.get_heads(), b.get_heads());
    }

    #[test]
    fn a_compressed_change_that_inflates_past_the_cap_is_refused() {
        use std::io::Write;
        // 80 MiB of zeros deflate to about 80 KiB.
        let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1024 * 1024];
        for _ in 0..80 {
            encoder.write_all(&zeros).expect("deflated");
        }
        let deflated = encoder.finish().expect("deflated");
        let mut chunk = CHUNK_MAGIC.to_vec();
        chunk.extend([0, 0, 0, 0, CHUNK_COMPRESSED_CHANGE]);
        uleb(&mut chunk, deflated.len() as u64);
        chunk.extend(&deflated);
        let mut msg = vec![0x42, 0x00, 0x00, 0x00, 0x01];
        uleb(&mut msg, chunk.len() as u64);
        msg.extend(&chunk);
        assert_eq!(check_sync_message(&msg), Err(SyncCheckError::InflatesTooMuch));
    }

    #[test]
    fn asking_for_one_change_twice_is_refused() {
        let mut msg = vec![0x43, 0x00, 0x02];
        msg.extend([7u8; 32]);
        msg.extend([7u8; 32]);
        msg.extend([0x00, 0x00]);
        assert_eq!(check_sync_message(&msg), Err(SyncCheckError::DuplicateNeed));
    }

    #[test]
    fn declared_counts_larger_than_the_message_are_refused_without_allocating() {
        // "2^63 heads" in an 11-byte message.
        let msg = [0x42, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x00];
        assert_eq!(check_sync_message(&msg), Err(SyncCheckError::Truncated));
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
}
