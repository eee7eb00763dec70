// Step 4 of the foundation: "Saved on the server" is only shown once the relay has stored the
// change, so killing the relay with SIGKILL right then loses nothing.
import { test, after, before } from "node:test";
import { fieldValue, launchBrowser, openApp, openMeeting, startRelay, syncStatus, waitUntil } from "./support.mjs";

let relay, browser;
before(async () => {
  relay = await startRelay({});
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await relay?.stop();
  relay?.cleanup();
});

test("a change shown as saved on the server survives the relay being killed", async () => {
  const a = await openApp(browser, relay);
  await openMeeting(a.page, "2020-09-10");
  const label = "Beskrivning punkt 1";
  const field = a.page.getByLabel(label, { exact: true });
  for (let round = 1; round <= 3; round++) {
    await field.click();
    await field.press("Control+End");
    await field.pressSequentially(` #${round}`);
    await field.blur();
    await waitUntil(async () => (await syncStatus(a.page)) === "Sparat på servern", 20_000, `round ${round}: saved on the server`).catch(async (e) => { throw new Error(`${e.message}; A shows "${await syncStatus(a.page)}"`); });
    const text = await fieldValue(a.page, label);
    await relay.stop("SIGKILL");
    relay = await startRelay({ port: relay.port, data: relay.data });
    // A member who has never opened Rådslag gets the change from the relay alone.
    const fresh = await openApp(browser, relay);
    await openMeeting(fresh.page, "2020-09-10");
    await waitUntil(async () => (await fieldValue(fresh.page, label)) === text, 20_000, `round ${round}: "${text}" after SIGKILL`);
    await fresh.context.close();
  }
  await a.context.close();
});
