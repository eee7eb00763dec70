// Issue 3, out of the app (keyboard only): the print views of the minutes and the notice look
// like the council's own documents (seed 002) and print without the app around them; the
// minutes and notice download as Markdown and the meeting as an .ics calendar file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openApp, relayAndBrowser } from "./support.mjs";
import { activate, openMeetingByKeyboard, tabTo } from "./keyboard.mjs";

const env = relayAndBrowser();

async function downloaded(page, button) {
  // Tab to the button first: walking a long meeting page takes seconds, which must not eat
  // into the wait for the download itself.
  await tabTo(page, page.getByRole("button", { name: button }), button);
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 10_000 }), page.keyboard.press("Enter")]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

test("print views and downloads of the demo meeting", async () => {
  const { context, page } = await openApp(env.browser, env.relay);
  await openMeetingByKeyboard(page, "2019-04-04");

  await activate(page, page.getByRole("link", { name: "Minnesanteckningar (utskrift)" }), "the minutes print view");
  await page.getByRole("heading", { level: 1, name: "Minnesanteckningar" }).waitFor({ timeout: 10_000 });
  const doc = page.locator("article.print-doc");
  const text = await doc.innerText();
  for (const expected of [
    "Information om möte", "2019-04-04", "13.00-16.00", "Konferensrum Dalsland",
    "Deltagare", "Henrik Röste", "Förhindrade", "Björn Lindeberg",
    "Dagordning", "[I] för informationspunkt", "Val av beredning (ordförande och vice ordförande)",
    "7) Val av beredning", "Gruppen beslutar att välja Henrik Röste till ordförande",
    "Åtgärder", "heldagsmöte", "Antecknat av", "Titti Andersson", "Justerat av", "Sara Herrman",
  ]) {
    assert.ok(text.includes(expected), `the minutes print view shows "${expected}"`);
  }
  // Printing shows the document alone.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".app-header").isVisible(), false, "no app header on paper");
  assert.equal(await page.getByRole("button", { name: "Skriv ut" }).isVisible(), false, "no buttons on paper");
  assert.equal(await doc.isVisible(), true);
  await page.emulateMedia({ media: "screen" });

  await activate(page, page.getByRole("link", { name: /Till mötet/ }), "back to the meeting");
  await activate(page, page.getByRole("link", { name: "Kallelse (utskrift)" }), "the notice print view");
  await page.getByRole("heading", { level: 1, name: "Kallelse: E-råd Fyrbodal, uppstartsmöte" }).waitFor({ timeout: 10_000 });
  const notice = await page.locator("article.print-doc").innerText();
  assert.ok(notice.includes("Paradigmskiftet") && notice.includes("14.20"), "the notice has the agenda with times");
  assert.ok(!notice.includes("Förhindrade"), "the notice has no attendance");

  await activate(page, page.getByRole("link", { name: /Till mötet/ }), "back to the meeting");
  const minutes = await downloaded(page, "Ladda ner minnesanteckningar (Markdown)");
  assert.equal(minutes.name, "minnesanteckningar-2019-04-04.md");
  assert.ok(minutes.text.startsWith("# Minnesanteckningar"));
  assert.ok(minutes.text.includes("| Henrik Röste | Färgelanda |"));
  const noticeFile = await downloaded(page, "Ladda ner kallelse (Markdown)");
  assert.equal(noticeFile.name, "kallelse-2019-04-04.md");
  assert.ok(noticeFile.text.includes("## Dagordning"));
  const ics = await downloaded(page, "Lägg i kalendern (.ics)");
  assert.equal(ics.name, "mote-2019-04-04.ics");
  assert.ok(ics.text.startsWith("BEGIN:VCALENDAR\r\n"));
  assert.match(ics.text, /DTSTART;TZID=Europe\/Stockholm:20190404T130000/);
  const unfolded = ics.text.replace(/\r\n /g, "");
  assert.match(unfolded, /\r\nSUMMARY:[^\r]*E-råd Fyrbodal\\, uppstartsmöte\r\n/, "the title, comma escaped as RFC 5545 asks");

  await context.close();
});
