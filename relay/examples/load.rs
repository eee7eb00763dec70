//! A load generator for any automerge-repo WebSocket sync server (our relay or the JavaScript one):
//! many copies of the app's protocol client (`ClientCore`) over tokio-tungstenite, with storage
//! that completes every write at once, measuring what a person would notice.
//!
//! ```text
//! cargo run --release -p radslag-relay --example load -- --url ws://127.0.0.1:PORT/sync --scenario editors
//! ```
//!
//! Scenarios (every phase is bounded in time; the run always ends by itself):
//! - `editors`: N editors on one document, each writing its own key with its own counter at a
//!   fixed interval; a change's latency is the time until every other editor reads it.
//! - `pairs`: D documents with two writers each (one connection per writer), writing at a fixed
//!   interval for a fixed duration; changes delivered per second and their latency.
//! - `connections`: C connections, each creating and syncing its own document; the time until
//!   every one of them is saved on the server (the server confirmed all its heads).
//!
//! `--flood-per-s F` adds, to `editors`, one hostile client that joins and sends F junk frames
//! a second for as long as the editors write, reconnecting whenever it is closed: the editors'
//! latency then shows what one flooding client costs everyone else.
//!
//! The last line on stdout is one JSON object with the figures; progress goes to stderr.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use automerge::{transaction::Transactable, AutoCommit, ReadDoc, ROOT};
use clap::{Parser, ValueEnum};
use futures::{SinkExt, StreamExt};
use radslag_protocol::client::{ClientCore, ClientInput, Connection, Millis, SaveState};
use radslag_protocol::storage::DocumentStore;
use radslag_protocol::{DocumentId, PeerId};
use tokio::time::sleep_until;
use tokio_tungstenite::tungstenite::Message as WsMessage;

#[derive(Parser, Debug, Clone)]
#[command(about = "Load generator for automerge-repo WebSocket sync servers")]
struct Args {
    /// The server's WebSocket URL, e.g. ws://127.0.0.1:8080/sync (loopback only).
    #[arg(long)]
    url: String,
    #[arg(long, value_enum)]
    scenario: Scenario,
    /// `editors`: how many editors share the document.
    #[arg(long, default_value_t = 30)]
    editors: usize,
    /// `pairs`: how many documents (each gets two writers).
    #[arg(long, default_value_t = 200)]
    documents: usize,
    /// `connections`: how many connections (each syncs its own document).
    #[arg(long, default_value_t = 1000)]
    connections: usize,
    /// Least milliseconds between two changes of one writer (`editors`: 1000, `pairs`: 250). A
    /// writer also waits until its previous change reached all its readers.
    #[arg(long)]
    interval_ms: Option<u64>,
    /// Seconds of writing (`editors`, `pairs`).
    #[arg(long, default_value_t = 10)]
    duration_s: u64,
    /// Seconds the set-up (connecting, creating, finding) may take; `connections` is all set-up.
    #[arg(long, default_value_t = 60)]
    setup_timeout_s: u64,
    /// `editors`: frames per second one flooding client sends meanwhile (0: none).
    #[arg(long, default_value_t = 0)]
    flood_per_s: u64,
    /// Seconds after writing stops for changes still on their way.
    #[arg(long, default_value_t = 5)]
    drain_s: u64,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq)]
enum Scenario {
    Editors,
    Pairs,
    Connections,
}

fn main() {
    let args = Args::parse();
    assert!(
        args.url.starts_with("ws://127.0.0.1:") || args.url.starts_with("ws://localhost:"),
        "the load generator only talks to servers on this machine (ws://127.0.0.1:PORT/...)"
    );
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    let figures = rt.block_on(async {
        match args.scenario {
            Scenario::Editors => editors(&args).await,
            Scenario::Pairs => pairs(&args).await,
            Scenario::Connections => connections(&args).await,
        }
    });
    // Don't wait for stragglers: every figure is in.
    println!("{figures}");
    rt.shutdown_timeout(Duration::from_millis(200));
}

// ---------------------------------------------------------------------------------------------
// One client: the protocol core, driven synchronously; the socket, driven by its own task.

fn random_u64() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0));
    h.finish()
}

fn random_document_id() -> DocumentId {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&random_u64().to_le_bytes());
    bytes[8..].copy_from_slice(&random_u64().to_le_bytes());
    DocumentId::from_bytes(bytes)
}

/// The core plus what its effects asked for since the runtime last looked.
struct Ctx {
    core: ClientCore,
    epoch: Instant,
    /// Frames to send, in order.
    out: Vec<Vec<u8>>,
    /// Documents changed by remote changes since the role last looked.
    changed: Vec<DocumentId>,
    /// Why the core gave up on the connection, if it did.
    broken: Option<String>,
}

impl Ctx {
    fn now(&self) -> Millis {
        self.epoch.elapsed().as_millis() as Millis
    }

    /// Feeds one input and everything it leads to; writes complete at once (memory only).
    fn input(&mut self, input: ClientInput) {
        let mut queue = vec![input];
        while let Some(input) = queue.pop() {
            let fx = self.core.handle(self.now(), input);
            self.out.extend(fx.send);
            for (document, _write) in fx.writes {
                queue.push(ClientInput::WriteDone { document });
            }
            self.changed.extend(fx.changed);
            if fx.disconnect && self.broken.is_none() {
                self.broken = Some(fx.problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "));
            }
        }
    }

    fn create(&mut self, id: DocumentId, doc: AutoCommit) {
        self.input(ClientInput::Open { document: id, doc, store: DocumentStore::new_document() });
    }

    /// Opens a document this client does not have: the core asks the server for it.
    fn find(&mut self, id: DocumentId) {
        self.create(id, AutoCommit::new());
    }

    fn put(&mut self, id: DocumentId, key: &str, value: i64) {
        let doc = self.core.doc_mut(&id).expect("document open");
        doc.put(ROOT, key, value).expect("put");
        doc.commit();
        self.input(ClientInput::LocalChange { document: id });
    }

    fn get(&self, id: &DocumentId, key: &str) -> Option<i64> {
        match self.core.doc(id)?.get(ROOT, key).ok()?? {
            (automerge::Value::Scalar(s), _) => s.as_i64(),
            _ => None,
        }
    }

    fn has_content(&mut self, id: &DocumentId) -> bool {
        self.core.doc_mut(id).is_some_and(|d| !d.get_heads().is_empty())
    }

    fn saved_on_server(&mut self, id: &DocumentId) -> bool {
        self.core.save_state(id) == Some(SaveState::SavedOnServer)
    }
}

/// What one simulated person does. Called once online, after every frame and at `next_wake`.
trait Role: Send + 'static {
    fn on_event(&mut self, ctx: &mut Ctx, now: Instant);
    fn next_wake(&self, now: Instant) -> Instant;
    fn finished(&self) -> bool;
    /// Something besides the socket and the clock that should wake this client.
    fn wakeup(&self) -> Option<Arc<tokio::sync::Notify>> {
        None
    }
}

/// Connects, runs the role until it is finished or `deadline` passes; an error says why the
/// connection ended early.
async fn drive<R: Role>(url: String, name: String, mut role: R, epoch: Instant, deadline: Instant) -> Result<R, (R, String)> {
    let me = PeerId::new(format!("{name}-{:08x}", random_u64() as u32)).expect("peer id");
    let mut ctx = Ctx { core: ClientCore::new(me, format!("load-{name}"), 0), epoch, out: Vec::new(), changed: Vec::new(), broken: None };
    let connect = tokio_tungstenite::connect_async_with_config(url.as_str(), None, true);
    let ws = match tokio::time::timeout_at(deadline.into(), connect).await {
        Ok(Ok((ws, _))) => ws,
        Ok(Err(e)) => return Err((role, format!("connect failed: {e}"))),
        Err(_) => return Err((role, "connect timed out".into())),
    };
    let (mut sink, mut stream) = ws.split();
    ctx.input(ClientInput::SocketOpened);
    let mut online = false;
    loop {
        for frame in ctx.out.drain(..) {
            if let Err(e) = sink.feed(WsMessage::Binary(frame.into())).await {
                return Err((role, format!("send failed: {e}")));
            }
        }
        if let Err(e) = sink.flush().await {
            return Err((role, format!("send failed: {e}")));
        }
        if let Some(why) = ctx.broken.take() {
            return Err((role, format!("the client core disconnected: {why}")));
        }
        if online && role.finished() {
            let _ = sink.close().await;
            return Ok(role);
        }
        let now = Instant::now();
        if now >= deadline {
            return Err((role, "time is up".into()));
        }
        let wake = if online { role.next_wake(now).min(deadline) } else { deadline };
        let nudge = role.wakeup();
        let nudged = async {
            match &nudge {
                Some(n) => n.notified().await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            frame = stream.next() => match frame {
                Some(Ok(WsMessage::Binary(bytes))) => ctx.input(ClientInput::Frame(bytes.to_vec())),
                Some(Ok(WsMessage::Close(c))) => return Err((role, format!("server closed the connection: {c:?}"))),
                Some(Err(e)) => return Err((role, format!("socket error: {e}"))),
                None => return Err((role, "socket ended".into())),
                Some(Ok(_)) => continue,
            },
            _ = sleep_until(wake.into()) => {}
            _ = nudged => {}
        }
        if !online && ctx.core.connection() == Connection::Online {
            online = true;
        }
        if online {
            role.on_event(&mut ctx, Instant::now());
        }
    }
}

/// Runs every role to its end; returns them all, with the errors that ended some early.
async fn run_all<R: Role>(url: &str, prefix: &str, roles: Vec<R>, epoch: Instant, deadline: Instant) -> (Vec<R>, Vec<String>) {
    let tasks: Vec<_> = roles
        .into_iter()
        .enumerate()
        .map(|(i, role)| tokio::spawn(drive(url.to_string(), format!("{prefix}{i}"), role, epoch, deadline)))
        .collect();
    let mut done = Vec::new();
    let mut errors = Vec::new();
    for t in tasks {
        match t.await {
            Ok(Ok(role)) => done.push(role),
            Ok(Err((role, why))) => {
                done.push(role);
                errors.push(why);
            }
            Err(e) => errors.push(format!("client task failed: {e}")),
        }
    }
    (done, errors)
}

/// "12 × time is up; 3 × socket ended" for the summary.
fn summarize_errors(errors: &[String]) -> String {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for e in errors {
        *counts.entry(e.as_str()).or_default() += 1;
    }
    let mut parts: Vec<String> = counts.into_iter().map(|(e, n)| format!("{n} × {e}")).collect();
    parts.sort();
    parts.join("; ")
}

// ---------------------------------------------------------------------------------------------
// Shared bookkeeping of the latency scenarios

/// A change on its way: when it was made and how many readers still lack it.
struct InFlight {
    at: Instant,
    missing: u32,
}

/// Shared by all writers and readers of a scenario.
struct Ledger {
    /// (writer, counter) → change on its way.
    in_flight: Mutex<HashMap<(u32, i64), InFlight>>,
    /// (time the last reader got it, latency in ms) of every fully delivered change.
    delivered: Mutex<Vec<(Instant, f64)>>,
    made: AtomicUsize,
    /// Writers and readers that finished setting up.
    ready: AtomicUsize,
    /// Set once everyone is ready (or set-up time is up): writing starts then.
    go: Mutex<Option<Instant>>,
    /// Wakes writer i when one of its changes reached all its readers.
    delivered_to: Vec<Arc<tokio::sync::Notify>>,
}

impl Ledger {
    fn new(writers: usize) -> Arc<Ledger> {
        Arc::new(Ledger {
            delivered_to: (0..writers).map(|_| Arc::new(tokio::sync::Notify::new())).collect(),
            in_flight: Mutex::new(HashMap::new()),
            delivered: Mutex::new(Vec::new()),
            made: AtomicUsize::new(0),
            ready: AtomicUsize::new(0),
            go: Mutex::new(None),
        })
    }

    fn go(&self) -> Option<Instant> {
        *self.go.lock().expect("ledger lock")
    }

    fn made(&self, writer: u32, counter: i64, readers: u32, at: Instant) {
        self.in_flight.lock().expect("ledger lock").insert((writer, counter), InFlight { at, missing: readers });
        self.made.fetch_add(1, Ordering::Relaxed);
    }

    /// A reader saw `writer`'s counter go from `from` (exclusive) to `to` (inclusive).
    fn arrived(&self, writer: u32, from: i64, to: i64, now: Instant) {
        let mut in_flight = self.in_flight.lock().expect("ledger lock");
        for counter in from + 1..=to {
            let Some(c) = in_flight.get_mut(&(writer, counter)) else { continue };
            c.missing -= 1;
            if c.missing == 0 {
                let c = in_flight.remove(&(writer, counter)).expect("present");
                let ms = now.duration_since(c.at).as_secs_f64() * 1000.0;
                self.delivered.lock().expect("ledger lock").push((now, ms));
                if let Some(n) = self.delivered_to.get(writer as usize) {
                    n.notify_one();
                }
            }
        }
    }

    fn is_in_flight(&self, writer: u32, counter: i64) -> bool {
        self.in_flight.lock().expect("ledger lock").contains_key(&(writer, counter))
    }

    fn pending(&self) -> usize {
        self.in_flight.lock().expect("ledger lock").len()
    }
}

/// Waits until `count` clients are ready or set-up time is up, then sets the start of writing.
async fn start_when_ready(ledger: &Ledger, count: usize, setup_deadline: Instant) -> (usize, Duration) {
    let started = Instant::now();
    while ledger.ready.load(Ordering::Relaxed) < count && Instant::now() < setup_deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let ready = ledger.ready.load(Ordering::Relaxed);
    let setup = started.elapsed();
    *ledger.go.lock().expect("ledger lock") = Some(Instant::now() + Duration::from_millis(200));
    (ready, setup)
}

fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

fn json_num(x: Option<f64>) -> String {
    match x {
        Some(v) => format!("{v:.1}"),
        None => "null".into(),
    }
}

fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// ---------------------------------------------------------------------------------------------
// A writer that also reads: `editors` and `pairs`

#[derive(PartialEq, Clone, Copy)]
enum Phase {
    SetUp,
    Waiting,
    Writing,
    Draining,
    Done,
}

struct Writer {
    index: u32,
    /// Which writers' keys this one reads (writer index → last counter seen).
    watching: Vec<(u32, i64)>,
    /// How many readers each of this writer's changes has.
    readers: u32,
    /// The first writer of a document creates it; the others find it once it is on the server.
    creates: bool,
    /// Set by the document's creator once the server has it.
    created: Arc<AtomicBool>,
    doc: DocumentId,
    ledger: Arc<Ledger>,
    interval: Duration,
    /// Offset of this writer's first change after the common start, spreading writers out.
    offset: Duration,
    duration: Duration,
    drain: Duration,
    phase: Phase,
    opened: bool,
    counter: i64,
    next_write: Instant,
    end: Instant,
    drain_end: Instant,
}

fn key(writer: u32) -> String {
    format!("w{writer}")
}

impl Role for Writer {
    fn on_event(&mut self, ctx: &mut Ctx, now: Instant) {
        match self.phase {
            Phase::SetUp => {
                if !self.opened {
                    if self.creates {
                        let mut doc = AutoCommit::new();
                        doc.put(ROOT, "title", "load test").expect("put");
                        doc.commit();
                        ctx.create(self.doc, doc);
                        self.opened = true;
                    } else if self.created.load(Ordering::Acquire) {
                        ctx.find(self.doc);
                        self.opened = true;
                    }
                }
                if self.opened && ctx.has_content(&self.doc) && ctx.saved_on_server(&self.doc) {
                    if self.creates {
                        self.created.store(true, Ordering::Release);
                    }
                    self.ledger.ready.fetch_add(1, Ordering::Relaxed);
                    self.phase = Phase::Waiting;
                }
            }
            Phase::Waiting => {
                if let Some(go) = self.ledger.go() {
                    self.next_write = go + self.offset;
                    self.end = go + self.duration;
                    self.drain_end = self.end + self.drain;
                    self.phase = Phase::Writing;
                }
            }
            Phase::Writing => {
                if now >= self.end {
                    self.phase = Phase::Draining;
                } else if now >= self.next_write && !self.ledger.is_in_flight(self.index, self.counter) {
                    self.counter += 1;
                    self.ledger.made(self.index, self.counter, self.readers, now);
                    ctx.put(self.doc, &key(self.index), self.counter);
                    // At most one change in flight per writer (a closed loop, so an overloaded
                    // server slows the writers down instead of queueing without bound), and at
                    // most one per interval, on a fixed grid that a late writer rejoins.
                    self.next_write = (self.next_write + self.interval).max(now);
                }
            }
            Phase::Draining => {
                if now >= self.drain_end || self.ledger.pending() == 0 {
                    self.phase = Phase::Done;
                }
            }
            Phase::Done => {}
        }
        if !ctx.changed.is_empty() {
            ctx.changed.clear();
            for (writer, seen) in self.watching.iter_mut() {
                if let Some(v) = ctx.get(&self.doc, &key(*writer)) {
                    if v > *seen {
                        self.ledger.arrived(*writer, *seen, v, now);
                        *seen = v;
                    }
                }
            }
        }
    }

    fn next_wake(&self, now: Instant) -> Instant {
        match self.phase {
            Phase::Writing if self.ledger.is_in_flight(self.index, self.counter) => self.end,
            Phase::Writing => self.next_write.min(self.end),
            Phase::Draining => self.drain_end.min(now + Duration::from_millis(50)),
            _ => now + Duration::from_millis(10),
        }
    }

    fn finished(&self) -> bool {
        self.phase == Phase::Done
    }

    fn wakeup(&self) -> Option<Arc<tokio::sync::Notify>> {
        self.ledger.delivered_to.get(self.index as usize).cloned()
    }
}

struct LatencyReport {
    ready: usize,
    clients: usize,
    setup: Duration,
    made: usize,
    latencies: Vec<(Instant, f64)>,
    undelivered: usize,
    go: Instant,
    errors: Vec<String>,
}

async fn run_writers(args: &Args, prefix: &str, writers: Vec<Writer>, ledger: Arc<Ledger>, epoch: Instant) -> LatencyReport {
    let clients = writers.len();
    let setup_deadline = Instant::now() + Duration::from_secs(args.setup_timeout_s);
    let deadline = setup_deadline + Duration::from_millis(200) + Duration::from_secs(args.duration_s + args.drain_s + 2);
    let url = args.url.clone();
    let prefix = prefix.to_string();
    let run = tokio::spawn(async move { run_all(&url, &prefix, writers, epoch, deadline).await });
    let (ready, setup) = start_when_ready(&ledger, clients, setup_deadline).await;
    eprintln!("{ready} of {clients} clients set up in {:.1} s; writing for {} s", setup.as_secs_f64(), args.duration_s);
    let (_, errors) = run.await.expect("clients");
    let latencies = std::mem::take(&mut *ledger.delivered.lock().expect("ledger lock"));
    LatencyReport {
        ready,
        clients,
        setup,
        made: ledger.made.load(Ordering::Relaxed),
        latencies,
        undelivered: ledger.pending(),
        go: ledger.go().expect("go was set"),
        errors,
    }
}

fn latency_json(scenario: &str, r: &LatencyReport, duration_s: u64, extra: &str) -> String {
    let mut ms: Vec<f64> = r.latencies.iter().map(|(_, ms)| *ms).collect();
    ms.sort_by(f64::total_cmp);
    // Throughput counts changes fully delivered inside the writing window.
    let end = r.go + Duration::from_secs(duration_s);
    let in_window = r.latencies.iter().filter(|(at, _)| *at >= r.go && *at <= end).count();
    format!(
        "{{\"scenario\":{},\"clients\":{},\"ready\":{},\"setup_s\":{:.2},\"changes_made\":{},\"changes_delivered\":{},\"undelivered\":{},\
         \"delivered_per_s\":{:.1},\"p50_ms\":{},\"p99_ms\":{},\"max_ms\":{},\"errors\":{}{extra}}}",
        json_str(scenario),
        r.clients,
        r.ready,
        r.setup.as_secs_f64(),
        r.made,
        ms.len(),
        r.undelivered,
        in_window as f64 / duration_s.max(1) as f64,
        json_num(percentile(&ms, 50.0)),
        json_num(percentile(&ms, 99.0)),
        json_num(ms.last().copied()),
        json_str(&summarize_errors(&r.errors)),
    )
}

// ---------------------------------------------------------------------------------------------
// Scenarios

async fn editors(args: &Args) -> String {
    let epoch = Instant::now();
    let ledger = Ledger::new(args.editors);
    let doc = random_document_id();
    let n = args.editors as u32;
    let interval_ms = args.interval_ms.unwrap_or(1000);
    let created = Arc::new(AtomicBool::new(false));
    let interval = Duration::from_millis(interval_ms);
    let writers: Vec<Writer> = (0..n)
        .map(|i| Writer {
            index: i,
            watching: (0..n).filter(|w| *w != i).map(|w| (w, 0)).collect(),
            readers: n - 1,
            creates: i == 0,
            created: created.clone(),
            doc,
            ledger: ledger.clone(),
            interval,
            offset: interval * i / n,
            duration: Duration::from_secs(args.duration_s),
            drain: Duration::from_secs(args.drain_s),
            phase: Phase::SetUp,
            opened: false,
            counter: 0,
            next_write: epoch,
            end: epoch,
            drain_end: epoch,
        })
        .collect();
    let flood = (args.flood_per_s > 0).then(|| {
        let stop = Arc::new(AtomicBool::new(false));
        let sent = Arc::new(AtomicU64::new(0));
        let closed = Arc::new(AtomicU64::new(0));
        let task = tokio::spawn(flood(args.url.clone(), args.flood_per_s, stop.clone(), sent.clone(), closed.clone()));
        (stop, sent, closed, task)
    });
    let report = run_writers(args, "editor", writers, ledger, epoch).await;
    let mut extra = format!(",\"interval_ms\":{interval_ms}");
    if let Some((stop, sent, closed, task)) = flood {
        stop.store(true, Ordering::Relaxed);
        let _ = task.await;
        extra += &format!(
            ",\"flood_per_s\":{},\"flood_frames\":{},\"flood_closed\":{}",
            args.flood_per_s,
            sent.load(Ordering::Relaxed),
            closed.load(Ordering::Relaxed)
        );
    }
    latency_json("editors", &report, args.duration_s, &extra)
}

/// One hostile client: joins, then sends `per_s` frames of an unknown message type a second
/// (tolerated by the protocol, so only the server's rate limit stops it), reconnecting when
/// closed, until `stop`.
async fn flood(url: String, per_s: u64, stop: Arc<AtomicBool>, sent: Arc<AtomicU64>, closed: Arc<AtomicU64>) {
    let peer = PeerId::new("flooder").expect("a valid peer id");
    let join = radslag_protocol::Message::Join { sender: peer, metadata: Default::default(), supported_versions: vec!["1".into()] }.encode();
    let junk = radslag_protocol::Message::Other { kind: "chatter".into() };
    let mut frame = Vec::new();
    // `Other` has no encoding of its own: a map with only a type, as a newer peer might send.
    ciborium::into_writer(&ciborium::Value::Map(vec![(ciborium::Value::Text("type".into()), ciborium::Value::Text(junk.type_name().into()))]), &mut frame)
        .expect("CBOR to a Vec");
    let batch = (per_s / 100).max(1);
    while !stop.load(Ordering::Relaxed) {
        let Ok((ws, _)) = tokio_tungstenite::connect_async(url.as_str()).await else {
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        };
        let (mut sink, mut stream) = ws.split();
        // Read (and drop) whatever the server says, so its pings and close are seen.
        let reader = tokio::spawn(async move { while let Some(Ok(_)) = stream.next().await {} });
        if sink.send(WsMessage::Binary(join.clone().into())).await.is_err() {
            continue;
        }
        let mut tick = tokio::time::interval(Duration::from_millis(10));
        'sending: while !stop.load(Ordering::Relaxed) {
            tick.tick().await;
            for _ in 0..batch {
                if sink.send(WsMessage::Binary(frame.clone().into())).await.is_err() || reader.is_finished() {
                    break 'sending;
                }
                sent.fetch_add(1, Ordering::Relaxed);
            }
        }
        reader.abort();
        if !stop.load(Ordering::Relaxed) {
            closed.fetch_add(1, Ordering::Relaxed);
        }
    }
}

async fn pairs(args: &Args) -> String {
    let epoch = Instant::now();
    let ledger = Ledger::new(2 * args.documents);
    let interval_ms = args.interval_ms.unwrap_or(250);
    let interval = Duration::from_millis(interval_ms);
    let total = 2 * args.documents as u32;
    let mut writers = Vec::new();
    // Writers 2d and 2d+1 share document d; 2d creates it.
    for d in 0..args.documents {
        let doc = random_document_id();
        let created = Arc::new(AtomicBool::new(false));
        for side in 0..2u32 {
            let index = 2 * d as u32 + side;
            let other = 2 * d as u32 + (1 - side);
            writers.push(Writer {
                index,
                watching: vec![(other, 0)],
                readers: 1,
                creates: side == 0,
                created: created.clone(),
                doc,
                ledger: ledger.clone(),
                interval,
                offset: interval * index / total,
                duration: Duration::from_secs(args.duration_s),
                drain: Duration::from_secs(args.drain_s),
                phase: Phase::SetUp,
                opened: false,
                counter: 0,
                next_write: epoch,
                end: epoch,
                drain_end: epoch,
            });
        }
    }
    let report = run_writers(args, "pair", writers, ledger, epoch).await;
    let most = total as f64 * 1000.0 / interval_ms.max(1) as f64;
    latency_json("pairs", &report, args.duration_s, &format!(",\"interval_ms\":{interval_ms},\"most_per_s\":{most:.0}"))
}

/// `connections`: create a document, wait until the server has all of it, then stay connected
/// until every other connection got there too (so the server's memory is measured loaded).
struct Syncer {
    doc: DocumentId,
    synced: Arc<AtomicUsize>,
    total: usize,
    /// Time from the common start until this document was saved on the server.
    took: Option<Duration>,
    start: Instant,
    release: Instant,
    opened: bool,
}

impl Role for Syncer {
    fn on_event(&mut self, ctx: &mut Ctx, now: Instant) {
        if !self.opened {
            let mut doc = AutoCommit::new();
            doc.put(ROOT, "title", "one of many").expect("put");
            doc.put(ROOT, "owner", ctx.core.me().as_str()).expect("put");
            doc.commit();
            ctx.create(self.doc, doc);
            self.opened = true;
        }
        if self.took.is_none() && ctx.saved_on_server(&self.doc) {
            self.took = Some(now.duration_since(self.start));
            self.synced.fetch_add(1, Ordering::AcqRel);
        }
        ctx.changed.clear();
    }

    fn next_wake(&self, now: Instant) -> Instant {
        (now + Duration::from_millis(20)).min(self.release)
    }

    fn finished(&self) -> bool {
        self.took.is_some() && (self.synced.load(Ordering::Acquire) >= self.total || Instant::now() >= self.release)
    }
}

async fn connections(args: &Args) -> String {
    let epoch = Instant::now();
    let synced = Arc::new(AtomicUsize::new(0));
    let total = args.connections;
    let deadline = epoch + Duration::from_secs(args.setup_timeout_s);
    let roles: Vec<Syncer> = (0..total)
        .map(|_| Syncer { doc: random_document_id(), synced: synced.clone(), total, took: None, start: epoch, release: deadline, opened: false })
        .collect();
    let (roles, errors) = run_all(&args.url, "conn", roles, epoch, deadline + Duration::from_secs(1)).await;
    let mut took: Vec<f64> = roles.iter().filter_map(|r| r.took).map(|d| d.as_secs_f64()).collect();
    took.sort_by(f64::total_cmp);
    let all = if took.len() == total { took.last().copied() } else { None };
    format!(
        "{{\"scenario\":\"connections\",\"clients\":{total},\"synced\":{},\"all_synced_s\":{},\"p50_s\":{},\"last_s\":{},\"errors\":{}}}",
        took.len(),
        all.map_or("null".into(), |s| format!("{s:.2}")),
        percentile(&took, 50.0).map_or("null".into(), |s| format!("{s:.2}")),
        took.last().map_or("null".into(), |s| format!("{s:.2}")),
        json_str(&summarize_errors(&errors)),
    )
}
