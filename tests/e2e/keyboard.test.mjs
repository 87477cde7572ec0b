// The app works from the keyboard alone: the matrix tabs move with the arrow keys, a score
// is changed by typing it, a weight slider moves with the arrow keys, and "Reset to
// published" is pressed with Enter. Every change re-bands as predict.mjs says. A typed score
// that moves its row in a sorted table keeps the focus on that item.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  copyPage,
  expectBandCounts,
  expectRows,
  expectText,
  openAsb,
  openBrowser,
  openPage,
  row,
  scoreCell,
  tab,
  withCleanup,
} from "./harness.mjs";
import { loadSeed, predict } from "./predict.mjs";

const asb = loadSeed("asb");
const crime = loadSeed("crime");

/** The id of the element that has the keyboard focus. */
function focusedId(page) {
  return page.evaluate(() => document.activeElement?.id ?? "");
}

test("tabs, scores, weights and reset all work from the keyboard", async () =>
  withCleanup(async (defer) => {
    const context = await openBrowser(defer);
    const { page, log, started } = await openPage(context, await copyPage(defer));
    assert.equal(started, "started");

    // Tabs: the selected tab is the one in the tab order; arrows move selection and focus.
    await tab(page, "Crime").focus();
    await page.keyboard.press("ArrowRight");
    await expectText(row(page, "Youth Nuisance").locator("td.total"), /^15$/);
    assert.equal(await tab(page, "ASB").getAttribute("aria-selected"), "true");
    assert.equal(await focusedId(page), "tab-1", "focus follows the selected tab");
    assert.equal(await tab(page, "Crime").getAttribute("tabindex"), "-1");
    await page.keyboard.press("ArrowLeft");
    assert.equal(await tab(page, "Crime").getAttribute("aria-selected"), "true");
    await page.keyboard.press("End");
    assert.equal(await tab(page, "ASB").getAttribute("aria-selected"), "true");

    // A score: focus its cell and type the new score.
    await (await scoreCell(page, "Street Drinking", "Public concern")).focus();
    await page.keyboard.press("0");
    const edited = predict(asb, { edits: { "Street Drinking": { "Public concern": 0 } } });
    await expectRows(page, edited.rows);
    await expectText(row(page, "Street Drinking").locator("td.band"), /^Amber/);

    // A weight: ten presses of the right arrow take the slider from 1 to 2 in steps of 0.1.
    const slider = page.getByLabel("Public concern weight", { exact: true });
    await slider.focus();
    for (let press = 0; press < 10; press += 1) {
      await page.keyboard.press("ArrowRight");
    }
    const box = page.getByLabel("Public concern weight, exact value", { exact: true });
    await page.waitForFunction((el) => el.value === "2", await box.elementHandle());
    const both = predict(asb, {
      weights: { "Public concern": 2 },
      edits: { "Street Drinking": { "Public concern": 0 } },
    });
    await expectRows(page, both.rows);
    await expectBandCounts(page, both.counts);

    // Reset, pressed with Enter, brings back the published matrix.
    await page.getByRole("button", { name: "Reset to published" }).focus();
    await page.keyboard.press("Enter");
    const published = predict(asb);
    await expectRows(page, published.rows);
    await expectBandCounts(page, published.counts);
    assert.deepEqual(log.pageErrors, []);
  }));

test("a typed weight or threshold out of range is not applied and the box shows the value in force", async () =>
  withCleanup(async (defer) => {
    const context = await openBrowser(defer);
    const { page, started } = await openPage(context, await copyPage(defer));
    assert.equal(started, "started");

    const box = page.getByLabel("Volume weight, exact value", { exact: true });
    const published = predict(crime);
    await box.fill("9");
    await box.press("Tab");
    assert.equal(await box.inputValue(), "1", "a weight over 5 is not applied: the box shows the weight in force");
    assert.equal(await page.getByLabel("Volume weight", { exact: true }).inputValue(), "1");
    await expectRows(page, published.rows);
    await box.fill("3");
    await box.press("Tab");
    await box.fill("");
    await box.press("Tab");
    assert.equal(await box.inputValue(), "3", "an empty box goes back to the weight in force");

    const red = page.getByLabel("Red threshold (lowest Red total)", { exact: true });
    await red.fill("-2");
    await red.press("Tab");
    assert.equal(await red.inputValue(), "11", "a negative threshold is refused");
    await expectText(page.locator(".thresholds .hint"), /Red from 11:/);
  }));

/**
 * Where the focused grid cell is hidden, if it is: under the pinned item column, total or
 * band, under the header row, or outside the table's box or the window. Empty when in view.
 */
function focusCover(page) {
  return page.evaluate(() => {
    const cell = document.activeElement;
    const b = cell.getBoundingClientRect();
    const box = cell.closest(".table-scroll").getBoundingClientRect();
    const overlaps = (other) => {
      const r = other.getBoundingClientRect();
      return Math.min(r.right, b.right) - Math.max(r.left, b.left) > 2
        && Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top) > 2;
    };
    const covers = [...cell.closest("tr").querySelectorAll("td.total, td.band, th.item-name")]
      .filter((other) => other !== cell && overlaps(other))
      .map((other) => other.className.split(" ")[0]);
    if (overlaps(document.querySelector("table.matrix thead"))) covers.push("header row");
    if (b.left < box.left - 1 || b.right > box.right + 1 || b.top < box.top - 1 || b.bottom > box.bottom + 1) {
      covers.push("outside the table's box");
    }
    if (b.left < -1 || b.top < -1 || b.right > innerWidth + 1 || b.bottom > innerHeight + 1) covers.push("outside the window");
    return covers.length ? `${cell.id} under ${covers.join(", ")}` : "";
  });
}

test("the focused cell is never hidden under the pinned columns or the header, at any width or at 200% zoom", async () =>
  withCleanup(async (defer) => {
    const { page } = await openAsb(defer);
    const sizes = [[1024, 768, 1], [1280, 720, 1], [1366, 768, 1], [1920, 1080, 1], [1366, 768, 2]];
    for (const [width, height, zoom] of sizes) {
      // 200% zoom: the same window holds half as many CSS pixels each way.
      await page.setViewportSize({ width: Math.round(width / zoom), height: Math.round(height / zoom) });
      await (await scoreCell(page, "Abandoned Vehicles", "Volume")).click();
      await page.keyboard.press("Home");
      const hidden = [];
      const walk = async (key, times) => {
        for (let i = 0; i < times; i += 1) {
          await page.keyboard.press(key);
          const cover = await focusCover(page);
          if (cover) hidden.push(`${key}: ${cover}`);
        }
      };
      await walk("ArrowRight", 16);
      await walk("ArrowDown", 12);
      await walk("ArrowLeft", 16);
      await walk("Control+End", 1);
      await walk("Control+Home", 1);
      await walk("End", 1);
      assert.deepEqual(hidden, [], `at ${width}x${height}, ${zoom * 100}%`);
    }
  }));

test("the skip links come first and take the keyboard to the ranked list and into the grid", async () =>
  withCleanup(async (defer) => {
    const { page } = await openAsb(defer);
    const focused = () => page.evaluate(() => ({
      id: document.activeElement?.id ?? "",
      text: document.activeElement?.textContent?.trim() ?? "",
      inGrid: Boolean(document.activeElement?.closest("table.matrix")),
    }));

    // From the top of a freshly opened page, the first Tab reaches "Skip to ranked priorities".
    const fromTheTop = async () => {
      await page.reload();
      await page.locator("table.matrix tr.item-row").first().waitFor();
    };
    await fromTheTop();
    await page.keyboard.press("Tab");
    assert.equal((await focused()).text, "Skip to ranked priorities");
    await page.keyboard.press("Enter");
    assert.equal((await focused()).id, "priorities-heading");

    // The second Tab from the top reaches "Skip to the matrix", which lands on the grid's one
    // tab stop; Tab then leaves the grid at once.
    await fromTheTop();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert.equal((await focused()).text, "Skip to the matrix");
    await page.keyboard.press("Enter");
    const inGrid = await focused();
    assert.ok(inGrid.inGrid && inGrid.id.startsWith("cell-"), `focus went to ${JSON.stringify(inGrid)}`);
    await page.keyboard.press("Tab");
    assert.equal((await focused()).inGrid, false, "the grid holds one tab stop");
  }));

test("in a table sorted by total, a typed score that moves its row keeps the focus on that item's cell", async () =>
  withCleanup(async (defer) => {
    const { page, log } = await openAsb(defer);
    await page.getByLabel("Sort the table by", { exact: true }).selectOption({ value: "total" });
    const order = () => page.locator("table.matrix tr.item-row").evaluateAll((rows) => rows.map((r) => r.dataset.item));
    const before = await order();
    const cell = await scoreCell(page, "Rubbish", "Performance (short-term trend)");
    await cell.focus();
    await page.keyboard.press("0");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("0");
    await expectText(row(page, "Rubbish").locator("td.total"), /^\d+$/);
    await page.waitForFunction((b) => {
      const rows = [...document.querySelectorAll("table.matrix tr.item-row")].map((r) => r.dataset.item);
      return rows.indexOf("Rubbish") > b.indexOf("Rubbish");
    }, before);
    const focused = () => page.evaluate(() => ({
      item: document.activeElement?.closest("tr")?.dataset.item ?? null,
      column: document.activeElement?.getAttribute("aria-colindex") ?? null,
    }));
    const trend = await cell.getAttribute("aria-colindex");
    assert.deepEqual(await focused(), { item: "Rubbish", column: String(Number(trend) + 1) });
    // Down from there is the row now below it in the new order.
    const after = await order();
    await page.keyboard.press("ArrowDown");
    assert.equal((await focused()).item, after[after.indexOf("Rubbish") + 1]);
    assert.deepEqual(log.pageErrors, []);
  }));
