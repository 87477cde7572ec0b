//! `evaluate`: a whole matrix under some settings, to totals, bands, ranks, subtotals and
//! counts.

use super::numbering::Numbering;
use super::ranking::{rank, rank_snapped, Rank};
use super::scoring::{band_of, effective_multipliers, snap, snap_micros};
use crate::model::{
    Band, CriterionKind, Item, Matrix, Score, Settings, Thresholds, UnknownPolicy, MAX_SCORE,
};
use serde::{Deserialize, Serialize};

/// The totals an item with '?' scores could have: all '?' as 0 up to all '?' as 4.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TotalRange {
    /// Total with every '?' as 0.
    pub min: f64,
    /// Total with every '?' as 4.
    pub max: f64,
    /// Band of `min`.
    pub min_band: Band,
    /// Band of `max`.
    pub max_band: Band,
}

/// One item's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemResult {
    /// Weighted total under the chosen unknown-score policy.
    pub total: f64,
    /// Band of `total`.
    pub band: Band,
    /// Rank among the matrix's items by `total`.
    pub rank: Rank,
    /// How many of the item's scores are '?'.
    pub unknowns: usize,
    /// The possible totals and bands, when the item has '?' scores.
    pub range: Option<TotalRange>,
}

/// A category or group subtotal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subtotal {
    /// The category or group name.
    pub name: String,
    /// For a category, the group it sits in.
    pub group: Option<String>,
    /// The sum of its items' weighted totals.
    pub total: f64,
    /// The subtotal printed in the document, if any.
    pub published: Option<u32>,
    /// Indices of its items, in matrix order.
    pub items: Vec<usize>,
}

/// How many items are in each band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BandCounts {
    /// Items banded Red.
    pub red: usize,
    /// Items banded Amber.
    pub amber: usize,
    /// Items banded Green.
    pub green: usize,
}

impl BandCounts {
    fn add(&mut self, band: Band) {
        match band {
            Band::Red => self.red += 1,
            Band::Amber => self.amber += 1,
            Band::Green => self.green += 1,
        }
    }
}

/// Everything derived from a matrix and its settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The multiplier applied to each criterion.
    pub multipliers: Vec<f64>,
    /// One result per item, in matrix order.
    pub items: Vec<ItemResult>,
    /// Item indices from highest total to lowest (ties in matrix order).
    pub ranking: Vec<usize>,
    /// Category subtotals, in order of first appearance.
    pub categories: Vec<Subtotal>,
    /// Group subtotals, in order of first appearance.
    pub groups: Vec<Subtotal>,
    /// Items per band.
    pub counts: BandCounts,
    /// The highest total any item could reach: every score, unattributed points included, 4.
    pub max_total: f64,
    /// The highest total the scored criteria alone can give (every score 4); with every
    /// weight 1 it is the published scale, e.g. 24 for six criteria.
    pub scored_max: f64,
}

impl Evaluation {
    /// The most unattributed points any item could add (its column at 4 times its multiplier).
    pub fn unattributed_max(&self) -> f64 {
        snap(self.max_total - self.scored_max)
    }
}

/// Scores every item of `matrix` under `settings`.
pub fn evaluate(matrix: &Matrix, settings: &Settings) -> Evaluation {
    let multipliers = effective_multipliers(settings, &matrix.criteria);
    let scored: Vec<bool> = matrix
        .criteria
        .iter()
        .map(|c| c.kind == CriterionKind::Scored)
        .collect();
    let bands = Bands::new(&settings.thresholds);
    let mut counts = BandCounts::default();
    let mut micros = vec![0.0; matrix.items.len()];
    let mut items: Vec<ItemResult> = matrix
        .items
        .iter()
        .zip(micros.iter_mut())
        .map(|(item, micros)| {
            let sums = Sums::of(&item.scores, &multipliers, &scored, settings.unknown_policy);
            let band = bands.of(sums.total);
            counts.add(band);
            *micros = sums.micros;
            ItemResult {
                total: sums.total,
                band,
                rank: Rank {
                    position: 0,
                    tied: false,
                },
                unknowns: sums.unknowns,
                range: (sums.unknowns > 0).then(|| TotalRange {
                    min: sums.min,
                    max: sums.max,
                    min_band: bands.of(sums.min),
                    max_band: bands.of(sums.max),
                }),
            }
        })
        .collect();
    let totals: Vec<f64> = items.iter().map(|r| r.total).collect();
    let whole = whole_micros(&micros);
    let (ranks, ranking) = match &whole {
        Some(whole) => rank_snapped(&totals, whole),
        None => rank(&totals),
    };
    for (result, rank) in items.iter_mut().zip(ranks) {
        result.rank = rank;
    }
    let item_totals = ItemTotals {
        totals: &totals,
        micros: whole.as_deref(),
    };
    let categories = category_subtotals(matrix, item_totals);
    let groups = group_subtotals(matrix, item_totals);
    let max_total = snap(multipliers.iter().sum::<f64>() * f64::from(MAX_SCORE));
    let scored_max = snap(
        matrix
            .criteria
            .iter()
            .zip(&multipliers)
            .filter(|(c, _)| c.kind == CriterionKind::Scored)
            .map(|(_, m)| m)
            .sum::<f64>()
            * f64::from(MAX_SCORE),
    );
    Evaluation {
        multipliers,
        items,
        ranking,
        categories,
        groups,
        counts,
        max_total,
        scored_max,
    }
}

/// Sums of totals above this many millionths may not be exact in `f64` arithmetic.
const EXACT_MICROS: f64 = 562_949_953_421_312.0; // 2^49

/// Each total's millionths as a whole number, when even the sum of all of them is below
/// `EXACT_MICROS`. Then, for totals `a` and `b` millionths, `snap(a + b)` is exactly the
/// total `a + b` millionths (the rounding errors in `a`, `b`, their sum and the scaling
/// add up to less than a quarter of a millionth), so subtotals can be summed as whole numbers.
fn whole_micros(micros: &[f64]) -> Option<Vec<i64>> {
    let size: f64 = micros.iter().map(|m| m.abs()).sum();
    #[allow(clippy::cast_possible_truncation)] // whole numbers below 2^49
    (size < EXACT_MICROS).then(|| micros.iter().map(|&m| m as i64).collect())
}

/// The items' totals, with their millionths when `whole_micros` gives them.
#[derive(Clone, Copy)]
struct ItemTotals<'t> {
    totals: &'t [f64],
    micros: Option<&'t [i64]>,
}

impl ItemTotals<'_> {
    /// `subtotal` with the totals of items `start..end` added one at a time, each sum
    /// snapped, as `snap(snap(subtotal + a) + b)...`.
    fn add_run(&self, subtotal: &mut Subtotal, micros: &mut i64, start: usize, end: usize) {
        if let Some(run) = self.micros.and_then(|m| m.get(start..end)) {
            *micros += run.iter().sum::<i64>();
            // What `snap` gives for a sum of that many millionths.
            let total = *micros as f64 / 1_000_000.0;
            subtotal.total = if total == 0.0 { 0.0 } else { total };
        } else if let Some(run) = self.totals.get(start..end) {
            for total in run {
                subtotal.total = snap_micros(subtotal.total + total).1;
            }
        }
    }
}

/// `band_of` with the thresholds snapped once rather than for every total.
struct Bands {
    thresholds: Thresholds,
    amber: f64,
    red: f64,
}

impl Bands {
    fn new(thresholds: &Thresholds) -> Self {
        Self {
            thresholds: *thresholds,
            amber: snap(thresholds.amber),
            red: snap(thresholds.red),
        }
    }

    /// The band of a snapped total, as `band_of` gives it.
    #[allow(clippy::inline_always)] // runs for every item, in a build optimised for size
    #[inline(always)]
    fn of(&self, total: f64) -> Band {
        // Snapping a snapped total of this size changes nothing; beyond it, `band_of` does.
        if total.abs() >= 1e9 || total.is_nan() {
            return band_of(total, &self.thresholds);
        }
        if total >= self.red {
            Band::Red
        } else if total >= self.amber {
            Band::Amber
        } else {
            Band::Green
        }
    }
}

/// One item's snapped totals, summed column by column in criterion order exactly as
/// `item_total` sums them.
struct Sums {
    /// Under the chosen unknown-score policy.
    total: f64,
    /// The whole number of millionths `total` is snapped to.
    micros: f64,
    /// With every '?' as 0.
    min: f64,
    /// With every '?' as 4.
    max: f64,
    /// How many of the item's scores are '?'.
    unknowns: usize,
}

impl Sums {
    fn of(
        scores: &[Score],
        multipliers: &[f64],
        scored_columns: &[bool],
        policy: UnknownPolicy,
    ) -> Self {
        // One pass sums the known scores (each '?' as 0: adding 0 changes no sum, so it is
        // left out) and, beside them, the same with each '?' as 4; a missing score is a '?'.
        let (mut zero, mut worst, mut missing) = (0.0, 0.0, 0);
        for (i, m) in multipliers.iter().enumerate() {
            if let Some(Score::Known(v)) = scores.get(i) {
                let term = m * f64::from(*v);
                zero += term;
                worst += term;
            } else {
                worst += m * 4.0;
                missing += 1;
            }
        }
        // The row's own '?' scores: those a short row lacks are not counted.
        let mut unknowns = missing - multipliers.len().saturating_sub(scores.len());
        if let Some(beyond) = scores.get(multipliers.len()..) {
            unknowns += beyond.iter().filter(|s| **s == Score::Unknown).count();
        }
        let ((zero_micros, min), (worst_micros, max)) = if zero.to_bits() == worst.to_bits() {
            let snapped = snap_micros(zero);
            (snapped, snapped)
        } else {
            (snap_micros(zero), snap_micros(worst))
        };
        let (micros, total) = match policy {
            UnknownPolicy::Zero => (zero_micros, min),
            UnknownPolicy::WorstCase => (worst_micros, max),
            UnknownPolicy::ItemMean if missing == 0 => (zero_micros, min),
            UnknownPolicy::ItemMean => {
                let mean = known_mean(scores, scored_columns);
                let mut sum = 0.0;
                for (i, m) in multipliers.iter().enumerate() {
                    sum += m * match scores.get(i) {
                        Some(Score::Known(v)) => f64::from(*v),
                        _ => mean,
                    };
                }
                snap_micros(sum)
            }
        };
        Self {
            total,
            micros,
            min,
            max,
            unknowns,
        }
    }
}

/// The mean of the known scores on scored criteria (0 when none are known).
fn known_mean(scores: &[Score], scored_columns: &[bool]) -> f64 {
    let (sum, count) = scores
        .iter()
        .zip(scored_columns)
        .filter(|(_, &is_scored)| is_scored)
        .filter_map(|(s, _)| s.value())
        .fold((0u32, 0u32), |(sum, count), v| {
            (sum + u32::from(v), count + 1)
        });
    if count == 0 {
        0.0
    } else {
        f64::from(sum) / f64::from(count)
    }
}

/// A category: its name and its group.
type CategoryKey<'m> = (&'m str, Option<&'m str>);

fn category_subtotals(matrix: &Matrix, totals: ItemTotals<'_>) -> Vec<Subtotal> {
    if matrix.items.iter().all(|item| item.category.is_none()) {
        return Vec::new();
    }
    let declared: Vec<CategoryKey<'_>> = matrix
        .categories
        .iter()
        .map(|c| (c.name.as_str(), c.group.as_deref()))
        .collect();
    subtotals(
        &matrix.items,
        totals,
        declared.len(),
        |item| {
            item.category
                .as_deref()
                .map(|name| (name, item.group.as_deref()))
        },
        Published::new(&declared, |i| {
            matrix.categories.get(i).and_then(|c| c.published_subtotal)
        }),
    )
}

fn group_subtotals(matrix: &Matrix, totals: ItemTotals<'_>) -> Vec<Subtotal> {
    if matrix.items.iter().all(|item| item.group.is_none()) {
        return Vec::new();
    }
    let declared: Vec<CategoryKey<'_>> = matrix
        .groups
        .iter()
        .map(|g| (g.name.as_str(), None))
        .collect();
    subtotals(
        &matrix.items,
        totals,
        declared.len(),
        |item| item.group.as_deref().map(|name| (name, None)),
        Published::new(&declared, |i| {
            matrix.groups.get(i).and_then(|g| g.published_subtotal)
        }),
    )
}

/// Finds the printed subtotal of each key in the order keys first appear: the first
/// declared entry with that key. While keys appear in declared order it walks the declared
/// list; from the first key out of that order it looks keys up in a map of the list.
struct Published<'d, 'm, F> {
    declared: &'d [CategoryKey<'m>],
    subtotal: F,
    next: usize,
    /// From the first key out of declared order: each declared key's number, and the
    /// first declared entry for each number.
    map: Option<(Numbering<CategoryKey<'m>>, Vec<usize>)>,
}

impl<'d, 'm, F: Fn(usize) -> Option<u32>> Published<'d, 'm, F> {
    fn new(declared: &'d [CategoryKey<'m>], subtotal: F) -> Self {
        Self {
            declared,
            subtotal,
            next: 0,
            map: None,
        }
    }

    /// The printed subtotal of `key`, which has not been asked about before.
    fn of_new_key(&mut self, key: CategoryKey<'m>) -> Option<u32> {
        if self.map.is_none() {
            // Every entry before `next` is an earlier key, so none of them is `key`.
            if self.declared.get(self.next) == Some(&key) {
                self.next += 1;
                return (self.subtotal)(self.next - 1);
            }
            let mut numbering = Numbering::with_capacity(self.declared.len());
            let mut first = Vec::with_capacity(self.declared.len());
            for (i, &declared) in self.declared.iter().enumerate() {
                if numbering.insert(declared).1 {
                    first.push(i);
                }
            }
            self.map = Some((numbering, first));
        }
        let (numbering, first) = self.map.as_ref()?;
        let index = *first.get(numbering.get(key)?)?;
        (self.subtotal)(index)
    }
}

/// Sums item totals by the key `key_of` gives (name, parent group), in first-seen order;
/// `published` finds the printed subtotal for each key.
fn subtotals<'m, F: Fn(usize) -> Option<u32>>(
    items: &'m [Item],
    totals: ItemTotals<'_>,
    expected: usize,
    key_of: impl Fn(&'m Item) -> Option<CategoryKey<'m>>,
    mut published: Published<'_, 'm, F>,
) -> Vec<Subtotal> {
    let mut out: Vec<Subtotal> = Vec::with_capacity(expected);
    let mut sizes: Vec<usize> = Vec::with_capacity(expected);
    let mut slots: Numbering<CategoryKey<'m>> = Numbering::with_capacity(expected);
    // Rows of one category usually come together, so items are taken in runs of one key
    // (slot, first item, item after the last), found without hashing.
    let mut runs: Vec<(usize, usize, usize)> = Vec::with_capacity(expected);
    let mut last: Option<CategoryKey<'m>> = None;
    for (index, item) in items.iter().enumerate() {
        let key = key_of(item);
        if key == last {
            if let (Some(_), Some(run)) = (key, runs.last_mut()) {
                run.2 = index + 1;
            }
            continue;
        }
        last = key;
        let Some(key) = key else { continue };
        let (slot, new) = slots.insert(key);
        if new {
            let (name, group) = key;
            out.push(Subtotal {
                name: name.to_owned(),
                group: group.map(str::to_owned),
                total: 0.0,
                published: published.of_new_key(key),
                items: Vec::new(),
            });
            sizes.push(0);
        }
        runs.push((slot, index, index + 1));
    }
    for &(slot, start, end) in &runs {
        if let Some(size) = sizes.get_mut(slot) {
            *size += end - start;
        }
    }
    for (subtotal, &size) in out.iter_mut().zip(&sizes) {
        subtotal.items = Vec::with_capacity(size);
    }
    let mut micros = vec![0i64; out.len()];
    for &(slot, start, end) in &runs {
        if let (Some(subtotal), Some(micros)) = (out.get_mut(slot), micros.get_mut(slot)) {
            totals.add_run(subtotal, micros, start, end);
            subtotal.items.extend(start..end);
        }
    }
    out
}
