// The standalone page makes no request at all: not while loading, not while in use.
// A control run proves the check can fail: the same page without its Content-Security-Policy
// and with an injected fetch and image pointed at the sink does reach the sink.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  builtPage,
  copyPage,
  cspViolations,
  expectText,
  guardNetwork,
  openBrowser,
  openPage,
  setScore,
  startSink,
  withCleanup,
} from "./harness.mjs";

const CSP_META = /<meta http-equiv="Content-Security-Policy"[^>]*>\n?/;

/** The page with a fetch and an image aimed at the sink injected into it. */
function withProbes(html, sink) {
  const script = `<script>fetch("${sink.origin}/probe-fetch").catch(() => {});</script>`;
  const image = `<img alt="" src="${sink.origin}/probe-image.png">`;
  const probed = html.replace("</head>", `${script}\n</head>`).replace(/<body>/, `<body>\n${image}`);
  assert.ok(probed !== html, "could not inject the probes");
  return probed;
}

/** Uses the app the way a person would: every kind of control, both matrices. */
async function useTheApp(page) {
  const tabs = page.getByRole("tablist", { name: "Matrix" });
  await tabs.getByRole("tab", { name: "ASB", exact: true }).click();
  await expectText(page.locator('tr.item-row[data-item="Youth Nuisance"] td.total'), /^\s*15\s*$/);

  const weight = page.getByLabel("Public concern weight, exact value", { exact: true });
  await weight.fill("2");
  await weight.press("Enter");
  await weight.press("Tab");
  await page.getByLabel("Generator weight", { exact: true }).press("ArrowRight");
  await page.getByLabel("Rescale weights so totals stay on the 0-24 scale", { exact: true }).check();
  await page.getByLabel("Rescale weights so totals stay on the 0-24 scale", { exact: true }).uncheck();
  await setScore(page, "Street Drinking", "Public concern", "0");
  await setScore(page, "Begging", "Public concern", "4");
  await page.getByRole("button", { name: "Reset to published" }).click();
  await expectText(page.locator('tr.item-row[data-item="Street Drinking"] td.total'), /^\s*11\s*$/);

  await tabs.getByRole("tab", { name: "Crime", exact: true }).click();
  await expectText(page.locator('tr.item-row[data-item="Possession Of Drugs"] td.total'), /^\s*18\s*$/);
}

test("no request leaves the standalone page while it loads and is used", async () =>
  withCleanup(async (defer) => {
    const sink = await startSink(defer);
    const context = await openBrowser(defer);
    const network = await guardNetwork(context, sink);
    const { page, log, started } = await openPage(context, await copyPage(defer));
    assert.equal(started, "started", `the app did not start: ${log.pageErrors.join("; ")}`);

    await useTheApp(page);

    assert.deepEqual(sink.hits, [], "requests reached the sink");
    assert.deepEqual(network.requested, [], "the page asked for something that is not a file");
    assert.deepEqual(network.routed, [], "requests were aborted by the guard");
    assert.deepEqual(await cspViolations(page), [], "the page broke its own Content-Security-Policy");
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors, []);
  }));

test("control: without the CSP, injected requests do reach the sink (the check can fail)", async () =>
  withCleanup(async (defer) => {
    const sink = await startSink(defer);
    const context = await openBrowser(defer);
    const network = await guardNetwork(context, sink);
    const html = (await builtPage()).replace(CSP_META, "");
    assert.ok(!/http-equiv="Content-Security-Policy"/i.test(html), "the control copy must have no policy");
    const { started } = await openPage(context, await copyPage(defer, withProbes(html, sink)));
    assert.equal(started, "started");

    await sink.waitForHits(2);
    assert.deepEqual([...sink.hits].sort(), ["GET /probe-fetch", "GET /probe-image.png"]);
    assert.ok(network.routed.length >= 2, `the guard saw ${network.routed.length} requests`);
    assert.ok(network.requested.length >= 2, `request events: ${network.requested.length}`);
  }));

test("with the CSP, the same injected requests are blocked and never reach the sink", async () =>
  withCleanup(async (defer) => {
    const sink = await startSink(defer);
    const context = await openBrowser(defer);
    await guardNetwork(context, sink);
    const html = withProbes(await builtPage(), sink);
    const { page, started } = await openPage(context, await copyPage(defer, html));
    assert.equal(started, "started", "the app's own script must still run");

    // Both probes are refused by the policy: the injected script (not in script-src) and the image (img-src).
    await page.waitForFunction(() => window.__cspViolations.length >= 2);
    await page.waitForLoadState("load");
    const violations = await cspViolations(page);
    assert.ok(violations.some((v) => v.startsWith("script-src")), violations.join("; "));
    assert.ok(violations.some((v) => v.startsWith("img-src")), violations.join("; "));
    assert.deepEqual(sink.hits, []);
  }));
