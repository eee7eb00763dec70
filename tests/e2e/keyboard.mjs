// Keyboard-only driving for the end-to-end tests: the issue asks that every step can be done
// without a mouse, so these tests reach controls by Tab and never click.

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

/** Opens the meeting of `date` from the council page with the keyboard. */
export async function openMeetingByKeyboard(page, date) {
  await activate(page, page.getByRole("link", { name: new RegExp(date) }), `the meeting ${date}`);
  await page.getByRole("button", { name: /Lägg till punkt|Add item/ }).waitFor({ timeout: 20_000 });
}
