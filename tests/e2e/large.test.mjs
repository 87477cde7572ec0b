// A large matrix (10,000 items) imports without freezing the page and is one virtualised
// table: only the rows in view are in the page, the keyboard reaches the last row, the
// scrollbar reaches it too, sorting and filtering cover every item, and a weight change
// re-bands them all. A 50,000-item workspace is kept in the browser, compressed, and one too
// large even so says why it is not kept.

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
  tab,
  tempFolder,
  withCleanup,
} from "./harness.mjs";

const ITEMS = 10_000;
const SCORES = ["0", "1", "2", "3", "4", "?"];

/** A CSV of ITEMS items over 5 criteria with scores from a fixed pattern, and its band counts with criterion A weighted `weightA`. */
function largeMatrix(weightA = 1) {
  const lines = ["Category,Item,A,B,C,D,E"];
  const counts = { Red: 0, Amber: 0, Green: 0 };
  for (let i = 0; i < ITEMS; i += 1) {
    const scores = [0, 1, 2, 3, 4].map((c) => SCORES[(i * (c + 3) + c * 7) % SCORES.length]);
    // Plain multipliers and "?" as 0: the total is the weighted sum of the known scores.
    const total = scores.reduce((sum, s, c) => sum + (s === "?" ? 0 : Number(s)) * (c === 0 ? weightA : 1), 0);
    counts[total >= 11 ? "Red" : total >= 6 ? "Amber" : "Green"] += 1;
    lines.push(`Category ${i % 40},Item ${i},${scores.join(",")}`);
  }
  return { csv: lines.join("\r\n") + "\r\n", counts };
}

test("a 10,000-item matrix is one virtualised grid: keyboard, scrolling, sort, filter, re-band", async () =>
  withCleanup(async (defer) => {
    const { csv, counts } = largeMatrix();
    const file = join(await tempFolder(defer, "large"), "large.csv");
    await writeFile(file, csv);

    const context = await openBrowser(defer);
    const { page, log, started } = await openPage(context, await copyPage(defer));
    assert.equal(started, "started");
    await page.getByLabel("Import a matrix from a CSV file").setInputFiles(file);
    await row(page, "Item 0").waitFor({ timeout: 60_000 });
    await expectBandCounts(page, counts);

    const grid = page.locator("table.matrix");
    // 10,000 items under 40 category headings, plus the header row.
    assert.equal(await grid.getAttribute("aria-rowcount"), String(ITEMS + 40 + 1));
    const drawn = await page.locator("table.matrix tr.item-row").count();
    assert.ok(drawn > 10 && drawn < 150, `only the rows in view are drawn (${drawn})`);

    // Ctrl+End goes to the last cell of the last row, which is drawn and focused.
    await row(page, "Item 0").locator("th").click();
    await page.keyboard.press("Control+End");
    const focused = page.locator("table.matrix :focus");
    await expectText(focused.locator("xpath=ancestor::tr"), /Item/);
    const lastRow = await focused.evaluate((cell) => cell.closest("tr").getAttribute("aria-rowindex"));
    assert.equal(lastRow, String(ITEMS + 40 + 1));
    // Ctrl+Home comes back to the first item.
    await page.keyboard.press("Control+Home");
    await expectText(page.locator("table.matrix :focus"), /^Item 0$/);

    // The wheel moves the table by as much as it is turned, each time: the rows drawn change
    // under it, and the table must not jump ahead.
    const scroller = page.locator(".table-scroll");
    const box = await scroller.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tops = [];
    for (let turn = 0; turn < 12; turn += 1) {
      const before = await scroller.evaluate((e) => e.scrollTop);
      await page.mouse.wheel(0, 100);
      // Once it has moved and stayed put for two frames.
      const after = await scroller.evaluate(async (e, b) => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        let last = e.scrollTop;
        for (;;) {
          await frame();
          await frame();
          if (e.scrollTop !== b && e.scrollTop === last) return e.scrollTop;
          last = e.scrollTop;
        }
      }, before);
      tops.push(Math.round(after - before));
    }
    assert.deepEqual(tops, Array(12).fill(100));

    // The rows drawn follow the box's height: after a scroll in a short window, a window made
    // much taller still has a row at the bottom of the box.
    const bottomRowDrawn = () => scroller.evaluate((e) => {
      const header = e.querySelector("thead").getBoundingClientRect().height;
      const bottom = Math.floor((e.scrollTop + e.clientHeight - 1 - header) / 36) + 2;
      return Boolean(e.querySelector(`tbody tr[aria-rowindex="${bottom}"]`));
    });
    const size = page.viewportSize();
    await page.setViewportSize({ width: size.width, height: 500 });
    await scroller.evaluate((e) => {
      e.scrollTop += 3600;
    });
    await page.waitForFunction(() => document.querySelector("table.matrix tr[aria-rowindex]:not([aria-rowindex='1'])")?.getAttribute("aria-rowindex") !== "2");
    await page.waitForTimeout(100);
    assert.ok(await bottomRowDrawn(), "in the short window");
    await page.setViewportSize({ width: size.width, height: 2400 });
    await page.waitForFunction(() => document.querySelector(".table-scroll").clientHeight > 1500);
    await page.waitForTimeout(100);
    assert.ok(await bottomRowDrawn(), "in the tall window");
    await page.setViewportSize(size);

    // The scrollbar reaches the last row too.
    await page.locator(".table-scroll").evaluate((box) => {
      box.scrollTop = box.scrollHeight;
    });
    const lastItem = await page.evaluate(() => {
      const rows = [...document.querySelectorAll("table.matrix tr.item-row")];
      return rows[rows.length - 1].dataset.item;
    });
    assert.match(lastItem, /^Item \d+$/);
    await expectText(page.locator('table.matrix tr[aria-rowindex="10041"]'), /Item/);

    // A filter and a sort cover every item.
    await page.getByLabel("Find items by name", { exact: true }).fill("Item 9999");
    await expectText(page.locator(".table-controls .shown"), /^Showing 1 of 10,000 items$/);
    assert.deepEqual(await page.locator("table.matrix tr.item-row").evaluateAll((rows) => rows.map((r) => r.dataset.item)), ["Item 9999"]);
    await page.getByLabel("Find items by name", { exact: true }).fill("");
    await page.getByLabel("Sort the table by", { exact: true }).selectOption({ label: "Name, A to Z" });
    await page.waitForFunction(() => document.querySelector("table.matrix tr.item-row")?.dataset.item === "Item 0");
    const firstThree = await page.locator("table.matrix tr.item-row").evaluateAll((rows) => rows.slice(0, 3).map((r) => r.dataset.item));
    assert.deepEqual(firstThree, ["Item 0", "Item 1", "Item 10"]);

    // A weight change re-bands all 10,000 items.
    const weighted = largeMatrix(2).counts;
    assert.notDeepEqual(weighted, counts);
    await page.getByLabel("A weight, exact value", { exact: true }).fill("2");
    await expectBandCounts(page, weighted);
    assert.deepEqual(log.pageErrors, []);
  }));

test("a workspace with 50,000 items is kept in the browser, compressed, and comes back after a reload", async () =>
  withCleanup(async (defer) => {
    // About 11 million characters as JSON, over the ~5 million a browser keeps: kept deflated.
    const lines = ["Category,Item,A,B,C,D,E"];
    for (let i = 0; i < 50_000; i += 1) lines.push(`Category ${i % 40},Item ${i},${[0, 1, 2, 3, 4].map((c) => (i + c) % 5).join(",")}`);
    const file = join(await tempFolder(defer, "huge"), "huge.csv");
    await writeFile(file, lines.join("\r\n") + "\r\n");
    const context = await openBrowser(defer);
    const { page, log, started } = await openPage(context, await copyPage(defer));
    assert.equal(started, "started");
    await page.getByLabel("Import a matrix from a CSV file").setInputFiles(file);
    await row(page, "Item 0").waitFor({ timeout: 60_000 });
    await page.getByLabel("Sort the table by", { exact: true }).selectOption({ label: "Name, A to Z" });
    await expectText(row(page, "Item 1").locator("td.total"), /^10$/);
    // Item 1 scores 1, 2, 3, 4, 0: without criterion A it has 9.
    await page.getByLabel("A weight, exact value", { exact: true }).fill("0");
    await expectText(row(page, "Item 1").locator("td.total"), /^9$/);
    await expectText(page.locator(".save-status"), /^Saved in this browser/);
    const kept = await page.evaluate(() => localStorage.getItem("matrix-explorer/v1/workspace"));
    assert.match(kept, /^matrix-explorer-deflated:/);
    assert.ok(kept.length < 2_500_000, `${kept.length} characters: the copy and its backup fit in 5 million`);

    await page.reload();
    assert.equal(await tab(page, "huge").getAttribute("aria-selected"), "true");
    await page.getByLabel("Sort the table by", { exact: true }).selectOption({ label: "Name, A to Z" });
    await expectText(row(page, "Item 1").locator("td.total"), /^9$/);
    assert.equal(await page.getByLabel("A weight, exact value", { exact: true }).inputValue(), "0");
    assert.deepEqual(log.pageErrors, []);
  }));

/** A CSV of 50,000 items named with 64 random letters and digits, which deflate hardly shrinks (one item is "Item 1", scoring 1, 2, 3, 4, 0). */
function randomNames(seed) {
  const letter = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[(seed >>> 16) % 62];
  };
  const lines = ["Category,Item,A,B,C,D,E"];
  for (let i = 0; i < 50_000; i += 1) {
    const name = i === 1 ? "Item 1" : Array.from({ length: 64 }, letter).join("");
    lines.push(`Category ${i % 40},${name},${[0, 1, 2, 3, 4].map((c) => (i + c) % 5).join(",")}`);
  }
  return lines.join("\r\n") + "\r\n";
}

test("a workspace too large for the browser's storage even compressed says so and keeps working", async () =>
  withCleanup(async (defer) => {
    // Two such matrices, one in each tab: each about 3.2 million characters compressed.
    const folder = await tempFolder(defer, "random");
    const context = await openBrowser(defer);
    const { page, log, started } = await openPage(context, await copyPage(defer));
    assert.equal(started, "started");
    for (const [name, seed] of [["first", 12345], ["second", 54321]]) {
      const file = join(folder, `${name}.csv`);
      await writeFile(file, randomNames(seed));
      if (name === "second") await tab(page, "ASB").click();
      await page.getByLabel("Import a matrix from a CSV file").setInputFiles(file);
      await tab(page, name).waitFor({ timeout: 60_000 });
    }
    await expectText(page.locator(".save-status"), /Not saved: the workspace is too large to keep in this browser \([\d.]+ million characters compressed; about 5 million fit\)/);
    // Work goes on in memory: a weight change still re-bands, and the status stays.
    await page.getByLabel("Find items by name", { exact: true }).fill("Item 1");
    await expectText(row(page, "Item 1").locator("td.total"), /^10$/);
    await page.getByLabel("A weight, exact value", { exact: true }).fill("0");
    await expectText(row(page, "Item 1").locator("td.total"), /^9$/);
    await expectText(page.locator(".save-status"), /Not saved: the workspace is too large/);
    assert.deepEqual(log.pageErrors, []);
  }));
