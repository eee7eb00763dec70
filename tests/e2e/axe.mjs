// Accessibility check for the end-to-end tests: runs axe-core in a page and fails with every
// WCAG 2.1 A/AA violation named (rule, impact, the elements), so a person can find and fix it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let source;
try {
  source = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
} catch (e) {
  throw new Error(`axe-core is not installed in tests/e2e (run scripts/radslag setup): ${e.message}`);
}

/** The WCAG 2.1 A and AA rules: what DOS-lagen asks of a Swedish public body. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe-core on the page as it is now; throws listing each violation found. */
export async function expectNoAxeViolations(page, where) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    // Evaluated through the DevTools protocol, which the relay's Content-Security-Policy does not
    // govern: a script tag would be blocked (rightly) as an inline script the page did not ship.
    await page.evaluate(source);
  }
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`),
    }));
  }, TAGS);
  if (violations.length > 0) {
    const list = violations.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join("\n    ")}`).join("\n");
    throw new Error(`${where}: ${violations.length} WCAG 2.1 A/AA violation(s) found by axe-core:\n${list}`);
  }
}
