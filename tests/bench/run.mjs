// Rådslag's bench: our relay and the JavaScript automerge-repo sync server under the same load on
// this machine, then the app's own figures in Chromium. Prints one table; never fails on figures
// (exit 1 only when the harness itself cannot run).
//
//   RELAY_BIN=target/relay/radslag-relay LOAD_BIN=target/relay/examples/load \
//   APP_DIST=dist node tests/bench/run.mjs
//
// Environment: BENCH_ONLY=relay|app runs one half; BENCH_SCENARIOS=quiet10,flood10 runs only
// those relay scenarios; BENCH_DURATION_S (default 10) sets how long
// the writing scenarios write.
import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs"
import { tmpdir, cpus } from "node:os"
import { join, resolve } from "node:path"
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib"
import { fromE2e } from "./deps.mjs"
import { spawnRelay } from "../e2e/relay.mjs"

const ROOT = resolve(new URL("../..", import.meta.url).pathname)
const RELAY_BIN = process.env.RELAY_BIN ?? join(ROOT, "target/relay/radslag-relay")
const LOAD_BIN = process.env.LOAD_BIN ?? join(ROOT, "target/relay/examples/load")
const APP_DIST = process.env.APP_DIST ?? join(ROOT, "dist")
const ONLY = process.env.BENCH_ONLY ?? ""
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10)
const JS_SERVER = join(ROOT, "tests/bench/js_server.mjs")

const log = (...a) => console.error("[bench]", ...a)
const sleep = ms => new Promise(r => setTimeout(r, ms))

async function until(check, ms, what) {
  const end = Date.now() + ms
  for (;;) {
    const v = await check()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await sleep(50)
  }
}

/** Peak resident memory of a live process, from /proc (kB → MB). */
function peakMemoryMb(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmHWM:\s+(\d+)\s+kB/m)
    return m ? Number(m[1]) / 1024 : null
  } catch {
    return null
  }
}

// ---------------------------------------------------------------------------------------------
// Servers as child processes, each on a fresh data folder

/** Our relay as a `child`, once it says where it listens (the port the system picked). */
async function relayChild(args) {
  const r = await spawnRelay(RELAY_BIN, args, { env: { RUST_LOG: "warn" } })
  const tail = () => r.log().slice(-4000)
  return { p: r.child, exited: r.exited, out: tail, err: tail, port: r.port, url: r.url }
}

function child(cmd, args, env = {}) {
  const p = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } })
  let out = ""
  let err = ""
  p.stdout.on("data", d => (out += d))
  p.stderr.on("data", d => (err = (err + d).slice(-4000)))
  const exited = new Promise(r => p.once("exit", (code, signal) => r({ code, signal })))
  return { p, exited, out: () => out, err: () => err }
}

async function stop(c) {
  if (c.p.exitCode !== null || c.p.signalCode !== null) return
  c.p.kill("SIGTERM")
  const done = await Promise.race([c.exited, sleep(10_000).then(() => null)])
  if (!done) {
    c.p.kill("SIGKILL")
    await c.exited
  }
}

const SERVERS = {
  relay: {
    name: "our relay",
    async start(data) {
      const c = await relayChild(["--listen", "127.0.0.1:0", "--data", data])
      return { c, url: `ws://127.0.0.1:${c.port}/sync` }
    },
  },
  js: {
    name: "JS automerge-repo",
    async start(data) {
      const c = child(process.execPath, [JS_SERVER, data])
      const port = await until(() => {
        if (c.p.exitCode !== null) throw new Error(`the JS server exited: ${c.err()}`)
        return c.out().match(/listening (\d+)/)?.[1]
      }, 20_000, "the JS server to listen")
      return { c, url: `ws://127.0.0.1:${port}/sync` }
    },
  },
}

/** Starts `server` on a fresh folder, runs the load generator against it, reads its peak memory. */
async function measure(serverKey, scenario, extraArgs, limitMs) {
  const data = mkdtempSync(join(tmpdir(), `radslag-bench-${serverKey}-`))
  let server
  try {
    server = await SERVERS[serverKey].start(data)
    const load = child(LOAD_BIN, ["--url", server.url, "--scenario", scenario, ...extraArgs])
    const timer = setTimeout(() => load.p.kill("SIGKILL"), limitMs)
    const { code, signal } = await load.exited
    clearTimeout(timer)
    const memoryMb = peakMemoryMb(server.c.p.pid)
    const line = load.out().trim().split("\n").filter(l => l.startsWith("{")).pop()
    if (!line) {
      return { error: `the load generator ended (${signal ?? `exit ${code}`}) without figures: ${load.err().trim().split("\n").pop() ?? ""}` }
    }
    const figures = JSON.parse(line)
    figures.memoryMb = memoryMb
    const serverLog = server.c.err().trim()
    if (figures.errors && serverLog) figures.serverLog = serverLog.split("\n").slice(-3).join(" | ")
    if (server.c.p.exitCode !== null) figures.crashed = `server exited during the run: ${server.c.err().trim().split("\n").pop()}`
    return figures
  } catch (e) {
    return { error: e.message }
  } finally {
    if (server) await stop(server.c)
    rmSync(data, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------
// The relay half

const ms = v => (v === null || v === undefined ? "–" : v < 10 ? v.toFixed(1) : Math.round(v).toString())

const SCENARIOS = [
  {
    key: "editors",
    label: "30 editors, one document: p50 / p99",
    args: ["--editors", "30", "--duration-s", String(DURATION_S)],
    limitMs: (60 + DURATION_S + 15) * 1000,
    show: f => `${ms(f.p50_ms)} / ${ms(f.p99_ms)} ms` + (f.ready < f.clients ? ` (${f.ready} of ${f.clients} set up)` : "") + (f.undelivered ? `, ${f.undelivered} undelivered` : ""),
    aim: "≤ 5 / ≤ 20 ms",
  },
  {
    key: "quiet10",
    scenario: "editors",
    label: "10 editors, one document, quiet: p50 / p99",
    args: ["--editors", "10", "--duration-s", String(DURATION_S)],
    limitMs: (60 + DURATION_S + 15) * 1000,
    show: f => `${ms(f.p50_ms)} / ${ms(f.p99_ms)} ms` + (f.undelivered ? `, ${f.undelivered} undelivered` : ""),
    aim: "",
  },
  {
    key: "flood10",
    scenario: "editors",
    label: "the same while one client floods 10 000 frames/s: p50 / p99",
    args: ["--editors", "10", "--duration-s", String(DURATION_S), "--flood-per-s", "10000"],
    limitMs: (60 + DURATION_S + 15) * 1000,
    show: (f, quiet) =>
      `${ms(f.p50_ms)} / ${ms(f.p99_ms)} ms` +
      (quiet?.p99_ms ? ` (p99 ${(f.p99_ms / quiet.p99_ms).toFixed(1)}× quiet)` : "") +
      (f.undelivered ? `, ${f.undelivered} undelivered` : "") +
      `; flooder closed ${f.flood_closed}×`,
    aim: "p99 ≤ 2× quiet",
  },
  {
    key: "pairs",
    label: "200 documents × 2 writers: delivered, p99",
    args: ["--documents", "200", "--duration-s", String(DURATION_S)],
    limitMs: (60 + DURATION_S + 15) * 1000,
    show: f =>
      `${Math.round(f.delivered_per_s)} changes/s, p99 ${ms(f.p99_ms)} ms` +
      (f.ready < f.clients ? ` (${f.ready} of ${f.clients} set up)` : "") +
      (f.undelivered ? `, ${f.undelivered} undelivered` : ""),
    aim: "≥ 1200 changes/s, p99 ≤ 100 ms",
  },
  {
    key: "connections",
    label: "1000 connections, own document each",
    args: ["--connections", "1000", "--setup-timeout-s", "60"],
    limitMs: 80_000,
    show: f =>
      (f.all_synced_s !== null ? `all in ${f.all_synced_s.toFixed(1)} s` : `${f.synced} of ${f.clients} synced`) +
      `, ${f.memoryMb === null ? "–" : Math.round(f.memoryMb)} MB`,
    aim: "all in ≤ 3 s, ≤ 100 MB",
  },
]

async function relayHalf() {
  if (!existsSync(LOAD_BIN)) return { error: `no load generator at ${LOAD_BIN} (cargo build --profile relay -p radslag-relay --example load)` }
  if (!existsSync(RELAY_BIN)) return { error: `no relay binary at ${RELAY_BIN}` }
  const rows = []
  const wanted = (process.env.BENCH_SCENARIOS ?? "").split(",").filter(Boolean)
  for (const s of SCENARIOS.filter(s => !wanted.length || wanted.includes(s.key))) {
    const row = { key: s.key, label: s.label, aim: s.aim, cells: {}, raw: {} }
    for (const server of ["relay", "js"]) {
      log(`${s.key} against ${SERVERS[server].name}…`)
      const f = await measure(server, s.scenario ?? s.key, s.args, s.limitMs)
      row.raw[server] = f
      const quiet = rows.find(r => r.key === "quiet10")?.raw[server]
      row.cells[server] = f.error ? `not measured: ${f.error}` : s.show(f, quiet) + (f.errors ? " ⚠" : "") + (f.crashed ? " (server died)" : "")
      log(`  ${row.cells[server]}`)
      if (f.errors) log(`  client errors: ${f.errors}`)
      if (f.serverLog) log(`  server said: ${f.serverLog}`)
      if (f.crashed) log(`  ${f.crashed}`)
    }
    rows.push(row)
  }
  return { rows }
}

// ---------------------------------------------------------------------------------------------
// The app half

function gzippedAppSize() {
  if (process.env.APP_BUILD_FAILED) return { error: "the app did not build (trunk build failed)" }
  if (!existsSync(APP_DIST)) return { error: `no built app in ${APP_DIST}` }
  const files = readdirSync(APP_DIST).filter(f => /\.(wasm|js|css)$/.test(f) && statSync(join(APP_DIST, f)).isFile())
  if (!files.some(f => f.endsWith(".wasm"))) return { error: `no .wasm in ${APP_DIST}` }
  let raw = 0
  let gz = 0
  let br = 0
  for (const f of files) {
    const bytes = readFileSync(join(APP_DIST, f))
    raw += bytes.length
    gz += gzipSync(bytes, { level: 9 }).length
    br += brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length
  }
  return { raw, gz, br, files: files.length }
}

const MEETING = "2019-04-04"
const RELAY_URL_KEY = "radslag.relay-url"

async function appHalf() {
  const out = { size: gzippedAppSize() }
  const fail = why => ({ ...out, warm: { error: why }, edit: { relay: { error: why }, js: { error: why } } })
  if (out.size.error) return fail("the app is not built")
  let chromium
  try {
    const pw = await fromE2e("playwright-core")
    chromium = pw.chromium ?? pw.default?.chromium
  } catch (e) {
    return fail(e.message)
  }
  if (!existsSync(process.env.CHROMIUM ?? "/usr/bin/chromium")) return fail("no Chromium at /usr/bin/chromium")
  const data = mkdtempSync(join(tmpdir(), "radslag-bench-app-"))
  let relay
  let browser
  let js
  const jsData = mkdtempSync(join(tmpdir(), "radslag-bench-app-js-"))
  try {
    relay = await relayChild(["--listen", "127.0.0.1:0", "--data", data, "--static", APP_DIST])
    const origin = relay.url
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    })
    out.warm = await guard(() => warmLoad(browser, origin))
    out.edit = { relay: await guard(() => editLatency(browser, origin, null)) }
    js = await SERVERS.js.start(jsData)
    out.edit.js = await guard(() => editLatency(browser, origin, js.url))
  } catch (e) {
    return fail(e.message)
  } finally {
    await browser?.close().catch(() => {})
    if (js) await stop(js.c)
    if (relay) await stop(relay)
    rmSync(data, { recursive: true, force: true })
    rmSync(jsData, { recursive: true, force: true })
  }
  return out
}

async function guard(f) {
  try {
    return await f()
  } catch (e) {
    return { error: e.message.split("\n")[0] }
  }
}

/** A page in a fresh context (its own IndexedDB), optionally syncing with another server. */
async function newPage(browser, syncUrl) {
  const context = await browser.newContext()
  await context.addInitScript(
    ([key, url, meeting]) => {
      if (url) localStorage.setItem(key, url)
      // Note when a link to the meeting first appears, on the page's own clock (ms since
      // navigation started).
      const seen = () => [...document.querySelectorAll("a")].some(a => a.textContent.includes(meeting))
      const watch = new MutationObserver(() => {
        if (window.__firstMeetingMs === undefined && seen()) {
          window.__firstMeetingMs = performance.now()
          watch.disconnect()
        }
      })
      watch.observe(document, { childList: true, subtree: true, characterData: true })
    },
    [RELAY_URL_KEY, syncUrl, MEETING],
  )
  const page = await context.newPage()
  return { context, page }
}

const meetingLink = page => page.getByRole("link", { name: new RegExp(MEETING) }).first()

async function warmLoad(browser, origin) {
  const { context, page } = await newPage(browser, null)
  try {
    await page.goto(`${origin}/`)
    await meetingLink(page).waitFor({ timeout: 30_000 })
    // Let the first load reach IndexedDB (and the server) before measuring warm loads.
    await until(async () => /saved-server|saved-device/.test((await page.getByTestId("sync-status").getAttribute("class")) ?? ""), 20_000, "the council to be saved")
    await sleep(500)
    const times = []
    for (let i = 0; i < 7; i++) {
      await page.reload()
      await meetingLink(page).waitFor({ timeout: 30_000 })
      times.push(await page.evaluate(() => window.__firstMeetingMs))
    }
    times.sort((a, b) => a - b)
    return { median: times[Math.floor(times.length / 2)], runs: times.length }
  } finally {
    await context.close()
  }
}

/** ~30 agenda edits typed in one browser, each timed until the other browser shows it. */
async function editLatency(browser, origin, syncUrl) {
  const a = await newPage(browser, syncUrl)
  const b = await newPage(browser, syncUrl)
  try {
    for (const { page } of [a, b]) {
      await page.goto(`${origin}/`)
      await meetingLink(page).click({ timeout: 30_000 })
      await page.getByRole("button", { name: /Lägg till punkt|Add item/ }).waitFor({ timeout: 30_000 })
    }
    const fieldA = a.page.getByLabel(/^Beskrivning punkt/).first()
    const label = (await fieldA.getAttribute("aria-label")) ?? "Beskrivning punkt 1"
    const fieldB = b.page.getByLabel(label.trim(), { exact: true }).first()
    await fieldB.waitFor({ timeout: 10_000 })
    // Both windows must be connected before timing: a first edit that reaches B proves it.
    // Retyped now and then: a first edit made while a window was still connecting may wait for
    // that window's next sync.
    let arrived = false
    for (let attempt = 0; attempt < 4 && !arrived; attempt++) {
      const first = `bench warm-up ${attempt} ${Date.now()}`
      await fieldA.fill(first)
      arrived = await until(async () => (await fieldB.inputValue()) === first, 10_000, "").catch(() => false)
    }
    if (!arrived) throw new Error("no edit reached the other window within 40 s")
    const times = []
    const failures = []
    for (let i = 0; i < 30; i++) {
      const text = `Punkt ${i} ${Math.random().toString(36).slice(2, 8)}`
      const handle = await fieldB.elementHandle()
      const t0 = performance.now()
      await fieldA.fill(text)
      try {
        await b.page.waitForFunction(([el, want]) => el.value === want, [handle, text], { polling: 5, timeout: 10_000 })
        times.push(performance.now() - t0)
      } catch {
        failures.push(i)
      }
      await sleep(150)
    }
    times.sort((x, y) => x - y)
    const pick = p => (times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] : null)
    return { median: pick(50), p95: pick(95), count: times.length, failures: failures.length }
  } finally {
    await a.context.close()
    await b.context.close()
  }
}

// ---------------------------------------------------------------------------------------------
// The table

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => [...String(r[i])].length)))
  return rows.map(r => r.map((c, i) => String(c).padEnd(widths[i])).join("  ").trimEnd()).join("\n")
}

async function main() {
  const started = Date.now()
  log(`${cpus().length} cores; relay ${RELAY_BIN}; app ${APP_DIST}`)
  const relay = ONLY === "app" ? { rows: [] } : await relayHalf()
  const app = ONLY === "relay" ? null : await guard(appHalf)
  const lines = [["", "our relay", "JS automerge-repo 2.x", "aim"]]
  if (relay.error) lines.push(["relay load", `not measured: ${relay.error}`, "", ""])
  for (const r of relay.rows) lines.push([r.label, r.cells.relay, r.cells.js, r.aim])
  if (app) {
    const na = x => `not measured: ${x.error}`
    lines.push(["", "", "", ""])
    lines.push([
      "app: built size, gzipped",
      app.size?.error ? na(app.size) : `${(app.size.gz / 1024).toFixed(0)} KB (brotli ${(app.size.br / 1024).toFixed(0)} KB, as sent to browsers; ${(app.size.raw / 1024).toFixed(0)} KB raw, ${app.size.files} files)`,
      "",
      "",
    ])
    lines.push(["app: warm load to first meeting (median)", app.warm?.error ? na(app.warm) : `${ms(app.warm.median)} ms (${app.warm.runs} reloads)`, "", ""])
    const edit = e =>
      !e ? "–" : e.error ? na(e) : `${ms(e.median)} / ${ms(e.p95)} ms` + (e.failures ? ` (${e.failures} of ${e.count + e.failures} never arrived)` : "")
    lines.push(["app: agenda edit seen in the other browser: median / p95", edit(app.error ? app : app.edit?.relay), edit(app.edit?.js), "within 1 s"])
  }
  console.log(`\nRådslag bench — ${cpus().length} cores, loopback; each scenario on a fresh server; ${DURATION_S} s of writing per writing scenario\n`)
  console.log(table(lines))
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s; memory is the server process's peak resident set, VmHWM)`)
}

main().catch(e => {
  console.error(`bench harness failed: ${e.stack ?? e}`)
  process.exit(1)
})
