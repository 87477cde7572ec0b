// How close, and why: an item's explanation opens from the grid, its reported flip point is
// where the band really changes, and the charts carry text alternatives.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { test } from "node:test";
import {
  expectText,
  openAsb,
  row,
  screenshot,
  withCleanup,
} from "./harness.mjs";

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");


test("an item's explanation opens from the grid and says why it has its band", async () =>
  withCleanup(async (defer) => {
    const { page, log } = await openAsb(defer);
    await expectText(page.locator(".uncertainty"), /^13 of the 18 items with a '\?' could change band once it is known; 9 could become Red\.$/);
    await expectText(row(page, "Rubbish").locator("td.margin"), /^0 above Red: on the line$/);
    await row(page, "Rubbish").locator("th").click();
    const why = page.locator("section.explanation");
    await expectText(why.locator("h2"), /^Why is Rubbish Red\?$/);
    await expectText(
      why.locator(".why-sentence"),
      /^Rubbish is Red with 11, exactly on the line: public concern 4 gives the most; lowering any of its non-zero scores by 1 makes it Amber\.$/,
    );
    assert.equal(await why.locator("svg.stacked-bar desc").textContent(), await why.locator(".why-sentence").textContent());
    assert.equal(await why.locator(".why-score-flips li").count(), 5);
    // Enter on another item's name opens its explanation instead.
    await row(page, "Vandalism").locator("th").focus();
    await page.keyboard.press("Enter");
    await expectText(why.locator("h2"), /^Why is Vandalism Amber\?$/);
    await screenshot(page, "why-vandalism");
    assert.deepEqual(log.pageErrors, []);
  }));

test("a weight just below and at a reported flip point: the band changes exactly there", async () =>
  withCleanup(async (defer) => {
    const { page } = await openAsb(defer);
    await row(page, "Vandalism").locator("th").click();
    const flip = page.locator("section.explanation .why-flips tr").filter({ hasText: /^Public concern/ });
    const text = await flip.locator("td").nth(2).textContent();
    const at = Number(/at ([\d.]+) it becomes Red/.exec(text)?.[1]);
    // Worked out by hand: 9 points besides public concern 1, so Red from a weight of 2.
    assert.equal(at, 2, text);
    const box = page.getByLabel("Public concern weight, exact value", { exact: true });
    await box.fill(String(at - 0.001));
    await expectText(row(page, "Vandalism").locator("td.total"), /^10\.999$/);
    await expectText(row(page, "Vandalism").locator("td.band"), /^Amber/);
    await box.fill(String(at));
    await expectText(row(page, "Vandalism").locator("td.total"), /^11$/);
    await expectText(row(page, "Vandalism").locator("td.band"), /^Red/);
  }));

test("the charts carry text alternatives", async () =>
  withCleanup(async (defer) => {
    const { page } = await openAsb(defer);
    await page.getByText("Charts: how the bands depend on one weight").click();
    await page.getByLabel("Weight to vary", { exact: true }).selectOption({ label: "Public concern" });
    const chart = page.locator("figure.counts-chart");
    await expectText(chart.locator("svg title"), /Public concern weight goes from 0 to 5/);
    const desc = await chart.locator("svg desc").textContent();
    assert.match(desc, /^weights 0 to [\d.]+: Red \d+, Amber \d+, Green \d+/);
    // At weight 1 (the published one) the table's row holds the published counts: Red 12.
    const rows = await chart.locator("table tbody tr").allInnerTexts();
    assert.ok(rows.length > 1, "the counts change somewhere between 0 and 5");
    const atOne = rows
      .map((r) => r.split("\t").map((cell) => cell.trim()))
      .find(([range]) => {
        const [from, to] = range.split(" to ").map(Number);
        return from <= 1 && 1 < to;
      });
    assert.deepEqual(atOne?.slice(1), ["12", "12", "5"], rows.join(" | "));
    await expectText(page.locator("figure.heatmap svg title"), /Heatmap of the Antisocial behaviour \(ASB\) matrix/);
    // Worked out by hand: Vandalism (9 + public concern) turns Red at a weight of 2, and
    // Street Drinking (9 + 2 x weight) leaves Red below 1: the Red list holds from 1 to 2.
    await expectText(chart.locator(".red-set"), /^The same items stay Red for Public concern weights from 1 to 2;/);
    // With an explanation open as well, axe finds nothing.
    await row(page, "Rubbish").locator("th").click();
    await page.locator("section.explanation").waitFor();
    await page.evaluate(AXE_SOURCE);
    const found = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }, resultTypes: ["violations"] }),
    );
    assert.deepEqual(found.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), []);
    await screenshot(page, "charts");
  }));
