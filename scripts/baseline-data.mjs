// The benchmarks' plain page (benches/browser/baseline.html) and the seed ASB table it is
// handed (window.load(data)), shared by the Chromium and Firefox benches.

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The plain page's address (file://). */
export const BASELINE_URL = pathToFileURL(join(ROOT, "benches", "browser", "baseline.html")).href;

/** The seed ASB matrix as the plain page takes it: the criteria's names and each item's scores ('?' as null). */
export async function baselineData() {
  const seed = JSON.parse(await readFile(join(ROOT, "data", "seed-asb.json"), "utf8"));
  return {
    columns: seed.criteria.map((c) => c.name),
    rows: seed.groups.flatMap((g) => g.categories.flatMap((c) => c.items.map((item) => ({
      name: item.name,
      scores: item.scores.map((s) => (s === "?" ? null : Number(s))),
    })))),
  };
}
