// The app opens with no network: after one visit, the page comes from the device (service
// worker) and the council and its meetings from IndexedDB, even when the server that served the
// app is gone. An edit made then reaches the server once it is back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fieldValue, openApp, openMeeting, relayAndBrowser, startRelay, waitForSyncStatus, waitUntil } from "./support.mjs";

const env = relayAndBrowser();

test("a reload with the server down opens the app and the meeting from the device", async () => {
  const { context, page } = await openApp(env.browser, env.relay);
  await openMeeting(page, "2019-04-04", "efter");
  await waitForSyncStatus(page, "Sparat på servern", 15_000);
  await waitUntil(() => page.evaluate(() => navigator.serviceWorker.controller !== null), 15_000, "the service worker to take over the page");

  await env.relay.stop();
  await waitForSyncStatus(page, "Offline", 15_000, { prefix: true });
  await page.reload();
  const label = "Anteckningar punkt 2";
  await page.getByLabel(label, { exact: true }).waitFor({ timeout: 20_000 });
  assert.match(await page.getByTestId("sync-status").innerText(), /^Offline/);

  const notes = page.getByLabel(label, { exact: true });
  await notes.focus();
  await notes.press("Control+End");
  await notes.pressSequentially(" Skrivet utan server.");
  await notes.blur();
  await waitUntil(async () => (await page.getByTestId("sync-status").innerText()).includes("Sparat på enheten"), 10_000, "the words to be saved on the device");

  env.relay = await startRelay({ port: env.relay.port, data: env.relay.data });
  await waitForSyncStatus(page, "Sparat på servern", 40_000);

  // Another member opening the meeting now gets the words written offline.
  const other = await openApp(env.browser, env.relay);
  await openMeeting(other.page, "2019-04-04", "efter");
  await waitUntil(async () => (await fieldValue(other.page, label))?.endsWith(" Skrivet utan server."), 20_000, "the offline words to reach another member");

  await other.context.close();
  await context.close();
});
