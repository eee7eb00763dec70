//! Group commit across documents. Every chunk write is first appended to one journal; a single
//! `fdatasync` makes durable every write waiting at that moment, whatever its document, and only
//! then is the chunk file written, without an fsync of its own. A journal segment is deleted
//! only after a `syncfs` has made the chunk files written from it durable; segments a crash
//! left behind are replayed into the store (durably) before anything is loaded.
//!
//! Before this, each write cost two fsyncs, an open and a rename on the actor's critical path,
//! and under two hundred busy documents that was half the relay's CPU.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use radslag_protocol::storage::{StorageError, StorageKey};
use tokio::sync::oneshot;

use crate::disk::{check_key_parts, io_error, sync_folder, DiskStore};

/// The journal's folder inside the data folder. It starts with a dot, which no key part does,
/// so document listings never walk into it.
pub const JOURNAL_DIR: &str = ".journal";

/// A segment is handed to the checkpointer when it grows past this or gets this old.
const SEGMENT_MAX_BYTES: u64 = 16 * 1024 * 1024;
const SEGMENT_MAX_AGE: Duration = Duration::from_secs(2);

/// The most writes one fdatasync covers, so one batch cannot starve the replies.
const MAX_BATCH: usize = 1024;

/// Record header: payload length (u32 LE), CRC-32 of the payload (u32 LE).
const HEADER_BYTES: usize = 8;

/// The journal's writer: cheap to clone, one thread behind it.
#[derive(Clone, Debug)]
pub struct Journal {
    requests: mpsc::Sender<Request>,
}

struct Request {
    key: StorageKey,
    data: Vec<u8>,
    done: oneshot::Sender<Result<(), StorageError>>,
}

impl Journal {
    /// Takes the data folder's lock, replays what a crash left in the journal into `disk`, then
    /// starts the writer thread. Fails, saying why, while another relay holds the folder.
    pub fn start(disk: Arc<DiskStore>) -> Result<Journal, StorageError> {
        Self::start_with(disk, Faults::default())
    }

    fn start_with(disk: Arc<DiskStore>, faults: Faults) -> Result<Journal, StorageError> {
        // Replay and checkpoints delete segments: only the folder's one relay may. The store
        // keeps the lock until its last user, the checkpointer, has deleted its last segment;
        // released earlier, a relay started next could number a new segment like one still
        // queued here, and lose it to this checkpointer's delete.
        drop(disk.lock()?);
        let dir = disk.root().join(JOURNAL_DIR);
        match replay(&disk, &dir) {
            Ok(replayed) if replayed.records == 0 => {}
            // Damage was already logged per segment, naming where it is kept.
            Ok(replayed) => tracing::info!("replayed {} journalled write(s) from before the last stop", replayed.records),
            // A full disk, say. Serving what is on disk beats a service manager's restart loop;
            // the segments stay where they are and are replayed at the next start.
            Err(e) => tracing::error!(
                "could not replay the journal in {} ({e}); serving the documents as they are on disk until the next start replays it",
                dir.display()
            ),
        }
        let writer = Writer::open(disk, dir, faults)?;
        let (requests, inbox) = mpsc::channel();
        thread::Builder::new()
            .name("radslag-journal".into())
            .spawn(move || writer.run(inbox))
            .map_err(|e| StorageError::other(format!("could not start the journal thread: {e}")))?;
        Ok(Journal { requests })
    }

    /// Stores `data` under `key`; resolves once it is durable.
    pub async fn put(&self, key: StorageKey, data: Vec<u8>) -> Result<(), StorageError> {
        let (done, answer) = oneshot::channel();
        self.requests
            .send(Request { key, data, done })
            .map_err(|_| StorageError::other("the journal thread has stopped; the change was not stored"))?;
        answer.await.map_err(|_| StorageError::other("the journal thread stopped before the change was stored"))?
    }
}

/// The current segment: the file being appended to and where it stands.
struct Segment {
    path: PathBuf,
    file: File,
    bytes: u64,
    opened: Instant,
    /// A failed append may have left a torn record: nothing more may follow it in this file.
    broken: bool,
}

struct Writer {
    disk: Arc<DiskStore>,
    dir: PathBuf,
    next_seq: u64,
    /// `None` while no segment could be created (a full disk): each commit tries again.
    segment: Option<Segment>,
    checkpoints: mpsc::Sender<PathBuf>,
    health: WriteHealth,
    faults: Faults,
}

/// Write faults a test injects into the journal; in the relay itself it has nothing and
/// injects nothing.
#[derive(Clone, Debug, Default)]
struct Faults {
    /// How many of the next appends fail, after writing half their bytes (a torn record), with
    /// the error a full disk gives.
    #[cfg(test)]
    torn_appends: Arc<std::sync::atomic::AtomicUsize>,
}

impl Faults {
    /// The error to fail this append with, if one is injected.
    fn next_append(&self) -> Option<io::Error> {
        #[cfg(test)]
        {
            use std::sync::atomic::Ordering;
            let take = |n: usize| n.checked_sub(1);
            if self.torn_appends.fetch_update(Ordering::SeqCst, Ordering::SeqCst, take).is_ok() {
                return Some(io::Error::from(io::ErrorKind::StorageFull));
            }
        }
        None
    }
}

/// Whether journal writes currently fail, so a full disk is logged when it starts and when it
/// ends, not once per batch.
#[derive(Debug, Default)]
struct WriteHealth {
    failing: bool,
}

impl WriteHealth {
    /// Records the outcome of one append; returns the line to log when the state changed.
    fn record(&mut self, result: &Result<(), StorageError>) -> Option<String> {
        match (self.failing, result) {
            (false, Err(e)) => {
                self.failing = true;
                Some(format!("journal writes fail: {e}; no change is acknowledged until they work again"))
            }
            (true, Ok(())) => {
                self.failing = false;
                Some("journal writes work again".into())
            }
            _ => None,
        }
    }
}

impl Writer {
    fn open(disk: Arc<DiskStore>, dir: PathBuf, faults: Faults) -> Result<Writer, StorageError> {
        let (checkpoints, todo) = mpsc::channel::<PathBuf>();
        let store = disk.clone();
        thread::Builder::new()
            .name("radslag-checkpoint".into())
            .spawn(move || checkpoint_loop(&store, todo))
            .map_err(|e| StorageError::other(format!("could not start the checkpoint thread: {e}")))?;
        // Numbers go on from any segment still there, so a name is never reused.
        let first = last_segment_number(&dir) + 1;
        let segment = match new_segment(&dir, first) {
            Ok(segment) => Some(segment),
            Err(e) => {
                tracing::error!("could not start a journal segment ({e}); changes are refused until one can be written");
                None
            }
        };
        Ok(Writer { disk, dir, next_seq: first + 1, segment, checkpoints, health: WriteHealth::default(), faults })
    }

    fn run(mut self, inbox: mpsc::Receiver<Request>) {
        // Ends when every `Journal` is dropped: the relay has stopped.
        while let Ok(first) = inbox.recv() {
            let mut batch = vec![first];
            while batch.len() < MAX_BATCH {
                match inbox.try_recv() {
                    Ok(more) => batch.push(more),
                    Err(_) => break,
                }
            }
            self.commit(batch);
            let due = self.segment.as_ref().is_some_and(|s| {
                s.broken || s.bytes >= SEGMENT_MAX_BYTES || (s.bytes > 0 && s.opened.elapsed() >= SEGMENT_MAX_AGE)
            });
            if due {
                self.rotate();
            }
        }
        // What is left is replayed at the next start; a checkpoint now only saves that work.
        self.rotate();
    }

    fn commit(&mut self, batch: Vec<Request>) {
        let mut buf = Vec::new();
        let mut accepted = Vec::with_capacity(batch.len());
        for request in batch {
            // A key the store would refuse must not reach the journal: its replay would fail.
            match self.disk.check_key(&request.key).and_then(|()| append_record(&mut buf, &request.key, &request.data)) {
                Ok(()) => accepted.push(request),
                Err(e) => {
                    let _ = request.done.send(Err(e));
                }
            }
        }
        if accepted.is_empty() {
            return;
        }
        if self.segment.as_ref().is_none_or(|s| s.broken) {
            self.rotate();
        }
        let Some(segment) = self.segment.as_mut().filter(|s| !s.broken) else {
            // Records after a torn one would never be replayed: refuse rather than lose them.
            let refused = StorageError::other(format!(
                "the journal could not start a new segment in {}; the change was not stored",
                self.dir.display()
            ));
            if let Some(line) = self.health.record(&Err(refused.clone())) {
                tracing::error!("{line}");
            }
            for request in accepted {
                let _ = request.done.send(Err(refused.clone()));
            }
            return;
        };
        let appended = match self.faults.next_append() {
            None => segment.file.write_all(&buf).and_then(|()| segment.file.sync_data()),
            Some(injected) => segment.file.write_all(&buf[..buf.len() / 2]).and(Err(injected)),
        };
        let appended = appended.map_err(|e| io_error(&format!("could not write the journal {}", segment.path.display()), e));
        if appended.is_err() {
            segment.broken = true;
        } else {
            segment.bytes += buf.len() as u64;
        }
        match self.health.record(&appended) {
            Some(line) if appended.is_err() => tracing::error!("{line}"),
            Some(line) => tracing::info!("{line}"),
            None => {}
        }
        if let Err(failed) = appended {
            for request in accepted {
                let _ = request.done.send(Err(failed.clone()));
            }
            return;
        }
        // Durable now; the chunk files are for reading and become durable at the checkpoint.
        for request in accepted {
            let result = self.disk.put_unsynced(&request.key, &request.data);
            let _ = request.done.send(result);
        }
    }

    /// Starts a new segment and hands the old one to the checkpointer. If no new segment can be
    /// opened, the old one stays in use (or, if broken, the next commit tries again).
    fn rotate(&mut self) {
        if self.segment.as_ref().is_some_and(|s| s.bytes == 0 && !s.broken) {
            return;
        }
        let seq = self.next_seq;
        // A failed attempt may have left the file: the next attempt takes the next name.
        self.next_seq += 1;
        match new_segment(&self.dir, seq) {
            Ok(segment) => {
                if let Some(old) = self.segment.replace(segment) {
                    let _ = self.checkpoints.send(old.path);
                }
            }
            // Logged by the commit that finds no segment to write to, once per outage.
            Err(e) => tracing::debug!("could not start a new journal segment: {e}"),
        }
    }
}

/// Makes the chunk files written from each finished segment durable (one `syncfs` for the
/// whole data folder's file system), then deletes the segment.
///
/// The folder is opened once, here: Linux reports a writeback error to the descriptors open
/// when it happened, so a descriptor opened afresh before each `syncfs` could miss an error
/// and delete a segment whose chunk files never reached the disk (PostgreSQL's fsync lesson).
///
/// It holds the store, and with it the data folder's lock, until its last segment is deleted.
fn checkpoint_loop(disk: &DiskStore, todo: mpsc::Receiver<PathBuf>) {
    let root = disk.root();
    let folder = match File::open(root) {
        Ok(folder) => folder,
        Err(e) => {
            // Without it nothing can be checkpointed; every segment stays and is replayed.
            tracing::error!("could not open the data folder {} for checkpoints: {e}; journal segments are kept until the next start", root.display());
            return;
        }
    };
    while let Ok(segment) = todo.recv() {
        match sync_file_system(&folder) {
            Ok(()) => {
                if let Err(e) = fs::remove_file(&segment) {
                    tracing::warn!("could not delete the checkpointed journal segment {}: {e}", segment.display());
                }
            }
            // The segment stays and is replayed at the next start: nothing is lost.
            Err(e) => tracing::error!("could not sync the data folder's file system: {e}"),
        }
    }
}

#[cfg(target_os = "linux")]
fn sync_file_system(folder: &File) -> io::Result<()> {
    rustix::fs::syncfs(folder).map_err(io::Error::from)
}

/// Elsewhere there is no per-file-system sync: sync them all.
#[cfg(not(target_os = "linux"))]
fn sync_file_system(_folder: &File) -> io::Result<()> {
    rustix::fs::sync();
    Ok(())
}

/// The highest segment number in `dir`, kept damaged segments included: after a replay deleted
/// the others, numbering must not start again below a kept one, or a later damaged segment of
/// the same number would be renamed over it.
fn last_segment_number(dir: &Path) -> u64 {
    fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).filter_map(|e| segment_number(e.file_name().to_str()?)).max().unwrap_or(0))
        .unwrap_or(0)
}

/// The number in `<n>.log`, `<n>.log.damaged` or `<n>.log.<k>.damaged`.
fn segment_number(name: &str) -> Option<u64> {
    let (number, rest) = name.split_once('.')?;
    let segment = rest == "log" || (rest.starts_with("log.") && rest.ends_with(".damaged"));
    segment.then(|| number.parse().ok()).flatten()
}

/// Where a damaged segment is kept: `<name>.damaged`, or `<name>.<k>.damaged` when an earlier
/// one has that name, so a kept file is never overwritten. Replay ignores both.
fn aside_path(segment: &Path) -> PathBuf {
    let mut k = 0u32;
    loop {
        let mut name = segment.as_os_str().to_owned();
        if k > 0 {
            name.push(format!(".{k}"));
        }
        name.push(".damaged");
        let path = PathBuf::from(name);
        if fs::symlink_metadata(&path).is_err() {
            return path;
        }
        k += 1;
    }
}

fn new_segment(dir: &Path, seq: u64) -> Result<Segment, StorageError> {
    let created = !dir.is_dir();
    fs::create_dir_all(dir).map_err(|e| io_error(&format!("could not create {}", dir.display()), e))?;
    let path = dir.join(format!("{seq:020}.log"));
    let file = OpenOptions::new()
        .create_new(true)
        .write(true)
        .open(&path)
        .map_err(|e| io_error(&format!("could not create {}", path.display()), e))?;
    // The segment's name must be durable before any record in it counts.
    sync_folder(dir).map_err(|e| io_error(&format!("could not sync {}", dir.display()), e))?;
    if created {
        if let Some(parent) = dir.parent() {
            sync_folder(parent).map_err(|e| io_error(&format!("could not sync {}", parent.display()), e))?;
        }
    }
    Ok(Segment { path, file, bytes: 0, opened: Instant::now(), broken: false })
}

/// Appends one record to `buf`: header, then the key (parts joined by '/', which no part
/// contains) as a u16 length and bytes, then the data.
fn append_record(buf: &mut Vec<u8>, key: &StorageKey, data: &[u8]) -> Result<(), StorageError> {
    let joined = key.0.join("/");
    let key_len = u16::try_from(joined.len()).map_err(|_| StorageError::other(format!("storage key {key} is too long")))?;
    let len = u32::try_from(2 + joined.len() + data.len())
        .map_err(|_| StorageError::other(format!("the chunk {key} is larger than 4 GiB")))?;
    let header_at = buf.len();
    buf.extend_from_slice(&[0; HEADER_BYTES]);
    buf.extend_from_slice(&key_len.to_le_bytes());
    buf.extend_from_slice(joined.as_bytes());
    buf.extend_from_slice(data);
    let crc = crc32fast::hash(&buf[header_at + HEADER_BYTES..]);
    buf[header_at..header_at + 4].copy_from_slice(&len.to_le_bytes());
    buf[header_at + 4..header_at + HEADER_BYTES].copy_from_slice(&crc.to_le_bytes());
    Ok(())
}

/// What a journal segment holds: its whole records, how many damaged stretches were skipped to
/// find them (a stretch may have held several records), and how many bytes those stretches span.
#[derive(Debug, Default, PartialEq)]
pub struct Decoded {
    pub records: Vec<(StorageKey, Vec<u8>)>,
    pub damaged: usize,
    pub skipped_bytes: usize,
}

/// Every whole record in `bytes`. A record that does not check out (disk damage, not a crash:
/// a crash can only tear the end) is skipped by scanning forward byte by byte for the next one
/// that does, so the acknowledged writes after it are kept. The damaged record's own length is
/// not trusted for the jump: if the damage is in the length, a jump could land past whole
/// records, or mid-record. A torn last record is dropped silently.
pub fn decode_records(bytes: &[u8]) -> Decoded {
    let mut out = Decoded::default();
    let mut at = 0;
    while bytes.len() - at >= HEADER_BYTES {
        if let Some((record, len)) = record_at(&bytes[at..]) {
            out.records.push(record);
            at += len;
            continue;
        }
        let declared = u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize;
        match (at + 1..bytes.len()).find(|&next| record_at(&bytes[next..]).is_some()) {
            Some(next) => {
                out.damaged += 1;
                out.skipped_bytes += next - at;
                at = next;
            }
            None => {
                // Nothing valid follows: a record cut short by a crash is normal; one whose whole
                // length is there but whose check fails is damage.
                if declared.checked_add(HEADER_BYTES).is_some_and(|whole| whole <= bytes.len() - at) {
                    out.damaged += 1;
                    out.skipped_bytes += bytes.len() - at;
                }
                break;
            }
        }
    }
    out
}

/// The record at the start of `bytes` and its length in bytes, if it is whole, its key is one
/// the store accepts and its CRC matches.
///
/// The key is checked before the CRC: at almost every position of garbage it fails within a
/// byte or two, so a resync scan does not checksum up to a segment's length at each byte. A
/// record that checks out with a key the store refuses is damage too, not a reason to fail
/// the whole replay.
fn record_at(bytes: &[u8]) -> Option<((StorageKey, Vec<u8>), usize)> {
    let header = bytes.get(..HEADER_BYTES)?;
    let len = u32::from_le_bytes([header[0], header[1], header[2], header[3]]) as usize;
    let crc = u32::from_le_bytes([header[4], header[5], header[6], header[7]]);
    let payload = bytes.get(HEADER_BYTES..HEADER_BYTES.checked_add(len)?)?;
    let key_len = payload.get(..2).map(|l| u16::from_le_bytes([l[0], l[1]]) as usize)?;
    let key = payload.get(2..2 + key_len)?;
    if !key.iter().all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'/')) {
        return None;
    }
    // Only ASCII is left, so this cannot fail.
    let key = StorageKey(std::str::from_utf8(key).ok()?.split('/').map(str::to_string).collect());
    if check_key_parts(&key).is_err() || crc32fast::hash(payload) != crc {
        return None;
    }
    Some(((key, payload[2 + key_len..].to_vec()), HEADER_BYTES + len))
}

/// What a replay did: records written into the store, and damaged stretches skipped in all.
#[derive(Debug, Default, PartialEq)]
struct Replayed {
    records: usize,
    damaged: usize,
}

/// Writes every record of every segment in `dir` durably into `disk`, then deletes the
/// segments; a segment with damage is kept beside them as `<name>.damaged` for a person to
/// inspect, and logged once.
fn replay(disk: &DiskStore, dir: &Path) -> Result<Replayed, StorageError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Replayed::default()),
        Err(e) => return Err(io_error(&format!("could not list {}", dir.display()), e)),
    };
    let mut segments: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "log"))
        .collect();
    // Zero-padded names: name order is write order.
    segments.sort();
    let mut replayed = Replayed::default();
    let mut kept = Vec::new();
    for segment in &segments {
        let mut bytes = Vec::new();
        match File::open(segment).and_then(|mut f| f.read_to_end(&mut bytes)) {
            Ok(_) => {}
            // Checkpointed (its chunk files synced) and deleted since it was listed.
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(io_error(&format!("could not read the journal {}", segment.display()), e)),
        }
        let decoded = decode_records(&bytes);
        for (key, data) in &decoded.records {
            disk.put_sync(key, data)?;
            replayed.records += 1;
        }
        if decoded.damaged > 0 {
            let aside = aside_path(segment);
            tracing::warn!(
                "the journal {} is damaged: {} damaged stretch(es) ({} bytes) were skipped and lost, its {} whole record(s) were replayed; the file is kept as {} for inspection",
                segment.display(),
                decoded.damaged,
                decoded.skipped_bytes,
                decoded.records.len(),
                aside.display()
            );
            replayed.damaged += decoded.damaged;
            kept.push((segment.clone(), aside));
        }
    }
    for segment in &segments {
        let result = match kept.iter().find(|(damaged, _)| damaged == segment) {
            Some((_, aside)) => fs::rename(segment, aside),
            None => fs::remove_file(segment),
        };
        match result {
            // A checkpoint of the journal this one follows may have deleted it meanwhile.
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_error(&format!("could not clear the replayed journal {}", segment.display()), e)),
        }
    }
    if !segments.is_empty() {
        sync_folder(dir).map_err(|e| io_error(&format!("could not sync {}", dir.display()), e))?;
    }
    Ok(replayed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(key: &StorageKey, data: &[u8]) -> Vec<u8> {
        let mut buf = Vec::new();
        append_record(&mut buf, key, data).expect("encoded");
        buf
    }

    fn key(hash: &str) -> StorageKey {
        StorageKey(vec!["2qVwz3UK4M8nJ7gCStZcDm1vS9Xb".into(), "incremental".into(), hash.into()])
    }

    #[test]
    fn a_full_disk_is_logged_when_it_starts_and_when_it_ends() {
        let mut health = WriteHealth::default();
        let full = Err(StorageError::other("No space left on device"));
        assert!(health.record(&Ok(())).is_none(), "nothing to say while writes work");
        assert!(health.record(&full).is_some_and(|l| l.contains("No space left")), "said once when writes start failing");
        assert!(health.record(&full).is_none(), "not again for every batch");
        assert!(health.record(&Ok(())).is_some_and(|l| l.contains("work again")));
        assert!(health.record(&Ok(())).is_none());
    }

    #[test]
    fn records_read_back_and_a_torn_tail_is_dropped() {
        let mut bytes = record(&key("aa"), b"first");
        bytes.extend(record(&key("bb"), b"second"));
        let whole = bytes.len();
        bytes.extend(record(&key("cc"), b"third, torn by a crash"));
        bytes.truncate(whole + 12);
        let got = decode_records(&bytes);
        assert_eq!(got.records, vec![(key("aa"), b"first".to_vec()), (key("bb"), b"second".to_vec())]);
        assert_eq!(got.damaged, 0, "a torn tail is what a crash leaves, not damage");
    }

    /// Three records with the middle one damaged, once in its data and once in its length.
    fn three_with_a_damaged_middle(damage_length: bool) -> Vec<u8> {
        let mut bytes = record(&key("aa"), b"first");
        let second_at = bytes.len();
        bytes.extend(record(&key("bb"), b"second"));
        bytes.extend(record(&key("cc"), b"third"));
        if damage_length {
            bytes[second_at + 3] = 0x7f;
        } else {
            bytes[second_at + HEADER_BYTES + 5] ^= 0xff;
        }
        bytes
    }

    #[test]
    fn a_damaged_record_is_skipped_and_the_records_after_it_are_kept() {
        for damage_length in [false, true] {
            let got = decode_records(&three_with_a_damaged_middle(damage_length));
            assert_eq!(got.records, vec![(key("aa"), b"first".to_vec()), (key("cc"), b"third".to_vec())], "length damaged: {damage_length}");
            assert_eq!(got.damaged, 1);
            assert_eq!(got.skipped_bytes, record(&key("bb"), b"second").len(), "exactly the damaged record is skipped");
        }
    }

    /// Deterministic bytes that look like nothing: a xorshift stream.
    fn garbage(len: usize) -> Vec<u8> {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect()
    }

    #[test]
    fn garbage_between_records_is_resynced_past() {
        // Checksumming at each position (the scan before the key was checked first) took 7 s on
        // these 4 MiB in a debug build, growing with the cube of the stretch (minutes for a full
        // segment); with the key first it is a fraction of a second.
        let noise = garbage(4 << 20);
        let mut bytes = record(&key("aa"), b"first");
        bytes.extend(&noise);
        bytes.extend(record(&key("cc"), b"after the garbage"));
        let got = decode_records(&bytes);
        assert_eq!(got.records, vec![(key("aa"), b"first".to_vec()), (key("cc"), b"after the garbage".to_vec())]);
        assert_eq!((got.damaged, got.skipped_bytes), (1, noise.len()));
    }

    #[test]
    fn a_whole_last_record_that_fails_its_check_is_damage_not_a_torn_tail() {
        let mut bytes = record(&key("aa"), b"first");
        bytes.extend(record(&key("bb"), b"second"));
        let last = bytes.len() - 1;
        bytes[last] ^= 0x01;
        let got = decode_records(&bytes);
        assert_eq!(got.records, vec![(key("aa"), b"first".to_vec())]);
        assert_eq!(got.damaged, 1, "its whole length is there: a crash does not do that");
    }

    #[test]
    fn a_record_with_a_matching_checksum_but_a_key_the_store_refuses_is_damage() {
        let bad = StorageKey(vec!["..".into(), "incremental".into(), "aa".into()]);
        let mut bytes = record(&key("aa"), b"first");
        bytes.extend(record(&bad, b"would escape the data folder"));
        bytes.extend(record(&key("cc"), b"third"));
        let got = decode_records(&bytes);
        assert_eq!(got.records, vec![(key("aa"), b"first".to_vec()), (key("cc"), b"third".to_vec())]);
        assert_eq!(got.damaged, 1);

        // And the replay goes on (it used to fail on that key and replay nothing).
        let dir = tempfile::tempdir().expect("temp dir");
        let disk = DiskStore::open(dir.path()).expect("store");
        let journal = dir.path().join(JOURNAL_DIR);
        fs::create_dir_all(&journal).expect("journal folder");
        fs::write(journal.join(format!("{:020}.log", 1)), &bytes).expect("segment");
        assert_eq!(replay(&disk, &journal).expect("replayed"), Replayed { records: 2, damaged: 1 });
    }

    #[test]
    fn three_records_with_a_damaged_middle_replay_the_first_and_third_and_the_segment_is_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let disk = DiskStore::open(dir.path()).expect("store");
        let journal = dir.path().join(JOURNAL_DIR);
        fs::create_dir_all(&journal).expect("journal folder");
        let segment = journal.join(format!("{:020}.log", 5));
        let written = three_with_a_damaged_middle(false);
        fs::write(&segment, &written).expect("segment");

        assert_eq!(replay(&disk, &journal).expect("replayed"), Replayed { records: 2, damaged: 1 }, "the first and third records, one damaged");
        assert_eq!(disk.load_sync(&key("aa")).expect("read"), Some(b"first".to_vec()));
        assert_eq!(disk.load_sync(&key("bb")).expect("read"), None, "the damaged record is not guessed at");
        assert_eq!(disk.load_sync(&key("cc")).expect("read"), Some(b"third".to_vec()));
        assert!(!segment.exists(), "the segment is not replayed again");
        let kept = journal.join(format!("{:020}.log.damaged", 5));
        assert_eq!(fs::read(&kept).expect("the damaged segment is kept for a person to look at"), written, "kept as it was");
        assert_eq!(replay(&disk, &journal).expect("second start"), Replayed::default(), "a kept segment is not replayed twice");
        assert_eq!(last_segment_number(&journal), 5, "new segments are numbered after the kept one");
    }

    #[test]
    fn a_second_damaged_segment_of_the_same_name_does_not_overwrite_the_kept_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let disk = DiskStore::open(dir.path()).expect("store");
        let journal = dir.path().join(JOURNAL_DIR);
        fs::create_dir_all(&journal).expect("journal folder");
        let segment = journal.join(format!("{:020}.log", 2));
        fs::write(&segment, three_with_a_damaged_middle(false)).expect("segment");
        replay(&disk, &journal).expect("first replay");
        fs::write(&segment, three_with_a_damaged_middle(true)).expect("segment");
        replay(&disk, &journal).expect("second replay");
        assert_eq!(fs::read(journal.join(format!("{:020}.log.damaged", 2))).expect("first kept"), three_with_a_damaged_middle(false));
        assert_eq!(fs::read(journal.join(format!("{:020}.log.1.damaged", 2))).expect("second kept"), three_with_a_damaged_middle(true));
        assert_eq!(last_segment_number(&journal), 2);
    }

    #[test]
    fn a_crash_before_the_checkpoint_is_replayed_into_the_store() {
        let dir = tempfile::tempdir().expect("temp dir");
        let disk = DiskStore::open(dir.path()).expect("store");
        // What a crash leaves: a journalled write whose chunk file never reached the disk.
        let journal = dir.path().join(JOURNAL_DIR);
        fs::create_dir_all(&journal).expect("journal folder");
        let mut segment = record(&key("aa"), b"acknowledged");
        segment.extend_from_slice(&[7, 0, 0]);
        fs::write(journal.join(format!("{:020}.log", 3)), &segment).expect("segment");

        assert_eq!(replay(&disk, &journal).expect("replayed"), Replayed { records: 1, damaged: 0 });
        assert_eq!(disk.load_sync(&key("aa")).expect("read"), Some(b"acknowledged".to_vec()));
        assert_eq!(fs::read_dir(&journal).expect("listed").count(), 0, "replayed segments are deleted");
        // The journal folder is not taken for a document.
        assert_eq!(disk.load_range_sync(&[]).expect("listed").len(), 1);
    }

    #[test]
    fn a_second_journal_on_the_same_data_folder_refuses_and_leaves_the_first_ones_segments() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = Arc::new(DiskStore::open(dir.path()).expect("store"));
        let _journal = Journal::start(first.clone()).expect("journal");
        // What the first relay has not checkpointed yet.
        let journal = dir.path().join(JOURNAL_DIR);
        let pending = journal.join(format!("{:020}.log", 900));
        fs::write(&pending, record(&key("aa"), b"not checkpointed")).expect("segment");

        let second = Arc::new(DiskStore::open(dir.path()).expect("opening alone does not lock"));
        let refused = Journal::start(second).expect_err("a second journal on the same folder");
        let said = refused.to_string();
        assert!(said.contains("already used by another relay") && said.contains(".lock") && said.contains("--data"), "{said}");
        assert!(pending.exists(), "the refused journal replayed nothing and deleted nothing");
        assert!(first.lock().is_ok(), "the store that holds the lock gets another handle on it at once");
    }

    #[tokio::test]
    async fn a_put_whose_append_failed_is_an_error_and_the_next_put_is_stored_once_the_fault_is_gone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let disk = Arc::new(DiskStore::open(dir.path()).expect("store"));
        let faults = Faults::default();
        let journal = Journal::start_with(disk.clone(), faults.clone()).expect("journal");
        journal.put(key("aa"), b"before".to_vec()).await.expect("stored");

        faults.torn_appends.store(1, std::sync::atomic::Ordering::SeqCst);
        let failed = journal.put(key("bb"), b"while the disk is full".to_vec()).await.expect_err("never reported stored");
        assert_eq!(failed.kind, radslag_protocol::storage::StorageErrorKind::Full, "{failed}");
        assert!(failed.to_string().contains("could not write the journal"), "says what failed: {failed}");
        assert_eq!(disk.load_sync(&key("bb")).expect("read"), None, "not written for reading either");

        // The torn segment is not appended to again: the next put goes to a new one and is stored.
        journal.put(key("cc"), b"after".to_vec()).await.expect("stored once the fault is gone");
        assert_eq!(disk.load_sync(&key("cc")).expect("read"), Some(b"after".to_vec()));

        drop(journal);
        drop(disk);
        let again = Arc::new(DiskStore::open(dir.path()).expect("store"));
        let _journal = Journal::start(again.clone()).expect("journal after restart");
        assert_eq!(again.load_sync(&key("aa")).expect("read"), Some(b"before".to_vec()));
        assert_eq!(again.load_sync(&key("cc")).expect("read"), Some(b"after".to_vec()));
        let kept: Vec<_> = fs::read_dir(dir.path().join(JOURNAL_DIR))
            .expect("journal folder")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".damaged"))
            .collect();
        assert!(kept.is_empty(), "a torn append is what a full disk leaves, not damage: {kept:?}");
    }

    /// The torn segment as a crash before its checkpoint would leave it: replayed up to the
    /// tear, silently, and what followed in the next segment too.
    #[test]
    fn a_torn_segment_followed_by_a_new_one_replays_both_without_damage() {
        let dir = tempfile::tempdir().expect("temp dir");
        let disk = DiskStore::open(dir.path()).expect("store");
        let journal = dir.path().join(JOURNAL_DIR);
        fs::create_dir_all(&journal).expect("journal folder");
        let mut torn = record(&key("aa"), b"before");
        let failed = record(&key("bb"), b"while the disk is full");
        torn.extend(&failed[..failed.len() / 2]);
        fs::write(journal.join(format!("{:020}.log", 1)), &torn).expect("torn segment");
        fs::write(journal.join(format!("{:020}.log", 2)), record(&key("cc"), b"after")).expect("next segment");
        assert_eq!(replay(&disk, &journal).expect("replayed"), Replayed { records: 2, damaged: 0 });
        assert_eq!(disk.load_sync(&key("cc")).expect("read"), Some(b"after".to_vec()));
        assert_eq!(fs::read_dir(&journal).expect("listed").count(), 0, "nothing kept aside");
    }

    #[tokio::test]
    async fn writes_are_readable_once_put_and_survive_a_restart() {
        let dir = tempfile::tempdir().expect("temp dir");
        let disk = Arc::new(DiskStore::open(dir.path()).expect("store"));
        let journal = Journal::start(disk.clone()).expect("journal");
        let writes: Vec<_> = (0..50).map(|i| journal.put(key(&format!("{i:02x}")), vec![i as u8; 100])).collect();
        for result in futures::future::join_all(writes).await {
            result.expect("stored");
        }
        assert_eq!(disk.load_sync(&key("31")).expect("read"), Some(vec![49; 100]));
        // Both go, as when a relay stops: the lock is free once the journal's threads are done.
        drop(journal);
        drop(disk);
        let again = Arc::new(DiskStore::open(dir.path()).expect("store"));
        let _journal = Journal::start(again.clone()).expect("journal after restart");
        assert_eq!(again.load_range_sync(&[]).expect("listed").len(), 50);
    }
}
