//! The workspace: the open documents (through `ClientCore`), the core's effects carried out —
//! IndexedDB writes, WebSocket frames, reconnect timers — and the signals views read: a revision
//! per document, the sync status, problems, and which of the device's councils is open.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use automerge::{ActorId, AutoCommit};
use futures::channel::mpsc;
use futures::{SinkExt, StreamExt};
use gloo_net::websocket::{futures::WebSocket, Message as WsMessage, WebSocketError};
use leptos::prelude::*;
use radslag_protocol::client::{ClientCore, ClientEffects, ClientInput, Connection, SaveState};
use radslag_protocol::storage::{DocumentStore, Storage};
use radslag_protocol::{DocumentId, PeerId};
use wasm_bindgen_futures::spawn_local;

use crate::doc::{self, DocError};
use crate::i18n::{t, Bilingual, Key, Lang};
use crate::model::presence::{Announcement, PresenceTable};
use crate::access::{AccessError, DeviceAccess};
use crate::councils::DeviceCouncils;
use crate::problems::Problem;
use crate::storage::IndexedDbStorage;

/// How long typing may pause before it becomes one change (and is saved and sent).
const TYPING_PAUSE_MS: u32 = 120;
/// How often the runtime lets the core's clock move (reconnect backoff, save retries).
const TICK_MS: u32 = 500;
/// Where the chosen sync server address is kept on this device.
const RELAY_URL_KEY: &str = "radslag.relay-url";

/// What the sync indicator shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncView {
    pub connection: Connection,
    pub save: SaveState,
}

/// The open council: documents, the connection to the sync server, and their signals.
pub struct Workspace {
    pub(super) core: RefCell<ClientCore>,
    pub(super) storage: IndexedDbStorage,
    pub(super) socket: RefCell<Option<mpsc::UnboundedSender<Vec<u8>>>>,
    /// Bumped on every new socket so events of an old one are ignored.
    pub(super) socket_generation: Cell<u64>,
    pub(super) revisions: RefCell<BTreeMap<DocumentId, ArcRwSignal<u64>>>,
    pub(super) unavailable: ArcRwSignal<BTreeSet<DocumentId>>,
    pub(super) status: ArcRwSignal<SyncView>,
    pub(super) problems: ArcRwSignal<Vec<Problem>>,
    pub(super) typing: RefCell<Option<(DocumentId, gloo_timers::callback::Timeout)>>,
    pub(super) actor: ActorId,
    /// The UI's language, for the messages of refused changes.
    pub(super) lang: Cell<Lang>,
    /// Who else is editing what, per document (ephemeral: never stored).
    pub(super) presence: ArcRwSignal<BTreeMap<DocumentId, PresenceTable>>,
    /// What this device last announced, and when (for the heartbeat).
    pub(super) announced: RefCell<Option<(DocumentId, Announcement, u64)>>,
    /// The councils this device knows and the open one (kept in localStorage).
    pub(super) councils: ArcRwSignal<DeviceCouncils>,
    /// The device's credentials per council (kept in localStorage).
    pub(super) access: ArcRwSignal<DeviceAccess>,
    /// The relay's refusal of the sync connection, for the council that was open then.
    pub(super) refusal: ArcRwSignal<Option<(Option<DocumentId>, AccessError)>>,
}

thread_local! {
    static WORKSPACE: RefCell<Option<Rc<Workspace>>> = const { RefCell::new(None) };
}

/// The workspace, once [`Workspace::start`] has opened it.
pub fn workspace() -> Option<Rc<Workspace>> {
    WORKSPACE.with(|w| w.borrow().clone())
}

pub(super) fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Unix seconds, for the time stamped on changes.
pub fn now_secs() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

fn random_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

impl Workspace {
    /// Opens the device's storage and the council that was open last (if any), then starts
    /// syncing. Nothing waits for the network.
    pub async fn start(database: &str) -> Result<Rc<Workspace>, String> {
        let storage = IndexedDbStorage::new(database);
        // No storage (private mode, blocked, full) must not stop the meeting: the app runs from
        // memory and says so; every save is retried and the indicator shows what is not saved.
        let storage_problem = storage.open().await.err();
        let me = PeerId::new(format!("radslag-{}", random_id())).map_err(|e| e.to_string())?;
        let core = ClientCore::new(me, random_id(), now_ms());
        let ws = Rc::new(Workspace {
            core: RefCell::new(core),
            storage,
            socket: RefCell::new(None),
            socket_generation: Cell::new(0),
            revisions: RefCell::new(BTreeMap::new()),
            unavailable: ArcRwSignal::new(BTreeSet::new()),
            status: ArcRwSignal::new(SyncView { connection: Connection::Connecting, save: SaveState::SavedOnDevice }),
            problems: ArcRwSignal::new(Vec::new()),
            typing: RefCell::new(None),
            actor: ActorId::random(),
            lang: Cell::new(Lang::default()),
            presence: ArcRwSignal::new(BTreeMap::new()),
            announced: RefCell::new(None),
            councils: ArcRwSignal::new(super::councils::stored()),
            access: ArcRwSignal::new(super::access::stored()),
            refusal: ArcRwSignal::new(None),
        });
        WORKSPACE.with(|w| *w.borrow_mut() = Some(ws.clone()));
        if let Some(e) = storage_problem {
            ws.problem(Problem::Storage(e));
        }
        // Ask the browser to keep the council's data under storage pressure; Settings shows the answer.
        spawn_local(async {
            crate::storage::ask_to_persist().await;
        });
        if let Some(id) = ws.council_id() {
            ws.open_council(id).await?;
        }
        let ticker = ws.clone();
        gloo_timers::callback::Interval::new(TICK_MS, move || {
            ticker.handle(ClientInput::Tick);
            ticker.presence_tick();
        })
        .forget();
        ws.handle(ClientInput::Tick);
        Ok(ws)
    }

    /// Loads a document from this device. If the device's storage fails, the problem is shown
    /// and the document starts empty in memory (the server or the demo fills it), rather than
    /// the app refusing to open.
    pub(super) async fn load(&self, id: DocumentId) -> Result<(DocumentStore, Loaded), String> {
        let (store, mut loaded) = match DocumentStore::load(&self.storage, &id).await {
            Ok(found) => found,
            Err(e) => {
                self.problem(Problem::Storage(e));
                let empty = radslag_protocol::storage::LoadedDocument { doc: AutoCommit::new(), damaged: Vec::new() };
                (DocumentStore::new_document(), empty)
            }
        };
        if !loaded.damaged.is_empty() {
            self.problem(Problem::DamagedPieces(loaded.damaged.len()));
        }
        loaded.doc.set_actor(self.actor.clone());
        Ok((store, Loaded(loaded.doc)))
    }

    pub(super) fn open_loaded(self: &Rc<Self>, id: DocumentId, doc: impl Into<AutoCommit>, store: DocumentStore) {
        self.revision_signal(id);
        self.handle(ClientInput::Open { document: id, doc: doc.into(), store });
        // Views that asked for this document before it was open re-read it now.
        self.bump(id);
    }

    /// Creates a new document (random uuid v4 id) with `init` written into it, opens it here
    /// so it is saved and synced like any other, and returns its id.
    pub fn create_document(self: &Rc<Self>, init: impl FnOnce(&mut AutoCommit, i64) -> Result<(), DocError>) -> Result<DocumentId, String> {
        if let Some(refused) = self.refuse_if_reader() {
            return Err(refused);
        }
        self.create_document_here(init)
    }

    /// Creates a document whatever the open council allows (a new council of this device's own).
    pub(super) fn create_document_here(self: &Rc<Self>, init: impl FnOnce(&mut AutoCommit, i64) -> Result<(), DocError>) -> Result<DocumentId, String> {
        let id = DocumentId::from_bytes(*uuid::Uuid::new_v4().as_bytes());
        let mut doc = AutoCommit::new();
        doc.set_actor(self.actor.clone());
        init(&mut doc, now_secs()).map_err(|e| self.say(&e))?;
        self.open_loaded(id, doc, DocumentStore::new_document());
        Ok(id)
    }

    /// A whole document as saved bytes, for a backup.
    pub(super) fn save_document(&self, id: &DocumentId) -> Option<Vec<u8>> {
        self.core.borrow_mut().doc_mut(id).map(|doc| doc.save())
    }

    pub(super) fn is_open(&self, id: &DocumentId) -> bool {
        self.core.borrow().is_open(id)
    }

    /// Opens a document if it is not open yet: from this device, else from the server.
    pub fn ensure_open(self: &Rc<Self>, id: DocumentId) {
        if self.core.borrow().is_open(&id) {
            return;
        }
        let ws = self.clone();
        spawn_local(async move {
            match ws.load(id).await {
                Ok((store, loaded)) => {
                    if !ws.core.borrow().is_open(&id) {
                        ws.open_loaded(id, loaded, store);
                    }
                }
                Err(e) => ws.problem(Problem::Said(e)),
            }
        });
    }

    /// The signal that changes whenever document `id` does.
    pub fn revision_signal(&self, id: DocumentId) -> ArcRwSignal<u64> {
        self.revisions.borrow_mut().entry(id).or_insert_with(|| ArcRwSignal::new(0)).clone()
    }

    pub fn status(&self) -> ArcRwSignal<SyncView> {
        self.status.clone()
    }

    pub fn problems(&self) -> ArcRwSignal<Vec<Problem>> {
        self.problems.clone()
    }

    pub fn unavailable(&self) -> ArcRwSignal<BTreeSet<DocumentId>> {
        self.unavailable.clone()
    }

    /// Reads a document; `None` if it is not open (yet) or has no content.
    pub fn read<T>(&self, id: &DocumentId, f: impl FnOnce(&AutoCommit) -> T) -> Option<T> {
        let core = self.core.borrow();
        let doc = core.doc(id)?;
        Some(f(doc))
    }

    /// Refused changes are said in this language from now on.
    pub fn set_language(&self, lang: Lang) {
        self.lang.set(lang);
    }

    pub(super) fn not_open(&self) -> String {
        t(self.lang.get(), Key::DocumentNotOpen).into()
    }

    pub(super) fn say(&self, e: &DocError) -> String {
        e.say(self.lang.get())
    }

    /// Makes a structural change (add, move, remove…) with a change function from `doc::`.
    /// A reader's change is refused with words, never pretended: the relay would drop it.
    pub fn change<T>(self: &Rc<Self>, id: DocumentId, f: impl FnOnce(&mut AutoCommit, i64) -> Result<T, DocError>) -> Result<T, String> {
        if let Some(refused) = self.refuse_if_reader() {
            return Err(refused);
        }
        self.flush_typing();
        let result = {
            let mut core = self.core.borrow_mut();
            let Some(doc) = core.doc_mut(&id) else { return Err(self.not_open()) };
            f(doc, now_secs()).map_err(|e| self.say(&e))
        };
        self.handle(ClientInput::LocalChange { document: id });
        self.bump(id);
        result
    }

    /// Applies typing (a text splice) now, and commits it as one change after a short pause.
    pub fn type_text(self: &Rc<Self>, id: DocumentId, f: impl FnOnce(&mut AutoCommit) -> Result<(), DocError>) -> Result<(), String> {
        if let Some(refused) = self.refuse_if_reader() {
            return Err(refused);
        }
        if self.typing.borrow().as_ref().is_some_and(|(d, _)| *d != id) {
            self.flush_typing();
        }
        {
            let mut core = self.core.borrow_mut();
            let Some(doc) = core.doc_mut(&id) else { return Err(self.not_open()) };
            f(doc).map_err(|e| self.say(&e))?;
        }
        // Views re-read the document after every splice, not only after the pause: a view that
        // kept an older reading would write it back over what was just typed when some other
        // change (a remote edit, a reconnect) makes it re-render.
        self.bump(id);
        let ws = self.clone();
        let timer = gloo_timers::callback::Timeout::new(TYPING_PAUSE_MS, move || ws.flush_typing());
        *self.typing.borrow_mut() = Some((id, timer));
        Ok(())
    }

    /// Commits pending typing at once (on blur, before a structural change).
    pub fn flush_typing(self: &Rc<Self>) {
        let Some((id, _timer)) = self.typing.borrow_mut().take() else { return };
        if let Some(doc) = self.core.borrow_mut().doc_mut(&id) {
            doc::commit_typing(doc, now_secs());
        }
        // Tell the core even when nothing was left to commit: an incoming change may already
        // have committed the typing, and the core saves and sends whatever is unsaved.
        self.handle(ClientInput::LocalChange { document: id });
    }

    /// The heads of document `id` as shown now (pending typing committed first): the exact
    /// version a justerare read, for `doc::approval::approve_minutes`. Views re-render after
    /// every change, so what the page shows is always the document at these heads.
    pub fn heads(self: &Rc<Self>, id: DocumentId) -> Option<Vec<automerge::ChangeHash>> {
        self.flush_typing();
        self.core.borrow_mut().doc_mut(&id).map(|doc| doc.get_heads())
    }

    /// Whether the minutes in `id` changed after their standing approval ("ändrat efter justering").
    pub fn changed_after_approval(&self, id: DocumentId) -> bool {
        self.core.borrow_mut().doc_mut(&id).is_some_and(doc::approval::changed_after_approval)
    }

    /// The sync server's WebSocket address: the one chosen in settings, else this origin's /sync.
    pub fn relay_url() -> String {
        if let Some(url) = local_storage().and_then(|s| s.get_item(RELAY_URL_KEY).ok().flatten()).filter(|u| !u.is_empty()) {
            return url;
        }
        let location = web_sys::window().map(|w| w.location());
        let host = location.as_ref().and_then(|l| l.host().ok()).unwrap_or_else(|| "localhost:8080".into());
        let secure = location.and_then(|l| l.protocol().ok()).is_some_and(|p| p == "https:");
        format!("{}://{host}/sync", if secure { "wss" } else { "ws" })
    }

    /// Chooses another sync server (empty: this origin) and reconnects to it.
    pub fn set_relay_url(self: &Rc<Self>, url: &str) -> Result<(), String> {
        let url = url.trim();
        if !url.is_empty() && !(url.starts_with("ws://") || url.starts_with("wss://")) {
            return Err("ws".into());
        }
        if let Some(s) = local_storage() {
            let _ = if url.is_empty() { s.remove_item(RELAY_URL_KEY) } else { s.set_item(RELAY_URL_KEY, url) };
        }
        self.reconnect();
        Ok(())
    }

    pub fn dismiss_problems(&self) {
        self.problems.set(Vec::new());
    }

    /// Puts a problem on the list shown to the person. The same failure repeated (a retried
    /// save, every document's load) is said once.
    pub fn problem(&self, problem: Problem) {
        if !self.problems.with_untracked(|p| p.contains(&problem)) {
            self.problems.update(|p| p.push(problem));
        }
    }

    fn bump(&self, id: DocumentId) {
        if let Some(sig) = self.revisions.borrow().get(&id) {
            sig.update(|r| *r += 1);
        }
    }

    /// Feeds one input to the core and carries out what it asks.
    pub fn handle(self: &Rc<Self>, input: ClientInput) {
        let fx = self.core.borrow_mut().handle(now_ms(), input);
        self.carry_out(fx);
    }

    fn carry_out(self: &Rc<Self>, fx: ClientEffects) {
        if fx.disconnect {
            self.drop_socket();
        }
        if let Some(tx) = self.socket.borrow().as_ref() {
            for frame in fx.send {
                let _ = tx.unbounded_send(frame);
            }
        }
        for (id, write) in fx.writes {
            let ws = self.clone();
            spawn_local(async move {
                let input = match ws.storage.put(&write.key, &write.data).await {
                    Ok(()) => ClientInput::WriteDone { document: id },
                    Err(error) => ClientInput::WriteFailed { document: id, error },
                };
                ws.handle(input);
            });
        }
        for key in fx.removes {
            let ws = self.clone();
            spawn_local(async move {
                if let Err(e) = ws.storage.remove(&key).await {
                    ws.problem(Problem::Storage(e));
                }
            });
        }
        for id in fx.changed {
            self.bump(id);
        }
        if !fx.ephemeral.is_empty() {
            let now = now_ms();
            self.presence.update(|tables| {
                for (document, peer, data) in &fx.ephemeral {
                    if let Some(a) = Announcement::decode(data) {
                        tables.entry(*document).or_default().heard(peer.as_str(), a, now);
                    }
                }
            });
        }
        if !fx.unavailable.is_empty() {
            self.unavailable.update(|u| u.extend(fx.unavailable.iter().copied()));
        }
        for problem in fx.problems {
            self.problem(Problem::Sync(problem));
        }
        if fx.connect {
            self.connect();
        }
        if fx.status_changed {
            let view = {
                let core = self.core.borrow();
                SyncView { connection: core.connection(), save: core.overall_save_state() }
            };
            if self.status.get_untracked() != view {
                self.status.set(view);
            }
        }
    }

    pub(super) fn drop_socket(&self) {
        self.socket_generation.set(self.socket_generation.get() + 1);
        // Dropping the sender ends the writer task, which closes the socket.
        self.socket.borrow_mut().take();
    }

    fn connect(self: &Rc<Self>) {
        self.drop_socket();
        if self.refused_now() {
            // Refused for this council: no socket until a join, another council or a reload.
            self.handle(ClientInput::SocketClosed);
            return;
        }
        let generation = self.socket_generation.get();
        let socket = match WebSocket::open(&self.sync_url()) {
            Ok(s) => s,
            Err(_) => {
                self.handle(ClientInput::SocketClosed);
                return;
            }
        };
        let (mut sink, mut stream) = socket.split();
        let (tx, mut rx) = mpsc::unbounded::<Vec<u8>>();
        *self.socket.borrow_mut() = Some(tx);
        spawn_local(async move {
            // gloo's sink waits for the socket to open before the first send.
            while let Some(frame) = rx.next().await {
                if sink.send(WsMessage::Bytes(frame)).await.is_err() {
                    break;
                }
            }
            let _ = sink.close().await;
        });
        let ws = self.clone();
        spawn_local(async move {
            while let Some(msg) = stream.next().await {
                if ws.socket_generation.get() != generation {
                    return;
                }
                match msg {
                    Ok(WsMessage::Bytes(bytes)) => ws.handle(ClientInput::Frame(bytes)),
                    Ok(WsMessage::Text(_)) => {}
                    // The relay says why it closed (4401, 4403: refused) in the close event.
                    Err(WebSocketError::ConnectionClose(close)) => {
                        ws.closed_by_relay(close.code);
                        break;
                    }
                    // An error event is followed by the close event.
                    Err(_) => {}
                }
            }
            if ws.socket_generation.get() == generation {
                ws.socket.borrow_mut().take();
                ws.handle(ClientInput::SocketClosed);
            }
        });
        self.handle(ClientInput::SocketOpened);
    }
}

/// A loaded document; empty when this device has never had it.
pub(super) struct Loaded(pub(super) AutoCommit);

impl Loaded {
    pub(super) fn is_empty(&mut self) -> bool {
        self.0.get_heads().is_empty()
    }
}

impl From<Loaded> for AutoCommit {
    fn from(l: Loaded) -> AutoCommit {
        l.0
    }
}

pub(super) fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
