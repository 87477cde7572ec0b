// What a weight means on the page: plain multipliers by default, a typed weight applied on
// the keystroke, rescaling as an explicit option, the sentence saying what is applied, and
// movement that never shows a fall in band as a rise. Expected bands are written here by
// hand as well as predicted by predict.mjs.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  expectBandCounts,
  expectRows,
  expectText,
  openAsb,
  row,
  screenshot,
  withCleanup,
} from "./harness.mjs";
import { loadSeed, predict } from "./predict.mjs";

const asb = loadSeed("asb");
const RESCALE = "Rescale weights so totals stay on the 0-24 scale";


/** Items whose band on the page differs from the published one, as "Item: From → To". */
function bandChanges(published, now) {
  return now
    .filter((r, i) => r.band !== published[i].band)
    .map((r) => `${r.item}: ${published.find((p) => p.item === r.item).band} → ${r.band}`);
}

/** The movement text of every table row, arrow included. */
function movementTexts(page) {
  return page.locator("table.matrix tr.item-row").evaluateAll((rows) =>
    rows.map((tr) => ({ item: tr.dataset.item, text: tr.querySelector("td.movement").textContent.trim() })),
  );
}

test("typing 2 in the Public concern box re-bands at once, as plain multipliers", async () =>
  withCleanup(async (defer) => {
    const { page, log } = await openAsb(defer);
    const published = predict(asb);
    assert.equal(await page.getByLabel(RESCALE, { exact: true }).isChecked(), false);
    await expectText(
      page.locator("#weighting-sentence"),
      /Every criterion counts ×1 \(as published\); thresholds Amber 6, Red 11; '\?' counts as 0\./,
    );

    const box = page.getByLabel("Public concern weight, exact value", { exact: true });
    await box.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("2"); // no Enter, no Tab

    const doubled = predict(asb, { weights: { "Public concern": 2 } });
    await expectRows(page, doubled.rows);
    // Worked out by hand: only Vandalism (0,2,2,3,1,1 plus 1 unattributed = 10) moves, to 11.
    assert.deepEqual(bandChanges(published.rows, doubled.rows), ["Vandalism: Amber → Red"]);
    assert.deepEqual(doubled.counts, { Red: 13, Amber: 11, Green: 5 });
    await expectText(row(page, "Vandalism").locator("td.total"), /^11$/);
    await expectText(row(page, "Construction/Machinery").locator("td.band"), /^Red/);
    await expectText(row(page, "Youth Nuisance").locator("td.total"), /^19$/);
    await expectBandCounts(page, doubled.counts);
    assert.equal(await box.evaluate((el) => el === document.activeElement), true, "still typing");
    await expectText(
      page.locator("#weighting-sentence"),
      /Public concern counts ×2, every other criterion ×1; thresholds Amber 6, Red 11; '\?' counts as 0\./,
    );
    await expectText(page.locator(".weight-row").filter({ hasText: "Public concern weight" }).locator(".multiplier"), /counts ×2$/);
    await expectText(row(page, "Vandalism").locator("td.movement"), /Amber → Red, up a band/);
    // The pinned band column keeps the change in view too.
    await expectText(row(page, "Vandalism").locator("td.band"), /^Red▲ was Amber$/);
    // Screen readers hear which items changed band, by name.
    await expectText(page.locator("main.workspace > p[aria-live]"), /^Vandalism now Red\.$/);
    await screenshot(page, "asb-public-concern-typed-2");
    assert.deepEqual(log.pageErrors, []);
  }));

test("rescaling is an option, averaging the scored criteria to ×1", async () =>
  withCleanup(async (defer) => {
    const { page, log } = await openAsb(defer);
    const published = predict(asb);
    const box = page.getByLabel("Public concern weight, exact value", { exact: true });
    await box.fill("2");
    await page.getByLabel(RESCALE, { exact: true }).check();

    const rescaled = predict(asb, { weights: { "Public concern": 2 }, rescale: true });
    await expectRows(page, rescaled.rows);
    // Worked out by hand: the others count 6/7, public concern 12/7, unattributed 1.
    assert.deepEqual(bandChanges(published.rows, rescaled.rows), [
      "Animals: Amber → Green",
      "Construction/Machinery: Red → Amber",
      "Non Accidental Fires - Rubbish or Similar: Amber → Green",
    ]);
    await expectText(row(page, "Begging").locator("td.total"), /^12\.857$/);
    await expectText(row(page, "Vandalism").locator("td.total"), /^9\.571$/);
    await expectText(row(page, "Construction/Machinery").locator("td.total"), /^9\.428$/);
    await expectText(row(page, "Construction/Machinery").locator("td.band"), /^Amber/);
    await expectBandCounts(page, rescaled.counts);
    await expectText(
      page.locator("#weighting-sentence"),
      /Weights rescaled to keep the 0-24 scale: Public concern counts ×1\.714 \(weight 2\), every other criterion ×0\.857 \(weight 1\)/,
    );
    await expectText(
      page.locator(".weight-row").filter({ hasText: "Unattributed points weight" }).locator(".multiplier"),
      /counts ×1$/,
    );

    await page.getByRole("button", { name: "Reset to published" }).click();
    await expectRows(page, published.rows);
    assert.equal(await page.getByLabel(RESCALE, { exact: true }).isChecked(), false, "reset returns to plain");
    assert.deepEqual(log.pageErrors, []);
  }));

test("an item whose band falls never shows an upward arrow or 'up'", async () =>
  withCleanup(async (defer) => {
    const { page, log } = await openAsb(defer);
    await page.getByLabel("Public concern weight, exact value", { exact: true }).fill("2");
    await page.getByLabel(RESCALE, { exact: true }).check();
    const rescaled = predict(asb, { weights: { "Public concern": 2 }, rescale: true });
    await expectRows(page, rescaled.rows);

    const texts = await movementTexts(page);
    const expected = rescaled.movements;
    for (const { item, text } of texts) {
      const { movement } = expected.find((m) => m.item === item);
      const arrow = movement.includes(", down ") ? "▼ " : movement.includes(", up ") ? "▲ " : "";
      assert.equal(text, `${arrow}${movement}`, item);
    }
    // Construction/Machinery falls Red → Amber while other items fall around it.
    const construction = texts.find((t) => t.item === "Construction/Machinery").text;
    assert.match(construction, /^▼ Red → Amber, down a band; rank /);
    const fallen = texts.filter((t) => / → .*, down a band/.test(t.text));
    assert.equal(fallen.length, 3);
    for (const { item, text } of fallen) {
      assert.doesNotMatch(text, /▲|\bup\b/, item);
    }
    // The ranked list uses the same words.
    const listed = page.locator('ol.priority-list li[data-item="Construction/Machinery"] .movement');
    await expectText(listed, /^▼ Red → Amber, down a band; rank /);
    assert.deepEqual(log.pageErrors, []);
  }));

test("a weight typed out of range or half-typed never re-bands", async () =>
  withCleanup(async (defer) => {
    const { page } = await openAsb(defer);
    const published = predict(asb);
    const box = page.getByLabel("Public concern weight, exact value", { exact: true });
    await box.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("7");
    await page.keyboard.type("0");
    await expectRows(page, published.rows);
    await page.keyboard.press("Tab");
    assert.equal(await box.inputValue(), "1", "shown corrected to the weight in force");
    await expectRows(page, published.rows);
  }));
