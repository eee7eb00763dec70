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
}

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
        // Nesting is bounded by ciborium's recursion limit; sizes by the frame limit above.
        let value: Value = ciborium::from_reader(bytes).map_err(|e| DecodeError::NotCbor(e.to_string()))?;
        let Value::Map(map) = value else { return Err(DecodeError::NotAMap) };
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
                    (fields.peer("senderId")?, fields.peer("targetId")?, fields.document()?, fields.bytes("data")?);
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
                data: fields.bytes("data")?,
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
    fn bytes(&self, field: &'static str) -> Result<Vec<u8>, DecodeError> {
        match self.get(field) {
            Some(Value::Bytes(b)) => Ok(b.clone()),
            // A Uint8Array tagged by an encoder that tags typed arrays (tag 64).
            Some(Value::Tag(64, inner)) => match inner.as_ref() {
                Value::Bytes(b) => Ok(b.clone()),
                _ => Err(DecodeError::BadField { field, expected: "byte string" }),
            },
            _ => Err(DecodeError::BadField { field, expected: "byte string" }),
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
    fn unknown_message_types_are_tolerated() {
        let value = Value::Map(vec![(Value::Text("type".into()), Value::Text("remote-heads-changed".into()))]);
        let mut bytes = Vec::new();
        ciborium::into_writer(&value, &mut bytes).expect("encode");
        assert_eq!(Message::decode(&bytes), Ok(Message::Other { kind: "remote-heads-changed".into() }));
    }
}
