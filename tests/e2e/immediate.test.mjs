// Re-banding is immediate: a weight or score change made in one animation frame is already in
// the table and the band counts that frame paints (no debounce, no later task). The ranked
// list and the sections below the table follow once that frame is drawn, marked aria-busy
// until then. A control that defers the same change by one task shows the check can tell
// the difference.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  expectText,
  openAsb,
  readRows,
  row,
  scoreCell,
  withCleanup,
} from "./harness.mjs";
import { loadSeed, predict } from "./predict.mjs";

const asb = loadSeed("asb");

/**
 * In one animation frame: the first callback sets the control labelled `label` to `value`
 * and fires `eventName` on it (or, with `deferByOneTask`, does so in a task queued with
 * setTimeout(0)); the second callback of the same frame, which runs after the first one's
 * microtasks and before the frame is painted, reads the rows and the band counts.
 */
function changeAndReadSameFrame(page, { label, cell, value, eventName, deferByOneTask = false }) {
  return page.evaluate(
    ({ label, cell, value, eventName, deferByOneTask }) =>
      new Promise((resolve) => {
        const control = document.querySelector(cell ?? `[aria-label="${label}"]`);
        const change = () => {
          if (eventName === "keydown") {
            control.focus();
            control.dispatchEvent(new KeyboardEvent("keydown", { key: value, bubbles: true, cancelable: true }));
            return;
          }
          control.value = value;
          control.dispatchEvent(new Event(eventName, { bubbles: true }));
        };
        requestAnimationFrame(() => (deferByOneTask ? setTimeout(change, 0) : change()));
        requestAnimationFrame(() => {
          const rows = [...document.querySelectorAll("table.matrix tr.item-row")].map((tr) => ({
            item: tr.dataset.item,
            total: tr.querySelector("td.total").textContent.trim(),
            band: /\b(Red|Amber|Green)\b/.exec(tr.querySelector("td.band").textContent)[1],
          }));
          resolve({
            rows,
            counts: document.querySelector(".band-counts").textContent.trim(),
            busy: [".side-column", ".lower"].map((s) => document.querySelector(s).getAttribute("aria-busy")),
          });
        });
      }),
    { label, cell, value, eventName, deferByOneTask },
  );
}

const countsText = ({ Red, Amber, Green }) => `Red ${Red}, Amber ${Amber}, Green ${Green}`;


test("a typed weight and a score edit are painted in the frame they happen", async () =>
  withCleanup(async (defer) => {
    const { page } = await openAsb(defer);
    const weighted = predict(asb, { weights: { "Public concern": 2 } });
    const afterWeight = await changeAndReadSameFrame(page, {
      label: "Public concern weight, exact value",
      value: "2",
      eventName: "input",
    });
    assert.deepEqual(afterWeight.rows, weighted.rows);
    assert.equal(afterWeight.counts, countsText(weighted.counts));
    assert.deepEqual(afterWeight.busy, ["true", "true"], "the parts drawn a frame later say so");
    await page.locator(".side-column:not([aria-busy]) .priority-list li").first().waitFor();
    await page.locator(".lower:not([aria-busy])").waitFor();
    const ranked = await page.locator(".priority-list li").evaluateAll((lis) => lis.map((li) => li.dataset.item));
    assert.deepEqual(ranked, weighted.ranking, "the ranked list follows the change");

    const edited = predict(asb, {
      weights: { "Public concern": 2 },
      edits: { "Youth Nuisance": { "Public concern": 0 } },
    });
    assert.notDeepEqual(edited.rows, weighted.rows, "the edit must change something to be seen");
    const cell = await scoreCell(page, "Youth Nuisance", "Public concern");
    const afterEdit = await changeAndReadSameFrame(page, {
      cell: `#${await cell.getAttribute("id")}`,
      value: "0",
      eventName: "keydown",
    });
    assert.deepEqual(afterEdit.rows, edited.rows);
  }));

test("control: the same change deferred by one task is not painted in that frame", async () =>
  withCleanup(async (defer) => {
    const { page } = await openAsb(defer);
    const published = predict(asb);
    const weighted = predict(asb, { weights: { "Public concern": 2 } });
    assert.notDeepEqual(weighted.rows, published.rows);
    const late = await changeAndReadSameFrame(page, {
      label: "Public concern weight, exact value",
      value: "2",
      eventName: "input",
      deferByOneTask: true,
    });
    // The check above would fail on an app that updates one task late: the frame shows the
    // old rows.
    assert.deepEqual(late.rows, published.rows);
    assert.notDeepEqual(late.rows, weighted.rows);
    // ...and the change does land afterwards, so the control measured a delay, not a failure.
    await expectText(row(page, "Vandalism").locator("td.total"), /^11$/);
  }));

test("changes made faster than frames are drawn: the ranked list ends on the last one", async () =>
  withCleanup(async (defer) => {
    const { page } = await openAsb(defer);
    const last = predict(asb, { weights: { "Public concern": 3 } });
    // Five weights typed one a frame, each in an animation frame callback queued after the
    // app's own (so each lands after the app has asked to draw the rest and before it does),
    // the last (3) left in the box: the parts drawn after the frame must end on it.
    await page.evaluate(async () => {
      const box = document.querySelector('[aria-label="Public concern weight, exact value"]');
      for (const value of ["2", "0", "4", "1", "3"]) {
        await new Promise((resolve) =>
          requestAnimationFrame(() => {
            box.value = value;
            box.dispatchEvent(new Event("input", { bubbles: true }));
            resolve();
          }),
        );
      }
    });
    await page.locator(".side-column:not([aria-busy]) .priority-list li").first().waitFor();
    await page.locator(".lower:not([aria-busy])").waitFor();
    const ranked = await page.locator(".priority-list li").evaluateAll((lis) => lis.map((li) => li.dataset.item));
    assert.deepEqual(ranked, last.ranking);
    const points = await page.locator(".priority-list li .points").evaluateAll((spans) => spans.map((s) => s.textContent.trim()));
    const totals = Object.fromEntries(last.rows.map((r) => [r.item, r.total]));
    assert.deepEqual(points, last.ranking.map((item) => totals[item]));
    assert.deepEqual(await readRows(page), last.rows);
  }));
