// Shared pieces of the browser suite: the system Chromium with a throw-away profile, a copy
// of the standalone page in a fresh folder, a local "sink" server that counts every request
// that reaches it, and a network guard that records and aborts everything that is not a file.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const PAGE = join(ROOT, "dist", "matrix-explorer.html");
export const OUTPUT = join(ROOT, "tests", "e2e", "output");

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Runs `action` with cleanups registered through `defer`, running them in reverse afterwards. */
export async function withCleanup(action) {
  const cleanups = [];
  try {
    return await action((cleanup) => cleanups.push(cleanup));
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

/** A fresh folder in the system temp folder, removed at cleanup. */
export async function tempFolder(defer, name) {
  const folder = await mkdtemp(join(tmpdir(), `matrix-explorer-${name}-`));
  defer(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

/**
 * Chromium with a fresh profile in a temp folder; the context has CSP-violation logging and
 * accepts downloads (they stay in Playwright's temp folder until saved with `saveAs`).
 */
export async function openBrowser(defer) {
  const profile = await tempFolder(defer, "profile");
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  defer(() => context.close());
  context.setDefaultTimeout(15_000);
  // Runs before the page's own script (through the DevTools protocol, so CSP does not apply).
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"}`);
    });
  });
  return context;
}

/**
 * The built page's HTML, one character a byte (latin1), so that it is written back unchanged:
 * the page is windows-1252 with the compressed app embedded byte for byte, and reading it as
 * UTF-8 would garble it. Fails with a hint when it has not been built.
 */
export async function builtPage() {
  assert.ok(existsSync(PAGE), `${PAGE} does not exist: run \`make dist\` first`);
  return readFile(PAGE, "latin1");
}

/** Writes `html` (default: the built page) as matrix-explorer.html in a fresh temp folder; returns its file:// URL. */
export async function copyPage(defer, html) {
  const path = join(await tempFolder(defer, "page"), "matrix-explorer.html");
  await writeFile(path, html ?? (await builtPage()), "latin1");
  return pathToFileURL(path).href;
}

/** A server on 127.0.0.1 (random port) that counts every request reaching it. */
export async function startSink(defer) {
  const hits = [];
  let notify = () => {};
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    notify();
    response.writeHead(200, { "content-type": "text/plain", "access-control-allow-origin": "*" });
    response.end("sink");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  defer(() => new Promise((resolve) => server.close(resolve)));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    hits,
    /** Resolves once `count` hits arrived; rejects after `timeout` ms. */
    waitForHits(count, timeout = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`sink got ${hits.length} hits, wanted ${count}`)), timeout);
        notify = () => {
          if (hits.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        };
        notify();
      });
    },
  };
}

/**
 * Records every request whose URL is not file:, data: or blob:, and aborts it, except
 * requests to the sink, which go on so the sink can count them. Also records every
 * such request event (these fire even for requests CSP then blocks).
 */
export async function guardNetwork(context, sink) {
  const routed = [];
  const requested = [];
  const local = (url) => /^(?:file|data|blob):/.test(url);
  context.on("request", (request) => {
    if (!local(request.url())) requested.push(request.url());
  });
  await context.route(
    (url) => !local(url.href),
    async (route) => {
      const url = route.request().url();
      routed.push(url);
      if (sink && url.startsWith(`${sink.origin}/`)) await route.continue();
      else await route.abort("blockedbyclient");
    },
  );
  return { routed, requested };
}

/** Collects console errors and uncaught exceptions of `page`. */
export function watchPage(page) {
  const log = { consoleErrors: [], pageErrors: [] };
  page.on("console", (message) => {
    if (message.type() === "error") log.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => log.pageErrors.push(String(error)));
  return log;
}

/** The CSP violations the page reported so far. */
export function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations ?? []);
}

/** Opens `url` and waits until the wasm start-up finished; returns "started" or "failed". */
export async function openPage(context, url) {
  const page = await context.newPage();
  const log = watchPage(page);
  await page.goto(url);
  const root = page.locator("html[data-wasm]");
  await root.waitFor({ state: "attached" });
  return { page, log, started: await root.getAttribute("data-wasm") };
}

/** The switcher's tab called `name`. */
export function tab(page, name) {
  return page.getByRole("tablist", { name: "Matrix" }).getByRole("tab", { name, exact: true });
}

/** The switcher's tab names, in order. */
export async function tabNames(page) {
  const names = await page.getByRole("tablist", { name: "Matrix" }).getByRole("tab").allTextContents();
  return names.map((name) => name.trim());
}

/** The matrix table's row of `item`. */
export function row(page, item) {
  return page.locator(`table.matrix tr.item-row[data-item=${JSON.stringify(item)}]`);
}

/** The visible matrix's rows: item, total text and band word. */
export function readRows(page) {
  return page.locator("table.matrix:visible tr.item-row").evaluateAll((rows) =>
    rows.map((row) => ({
      item: row.dataset.item,
      total: row.querySelector("td.total")?.textContent.trim(),
      band: /\b(Red|Amber|Green)\b/.exec(row.querySelector("td.band")?.textContent ?? "")?.[1],
    })),
  );
}

/** Waits (polling the DOM, no sleeps) until the visible rows equal `expected`, else fails with a diff. */
export async function expectRows(page, expected, timeout = 10_000) {
  await page
    .waitForFunction(
      (want) => {
        const rows = [...document.querySelectorAll("table.matrix tr.item-row")].filter(
          (row) => row.offsetParent !== null,
        );
        return (
          rows.length === want.length &&
          rows.every((row, index) => {
            const band = /\b(Red|Amber|Green)\b/.exec(row.querySelector("td.band")?.textContent ?? "")?.[1];
            return (
              row.dataset.item === want[index].item &&
              row.querySelector("td.total")?.textContent.trim() === want[index].total &&
              band === want[index].band
            );
          })
        );
      },
      expected,
      { timeout },
    )
    .catch(() => {});
  assert.deepEqual(await readRows(page), expected);
}

/** Waits until `locator` (first match) has text matching `pattern`, else fails showing the text. */
export async function expectText(locator, pattern, timeout = 10_000) {
  try {
    await locator.filter({ hasText: pattern }).first().waitFor({ timeout });
  } catch {
    const actual = await locator.first().textContent({ timeout: 1_000 }).catch(() => "(no such element)");
    assert.match(actual ?? "", pattern);
  }
}

/**
 * Waits until the live band counts read `counts` ({ Red, Amber, Green }), written as the app
 * writes counts ("Red 1,666"), else fails showing them.
 */
export async function expectBandCounts(page, counts) {
  const n = (count) => Number(count).toLocaleString("en-GB");
  const text = `Red ${n(counts.Red)}\\D+Amber ${n(counts.Amber)}\\D+Green ${n(counts.Green)}\\b`;
  await expectText(page.locator(".band-counts"), new RegExp(text));
}

/** Saves a full-page screenshot in tests/e2e/output/ for a person to look at. */
export async function screenshot(page, name) {
  await mkdir(OUTPUT, { recursive: true });
  const path = join(OUTPUT, `${name}.png`);
  // The page lays out only what is near the screen (content-visibility: auto); a whole-page
  // picture is taken without scrolling, so everything is drawn for it, and then put back.
  const drawAll = await page.addStyleTag({ content: "* { content-visibility: visible !important; }" });
  await page.screenshot({ path, fullPage: true });
  await drawAll.evaluate((style) => style.remove());
  return path;
}

/** The grid cell holding `item`'s score for the criterion headed `criterion`. */
export async function scoreCell(page, item, criterion) {
  const headers = (await page.locator("table.matrix thead th").allTextContents()).map((t) => t.trim());
  const column = headers.indexOf(criterion);
  assert.ok(column > 0, `no column headed ${criterion}: ${headers.join(" | ")}`);
  return row(page, item).locator(`[aria-colindex="${column + 1}"]`);
}

/** The score shown for `item` and `criterion` ("0".."4" or "?"). */
export async function readScore(page, item, criterion) {
  const text = await (await scoreCell(page, item, criterion)).innerText();
  return text.trim().charAt(0);
}

/** Sets a score with the mouse, as a person would: click the cell, pick in its chooser. */
export async function setScore(page, item, criterion, value) {
  await (await scoreCell(page, item, criterion)).click();
  await page.locator("#score-chooser").selectOption(value);
}

/** A fresh browser showing the app on its ASB tab, the published totals in place. */
export async function openAsb(defer) {
  const context = await openBrowser(defer);
  const { page, log, started } = await openPage(context, await copyPage(defer));
  assert.equal(started, "started", `the app did not start: ${log.pageErrors.join("; ")}`);
  await tab(page, "ASB").click();
  await expectText(row(page, "Youth Nuisance").locator("td.total"), /^15$/);
  return { page, log };
}
