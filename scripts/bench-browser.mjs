#!/usr/bin/env node
// `make bench`, browser part: what a user feels, measured on the standalone file in headless
// Chromium from file://. Each change starts at the beginning of an animation frame; once the
// page shows it, style and layout are forced and the clock read, so a figure is the time from
// the input event to updated layout. Beside the app: a plain page rebuilding the same table
// (benches/browser/baseline.html), measured the same way in the same run, the two taking
// turns. Also: time to interactive, importing a 50,000-item matrix, re-banding, scrolling,
// sorting and filtering it, and the file's size.
//
// Usage: node scripts/bench-browser.mjs [path/to/matrix-explorer.html] [generated-50k.csv]

import { mkdtemp, copyFile, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { BASELINE_URL, baselineData } from "./baseline-data.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const PAGE = process.argv[2] ?? join(ROOT, "dist", "matrix-explorer.html");
const LARGE = process.argv[3];
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const RUNS = 80;
// Changes in a row on one page before the other page takes its turn.
const TURN = 4;

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), runs: sorted.length };
}

/**
 * Times `runs` changes to updated layout. `act` says what changes: `{ box }` types 2 and 1 in
 * turn into the number box with that label (or id), `{ cell }` types 1 and 4 in turn into the
 * grid cell with that id, `{ field, values, shows }` enters the two values in turn into the
 * field with that id, and `{ radios, shows }` picks the two radio buttons in turn; for these
 * two the change shows when the "In force" sentence holds `shows` for it. (No code is passed as text: the app's CSP forbids eval.)
 *
 * A change is timed from just before its input event, at the start of an animation frame,
 * until the page shows it (the weight's "counts ×N" beside the box, the typed score in the
 * cell) and style and layout are brought up to date. The app's renderer hands the browser
 * back control when a render runs past 16 ms and finishes in a later task, so the time runs
 * until the change is in the page, not to the end of the frame it started in.
 *
 * The ranked list and the sections below the table are drawn once the frame with the change
 * is drawn, marked aria-busy until then: `settled` times each change until no part is marked
 * (with the wait for that frame in it), `times` until the change is shown.
 */
async function timeChanges(page, runs, act) {
  return page.evaluate(
    async ({ runs, act }) => {
      const box = act.box
        ? document.querySelector(`[aria-label="${act.box}"]`) ?? document.getElementById(act.box)
        : null;
      // Two values in turn, the first unlike what is there now, so every run changes something.
      const now = (box?.value ?? document.getElementById(act.cell)?.textContent ?? "").trim();
      const pair = act.box ? ["2", "1"] : ["1", "4"];
      if (now.startsWith(pair[0])) pair.reverse();
      const value = (i) => pair[i % 2];
      const sentence = document.getElementById("weighting-sentence");
      // What shows the change: the multiplier beside the box (the baseline page has none,
      // and rebuilds its table in the input handler), the cell's text, or for a threshold
      // or '?' policy the "In force" sentence.
      const shown = (i) => {
        if (act.shows) return sentence.textContent.includes(act.shows[i % 2]);
        if (act.box) {
          const multiplier = box.closest(".weight-row")?.querySelector(".multiplier");
          return !multiplier || multiplier.textContent.trim() === `counts ×${value(i)}`;
        }
        return document.getElementById(act.cell)?.textContent.trim().startsWith(value(i));
      };
      const change = (i) => {
        if (act.field) {
          const field = document.getElementById(act.field);
          field.value = act.values[i % 2];
          field.dispatchEvent(new Event("change", { bubbles: true }));
        } else if (act.radios) {
          const radio = document.getElementById(act.radios[i % 2]);
          radio.checked = true;
          radio.dispatchEvent(new Event("change", { bubbles: true }));
        } else if (box) {
          box.value = value(i);
          box.dispatchEvent(new Event("input", { bubbles: true }));
        } else {
          const cell = document.getElementById(act.cell);
          cell.focus();
          cell.dispatchEvent(new KeyboardEvent("keydown", { key: value(i), bubbles: true, cancelable: true }));
        }
      };
      const until = (check) =>
        new Promise((resolve, reject) => {
          if (check()) {
            resolve();
            return;
          }
          const watch = new MutationObserver(() => {
            if (check()) {
              watch.disconnect();
              clearTimeout(timer);
              resolve();
            }
          });
          const timer = setTimeout(() => {
            watch.disconnect();
            reject(new Error("the change never showed"));
          }, 10_000);
          watch.observe(document.body, { subtree: true, childList: true, characterData: true, attributeFilter: ["aria-busy"] });
        });
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const behind = () => document.querySelector("[aria-busy]") !== null;
      const times = [];
      const settled = [];
      for (let i = 0; i < runs; i += 1) {
        await frame();
        const start = performance.now();
        const done = until(() => shown(i));
        change(i);
        await done;
        void document.body.offsetHeight; // style and layout, now
        times.push(performance.now() - start);
        // The parts of the page drawn after that frame (marked aria-busy until then).
        if (behind()) {
          await until(() => !behind());
          void document.body.offsetHeight;
          settled.push(performance.now() - start);
        }
      }
      return { times, settled };
    },
    { runs, act },
  );
}

const WEIGHT = { box: "Public concern weight, exact value" };

/**
 * Times `runs` sorts or filters of the table, alternating between two settings of one
 * control (`#table-sort` chosen, or `#table-search` typed in), each from its event until the
 * table's first row or its "Showing N of M items" line shows the new view, with style and
 * layout then brought up to date.
 */
async function timeViews(page, runs, control, values) {
  return page.evaluate(
    async ({ runs, control, values }) => {
      const input = document.getElementById(control);
      const view = () =>
        [...document.querySelectorAll("table.matrix tr.item-row")].slice(0, 3).map((row) => row.dataset.item).join("|") +
        document.querySelector(".table-controls .shown")?.textContent;
      const times = [];
      for (let i = 0; i < runs; i += 1) {
        // Each change starts from a page with every part drawn (see timeChanges).
        while (document.querySelector("[aria-busy]")) await new Promise((resolve) => setTimeout(resolve, 5));
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const before = view();
        const start = performance.now();
        const done = new Promise((resolve, reject) => {
          const watch = new MutationObserver(() => {
            if (view() !== before) {
              watch.disconnect();
              clearTimeout(timer);
              resolve();
            }
          });
          const timer = setTimeout(() => {
            watch.disconnect();
            reject(new Error(`the view never changed (${control})`));
          }, 10_000);
          watch.observe(document.body, { subtree: true, childList: true, characterData: true });
        });
        input.value = values[i % 2];
        input.dispatchEvent(new Event(control === "table-sort" ? "change" : "input", { bubbles: true }));
        await done;
        void document.body.offsetHeight;
        times.push(performance.now() - start);
      }
      return times;
    },
    { runs, control, values },
  );
}

/**
 * Times `steps` scrolls of the virtualised table by `px` pixels each, one a frame (the
 * scrollbar dragged or the wheel turned fast), each from its scroll event until the rows in
 * view are drawn and laid out: the browser fires scroll events in a frame's rendering steps
 * before its animation frame callbacks, and the app draws in the microtasks after the event,
 * so an animation frame callback set in the event forces layout in that same frame. Also
 * counts the scrolls after which a row in view was missing from the table.
 */
async function timeScrolls(page, steps, px) {
  return page.evaluate(
    async ({ steps, px }) => {
      const box = document.querySelector(".table-scroll.virtual");
      const times = [];
      let missing = 0;
      for (let i = 0; i < steps; i += 1) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const done = new Promise((resolve) => {
          box.addEventListener("scroll", () => {
            const start = performance.now();
            requestAnimationFrame(() => {
              void document.body.offsetHeight;
              resolve(performance.now() - start);
            });
          }, { once: true });
        });
        // Down the table, and back up once at the end.
        const top = box.scrollTop + px <= box.scrollHeight - box.clientHeight ? box.scrollTop + px : 0;
        box.scrollTop = top;
        times.push(await done);
        // The rows at the top (under the pinned header row) and at the bottom of the box:
        // every row is 36 px and the header row is row 1, so the row at y below the table's
        // body is row floor(y / 36) + 2.
        const header = box.querySelector("thead").getBoundingClientRect().height;
        const firstRow = Math.floor(box.scrollTop / 36) + 2;
        const lastRow = Math.floor((box.scrollTop + box.clientHeight - 1 - header) / 36) + 2;
        for (const index of [firstRow, lastRow]) {
          if (!box.querySelector(`tbody tr[aria-rowindex="${index}"]`)) missing += 1;
        }
      }
      return { times, missing };
    },
    { steps, px },
  );
}

async function main() {
  const folder = await mkdtemp(join(tmpdir(), "matrix-explorer-bench-"));
  const profile = await mkdtemp(join(tmpdir(), "matrix-explorer-bench-profile-"));
  const copy = join(folder, "matrix-explorer.html");
  await copyFile(PAGE, copy);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ARGS,
    viewport: { width: 1366, height: 900 },
  });
  const rows = [];
  const report = (what, s) =>
    rows.push([what, s.median.toFixed(2), s.p95.toFixed(2), String(s.runs)]);
  try {
    // Time to interactive: navigation start until the table's first row appears, noted in
    // the page by a script added before the page's own (so the driver's round trips do not
    // count).
    const starts = [];
    for (let run = 0; run < 7; run += 1) {
      const page = await context.newPage();
      await page.addInitScript(() => {
        const watch = new MutationObserver(() => {
          if (document.querySelector("table.matrix tr.item-row")) {
            window.__matrixExplorerReady = performance.now();
            watch.disconnect();
          }
        });
        watch.observe(document, { subtree: true, childList: true });
      });
      await page.goto(pathToFileURL(copy).href);
      await page.locator("html[data-wasm]").waitFor({ state: "attached" });
      await page.locator("table.matrix tr.item-row").first().waitFor();
      starts.push(await page.evaluate(() => window.__matrixExplorerReady));
      await page.evaluate(() => localStorage.clear());
      await page.close();
    }
    report("time to interactive (ms, from navigation start)", summary(starts));

    const page = await context.newPage();
    await page.goto(pathToFileURL(copy).href);
    await page.locator("table.matrix").waitFor();
    await page.getByRole("tab", { name: "ASB" }).click();
    await page.locator('tr.item-row[data-item="Youth Nuisance"]').waitFor();
    // The baseline: a plain page rebuilding the same 29-row table. Its changes and the app's
    // take turns, a few at a time, so a busy spell on the machine falls on both alike.
    const baseline = await context.newPage();
    await baseline.goto(BASELINE_URL);
    await baseline.evaluate((d) => window.load(d), await baselineData());
    const weighted = { times: [], settled: [] };
    const plain = [];
    for (let turn = 0; turn < RUNS / TURN; turn += 1) {
      await page.bringToFront();
      const app = await timeChanges(page, TURN, WEIGHT);
      weighted.times.push(...app.times);
      weighted.settled.push(...app.settled);
      await baseline.bringToFront();
      plain.push(...(await timeChanges(baseline, TURN, { box: "w" })).times);
    }
    await page.bringToFront();
    report("seed ASB: weight typed, to layout (ms)", summary(weighted.times));
    report("  and the ranked list and sections below, drawn after that frame (ms)", summary(weighted.settled));
    report("baseline page, same table, in turn with the above: weight typed (ms)", summary(plain));
    const cell = await page.locator('tr.item-row[data-item="Rubbish"] [aria-colindex="6"]').getAttribute("id");
    report("seed ASB: score typed, to layout (ms)", summary((await timeChanges(page, RUNS, { cell })).times));
    const amber = { field: "threshold-amber", values: ["5", "6"], shows: ["Amber 5", "Amber 6"] };
    report("seed ASB: Amber threshold entered, to layout (ms)", summary((await timeChanges(page, RUNS, amber)).times));
    const policy = { radios: ["policy-worst", "policy-zero"], shows: ["'?' counts as 4", "'?' counts as 0"] };
    report("seed ASB: '?' policy picked, to layout (ms)", summary((await timeChanges(page, RUNS, policy)).times));
    // Sorted by total, where a weight change also reorders the rows.
    await page.selectOption("#table-sort", "total");
    report("seed ASB sorted by total: weight typed, to layout (ms)", summary((await timeChanges(page, RUNS, WEIGHT)).times));
    await page.selectOption("#table-sort", "document");


    if (LARGE) {
      const large = await context.newPage();
      await large.goto(pathToFileURL(copy).href);
      await large.locator("table.matrix").waitFor();
      // Timed in the page, from the file input's change event until the imported matrix's
      // first row is in the table (the driver's polling and round trips do not count).
      await large.evaluate(() => {
        const times = (window.__matrixExplorerImport = {});
        document.addEventListener("change", (event) => {
          if (event.target.id === "import-file") times.picked = performance.now();
        }, { capture: true, once: true });
        const watch = new MutationObserver(() => {
          if (document.querySelector('table.matrix tr.item-row[data-item="Item 1"]')) {
            times.shown = performance.now();
            watch.disconnect();
          }
        });
        watch.observe(document.body, { subtree: true, childList: true });
      });
      await large.getByLabel("Import a matrix from a CSV file").setInputFiles(LARGE);
      await large.locator(".undo-import").waitFor({ state: "attached", timeout: 120_000 });
      await large.waitForFunction(() => window.__matrixExplorerImport.shown, null, { timeout: 120_000 });
      const imported = Math.round(await large.evaluate(() => window.__matrixExplorerImport.shown - window.__matrixExplorerImport.picked));
      rows.push(["50,000 items: import, file picked to rows shown (ms)", String(imported), "", "1"]);
      const first = (await large.locator("table.matrix thead th.criterion").first().innerText()).trim();
      const largeWeighted = await timeChanges(large, 20, { box: `${first} weight, exact value` });
      report("50,000 items: weight typed, to layout (ms)", summary(largeWeighted.times));
      report("  and the ranked list and sections below, drawn after that frame (ms)", summary(largeWeighted.settled));
      for (const px of [360, 3600]) {
        const scrolled = await timeScrolls(large, 40, px);
        report(`50,000 items: scrolled ${px / 36} rows a frame, scroll event to rows laid out (ms)`, summary(scrolled.times));
        if (scrolled.missing > 0) rows.push([`  rows in view missing after a scroll (of ${2 * 40} checked)`, String(scrolled.missing), "", ""]);
      }
      report("50,000 items: sorted by total / by name, to layout (ms)", summary(await timeViews(large, 10, "table-sort", ["total", "name"])));
      report("50,000 items: found by name ('Item 7' / none), to layout (ms)", summary(await timeViews(large, 10, "table-search", ["Item 7", ""])));
      await large.evaluate(() => localStorage.clear());
    }
  } finally {
    await context.close();
    await rm(folder, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
  const html = await readFile(PAGE);
  rows.push(["standalone file (KiB)", (html.length / 1024).toFixed(1), "", ""]);
  rows.push(["standalone file, gzip -9 (KiB)", (gzipSync(html, { level: 9 }).length / 1024).toFixed(1), "", ""]);
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nBrowser (headless Chromium, ${(await stat(PAGE)).size.toLocaleString("en-GB")} B page, file://)`);
  console.log(`${"".padEnd(width)}  ${"median".padStart(8)}  ${"p95".padStart(8)}  ${"runs".padStart(5)}`);
  for (const [what, median, p95, runs] of rows) {
    console.log(`${what.padEnd(width)}  ${median.padStart(8)}  ${p95.padStart(8)}  ${runs.padStart(5)}`);
  }
}

await main();
