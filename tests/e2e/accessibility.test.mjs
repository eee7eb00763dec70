// Every page a member sees, in Swedish and in English, checked with axe-core for WCAG 2.1 A/AA
// (DOS-lagen): the council, a meeting in each of its modes (Förbered, Under mötet with minutes
// written, Efter), its print views, attendance, registers, settings, the start page, the
// council's setup pages (details and rules, mandate, organisations, people, roles, the mandate
// and staffing plan for print), the action plan (its list, an initiative, the portfolio) and the page for a link that leads nowhere.
import { test } from "node:test";
import { expectNoAxeViolations } from "./axe.mjs";
import { openApp, openMeeting, openMeetingMode, relayAndBrowser, waitUntil } from "./support.mjs";

const env = relayAndBrowser();

/** Goes to `hash` and waits for the page's heading. */
async function visit(page, hash) {
  await page.evaluate((h) => (location.hash = h), hash);
  try {
    await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 20_000 });
  } catch (e) {
    throw new Error(`${hash} shows no heading (url ${page.url()}): ${(await page.locator("body").innerText()).slice(0, 300)}`);
  }
  // Let the page settle (documents load from IndexedDB) before checking it.
  await page.waitForLoadState("networkidle");
}

for (const lang of ["sv", "en"]) {
  test(`every page passes axe-core (${lang})`, async () => {
    const { page, context } = await openApp(env.browser, env.relay);
    if (lang === "en") {
      await page.getByRole("button", { name: "Byt språk till engelska" }).click();
      await page.getByRole("heading", { name: "Meetings" }).waitFor();
    }
    await expectNoAxeViolations(page, `council page (${lang})`);

    await openMeeting(page, "2020-09-10");
    const meeting = page.url().split("#")[1].replace(/\/forbered$/, "");
    await expectNoAxeViolations(page, `meeting page, Förbered (${lang})`);
    await openMeetingMode(page, "mote");
    // A decision and an action item written, so the minutes' own controls are on the page too.
    await page.getByRole("button", { name: /^(Lägg till beslut|Add decision)/ }).first().click();
    await page.keyboard.type("Rådet ställer sig bakom färdplanen.");
    await page.getByRole("button", { name: /^(Lägg till åtgärd|Add action item)/ }).first().click();
    await page.keyboard.type("Skicka färdplanen till kommundirektörerna");
    await expectNoAxeViolations(page, `meeting page, Under mötet (${lang})`);
    await openMeetingMode(page, "efter");
    await expectNoAxeViolations(page, `meeting page, Efter (${lang})`);

    for (const [hash, what] of [
      [`${meeting}/kallelse`, "notice print view"],
      [`${meeting}/protokoll`, "minutes print view"],
      ["#/attendance", "attendance page"],
      ["#/registers", "registers page"],
      ["#/settings", "settings page"],
      ["#/start", "start page with the councils on this device"],
      ["#/about", "council details and rules"],
      ["#/mandate", "mandate page"],
      ["#/mandate/print", "mandate print view"],
      ["#/organisations", "organisations page"],
      ["#/people", "people page"],
      ["#/roles", "roles page"],
      ["#/roles/print", "staffing plan print view"],
      ["#/plan", "action plan"],
      ["#/portfolio", "portfolio of the action plan"],
      ["#/risks", "risk analysis and matrix"],
      ["#/communication", "communication plan"],
      ["#/money", "cost split"],
      ["#/no-such-page", "page not found"],
    ]) {
      await visit(page, hash.startsWith("#") ? hash : `#${hash}`);
      await waitUntil(async () => (await page.locator("main").count()) > 0, 10_000, `${what} to show`);
      await expectNoAxeViolations(page, `${what} (${lang})`);
    }
    // An initiative of the action plan, reached from the plan's list.
    await visit(page, "#/plan");
    await page.getByRole("link", { name: "Digitala processer", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Digitala processer" }).waitFor({ timeout: 20_000 });
    await expectNoAxeViolations(page, `initiative page (${lang})`);
    await context.close();
  });
}

// The dark theme follows the system setting: its colours must keep AA contrast too.
test("the dark theme passes axe-core", async () => {
  const { page, context } = await openApp(env.browser, env.relay, undefined, { colorScheme: "dark" });
  const dark = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches && getComputedStyle(document.documentElement).backgroundColor);
  if (!dark || dark === "rgb(247, 246, 242)") throw new Error(`the page is not dark under a dark system setting (background ${dark})`);
  await expectNoAxeViolations(page, "council page (dark)");
  await openMeeting(page, "2020-09-10");
  await expectNoAxeViolations(page, "meeting page, Förbered (dark)");
  await openMeetingMode(page, "mote");
  await page.getByRole("button", { name: /^Lägg till beslut/ }).first().click();
  await page.keyboard.type("Rådet ställer sig bakom färdplanen.");
  await expectNoAxeViolations(page, "meeting page, Under mötet (dark)");
  await openMeetingMode(page, "efter");
  await expectNoAxeViolations(page, "meeting page, Efter (dark)");
  for (const hash of ["#/registers", "#/settings", "#/start", "#/people", "#/roles"]) {
    await visit(page, hash);
    await expectNoAxeViolations(page, `${hash} (dark)`);
  }
  await context.close();
});
