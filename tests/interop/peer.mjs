// A JavaScript automerge-repo peer driven by relay/tests/relay/interop_js.rs over stdin/stdout.
// Every answer is one line on stdout, `<word> <value>`; failures go to stderr and exit 1.
//
//   node peer.mjs client WS_URL   connect a Repo + WebSocketClientAdapter to a sync server;
//                                 prints `peer <its peer id>`
//   node peer.mjs server          run a Repo + NodeWSServerAdapter on a random port;
//                                 prints `listening <port>`
//
// Then, one command a line on stdin:
//   create TITLE          create {title, items: ["roads", "schools"]}, then change it once more
//                         (items gets "parks"); a client waits until the server answered its
//                         sync of it; prints `created <automerge url>`
//   find URL              find the document (through the network if needed);
//                         prints `found <json of the document>`
//   wait URL FIELD VALUE  wait until the document's FIELD reads VALUE (as a string: text objects
//                         and a Rust peer's scalar strings both count); prints `saw <json>`
//   set URL FIELD VALUE   change the document: FIELD = VALUE; prints `set <field>`
//   broadcast URL TEXT    send the string TEXT as an ephemeral message; prints `broadcast sent`
//   heard URL TEXT        wait until an ephemeral message equal to the string TEXT arrived for
//                         the document (since it was first created or found here);
//                         prints `heard <sender peer id>`
// The process exits when stdin closes.

import readline from "node:readline"
import { WebSocketServer } from "ws"
import { Repo } from "@automerge/automerge-repo"
import { DummyStorageAdapter } from "@automerge/automerge-repo/helpers/DummyStorageAdapter.js"
import {
  WebSocketClientAdapter,
  NodeWSServerAdapter,
} from "@automerge/automerge-repo-network-websocket"
import { waitFor, withTimeout, listening } from "./util.mjs"

const TIMEOUT_MS = 20000
const [mode, wsUrl] = process.argv.slice(2)

let repo
if (mode === "client") {
  if (!wsUrl) fail("usage: node peer.mjs client WS_URL")
  repo = new Repo({ network: [new WebSocketClientAdapter(wsUrl, 200)] })
  console.log(`peer ${repo.peerId}`)
} else if (mode === "server") {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 })
  const port = await listening(wss)
  // Like automerge-repo's sync server: stores everything, announces nothing unasked.
  repo = new Repo({
    network: [new NodeWSServerAdapter(wss)],
    storage: new DummyStorageAdapter(),
    sharePolicy: async () => false,
  })
  console.log(`listening ${port}`)
} else {
  fail(`unknown mode ${mode}; use client or server`)
}

const handles = new Map()
const heard = new Map() // url -> [{ senderId, message }]
function keep(h) {
  handles.set(h.url, h)
  heard.set(h.url, [])
  h.on("ephemeral-message", ({ senderId, message }) => heard.get(h.url).push({ senderId, message }))
  return h
}
/** Resolves when a sync message about `documentId` arrives from the network. */
function answered(documentId) {
  return new Promise(resolve => {
    const on = msg => {
      if (msg.type === "sync" && msg.documentId === documentId) {
        repo.networkSubsystem.off("message", on)
        resolve()
      }
    }
    repo.networkSubsystem.on("message", on)
  })
}
async function handle(url) {
  if (!handles.has(url)) keep(await withTimeout(repo.find(url), TIMEOUT_MS, `find ${url}`))
  return handles.get(url)
}

async function run(line) {
  const [cmd, ...args] = line.trim().split(" ")
  switch (cmd) {
    case "create": {
      const h = repo.create({ title: args.join(" "), items: ["roads", "schools"] })
      h.change(d => { d.items.push("parks") })
      keep(h)
      // A client answers once the server has answered the new document's first sync, so
      // another peer asking the server for it next finds it there (not "unavailable").
      if (mode === "client") await withTimeout(answered(h.documentId), TIMEOUT_MS, `the server to answer about ${h.url}`)
      return `created ${h.url}`
    }
    case "find": {
      const h = await handle(args[0])
      return `found ${JSON.stringify(h.doc())}`
    }
    case "wait": {
      const [url, field, ...value] = args
      const h = await handle(url)
      await waitFor(() => String(h.doc()?.[field]) === value.join(" "), TIMEOUT_MS, `${field} = ${value.join(" ")} in ${url}`)
      return `saw ${JSON.stringify(h.doc())}`
    }
    case "set": {
      const [url, field, ...value] = args
      const h = await handle(url)
      h.change(d => { d[field] = value.join(" ") })
      return `set ${field}`
    }
    case "broadcast": {
      const [url, ...text] = args
      const h = await handle(url)
      h.broadcast(text.join(" "))
      return "broadcast sent"
    }
    case "heard": {
      const [url, ...text] = args
      await handle(url)
      const wanted = text.join(" ")
      let found
      await waitFor(() => (found = heard.get(url).find(m => m.message === wanted)), TIMEOUT_MS, `ephemeral ${wanted} on ${url}`)
      return `heard ${found.senderId}`
    }
    default:
      throw new Error(`unknown command ${cmd}`)
  }
}

// Commands run one after another, in order.
let queue = Promise.resolve()
const input = readline.createInterface({ input: process.stdin })
input.on("line", line => {
  if (!line.trim()) return
  queue = queue.then(() => run(line)).then(out => console.log(out), e => fail(`${line}: ${e.stack ?? e}`))
})
input.on("close", () => queue.finally(() => process.exit(0)))

function fail(message) {
  console.error(message)
  process.exit(1)
}
