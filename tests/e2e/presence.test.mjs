// Issue 3, presence (keyboard only): each member gives their name in Settings; when one puts the
// keyboard in an agenda item, the other sees who is editing it, and sees it go when they leave.
import { test } from "node:test";
import { openApp, relayAndBrowser, waitForSyncStatus, waitUntil } from "./support.mjs";
import { activate, openMeetingByKeyboard, tabTo } from "./keyboard.mjs";

const env = relayAndBrowser();

async function giveName(page, name) {
  await activate(page, page.getByRole("link", { name: "Inställningar" }), "Inställningar");
  await tabTo(page, page.getByLabel("Ditt namn", { exact: true }), "Ditt namn");
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");
  await page.getByRole("status").filter({ hasText: "Namnet är sparat på enheten." }).waitFor({ timeout: 5_000 });
  await activate(page, page.getByRole("link", { name: "Rådet", exact: true }), "Rådet");
}

test("members see who is editing which item", async () => {
  const a = await openApp(env.browser, env.relay);
  const b = await openApp(env.browser, env.relay);
  await giveName(a.page, "Anna Lärk Ståhlberg");
  await giveName(b.page, "Henrik Röste");
  await openMeetingByKeyboard(a.page, "2019-04-04", "efter");
  await openMeetingByKeyboard(b.page, "2019-04-04", "efter");
  await waitForSyncStatus(a.page, "Sparat på servern", 15_000);
  await waitForSyncStatus(b.page, "Sparat på servern", 15_000);

  const item3 = (page) => page.locator("section.item-minutes", { has: page.getByRole("heading", { name: /^Punkt 3 –/ }) }).locator(".editing-here");
  const item4 = (page) => page.locator("section.item-minutes", { has: page.getByRole("heading", { name: /^Punkt 4 –/ }) }).locator(".editing-here");

  // A puts the keyboard in item 3's notes: B sees Anna there; A does not see herself.
  await tabTo(a.page, a.page.getByLabel("Anteckningar punkt 3", { exact: true }), "the notes of item 3");
  await waitUntil(async () => (await item3(b.page).innerText()) === "Anna Lärk Ståhlberg skriver här", 10_000, "B to see Anna in item 3");
  await waitUntil(async () => (await item3(a.page).innerText()) === "", 2_000, "A not to see herself");

  // B joins item 3: A sees Henrik. Then A moves on to item 4.
  await tabTo(b.page, b.page.getByLabel("Anteckningar punkt 3", { exact: true }), "B in item 3");
  await waitUntil(async () => (await item3(a.page).innerText()) === "Henrik Röste skriver här", 10_000, "A to see Henrik in item 3");
  await tabTo(a.page, a.page.getByLabel("Anteckningar punkt 4", { exact: true }), "the notes of item 4");
  await waitUntil(async () => (await item4(b.page).innerText()) === "Anna Lärk Ståhlberg skriver här", 10_000, "B to see Anna move to item 4");
  await waitUntil(async () => (await item3(b.page).innerText()) === "", 10_000, "Anna gone from item 3 in B");

  // A goes back to the council page with the keyboard still in item 4: she is gone in B too.
  await a.page.goBack();
  await a.page.getByRole("heading", { name: "Frågor som lyfts till rådet" }).waitFor({ timeout: 10_000 });
  await waitUntil(async () => (await item4(b.page).innerText()) === "", 10_000, "Anna gone when she left");

  await a.context.close();
  await b.context.close();
});
