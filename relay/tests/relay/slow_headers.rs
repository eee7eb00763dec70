//! Clients that open a socket and never finish their request headers (slowloris) neither delay
//! anyone else's requests nor stay connected past the header deadline.

use std::time::{Duration, Instant};

use radslag_relay::Limits;
use crate::support::TestRelay;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

async fn healthz(addr: std::net::SocketAddr) -> String {
    let mut tcp = tokio::net::TcpStream::connect(addr).await.expect("connect for /healthz");
    tcp.write_all(b"GET /healthz HTTP/1.0\r\n\r\n").await.expect("request");
    let mut response = String::new();
    tcp.read_to_string(&mut response).await.expect("response");
    response
}

/// Both ends of 2000 sockets live in this process: raise the soft descriptor limit to the hard one.
fn allow_many_sockets() {
    // SAFETY: getrlimit/setrlimit only read and write the struct passed in.
    unsafe {
        let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max.min(65_536);
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
        libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit);
        assert!(limit.rlim_cur >= 4_200, "this test needs 4 200 file descriptors; the limit is {} (raise it with ulimit -n)", limit.rlim_cur);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_thousand_unfinished_headers_do_not_delay_healthz_and_are_dropped() {
    allow_many_sockets();
    let data = tempfile::tempdir().expect("temp dir");
    let limits = Limits { header_read_timeout: Duration::from_millis(1500), ..Limits::default() };
    let relay = TestRelay::start_with(data.path(), limits).await;

    let mut slow = Vec::new();
    for _ in 0..2000 {
        let mut tcp = tokio::net::TcpStream::connect(relay.addr).await.expect("slow client connects");
        tcp.write_all(b"GET / HTTP/1.1\r\nHost: relay\r\nX-Slow: ").await.expect("half a header");
        slow.push(tcp);
    }
    let asked = Instant::now();
    let response = tokio::time::timeout(Duration::from_secs(1), healthz(relay.addr)).await.expect("/healthz answers within a second");
    eprintln!("/healthz answered in {} ms beside 2000 unfinished requests", asked.elapsed().as_millis());
    assert!(response.ends_with("ok"), "{response}");

    // Past the header deadline every slow socket has been closed by the relay.
    let mut closed = 0;
    for tcp in &mut slow {
        let mut buf = [0u8; 256];
        if let Ok(Ok(_)) = tokio::time::timeout(Duration::from_secs(10), tcp.read(&mut buf)).await {
            closed += 1;
        }
    }
    assert_eq!(closed, slow.len(), "every connection that never finished its headers was closed");
    relay.stop().await;
}
