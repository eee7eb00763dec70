// Records the CBOR frames the automerge-repo reference implementation really sends over its
// WebSocket adapters, and writes one fixture per message type and direction for
// protocol/tests/js_captured.rs.
//
//   node tests/interop/capture.mjs protocol/tests/fixtures
//
// Peer ids are fixed so the fixtures are stable to read; document ids and sync data are not
// (they are random in automerge-repo), so manifest.txt lists what each fixture holds.

import fs from "node:fs"
import path from "node:path"
import { WebSocketServer, WebSocket } from "ws"
import { Repo, cbor, generateAutomergeUrl } from "@automerge/automerge-repo"
import { DummyStorageAdapter } from "@automerge/automerge-repo/helpers/DummyStorageAdapter.js"
import * as Automerge from "@automerge/automerge"
import {
  WebSocketClientAdapter,
  NodeWSServerAdapter,
} from "@automerge/automerge-repo-network-websocket"
import { waitFor, withTimeout, listening } from "./util.mjs"

const outDir = process.argv[2]
if (!outDir) throw new Error("usage: node capture.mjs OUT_DIR")

const frames = [] // { from: "client" | "server", conn: number, bytes: Buffer }
const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 })
let connections = 0
wss.on("connection", socket => {
  const conn = connections++
  socket.on("message", data => frames.push({ from: "client", conn, bytes: Buffer.from(data) }))
  const send = socket.send.bind(socket)
  socket.send = (data, ...rest) => {
    frames.push({ from: "server", conn, bytes: Buffer.from(data) })
    return send(data, ...rest)
  }
})
const port = await listening(wss)
const url = `ws://127.0.0.1:${port}`

const server = new Repo({
  network: [new NodeWSServerAdapter(wss)],
  storage: new DummyStorageAdapter(),
  peerId: "js-server",
  sharePolicy: async () => false,
})
const alice = new Repo({ network: [new WebSocketClientAdapter(url, 100)], peerId: "js-client-a" })
const bob = new Repo({ network: [new WebSocketClientAdapter(url, 100)], peerId: "js-client-b" })

// join, peer, sync (with changes, both ways)
const created = alice.create({ title: "Budget 2025" })
created.change(d => { d.items = ["roads", "schools"] })
const found = await withTimeout(bob.find(created.url), 10000, "bob finds alice's document")
if (found.doc().title !== "Budget 2025") throw new Error("bob saw the wrong content")

// ephemeral: alice broadcasts presence on the shared document; bob's repo passes it on to its
// other peers (the server) with alice still as sender: the echo.
created.broadcast({ cursor: 3, name: "alice" })
await waitFor(() => frames.some(isEcho), 5000, "bob's echo of alice's ephemeral frame")

// request answered by doc-unavailable: bob asks for a document nobody has
const missing = generateAutomergeUrl()
await bob.find(missing).then(
  () => { throw new Error("a missing document was found") },
  () => {},
)
await waitFor(() => frames.some(f => typeOf(f) === "doc-unavailable"), 5000, "a doc-unavailable frame")

// error: a join with a protocol version the server does not speak
const raw = new WebSocket(url)
await new Promise((resolve, reject) => { raw.on("open", resolve); raw.on("error", reject) })
raw.send(cbor.encode({ type: "join", senderId: "js-raw", peerMetadata: {}, supportedProtocolVersions: ["99"] }))
await waitFor(() => frames.some(f => typeOf(f) === "error"), 5000, "an error frame")
raw.close()

// Pick one frame of each kind and direction.
const wanted = [
  ["client", "join"],
  ["server", "peer"],
  ["client", "request"],
  ["client", "sync"],
  ["server", "sync"],
  ["server", "doc-unavailable"],
  ["client", "ephemeral"],
  ["server", "error"],
]
fs.mkdirSync(outDir, { recursive: true })
const manifest = [
  "# Written by tests/interop/capture.mjs from automerge-repo " + version("@automerge/automerge-repo") +
    " and automerge-repo-network-websocket " + version("@automerge/automerge-repo-network-websocket") + ".",
  "# file type senderId targetId documentId(-) dataBytes(-)",
]
function save(name, frame) {
  fs.writeFileSync(path.join(outDir, name), frame.bytes)
  const m = cbor.decode(frame.bytes)
  manifest.push([name, m.type, m.senderId ?? "-", m.targetId ?? "-", m.documentId ?? "-", m.data ? m.data.byteLength : "-"].join(" "))
}
for (const [from, type] of wanted) {
  const frame = frames.find(f => f.from === from && typeOf(f) === type)
  if (!frame) throw new Error(`no ${type} frame from the ${from} was seen`)
  save(`js-${from}-${type}.cbor`, frame)
}
save("js-client-ephemeral-echo.cbor", frames.find(isEcho))
// A server sync frame that carries alice's document to bob: applied to an empty document on
// its own, it yields alice's content.
const withChanges = frames.find(f => {
  if (f.from !== "server" || typeOf(f) !== "sync") return false
  const m = cbor.decode(f.bytes)
  if (m.targetId !== "js-client-b") return false
  const [doc] = Automerge.receiveSyncMessage(Automerge.init(), Automerge.initSyncState(), m.data)
  return doc.title === "Budget 2025"
})
if (!withChanges) throw new Error("no sync frame carried alice's changes to bob")
save("js-server-sync-with-changes.cbor", withChanges)
fs.writeFileSync(path.join(outDir, "manifest.txt"), manifest.join("\n") + "\n")

alice.shutdown?.()
bob.shutdown?.()
server.shutdown?.()
wss.close()
console.log(`wrote ${manifest.length - 2} fixtures to ${outDir}`)
process.exit(0)

// A client frame whose sender is not the peer that joined on that connection.
function isEcho(frame) {
  if (frame.from !== "client" || typeOf(frame) !== "ephemeral") return false
  const join = frames.find(f => f.conn === frame.conn && typeOf(f) === "join")
  return join && cbor.decode(join.bytes).senderId !== cbor.decode(frame.bytes).senderId
}

function typeOf(frame) {
  try {
    return cbor.decode(frame.bytes).type
  } catch {
    return undefined
  }
}

function version(pkg) {
  const file = new URL(`./node_modules/${pkg}/package.json`, import.meta.url)
  return JSON.parse(fs.readFileSync(file, "utf8")).version
}
