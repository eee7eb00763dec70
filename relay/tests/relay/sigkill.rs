//! The real `radslag-relay` binary stopped by signals. SIGKILL checks store before telling: a
//! change one client has received survives, twenty times over on one data folder. SIGTERM
//! shuts down gracefully and keeps everything.

use crate::support::{RelayProcess, TestClient};

const ROUNDS: i64 = 20;

#[tokio::test]
async fn a_change_a_peer_has_seen_survives_sigkill() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut relay = RelayProcess::start(data.path());
    let first = TestClient::connect("creator", &relay.url());
    let id = first.create(|_| {});
    first.put(id, "round", 0);
    first.wait_saved_on_server(id).await;
    drop(first);

    for round in 1..=ROUNDS {
        let alice = TestClient::connect(&format!("alice{round}"), &relay.url());
        let bob = TestClient::connect(&format!("bob{round}"), &relay.url());
        alice.find(id);
        bob.find(id);
        alice.wait_for_value(id, "round", round - 1).await;
        alice.put(id, "round", round);
        alice.put(id, &format!("written in round {round}"), round);
        // Bob has it: so the relay has told someone, so it must be on disk.
        bob.wait_for_value(id, &format!("written in round {round}"), round).await;
        relay.kill();

        relay = RelayProcess::start(data.path());
        let carol = TestClient::connect(&format!("carol{round}"), &relay.url());
        carol.find(id);
        carol.wait_for_value(id, &format!("written in round {round}"), round).await;
        for earlier in 1..round {
            assert_eq!(carol.get(id, &format!("written in round {earlier}")), Some(earlier), "round {round} lost round {earlier}'s change");
        }
    }
}

#[tokio::test]
async fn sigterm_shuts_down_gracefully_and_keeps_everything() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut relay = RelayProcess::start(data.path());
    let alice = TestClient::connect("alice", &relay.url());
    let id = alice.create(|_| {});
    alice.put(id, "kept", 1);
    alice.wait_saved_on_server(id).await;

    let pid = i32::try_from(relay.child.id()).expect("pid fits");
    // SAFETY: sending a signal to our own child process.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0, "send SIGTERM");
    let mut status = None;
    crate::support::wait_for("the relay to exit after SIGTERM", None, || {
        status = relay.child.try_wait().expect("poll the relay");
        status.is_some()
    })
    .await;
    assert!(status.is_some_and(|s| s.success()), "exit status {status:?}");
    drop(relay);
    drop(alice);

    let relay = RelayProcess::start(data.path());
    let bob = TestClient::connect("bob", &relay.url());
    bob.find(id);
    bob.wait_for_value(id, "kept", 1).await;
}
