// Step 4 of the foundation: "Saved on the server" is only shown once the relay has stored the
// change, so killing the relay with SIGKILL right then loses nothing.
import { test } from "node:test";
import { fieldValue, openApp, openMeeting, relayAndBrowser, startRelay, waitForSyncStatus, waitUntil } from "./support.mjs";

const env = relayAndBrowser();

test("a change shown as saved on the server survives the relay being killed", async () => {
  const a = await openApp(env.browser, env.relay);
  await openMeeting(a.page, "2020-09-10");
  const label = "Beskrivning punkt 1";
  const field = a.page.getByLabel(label, { exact: true });
  for (let round = 1; round <= 3; round++) {
    await field.click();
    await field.press("Control+End");
    await field.pressSequentially(` #${round}`);
    await field.blur();
    await waitForSyncStatus(a.page, "Sparat på servern", 20_000);
    const text = await fieldValue(a.page, label);
    await env.relay.stop("SIGKILL");
    env.relay = await startRelay({ port: env.relay.port, data: env.relay.data });
    // A member who has never opened Rådslag gets the change from the relay alone.
    const fresh = await openApp(env.browser, env.relay);
    await openMeeting(fresh.page, "2020-09-10");
    await waitUntil(async () => (await fieldValue(fresh.page, label)) === text, 20_000, `round ${round}: "${text}" after SIGKILL`);
    await fresh.context.close();
  }
  await a.context.close();
});
