// Issue 3, questions raised to the council (keyboard only): a member raises a question on the
// council page; a waiting question is pulled into a meeting's agenda, and another member sees
// the new agenda item in that meeting and the question linked to it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fieldValue, openApp, relayAndBrowser, waitForSyncStatus, waitUntil } from "./support.mjs";
import { activate, openMeetingByKeyboard, tabTo } from "./keyboard.mjs";

const env = relayAndBrowser();

test("a raised question is added and another is taken up into a meeting's agenda", async () => {
  const a = await openApp(env.browser, env.relay);
  const b = await openApp(env.browser, env.relay);
  await waitForSyncStatus(a.page, "Sparat på servern", 15_000);
  const list = (page) => page.locator("ul.question-list > li");

  // Raise a question.
  await tabTo(a.page, a.page.getByLabel("Fråga", { exact: true }), "the question field");
  await a.page.keyboard.type("Hur delar vi e-tjänster mellan kommunerna?");
  await a.page.keyboard.press("Tab");
  await a.page.keyboard.type("Nätverket för e-tjänster");
  await activate(a.page, a.page.getByRole("button", { name: "Lägg till frågan" }), "Lägg till frågan");
  await a.page.getByRole("status").filter({ hasText: "Frågan är tillagd." }).waitFor({ timeout: 5_000 });
  await waitUntil(async () => (await list(b.page).allInnerTexts()).some((t) => t.includes("Hur delar vi e-tjänster")), 15_000, "B to see the new question");
  assert.match((await list(b.page).filter({ hasText: "Hur delar vi" }).innerText()), /Från Nätverket för e-tjänster/);

  // Take the demo's second question (seed 003) up in the 2020-09-10 meeting.
  const question = "Kommer det en ”Digitaliseringsdagen 2020”?";
  const item = list(a.page).filter({ hasText: question });
  await tabTo(a.page, item.getByLabel("Möte", { exact: true }), "the meeting to take it up in");
  await a.page.keyboard.type("2020-09-10");
  await activate(a.page, a.page.getByRole("button", { name: `Lägg på dagordningen: ${question}` }), "Lägg på dagordningen");
  await a.page.getByRole("status").filter({ hasText: "Frågan står nu på dagordningen." }).waitFor({ timeout: 5_000 });
  await waitUntil(async () => /På dagordningen för 2020-09-10/.test(await item.innerText()), 5_000, "the question to link its meeting");

  // B sees it taken up and finds the new item, numbered 6, before AVSLUT.
  const itemB = list(b.page).filter({ hasText: question });
  await waitUntil(async () => /På dagordningen för 2020-09-10/.test(await itemB.innerText()), 15_000, "B to see the question taken up");
  await activate(b.page, itemB.getByRole("link", { name: /2020-09-10/ }), "the meeting link");
  await b.page.getByRole("button", { name: "Lägg till punkt" }).waitFor({ timeout: 15_000 });
  await waitUntil(async () => (await fieldValue(b.page, "Beskrivning punkt 6")) === question, 15_000, "item 6 in B's agenda");
  const descriptions = await b.page.locator("section.agenda tbody tr textarea").evaluateAll((ts) => ts.map((t) => t.value));
  assert.equal(descriptions.at(-1), "AVSLUT", "the meeting still ends with AVSLUT");

  await a.context.close();
  await b.context.close();
});
