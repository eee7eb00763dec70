// Issue 15, workshop boards (seed 001's bikupa): three groups on three tablets write under the
// prompts at once — one offline, rejoining — and every note reaches every tablet; the quota
// shows and a fourth note asks first; private mode hides the other groups' notes; the shared
// timer shows the same time on every tablet, also after a reload; voting and moving by keyboard
// alone; the review lists the notes most-voted first; axe-core on the board and the review.
import { test } from "node:test";
import assert from "node:assert/strict";
import { expectNoAxeViolations } from "./axe.mjs";
import { readFile } from "node:fs/promises";
import { openApp, openMeeting, openMeetingMode, relayAndBrowser, waitUntil } from "./support.mjs";
import { activate, focused, tabTo } from "./keyboard.mjs";

const env = relayAndBrowser();

const CONSEQUENCES = "Tre konsekvenser som ni tycker är viktiga att lyfta till kommundirektörerna";
const PROS = "Tre fördelar med delregional samverkan";

/** Opens the demo's consequence-analysis board from the workshop meeting, as `name` in `group`. */
async function openBoard(browser, relay, name, group) {
  const tablet = await openApp(browser, relay);
  const { page } = tablet;
  await openMeeting(page, "2020-09-10");
  await page.getByRole("link", { name: "Konsekvensanalys" }).click();
  await page.getByRole("heading", { level: 1, name: "Konsekvensanalys" }).waitFor({ timeout: 20_000 });
  await page.getByLabel("Ditt namn").fill(name);
  await page.getByRole("button", { name: "Spara" }).click();
  await page.getByLabel("Din grupp").selectOption({ label: group });
  await waitUntil(async () => (await page.getByLabel("Din grupp").inputValue()) !== "", 10_000, `${name} to be in ${group}`);
  return tablet;
}

const prompt = (page, title) => page.getByRole("region", { name: title });

async function writeNote(page, title, text) {
  const column = prompt(page, title);
  await column.getByLabel("Ny lapp").fill(text);
  await column.getByRole("button", { name: "Lägg till lapp" }).click();
}

/** The notes' texts under a prompt, in the order shown. */
async function notesUnder(page, title) {
  return prompt(page, title).locator("li.note textarea").evaluateAll((fields) => fields.map((f) => f.value));
}

test("three groups write at once, one offline, and every tablet ends with every note", async () => {
  const anna = await openBoard(env.browser, env.relay, "Anna", "Grupp 1");
  const bo = await openBoard(env.browser, env.relay, "Bo", "Grupp 2");
  const cecilia = await openBoard(env.browser, env.relay, "Cecilia", "Grupp 3");
  await cecilia.context.setOffline(true);
  const written = [];
  for (const [tablet, group] of [[anna, 1], [bo, 2], [cecilia, 3]]) {
    for (const n of [1, 2]) {
      const text = `Grupp ${group}: konsekvens ${n}`;
      written.push(text);
      await writeNote(tablet.page, CONSEQUENCES, text);
    }
  }
  await prompt(anna.page, CONSEQUENCES).getByText("Din grupp: 2 av 3").waitFor();
  // The quota is a request, not a wall: a fourth note asks the group to choose first.
  for (const n of [1, 2, 3]) await writeNote(anna.page, PROS, `Fördel ${n}`);
  await prompt(anna.page, PROS).getByText("Din grupp: 3 av 3").waitFor();
  await writeNote(anna.page, PROS, "Fördel 4");
  await prompt(anna.page, PROS).getByRole("alert").filter({ hasText: "Ni har redan 3 lappar här" }).waitFor();
  assert.equal((await notesUnder(anna.page, PROS)).length, 3, "nothing added before the group chose");
  await prompt(anna.page, PROS).getByRole("button", { name: "Lägg till ändå" }).click();
  await waitUntil(async () => (await notesUnder(anna.page, PROS)).length === 4, 5_000, "the fourth note after 'Lägg till ändå'");
  // An empty note is not saved, and says so.
  await writeNote(bo.page, PROS, "   ");
  await prompt(bo.page, PROS).getByRole("alert").filter({ hasText: "En tom lapp sparas inte" }).waitFor();

  await cecilia.context.setOffline(false);
  for (const [who, tablet] of [["Anna", anna], ["Bo", bo], ["Cecilia", cecilia]]) {
    await waitUntil(async () => {
      const notes = await notesUnder(tablet.page, CONSEQUENCES);
      return written.every((w) => notes.includes(w));
    }, 45_000, `${who}'s tablet to show all six notes (shows ${await notesUnder(tablet.page, CONSEQUENCES)})`);
  }

  // Private mode: the facilitator turns it on and each group sees only its own notes.
  await anna.page.getByRole("button", { name: "Jag leder workshoppen" }).click();
  await anna.page.getByLabel("Privat läge: grupperna ser bara sina egna lappar").check();
  await waitUntil(async () => (await notesUnder(bo.page, CONSEQUENCES)).length === 2, 15_000, "Bo to see only Grupp 2's notes");
  assert.deepEqual(await notesUnder(bo.page, CONSEQUENCES), ["Grupp 2: konsekvens 1", "Grupp 2: konsekvens 2"]);
  assert.equal((await notesUnder(anna.page, CONSEQUENCES)).length, 6, "the facilitator sees every group's notes");
  assert.equal(await bo.page.getByLabel("Privat läge: grupperna ser bara sina egna lappar").count(), 0, "only the facilitator has the switch");
  await anna.page.getByLabel("Privat läge: grupperna ser bara sina egna lappar").uncheck();
  await waitUntil(async () => (await notesUnder(bo.page, CONSEQUENCES)).length === 6, 15_000, "Bo to see every note again");
  // Presence: who is on the board and in which group, who writes in which note; it goes
  // when a member leaves the board.
  const onBoard = (page) => page.locator(".on-the-board").innerText();
  await waitUntil(async () => /Anna \(Grupp 1\), Bo \(Grupp 2\), Cecilia \(Grupp 3\)/.test(await onBoard(anna.page)), 10_000, `Anna to see who is on the board (${await onBoard(anna.page)})`);
  await prompt(bo.page, CONSEQUENCES).locator("li.note textarea").first().focus();
  await prompt(anna.page, CONSEQUENCES).getByText("Bo skriver här").waitFor({ timeout: 5_000 });
  await cecilia.page.getByRole("link", { name: "Till mötet" }).click();
  await waitUntil(async () => !/Cecilia/.test(await onBoard(anna.page)), 2_500, "Cecilia to leave the list within 2 s of leaving the board");
  await expectNoAxeViolations(anna.page, "workshop board");
  for (const t of [anna, bo, cecilia]) await t.context.close();
});

/** Seconds left on the board's timer as the page shows it ("19:58" → 1198). */
async function secondsLeft(page) {
  const [m, s] = (await page.getByRole("timer").innerText()).split(":").map(Number);
  return m * 60 + s;
}

test("the timer agrees on every tablet, and voting and moving work by keyboard alone", async () => {
  // Anna writes for Grupp 3 now: Grupp 1 filled its quota under the pros in the test before.
  const anna = await openBoard(env.browser, env.relay, "Anna", "Grupp 3");
  const bo = await openBoard(env.browser, env.relay, "Bo", "Grupp 2");
  const { page } = anna;
  if ((await page.getByRole("button", { name: "Jag leder workshoppen" }).count()) > 0) {
    await activate(page, page.getByRole("button", { name: "Jag leder workshoppen" }), "Jag leder workshoppen");
  }
  await page.getByText("Workshoppen leds av Anna").waitFor();
  await activate(page, page.getByRole("button", { name: "Starta tiden" }), "Starta tiden");
  await page.getByRole("button", { name: "Pausa" }).waitFor();
  assert.equal(await bo.page.getByRole("button", { name: /Starta tiden|Pausa/ }).count(), 0, "only the facilitator runs the timer");
  await waitUntil(async () => (await secondsLeft(bo.page)) < 20 * 60, 10_000, "Bo's tablet to count down");
  const [a, b] = await Promise.all([secondsLeft(page), secondsLeft(bo.page)]);
  assert.ok(Math.abs(a - b) <= 1, `both tablets show the same time left (${a} s and ${b} s)`);
  await bo.page.reload();
  await bo.page.getByRole("timer").waitFor({ timeout: 20_000 });
  const [a2, b2] = await Promise.all([secondsLeft(page), secondsLeft(bo.page)]);
  assert.ok(Math.abs(a2 - b2) <= 1, `a reloaded tablet shows the same time left (${a2} s and ${b2} s)`);

  // Voting opens with a limit of two votes each, typed by the facilitator.
  await tabTo(page, page.getByLabel("Röster per person (0 = röstningen är stängd)"), "the vote limit");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("2");
  await page.keyboard.press("Tab");
  await writeNote(page, PROS, "Starkare röst gentemot regionen");
  await writeNote(page, PROS, "Delade resurser");
  const pros = prompt(bo.page, PROS);
  const vote = pros.getByRole("button", { name: /^Rösta – Lapp \d+ under/ });
  await waitUntil(async () => (await vote.count()) >= 2 && (await notesUnder(bo.page, PROS)).includes("Delade resurser"), 20_000, "Bo to see Anna's new notes with their vote buttons");
  const delade = (await notesUnder(bo.page, PROS)).indexOf("Delade resurser") + 1;
  const voteDelade = pros.getByRole("button", { name: `Rösta – Lapp ${delade} under ${PROS}` });
  await activate(bo.page, voteDelade, "the vote button of 'Delade resurser'");
  await activate(bo.page, voteDelade, "the vote button of 'Delade resurser'");
  await activate(bo.page, voteDelade, "the vote button of 'Delade resurser'");
  await pros.getByRole("alert").filter({ hasText: "Du har använt alla dina 2 röster" }).waitFor();
  await prompt(page, PROS).getByText(/2 röster \(Bo \(2\)\)/).waitFor({ timeout: 15_000 });

  // Moving by keyboard: the note steps up, the list follows, the keyboard stays on the note.
  const before = await notesUnder(page, PROS);
  const last = before.length;
  await activate(page, prompt(page, PROS).getByRole("button", { name: `Flytta upp – Lapp ${last} under ${PROS}` }), "move the last note up");
  await waitUntil(async () => (await notesUnder(page, PROS))[last - 2] === before[last - 1], 5_000, "the last note one place up");
  assert.match(await focused(page), /^Flytta (upp|ned) – Lapp \d+ under/, "the keyboard stays on the moved note");
  await page.getByRole("status").filter({ hasText: "flyttades upp" }).waitFor();

  // The review: most votes first, every group's notes, and axe finds nothing.
  await activate(page, page.getByRole("link", { name: "Genomgång" }), "Genomgång");
  await page.getByRole("region", { name: PROS }).locator("li.note").first().waitFor({ timeout: 20_000 });
  const reviewed = await prompt(page, PROS).locator("li.note textarea").evaluateAll((f) => f.map((x) => x.value));
  assert.equal(reviewed[0], "Delade resurser", `the most-voted note first (${reviewed})`);
  await expectNoAxeViolations(page, "workshop review");

  // After the meeting: the board's result stands with the minutes, and downloads as Markdown.
  await page.getByRole("link", { name: "Till mötet" }).click();
  await openMeetingMode(page, "efter");
  const result = page.locator(".meeting-boards li").filter({ hasText: "Konsekvensanalys" });
  await result.getByText("Delade resurser (2)").waitFor({ timeout: 20_000 });
  const downloaded = page.waitForEvent("download");
  await result.getByRole("button", { name: "Ladda ner tavlan (Markdown)" }).click();
  assert.equal((await downloaded).suggestedFilename(), "konsekvensanalys.md");
  const markdown = await readFile(await (await downloaded).path(), "utf8");
  assert.match(markdown, /^# Konsekvensanalys\n/);
  assert.match(markdown, /- Delade resurser — 2 röster/);
  for (const t of [anna, bo]) await t.context.close();
});
