// Issue 17, joining by invitation: against a relay that checks credentials (no --open), a new
// council is registered from the command line, its processledare joins by the printed link and
// invites an editor and a reader from the members page; the editor syncs both ways, the reader
// is told it may only read, a revoked reader is told at once, and a wrong link says why.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expectNoAxeViolations } from "./axe.mjs";
import { spawnRelay } from "./relay.mjs";
import { launchBrowser, openApp, waitForSyncStatus, waitUntil } from "./support.mjs";

const RELAY_BIN = process.env.RELAY_BIN;
const APP_DIST = process.env.APP_DIST;
const env = {};

before(async () => {
  env.data = mkdtempSync(join(tmpdir(), "radslag-e2e-join-"));
  const relay = await spawnRelay(RELAY_BIN, ["--listen", "127.0.0.1:0", "--data", env.data, "--static", APP_DIST], {
    env: { RUST_LOG: process.env.RUST_LOG ?? "warn" },
    open: false,
  });
  env.relay = { ...relay, url: relay.url, port: relay.port };
  env.browser = await launchBrowser();
});

after(async () => {
  await env.browser?.close();
  if (env.relay?.child.exitCode === null) env.relay.child.kill("SIGTERM");
  await env.relay?.exited;
  rmSync(env.data, { recursive: true, force: true });
});

/** Runs `radslag-relay admin` on the relay's data folder; the join link it prints. */
async function admin(...args) {
  const { stdout } = await promisify(execFile)(RELAY_BIN, ["admin", "--data", env.data, "--base-url", env.relay.url, ...args]);
  const link = stdout.split("\n").find((l) => l.includes("#/join/"));
  assert.ok(link, `the admin command printed a join link:\n${stdout}`);
  return link.trim();
}

/** Opens a fresh device on `link` (the app's own origin, as a member would). */
async function openLink(link) {
  return openApp(env.browser, env.relay, undefined, {}, { start: link.slice(link.indexOf("#")) });
}

/** Fills the join page and presses "Gå med". */
async function joinAs(page, device, organisation) {
  await page.getByRole("heading", { level: 1, name: "Gå med i rådet" }).waitFor({ timeout: 10_000 });
  await page.getByLabel("Enhetens namn", { exact: true }).fill(device);
  await page.getByLabel("Organisation", { exact: true }).fill(organisation);
  await page.getByRole("button", { name: "Gå med", exact: true }).click();
}

/** Makes an invitation on the members page and returns its link. */
async function invite(page, role, label) {
  await page.getByLabel("Behörighet", { exact: true }).selectOption(role);
  await page.getByLabel("Etikett (vem den är till)", { exact: true }).fill(label);
  await page.getByRole("button", { name: "Skapa inbjudan" }).click();
  const field = page.getByTestId("invitation-link");
  await field.waitFor({ timeout: 10_000 });
  const link = await field.inputValue();
  assert.match(link, /#\/join\/\w+\/[\w-]+$/, "the link to send");
  return link;
}

/** Renames the council on its details page and waits for "Sparat.". */
async function rename(page, name) {
  await page.evaluate(() => (location.hash = "#/about"));
  const field = page.getByLabel("Rådets namn", { exact: true });
  await field.waitFor({ timeout: 10_000 });
  await field.fill(name);
  await field.press("Enter");
  await page.locator("form", { has: field }).getByText("Sparat.").waitFor({ timeout: 10_000 });
}

/** Goes to the council page and waits for its heading to name the council `name`. */
async function councilNamed(page, name, ms = 20_000) {
  await page.evaluate(() => (location.hash = "#/"));
  await page.getByRole("heading", { level: 1, name, exact: true }).waitFor({ timeout: ms });
}

test("a council's members join by invitation, an editor syncs, a reader only reads and a revoked device is told", async () => {
  // A creates a council on a fresh device; the relay does not know it, so it does not sync.
  const a = await openApp(env.browser, env.relay, undefined, {}, { start: "fresh" });
  await a.page.getByLabel("Rådets namn", { exact: true }).fill("Dalslands e-råd");
  await a.page.getByLabel("Organisation som driver rådet", { exact: true }).fill("Dalslands kommunalförbund");
  await a.page.getByRole("button", { name: "Skapa ett råd" }).click();
  await a.page.getByRole("heading", { level: 1, name: "Uppgifter och mötesregler" }).waitFor({ timeout: 10_000 });
  const council = (await a.page.getByTestId("council-link").inputValue()).split("#/council/")[1];
  await waitForSyncStatus(a.page, "Synkar inte", 15_000, { prefix: true });

  // Registered on the relay with its id; A joins as processledare by the printed link.
  await admin("council-create", "--name", "Dalslands e-råd", "--id", council);
  const first = await admin("invite", "--council", council, "--role", "admin", "--uses", "1");
  await a.page.evaluate((hash) => (location.hash = hash), first.slice(first.indexOf("#")));
  await a.page.getByRole("heading", { level: 1, name: "Gå med i rådet" }).waitFor({ timeout: 10_000 });
  await expectNoAxeViolations(a.page, "join page");
  await joinAs(a.page, "Annas dator", "Dalsland");
  await a.page.getByRole("heading", { level: 1, name: "Dalslands e-råd" }).waitFor({ timeout: 10_000 });
  await waitForSyncStatus(a.page, "Sparat på servern", 20_000);

  // The members page, from settings: A's own device, and an editor invitation.
  await a.page.evaluate(() => (location.hash = "#/settings"));
  await a.page.getByRole("link", { name: "Medlemmar och inbjudningar" }).click();
  await a.page.getByRole("heading", { level: 1, name: "Medlemmar och inbjudningar" }).waitFor();
  await a.page.getByRole("rowheader", { name: "Annas dator (den här enheten)" }).waitFor({ timeout: 10_000 });
  const editorLink = await invite(a.page, "editor", "Per");
  await a.page.getByRole("rowheader", { name: "Per" }).waitFor({ timeout: 10_000 });
  await expectNoAxeViolations(a.page, "members page");

  // B joins as editor, sees the council's name, and an edit syncs both ways.
  const b = await openLink(editorLink);
  await joinAs(b.page, "Pers iPad", "Mellerud");
  await b.page.getByRole("heading", { level: 1, name: "Dalslands e-råd" }).waitFor({ timeout: 20_000 });
  await waitForSyncStatus(b.page, "Sparat på servern", 20_000);
  await rename(b.page, "Dalslands e-råd (B)");
  await waitForSyncStatus(b.page, "Sparat på servern", 20_000);
  await councilNamed(a.page, "Dalslands e-råd (B)");
  await rename(a.page, "Dalslands e-råd (A och B)");
  await councilNamed(b.page, "Dalslands e-råd (A och B)");

  // C joins as reader: told so in the header, and an edit is refused in words.
  await a.page.evaluate(() => (location.hash = "#/members"));
  const readerLink = await invite(a.page, "reader", "Lisa");
  const c = await openLink(readerLink);
  await joinAs(c.page, "Lisas telefon", "Bengtsfors");
  await c.page.getByRole("heading", { level: 1, name: "Dalslands e-råd (A och B)" }).waitFor({ timeout: 20_000 });
  await c.page.getByTestId("read-only").getByText("Läsbehörighet").waitFor();
  await c.page.evaluate(() => (location.hash = "#/about"));
  const place = c.page.getByLabel("Standardplats", { exact: true });
  await place.fill("Åmål");
  await place.press("Enter");
  await c.page.getByText("Du har läsbehörighet i det här rådet; ändringar sparas inte.").first().waitFor({ timeout: 5_000 });

  // A revokes C's device; C is told within seconds and keeps what it has.
  await a.page.getByRole("button", { name: "Hämta igen" }).click();
  await a.page.getByRole("rowheader", { name: "Lisas telefon" }).waitFor({ timeout: 10_000 });
  a.page.once("dialog", (d) => d.accept());
  await a.page.getByRole("button", { name: "Spärra (Lisas telefon)" }).click();
  await a.page.getByRole("row", { name: /Lisas telefon.*Spärrad/ }).waitFor({ timeout: 10_000 });
  await c.page.getByText("Enheten har spärrats i rådet.").first().waitFor({ timeout: 5_000 });
  await waitForSyncStatus(c.page, "Synkar inte · enheten är spärrad", 5_000);
  await councilNamed(c.page, "Dalslands e-råd (A och B)", 5_000);

  // A wrong code says why, and the device that has the council may go on with it.
  const wrong = `${first.slice(first.indexOf("#"), first.lastIndexOf("/"))}/inte-en-riktig-kod`;
  await c.page.evaluate((hash) => (location.hash = hash), wrong);
  await joinAs(c.page, "Lisas telefon", "Bengtsfors");
  await c.page.getByText("Inbjudan känns inte igen.").first().waitFor({ timeout: 10_000 });
  await c.page.getByRole("link", { name: "Fortsätt med det som finns på enheten" }).waitFor();
  // The first admin invitation was for one device: used up.
  await c.page.evaluate((hash) => (location.hash = hash), first.slice(first.indexOf("#")));
  await joinAs(c.page, "Lisas telefon", "Bengtsfors");
  await c.page.getByText("Inbjudan har redan använts så många gånger som den får.").first().waitFor({ timeout: 10_000 });

  for (const p of [a, b, c]) await p.context.close();
});
