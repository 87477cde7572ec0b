// A large matrix (20,000 items, about 1 MB) imports without freezing or crashing the page:
// the table is drawn a page at a time, the counts cover every item, and paging moves on.

import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import {
  copyPage,
  expectBandCounts,
  expectText,
  openBrowser,
  openPage,
  row,
  tempFolder,
  withCleanup,
} from "./harness.mjs";

const ITEMS = 20_000;
const SCORES = ["0", "1", "2", "3", "4", "?"];

/** A CSV of ITEMS items over 5 criteria with scores from a fixed pattern, and its band counts. */
function largeMatrix() {
  const lines = ["Category,Item,A,B,C,D,E"];
  const counts = { Red: 0, Amber: 0, Green: 0 };
  for (let i = 0; i < ITEMS; i += 1) {
    const scores = [0, 1, 2, 3, 4].map((c) => SCORES[(i * (c + 3) + c * 7) % SCORES.length]);
    // Every weight 1 and "?" as 0: the total is the sum of the known scores.
    const total = scores.reduce((sum, s) => sum + (s === "?" ? 0 : Number(s)), 0);
    counts[total >= 11 ? "Red" : total >= 6 ? "Amber" : "Green"] += 1;
    lines.push(`Category ${i % 40},Item ${i},${scores.join(",")}`);
  }
  return { csv: lines.join("\r\n") + "\r\n", counts };
}

test("a 20,000-item matrix imports, counts every item and pages through the table", async () =>
  withCleanup(async (defer) => {
    const { csv, counts } = largeMatrix();
    const folder = await tempFolder(defer, "large");
    const file = join(folder, "large.csv");
    await writeFile(file, csv);

    const context = await openBrowser(defer);
    const { page, log, started } = await openPage(context, await copyPage(defer));
    assert.equal(started, "started");
    await page.getByLabel("Import a matrix from a CSV file").setInputFiles(file);

    await row(page, "Item 0").waitFor({ timeout: 60_000 });
    await expectBandCounts(page, counts);
    await expectText(page.locator(".pager-position"), /^Items 1-200 of 20000 \(page 1 of 100\)$/);
    assert.equal(await page.locator("table.matrix tr.item-row").count(), 200, "one page of rows is drawn");

    await page.getByRole("button", { name: "Next rows" }).click();
    await expectText(page.locator(".pager-position"), /^Items 201-400 of 20000 \(page 2 of 100\)$/);
    assert.equal(await page.locator("table.matrix tr.item-row").count(), 200);
    assert.equal(await page.locator("ol.priority-list > li").count(), 100, "the ranked list shows the top 100");
    assert.deepEqual(log.pageErrors, []);
  }));
