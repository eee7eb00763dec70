// Step 3 of the foundation: with the relay gone, both windows keep editing; a reload keeps
// everything (IndexedDB); when the relay is back, both converge without losing either's edits.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { fieldValue, launchBrowser, openApp, openMeeting, serveApp, startRelay, syncStatus, waitUntil } from "./support.mjs";

let relay, browser, app;
before(async () => {
  relay = await startRelay({});
  app = await serveApp();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await relay?.stop();
  relay?.cleanup();
});

test("edits made while the relay is down survive a reload and merge when it returns", async () => {
  const a = await openApp(browser, relay, app);
  const b = await openApp(browser, relay, app);
  await openMeeting(a.page, "2019-04-04");
  await openMeeting(b.page, "2019-04-04");
  await waitUntil(async () => (await syncStatus(a.page)) === "Sparat på servern", 15_000, "A saved on the server");

  await relay.stop();
  await waitUntil(async () => (await syncStatus(a.page)).startsWith("Offline"), 15_000, "A to say it is offline");

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

  relay = await startRelay({ port: relay.port, data: relay.data });
  await waitUntil(async () => (await fieldValue(a.page, "Beskrivning punkt 9")) === "Tillagd utan nät", 40_000, "B's item to reach A");
  await waitUntil(async () => (await fieldValue(b.page, label)) === `${original} (offline)`, 40_000, "A's edit to reach B");
  await waitUntil(async () => (await syncStatus(a.page)) === "Sparat på servern", 20_000, "A saved on the server");
  await waitUntil(async () => (await syncStatus(b.page)) === "Sparat på servern", 20_000, "B saved on the server");

  await a.context.close();
  await b.context.close();
});
