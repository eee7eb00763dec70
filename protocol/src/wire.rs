//! The automerge-repo WebSocket protocol's messages, with the protocol's own names, encoded as
//! CBOR the way the JavaScript implementation (cbor-x, no Uint8Array tags) encodes them.

use ciborium::Value;
use thiserror::Error;

use crate::id::{DocumentId, IdError, PeerId};

/// The only protocol version there is.
pub const PROTOCOL_VERSION: &str = "1";

/// Largest frame a peer may send; bigger ones close the connection.
pub const MAX_FRAME_BYTES: usize = 16 * 1024 * 1024;

/// What a peer says about itself in `join` and `peer`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeerMetadata {
    pub storage_id: Option<String>,
    pub is_ephemeral: bool,
}

/// One message of the protocol.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Join { sender: PeerId, metadata: PeerMetadata, supported_versions: Vec<String> },
    Peer { sender: PeerId, target: PeerId, metadata: PeerMetadata, selected_version: String },
    Leave { sender: PeerId },
    /// Like `sync`, but sent by a peer that does not have the document and asks for it.
    Request { sender: PeerId, target: PeerId, document: DocumentId, data: Vec<u8> },
    Sync { sender: PeerId, target: PeerId, document: DocumentId, data: Vec<u8> },
    DocUnavailable { sender: PeerId, target: PeerId, document: DocumentId },
    Ephemeral { sender: PeerId, target: PeerId, document: DocumentId, count: u64, session: String, data: Vec<u8> },
    Error { sender: Option<PeerId>, target: Option<PeerId>, message: String },
    /// A message type this version does not act on (e.g. remote-heads gossip); kept so a
    /// newer peer is not disconnected for speaking more than we do.
    Other { kind: String },
}

/// Why a frame could not be read. The connection that sent it is closed with this as reason.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum DecodeError {
    #[error("frame of {0} bytes is larger than the {MAX_FRAME_BYTES} allowed")]
    TooLarge(usize),
    #[error("frame is not valid CBOR: {0}")]
    NotCbor(String),
    #[error("message is not a CBOR map")]
    NotAMap,
    #[error("message has no \"type\" field")]
    NoType,
    #[error("field \"{field}\" is missing or not a {expected}")]
    BadField { field: &'static str, expected: &'static str },
    #[error(transparent)]
    BadId(#[from] IdError),
    #[error("message shape refused: {0}")]
    Shape(&'static str),
}

/// Most CBOR items (values at any depth) one message may hold. A real message has about a
/// dozen; the bound keeps a frame of millions of one-byte items from becoming far more memory.
pub const MAX_ITEMS: usize = 1024;
/// Deepest nesting accepted; real messages nest two levels (the peer metadata).
const MAX_DEPTH: usize = 8;

impl Message {
    pub fn type_name(&self) -> &str {
        match self {
            Message::Join { .. } => "join",
            Message::Peer { .. } => "peer",
            Message::Leave { .. } => "leave",
            Message::Request { .. } => "request",
            Message::Sync { .. } => "sync",
            Message::DocUnavailable { .. } => "doc-unavailable",
            Message::Ephemeral { .. } => "ephemeral",
            Message::Error { .. } => "error",
            Message::Other { kind } => kind,
        }
    }

    /// The document a message is about, if any.
    pub fn document(&self) -> Option<&DocumentId> {
        match self {
            Message::Request { document, .. }
            | Message::Sync { document, .. }
            | Message::DocUnavailable { document, .. }
            | Message::Ephemeral { document, .. } => Some(document),
            _ => None,
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut map: Vec<(Value, Value)> = Vec::with_capacity(8);
        let mut put = |k: &str, v: Value| map.push((Value::Text(k.into()), v));
        put("type", Value::Text(self.type_name().into()));
        match self {
            Message::Join { sender, metadata, supported_versions } => {
                put("senderId", peer(sender));
                put("peerMetadata", encode_metadata(metadata));
                put("supportedProtocolVersions", Value::Array(supported_versions.iter().map(|v| Value::Text(v.clone())).collect()));
            }
            Message::Peer { sender, target, metadata, selected_version } => {
                put("senderId", peer(sender));
                put("peerMetadata", encode_metadata(metadata));
                put("selectedProtocolVersion", Value::Text(selected_version.clone()));
                put("targetId", peer(target));
            }
            Message::Leave { sender } => put("senderId", peer(sender)),
            Message::Request { sender, target, document, data } | Message::Sync { sender, target, document, data } => {
                put("senderId", peer(sender));
                put("targetId", peer(target));
                put("documentId", Value::Text(document.to_string()));
                put("data", Value::Bytes(data.clone()));
            }
            Message::DocUnavailable { sender, target, document } => {
                put("senderId", peer(sender));
                put("targetId", peer(target));
                put("documentId", Value::Text(document.to_string()));
            }
            Message::Ephemeral { sender, target, document, count, session, data } => {
                put("senderId", peer(sender));
                put("targetId", peer(target));
                put("count", Value::Integer((*count).into()));
                put("sessionId", Value::Text(session.clone()));
                put("documentId", Value::Text(document.to_string()));
                put("data", Value::Bytes(data.clone()));
            }
            Message::Error { sender, target, message } => {
                if let Some(s) = sender {
                    put("senderId", peer(s));
                }
                put("message", Value::Text(message.clone()));
                if let Some(t) = target {
                    put("targetId", peer(t));
                }
            }
            Message::Other { .. } => {}
        }
        let mut out = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = ciborium::into_writer(&Value::Map(map), &mut out);
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<Message, DecodeError> {
        if bytes.len() > MAX_FRAME_BYTES {
            return Err(DecodeError::TooLarge(bytes.len()));
        }
        // Items and nesting are counted before anything is allocated for them.
        check_shape(bytes)?;
        let value: Value = ciborium::from_reader(bytes).map_err(|e| DecodeError::NotCbor(e.to_string()))?;
        let Value::Map(mut map) = value else { return Err(DecodeError::NotAMap) };
        // The payload is moved out, not copied: a large frame is held once.
        let data = map.iter_mut().find(|(k, _)| k.as_text() == Some("data")).map(|(_, v)| std::mem::replace(v, Value::Null));
        let fields = Fields(&map);
        let kind = fields.text("type").map_err(|_| DecodeError::NoType)?;
        Ok(match kind {
            "join" => Message::Join {
                sender: fields.peer("senderId")?,
                metadata: fields.metadata()?,
                supported_versions: match fields.get("supportedProtocolVersions") {
                    None => vec![PROTOCOL_VERSION.to_string()],
                    Some(Value::Array(items)) => items.iter().filter_map(|v| v.as_text().map(str::to_string)).collect(),
                    Some(_) => return Err(DecodeError::BadField { field: "supportedProtocolVersions", expected: "list" }),
                },
            },
            "peer" => Message::Peer {
                sender: fields.peer("senderId")?,
                target: fields.peer("targetId")?,
                metadata: fields.metadata()?,
                selected_version: fields.text("selectedProtocolVersion")?.to_string(),
            },
            "leave" => Message::Leave { sender: fields.peer("senderId")? },
            "request" | "sync" => {
                let (sender, target, document, data) =
                    (fields.peer("senderId")?, fields.peer("targetId")?, fields.document()?, owned_bytes(data, "data")?);
                if kind == "sync" {
                    Message::Sync { sender, target, document, data }
                } else {
                    Message::Request { sender, target, document, data }
                }
            }
            "doc-unavailable" => Message::DocUnavailable {
                sender: fields.peer("senderId")?,
                target: fields.peer("targetId")?,
                document: fields.document()?,
            },
            "ephemeral" => Message::Ephemeral {
                sender: fields.peer("senderId")?,
                target: fields.peer("targetId")?,
                document: fields.document()?,
                count: fields.uint("count")?,
                session: fields.text("sessionId")?.to_string(),
                data: owned_bytes(data, "data")?,
            },
            "error" => Message::Error {
                sender: fields.get("senderId").and_then(Value::as_text).map(PeerId::new).transpose()?,
                target: fields.get("targetId").and_then(Value::as_text).map(PeerId::new).transpose()?,
                message: fields.text("message").unwrap_or("").chars().take(1000).collect(),
            },
            other => Message::Other { kind: other.chars().take(64).collect() },
        })
    }
}

fn peer(p: &PeerId) -> Value {
    Value::Text(p.as_str().to_string())
}

fn encode_metadata(m: &PeerMetadata) -> Value {
    let mut map = Vec::new();
    if let Some(id) = &m.storage_id {
        map.push((Value::Text("storageId".into()), Value::Text(id.clone())));
    }
    map.push((Value::Text("isEphemeral".into()), Value::Bool(m.is_ephemeral)));
    Value::Map(map)
}

/// A byte-string field taken out of the message.
fn owned_bytes(value: Option<Value>, field: &'static str) -> Result<Vec<u8>, DecodeError> {
    match value {
        Some(Value::Bytes(b)) => Ok(b),
        // A Uint8Array tagged by an encoder that tags typed arrays (tag 64).
        Some(Value::Tag(64, inner)) => match *inner {
            Value::Bytes(b) => Ok(b),
            _ => Err(DecodeError::BadField { field, expected: "byte string" }),
        },
        _ => Err(DecodeError::BadField { field, expected: "byte string" }),
    }
}

/// Walks the CBOR item headers of `bytes` without allocating: at most [`MAX_ITEMS`] items,
/// [`MAX_DEPTH`] levels, and every declared length within the frame.
fn check_shape(bytes: &[u8]) -> Result<(), DecodeError> {
    let mut scan = Shape { rest: bytes, items: 0 };
    scan.item(0)?;
    Ok(())
}

struct Shape<'a> {
    rest: &'a [u8],
    items: usize,
}

/// What one item header said.
enum Head {
    /// Major type and its argument (a length, count or value).
    Definite(u8, u64),
    /// An indefinite-length string, array or map: items follow until a break.
    Indefinite,
    Break,
}

impl Shape<'_> {
    fn truncated() -> DecodeError {
        DecodeError::NotCbor("the frame ends inside an item".into())
    }

    fn head(&mut self) -> Result<Head, DecodeError> {
        let (&first, rest) = self.rest.split_first().ok_or_else(Self::truncated)?;
        self.rest = rest;
        let (major, info) = (first >> 5, first & 0x1f);
        let width = match info {
            0..=23 => return Ok(Head::Definite(major, u64::from(info))),
            24 => 1,
            25 => 2,
            26 => 4,
            27 => 8,
            31 if major == 7 => return Ok(Head::Break),
            31 if (2..=5).contains(&major) => return Ok(Head::Indefinite),
            _ => return Err(DecodeError::NotCbor(format!("reserved item header 0x{first:02x}"))),
        };
        if self.rest.len() < width {
            return Err(Self::truncated());
        }
        let (arg, rest) = self.rest.split_at(width);
        self.rest = rest;
        Ok(Head::Definite(major, arg.iter().fold(0u64, |n, &b| (n << 8) | u64::from(b))))
    }

    fn skip(&mut self, len: u64) -> Result<(), DecodeError> {
        let len = usize::try_from(len).map_err(|_| Self::truncated())?;
        if self.rest.len() < len {
            return Err(Self::truncated());
        }
        self.rest = &self.rest[len..];
        Ok(())
    }

    /// One item and everything inside it; `Ok(false)` for a break (end of an indefinite item).
    fn item(&mut self, depth: usize) -> Result<bool, DecodeError> {
        self.items += 1;
        if self.items > MAX_ITEMS {
            return Err(DecodeError::Shape("more items than a message has"));
        }
        if depth > MAX_DEPTH {
            return Err(DecodeError::Shape("nested deeper than a message is"));
        }
        match self.head()? {
            Head::Break => return Ok(false),
            Head::Definite(0 | 1 | 7, _) => {}
            Head::Definite(2 | 3, len) => self.skip(len)?,
            Head::Definite(4, n) => {
                for _ in 0..n {
                    self.item_not_break(depth + 1)?;
                }
            }
            Head::Definite(5, n) => {
                for _ in 0..n.saturating_mul(2) {
                    self.item_not_break(depth + 1)?;
                }
            }
            Head::Definite(6, _) => self.item_not_break(depth + 1)?,
            Head::Definite(..) => return Err(DecodeError::NotCbor("unknown major type".into())),
            Head::Indefinite => while self.item(depth + 1)? {},
        }
        Ok(true)
    }

    fn item_not_break(&mut self, depth: usize) -> Result<(), DecodeError> {
        if self.item(depth)? {
            Ok(())
        } else {
            Err(DecodeError::NotCbor("a break where an item belongs".into()))
        }
    }
}

struct Fields<'a>(&'a [(Value, Value)]);

impl<'a> Fields<'a> {
    fn get(&self, name: &str) -> Option<&'a Value> {
        self.0.iter().find(|(k, _)| k.as_text() == Some(name)).map(|(_, v)| v)
    }
    fn text(&self, field: &'static str) -> Result<&'a str, DecodeError> {
        self.get(field).and_then(Value::as_text).ok_or(DecodeError::BadField { field, expected: "text" })
    }
    fn peer(&self, field: &'static str) -> Result<PeerId, DecodeError> {
        Ok(PeerId::new(self.text(field)?)?)
    }
    fn document(&self) -> Result<DocumentId, DecodeError> {
        Ok(DocumentId::parse(self.text("documentId")?)?)
    }
    fn uint(&self, field: &'static str) -> Result<u64, DecodeError> {
        let bad = DecodeError::BadField { field, expected: "non-negative integer" };
        match self.get(field) {
            Some(Value::Integer(i)) => u64::try_from(*i).map_err(|_| bad),
            // cbor-x writes whole numbers above 2^32 as floats at times.
            Some(Value::Float(f)) if *f >= 0.0 && f.fract() == 0.0 && *f < u64::MAX as f64 => Ok(*f as u64),
            _ => Err(bad),
        }
    }
    fn metadata(&self) -> Result<PeerMetadata, DecodeError> {
        let Some(Value::Map(m)) = self.get("peerMetadata") else { return Ok(PeerMetadata::default()) };
        let f = Fields(m);
        Ok(PeerMetadata {
            storage_id: f.get("storageId").and_then(Value::as_text).map(|s| s.chars().take(128).collect()),
            is_ephemeral: f.get("isEphemeral").and_then(Value::as_bool).unwrap_or(false),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> PeerId {
        PeerId::new(s).expect("test peer id")
    }

    #[test]
    fn every_message_round_trips() {
        let doc = DocumentId::from_bytes([3; 16]);
        let messages = vec![
            Message::Join { sender: p("a"), metadata: PeerMetadata { storage_id: Some("s".into()), is_ephemeral: false }, supported_versions: vec!["1".into()] },
            Message::Peer { sender: p("b"), target: p("a"), metadata: PeerMetadata::default(), selected_version: "1".into() },
            Message::Leave { sender: p("a") },
            Message::Request { sender: p("a"), target: p("b"), document: doc, data: vec![1, 2, 3] },
            Message::Sync { sender: p("a"), target: p("b"), document: doc, data: vec![] },
            Message::DocUnavailable { sender: p("b"), target: p("a"), document: doc },
            Message::Ephemeral { sender: p("a"), target: p("b"), document: doc, count: 7, session: "xyz".into(), data: vec![9] },
            Message::Error { sender: Some(p("b")), target: Some(p("a")), message: "nope".into() },
        ];
        for m in messages {
            assert_eq!(Message::decode(&m.encode()), Ok(m.clone()), "{}", m.type_name());
        }
    }

    #[test]
    fn garbage_is_a_decode_error_not_a_panic() {
        let cases: Vec<Vec<u8>> = vec![vec![], vec![0xff], vec![0xa1, 0x64], b"hello".to_vec(), vec![0x9f; 10_000]];
        for bytes in cases {
            assert!(Message::decode(&bytes).is_err());
        }
    }

    #[test]
    fn wrong_field_types_are_named_in_the_error() {
        let value = Value::Map(vec![
            (Value::Text("type".into()), Value::Text("sync".into())),
            (Value::Text("senderId".into()), Value::Integer(5.into())),
        ]);
        let mut bytes = Vec::new();
        ciborium::into_writer(&value, &mut bytes).expect("encode");
        assert_eq!(Message::decode(&bytes), Err(DecodeError::BadField { field: "senderId", expected: "text" }));
    }

    #[test]
    fn a_frame_of_many_tiny_items_is_refused_before_it_is_built() {
        // A map whose "data" is an array of 100 000 zeros: 100 KB of frame, far more as values.
        let mut bytes = vec![0xa2, 0x64];
        bytes.extend(b"type");
        bytes.extend([0x64]);
        bytes.extend(b"sync");
        bytes.extend([0x64]);
        bytes.extend(b"data");
        bytes.extend([0x9a, 0x00, 0x01, 0x86, 0xa0]);
        bytes.extend(std::iter::repeat_n(0u8, 100_000));
        assert_eq!(Message::decode(&bytes), Err(DecodeError::Shape("more items than a message has")));
    }

    #[test]
    fn declared_lengths_past_the_frame_are_refused() {
        // A byte string claiming 2^63 bytes.
        let bytes = [0xa1, 0x41, 0x78, 0x5b, 0x80, 0, 0, 0, 0, 0, 0, 0];
        assert!(matches!(Message::decode(&bytes), Err(DecodeError::NotCbor(_))));
    }

    #[test]
    fn unknown_message_types_are_tolerated() {
        let value = Value::Map(vec![(Value::Text("type".into()), Value::Text("remote-heads-changed".into()))]);
        let mut bytes = Vec::new();
        ciborium::into_writer(&value, &mut bytes).expect("encode");
        assert_eq!(Message::decode(&bytes), Ok(Message::Other { kind: "remote-heads-changed".into() }));
    }
}
