#!/usr/bin/env node
// `make bench`, Firefox part: time to interactive of the standalone file from file:// in
// Firefox ESR (driven over WebDriver BiDi with puppeteer-core), from navigation start until
// the app has drawn its table's first row, seven loads, each in a fresh tab. The moment is
// read in the page (a script the driver adds before the page's own notes it), so the
// driver's round trips do not count. The time is split, too: reading the page until its script
// starts unpacking, unpacking, compiling the WebAssembly module, and the app's first render.
//
// Usage: node scripts/bench-firefox.mjs [path/to/matrix-explorer.html]

import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const PAGE = process.argv[2] ?? join(ROOT, "dist", "matrix-explorer.html");
const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
const LOADS = 7;

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
} finally {
  await browser.close();
}
