//! No disk fault loses a change silently, with the real `radslag-relay` binary: a journal
//! segment damaged in the middle, after a crash that also lost the chunk files written from it
//! (a power cut loses the page cache), is replayed at the next start up to the damage and past
//! it; the damaged segment is kept aside and named in one warning line.

use std::path::{Path, PathBuf};

use crate::support::{RelayProcess, TestClient};

/// One record of a journal segment as the relay writes it: `len u32 LE | crc32 u32 LE |
/// key length u16 LE | key ('/'-joined) | data`.
struct Record {
    at: usize,
    len: usize,
    key: Vec<String>,
    data: Vec<u8>,
}

fn records_of(bytes: &[u8]) -> Vec<Record> {
    let mut out = Vec::new();
    let mut at = 0;
    while at + 8 <= bytes.len() {
        let len = u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes")) as usize;
        let Some(payload) = bytes.get(at + 8..at + 8 + len) else { break };
        let key_len = u16::from_le_bytes([payload[0], payload[1]]) as usize;
        let key = std::str::from_utf8(&payload[2..2 + key_len]).expect("a key is text");
        out.push(Record { at, len: 8 + len, key: key.split('/').map(str::to_string).collect(), data: payload[2 + key_len..].to_vec() });
        at += 8 + len;
    }
    out
}

fn chunk_file(data: &Path, key: &[String]) -> PathBuf {
    key.iter().fold(data.to_path_buf(), |path, part| path.join(part))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_segment_damaged_in_the_middle_is_replayed_past_the_damage_and_kept_aside() {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = RelayProcess::start(data.path());
    let alice = TestClient::connect("alice", &relay.url());
    // Written together, well inside one segment's age (2 s), so one segment holds them all.
    let ids: Vec<_> = (0..3i64)
        .map(|i| {
            let id = alice.create(|_| {});
            alice.put(id, "n", i);
            (id, i)
        })
        .collect();
    for (id, _) in &ids {
        alice.wait_saved_on_server(*id).await;
    }
    // Killed before a checkpoint: the acknowledged writes are durable only in the journal.
    relay.kill();
    drop(alice);

    let journal = data.path().join(".journal");
    let mut segments: Vec<PathBuf> = std::fs::read_dir(&journal)
        .expect("journal folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "log"))
        .collect();
    segments.sort();
    let (segment, mut bytes, records) = segments
        .iter()
        .map(|s| {
            let bytes = std::fs::read(s).expect("read segment");
            let records = records_of(&bytes);
            (s.clone(), bytes, records)
        })
        .find(|(_, _, records)| records.len() >= 3)
        .expect("one segment holds at least three records");

    // A power cut: the chunk files written from the segment, never fsynced, are gone.
    for record in &records {
        std::fs::remove_file(chunk_file(data.path(), &record.key)).expect("remove a chunk file");
    }
    // Disk damage in the middle record's data.
    let middle = &records[records.len() / 2];
    bytes[middle.at + middle.len - 1] ^= 0xff;
    std::fs::write(&segment, &bytes).expect("damage the segment");

    let again = RelayProcess::start(data.path());
    for (i, record) in records.iter().enumerate() {
        let on_disk = std::fs::read(chunk_file(data.path(), &record.key)).ok();
        if i == records.len() / 2 {
            assert_eq!(on_disk, None, "the damaged record is not replayed");
        } else {
            assert_eq!(on_disk.as_deref(), Some(&record.data[..]), "record {i} of {} is replayed", records.len());
        }
    }
    let mut kept = segment.clone().into_os_string();
    kept.push(".damaged");
    assert_eq!(std::fs::read(&kept).ok(), Some(bytes), "the damaged segment is kept as it was, not deleted");
    assert!(!segment.exists(), "and not replayed again");

    let warned = again.lines_with(&segment.display().to_string());
    assert_eq!(warned.len(), 1, "one line names the damaged segment: {warned:?}");
    let line = &warned[0];
    assert!(line.contains("WARN"), "{line}");
    assert!(line.contains("1 damaged stretch"), "says how much was damaged: {line}");
    assert!(line.contains(&format!("its {} whole record(s) were replayed", records.len() - 1)), "and how much was kept: {line}");
    assert!(line.contains(&format!("{}", Path::new(&kept).display())), "and where the file is: {line}");

    // The documents none of whose chunks was damaged load whole.
    let bob = TestClient::connect("bob", &again.url());
    let damaged_doc = &middle.key[0];
    let mut checked = 0;
    for (id, n) in ids.iter().filter(|(id, _)| &id.to_string() != damaged_doc) {
        bob.find(*id);
        bob.wait_for_value(*id, "n", *n).await;
        checked += 1;
    }
    assert!(checked >= 2, "at least two documents were untouched by the damage");
    again.kill();
}
