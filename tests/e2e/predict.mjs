// An independent re-implementation of the scoring formula, used to predict what the page
// must show. It reads the seed data file itself, so the expectations do not come from the
// Rust engine under test.
//
//   multiplier_i = w_i                       (plain multipliers, the default)
//   multiplier_i = w_i * n / sum(w)          (rescaled; n and the sum count scored criteria only)
//   total        = sum(multiplier_i * score_i)   ('?' counts as 0)
//   band         = Red if total >= red threshold, Amber if >= amber, else Green
//
// When a row's printed scores do not add up to its published total, the matrix gets one
// extra column, "Unattributed", holding published total minus printed scores. It is not a
// criterion: its multiplier is its own weight whether or not the others are rescaled.

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

/** A total as the page shows it: up to three decimals, cut (not rounded): 11.375, 10.999. */
export function formatTotal(total) {
  const thousandths = Math.floor(Math.round(snap(total) * 1e6) / 1000);
  const whole = Math.floor(thousandths / 1000);
  const fraction = thousandths - whole * 1000;
  if (fraction === 0) return String(whole);
  return `${whole}.${String(fraction).padStart(3, "0").replace(/0+$/, "")}`;
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
export function predict(seed, { weights = {}, edits = {}, rescale = false } = {}) {
  const columns = columnNames(seed);
  const weightList = columns.map((name) => weights[name] ?? 1);
  const scored = columns.map((name) => name !== UNATTRIBUTED);
  const scoredCount = scored.filter(Boolean).length;
  const scoredSum = weightList.reduce((sum, weight, i) => sum + (scored[i] ? weight : 0), 0);
  const multipliers = weightList.map((weight, i) => {
    if (!rescale || !scored[i]) return weight;
    return scoredSum > 0 ? (weight * scoredCount) / scoredSum : 0;
  });

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
  const published = seedItems(seed).map((item) => item.publishedTotal);
  const ranksNow = competitionRanks(rows.map((row) => row.value));
  const ranksBefore = competitionRanks(published);
  const movements = rows.map((row, i) => ({
    item: row.item,
    movement: movementWords(
      bandOf(published[i], seed.thresholds),
      row.band,
      ranksBefore[i],
      ranksNow[i],
    ),
  }));
  return {
    columns,
    rows: rows.map(({ item, total, band }) => ({ item, total, band })),
    counts,
    ranking,
    movements,
  };
}

/** Standard competition ranks ("=3" when tied) of `values`, highest first. */
function competitionRanks(values) {
  return values.map((value) => {
    const position = 1 + values.filter((other) => other > value + 1e-9).length;
    const tied = values.filter((other) => Math.abs(other - value) < 1e-9).length > 1;
    return tied ? `=${position}` : String(position);
  });
}

const LEVEL = { Green: 0, Amber: 1, Red: 2 };

/** The movement as the page words it: band change first, then the rank change. */
export function movementWords(from, to, rankBefore, rankAfter) {
  if (from === to && rankBefore === rankAfter) return "as published";
  const steps = LEVEL[to] - LEVEL[from];
  const band =
    steps === 0
      ? `still ${to}`
      : `${from} → ${to}, ${steps > 0 ? "up" : "down"} ${Math.abs(steps) === 1 ? "a band" : "two bands"}`;
  const rank = rankBefore === rankAfter ? `rank ${rankAfter} as published` : `rank ${rankBefore} → ${rankAfter}`;
  return `${band}; ${rank}`;
}
