// Issue 14, the action plan in the app: two members on the same initiative write its status
// report at once (one adds a line to pågående while the other types in a problem) and both
// keep both; a third goes offline, edits the initiative, comes back and the edit reaches the
// others; a bad due date and one before the start are refused next to the field; "Ny period"
// carries pågående forward; "Ny insats" makes a new initiative the plan lists; axe-core on the
// plan, the initiative page and the portfolio.
import { test } from "node:test";
import assert from "node:assert/strict";
import { expectNoAxeViolations } from "./axe.mjs";
import { openApp, relayAndBrowser, waitUntil } from "./support.mjs";
import { activate, focused, tabTo } from "./keyboard.mjs";

const env = relayAndBrowser();

const INITIATIVE = "Digitala processer";

/** Opens the demo, then the action plan from the header, then `name`'s page. */
async function openInitiative(browser, relay, name = INITIATIVE) {
  const member = await openApp(browser, relay);
  const { page } = member;
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Handlingsplan" }).click();
  await page.getByRole("heading", { level: 1, name: "Handlingsplan" }).waitFor({ timeout: 20_000 });
  await page.getByRole("link", { name, exact: true }).click();
  await page.getByRole("heading", { level: 1, name }).waitFor({ timeout: 20_000 });
  return member;
}

const list = (page, heading) => page.getByRole("region", { name: heading, exact: true });

/** The texts of a co-written list, in the order shown. */
function lines(page, heading) {
  return list(page, heading).locator("li textarea").evaluateAll((fields) => fields.map((f) => f.value));
}

test("two members write one status report at once; an offline member's edit arrives when back", async () => {
  const anna = await openInitiative(env.browser, env.relay);
  const bo = await openInitiative(env.browser, env.relay);
  const cecilia = await openInitiative(env.browser, env.relay);
  const problem = "Svalt intresse för att medverka som styrgrupp.";
  assert.deepEqual(await lines(bo.page, "Aktuella problemställningar"), [problem]);

  // Anna adds a line to pågående while Bo types on in the problem.
  await list(anna.page, "Pågående aktiviteter").getByRole("button", { name: "Lägg till rad (Pågående aktiviteter)" }).click();
  // The new line's field takes the keyboard.
  await waitUntil(() => anna.page.evaluate(() => document.activeElement?.getAttribute("aria-label") === "Pågående aktiviteter 5"), 10_000, "the new line to have the focus");
  const field = bo.page.getByRole("textbox", { name: "Aktuella problemställningar 1", exact: true });
  await field.click();
  await field.press("End");
  const added = "Boka utbildningsdagar med projektgruppen";
  const typed = " Två kommuner saknar ledamot.";
  await Promise.all([anna.page.keyboard.type(added, { delay: 15 }), bo.page.keyboard.type(typed, { delay: 15 })]);
  await anna.page.keyboard.press("Tab");
  await bo.page.keyboard.press("Tab");
  for (const [who, m] of [["Anna", anna], ["Bo", bo], ["Cecilia", cecilia]]) {
    await waitUntil(async () => (await lines(m.page, "Pågående aktiviteter")).includes(added), 30_000, `${who} to see the new pågående line`);
    await waitUntil(async () => (await lines(m.page, "Aktuella problemställningar"))[0] === problem + typed, 30_000, `${who} to see Bo's problem text`);
  }

  // Cecilia goes offline, edits the initiative, and comes back.
  await cecilia.context.setOffline(true);
  const offline = "Offline: leverabel skriven på tåget";
  await cecilia.page.getByLabel("Leverabel", { exact: true }).fill(offline);
  await cecilia.page.getByRole("button", { name: "Lägg till leverabel" }).click();
  await cecilia.page.getByRole("textbox", { name: /^L\d+ Leverabel$/ }).last().waitFor();
  await cecilia.page.getByLabel("Fas", { exact: true }).selectOption({ label: "Avslutad" });
  await cecilia.context.setOffline(false);
  for (const [who, m] of [["Anna", anna], ["Bo", bo]]) {
    await waitUntil(async () => {
      const names = await m.page.locator(".deliverable textarea, .deliverable input[type=text]").evaluateAll((f) => f.map((x) => x.value));
      return names.includes(offline);
    }, 45_000, `${who} to see Cecilia's offline deliverable`);
    await waitUntil(async () => (await m.page.getByLabel("Fas", { exact: true }).inputValue()) === "closed", 30_000, `${who} to see the phase Avslutad`);
  }
  // The council's link followed the phase: the plan lists it as Avslutad.
  await anna.page.getByRole("link", { name: "Till handlingsplanen" }).click();
  await anna.page.getByRole("heading", { level: 1, name: "Handlingsplan" }).waitFor();
  await waitUntil(async () => (await anna.page.locator(".initiative-list li", { hasText: INITIATIVE }).innerText()).includes("Avslutad"), 30_000, "the plan to show the new phase");
  for (const m of [anna, bo, cecilia]) await m.context.close();
});

test("dates are checked next to the field, and a new period carries pågående forward", async () => {
  const { page, context } = await openInitiative(env.browser, env.relay, "Handbok för digitalisering");
  await page.getByLabel("Leverabel", { exact: true }).fill("Testleverabel");
  await page.getByLabel("Klar senast (ÅÅÅÅ-MM-DD)", { exact: true }).fill("2020-13-45");
  await page.getByRole("button", { name: "Lägg till leverabel" }).click();
  await page.getByRole("alert").filter({ hasText: "Datumet ”2020-13-45” går inte att läsa" }).waitFor();
  await page.getByLabel("Start (ÅÅÅÅ-MM-DD)", { exact: true }).fill("2021-01-01");
  await page.getByLabel("Start (ÅÅÅÅ-MM-DD)", { exact: true }).press("Tab");
  await page.getByLabel("Klar senast (ÅÅÅÅ-MM-DD)", { exact: true }).fill("2020-12-01");
  await page.getByRole("button", { name: "Lägg till leverabel" }).click();
  await page.getByRole("alert").filter({ hasText: "ligger före starten 2021-01-01" }).waitFor();
  await page.getByLabel("Klar senast (ÅÅÅÅ-MM-DD)", { exact: true }).fill("2021-06-30");
  await page.getByRole("button", { name: "Lägg till leverabel" }).click();
  await page.getByRole("textbox", { name: /^L\d+ Leverabel$/ }).last().waitFor();

  const before = await lines(page, "Kommande aktiviteter");
  assert.ok(before.length > 0, "the demo's current period has upcoming activities");
  await page.getByRole("button", { name: "Ny period" }).click();
  await page.getByLabel("Periodens start (ÅÅÅÅ-MM-DD)").fill("2020-01-01");
  await page.getByRole("button", { name: "Starta perioden" }).click();
  await page.getByRole("alert").filter({ hasText: "inte är efter den senaste perioden" }).waitFor();
  await page.getByLabel("Periodens start (ÅÅÅÅ-MM-DD)").fill("2020-09-10");
  await page.getByRole("button", { name: "Starta perioden" }).click();
  await page.getByText("Period: 2020-09-10 –").waitFor();
  assert.deepEqual(await lines(page, "Kommande aktiviteter"), before, "kommande carried forward");
  assert.deepEqual(await lines(page, "Aktuella problemställningar"), [], "problems start empty");
  await page.getByText("Tidigare perioder").waitFor();
  await context.close();
});

test("Ny insats makes a new initiative, listed in the plan by focus area", async () => {
  const { page, context } = await openApp(env.browser, env.relay);
  await page.getByRole("link", { name: /^Insatser \(5\)$/ }).click();
  await page.getByRole("heading", { level: 1, name: "Handlingsplan" }).waitFor({ timeout: 20_000 });
  await page.getByRole("button", { name: "Skapa insatsen" }).click();
  await page.getByRole("alert").filter({ hasText: "Namnet är tomt" }).waitFor();
  await page.getByLabel("Insatsens namn").fill("E-arkiv för alla");
  await page.getByRole("button", { name: "Skapa insatsen" }).click();
  await page.getByRole("heading", { level: 1, name: "E-arkiv för alla" }).waitFor({ timeout: 20_000 });
  await page.getByRole("checkbox", { name: "Lysekil" }).check();
  await page.getByRole("link", { name: "Till handlingsplanen" }).click();
  await page.getByRole("link", { name: "E-arkiv för alla" }).waitFor();
  const focus = await page.locator(".initiative-list li", { hasText: "E-arkiv för alla" }).locator(".initiative-facts").innerText();
  const area = focus.split(" · ")[1];
  await page.getByLabel("Visa ämnesområde").selectOption({ label: area });
  await page.getByRole("link", { name: "E-arkiv för alla" }).waitFor();
  await page.getByLabel("Visa ämnesområde").selectOption({ label: "Alla ämnesområden" });
  await page.getByRole("link", { name: "Portfölj" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Portfölj" }).waitFor();
  await page.getByLabel("Visa kommun").selectOption({ label: "Lysekil" });
  await page.getByRole("link", { name: "E-arkiv för alla" }).waitFor();
  await context.close();
});

test("the risk matrix works with the keyboard alone and names its risks in words", async () => {
  const { page, context } = await openApp(env.browser, env.relay);
  const threat = "Villkor för finansiering av processledarens tjänst försämras";
  await activate(page, page.getByRole("link", { name: "Riskanalys" }), "the link to the risk analysis");
  await page.getByRole("heading", { level: 1, name: "Riskanalys" }).waitFor({ timeout: 20_000 });
  const matrix = page.getByRole("table", { name: "Riskmatris" });
  const cell = (p, c) => matrix.getByRole("row", { name: new RegExp(`^Sannolikhet ${p}`) }).getByRole("cell").nth(c - 1);
  // Without colour: the cell says its level and names the risk.
  assert.match(await cell(4, 5).innerText(), /Hög[\s\S]*Villkor för finansiering/);
  await activate(page, matrix.getByRole("button", { name: threat }), "the risk in the matrix");
  await waitUntil(async () => (await focused(page)) === `Hot – ${threat}`, 5_000, "the risk's threat field to have the focus");
  // A new score by keyboard moves the risk in the matrix.
  const probability = page.locator(`[data-risk] select`).first();
  await tabTo(page, probability, "the risk's probability");
  await page.keyboard.press("ArrowUp");
  await waitUntil(async () => (await cell(3, 5).innerText()).includes("Villkor för finansiering"), 10_000, "the risk to move to probability 3");
  assert.ok(!(await cell(4, 5).innerText()).includes("Villkor"), "the risk left its old cell");
  // A score outside 1–5 is refused next to the field.
  await page.getByLabel("Hot", { exact: true }).fill("Nyckelperson slutar");
  await page.getByLabel("Sannolikhet (1–5)", { exact: true }).last().fill("7");
  await page.getByLabel("Konsekvens (1–5)", { exact: true }).last().fill("2");
  await page.getByRole("button", { name: "Lägg till risk" }).click();
  await page.getByRole("alert").filter({ hasText: "”7” är inget värde från 1 till 5" }).waitFor();
  await context.close();
});

test("a sum splits over the municipalities by population, and a pasted split's disagreements are named by row", async () => {
  const { page, context } = await openApp(env.browser, env.relay);
  await page.getByRole("link", { name: "Kostnadsfördelning" }).click();
  await page.getByRole("heading", { level: 1, name: "Kostnadsfördelning" }).waitFor({ timeout: 20_000 });
  await page.getByLabel("Summa i kronor").fill("tusen");
  await page.getByRole("alert").first().waitFor();
  await page.getByLabel("Summa i kronor").fill("1 500 000");
  const table = page.getByRole("table", { name: "Fördela en summa efter folkmängd" });
  await waitUntil(async () => (await table.locator("tfoot").innerText()).includes("1 500 000 kr"), 10_000, "the split's total");
  assert.equal(await table.locator("tbody tr").count(), 14, "all fourteen municipalities");
  await page.getByLabel("Fördela över").selectOption({ label: INITIATIVE });
  await waitUntil(async () => (await table.locator("tbody tr").count()) < 14, 10_000, "the split over the initiative's municipalities");
  const pasted = [
    "Kommun\tFolkmängd\tAndel\tKostnad",
    "Bengtsfors\t9750\t3,56%\t53 400 kr",
    "Dals-Ed\t4813\t1,76%\t27 000 kr",
    "Färgelanda\t6637\t2,42%\t36 350 kr",
    "Summa\t21 200\t100,00%\t116 750 kr",
  ].join("\n");
  await page.getByLabel("Inklistrad tabell").fill(pasted);
  await page.getByText(/Rad 3 \(Dals-Ed\): tabellens kostnad 27 000 kr/).waitFor();
  await context.close();
});

test("the action plan's pages pass axe-core", async () => {
  const { page, context } = await openInitiative(env.browser, env.relay);
  await expectNoAxeViolations(page, "initiative page");
  await page.getByRole("link", { name: "Till handlingsplanen" }).click();
  await page.getByRole("heading", { level: 1, name: "Handlingsplan" }).waitFor();
  await expectNoAxeViolations(page, "action plan page");
  await page.getByRole("link", { name: "Portfölj" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Portfölj" }).waitFor();
  await waitUntil(async () => (await page.locator(".portfolio-table td.loading").count()) === 0, 20_000, "every initiative in the portfolio to be read");
  await expectNoAxeViolations(page, "portfolio page");
  await page.evaluate(() => (location.hash = "#/risks"));
  await page.getByRole("heading", { level: 1, name: "Riskanalys" }).waitFor();
  await expectNoAxeViolations(page, "risk analysis page");
  await page.evaluate(() => (location.hash = "#/communication"));
  await page.getByRole("heading", { level: 2, name: "Kommande aktiviteter" }).waitFor({ timeout: 20_000 });
  await expectNoAxeViolations(page, "communication plan page");
  await page.evaluate(() => (location.hash = "#/money"));
  await page.getByRole("heading", { level: 1, name: "Kostnadsfördelning" }).waitFor();
  await page.getByLabel("Summa i kronor").fill("1 500 000");
  await page.getByRole("table", { name: "Fördela en summa efter folkmängd" }).waitFor();
  await expectNoAxeViolations(page, "cost split page");
  await context.close();
});
