// Support for the end-to-end tests: start the real relay serving the release build on a
// loopback port (relay.mjs), launch Debian's Chromium, and wait on conditions (never fixed sleeps).
import { createServer as createHttpServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { chromium } from "playwright-core";
import { spawnRelay } from "./relay.mjs";

const RELAY_BIN = process.env.RELAY_BIN;
const APP_DIST = process.env.APP_DIST;
if (!RELAY_BIN || !APP_DIST) {
  throw new Error("Set RELAY_BIN and APP_DIST (scripts/radslag test does this).");
}

/**
 * A relay process storing under `data`, on `port` (by default one the system picks; a restarted
 * relay asks for its predecessor's, which the pages already use); `stop(signal)` ends it and waits.
 */
export async function startRelay({ port = 0, data }) {
  data ??= mkdtempSync(join(tmpdir(), "radslag-e2e-"));
  const relay = await spawnRelay(RELAY_BIN, ["--listen", `127.0.0.1:${port}`, "--data", data, "--static", APP_DIST], {
    env: { RUST_LOG: process.env.RUST_LOG ?? "warn" },
    // Pages served by `serveApp` come from another origin; the relay refuses those otherwise.
    allowOrigins: appOrigins,
  });
  return {
    url: relay.url,
    port: relay.port,
    data,
    log: relay.log,
    async stop(signal = "SIGTERM") {
      if (relay.child.exitCode === null && relay.child.signalCode === null) relay.child.kill(signal);
      await relay.exited;
    },
    cleanup() {
      rmSync(data, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Polls `check` until it returns truthy; fails with `what` after `ms`. */
export async function waitUntil(check, ms, what) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The origins `serveApp` serves the app from, which every relay started after it allows. */
const appOrigins = [];

/**
 * Serves the built app from its own origin, independent of the relay, so a page can be
 * reloaded while the relay is down (the app has no service worker yet). Relays started after
 * it (`startRelay`) let its pages sync (`--allow-origin`).
 */
export async function serveApp() {
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json" };
  const server = createHttpServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const file = path === "/" || !extname(path) ? "index.html" : path.slice(1);
    try {
      if (file.includes("..")) throw new Error("outside dist");
      const body = await readFile(join(APP_DIST, file));
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  appOrigins.push(url);
  return { url, close: () => new Promise((r) => server.close(r)) };
}

/** Errors the app threw in any page of this test file; a crashed app fails the file. */
const pageErrors = [];

/**
 * Opens the app in a fresh browser context (its own IndexedDB and localStorage) on the demo
 * council (through `#/demo`, as "Öppna demorådet" on the start page does) and waits for it.
 * With `app`, the page comes from that server and syncs with `relay` (set in the app's
 * settings storage, as a person would in Settings). `{ start: "fresh" }` opens the start page
 * of a first visit instead; `{ start: "#/council/<id>" }` opens a shared link.
 */
export async function openApp(browser, relay, app, contextOptions = {}, { start = "#/demo" } = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    console.error(`[page error] ${e.message}`);
    pageErrors.push(e.message);
  });
  // A Rust panic prints its message to the console before the wasm traps.
  page.on("console", (m) => {
    if (m.type() === "error" && m.text().includes("panicked at")) pageErrors.push(m.text().split("\n\nStack")[0]);
    // Anything the relay's Content-Security-Policy blocks is a bug in the app or the policy.
    if (m.text().includes("Content Security Policy")) pageErrors.push(m.text());
  });
  if (app) {
    const sync = `ws://127.0.0.1:${relay.port}/sync`;
    await context.addInitScript((url) => localStorage.setItem("radslag.relay-url", url), sync);
  }
  await page.goto(`${(app ?? relay).url}/${start === "fresh" ? "" : start}`);
  await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 20_000 });
  return { context, page };
}

/** The meeting page's modes: the switch's link and what shows once a mode is open. */
export const MODES = {
  forbered: { link: /^(Förbered|Prepare)$/, ready: (page) => page.getByRole("button", { name: /^(Lägg till punkt|Add item)$/ }) },
  mote: { link: /^(Under mötet|During the meeting)$/, ready: (page) => page.locator(".shown-item h2.item-title") },
  efter: { link: /^(Efter|After)$/, ready: (page) => page.getByRole("heading", { level: 2, name: /^(Justering|Approval)$/ }) },
};

/** The mode the meeting page's URL names ("forbered", "mote", "efter"), or null. */
export function modeInUrl(page) {
  return page.url().match(/#\/meeting\/[^/]+\/(forbered|mote|efter)/)?.[1] ?? null;
}

/** Switches the open meeting to `mode` with its link in the mode switch and waits for it. */
export async function openMeetingMode(page, mode) {
  const { link, ready } = MODES[mode];
  if (modeInUrl(page) !== mode) {
    await page.getByRole("navigation", { name: /^(Mötets lägen|Meeting modes)$/ }).getByRole("link", { name: link }).click();
  }
  await waitUntil(() => modeInUrl(page) === mode, 10_000, `the meeting page in mode ${mode} (url ${page.url()})`);
  await ready(page).first().waitFor({ timeout: 20_000 });
}

/** Opens the demo meeting of `date` from the council page, in `mode` (Förbered unless told). */
export async function openMeeting(page, date, mode = "forbered") {
  await page.getByRole("link", { name: new RegExp(date) }).first().click();
  await page.getByRole("navigation", { name: /^(Mötets lägen|Meeting modes)$/ }).waitFor({ timeout: 20_000 });
  // A bare meeting link becomes the mode it opened.
  await waitUntil(() => modeInUrl(page) !== null, 10_000, "the meeting's link to name its mode");
  await openMeetingMode(page, mode);
}

/** The text the sync indicator shows. */
export async function syncStatus(page) {
  return (await page.getByTestId("sync-status").textContent())?.trim() ?? "";
}

/** Waits until the sync indicator says `expected` (exactly, or at the start with `prefix`). */
export async function waitForSyncStatus(page, expected, ms, { prefix = false } = {}) {
  const matches = (text) => (prefix ? text.startsWith(expected) : text === expected);
  try {
    await waitUntil(async () => matches(await syncStatus(page)), ms, `the sync indicator to say "${expected}"`);
  } catch (e) {
    throw new Error(`${e.message}; it says "${await syncStatus(page)}"`);
  }
}

/**
 * The value of a field found by its accessible name; null when no such field is on the page.
 * A field can vanish between finding and reading it (a removal arriving): that reads as null
 * too, instead of waiting for it to come back.
 */
export async function fieldValue(page, label) {
  const field = page.getByLabel(label, { exact: true });
  if ((await field.count()) === 0) return null;
  try {
    return await field.first().inputValue({ timeout: 1_000 });
  } catch {
    return (await field.count()) === 0 ? null : undefined;
  }
}

/**
 * A relay and a browser for one test file, started before its tests and stopped after them.
 * Tests may replace `env.relay` (a restarted relay); the last one is stopped. With
 * `{ serveApp: true }`, `env.app` serves the app from its own origin (see `serveApp`).
 */
export function relayAndBrowser(options = {}) {
  const env = {};
  before(async () => {
    // The app's server first, so the relay knows to allow its origin.
    if (options.serveApp) env.app = await serveApp();
    env.relay = await startRelay({});
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.app?.close();
    await env.relay?.stop();
    env.relay?.cleanup();
    if (pageErrors.length > 0) {
      throw new Error(`the app failed in a page:\n${pageErrors.join("\n")}`);
    }
  });
  return env;
}
