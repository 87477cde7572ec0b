// An independent re-implementation of the scoring formula, used to predict what the page
// must show. It reads the seed data file itself, so the expectations do not come from the
// Rust engine under test.
//
//   multiplier_i = w_i * n / sum(w)          (keep the 0-24 scale; n counts every column)
//   total        = sum(multiplier_i * score_i)   ('?' counts as 0)
//   band         = Red if total >= red threshold, Amber if >= amber, else Green
//
// When a row's printed scores do not add up to its published total, the matrix gets one
// extra column, "Unattributed", holding published total minus printed scores.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const UNATTRIBUTED = "Unattributed (published total minus printed scores)";

/** The seed matrix `data/seed-<name>.json` ("crime" or "asb"). */
export function loadSeed(name) {
  const path = fileURLToPath(new URL(`../../data/seed-${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, "utf8"));
}

/** The items of a seed matrix in document order: name, printed scores (null for '?'), published total. */
export function seedItems(seed) {
  return seed.groups.flatMap((group) =>
    group.categories.flatMap((category) =>
      category.items.map((item) => ({
        name: item.name,
        scores: item.scores.map((score) => (score === "?" ? null : Number(score))),
        publishedTotal: item.published_total,
      })),
    ),
  );
}

function unattributed(item) {
  return item.publishedTotal - item.scores.reduce((sum, score) => sum + (score ?? 0), 0);
}

/** Column names: the criteria, plus the unattributed column when any row needs it. */
export function columnNames(seed) {
  const names = seed.criteria.map((criterion) => criterion.name);
  return seedItems(seed).some((item) => unattributed(item) !== 0) ? [...names, UNATTRIBUTED] : names;
}

/** Rounds away floating-point noise, to a millionth. */
function snap(value) {
  const snapped = Math.round(value * 1e6) / 1e6;
  return snapped === 0 ? 0 : snapped;
}

/** A total as the page shows it: whole numbers plain, others cut (not rounded) to 2 decimals. */
export function formatTotal(total) {
  const value = snap(total);
  if (Math.abs(value - Math.round(value)) < 1e-9) return String(Math.round(value));
  return (Math.floor(value * 100) / 100).toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
}

export function bandOf(total, thresholds) {
  const value = snap(total);
  if (value >= thresholds.red) return "Red";
  if (value >= thresholds.amber) return "Amber";
  return "Green";
}

/**
 * Every row as the page should show it.
 * weights: { "<column name>": weight } (missing columns weigh 1);
 * edits: { "<item name>": { "<criterion name>": 0..4 or null for '?' } }.
 */
export function predict(seed, { weights = {}, edits = {}, keepScale = true } = {}) {
  const columns = columnNames(seed);
  const weightList = columns.map((name) => weights[name] ?? 1);
  const weightSum = weightList.reduce((sum, weight) => sum + weight, 0);
  const multipliers = keepScale
    ? weightList.map((weight) => (weightSum > 0 ? (weight * columns.length) / weightSum : 0))
    : weightList;

  const rows = seedItems(seed).map((item) => {
    const values = columns.map((column, index) => {
      if (column === UNATTRIBUTED) return unattributed(item);
      const edited = edits[item.name]?.[column];
      const score = edited === undefined ? item.scores[index] : edited;
      return score ?? 0;
    });
    const total = snap(multipliers.reduce((sum, multiplier, index) => sum + multiplier * values[index], 0));
    return { item: item.name, total: formatTotal(total), band: bandOf(total, seed.thresholds), value: total };
  });
  const counts = { Red: 0, Amber: 0, Green: 0 };
  for (const row of rows) counts[row.band] += 1;
  // Highest total first; ties keep document order (Array.prototype.sort is stable).
  const ranking = [...rows].sort((a, b) => b.value - a.value).map((row) => row.item);
  return { columns, rows: rows.map(({ item, total, band }) => ({ item, total, band })), counts, ranking };
}
