//! A disk that fills up under use loses no acknowledged change: while writes fail nothing new is
//! acknowledged, members still read the documents that have nothing unstored (a document
//! whose write fails tells nobody anything until it is stored: store before telling); when
//! space returns, writes resume on their own and survive a crash. "Full" is made with the file-size limit of the relay's
//! process (RLIMIT_FSIZE, set from outside with prlimit): every write then fails with EFBIG
//! as it would with ENOSPC, and no privileges or loop devices are needed.

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::time::Duration;

use radslag_protocol::client::SaveState;
use crate::support::{RelayProcess, TestClient};

/// Sets the largest file the relay may write (0: no write can grow a file; `None`: no limit).
fn set_file_size_limit(relay: &RelayProcess, bytes: Option<u64>) {
    let value = bytes.unwrap_or(libc::RLIM_INFINITY);
    let limit = libc::rlimit { rlim_cur: value, rlim_max: libc::RLIM_INFINITY };
    // SAFETY: prlimit reads `limit` and writes nothing (the old-limit pointer is null).
    let done = unsafe { libc::prlimit(relay.child.id() as libc::pid_t, libc::RLIMIT_FSIZE, &limit, std::ptr::null_mut()) };
    assert_eq!(done, 0, "prlimit on the relay failed: {}", std::io::Error::last_os_error());
}

fn start(data: &Path) -> RelayProcess {
    start_limited(data, None)
}

/// Starts the relay with files limited to `bytes` from its first instruction (`None`: no limit).
fn start_limited(data: &Path, bytes: Option<u64>) -> RelayProcess {
    RelayProcess::start_prepared(Path::new(env!("CARGO_BIN_EXE_radslag-relay")), data, move |command| {
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            command.pre_exec(move || {
                // Past the limit a write fails with EFBIG instead of the process being killed.
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                if let Some(bytes) = bytes {
                    let limit = libc::rlimit { rlim_cur: bytes, rlim_max: libc::RLIM_INFINITY };
                    libc::setrlimit(libc::RLIMIT_FSIZE, &limit);
                }
                Ok(())
            });
        }
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_acknowledges_nothing_new_and_writes_resume_when_space_returns() {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = start(data.path());
    let alice = TestClient::connect("alice", &relay.url());
    let id = alice.create(|_| {});
    alice.put(id, "n", 1);
    alice.wait_saved_on_server(id).await;
    let minutes = alice.create(|_| {});
    alice.put(minutes, "items", 4);
    alice.wait_saved_on_server(minutes).await;

    set_file_size_limit(&relay, Some(0));
    alice.put(id, "n", 2);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_ne!(alice.save_state(id), Some(SaveState::SavedOnServer), "a change the relay could not store is not acknowledged");
    // Reads go on: a member opening a document with nothing unstored gets it.
    let bob = TestClient::connect("bob", &relay.url());
    bob.find(minutes);
    bob.wait_for_value(minutes, "items", 4).await;
    bob.find(id);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_ne!(bob.get(id, "n"), Some(2), "the unstored change is not passed on (store before telling)");

    set_file_size_limit(&relay, None);
    alice.wait_saved_on_server(id).await;
    bob.wait_for_value(id, "n", 2).await;

    // What was acknowledged is on disk: it survives a crash.
    relay.kill();
    let again = start(data.path());
    let carol = TestClient::connect("carol", &again.url());
    carol.find(id);
    carol.wait_for_value(id, "n", 2).await;
    again.kill();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_at_start_still_serves_and_the_journal_is_replayed_later() {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = start(data.path());
    let alice = TestClient::connect("alice", &relay.url());
    let id = alice.create(|_| {});
    alice.put(id, "n", 1);
    alice.wait_saved_on_server(id).await;
    // Killed before a checkpoint: the acknowledged change is only in the journal.
    relay.kill();
    drop(alice);

    // The replay cannot write: the relay starts anyway (no restart loop) and answers.
    let full = start_limited(data.path(), Some(0));
    let bob = TestClient::connect("bob", &full.url());
    let other = bob.create(|_| {});
    bob.put(other, "n", 1);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_ne!(bob.save_state(other), Some(SaveState::SavedOnServer), "nothing is acknowledged on a full disk");
    full.kill();

    // Space is back: the next start replays the journal and the change is there.
    let healthy = start(data.path());
    let carol = TestClient::connect("carol", &healthy.url());
    carol.find(id);
    carol.wait_for_value(id, "n", 1).await;
    healthy.kill();
}
