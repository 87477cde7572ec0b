// What a person sees and changes: the default crime matrix, the ASB matrix, re-banding after
// a weight change and after a score edit. Expected values come from predict.mjs, which works
// them out from data/seed-*.json on its own.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  copyPage,
  expectBandCounts,
  expectRows,
  expectText,
  openBrowser,
  openPage,
  readScore,
  row,
  screenshot,
  setScore,
  tab,
  withCleanup,
} from "./harness.mjs";
import { UNATTRIBUTED, loadSeed, predict } from "./predict.mjs";

const crime = loadSeed("crime");
const asb = loadSeed("asb");

/** A fresh browser showing the app, with the default view loaded. */
async function openApp(defer) {
  const context = await openBrowser(defer);
  const { page, log, started } = await openPage(context, await copyPage(defer));
  assert.equal(started, "started", `the app did not start: ${log.pageErrors.join("; ")}`);
  return { page, log };
}

async function showAsb(page) {
  await tab(page, "ASB").click();
  await expectText(row(page, "Youth Nuisance").locator("td.total"), /^\s*15\s*$/);
}

test("the default view is the crime matrix as published", async () =>
  withCleanup(async (defer) => {
    const { page, log } = await openApp(defer);
    const expected = predict(crime);

    assert.equal(await tab(page, "Crime").getAttribute("aria-selected"), "true");
    const drugs = row(page, "Possession Of Drugs");
    await expectText(drugs.locator("th[scope=row]"), /Possession Of Drugs/);
    await expectText(drugs.locator("td.total"), /^\s*18\s*$/);
    await expectText(drugs.locator("td.band"), /^Red\b/);
    await expectRows(page, expected.rows);
    await expectBandCounts(page, expected.counts);
    await screenshot(page, "crime-default");
    assert.deepEqual(log.pageErrors, []);
  }));

test("the ASB matrix shows its published totals and bands", async () =>
  withCleanup(async (defer) => {
    const { page } = await openApp(defer);
    await showAsb(page);
    assert.equal(await tab(page, "ASB").getAttribute("aria-selected"), "true");
    await expectText(row(page, "Youth Nuisance").locator("td.band"), /^Red\b/);
    const expected = predict(asb);
    await expectRows(page, expected.rows);
    await expectBandCounts(page, expected.counts);
  }));

test("a heavier Public concern weight re-bands ASB rows as the formula predicts", async () =>
  withCleanup(async (defer) => {
    const { page, log } = await openApp(defer);
    await showAsb(page);

    const published = predict(asb);
    const weighted = predict(asb, { weights: { "Public concern": 2 } });
    assert.equal(published.counts.Red, 12, "the predictor reproduces the published ASB bands");
    const changed = weighted.rows.filter((r, i) => r.band !== published.rows[i].band);
    assert.ok(changed.length > 0, "the scenario must move at least one row to another band");

    // The prediction's column count must be the page's: every column has its exact-value box.
    for (const column of weighted.columns) {
      const label = column === UNATTRIBUTED ? "Unattributed points" : column;
      await page.getByLabel(`${label} weight, exact value`, { exact: true }).waitFor();
    }
    assert.ok(weighted.columns.includes(UNATTRIBUTED));
    const rescale = page.getByLabel("Rescale weights so totals stay on the 0-24 scale", { exact: true });
    assert.equal(await rescale.isChecked(), false, "plain multipliers are the default");

    const box = page.getByLabel("Public concern weight, exact value", { exact: true });
    await box.fill("2");
    await box.press("Enter");
    await box.press("Tab");

    await expectRows(page, weighted.rows);
    await expectBandCounts(page, weighted.counts);
    assert.equal(await page.getByLabel("Public concern weight", { exact: true }).inputValue(), "2");
    await expectText(page.locator("ol.priority-list > li").first(), new RegExp(weighted.ranking[0].replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")));
    await screenshot(page, "asb-public-concern-weight-2");

    await page.getByRole("button", { name: "Reset to published" }).click();
    await expectRows(page, published.rows);
    assert.equal(await box.inputValue(), "1");
    assert.deepEqual(log.pageErrors, []);
  }));

test("editing a score re-bands that row", async () =>
  withCleanup(async (defer) => {
    const { page } = await openApp(defer);
    await showAsb(page);

    const edit = { "Street Drinking": { "Public concern": 0 } };
    const expected = predict(asb, { edits: edit });
    assert.deepEqual(
      expected.rows.find((r) => r.item === "Street Drinking"),
      { item: "Street Drinking", total: "9", band: "Amber" },
    );

    assert.equal(await readScore(page, "Street Drinking", "Public concern"), "2");
    await setScore(page, "Street Drinking", "Public concern", "0");

    const drinking = row(page, "Street Drinking");
    await expectText(drinking.locator("td.total"), /^\s*9\s*$/);
    await expectText(drinking.locator("td.band"), /^Amber\b/);
    await expectRows(page, expected.rows);
    await expectBandCounts(page, expected.counts);
  }));
