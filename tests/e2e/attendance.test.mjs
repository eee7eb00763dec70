// Issue 3, attendance: the sheet starts from the council's members; marks made in one window
// (keyboard only) reach the other; a guest can be added; attendance per municipality is one
// link away.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, relayAndBrowser, waitForSyncStatus, waitUntil } from "./support.mjs";
import { activate, openMeetingByKeyboard, tabTo } from "./keyboard.mjs";

const env = relayAndBrowser();

const mark = (page, name) => page.getByRole("combobox", { name: `Närvaro ${name}`, exact: true });

test("members are marked attending or with regrets, and the other window sees it", async () => {
  const a = await openApp(env.browser, env.relay);
  const b = await openApp(env.browser, env.relay);
  await openMeetingByKeyboard(a.page, "2019-04-04");
  await openMeetingByKeyboard(b.page, "2019-04-04");
  await waitForSyncStatus(a.page, "Sparat på servern", 15_000);

  // Seed 002: twelve attended, three sent regrets; the chair is a member not in those lists.
  const counts = (page) => page.locator(".attendance-counts").innerText();
  assert.equal(await counts(a.page), "Deltagare: 12 · Förhindrade: 3");
  assert.equal(await mark(a.page, "Henrik Röste").inputValue(), "attending");
  assert.equal(await mark(a.page, "Sara Herrman").inputValue(), "", "members start unmarked");

  // A marks the chair attending (arrow key on the select) and Henrik with regrets.
  await tabTo(a.page, mark(a.page, "Sara Herrman"), "Sara Herrman's mark");
  await a.page.keyboard.press("ArrowDown");
  await waitUntil(async () => (await counts(a.page)) === "Deltagare: 13 · Förhindrade: 3", 5_000, "A to count the chair");
  await tabTo(a.page, mark(a.page, "Henrik Röste"), "Henrik Röste's mark");
  await a.page.keyboard.press("ArrowDown");
  await waitUntil(async () => (await counts(a.page)) === "Deltagare: 12 · Förhindrade: 4", 5_000, "A to move Henrik to regrets");
  assert.equal(await a.page.evaluate(() => document.activeElement?.getAttribute("aria-label")), "Närvaro Henrik Röste", "the keyboard stays on the row");

  // A guest.
  await tabTo(a.page, a.page.getByRole("textbox", { name: "Namn (gäst)" }), "the guest's name");
  await a.page.keyboard.type("Eva Gäst");
  await a.page.keyboard.press("Tab");
  await a.page.keyboard.type("DIGG");
  await a.page.keyboard.press("Enter");
  await waitUntil(async () => (await counts(a.page)) === "Deltagare: 13 · Förhindrade: 4", 5_000, "A to count the guest");

  // B sees all of it.
  await waitUntil(async () => (await counts(b.page)) === "Deltagare: 13 · Förhindrade: 4", 15_000, "B to see the new marks");
  assert.equal(await mark(b.page, "Sara Herrman").inputValue(), "attending");
  assert.equal(await mark(b.page, "Henrik Röste").inputValue(), "regrets");
  assert.equal(await mark(b.page, "Eva Gäst").inputValue(), "attending");
  assert.match(await b.page.locator("tr", { has: mark(b.page, "Eva Gäst") }).innerText(), /DIGG/);

  // Attendance per municipality, one link away.
  await activate(b.page, b.page.getByRole("link", { name: "Närvaro per kommun" }), "Närvaro per kommun");
  const table = b.page.getByRole("table", { name: /Närvaro per kommun 2019/ });
  await table.waitFor({ timeout: 10_000 });
  const row = async (org) => (await table.getByRole("row", { name: new RegExp(`^${org}\\b`) }).first().innerText()).split("\t").map((c) => c.trim());
  // Färgelanda: Henrik now with regrets, Susanne Korduner attending.
  await waitUntil(async () => (await row("Färgelanda")).join("|") === "Färgelanda|1|1|1", 10_000, "Färgelanda's row");
  assert.deepEqual(await row("Bengtsfors"), ["Bengtsfors", "0", "0", "0"], "a municipality never present is listed too");

  await a.context.close();
  await b.context.close();
});
