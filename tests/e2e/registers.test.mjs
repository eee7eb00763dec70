// Issue 3, registers: the decisions register and the action-item list across all meetings,
// filtered by person, municipality and status; an overdue action item says so in words; marking
// one done in the list reaches another member. Keyboard only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, relayAndBrowser, waitForSyncStatus, waitUntil } from "./support.mjs";
import { activate, focused, openMeetingByKeyboard, tabTo } from "./keyboard.mjs";

const env = relayAndBrowser();

const rows = (page, table) => page.locator(`table.${table} tbody tr`);
const texts = async (page, table) => (await rows(page, table).allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());

test("decisions and action items across meetings, filtered, with overdue items marked", async () => {
  const a = await openApp(env.browser, env.relay);
  const b = await openApp(env.browser, env.relay);

  // A gives item 5 of the 2020-09-10 meeting an action item that was due long ago.
  await openMeetingByKeyboard(a.page, "2020-09-10", "efter");
  await waitForSyncStatus(a.page, "Sparat på servern", 15_000);
  await activate(a.page, a.page.getByRole("button", { name: "Lägg till åtgärd punkt 5", exact: true }), "Lägg till åtgärd punkt 5");
  await waitUntil(async () => (await focused(a.page)) === "Åtgärd 1 punkt 5", 5_000, "focus in the new action item");
  await a.page.keyboard.type("Skriv ett förslag till färdplan");
  await a.page.keyboard.press("Tab");
  await tabTo(a.page, a.page.getByLabel("Vem åtgärd 1 punkt 5", { exact: true }), "who");
  await a.page.keyboard.type("Sara Herrman");
  await a.page.keyboard.press("Tab");
  assert.equal(await focused(a.page), "Klart senast åtgärd 1 punkt 5");
  await a.page.keyboard.type("2020-10-01"); // the Swedish way, whatever the browser's language
  await a.page.keyboard.press("Tab");
  await waitForSyncStatus(a.page, "Sparat på servern", 15_000);

  // B opens the registers from the main menu.
  await activate(b.page, b.page.getByRole("link", { name: "Register", exact: true }), "Register");
  await b.page.getByRole("heading", { name: "Åtgärdslista" }).waitFor({ timeout: 10_000 });
  await waitUntil(async () => (await rows(b.page, "actions-register").count()) === 2, 20_000, "both action items in B's list");
  const overdue = rows(b.page, "actions-register").filter({ hasText: "Skriv ett förslag till färdplan" });
  assert.match(await overdue.innerText(), /Försenad/, "the overdue item says so in words");
  assert.match(await overdue.innerText(), /2020-10-01/);
  const decisions = await texts(b.page, "decisions-register");
  assert.equal(decisions.length, 2, "the demo's two decisions");
  assert.ok(decisions.some((d) => d.includes("Henrik Röste till ordförande")));

  // Filters: a person narrows both registers; a municipality narrows the action items.
  await tabTo(b.page, b.page.getByLabel("Person", { exact: true }), "the person filter");
  await b.page.keyboard.type("Henrik");
  await waitUntil(async () => (await rows(b.page, "decisions-register").count()) === 1, 5_000, "one decision naming Henrik");
  assert.equal(await rows(b.page, "actions-register").count(), 0);
  await b.page.getByLabel("Person", { exact: true }).focus();
  await b.page.keyboard.press("Home");
  await waitUntil(async () => (await rows(b.page, "decisions-register").count()) === 2, 5_000, "the person filter cleared");
  await tabTo(b.page, b.page.getByLabel("Kommun/organisation", { exact: true }), "the municipality filter");
  await b.page.keyboard.type("Fyrbodals");
  await waitUntil(async () => (await texts(b.page, "actions-register")).join("|").startsWith("Skriv ett förslag"), 5_000, "only Sara's (Fyrbodals kommunalförbund) item");
  assert.equal(await rows(b.page, "actions-register").count(), 1);
  await b.page.keyboard.press("Home");
  await waitUntil(async () => (await rows(b.page, "actions-register").count()) === 2, 5_000, "the municipality filter cleared");

  // B marks the overdue item done (Space on its checkbox); it stops being overdue, also for A.
  await tabTo(b.page, b.page.getByRole("checkbox", { name: "Klar: Skriv ett förslag till färdplan" }), "the done checkbox");
  await b.page.keyboard.press("Space");
  await waitUntil(async () => !/Försenad/.test(await overdue.innerText()), 5_000, "the item to be done, not overdue");
  await tabTo(b.page, b.page.getByLabel("Status", { exact: true }), "the status filter");
  await b.page.keyboard.type("Klar");
  await waitUntil(async () => (await rows(b.page, "actions-register").count()) === 1, 5_000, "only the done item");

  await activate(a.page, a.page.getByRole("link", { name: "Register", exact: true }), "Register");
  await a.page.getByRole("heading", { name: "Åtgärdslista" }).waitFor({ timeout: 10_000 });
  await waitUntil(async () => (await rows(a.page, "actions-register").filter({ hasText: "Skriv ett förslag" }).innerText()).includes("Klar"), 15_000, "A to see it done");

  await a.context.close();
  await b.context.close();
});
