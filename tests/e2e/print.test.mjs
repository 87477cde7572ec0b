// The board pack from Print: printed to PDF on A4 without background graphics, it holds
// every item of both matrices and every section, and no control; PNGs of its first pages
// are written for a person to look at.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { copyPage, expectText, OUTPUT, openBrowser, openPage, row, tab, withCleanup } from "./harness.mjs";
import { loadSeed, seedItems } from "./predict.mjs";

test("Print gives a board pack with every item, every section and no controls", async () =>
  withCleanup(async (defer) => {
    const context = await openBrowser(defer);
    const { page, started } = await openPage(context, await copyPage(defer));
    assert.equal(started, "started");
    await tab(page, "ASB").click();
    await page.getByLabel("Public concern weight, exact value", { exact: true }).fill("2");
    await expectText(row(page, "Vandalism").locator("td.band"), /^Red/);

    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await page.locator(".print-pack").waitFor({ state: "attached" });
    await page.emulateMedia({ media: "print" });
    // Rows are kept whole across pages, and the header row repeats.
    const styles = await page.evaluate(() => {
      const tr = document.querySelector(".print-matrix tbody tr");
      const thead = document.querySelector(".print-matrix thead");
      return [getComputedStyle(tr).breakInside, getComputedStyle(thead).display];
    });
    assert.deepEqual(styles, ["avoid", "table-header-group"]);
    await mkdir(OUTPUT, { recursive: true });
    const pdf = join(OUTPUT, "board-pack.pdf");
    await writeFile(pdf, await page.pdf({ format: "A4", printBackground: false, preferCSSPageSize: true }));
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");

    for (const name of ["crime", "asb"]) {
      for (const { name: item } of seedItems(loadSeed(name))) {
        assert.ok(text.includes(item), `${item} is in the pack`);
      }
    }
    for (const section of [
      "Strategic assessment matrix: board pack",
      "Weighting in force: Public concern counts ×2, every other criterion ×1; thresholds Amber 6, Red 11; '?' counts as 0.",
      "Priorities",
      "Band changes against the published assessment",
      "Vandalism: Amber → Red",
      "Board decisions",
      "Added to the priorities: Violent crime",
      "Data audit",
      "The matrix in full",
      "Scenario: Unsaved what-if",
      "Charts",
      "The same items stay Red for Public concern weights",
    ]) {
      assert.ok(text.includes(section), `the pack has "${section}"`);
    }
    for (const control of ["Reset to published", "Save as new scenario", "Import a matrix", "Copy for the minutes", "Print the board pack", "Skip to ranked priorities"]) {
      assert.ok(!text.includes(control), `"${control}" does not print`);
    }
    execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "3", pdf, join(OUTPUT, "board-pack")]);
  }));
