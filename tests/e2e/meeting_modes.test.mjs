// Issue 13, the meeting's modes: Förbered, Under mötet and Efter are links with their own URLs;
// Under mötet shows one item at a time and moves by buttons, PageUp/PageDown (Alt inside a text
// field) and a swipe, the URL following; a reload lands on the same mode and item; a tablet
// that follows the chair shows the item the chair shows. Keyboard only, except the swipe.
import { test } from "node:test";
import assert from "node:assert/strict";
import { modeInUrl, openApp, relayAndBrowser, waitForSyncStatus, waitUntil } from "./support.mjs";
import { activate, focused, openMeetingByKeyboard, switchModeByKeyboard, tabTo } from "./keyboard.mjs";

const env = relayAndBrowser();

/** The number of the item Under mötet shows, from its large heading ("Punkt 3 – …"). */
async function shownNumber(page) {
  const title = page.locator(".shown-item h2.item-title");
  if ((await title.count()) === 0) return null;
  return (await title.innerText()).match(/^Punkt (\S+) –/)?.[1] ?? (await title.innerText());
}

const itemInUrl = (page) => page.url().match(/\/mote\/([0-9a-f-]{36})$/)?.[1] ?? null;

async function waitForItem(page, number, what) {
  await waitUntil(async () => (await shownNumber(page)) === number && itemInUrl(page) !== null, 10_000, `${what}: item ${number} (shows ${await shownNumber(page)}, url ${page.url()})`);
}

test("a member moves between the modes and the items by keyboard, and a reload keeps the place", async () => {
  const { page, context } = await openApp(env.browser, env.relay);
  // A bare meeting link opens the mode that fits a meeting not begun: Förbered, named in the URL.
  await openMeetingByKeyboard(page, "2020-09-10");
  assert.equal(modeInUrl(page), "forbered");
  const modes = page.getByRole("navigation", { name: "Mötets lägen" });
  assert.equal(await modes.getByRole("link", { name: "Förbered" }).getAttribute("aria-current"), "page");

  await switchModeByKeyboard(page, "mote");
  assert.equal(await modes.getByRole("link", { name: "Under mötet" }).getAttribute("aria-current"), "page");
  assert.equal(await modes.getByRole("link", { name: "Förbered" }).getAttribute("aria-current"), null);
  // Nothing is shown to everyone and nothing has started: the first item, alone.
  assert.equal(await shownNumber(page), "1");
  assert.equal(await page.locator(".shown-item section.item-minutes").count(), 1, "one item at a time");
  await page.getByText(/^Därefter: Punkt 2 – Status för e-rådets arbete/).waitFor();
  assert.equal(await page.getByRole("status").filter({ hasText: /^Punkt 1 av 6$/ }).count(), 1);

  // PageDown with the keyboard on the mode switch (not in a text field) goes to the next item.
  await page.keyboard.press("PageDown");
  await waitForItem(page, "2", "PageDown");
  assert.equal(await focused(page), "Under mötet", "the keyboard stays where it was");
  // The next button, by Tab and Enter; the keyboard stays on it.
  await activate(page, page.getByRole("button", { name: "Nästa: punkt 3" }), "Nästa: punkt 3");
  await waitForItem(page, "3", "the next button");
  assert.equal(await focused(page), "Nästa: punkt 4");
  await page.keyboard.press("PageUp");
  await waitForItem(page, "2", "PageUp");

  // In a text field PageDown belongs to the text; Alt+PageDown changes the item.
  const notes = page.getByLabel("Anteckningar punkt 2", { exact: true });
  await tabTo(page, notes, "the notes of item 2");
  await page.keyboard.type("Rådet följer upp.");
  await page.keyboard.press("PageDown");
  assert.equal(await shownNumber(page), "2");
  await page.keyboard.press("Alt+PageDown");
  await waitForItem(page, "3", "Alt+PageDown");

  // A reload lands on the same mode and item, and what was typed is kept.
  const url = page.url();
  await page.reload();
  await page.locator(".shown-item h2.item-title").waitFor({ timeout: 20_000 });
  assert.equal(page.url(), url);
  assert.equal(await shownNumber(page), "3");
  assert.equal(await modes.getByRole("link", { name: "Under mötet" }).getAttribute("aria-current"), "page");
  await page.keyboard.press("PageUp");
  await waitForItem(page, "2", "PageUp after the reload");
  assert.equal(await page.getByLabel("Anteckningar punkt 2", { exact: true }).inputValue(), "Rådet följer upp.");

  // Efter: the minutes of every item and justering; then back to Förbered.
  await switchModeByKeyboard(page, "efter");
  await page.getByRole("heading", { level: 2, name: "Protokoll" }).waitFor();
  assert.equal(await page.locator("section.item-minutes").count(), 5, "every item but the break");
  assert.equal(await modes.getByRole("link", { name: "Efter" }).getAttribute("aria-current"), "page");
  await switchModeByKeyboard(page, "forbered");
  await page.getByRole("heading", { level: 2, name: "Dagordning" }).waitFor();
  await context.close();
});

test("a swipe on the item moves to the next and back", async () => {
  const { page, context } = await openApp(env.browser, env.relay, undefined, { viewport: { width: 768, height: 1024 }, hasTouch: true });
  await openMeetingByKeyboard(page, "2020-09-10", "mote");
  const swipe = (fromX, toX) =>
    page.locator(".shown-item").evaluate((el, [a, b]) => {
      const at = (type, x) => el.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerType: "touch", isPrimary: true, clientX: x, clientY: 400 }));
      at("pointerdown", a);
      at("pointerup", b);
    }, [fromX, toX]);
  await swipe(600, 200);
  await waitForItem(page, "2", "a swipe to the left");
  await swipe(200, 600);
  await waitForItem(page, "1", "a swipe to the right");
  // A short movement is a tap, not a swipe.
  await swipe(400, 380);
  assert.equal(await shownNumber(page), "1");
  await context.close();
});

test("a tablet that follows the chair shows the item the chair shows", async () => {
  const chair = await openApp(env.browser, env.relay);
  const tablet = await openApp(env.browser, env.relay);
  await openMeetingByKeyboard(chair.page, "2020-09-10", "mote");
  await openMeetingByKeyboard(tablet.page, "2020-09-10", "mote");
  await waitForSyncStatus(chair.page, "Sparat på servern", 15_000);
  await tabTo(tablet.page, tablet.page.getByRole("checkbox", { name: /^Följ ordföranden/ }), "Följ ordföranden");
  await tablet.page.keyboard.press("Space");

  await activate(chair.page, chair.page.getByRole("button", { name: "Visa för alla 4", exact: true }), "Visa för alla 4");
  // The chair's own screen moves to what it shows; the tablet follows.
  await waitForItem(chair.page, "4", "the chair");
  await waitForItem(tablet.page, "4", "the following tablet");

  // Someone who does not follow opens on the chair's item, stays where they go, and is told
  // where the chair is, as a link.
  const other = await openApp(env.browser, env.relay);
  await openMeetingByKeyboard(other.page, "2020-09-10", "mote");
  await waitForItem(other.page, "4", "a member opening Under mötet");
  await other.page.keyboard.press("PageUp");
  await waitForItem(other.page, "3", "the member going back");
  const chairShows = other.page.locator(".chair-shows");
  await chairShows.getByRole("link", { name: /^Punkt 4 – Introduktion till workshop/ }).waitFor({ timeout: 15_000 });
  await activate(chair.page, chair.page.getByRole("button", { name: "Visa för alla 5", exact: true }), "Visa för alla 5");
  await waitForItem(tablet.page, "5", "the tablet following to item 5");
  assert.equal(await shownNumber(other.page), "3", "who does not follow stays");
  await chairShows.getByRole("link", { name: /^Punkt 5 –/ }).waitFor({ timeout: 15_000 });
  await activate(other.page, chairShows.getByRole("link"), "the chair's item");
  await waitForItem(other.page, "5", "the link to the chair's item");

  // A reload of the following tablet keeps the chair's item.
  await tablet.page.reload();
  await waitForItem(tablet.page, "5", "the tablet after a reload");
  for (const p of [chair, tablet, other]) await p.context.close();
});
