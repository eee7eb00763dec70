// The app on a tablet in the meeting room, upright (768×1024) and on its side (1024×768), with
// touch: no page scrolls sideways, the controls a finger uses are at least 44 px, and axe-core
// finds nothing (the workshop board, its review and the action plan's pages included).
// Screenshots of every page at both sizes go to tests/e2e/screenshots/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expectNoAxeViolations } from "./axe.mjs";
import { openApp, openMeeting, openMeetingMode, relayAndBrowser } from "./support.mjs";

const env = relayAndBrowser();
const SHOTS = join(dirname(fileURLToPath(import.meta.url)), "screenshots");

/** Elements wider than the window, by tag, class and text, for a message a person can act on. */
async function sidewaysOverflow(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? "").trim().slice(0, 30)}"`);
    return `page is ${document.documentElement.scrollWidth} px wide in a ${width} px window: ${wide.join("; ")}`;
  });
}

/** Visible buttons, inputs and selects smaller than 44×44 px (checkboxes count by their label). */
async function smallTargets(page) {
  return page.evaluate(() => {
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 1 && r.height > 1 && style.visibility !== "hidden" && !el.closest("[hidden], .visually-hidden");
    };
    const small = [];
    for (const el of document.querySelectorAll("button, select, input, textarea, summary, nav a")) {
      if (!visible(el)) continue;
      let target = el;
      if (el.matches("input[type=checkbox], input[type=radio]")) target = el.closest("label") ?? el;
      const r = target.getBoundingClientRect();
      if (r.width < 43.5 || r.height < 43.5) {
        small.push(`${el.tagName.toLowerCase()} "${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 30) ?? ""}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return small;
  });
}

async function visit(page, hash) {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 20_000 });
  await page.waitForLoadState("networkidle");
}

for (const [width, height] of [[768, 1024], [1024, 768]]) {
  test(`every page fits a ${width}×${height} tablet with touch`, async () => {
    mkdirSync(SHOTS, { recursive: true });
    const { page, context } = await openApp(env.browser, env.relay, undefined, { viewport: { width, height }, hasTouch: true, isMobile: false });
    const problems = [];
    const check = async (name) => {
      const overflow = await sidewaysOverflow(page);
      if (overflow) problems.push(`${name}: ${overflow}`);
      const small = await smallTargets(page);
      if (small.length) problems.push(`${name}: controls under 44 px: ${small.slice(0, 10).join(", ")}${small.length > 10 ? ` and ${small.length - 10} more` : ""}`);
      await expectNoAxeViolations(page, `${name} at ${width}×${height}`);
      await page.screenshot({ path: join(SHOTS, `${name}-${width}x${height}.png`), fullPage: false });
    };
    await check("council");
    await openMeeting(page, "2020-09-10");
    await check("meeting-prepare");
    await openMeetingMode(page, "mote");
    await check("meeting-during");
    await openMeetingMode(page, "efter");
    await check("meeting-after");
    // The workshop board and its review, from the meeting's list of boards.
    await page.locator(".meeting-boards").getByRole("link", { name: "Konsekvensanalys" }).click();
    await page.getByRole("heading", { level: 1, name: "Konsekvensanalys" }).waitFor({ timeout: 20_000 });
    await check("board");
    await page.getByRole("link", { name: "Genomgång" }).click();
    await page.getByRole("region", { name: /^Tre fördelar/ }).waitFor({ timeout: 20_000 });
    await check("board-review");
    for (const [hash, name] of [["#/attendance", "attendance"], ["#/registers", "registers"], ["#/settings", "settings"], ["#/start", "start"], ["#/about", "council details"], ["#/mandate", "mandate"], ["#/organisations", "organisations"], ["#/people", "people"], ["#/roles", "roles"], ["#/plan", "action-plan"], ["#/portfolio", "portfolio"], ["#/risks", "risks"], ["#/communication", "communication"], ["#/money", "cost-split"]]) {
      await visit(page, hash);
      await check(name);
    }
    // An initiative, reached from the action plan (its document id is the demo's own).
    await visit(page, "#/plan");
    await page.getByRole("link", { name: "Digitala processer", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Digitala processer" }).waitFor({ timeout: 20_000 });
    await check("initiative");
    await context.close();
    assert.deepEqual(problems, [], problems.join("\n"));
  });
}
