// Issue 12, a council of its own: a new user on a fresh browser creates a council, sets its
// notice period, adds two municipalities, three people and a chair, and plans a meeting whose
// notice warning follows the council's own rule — all with the keyboard alone, and every setup
// page checked with axe-core. A second browser opens the council by its link and sees all of
// it; switching between the demo and the new council keeps each apart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { expectNoAxeViolations } from "./axe.mjs";
import { openApp, relayAndBrowser, waitUntil } from "./support.mjs";
import { activate, tabTo } from "./keyboard.mjs";

const env = relayAndBrowser();

/** Tabs to the field labelled `label` (exactly), clears it and types `text`. */
async function fill(page, label, text) {
  await tabTo(page, page.getByLabel(label, { exact: true }), label);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

/** Waits for a status or alert on the page saying `text`. */
async function says(page, text) {
  await page.getByText(text, { exact: false }).first().waitFor({ timeout: 10_000 });
}

/** Follows a link by keyboard and waits for the page's heading. */
async function follow(page, link, heading) {
  await activate(page, page.getByRole("link", { name: link, exact: true }), link);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor({ timeout: 10_000 });
}

/** The local date `days` from today as [YYYY-MM-DD, what Chromium's en-US date field takes]. */
function dateIn(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const [y, m, day] = [d.getFullYear(), String(d.getMonth() + 1).padStart(2, "0"), String(d.getDate()).padStart(2, "0")];
  return [`${y}-${m}-${day}`, `${y}-${m}-${day}`];
}

test("a new user sets up a council by keyboard and a second browser opens it by its link", async () => {
  const { page } = await openApp(env.browser, env.relay, undefined, {}, { start: "fresh" });

  // A first start offers the three ways in, and nothing of the demo.
  await page.getByRole("heading", { level: 1, name: "Välkommen till Rådslag" }).waitFor();
  for (const h of ["Skapa ett råd", "Gå med via inbjudan", "Öppna demorådet"]) {
    await page.getByRole("heading", { level: 2, name: h }).waitFor();
  }
  assert.equal(await page.getByRole("link", { name: /2019-04-04/ }).count(), 0, "the demo is not opened unasked");
  await expectNoAxeViolations(page, "start page");

  // An empty name is refused with what to do; nothing is created.
  await tabTo(page, page.getByLabel("Rådets namn", { exact: true }), "the council's name");
  await page.keyboard.press("Enter");
  await says(page, "Rådet behöver ett namn");
  await fill(page, "Rådets namn", "Dalslands e-råd");
  await fill(page, "Organisation som driver rådet", "Dalslands kommunalförbund");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Uppgifter och mötesregler" }).waitFor({ timeout: 10_000 });
  const link = await page.getByTestId("council-link").inputValue();
  assert.match(link, /#\/council\/\w+$/, "the council's link to share");

  // The council's own rule: notice three weeks before.
  await fill(page, "Kallelse senast (dagar före mötet)", "21");
  await page.keyboard.press("Enter");
  await page.locator("form", { has: page.getByRole("heading", { name: "Mötesregler" }) }).getByText("Sparat.").waitFor({ timeout: 10_000 });
  await expectNoAxeViolations(page, "council details and rules");

  // Two municipalities; a population that is not a number is refused and the text kept.
  await follow(page, "← Till rådet", "Dalslands e-råd");
  await follow(page, "Organisationer", "Organisationer");
  await fill(page, "Namn", "Mellerud");
  await fill(page, "Folkmängd", "många");
  await page.keyboard.press("Enter");
  await says(page, "Folkmängden ”många” är inte ett heltal");
  assert.equal(await page.getByLabel("Namn", { exact: true }).inputValue(), "Mellerud", "nothing typed is lost");
  await fill(page, "Folkmängd", "9 300");
  await page.keyboard.press("Enter");
  await says(page, "Lade till Mellerud.");
  await fill(page, "Namn", "Bengtsfors");
  await fill(page, "Folkmängd", "9 600");
  await page.keyboard.press("Enter");
  await says(page, "Lade till Bengtsfors.");
  await page.getByRole("row", { name: /Summa \(kommuner\)\s+18900/ }).waitFor();
  await expectNoAxeViolations(page, "organisations page");

  // Three people, the first from Mellerud, and "this is me".
  await follow(page, "← Till rådet", "Dalslands e-råd");
  await follow(page, "Personer", "Personer");
  for (const [name, email] of [["Anna Berg", "anna@mellerud.se"], ["Per Ek", "per@bengtsfors.se"], ["Lisa Ås", ""]]) {
    await fill(page, "Namn", name);
    if (name === "Anna Berg") {
      await tabTo(page, page.getByLabel("Kommun/organisation", { exact: true }), "the organisation");
      await page.keyboard.press("ArrowDown");
    }
    if (email) await fill(page, "E-post", email);
    await tabTo(page, page.getByRole("button", { name: "Lägg till person" }), "Lägg till person");
    await page.keyboard.press("Enter");
    await says(page, `Lade till ${name}.`);
  }
  assert.equal(await page.getByLabel("Kommun/organisation (Anna Berg)").inputValue() !== "", true, "Anna is from Mellerud");
  // Removing is recoverable.
  await activate(page, page.getByRole("button", { name: "Ta bort (Lisa Ås)" }), "remove Lisa");
  await page.getByRole("heading", { name: "Borttagna personer" }).waitFor({ timeout: 5_000 });
  assert.equal(await page.getByLabel("Namn (Lisa Ås)").count(), 0);
  await activate(page, page.getByRole("button", { name: "Återställ Lisa Ås" }), "restore Lisa");
  await page.getByLabel("Namn (Lisa Ås)").waitFor({ timeout: 5_000 });
  await activate(page, page.getByRole("button", { name: "Det här är jag (Anna Berg)" }), "this is me");
  await waitUntil(async () => (await page.getByRole("button", { name: "Det här är jag (Anna Berg)" }).getAttribute("aria-pressed")) === "true", 5_000, "Anna picked as me");
  await expectNoAxeViolations(page, "people page");

  // A chair with one seat, held by Anna.
  await follow(page, "← Till rådet", "Dalslands e-råd");
  await follow(page, "Roller", "Roller");
  await fill(page, "Titel", "Ordförande");
  await fill(page, "Antal platser", "1");
  await page.keyboard.press("Enter");
  await says(page, "Lade till Ordförande.");
  await tabTo(page, page.getByLabel("Ge rollen till (Ordförande)"), "the chair's holder");
  await page.keyboard.press("ArrowDown");
  await activate(page, page.getByRole("button", { name: "Bemanna (Ordförande)" }), "Bemanna");
  await page.locator(".holders .holder-name", { hasText: "Anna Berg" }).waitFor({ timeout: 10_000 });
  await expectNoAxeViolations(page, "roles page");

  // A meeting 18 days ahead: past the council's three-week notice, which the warning says.
  await follow(page, "← Till rådet", "Dalslands e-råd");
  await activate(page, page.getByRole("button", { name: "Nytt möte" }), "Nytt möte");
  const [date, typed] = dateIn(18);
  await tabTo(page, page.getByLabel("Datum", { exact: true }), "the meeting's date");
  await page.keyboard.type(typed);
  await says(page, "(tre veckor före mötet)");
  await activate(page, page.getByRole("button", { name: "Skapa mötet" }), "Skapa mötet");
  await page.getByRole("link", { name: new RegExp(date) }).first().waitFor({ timeout: 10_000 });
  await expectNoAxeViolations(page, "the new council's page");

  // A second browser opens the council by its link and sees all of it.
  const hash = link.slice(link.indexOf("#"));
  const other = await openApp(env.browser, env.relay, undefined, {}, { start: hash });
  const b = other.page;
  await b.getByRole("heading", { level: 1, name: "Dalslands e-råd" }).waitFor({ timeout: 20_000 });
  await b.getByRole("link", { name: new RegExp(date) }).first().waitFor({ timeout: 20_000 });
  await b.getByRole("cell", { name: "Mellerud" }).waitFor();
  await b.getByRole("cell", { name: "Anna Berg" }).waitFor();
  await b.evaluate(() => (location.hash = "#/people"));
  for (const name of ["Anna Berg", "Per Ek", "Lisa Ås"]) {
    await b.getByLabel(`Namn (${name})`).waitFor({ timeout: 10_000 });
  }
  assert.equal(await b.getByLabel("E-post (Per Ek)").inputValue(), "per@bengtsfors.se");

  // Switching to the demo and back keeps each council apart.
  await page.evaluate(() => (location.hash = "#/start"));
  await follow(page, "Öppna demorådet", "Fyrbodals e-råd");
  await page.getByRole("link", { name: /2019-04-04/ }).first().waitFor({ timeout: 20_000 });
  assert.equal(await page.getByRole("link", { name: new RegExp(date) }).count(), 0, "the demo shows none of the new council's meetings");
  await page.evaluate(() => (location.hash = "#/start"));
  await follow(page, "Dalslands e-råd", "Dalslands e-råd");
  await page.getByRole("link", { name: new RegExp(date) }).first().waitFor({ timeout: 10_000 });
  assert.equal(await page.getByRole("link", { name: /2019-04-04/ }).count(), 0, "the new council shows none of the demo's meetings");
  await other.context.close();

  // A backup: exported as one file, imported on a fresh device with no network at all.
  await follow(page, "Uppgifter och mötesregler", "Uppgifter och mötesregler");
  const downloaded = page.waitForEvent("download");
  await activate(page, page.getByRole("button", { name: "Exportera rådet" }), "Exportera rådet");
  const file = await (await downloaded).path();
  assert.equal((await downloaded).suggestedFilename(), "dalslands-e-rad.radslag");
  const third = await openApp(env.browser, env.relay, undefined, {}, { start: "fresh" });
  await third.context.setOffline(true);
  await third.page.getByLabel("Säkerhetskopia (.radslag)").setInputFiles(file);
  await third.page.getByRole("heading", { level: 1, name: "Dalslands e-råd" }).waitFor({ timeout: 20_000 });
  await third.page.getByRole("link", { name: new RegExp(date) }).first().waitFor({ timeout: 10_000 });
  await third.page.getByRole("cell", { name: "Anna Berg" }).waitFor();
  // A file that is not a backup is refused in words.
  await third.page.evaluate(() => (location.hash = "#/start"));
  await third.page.getByLabel("Säkerhetskopia (.radslag)").setInputFiles({ name: "x.radslag", mimeType: "application/octet-stream", buffer: Buffer.from("not a backup") });
  await says(third.page, "Filen är ingen säkerhetskopia från Rådslag");
  // Settings says plainly whether the browser keeps the data (persistent storage was asked for).
  await third.page.evaluate(() => (location.hash = "#/settings"));
  await third.page.getByRole("heading", { name: "Lagring på enheten" }).waitFor();
  await waitUntil(async () => /Webbläsaren har lovat|Webbläsaren kan rensa|säger inte om/.test(await third.page.locator("main").innerText()), 5_000, "the storage answer");
  await third.context.close();
});
