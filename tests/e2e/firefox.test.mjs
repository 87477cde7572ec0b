// The standalone file in Firefox ESR (driven over WebDriver BiDi with puppeteer-core): it
// starts from file:// under its Content-Security-Policy, reads as windows-1252, re-bands when
// a weight is typed (Vandalism turns Red with public concern counting double, as the seed
// predicts), and its weights panel holds its own boxes (Firefox sizes form controls and
// fieldsets otherwise than Chromium).

import assert from "node:assert/strict";
import { test } from "node:test";
import puppeteer from "puppeteer-core";
import { copyPage, withCleanup } from "./harness.mjs";
import { loadSeed, predict } from "./predict.mjs";

const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
const asb = loadSeed("asb");

test("the file starts and re-bands in Firefox ESR, its controls inside their panel", async () =>
  withCleanup(async (defer) => {
    const url = await copyPage(defer);
    const browser = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true, protocol: "webDriverBiDi" });
    defer(() => browser.close());
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.setViewport({ width: 1366, height: 900 });
    await page.goto(url);
    await page.waitForSelector('html[data-wasm="started"]', { timeout: 30_000 });
    assert.equal(await page.evaluate(() => document.characterSet), "windows-1252");

    await page.click("#tab-1");
    await page.waitForSelector('tr.item-row[data-item="Vandalism"]');
    const band = () => page.$eval('tr.item-row[data-item="Vandalism"] td.band .band-chip', (e) => e.textContent.trim());
    const expected = predict(asb, { weights: { "Public concern": 2 } });
    const vandalism = expected.rows.find((r) => r.item === "Vandalism");
    assert.equal(await band(), "Amber");
    assert.equal(vandalism.band, "Red", "the seed's own prediction");

    const box = await page.$('[aria-label="Public concern weight, exact value"]');
    await box.focus();
    await page.keyboard.down("Control");
    await page.keyboard.press("a");
    await page.keyboard.up("Control");
    await box.type("2");
    await page.waitForFunction(
      () => document.querySelector('tr.item-row[data-item="Vandalism"] td.band .band-chip')?.textContent.trim() === "Red",
      { timeout: 10_000 },
    );
    assert.equal(await band(), vandalism.band);

    // Every weight box and slider lies inside the weights panel.
    const outside = await page.evaluate(() => {
      const panel = document.querySelector(".weights-panel").getBoundingClientRect();
      return [...document.querySelectorAll(".weights-panel input")]
        .map((input) => ({ label: input.getAttribute("aria-label") ?? input.id, box: input.getBoundingClientRect() }))
        .filter(({ box }) => box.left < panel.left - 1 || box.right > panel.right + 1)
        .map(({ label, box }) => `${label}: ${Math.round(box.left)}-${Math.round(box.right)} outside ${Math.round(panel.left)}-${Math.round(panel.right)}`);
    });
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, []);
  }));
