// Issue 3: two members write the minutes of one agenda item at once, one stretch of it with the
// relay down; both texts survive in both windows. A decision added in one window reaches the other.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fieldValue, openApp, openMeeting, relayAndBrowser, startRelay, waitForSyncStatus, waitUntil } from "./support.mjs";

const env = relayAndBrowser({ serveApp: true });

test("notes typed in two windows at once, partly offline, keep both people's words", async () => {
  const a = await openApp(env.browser, env.relay, env.app);
  const b = await openApp(env.browser, env.relay, env.app);
  await openMeeting(a.page, "2019-04-04", "efter");
  await openMeeting(b.page, "2019-04-04", "efter");
  await waitForSyncStatus(a.page, "Sparat på servern", 15_000);
  await waitForSyncStatus(b.page, "Sparat på servern", 15_000);

  const label = "Anteckningar punkt 1";
  const original = await fieldValue(a.page, label);
  assert.notEqual(original, null, "item 1 has a notes field");
  const notesA = a.page.getByLabel(label, { exact: true });
  const notesB = b.page.getByLabel(label, { exact: true });

  // Online, at the same time: A at the end, B at the start.
  await notesA.click();
  await notesA.press("Control+End");
  await notesB.click();
  await notesB.press("Control+Home");
  await Promise.all([notesA.pressSequentially(" [A online]"), notesB.pressSequentially("[B online] ")]);
  const online = `[B online] ${original} [A online]`;
  await waitUntil(async () => (await fieldValue(a.page, label)) === online, 15_000, "A to show both online edits");
  await waitUntil(async () => (await fieldValue(b.page, label)) === online, 15_000, "B to show both online edits");

  // The relay goes away; both keep writing into the same notes.
  await env.relay.stop();
  await waitForSyncStatus(b.page, "Offline", 15_000, { prefix: true });
  await notesA.press("Control+End");
  await notesB.press("Control+Home");
  await Promise.all([notesA.pressSequentially(" [A offline]"), notesB.pressSequentially("[B offline] ")]);
  await notesA.blur();
  await notesB.blur();
  assert.equal(await fieldValue(a.page, label), `${online} [A offline]`);
  assert.equal(await fieldValue(b.page, label), `[B offline] ${online}`);

  env.relay = await startRelay({ port: env.relay.port, data: env.relay.data });
  const merged = `[B offline] ${online} [A offline]`;
  await waitUntil(async () => (await fieldValue(a.page, label)) === merged, 40_000, `A to show "${merged}"`);
  await waitUntil(async () => (await fieldValue(b.page, label)) === merged, 40_000, `B to show "${merged}"`);

  // A decision is a list entry of its own: added and typed in A, it appears in B.
  await a.page.getByRole("button", { name: "Lägg till beslut punkt 1" }).click();
  const decision = a.page.getByLabel("Beslut 1 punkt 1", { exact: true });
  await decision.waitFor({ timeout: 10_000 });
  await decision.pressSequentially("Rådet godkänner dagordningen");
  await decision.blur();
  await waitUntil(async () => (await fieldValue(b.page, "Beslut 1 punkt 1")) === "Rådet godkänner dagordningen", 15_000, "the decision to reach B");

  await a.context.close();
  await b.context.close();
});
