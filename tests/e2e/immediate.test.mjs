// Re-banding is immediate: after a weight or score change, the very next frame the browser
// paints already shows the new totals, bands and counts (no debounce, no later update).

import assert from "node:assert/strict";
import { test } from "node:test";
import { copyPage, expectText, openBrowser, openPage, row, tab, withCleanup } from "./harness.mjs";
import { loadSeed, predict } from "./predict.mjs";

const asb = loadSeed("asb");

/**
 * Fires `change` on the control named `label` with `value`, then reads the rows and the
 * counts inside the first animation frame after it: what the user sees on the next paint.
 */
function changeAndReadNextFrame(page, label, value) {
  return page.evaluate(
    ({ label, value }) =>
      new Promise((resolve) => {
        const control = document.querySelector(`[aria-label="${label}"]`);
        control.value = value;
        control.dispatchEvent(new Event("change", { bubbles: true }));
        requestAnimationFrame(() => {
          const rows = [...document.querySelectorAll("table.matrix tr.item-row")].map((tr) => ({
            item: tr.dataset.item,
            total: tr.querySelector("td.total").textContent.trim(),
            band: /\b(Red|Amber|Green)\b/.exec(tr.querySelector("td.band").textContent)[1],
          }));
          resolve({ rows, counts: document.querySelector(".band-counts").textContent.trim() });
        });
      }),
    { label, value },
  );
}

test("a weight or score change shows on the next frame", async () =>
  withCleanup(async (defer) => {
    const context = await openBrowser(defer);
    const { page, started } = await openPage(context, await copyPage(defer));
    assert.equal(started, "started");
    await tab(page, "ASB").click();
    await expectText(row(page, "Youth Nuisance").locator("td.total"), /^15$/);

    const weighted = predict(asb, { weights: { "Public concern": 2 } });
    const afterWeight = await changeAndReadNextFrame(page, "Public concern weight, exact value", "2");
    assert.deepEqual(afterWeight.rows, weighted.rows);
    const { Red, Amber, Green } = weighted.counts;
    assert.equal(afterWeight.counts, `Red ${Red}, Amber ${Amber}, Green ${Green}`);

    const edited = predict(asb, {
      weights: { "Public concern": 2 },
      edits: { "Youth Nuisance": { "Public concern": 0 } },
    });
    const afterEdit = await changeAndReadNextFrame(page, "Youth Nuisance, Public concern score", "0");
    assert.deepEqual(afterEdit.rows, edited.rows);
    assert.notDeepEqual(edited.rows, weighted.rows, "the edit must change something to be seen");
  }));
