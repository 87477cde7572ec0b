// Ward panels and board packs: presentation mode is entered, stepped through with the
// keyboard and left, with no text under 24 px on a 1280x720 projector; the page never
// scrolls sideways and every ranked item is in view at common widths and at 200% zoom; axe
// finds nothing in presentation mode or in the print view.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { test } from "node:test";
import { chromium } from "playwright-core";
import { copyPage, expectText, openBrowser, openPage, row, screenshot, tab, tempFolder, withCleanup } from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

async function axe(page) {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      resultTypes: ["violations"],
    }),
  );
  return results.violations.map((v) => ({ rule: v.id, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
}

test("presentation mode: entered, stepped through with the keyboard, large type, left with Esc", async () =>
  withCleanup(async (defer) => {
    const context = await openBrowser(defer);
    const { page, started } = await openPage(context, await copyPage(defer));
    assert.equal(started, "started");
    await page.setViewportSize({ width: 1280, height: 720 });
    await tab(page, "ASB").click();
    await page.getByRole("button", { name: "Present to a ward panel" }).click();
    const dialog = page.getByRole("dialog");
    await expectText(dialog.locator(".presentation-title"), /slide 1 of 8/);
    await expectText(dialog.locator("h2"), /How the priorities are chosen/);
    const seen = [];
    for (let slide = 1; slide <= 8; slide += 1) {
      seen.push((await dialog.locator("h2").first().textContent()).trim());
      // No text under 24 px on a 1280x720 projector.
      const smallest = await dialog.evaluate((root) => {
        let min = Infinity;
        for (const el of root.querySelectorAll("*")) {
          if ([...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) {
            min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
          }
        }
        return min;
      });
      assert.ok(smallest >= 24, `slide ${slide}: text at ${smallest}px`);
      if (slide === 8) assert.deepEqual(await axe(page), [], "axe in presentation mode");
      await page.keyboard.press(slide % 2 === 0 ? "Space" : "ArrowRight");
    }
    assert.deepEqual(seen.slice(0, 2), ["How the priorities are chosen", "Each criterion is scored 0 to 4"]);
    assert.match(seen[7], /^What if public concern counted double\?$/);
    await expectText(dialog.locator(".slide"), /Vandalism: Amber → Red/);
    await screenshot(page, "presentation-what-if");
    await page.keyboard.press("ArrowLeft");
    await expectText(dialog.locator(".presentation-title"), /slide 7 of 8/);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await expectText(row(page, "Youth Nuisance").locator("td.total"), /^15$/);
  }));

test("the print view has no accessibility violations", async () =>
  withCleanup(async (defer) => {
    const context = await openBrowser(defer);
    const { page } = await openPage(context, await copyPage(defer));
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await page.locator(".print-pack").waitFor({ state: "attached" });
    await page.emulateMedia({ media: "print" });
    assert.deepEqual(await axe(page), []);
  }));

for (const [width, zoom] of [[1024, 1], [1280, 1], [1366, 1], [1920, 1], [1280, 2]]) {
  test(`at ${width} px${zoom > 1 ? ` and ${zoom * 100}% zoom` : ""}: no sideways scrolling, every ranked item in view`, async () =>
    withCleanup(async (defer) => {
      const profile = await tempFolder(defer, "profile-zoom");
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        headless: true,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        viewport: { width: Math.round(width / zoom), height: Math.round(800 / zoom) },
        deviceScaleFactor: zoom,
      });
      defer(() => context.close());
      const { page } = await openPage(context, await copyPage(defer));
      for (const name of ["Crime", "ASB"]) {
        await tab(page, name).click();
        await page.locator("ol.priority-list li").first().waitFor();
        const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        assert.equal(scrollWidth, clientWidth, `${name}: the page scrolls sideways (${scrollWidth} > ${clientWidth})`);
        const hidden = await page.locator("ol.priority-list li").evaluateAll((items) =>
          items.filter((li) => {
            const box = li.getBoundingClientRect();
            const list = li.closest("ol").getBoundingClientRect();
            return box.width === 0 || box.right > list.right + 1 || box.left < list.left - 1 || box.right > document.documentElement.clientWidth + 1;
          }).map((li) => li.dataset.item),
        );
        assert.deepEqual(hidden, [], `${name}: ranked items out of view`);
      }
      await screenshot(page, `layout-${width}-${zoom * 100}`);
    }));
}
