// Step 5 of the foundation: the UI starts in Swedish and switches to English and back.
import { test, after, before } from "node:test";
import { launchBrowser, openApp, startRelay, waitUntil } from "./support.mjs";

let relay, browser;
before(async () => {
  relay = await startRelay({});
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await relay?.stop();
  relay?.cleanup();
});

test("Swedish by default, English one click away, and back", async () => {
  const { context, page } = await openApp(browser, relay);
  await page.getByRole("heading", { name: "Möten" }).waitFor();
  await page.getByRole("button", { name: "Byt språk till engelska" }).click();
  await page.getByRole("heading", { name: "Meetings" }).waitFor();
  await waitUntil(async () => (await page.locator("html").getAttribute("lang")) === "en", 5_000, "<html lang> to follow");
  // The choice is kept on this device.
  await page.reload();
  await page.getByRole("heading", { name: "Meetings" }).waitFor({ timeout: 20_000 });
  await page.getByRole("button", { name: "Switch language to Swedish" }).click();
  await page.getByRole("heading", { name: "Möten" }).waitFor();
  await context.close();
});
