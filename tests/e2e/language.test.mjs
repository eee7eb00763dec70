// Step 5 of the foundation: the UI starts in Swedish and switches to English and back.
import { test } from "node:test";
import { openApp, relayAndBrowser, waitUntil } from "./support.mjs";

const env = relayAndBrowser();

test("Swedish by default, English one click away, and back", async () => {
  const { context, page } = await openApp(env.browser, env.relay);
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
