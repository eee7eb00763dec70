// Step 2 of the foundation: two members edit one agenda at once; each change appears in the
// other window, and typing into the same description in both merges per character.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fieldValue, openApp, openMeeting, relayAndBrowser, waitUntil } from "./support.mjs";

const env = relayAndBrowser();

test("an item added in one window appears in the other, and both people's typing survives", async () => {
  const a = await openApp(env.browser, env.relay);
  const b = await openApp(env.browser, env.relay);
  await openMeeting(a.page, "2019-04-04");
  await openMeeting(b.page, "2019-04-04");

  // The demo agenda ends with item 8: a new item gets number 9.
  await a.page.getByRole("button", { name: "Lägg till punkt" }).click();
  const label = "Beskrivning punkt 9";
  await waitUntil(async () => (await fieldValue(b.page, label)) !== null, 10_000, "the new item to reach the other window");

  const fieldA = a.page.getByLabel(label, { exact: true });
  await fieldA.click();
  await fieldA.pressSequentially("Uppföljning");
  await waitUntil(async () => (await fieldValue(b.page, label)) === "Uppföljning", 10_000, "A's typing to reach B");

  // Both type at once: A at the end, B at the start of the same field.
  const fieldB = b.page.getByLabel(label, { exact: true });
  await fieldB.click();
  await fieldB.press("Home");
  await Promise.all([fieldA.pressSequentially(" av handlingsplanen"), fieldB.pressSequentially("Punkt: ")]);
  const expected = "Punkt: Uppföljning av handlingsplanen";
  await waitUntil(async () => (await fieldValue(a.page, label)) === expected, 15_000, `A to show "${expected}"`);
  await waitUntil(async () => (await fieldValue(b.page, label)) === expected, 15_000, `B to show "${expected}"`);

  // Reorder and remove show up on the other side too.
  await a.page.getByRole("button", { name: "Flytta upp 9" }).click();
  await waitUntil(async () => {
    const rows = await b.page.locator("tbody tr .number").evaluateAll((els) => els.map((e) => e.value));
    return rows.indexOf("9") === rows.length - 2;
  }, 10_000, "the move to reach B");
  await b.page.getByRole("button", { name: "Ta bort 9" }).click();
  await waitUntil(async () => (await fieldValue(a.page, label)) === null, 10_000, "the removal to reach A");
  await a.page.getByRole("button", { name: /Återställ 9/ }).click();
  await waitUntil(async () => (await fieldValue(b.page, label)) === expected, 10_000, "the restored item to reach B");

  await a.context.close();
  await b.context.close();
});
