// Issue 3: justering. A approves the minutes; the lock holds in B's window (its fields are
// read-only); A reopens with a reason and B can edit again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fieldValue, openApp, openMeeting, openMeetingMode, relayAndBrowser, waitForSyncStatus, waitUntil } from "./support.mjs";

const env = relayAndBrowser();

test("approved minutes are locked in the other window until reopened with a reason", async () => {
  const a = await openApp(env.browser, env.relay);
  const b = await openApp(env.browser, env.relay);
  await openMeeting(a.page, "2019-04-04", "efter");
  await openMeeting(b.page, "2019-04-04", "efter");
  await waitForSyncStatus(a.page, "Sparat på servern", 15_000);

  const notes = "Anteckningar punkt 2";
  const notesB = b.page.getByLabel(notes, { exact: true });
  assert.equal(await notesB.isEditable(), true, "B can write before justering");

  await a.page.getByLabel("Justerare", { exact: true }).fill("Sara Herrman");
  await a.page.getByLabel("Justerare", { exact: true }).press("Tab");
  await a.page.getByRole("button", { name: "Justera som Sara Herrman" }).click();
  await a.page.getByText("Justerat av Sara Herrman").waitFor({ timeout: 10_000 });
  assert.equal(await a.page.getByText("Ändrat efter justering").count(), 0, "the approved version is the one shown");

  // B sees the lock: the approval, and its minutes and agenda fields are read-only.
  await b.page.getByText("Justerat av Sara Herrman").waitFor({ timeout: 15_000 });
  await waitUntil(async () => !(await notesB.isEditable()), 10_000, "B's notes to become read-only");
  assert.equal(await b.page.getByRole("button", { name: "Lägg till beslut punkt 2", exact: true }).isDisabled(), true);
  // The agenda, under Förbered, is locked too.
  await openMeetingMode(b.page, "forbered");
  assert.equal(await b.page.getByLabel("Beskrivning punkt 2", { exact: true }).isEditable(), false);
  await openMeetingMode(b.page, "efter");

  // Reopening needs a reason.
  await a.page.getByRole("button", { name: "Öppna igen" }).click();
  await a.page.getByRole("alert").filter({ hasText: "Skriv varför protokollet öppnas igen." }).waitFor({ timeout: 5_000 });
  await a.page.getByLabel("Skäl att öppna igen", { exact: true }).fill("Fel datum i punkt 2");
  await a.page.getByRole("button", { name: "Öppna igen" }).click();

  await waitUntil(async () => await notesB.isEditable(), 15_000, "B's notes to become editable again");
  // The reopening is recorded with who, when and why, and B sees it.
  await b.page.getByRole("list", { name: "Öppnat igen" }).getByText(/\d{4}-\d\d-\d\d \d\d:\d\d UTC — .+: Fel datum i punkt 2/).waitFor({ timeout: 15_000 });
  await notesB.click();
  await notesB.press("Control+End");
  await notesB.pressSequentially(" Rättat.");
  await notesB.blur();
  await waitUntil(async () => (await fieldValue(a.page, notes))?.endsWith(" Rättat."), 15_000, "B's edit to reach A");

  await a.context.close();
  await b.context.close();
});
