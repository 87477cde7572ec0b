// "Your own matrix": importing a CSV by the file input and by pasting cells, refusals that
// leave the matrix on screen alone, undo, the downloads and their round trip, and names
// holding HTML, which must show as text. Every test runs behind the network guard and ends
// with no request, no CSP violation and no error.
//
// The fixtures in tests/e2e/fixtures/ are small enough to check by hand; their expected
// totals are written out below. The seed matrices' expectations come from predict.mjs.

import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  copyPage,
  cspViolations,
  expectBandCounts,
  expectRows,
  expectText,
  guardNetwork,
  openBrowser,
  openPage,
  readRows,
  readScore,
  row,
  setScore,
  tab,
  tabNames,
  tempFolder,
  withCleanup,
} from "./harness.mjs";
import { loadSeed, predict } from "./predict.mjs";

const FIXTURES = fileURLToPath(new URL("fixtures/", import.meta.url));
const fixture = (name) => join(FIXTURES, name);

const crime = loadSeed("crime");
const asb = loadSeed("asb");

// fixtures/estate.csv: 3 criteria of weight 1, so each multiplier is 1 * 3 / 3 = 1 and a
// total is the sum of the scores ('?' counts as 0). Default thresholds: Amber from 6, Red from 11.
const ESTATE = [
  { item: "Fly-tipping", total: "11", band: "Red" }, // 4 + 4 + 3, on the Red threshold
  { item: "Graffiti", total: "6", band: "Amber" }, // 2 + 3 + 1, on the Amber threshold
  { item: "Noisy neighbours", total: "7", band: "Amber" }, // 3 + ? + 4
  { item: "Abandoned vehicles", total: "5", band: "Green" }, // 1 + 2 + 2, just below Amber
];
const ESTATE_COUNTS = { Red: 1, Amber: 2, Green: 1 };
const ESTATE_TITLE = "Estate walkabout matrix";

/** Cells as Excel puts them on the clipboard: tab-separated, CRLF after every row. */
const PASTED = `${[
  ["Item", "Volume", "Public concern", "Generator"],
  ["Dog fouling", "4", "3", "4"],
  ["Loitering", "2", "?", "3"],
  ["Cycling on pavements", "2", "2", "2"],
]
  .map((cells) => cells.join("\t"))
  .join("\r\n")}\r\n`;
const PASTED_ROWS = [
  { item: "Dog fouling", total: "11", band: "Red" }, // 4 + 3 + 4
  { item: "Loitering", total: "5", band: "Green" }, // 2 + ? + 3
  { item: "Cycling on pavements", total: "6", band: "Amber" }, // 2 + 2 + 2
];

const IMG_NAME = `<img src=x onerror="document.title='pwned'">`;
const SCRIPT_NAME = "<script>window.__x=1</script>";

/** A fresh browser behind the network guard, showing the app (the crime matrix). */
async function openApp(defer) {
  const context = await openBrowser(defer);
  const network = await guardNetwork(context);
  const { page, log, started } = await openPage(context, await copyPage(defer));
  assert.equal(started, "started", `the app did not start: ${log.pageErrors.join("; ")}`);
  return { page, log, network };
}

/** Nothing left the page, the policy held, and nothing went wrong in it. */
async function expectClean(page, log, network) {
  assert.deepEqual(network.requested, [], "the page asked for something that is not a file");
  assert.deepEqual(network.routed, [], "requests were aborted by the guard");
  assert.deepEqual(await cspViolations(page), [], "the page broke its own Content-Security-Policy");
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
}

async function showAsb(page) {
  await tab(page, "ASB").click();
  await expectText(row(page, "Youth Nuisance").locator("td.total"), /^\s*15\s*$/);
}

/** Picks `path` in the file input, as a person choosing a file does. */
async function importFile(page, path) {
  await page.getByLabel("Import a matrix from a CSV file", { exact: true }).setInputFiles(path);
}

/** The status after a successful import, once it names `source`; returns its text. */
async function importedStatus(page, source) {
  const status = page.locator(".import-panel .import-status.ok[role=status]");
  await expectText(status, new RegExp(`from ${escapeRegExp(source)}: \\d+ items\\.`));
  return (await status.textContent()).trim();
}

/** The refusal once it names `source`: its lead sentence and the listed problems. */
async function refusal(page, source) {
  const alert = page.getByRole("alert");
  await expectText(alert, new RegExp(`Nothing was imported from ${escapeRegExp(source)}\\.`));
  assert.equal(await alert.count(), 1);
  assert.match(await alert.getAttribute("class"), /\bimport-status\b.*\brefused\b/);
  return {
    lead: (await alert.locator("strong").textContent()).trim(),
    problems: (await alert.locator("ul.problems > li").allTextContents()).map((text) => text.trim()),
  };
}

/** Clicks a download button; returns the file, saved under its suggested name in `folder`. */
async function download(page, button, folder) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button, exact: true }).click(),
  ]);
  assert.match(file.url(), /^blob:/, "downloads are made in the page, from memory");
  const name = file.suggestedFilename();
  const path = join(folder, name);
  await file.saveAs(path);
  return { name, path, bytes: await readFile(path) };
}

/** Checks the export conventions (UTF-8 byte order mark, CRLF only); returns the text after the mark. */
function exportText(bytes) {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "starts with the UTF-8 byte order mark");
  const text = bytes.subarray(3).toString("utf8");
  assert.ok(text.includes("\r\n"), "has CRLF line ends");
  assert.equal(/\r(?!\n)|(?<!\r)\n/.exec(text), null, "every line end is CRLF");
  assert.ok(text.endsWith("\r\n"), "the last row ends with CRLF");
  return text;
}

/** RFC 4180 rows of `text` (quotes, doubled quotes, separators and line breaks in quotes). */
function parseCsv(text) {
  const rows = [];
  let cells = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      cells.push(cell);
      rows.push(cells);
      cells = [];
      cell = "";
      i += 1;
    } else cell += c;
  }
  if (cell !== "" || cells.length > 0) rows.push([...cells, cell]);
  return rows;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

test("a CSV picked in the file input replaces the matrix on screen, banded", async () =>
  withCleanup(async (defer) => {
    const { page, log, network } = await openApp(defer);
    await expectRows(page, predict(crime).rows);

    await importFile(page, fixture("estate.csv"));

    assert.equal(await importedStatus(page, "estate.csv"), `Imported "${ESTATE_TITLE}" from estate.csv: 4 items.`);
    await expectRows(page, ESTATE);
    await expectBandCounts(page, ESTATE_COUNTS);
    // The imported matrix takes the active tab's place, under its short name.
    assert.deepEqual(await tabNames(page), ["Estate", "ASB"]);
    assert.equal(await tab(page, "Estate").getAttribute("aria-selected"), "true");
    assert.equal((await page.locator("#matrix-heading").textContent()).trim(), ESTATE_TITLE);
    assert.equal((await page.locator(".app-header .source").textContent()).trim(), "Written by hand for the browser tests");
    const criteria = await page.locator("table.matrix thead th.criterion").allTextContents();
    assert.deepEqual(criteria.map((name) => name.trim()), ["Volume", "Public concern", "Generator"]);
    // '?' stays '?' in its score box.
    assert.equal(await readScore(page, "Noisy neighbours", "Public concern"), "?");
    await expectClean(page, log, network);
  }));

test("cells pasted from Excel (tab-separated) import as a matrix", async () =>
  withCleanup(async (defer) => {
    const { page, log, network } = await openApp(defer);
    await showAsb(page);

    await page.getByLabel("Paste cells copied from Excel (header row first)", { exact: true }).fill(PASTED);
    await page.getByRole("button", { name: "Import pasted cells", exact: true }).click();

    assert.equal(
      await importedStatus(page, "the pasted cells"),
      'Imported "Imported matrix" from the pasted cells: 3 items.',
    );
    await expectRows(page, PASTED_ROWS);
    await expectBandCounts(page, { Red: 1, Amber: 1, Green: 1 });
    // No "# title" row: the default title, which is also the short name. ASB's tab is replaced.
    assert.deepEqual(await tabNames(page), ["Crime", "Imported matrix"]);
    assert.equal(await tab(page, "Imported matrix").getAttribute("aria-selected"), "true");
    await expectClean(page, log, network);
  }));

test("a refused CSV names the row and column, and the matrix on screen and its edits stay", async () =>
  withCleanup(async (defer) => {
    const { page, log, network } = await openApp(defer);
    const edited = predict(crime, { edits: { Harassment: { Volume: 0 } } });
    assert.deepEqual(
      edited.rows.find((r) => r.item === "Harassment"),
      { item: "Harassment", total: "9", band: "Amber" },
      "the edit moves Harassment from Red to Amber",
    );
    await setScore(page, "Harassment", "Volume", "0");
    await expectRows(page, edited.rows);
    await expectBandCounts(page, edited.counts);

    const expectUntouched = async () => {
      await expectRows(page, edited.rows);
      await expectBandCounts(page, edited.counts);
      assert.equal(await readScore(page, "Harassment", "Volume"), "0", "the score edit is still there");
      assert.deepEqual(await tabNames(page), ["Crime", "ASB"]);
      assert.equal(await tab(page, "Crime").getAttribute("aria-selected"), "true");
      assert.equal(await page.getByRole("button", { name: "Undo import" }).count(), 0);
    };

    // Row 7 of the file (3 metadata rows, the header, then the third item), column D.
    await importFile(page, fixture("broken-score.csv"));
    assert.deepEqual(await refusal(page, "broken-score.csv"), {
      lead: "Nothing was imported from broken-score.csv.",
      problems: [
        "Row 7, column D (Public concern): 3.5 is not a whole number. Scores are whole numbers from 0 to 4: use 3 or 4.",
      ],
    });
    await expectUntouched();

    // Row 6, column B opens a quote that nothing closes.
    await importFile(page, fixture("unclosed-quote.csv"));
    assert.deepEqual(await refusal(page, "unclosed-quote.csv"), {
      lead: "Nothing was imported from unclosed-quote.csv.",
      problems: [
        'Row 6, column B: This cell opens a quote (") that is never closed, so everything after it would be ' +
          "swallowed into this one cell. Remove the stray quote mark or add the closing one.",
      ],
    });
    await expectUntouched();
    await expectClean(page, log, network);
  }));

test("Undo import brings back the replaced matrix with its score edit", async () =>
  withCleanup(async (defer) => {
    const { page, log, network } = await openApp(defer);
    await showAsb(page);
    const edited = predict(asb, { edits: { "Street Drinking": { "Public concern": 0 } } });
    await setScore(page, "Street Drinking", "Public concern", "0");
    await expectRows(page, edited.rows);

    await importFile(page, fixture("estate.csv"));
    await importedStatus(page, "estate.csv");
    await expectRows(page, ESTATE);
    assert.deepEqual(await tabNames(page), ["Crime", "Estate"]);
    const undo = page.locator(".undo-import");
    assert.equal(
      (await undo.textContent()).trim(),
      `"${ESTATE_TITLE}" replaced "Antisocial behaviour (ASB) matrix". Undo import`,
    );

    await undo.getByRole("button", { name: "Undo import", exact: true }).click();

    await expectRows(page, edited.rows);
    await expectBandCounts(page, edited.counts);
    assert.equal(await readScore(page, "Street Drinking", "Public concern"), "0", "the score edit came back with the matrix");
    assert.deepEqual(await tabNames(page), ["Crime", "ASB"]);
    assert.equal(await tab(page, "ASB").getAttribute("aria-selected"), "true");
    await undo.waitFor({ state: "detached" });
    // The status says what happened last, not the import that was undone.
    const status = page.locator(".import-panel .import-status[role=status]");
    await expectText(status, /^Import undone: "Antisocial behaviour \(ASB\) matrix" is back as it was\.$/);
    assert.equal(await status.count(), 1, "one status region");
    // The other matrix was never touched, and the message stays with the tab it is about.
    await tab(page, "Crime").click();
    await expectRows(page, predict(crime).rows);
    assert.equal(await page.locator(".import-panel .import-status").count(), 0);
    await tab(page, "ASB").click();
    await expectText(status, /^Import undone:/);
    await expectClean(page, log, network);
  }));

test("the downloaded ASB matrix imports back to the same totals and bands, and exports the same bytes", async () =>
  withCleanup(async (defer) => {
    const { page, log, network } = await openApp(defer);
    const folder = await tempFolder(defer, "downloads");
    await showAsb(page);
    const expected = predict(asb);
    await expectRows(page, expected.rows);
    const before = await readRows(page);

    const exported = await download(page, "Download this matrix (CSV)", folder);
    assert.equal(exported.name, "antisocial-behaviour-asb-matrix.csv");
    const text = exportText(exported.bytes);
    assert.ok(text.startsWith("# title,Antisocial behaviour (ASB) matrix\r\n# short name,ASB\r\n"), text.slice(0, 80));
    const header = parseCsv(text).find((cells) => cells.includes("Item"));
    assert.deepEqual(header, ["Group", "Category", "Item", ...expected.columns, "Data source", "Published total"]);

    await importFile(page, exported.path);

    assert.equal(
      await importedStatus(page, exported.name),
      `Imported "Antisocial behaviour (ASB) matrix" from ${exported.name}: ${expected.rows.length} items.`,
    );
    await page.locator(".undo-import").waitFor();
    await expectRows(page, expected.rows);
    assert.deepEqual(await readRows(page), before);
    await expectBandCounts(page, expected.counts);
    assert.deepEqual(await tabNames(page), ["Crime", "ASB"]);

    const again = await download(page, "Download this matrix (CSV)", await tempFolder(defer, "downloads-again"));
    assert.ok(again.bytes.equals(exported.bytes), "the imported matrix exports exactly as the original did");
    await expectClean(page, log, network);
  }));

test("the results download holds every crime item with its total and band", async () =>
  withCleanup(async (defer) => {
    const { page, log, network } = await openApp(defer);
    const expected = predict(crime);
    await expectRows(page, expected.rows);

    const results = await download(page, "Download results (CSV)", await tempFolder(defer, "downloads"));
    assert.equal(results.name, "crime-matrix-results.csv");
    const rows = parseCsv(exportText(results.bytes));
    assert.deepEqual(rows[0], ["Scenario", "Published assessment"]);
    assert.deepEqual(rows.find((cells) => cells[0] === "Matrix"), ["Matrix", "Crime matrix"]);

    const headerAt = rows.findIndex((cells) => cells[0] === "Rank");
    assert.ok(headerAt > 0, "the item block has a header row");
    const header = rows[headerAt];
    const at = (name) => {
      const index = header.indexOf(name);
      assert.ok(index >= 0, `no ${name} column in ${header.join(",")}`);
      return index;
    };
    const after = rows.slice(headerAt + 1);
    const end = after.findIndex((cells) => cells.length < 2 || cells[0] === "Board decision");
    const items = end < 0 ? after : after.slice(0, end);
    const drugs = items.find((cells) => cells[at("Item")] === "Possession Of Drugs");
    assert.ok(drugs, "the Possession Of Drugs row is there");
    assert.equal(drugs[at("Total")], "18");
    assert.equal(drugs[at("Band")], "Red");
    assert.equal(drugs[at("Rank")], "1");
    // Every item once, highest total first, with the total and band the page shows.
    const byItem = new Map(items.map((cells) => [cells[at("Item")], cells]));
    assert.equal(items.length, expected.rows.length);
    for (const { item, total, band } of expected.rows) {
      assert.deepEqual([byItem.get(item)?.[at("Total")], byItem.get(item)?.[at("Band")]], [total, band], item);
    }
    assert.deepEqual(items.map((cells) => cells[at("Item")]), expected.ranking);
    await expectClean(page, log, network);
  }));

test("the downloaded template imports as it is", async () =>
  withCleanup(async (defer) => {
    const { page, log, network } = await openApp(defer);
    const template = await download(page, "Download a template (CSV)", await tempFolder(defer, "downloads"));
    assert.equal(template.name, "matrix-template.csv");
    exportText(template.bytes);

    await importFile(page, template.path);

    assert.match(await importedStatus(page, template.name), /^Imported ".+" from matrix-template\.csv: [1-9]\d* items\.$/);
    const rows = await readRows(page);
    assert.ok(rows.length > 0);
    for (const { total, band } of rows) {
      assert.match(total, /^\d+(\.\d{1,2})?$/);
      assert.ok(["Red", "Amber", "Green"].includes(band));
    }
    await expectClean(page, log, network);
  }));

test("HTML in imported names shows as text and never runs", async () =>
  withCleanup(async (defer) => {
    const { page, log, network } = await openApp(defer);
    const title = await page.title();
    const count = (selector) => page.locator(selector).count();
    const elementsBefore = { img: await count("img"), script: await count("script"), i: await count("i") };

    await importFile(page, fixture("markup-names.csv"));

    await importedStatus(page, "markup-names.csv");
    await expectRows(page, [
      { item: IMG_NAME, total: "12", band: "Red" },
      { item: SCRIPT_NAME, total: "3", band: "Green" },
    ]);
    const headers = await page.locator("table.matrix tr.item-row th[scope=row]").evaluateAll((cells) =>
      cells.map((cell) => ({ text: cell.textContent, elements: cell.childElementCount })),
    );
    assert.deepEqual(headers, [
      { text: IMG_NAME, elements: 0 },
      { text: SCRIPT_NAME, elements: 0 },
    ]);
    const listed = await page.locator("ol.priority-list > li .name").allTextContents();
    assert.deepEqual(listed, [IMG_NAME, SCRIPT_NAME]);
    assert.deepEqual(await tabNames(page), ["<i>Markup</i>", "ASB"]);
    assert.equal(await page.locator("#matrix-heading").textContent(), "<i>Markup</i> in names");
    assert.equal(await count("table.matrix img"), 0);
    assert.deepEqual({ img: await count("img"), script: await count("script"), i: await count("i") }, elementsBefore);
    assert.equal(await page.title(), title);
    assert.equal(await page.evaluate(() => typeof window.__x), "undefined");
    await expectClean(page, log, network);

    // Control: the same name written as HTML is seen by these checks (an <img>, a CSP report),
    // and the policy still keeps its handler from running.
    await page.evaluate((name) => {
      const probe = document.createElement("div");
      probe.innerHTML = name;
      document.body.append(probe);
    }, IMG_NAME);
    await page.waitForFunction(() => window.__cspViolations.length > 0);
    assert.equal(await count("img"), elementsBefore.img + 1);
    assert.equal(await page.title(), title);
  }));

test("a file dropped onto the page imports like a picked one", async () =>
  withCleanup(async (defer) => {
    const { page, log, network } = await openApp(defer);
    const csv = await readFile(fixture("estate.csv"), "utf8");
    const dropped = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "dropped.csv", { type: "text/csv" }));
      return transfer;
    }, csv);
    // Anywhere on the page: here, the matrix table's caption.
    await page.locator("table.matrix caption").dispatchEvent("drop", { dataTransfer: dropped });
    await importedStatus(page, "dropped.csv");
    await expectRows(page, ESTATE);
    await expectBandCounts(page, ESTATE_COUNTS);
    await expectClean(page, log, network);
  }));

test("a Windows-1252 file (Excel's plain CSV) imports with a visible note", async () =>
  withCleanup(async (defer) => {
    const { page, log, network } = await openApp(defer);
    const folder = await tempFolder(defer, "cp1252");
    // "Caf\xe9 \x93noise\x94 \xa3" is "Café “noise” £" in Windows-1252, and not valid UTF-8.
    const bytes = Buffer.concat([
      Buffer.from("Item,Volume,Public concern\r\n", "latin1"),
      Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6e, 0x6f, 0x69, 0x73, 0x65, 0x94, 0x20, 0xa3]),
      Buffer.from(",4,4\r\nParking,1,2\r\n", "latin1"),
    ]);
    const path = join(folder, "excel.csv");
    await writeFile(path, bytes);
    await importFile(page, path);
    const status = await importedStatus(page, "excel.csv");
    assert.match(status, /Windows-1252/, "the note says how the file was read");
    assert.match(status, /CSV UTF-8/, "the note says how to save it next time");
    await expectText(row(page, "Café “noise” £").locator("th[scope=row]"), /^Café “noise” £$/);
    await expectRows(page, [
      { item: "Café “noise” £", total: "8", band: "Amber" },
      { item: "Parking", total: "3", band: "Green" },
    ]);
    await expectClean(page, log, network);
  }));

test("a file with no title row is called by its file name", async () =>
  withCleanup(async (defer) => {
    const { page, log, network } = await openApp(defer);
    const file = join(await tempFolder(defer, "untitled"), "ward panel 3.csv");
    await writeFile(file, "Item,Volume,Public concern\r\nLitter,2,3\r\nGraffiti,1,4\r\n");
    await importFile(page, file);
    await importedStatus(page, "ward panel 3.csv");
    assert.deepEqual(await tabNames(page), ["ward panel 3", "ASB"]);
    assert.equal((await page.locator("#matrix-heading").textContent()).trim(), "ward panel 3");
    await expectClean(page, log, network);
  }));
