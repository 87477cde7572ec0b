// Automated accessibility checks (axe-core, WCAG 2.2 A and AA rules) on what a person sees:
// both matrices as published, a what-if with edits, and a refused import. Colour contrast,
// labels, table headers and landmarks are among the rules checked.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  copyPage,
  expectText,
  openBrowser,
  openPage,
  row,
  setScore,
  tab,
  withCleanup,
} from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const FIXTURE = fileURLToPath(new URL("fixtures/broken-score.csv", import.meta.url));

/** The violations axe finds on the page as it is now, each with the elements involved. */
async function violations(page) {
  // Evaluated through the browser's debugging protocol: the page's own policy, which
  // allows only its one inline script, stays in force for the page itself.
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      resultTypes: ["violations"],
    }),
  );
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}

test("no WCAG A/AA violations: published matrices, a what-if, and a refused import", async () =>
  withCleanup(async (defer) => {
    const context = await openBrowser(defer);
    const { page, started } = await openPage(context, await copyPage(defer));
    assert.equal(started, "started");

    assert.deepEqual(await violations(page), [], "crime matrix as published");

    await tab(page, "ASB").click();
    await expectText(row(page, "Youth Nuisance").locator("td.total"), /^15$/);
    assert.deepEqual(await violations(page), [], "ASB matrix as published");

    await page.getByLabel("Public concern weight, exact value", { exact: true }).fill("2");
    await page.getByLabel("Public concern weight, exact value", { exact: true }).press("Tab");
    await setScore(page, "Begging", "Public concern", "4");
    await page.getByLabel("Rescale weights so totals stay on the 0-24 scale", { exact: true }).check();
    await expectText(page.locator(".weights-panel .status"), /Showing your changes/);
    assert.deepEqual(await violations(page), [], "ASB with a what-if and an edit");

    await page.getByLabel("Import a matrix from a CSV file", { exact: true }).setInputFiles(FIXTURE);
    await page.getByRole("alert").waitFor();
    assert.deepEqual(await violations(page), [], "after a refused import");

    // Control: the check does find a problem when there is one.
    await page.evaluate(() => {
      const input = document.createElement("input");
      input.type = "text";
      const faint = document.createElement("p");
      faint.textContent = "Faint text";
      faint.style.color = "#dddddd";
      document.querySelector("main").append(input, faint);
    });
    const found = (await violations(page)).map((v) => v.rule).sort();
    assert.deepEqual(found, ["color-contrast", "label"]);
  }));
