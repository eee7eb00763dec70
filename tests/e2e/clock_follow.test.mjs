// Issue 3, during the meeting (Under mötet): the chair runs the clock (actual times kept, how far
// behind plan in words), tablets that follow the chair show the item being shown — but never move
// someone who is typing — and closing the meeting names the open A items first. Keyboard only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, relayAndBrowser, waitForSyncStatus, waitUntil } from "./support.mjs";
import { activate, focused, openMeetingByKeyboard, tabTo } from "./keyboard.mjs";

const env = relayAndBrowser();

/** Whether Under mötet shows item `number` on `page`, marked as the one the chair shows. */
async function isShownAndCurrent(page, number) {
  const section = page.locator(".shown-item section.item-minutes");
  if ((await section.count()) !== 1) return false;
  if (!new RegExp(`^Punkt ${number} –`).test(await section.locator("h2").innerText())) return false;
  return (await section.getAttribute("aria-current")) === "true";
}

test("the chair runs the clock and the following tablet shows the current item", async () => {
  const chair = await openApp(env.browser, env.relay);
  const tablet = await openApp(env.browser, env.relay);
  await openMeetingByKeyboard(chair.page, "2020-09-10", "mote");
  await openMeetingByKeyboard(tablet.page, "2020-09-10", "mote");
  await waitForSyncStatus(chair.page, "Sparat på servern", 15_000);

  await tabTo(tablet.page, tablet.page.getByRole("checkbox", { name: /^Följ ordföranden/ }), "Följ ordföranden");
  await tablet.page.keyboard.press("Space");

  // The chair starts item 1; the clock says how the meeting stands against its plan.
  const startButton = chair.page.getByRole("button", { name: "Starta punkt 1" });
  await activate(chair.page, startButton, "Starta punkt 1");
  const summary = chair.page.locator(".clock-summary");
  await waitUntil(async () => /min efter planen|min före planen|Enligt planen/.test(await summary.innerText()), 5_000, "the clock to state the plan");
  assert.match(await summary.innerText(), /beräknat slut \d\d:\d\d/);
  await waitUntil(() => isShownAndCurrent(tablet.page, 1), 15_000, "the tablet to show item 1");

  // "Nästa punkt": the same button, still focused; item 1 gets its actual end.
  assert.equal(await focused(chair.page), "Nästa punkt");
  await chair.page.keyboard.press("Enter");
  await waitUntil(() => isShownAndCurrent(tablet.page, 2), 15_000, "the tablet to follow to item 2");
  const row1 = chair.page.locator("table.clock-table tbody tr").first();
  await waitUntil(async () => /\bKlar\b/.test(await row1.innerText()), 5_000, "item 1 to be done");
  const cells = (await row1.locator("td").allInnerTexts()).map((c) => c.trim());
  assert.match(cells[2], /^\d\d:\d\d$/, "item 1 keeps its actual start");
  assert.match(cells[3], /^\d\d:\d\d$/, "item 1 keeps its actual end");

  // "Visa för alla" on item 4 without starting it.
  await activate(chair.page, chair.page.getByRole("button", { name: "Visa för alla 4", exact: true }), "Visa för alla 4");
  await waitUntil(() => isShownAndCurrent(tablet.page, 4), 15_000, "the tablet to show item 4");

  // Someone typing on the tablet is not moved when the chair shows another item; the tablet
  // names the chair's item instead.
  await tablet.page.keyboard.press("PageUp");
  await tablet.page.keyboard.press("PageUp");
  await waitUntil(async () => (await tablet.page.locator(".shown-item h2").innerText()).startsWith("Punkt 2 –"), 10_000, "the tablet to go back to item 2");
  const notes = tablet.page.getByLabel("Anteckningar punkt 2", { exact: true });
  await tabTo(tablet.page, notes, "the notes of item 2");
  await tablet.page.keyboard.type("Noterat.");
  await activate(chair.page, chair.page.getByRole("button", { name: "Visa för alla 5", exact: true }), "Visa för alla 5");
  await tablet.page.locator(".chair-shows").getByRole("link", { name: /^Punkt 5 –/ }).waitFor({ timeout: 15_000 });
  assert.equal(await focused(tablet.page), "Anteckningar punkt 2", "the typist keeps the keyboard");
  assert.match(await tablet.page.locator(".shown-item h2").innerText(), /^Punkt 2 –/, "the typist stays on their item");

  // Closing the meeting: the A item without decision or action is named first.
  await activate(chair.page, chair.page.getByRole("button", { name: "Avsluta mötet" }), "Avsluta mötet");
  await chair.page.getByRole("alert").filter({ hasText: "Arbetspunkter (A) utan beslut eller åtgärd: punkt 5" }).waitFor({ timeout: 5_000 });
  await activate(chair.page, chair.page.getByRole("button", { name: "Avsluta ändå" }), "Avsluta ändå");
  await chair.page.getByText("Mötet är avslutat.").waitFor({ timeout: 5_000 });
  await tablet.page.getByText("Mötet är avslutat.").waitFor({ timeout: 15_000 });

  await chair.context.close();
  await tablet.context.close();
});
