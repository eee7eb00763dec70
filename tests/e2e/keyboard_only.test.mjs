// Issue 3, keyboard only: plan a meeting and a year, open a meeting, build its agenda (add, type, reorder,
// remove and restore, paste a table), write minutes with a decision and an action item, and
// switch language — with Tab, Enter, arrow keys, typing and Ctrl+V, never the mouse. Every
// control is reached by walking the Tab order, so a control that Tab skips fails the test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fieldValue, openApp, relayAndBrowser, waitUntil } from "./support.mjs";
import { activate, focused, switchModeByKeyboard, tabTo } from "./keyboard.mjs";

const env = relayAndBrowser();

test("a member plans a meeting, builds its agenda and writes minutes without a mouse", async () => {
  const { context, page } = await openApp(env.browser, env.relay);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);

  // Plan: "Nytt möte" (one button away on the council page) far enough ahead to keep the notice rule (but with no beredningsmöte).
  await activate(page, page.getByRole("button", { name: "Nytt möte" }), "Nytt möte");
  await tabTo(page, page.getByLabel("Datum", { exact: true }), "the new meeting's date");
  // A text field read as YYYY-MM-DD: typed the Swedish way, whatever the browser's language.
  await page.keyboard.type("2027-03-15");
  await tabTo(page, page.getByLabel("Plats", { exact: true }), "the place");
  await page.keyboard.type("Stadshuset, Vänersborg");
  // The rules are checked as the form is filled in, and said in words.
  await page.getByText("Det finns inget beredningsmöte två veckor före (omkring 2027-03-01).", { exact: false }).waitFor({ timeout: 5_000 });
  await tabTo(page, page.getByRole("button", { name: "Skapa mötet" }), "Skapa mötet");
  await page.keyboard.press("Enter");
  await page.getByRole("status").filter({ hasText: "Skapade E-rådsmöte 2027-03-15" }).waitFor({ timeout: 10_000 });

  // Open it from the council's meeting list.
  await tabTo(page, page.getByRole("link", { name: /2027-03-15/ }), "the new meeting's link");
  await page.keyboard.press("Enter");
  const addItem = page.getByRole("button", { name: "Lägg till punkt" });
  await addItem.waitFor({ timeout: 10_000 });
  await page.getByRole("heading", { level: 1, name: "E-rådsmöte 2027-03-15" }).waitFor();

  // Agenda: adding an item puts the keyboard in its description.
  await tabTo(page, addItem, "Lägg till punkt");
  await page.keyboard.press("Enter");
  await waitUntil(async () => (await focused(page)) === "Beskrivning punkt 1", 5_000, "focus in item 1's description");
  await page.keyboard.type("Välkomna");
  await page.keyboard.press("Tab");
  assert.equal(await focused(page), "Ansvarig punkt 1");
  await page.keyboard.type("Ordföranden");
  await page.keyboard.press("Tab");
  assert.equal(await focused(page), "Ca tid punkt 1");
  await page.keyboard.press("Tab");
  assert.equal(await focused(page), "Minuter punkt 1");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("10");
  await page.keyboard.press("Tab");

  await tabTo(page, addItem, "Lägg till punkt");
  await page.keyboard.press("Enter");
  await waitUntil(async () => (await focused(page)) === "Beskrivning punkt 2", 5_000, "focus in item 2's description");
  await page.keyboard.type("Handlingsplanen");
  await page.keyboard.press("Tab");

  const order = () => page.locator("section.agenda tbody tr textarea").evaluateAll((ts) => ts.map((t) => t.value));
  await waitUntil(async () => (await order()).join("|") === "Välkomna|Handlingsplanen", 5_000, "both items in the agenda");
  // The start times follow from the lengths: item 2 starts ten minutes after the meeting.
  const start2 = page.getByLabel("Ca tid punkt 2", { exact: true });
  await waitUntil(async () => (await start2.getAttribute("placeholder")) === "13:10", 5_000, "item 2 to start at 13:10");
  // A fixed start: a wrong time is said in words; a right one ("13.30", as the council writes it) is kept.
  await tabTo(page, start2, "item 2's start time");
  await page.keyboard.type("halv två");
  await page.keyboard.press("Tab");
  await page.getByRole("alert").filter({ hasText: "Skriv tiden som TT:MM" }).waitFor({ timeout: 5_000 });
  await start2.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("13.30");
  await page.keyboard.press("Tab");
  await waitUntil(async () => (await start2.inputValue()) === "13:30", 5_000, "item 2's fixed start to read 13:30");
  assert.equal(await page.getByText("Skriv tiden som TT:MM").count(), 0, "the complaint goes once the time is right");

  // Reorder: the keyboard stays on the moved row's button.
  await tabTo(page, page.getByRole("button", { name: "Flytta upp 2", exact: true }), "Flytta upp 2");
  await page.keyboard.press("Enter");
  await waitUntil(async () => (await order()).join("|") === "Handlingsplanen|Välkomna", 5_000, "item 2 first");
  await waitUntil(async () => /Flytta (upp|ned) 2/.test(await focused(page)), 5_000, "focus to stay on item 2's move buttons");

  // Remove item 1, then restore it from the removed items.
  await tabTo(page, page.getByRole("button", { name: "Ta bort 1", exact: true }), "Ta bort 1");
  await page.keyboard.press("Enter");
  await waitUntil(async () => (await order()).join("|") === "Handlingsplanen", 5_000, "item 1 removed");
  await tabTo(page, page.getByRole("button", { name: /Återställ 1/ }), "Återställ 1");
  await page.keyboard.press("Enter");
  await waitUntil(async () => (await order()).length === 2, 5_000, "item 1 restored");

  // Paste an agenda table from the clipboard, as copied from Word; the bad row is reported.
  await page.evaluate((t) => navigator.clipboard.writeText(t), "3\tA\tPrioritera initiativ\tAlla\t13.30\nfyra\tX");
  await tabTo(page, page.getByRole("textbox", { name: "Klistra in dagordning", exact: true }), "the paste field");
  await page.keyboard.press("Control+V");
  await tabTo(page, page.getByRole("button", { name: "Lägg till inklistrade punkter" }), "Lägg till inklistrade punkter");
  await page.keyboard.press("Enter");
  await page.getByRole("status").filter({ hasText: "Punkter tillagda: 1" }).waitFor({ timeout: 5_000 }).catch(async (e) => {
    throw new Error(`${e.message}\nthe paste section shows: ${await page.locator(".paste-agenda").innerText()}`);
  });
  await page.getByRole("alert").filter({ hasText: "fyra" }).waitFor({ timeout: 5_000 });

  // Minutes, in the mode for all of them (Efter): the new A item is open work until it has a decision.
  await switchModeByKeyboard(page, "efter");
  const openWork = page.locator(".open-work-list");
  await openWork.getByText("Punkt 3 – Prioritera initiativ").waitFor({ timeout: 5_000 });
  await tabTo(page, page.getByLabel("Anteckningar punkt 3", { exact: true }), "the notes of item 3");
  await page.keyboard.type("Rådet går igenom förslagen.");
  await tabTo(page, page.getByRole("button", { name: "Lägg till beslut punkt 3", exact: true }), "Lägg till beslut punkt 3");
  await page.keyboard.press("Enter");
  await waitUntil(async () => (await focused(page)) === "Beslut 1 punkt 3", 5_000, "focus in the new decision");
  await page.keyboard.type("Tre initiativ prioriteras.");
  await page.keyboard.press("Tab");
  await waitUntil(async () => (await openWork.count()) === 0, 5_000, "item 3 to leave the open work list");

  await tabTo(page, page.getByRole("button", { name: "Lägg till åtgärd punkt 3", exact: true }), "Lägg till åtgärd punkt 3");
  await page.keyboard.press("Enter");
  await waitUntil(async () => (await focused(page)) === "Åtgärd 1 punkt 3", 5_000, "focus in the new action item");
  await page.keyboard.type("Skicka prioriteringen till beredningen");
  await tabTo(page, page.getByLabel("Vem åtgärd 1 punkt 3", { exact: true }), "who");
  await page.keyboard.type("Sara Herrman");
  await page.keyboard.press("Tab");
  assert.equal(await fieldValue(page, "Anteckningar punkt 3"), "Rådet går igenom förslagen.");
  assert.equal(await fieldValue(page, "Vem åtgärd 1 punkt 3"), "Sara Herrman");

  // Language: the switch in the header, then back.
  await tabTo(page, page.getByRole("button", { name: /^English/ }), "the language switch");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Minutes", exact: true }).waitFor({ timeout: 5_000 });
  assert.equal(await fieldValue(page, "Notes item 3"), "Rådet går igenom förslagen.");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Protokoll", exact: true }).waitFor({ timeout: 5_000 });

  // What was typed is in the document: a reload shows it from this device.
  await page.reload();
  await page.getByLabel("Åtgärd 1 punkt 3", { exact: true }).waitFor({ timeout: 20_000 });
  assert.equal(await fieldValue(page, "Åtgärd 1 punkt 3"), "Skicka prioriteringen till beredningen");
  assert.equal(await fieldValue(page, "Beslut 1 punkt 3"), "Tre initiativ prioriteras.");

  // Back on the council page: a whole year planned from the rules in one step.
  await tabTo(page, page.getByRole("link", { name: /Till rådet/ }), "Till rådet");
  await page.keyboard.press("Enter");
  await activate(page, page.getByRole("button", { name: "Nytt möte" }), "Nytt möte");
  await tabTo(page, page.getByRole("button", { name: "Planera året" }), "Planera året");
  await page.keyboard.press("Enter");
  const createAll = page.getByRole("button", { name: /^Skapa alla \d+ möten$/ });
  await tabTo(page, createAll, "Skapa alla");
  const count = Number((await createAll.innerText()).match(/\d+/)[0]);
  assert.ok(count >= 6, `a year has at least six council meetings (got ${count})`);
  await page.keyboard.press("Enter");
  await page.getByRole("status").filter({ hasText: `Skapade ${count} möten.` }).waitFor({ timeout: 10_000 });

  await context.close();
});
