// Issue 17, safe rendering: markup and script a member types into a meeting — an <img onerror>,
// a <script>, a closing </textarea>, a javascript: video link — are shown as the text they are
// on every page that shows them (the meeting in each mode, the print view of the minutes, the
// Markdown download), and nothing of it runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openApp, openMeeting, openMeetingMode, relayAndBrowser, waitUntil } from "./support.mjs";

const env = relayAndBrowser();

const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script></textarea>"'&`;

/** What ran or was made of the payload on the page now: nothing, if it is safe. */
async function ranOnPage(page) {
  return page.evaluate(() => ({
    flag: window.__xss ?? null,
    images: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.querySelectorAll("script")].filter((s) => s.textContent.includes("__xss")).length,
    scriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
  }));
}

async function expectInert(page, where) {
  assert.deepEqual(await ranOnPage(page), { flag: null, images: 0, scripts: 0, scriptLinks: 0 }, `nothing of the payload runs on ${where}`);
}

test("markup and script typed into a meeting are shown as text everywhere and never run", async () => {
  const { page, context } = await openApp(env.browser, env.relay);
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs += 1;
    await d.dismiss();
  });

  // A new meeting whose place is markup and whose video link is a script.
  await page.getByRole("button", { name: "Nytt möte" }).click();
  await page.getByLabel("Datum", { exact: true }).fill("2027-05-20");
  await page.getByLabel("Plats", { exact: true }).fill(PAYLOAD);
  await page.getByLabel("Videolänk", { exact: true }).fill("javascript:window.__xss=3");
  await page.getByRole("button", { name: "Skapa mötet" }).click();
  await page.getByRole("link", { name: /2027-05-20/ }).first().click();
  await page.getByRole("navigation", { name: "Mötets lägen" }).waitFor({ timeout: 20_000 });
  await page.locator(".meeting-facts").getByText(PAYLOAD, { exact: true }).waitFor();
  await page.locator(".meeting-facts").getByText("javascript:window.__xss=3", { exact: true }).waitFor();
  await expectInert(page, "a new meeting's header");

  // The minutes of a demo meeting: a decision and an action item made of the payload.
  await page.getByRole("link", { name: "Till rådet" }).click();
  await openMeeting(page, "2020-09-10", "mote");
  await page.getByRole("button", { name: /^Lägg till beslut/ }).first().click();
  await page.keyboard.type(PAYLOAD);
  await page.getByRole("button", { name: /^Lägg till åtgärd/ }).first().click();
  await page.keyboard.type(PAYLOAD);
  await waitUntil(async () => (await page.locator("textarea").evaluateAll((f, p) => f.filter((x) => x.value === p).length, PAYLOAD)) >= 2, 10_000, "both fields to hold the payload as typed");
  await expectInert(page, "Under mötet");
  await openMeetingMode(page, "efter");
  await expectInert(page, "Efter");

  // The print view shows it as text.
  const meeting = page.url().split("#")[1].replace(/\/efter$/, "");
  await page.evaluate((h) => (location.hash = h), `#${meeting}/protokoll`);
  await page.getByText(PAYLOAD).first().waitFor({ timeout: 20_000 });
  await expectInert(page, "the minutes' print view");

  // The Markdown download carries it as entities, so a Markdown viewer shows text too.
  await page.evaluate((h) => (location.hash = h), `#${meeting}/efter`);
  const downloaded = page.waitForEvent("download");
  await page.getByRole("button", { name: /Minnesanteckningar|minnesanteckningar/ }).first().click();
  const markdown = await readFile(await (await downloaded).path(), "utf8");
  assert.ok(markdown.includes("&lt;img src=x onerror="), "the image tag is escaped in the Markdown");
  assert.ok(!markdown.includes("<img"), "no raw image tag in the Markdown");
  assert.ok(!markdown.includes("<script"), "no raw script tag in the Markdown");

  assert.equal(dialogs, 0, "no dialog was opened");
  await context.close();
});
