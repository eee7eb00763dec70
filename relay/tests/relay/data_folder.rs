//! A data folder belongs to one relay at a time: a second relay started on it refuses, with the
//! reason, instead of replaying and deleting the first one's journal.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::RelayProcess;

#[test]
fn a_second_relay_on_the_same_data_folder_refuses_to_start() {
    let data = tempfile::tempdir().expect("temp dir");
    let first = RelayProcess::start(data.path());

    let second = Command::new(env!("CARGO_BIN_EXE_radslag-relay"))
        .args(["--listen", "127.0.0.1:0", "--data"])
        .arg(data.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start a second radslag-relay");
    let started = Instant::now();
    let mut second = second;
    let status = loop {
        if let Some(status) = second.try_wait().expect("second relay status") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(20) {
            let _ = second.kill();
            panic!("the second relay on the same data folder was still running after 20 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let output = second.wait_with_output().expect("second relay output");
    let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(!status.success(), "the second relay exits with an error: {said}");
    assert!(said.contains("already used by another relay"), "it says why: {said}");
    assert!(said.contains("--data"), "it says what to do: {said}");

    // The first relay still answers.
    let mut tcp = std::net::TcpStream::connect(&first.addr).expect("first relay still listening");
    use std::io::{Read, Write};
    tcp.write_all(b"GET /healthz HTTP/1.0\r\n\r\n").expect("request");
    let mut response = String::new();
    tcp.read_to_string(&mut response).expect("response");
    assert!(response.ends_with("ok"), "{response}");
    first.kill();
}
