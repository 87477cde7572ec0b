// Work is never lost: autosave and reload, unreadable saved data, a full store, scenarios
// compared, text for the minutes, undo and redo from the keyboard, the workspace file, and
// share links opened in a fresh profile. Expected bands come from predict.mjs or are written
// here by hand.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import {
  copyPage,
  expectRows,
  expectText,
  openBrowser,
  openPage,
  readScore,
  row,
  screenshot,
  setScore,
  tab,
  tempFolder,
  withCleanup,
} from "./harness.mjs";
import { loadSeed, predict } from "./predict.mjs";

const asb = loadSeed("asb");
const crime = loadSeed("crime");
const KEY = "matrix-explorer/v1/workspace";
const UNREADABLE = "matrix-explorer/v1/workspace-unreadable";

async function start(context, url) {
  const { page, log, started } = await openPage(context, url);
  assert.equal(started, "started", `the app did not start: ${log.pageErrors.join("; ")}`);
  return { page, log };
}

async function showAsb(page) {
  await tab(page, "ASB").click();
  await expectText(row(page, "Youth Nuisance").locator("td.total"), /^\d/);
}

/** Waits until the saved ASB public concern weight is `weight` (and, when given, its score edits number `edits`). */
async function waitForSave(page, weight, edits) {
  await page.waitForFunction(
    ([key, weight, edits]) => {
      const text = localStorage.getItem(key);
      if (text === null) return false;
      const saved = JSON.parse(text).data;
      const asb = saved.matrices[1];
      return saved.active === 1 && asb.settings.weights[4] === weight && (edits === null || asb.edits.length === edits);
    },
    [KEY, weight, edits ?? null],
  );
}

const concernBox = (page) => page.getByLabel("Public concern weight, exact value", { exact: true });

test("edits survive a reload: tab, weights and scores", async () =>
  withCleanup(async (defer) => {
    const context = await openBrowser(defer);
    const url = await copyPage(defer);
    const { page } = await start(context, url);
    await showAsb(page);
    await concernBox(page).fill("2");
    await setScore(page, "Rubbish", "Public concern", "3");
    await waitForSave(page, 2, 1);

    await page.reload();
    await page.locator("html[data-wasm]").waitFor({ state: "attached" });
    assert.equal(await tab(page, "ASB").getAttribute("aria-selected"), "true", "same tab");
    assert.equal(await concernBox(page).inputValue(), "2");
    assert.equal(await readScore(page, "Rubbish", "Public concern"), "3");
    const expected = predict(asb, { weights: { "Public concern": 2 }, edits: { Rubbish: { "Public concern": 3 } } });
    await expectRows(page, expected.rows);
    await expectText(page.locator(".boot-note"), /was restored/);
  }));

test("unreadable saved data: the app starts on the published matrices, says so and keeps it", async () =>
  withCleanup(async (defer) => {
    const context = await openBrowser(defer);
    const url = await copyPage(defer);
    const { page } = await start(context, url);
    const broken = '{"app":"matrix-explorer","schemaVersion":1,"savedAt":"x","data":{"matrices":[';
    await page.evaluate(({ key, broken }) => localStorage.setItem(key, broken), { key: KEY, broken });
    await page.reload();
    const root = page.locator("html[data-wasm]");
    await root.waitFor({ state: "attached" });
    assert.equal(await root.getAttribute("data-wasm"), "started");
    await expectRows(page, predict(crime).rows);
    await expectText(page.locator(".boot-note"), /could not be read.*cut short.*kept as it was/);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), UNREADABLE), broken);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download the saved data that could not be read" }).click();
    const file = join(await tempFolder(defer, "unreadable"), "saved.json");
    await (await download).saveAs(file);
    assert.equal(await readFile(file, "utf8"), broken);
  }));

test("a full store: the page says the work is not saved and the previous save stays", async () =>
  withCleanup(async (defer) => {
    const context = await openBrowser(defer);
    const { page } = await start(context, await copyPage(defer));
    await showAsb(page);
    await concernBox(page).fill("2");
    await waitForSave(page, 2);
    const before = await page.evaluate((k) => localStorage.getItem(k), KEY);
    const filled = await page.evaluate(() => {
      let size = 1 << 20;
      let n = 0;
      while (size >= 1) {
        try {
          localStorage.setItem(`filler-${n}`, "x".repeat(size));
          n += 1;
        } catch {
          size = Math.floor(size / 2);
        }
      }
      return n;
    });
    assert.ok(filled > 0);
    await page.getByLabel("Volume weight, exact value", { exact: true }).fill("3");
    await expectText(page.locator(".save-status"), /Not saved: this browser's storage for local files is full/);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), before, "the previous save is intact");
    await expectRows(page, predict(asb, { weights: { "Public concern": 2, Volume: 3 } }).rows);
    await screenshot(page, "storage-full");
  }));

test("two scenarios saved and compared: the list names the right items", async () =>
  withCleanup(async (defer) => {
    const context = await openBrowser(defer);
    const { page } = await start(context, await copyPage(defer));
    await showAsb(page);
    const name = page.getByLabel("Scenario name", { exact: true });
    await concernBox(page).fill("2");
    await name.fill("Concern x2");
    await page.getByRole("button", { name: "Save as new scenario" }).click();
    await page.getByLabel("Scenario shown", { exact: true }).selectOption({ label: "Published assessment" });
    await page.getByLabel("Volume weight, exact value", { exact: true }).fill("0");
    await name.fill("No volume");
    await page.getByRole("button", { name: "Save as new scenario" }).click();
    await page.getByLabel("Compare with", { exact: true }).selectOption({ label: "Concern x2" });

    const concern = predict(asb, { weights: { "Public concern": 2 } });
    const noVolume = predict(asb, { weights: { Volume: 0 } });
    await expectRows(page, noVolume.rows);
    const expected = noVolume.rows
      .filter((r, i) => r.band !== concern.rows[i].band)
      .map((r) => `${r.item}: ${concern.rows.find((c) => c.item === r.item).band} → ${r.band}`)
      .sort();
    assert.ok(expected.length > 0);
    await expectText(page.locator(".changes-summary"), new RegExp(`${expected.length} items? changes? band against "Concern x2"`));
    const listed = (await page.locator(".changes-list li").allInnerTexts()).map((t) => t.replace(/^[▲▼]\s*/, "")).sort();
    assert.deepEqual(listed, expected);
    // Worked out by hand: without volume, Sex Work (17 - 3 = 14) stays Red and Fly-tipping
    // (14 - 4 = 10) falls to Amber, while with public concern doubled it is 14, Red.
    assert.ok(expected.includes("Fly-tipping: Red → Amber"));
    await page.getByText("Side by side:").click();
    await expectText(page.locator(".comparison-table caption"), /in "Concern x2" and in "No volume"/);
    await screenshot(page, "scenarios-compared");
  }));

test("Copy for the minutes puts the expected text on the clipboard", async () =>
  withCleanup(async (defer) => {
    const context = await openBrowser(defer);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const { page } = await start(context, await copyPage(defer));
    await showAsb(page);
    await concernBox(page).fill("2");
    await expectText(row(page, "Vandalism").locator("td.band"), /^Red/);
    await page.getByRole("button", { name: "Copy for the minutes" }).click();
    await expectText(page.locator(".changes-panel [role=status]"), /Copied/);
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(
      text,
      "Antisocial behaviour (ASB) matrix: Unsaved what-if\n" +
        "Compared with the published assessment.\n" +
        "Public concern counts ×2, every other criterion ×1; thresholds Amber 6, Red 11; '?' counts as 0.\n" +
        "1 item changes band.\n" +
        "Up a band (1):\n" +
        "- Vandalism: Amber → Red\n" +
        "Board decisions (1):\n" +
        "- Added to the priorities: Street drinking (Street Drinking), October 2007: The Community Safety Programme Board agreed its inclusion in recognition of local need and MPS London-wide priorities.\n",
    );
  }));

test("undo and redo a score edit from the keyboard", async () =>
  withCleanup(async (defer) => {
    const context = await openBrowser(defer);
    const { page } = await start(context, await copyPage(defer));
    await showAsb(page);
    const published = predict(asb);
    const edited = predict(asb, { edits: { Rubbish: { "Public concern": 0 } } });
    await setScore(page, "Rubbish", "Public concern", "0");
    await expectRows(page, edited.rows);
    await page.locator("#matrix-heading").click();
    await page.keyboard.press("Control+z");
    await expectRows(page, published.rows);
    await page.keyboard.press("Control+y");
    await expectRows(page, edited.rows);
    await page.keyboard.press("Control+z");
    await expectRows(page, published.rows);
    await page.keyboard.press("Control+Shift+Z");
    await expectRows(page, edited.rows);
    await page.getByRole("button", { name: "Undo" }).click();
    await expectRows(page, published.rows);
  }));

test("a workspace file brings everything back after saved data is cleared", async () =>
  withCleanup(async (defer) => {
    const context = await openBrowser(defer);
    const { page } = await start(context, await copyPage(defer));
    await showAsb(page);
    await concernBox(page).fill("2");
    await page.getByLabel("Scenario name", { exact: true }).fill("Concern x2");
    await page.getByRole("button", { name: "Save as new scenario" }).click();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download workspace file (JSON)" }).click();
    const file = join(await tempFolder(defer, "workspace"), "workspace.json");
    await (await download).saveAs(file);

    await page.getByRole("button", { name: "Clear saved data" }).click();
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
    await page.reload();
    await page.locator("html[data-wasm]").waitFor({ state: "attached" });
    await expectRows(page, predict(crime).rows);

    await page.getByLabel("Open a workspace file", { exact: true }).setInputFiles(file);
    await expectText(page.locator(".saved-panel [role=alert]"), /Opened "workspace.json"/);
    assert.equal(await tab(page, "ASB").getAttribute("aria-selected"), "true");
    await expectRows(page, predict(asb, { weights: { "Public concern": 2 } }).rows);
    const shown = page.getByLabel("Scenario shown", { exact: true });
    assert.equal(await shown.locator("option:checked").innerText(), "Concern x2");

    // A damaged file changes nothing and says why.
    const damaged = join(await tempFolder(defer, "damaged"), "damaged.json");
    await (await import("node:fs/promises")).writeFile(damaged, (await readFile(file, "utf8")).slice(0, 500));
    await page.getByLabel("Open a workspace file", { exact: true }).setInputFiles(damaged);
    await expectText(page.locator(".saved-panel [role=alert]"), /was not opened: The file is cut short.*Nothing was changed/);
    await expectRows(page, predict(asb, { weights: { "Public concern": 2 } }).rows);
  }));

test("a share link opened in a fresh profile reproduces the scenario, after asking", async () =>
  withCleanup(async (defer) => {
    const url = await copyPage(defer);
    const first = await openBrowser(defer);
    const { page } = await start(first, url);
    await showAsb(page);
    await concernBox(page).fill("2");
    await setScore(page, "Rubbish", "Public concern", "1");
    await page.getByLabel("Scenario name", { exact: true }).fill("Shared what-if");
    await page.getByRole("button", { name: "Save as new scenario" }).click();
    await page.getByRole("button", { name: "Copy link to this scenario" }).click();
    const link = await page.getByLabel("Link to this scenario", { exact: true }).inputValue();
    assert.match(link, /^file:\/\/.*#scenario=[A-Za-z0-9_-]+$/);

    const second = await openBrowser(defer);
    const { page: fresh } = await start(second, link);
    await expectText(fresh.locator(".link-banner"), /"Shared what-if" for the Antisocial behaviour \(ASB\) matrix/);
    await expectRows(fresh, predict(crime).rows); // nothing changes before the user agrees
    await fresh.getByRole("button", { name: "Open the linked scenario" }).click();
    const expected = predict(asb, { weights: { "Public concern": 2 }, edits: { Rubbish: { "Public concern": 1 } } });
    await expectRows(fresh, expected.rows);
    assert.equal(await fresh.getByLabel("Scenario shown", { exact: true }).locator("option:checked").innerText(), "Shared what-if");

    // A damaged link says so and changes nothing.
    const third = await openBrowser(defer);
    const { page: other, log } = await start(third, `${link.slice(0, -12)}`);
    await expectText(other.locator(".link-banner"), /could not be opened.*damaged or incomplete/);
    await expectRows(other, predict(crime).rows);
    assert.deepEqual(log.pageErrors, []);
  }));
