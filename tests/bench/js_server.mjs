// The JavaScript reference: automerge-repo 2.x as a sync server (Repo + NodeWSServerAdapter over
// ws), storing on disk like automerge-repo's own sync server does, announcing nothing unasked.
//
//   node tests/bench/js_server.mjs DATA_DIR     prints `listening <port>` once it accepts
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises"
import { join, dirname } from "node:path"
import { fromInterop } from "./deps.mjs"

const { Repo } = await fromInterop("@automerge/automerge-repo")
const { NodeWSServerAdapter } = await fromInterop("@automerge/automerge-repo-network-websocket")
const wsModule = await fromInterop("ws")
const WebSocketServer = wsModule.WebSocketServer ?? wsModule.default.WebSocketServer

const dataDir = process.argv[2]
if (!dataDir) {
  console.error("usage: node js_server.mjs DATA_DIR")
  process.exit(2)
}

// A file per key, as automerge-repo's node-fs adapter keeps them (plain writes, no fsync).
class FileStorage {
  constructor(dir) {
    this.dir = dir
  }
  path(key) {
    for (const part of key) {
      if (!part || part.includes("/") || part.includes("\\") || part === "." || part === "..") {
        throw new Error(`refusing storage key ${JSON.stringify(key)}`)
      }
    }
    return join(this.dir, ...key)
  }
  async load(key) {
    try {
      return new Uint8Array(await readFile(this.path(key)))
    } catch (e) {
      if (e.code === "ENOENT" || e.code === "EISDIR") return undefined
      throw e
    }
  }
  async save(key, data) {
    const file = this.path(key)
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, data)
  }
  async remove(key) {
    await rm(this.path(key), { force: true })
  }
  async loadRange(prefix) {
    const chunks = []
    const walk = async (dir, key) => {
      let entries
      try {
        entries = await readdir(dir, { withFileTypes: true })
      } catch (e) {
        if (e.code === "ENOENT" || e.code === "ENOTDIR") return
        throw e
      }
      for (const entry of entries) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) await walk(path, [...key, entry.name])
        else chunks.push({ key: [...key, entry.name], data: new Uint8Array(await readFile(path)) })
      }
    }
    if (prefix.length === 0) await walk(this.dir, [])
    else await walk(this.path(prefix), prefix)
    return chunks
  }
  async removeRange(prefix) {
    await rm(this.path(prefix), { recursive: true, force: true })
  }
}

await mkdir(dataDir, { recursive: true })
const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 })
await new Promise(resolve => (wss.address() ? resolve() : wss.once("listening", resolve)))
new Repo({
  network: [new NodeWSServerAdapter(wss)],
  storage: new FileStorage(dataDir),
  sharePolicy: async () => false,
})
console.log(`listening ${wss.address().port}`)
process.on("SIGTERM", () => process.exit(0))
