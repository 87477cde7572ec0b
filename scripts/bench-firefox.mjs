#!/usr/bin/env node
// `make bench`, Firefox part: time to interactive of the standalone file from file:// in
// Firefox ESR (driven over WebDriver BiDi with puppeteer-core), from navigation start until
// the app has drawn its table's first row, seven loads, each in a fresh tab. The moment is
// read in the page (a script the driver adds before the page's own notes it), so the
// driver's round trips do not count. The time is split, too: reading the page until its script
// starts unpacking, unpacking, compiling the WebAssembly module, and the app's first render.
// Then, as in Chromium, a weight change on the seed ASB matrix to updated layout, beside the
// plain page rebuilding the same table, the two taking turns, each measured in the page.
//
// Usage: node scripts/bench-firefox.mjs [path/to/matrix-explorer.html]

import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";
import { BASELINE_URL, baselineData } from "./baseline-data.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const PAGE = process.argv[2] ?? join(ROOT, "dist", "matrix-explorer.html");
const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
const LOADS = 7;
const CHANGES = 60;
// Changes in a row on one page before the other takes its turn (even, so each turn starts at 2).
const TURN = 4;

/**
 * In the page: types 2 and 1 in turn into the number box `label` (or with id `label`), each at
 * the start of an animation frame, and times each from its input event until the multiplier
 * beside the box shows it (at once where there is none) and layout is forced.
 */
const TIME_WEIGHTS = async (label, runs) => {
  const box = document.querySelector(`[aria-label="${label}"]`) ?? document.getElementById(label);
  const multiplier = box.closest(".weight-row")?.querySelector(".multiplier");
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    while (document.querySelector("[aria-busy]")) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const value = i % 2 === 0 ? "2" : "1";
    const start = performance.now();
    const done = new Promise((resolve) => {
      if (!multiplier) return resolve();
      const watch = new MutationObserver(() => {
        if (multiplier.textContent.trim() === `counts ×${value}`) {
          watch.disconnect();
          resolve();
        }
      });
      watch.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    box.value = value;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    await done;
    void document.body.offsetHeight;
    times.push(performance.now() - start);
  }
  return times;
};

const quantiles = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);
  return `median ${at(0.5)}  p95 ${at(0.95)}  (${sorted.length} changes)`;
};

/**
 * Runs before the page's scripts: notes when the table's first row appears, and on the way
 * when the page starts unpacking its payload and when it starts and ends instantiating the
 * WebAssembly module (wrapping the browser's own functions, which it then calls unchanged).
 */
export const READY = () => {
  const marks = (window.__matrixExplorerMarks = {});
  const Unpack = window.DecompressionStream;
  window.DecompressionStream = function DecompressionStream(...args) {
    marks.unpack ??= performance.now();
    return new Unpack(...args);
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    marks.compile = performance.now();
    return instantiate.apply(this, args).then((result) => {
      marks.render = performance.now();
      return result;
    });
  };
  const watch = new MutationObserver(() => {
    if (document.querySelector("table.matrix tr.item-row")) {
      window.__matrixExplorerReady = performance.now();
      watch.disconnect();
    }
  });
  watch.observe(document, { subtree: true, childList: true });
};

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: FIREFOX,
  headless: true,
  protocol: "webDriverBiDi",
});
try {
  const version = await browser.version();
  const starts = [];
  // Per load: page read until unpacking starts, unpacking, compiling the module, first render.
  const steps = [];
  for (let load = 0; load < LOADS; load += 1) {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(READY);
    await page.goto(pathToFileURL(PAGE).href);
    await page.waitForSelector('html[data-wasm="started"]', { timeout: 30_000 });
    await page.waitForSelector("table.matrix tr.item-row", { timeout: 30_000 });
    const { ready, marks } = await page.evaluate(() => ({ ready: window.__matrixExplorerReady, marks: window.__matrixExplorerMarks }));
    starts.push(ready);
    steps.push([marks.unpack, marks.compile - marks.unpack, marks.render - marks.compile, ready - marks.render]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  }
  starts.sort((a, b) => a - b);
  const median = starts[Math.floor(LOADS / 2)];
  const worst = starts[LOADS - 1];
  console.log(`\nFirefox (${version}, headless, file://)`);
  console.log(`time to interactive (ms, from navigation start)  median ${median.toFixed(0)}  slowest of ${LOADS} ${worst.toFixed(0)}`);
  const step = (i) => steps.map((s) => s[i]).sort((a, b) => a - b)[Math.floor(LOADS / 2)].toFixed(0);
  console.log(`  of which (medians, ms): page read until unpacking starts ${step(0)}, payload unpacked ${step(1)}, module compiled ${step(2)}, first render ${step(3)}`);

  const app = await browser.newPage();
  await app.goto(pathToFileURL(PAGE).href);
  await app.waitForSelector("table.matrix tr.item-row", { timeout: 30_000 });
  await app.locator("#tab-1").click();
  await app.waitForSelector('tr.item-row[data-item="Youth Nuisance"]', { timeout: 30_000 });
  const plain = await browser.newPage();
  await plain.goto(BASELINE_URL);
  await plain.evaluate((d) => window.load(d), await baselineData());
  // The two pages take turns, a few changes at a time, so a busy spell falls on both alike.
  const appTimes = [];
  const plainTimes = [];
  for (let turn = 0; turn < CHANGES / TURN; turn += 1) {
    await app.bringToFront();
    appTimes.push(...(await app.evaluate(TIME_WEIGHTS, "Public concern weight, exact value", TURN)));
    await plain.bringToFront();
    plainTimes.push(...(await plain.evaluate(TIME_WEIGHTS, "w", TURN)));
  }
  await app.evaluate(() => localStorage.clear());
  console.log(`seed ASB: weight typed, to layout (ms)               ${quantiles(appTimes)}`);
  console.log(`baseline page, in turn with it: weight typed (ms)    ${quantiles(plainTimes)}`);
} finally {
  await browser.close();
}
