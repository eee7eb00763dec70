// Support for the end-to-end tests: start the real relay serving the release build on a free
// loopback port, launch Debian's Chromium, and wait on conditions (never fixed sleeps).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const RELAY_BIN = process.env.RELAY_BIN;
const APP_DIST = process.env.APP_DIST;
if (!RELAY_BIN || !APP_DIST) {
  throw new Error("Set RELAY_BIN and APP_DIST (scripts/radslag test does this).");
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A relay process on `port` storing under `data`; `stop(signal)` ends it and waits. */
export async function startRelay({ port, data }) {
  port ??= await freePort();
  data ??= mkdtempSync(join(tmpdir(), "radslag-e2e-"));
  const child = spawn(RELAY_BIN, ["--listen", `127.0.0.1:${port}`, "--data", data, "--static", APP_DIST], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? "warn" },
  });
  let log = "";
  child.stderr.on("data", (d) => (log += d));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(async () => {
    if (child.exitCode !== null) throw new Error(`relay exited early:\n${log}`);
    try {
      return (await fetch(`${url}/healthz`)).ok;
    } catch {
      return false;
    }
  }, 20_000, "relay to answer /healthz");
  return {
    url,
    port,
    data,
    log: () => log,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null) child.kill(signal);
      await exited;
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
