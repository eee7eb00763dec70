// Keyboard-only driving for the end-to-end tests: the issue asks that every step can be done
// without a mouse, so these tests reach controls by Tab and never click.
import { MODES, modeInUrl, waitUntil } from "./support.mjs";

/** Presses Tab until `locator` has the keyboard focus; fails, naming what Tab passed, if it never does. */
export async function tabTo(page, locator, what) {
  await locator.first().waitFor({ timeout: 10_000 });
  for (let i = 0; i < 800; i++) {
    if (await locator.first().evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  const seen = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    seen.push(await page.evaluate(() => {
      const e = document.activeElement;
      return `${e?.tagName}[${e?.getAttribute("aria-label") ?? e?.textContent?.slice(0, 30)}]`;
    }));
  }
  throw new Error(`Tab never reached ${what}; the Tab order runs: ${seen.join(", ")}`);
}

/** The accessible name (aria-label or text) of what has the keyboard focus. */
export function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute("aria-label") ?? el?.textContent?.trim() ?? "";
  });
}

/** Tabs to `locator` and presses Enter (a link or a button). */
export async function activate(page, locator, what) {
  await tabTo(page, locator, what);
  await page.keyboard.press("Enter");
}

/** Opens the meeting of `date` from the council page with the keyboard, in `mode` (Förbered unless told). */
export async function openMeetingByKeyboard(page, date, mode = "forbered") {
  await activate(page, page.getByRole("link", { name: new RegExp(date) }), `the meeting ${date}`);
  await page.getByRole("navigation", { name: /^(Mötets lägen|Meeting modes)$/ }).waitFor({ timeout: 20_000 });
  await waitUntil(() => modeInUrl(page) !== null, 10_000, "the meeting's link to name its mode");
  await switchModeByKeyboard(page, mode);
}

/** Switches the open meeting to `mode` by Tab and Enter on its link in the mode switch. */
export async function switchModeByKeyboard(page, mode) {
  const { link, ready } = MODES[mode];
  if (modeInUrl(page) !== mode) {
    const nav = page.getByRole("navigation", { name: /^(Mötets lägen|Meeting modes)$/ });
    await activate(page, nav.getByRole("link", { name: link }), `the mode ${mode}`);
  }
  await waitUntil(() => modeInUrl(page) === mode, 10_000, `the meeting page in mode ${mode}`);
  await ready(page).first().waitFor({ timeout: 20_000 });
}
