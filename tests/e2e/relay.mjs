// Starts the radslag-relay binary and learns its address the way the Rust tests do
// (relay/tests/relay/support.rs): the relay prints `listening on http://ADDR` on stdout once it accepts
// connections, so `--listen 127.0.0.1:0` lets the system pick the port and nothing races for
// one. Used by the end-to-end tests (support.mjs) and the bench (tests/bench/run.mjs).
import { spawn } from "node:child_process";

const LISTENING = "listening on http://";

/**
 * Spawns `bin` with `args` (which should include `--listen HOST:PORT`, port 0 for any) and
 * resolves once it says where it listens, with `{ child, url, port, log, exited }`: `url` is
 * `http://127.0.0.1:PORT`, `log()` everything it wrote (stdout and stderr), `exited` a promise
 * of `{ code, signal }`. Rejects, with the log, if the relay exits first or says nothing in `ms`.
 *
 * The relay runs `--open` (anyone may sync, no credential) unless `{ open: false }`: most tests
 * and the bench are not about access control (invitation.test.mjs is).
 * `allowOrigins` are passed as `--allow-origin`, for pages served from another origin.
 */
export function spawnRelay(bin, args, { env = {}, ms = 20_000, open = true, allowOrigins = [] } = {}) {
  const all = [...args, ...(open ? ["--open"] : []), ...allowOrigins.flatMap((o) => ["--allow-origin", o])];
  const child = spawn(bin, all, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  let log = "";
  // "close", not "exit": by then both pipes are drained, so the log is whole.
  const exited = new Promise((resolve) => child.once("close", (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let stdout = "";
    let found = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${bin} did not print "${LISTENING}…" within ${ms} ms:\n${log}`));
    }, ms);
    child.stderr.on("data", (d) => (log += d));
    child.stdout.on("data", (d) => {
      log += d;
      if (found) return;
      stdout += d;
      const line = stdout.split("\n").find((l, i, all) => i < all.length - 1 && l.startsWith(LISTENING));
      if (!line) return;
      found = true;
      clearTimeout(timer);
      const url = `http://${line.slice(LISTENING.length).trim()}`;
      resolve({ child, url, port: Number(new URL(url).port), log: () => log, exited });
    });
    child.once("error", (e) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${bin}: ${e.message}`));
    });
    exited.then(({ code, signal }) => {
      if (found) return;
      clearTimeout(timer);
      reject(new Error(`${bin} exited (${signal ?? `code ${code}`}) before it listened:\n${log}`));
    });
  });
}
