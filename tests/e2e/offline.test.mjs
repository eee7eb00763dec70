// Step 3 of the foundation: with the relay gone, both windows keep editing; a reload keeps
// everything (IndexedDB); when the relay is back, both converge without losing either's edits.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fieldValue, openApp, openMeeting, relayAndBrowser, startRelay, syncStatus, waitForSyncStatus, waitUntil } from "./support.mjs";

const env = relayAndBrowser({ serveApp: true });

test("edits made while the relay is down survive a reload and merge when it returns", async () => {
  const a = await openApp(env.browser, env.relay, env.app);
  const b = await openApp(env.browser, env.relay, env.app);
  await openMeeting(a.page, "2019-04-04");
  await openMeeting(b.page, "2019-04-04");
  await waitForSyncStatus(a.page, "Sparat på servern", 15_000);

  await env.relay.stop();
  await waitForSyncStatus(a.page, "Offline", 15_000, { prefix: true });

  // A edits an existing description; B adds an item.
  const label = "Beskrivning punkt 3";
  const original = await fieldValue(a.page, label);
  const fieldA = a.page.getByLabel(label, { exact: true });
  await fieldA.click();
  await fieldA.press("Control+End");
  await fieldA.pressSequentially(" (offline)");
  await fieldA.blur();
  await b.page.getByRole("button", { name: "Lägg till punkt" }).click();
  await b.page.getByLabel("Beskrivning punkt 9", { exact: true }).pressSequentially("Tillagd utan nät");
  await b.page.getByLabel("Beskrivning punkt 9", { exact: true }).blur();
  await waitUntil(async () => (await syncStatus(b.page)).includes("Sparat på enheten"), 10_000, "B saved on the device");

  // A reload while offline reads everything back from IndexedDB.
  await a.page.reload();
  await a.page.getByLabel(label, { exact: true }).waitFor({ timeout: 20_000 });
  assert.equal(await fieldValue(a.page, label), `${original} (offline)`);

  env.relay = await startRelay({ port: env.relay.port, data: env.relay.data });
  await waitUntil(async () => (await fieldValue(a.page, "Beskrivning punkt 9")) === "Tillagd utan nät", 40_000, "B's item to reach A");
  await waitUntil(async () => (await fieldValue(b.page, label)) === `${original} (offline)`, 40_000, "A's edit to reach B");
  await waitForSyncStatus(a.page, "Sparat på servern", 20_000);
  await waitForSyncStatus(b.page, "Sparat på servern", 20_000);

  await a.context.close();
  await b.context.close();
});
