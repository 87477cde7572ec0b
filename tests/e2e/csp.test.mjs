// The standalone page's Content-Security-Policy: first in <head>, scripts allowed only by the
// hashes of the one inline module and of the glue it unpacks and adds, no network; and the
// browser really enforces it.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { builtPage, copyPage, cspViolations, openBrowser, openPage, withCleanup } from "./harness.mjs";

/** The policy's directives as { name: [sources] }. */
function directives(policy) {
  return Object.fromEntries(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
}

test("the CSP is the first element of <head> and allows only the page's own two scripts", async () =>
  withCleanup(async (defer) => {
    const context = await openBrowser(defer);
    const { page, log, started } = await openPage(context, await copyPage(defer));
    assert.equal(started, "started", `the app did not start: ${log.pageErrors.join("; ")}`);

    const first = await page.evaluate(() => {
      const meta = document.head.firstElementChild;
      return { tag: meta.tagName, httpEquiv: meta.getAttribute("http-equiv"), content: meta.getAttribute("content") };
    });
    assert.equal(first.tag, "META");
    assert.equal(first.httpEquiv, "Content-Security-Policy");

    const policy = directives(first.content);
    assert.deepEqual(policy["default-src"], ["'none'"]);
    assert.deepEqual(policy["connect-src"], ["'none'"]);
    for (const name of ["form-action", "base-uri", "object-src", "frame-src", "worker-src", "manifest-src"]) {
      assert.deepEqual(policy[name], ["'none'"], name);
    }
    const scriptSources = policy["script-src"];
    assert.ok(scriptSources.includes("'wasm-unsafe-eval'"), scriptSources.join(" "));
    for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", "'strict-dynamic'", "*", "data:", "blob:", "'self'"]) {
      assert.ok(!scriptSources.includes(forbidden), `script-src must not allow ${forbidden}`);
    }
    const hashes = scriptSources.filter((source) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(source));
    assert.equal(hashes.length, 2, `script-src: ${scriptSources.join(" ")}`);

    // The module in the file, and the glue it unpacked from its payload and added; neither
    // loads a file, and each is allowed by its own hash.
    const scripts = await page.locator("script").evaluateAll((all) => all.map((s) => ({ type: s.type, src: s.src, text: s.textContent })));
    assert.deepEqual(scripts.map((s) => [s.type, s.src]), [["module", ""], ["", ""]]);
    const digests = scripts.map((s) => `'sha256-${createHash("sha256").update(s.text, "utf8").digest("base64")}'`);
    assert.deepEqual(digests, hashes, "the hashes are the module's and the glue's, in that order");

    assert.deepEqual(await page.locator("link, base, iframe, object, embed").count(), 0);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(log.consoleErrors, []);
  }));

test("a changed inline script is refused: the hash is enforced", async () =>
  withCleanup(async (defer) => {
    const html = await builtPage();
    const tampered = html.replace('<script type="module">', '<script type="module">/* changed */');
    assert.ok(tampered !== html, "could not change the script");
    const context = await openBrowser(defer);
    const page = await context.newPage();
    await page.goto(await copyPage(defer, tampered));
    await page.waitForFunction(() => window.__cspViolations.length > 0);
    const violations = await cspViolations(page);
    assert.ok(violations.some((v) => v.startsWith("script-src")), violations.join("; "));
    assert.equal(await page.locator("html[data-wasm]").count(), 0, "the changed script must not run");
  }));

test("a script added to the page with any other text is refused", async () =>
  withCleanup(async (defer) => {
    const context = await openBrowser(defer);
    const { page, started } = await openPage(context, await copyPage(defer));
    assert.equal(started, "started");
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__otherScriptRan = true;";
      document.head.append(script);
      return window.__otherScriptRan === true;
    });
    assert.equal(ran, false, "only the page's own two scripts may run");
    await page.waitForFunction(() => window.__cspViolations.length > 0);
    assert.ok((await cspViolations(page)).some((v) => v.startsWith("script-src")));
  }));

test("the page carries no reference to another file or address", async () => {
  const html = await builtPage();
  // The payload: the compressed app, the one long template literal.
  const withoutPayload = html.replace(/`(?:[^`\\]|\\[^])+`/g, (literal) => (literal.length > 100000 ? "``" : literal));
  assert.ok(withoutPayload.length < html.length / 2, "the payload was not found");
  const found = (pattern) => withoutPayload.match(pattern)?.[0] ?? null;
  assert.equal(found(/\s(?:src|href)\s*=.{0,80}/i), null);
  assert.equal(found(/\bimport\s*\(|\bimport\.meta\b|_bg\.wasm/), null);
  assert.equal(found(/https?:\/\/(?!www\.w3\.org\/(?:2000\/svg|1999\/xhtml|1998\/Math\/MathML)\b)\S*/), null);
});
