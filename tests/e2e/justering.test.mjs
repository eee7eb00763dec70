// Issue 3, justering with the keyboard only: the meeting gets the next number in sequence and a
// diarienummer; two justerare each approve the version on their own screen; the first approval
// locks the minutes, the second is still awaited and then recorded; action items can be marked done.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fieldValue, openApp, relayAndBrowser, waitForSyncStatus, waitUntil } from "./support.mjs";
import { activate, focused, openMeetingByKeyboard, tabTo } from "./keyboard.mjs";

const env = relayAndBrowser();

test("two justerare approve in their own windows; number and diarienummer are kept", async () => {
  const a = await openApp(env.browser, env.relay);
  const b = await openApp(env.browser, env.relay);
  await openMeetingByKeyboard(a.page, "2020-09-10", "efter");
  await openMeetingByKeyboard(b.page, "2020-09-10", "efter");
  await waitForSyncStatus(a.page, "Sparat på servern", 15_000);

  // The demo's first meeting is number 1, so this one is proposed number 2.
  await activate(a.page, a.page.getByRole("button", { name: "Ge mötet nästa nummer: 2" }), "the next number");
  await waitUntil(async () => (await fieldValue(a.page, "Mötesnummer")) === "2", 5_000, "number 2");
  await tabTo(a.page, a.page.getByLabel("Diarienummer", { exact: true }), "Diarienummer");
  await a.page.keyboard.type("FYR 2020/123");
  await a.page.keyboard.press("Tab");

  // An action item, followed up: marked done with Space.
  await activate(a.page, a.page.getByRole("button", { name: "Lägg till åtgärd punkt 5", exact: true }), "Lägg till åtgärd punkt 5");
  await waitUntil(async () => (await focused(a.page)) === "Åtgärd 1 punkt 5", 5_000, "focus in the new action item");
  await a.page.keyboard.type("Sammanställ färdplanen");
  await tabTo(a.page, a.page.getByRole("checkbox", { name: "Klar åtgärd 1 punkt 5" }), "the action item's done box");
  await a.page.keyboard.press("Space");

  await tabTo(a.page, a.page.getByLabel("Justerare", { exact: true }), "Justerare");
  await a.page.keyboard.type("Henrik Röste, Sara Herrman");
  await a.page.keyboard.press("Tab");

  // B sees the registry data and the action item done.
  await waitUntil(async () => (await fieldValue(b.page, "Diarienummer")) === "FYR 2020/123", 15_000, "B to see the diarienummer");
  assert.equal(await fieldValue(b.page, "Mötesnummer"), "2");
  await waitUntil(() => b.page.getByRole("checkbox", { name: "Klar åtgärd 1 punkt 5" }).isChecked(), 15_000, "B to see the action item done");
  await b.page.getByRole("button", { name: "Justera som Sara Herrman" }).waitFor({ timeout: 15_000 });

  // Henrik approves in A: locked at once, Sara still awaited.
  await activate(a.page, a.page.getByRole("button", { name: "Justera som Henrik Röste" }), "Justera som Henrik Röste");
  await a.page.getByText("Justerat av Henrik Röste").waitFor({ timeout: 5_000 });
  await a.page.getByText("Väntar på justering av: Sara Herrman").waitFor({ timeout: 5_000 });
  await b.page.getByText("Justerat av Henrik Röste").waitFor({ timeout: 15_000 });
  await waitUntil(async () => !(await b.page.getByLabel("Anteckningar punkt 2", { exact: true }).isEditable()), 10_000, "B's minutes to lock");
  assert.equal(await b.page.getByLabel("Diarienummer", { exact: true }).isEditable(), true, "the registrar can still write the diarienummer");

  // Sara approves in B, the version on her screen.
  await activate(b.page, b.page.getByRole("button", { name: "Justera som Sara Herrman" }), "Justera som Sara Herrman");
  await b.page.getByText("Justerat av Henrik Röste, Sara Herrman").waitFor({ timeout: 5_000 });
  await a.page.getByText("Justerat av Henrik Röste, Sara Herrman").waitFor({ timeout: 15_000 });
  assert.equal(await a.page.getByText("Väntar på justering av").count(), 0);
  assert.equal(await a.page.getByText("Ändrat efter justering").count(), 0, "nobody changed the minutes after approving");

  await a.context.close();
  await b.context.close();
});
