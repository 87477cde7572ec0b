//! `evaluate`: a whole matrix under some settings, to totals, bands, ranks, subtotals and counts.

use super::ranking::{rank_each, Rank};
use super::scoring::{band_of, effective_multipliers, snap};
use crate::model::{
    Band, CriterionKind, Item, Matrix, Score, Settings, Thresholds, UnknownPolicy, MAX_SCORE,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

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

/// Scores every item of `matrix` under `settings`.
pub fn evaluate(matrix: &Matrix, settings: &Settings) -> Evaluation {
    let multipliers = effective_multipliers(settings, &matrix.criteria);
    let scored: Vec<bool> = matrix
        .criteria
        .iter()
        .map(|c| c.kind == CriterionKind::Scored)
        .collect();
    let bands = Bands::new(&settings.thresholds);
    let unranked = Rank {
        position: 0,
        tied: false,
    };
    let mut totals = Vec::with_capacity(matrix.items.len());
    let mut items = Vec::with_capacity(matrix.items.len());
    let mut counts = BandCounts::default();
    for item in &matrix.items {
        let sums = Sums::of(&item.scores, &multipliers, &scored, settings.unknown_policy);
        let band = bands.of(sums.total);
        counts.add(band);
        let range = (sums.unknowns > 0).then(|| TotalRange {
            min: sums.min,
            max: sums.max,
            min_band: bands.of(sums.min),
            max_band: bands.of(sums.max),
        });
        totals.push(sums.total);
        items.push(ItemResult {
            total: sums.total,
            band,
            rank: unranked,
            unknowns: sums.unknowns,
            range,
        });
    }
    let ranking = rank_each(&totals, |index, rank| {
        if let Some(result) = items.get_mut(index) {
            result.rank = rank;
        }
    });
    let categories = category_subtotals(matrix, &totals);
    let groups = group_subtotals(matrix, &totals);
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
    /// With every '?' as 0.
    min: f64,
    /// With every '?' as 4.
    max: f64,
    /// How many of the item's scores are '?'.
    unknowns: usize,
}

impl Sums {
    fn of(scores: &[Score], multipliers: &[f64], scored: &[bool], policy: UnknownPolicy) -> Self {
        let unknowns = scores.iter().filter(|s| **s == Score::Unknown).count();
        if unknowns == 0 && scores.len() >= multipliers.len() {
            // Every score is known: one sum serves every policy.
            let mut sum = 0.0;
            for (m, score) in multipliers.iter().zip(scores) {
                if let Score::Known(v) = score {
                    sum += m * f64::from(*v);
                }
            }
            let total = snap(sum);
            return Self {
                total,
                min: total,
                max: total,
                unknowns,
            };
        }
        let mean = if policy == UnknownPolicy::ItemMean {
            known_mean(scores, scored)
        } else {
            0.0
        };
        // A '?' adds m x 0 to the zero sum: adding 0 to a sum changes nothing, so it is left out.
        let (mut zero, mut worst, mut by_mean) = (0.0, 0.0, 0.0);
        for (i, m) in multipliers.iter().enumerate() {
            match scores.get(i).copied().unwrap_or(Score::Unknown) {
                Score::Known(v) => {
                    let term = m * f64::from(v);
                    zero += term;
                    worst += term;
                    by_mean += term;
                }
                Score::Unknown => {
                    worst += m * 4.0;
                    by_mean += m * mean;
                }
            }
        }
        let (min, max) = (snap(zero), snap(worst));
        let total = match policy {
            UnknownPolicy::Zero => min,
            UnknownPolicy::WorstCase => max,
            UnknownPolicy::ItemMean => snap(by_mean),
        };
        Self {
            total,
            min,
            max,
            unknowns,
        }
    }
}

/// The mean of the known scores on scored criteria (0 when none are known).
fn known_mean(scores: &[Score], scored: &[bool]) -> f64 {
    let (sum, count) = scores
        .iter()
        .zip(scored)
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

/// A quick hash for the maps of names built for one call (FxHash with a final mix).
#[derive(Default, Clone, Copy)]
pub(super) struct QuickHasher(u64);

impl QuickHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
}

/// A map keyed by names borrowed from the matrix, built once per call.
pub(super) type NameMap<K, V> = HashMap<K, V, BuildHasherDefault<QuickHasher>>;

/// An empty `NameMap` with room for `capacity` keys.
pub(super) fn name_map<K: Hash + Eq, V>(capacity: usize) -> NameMap<K, V> {
    HashMap::with_capacity_and_hasher(capacity, BuildHasherDefault::default())
}

/// A category: its name and its group.
type CategoryKey<'m> = (&'m str, Option<&'m str>);

fn category_subtotals(matrix: &Matrix, totals: &[f64]) -> Vec<Subtotal> {
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

fn group_subtotals(matrix: &Matrix, totals: &[f64]) -> Vec<Subtotal> {
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
    map: Option<NameMap<CategoryKey<'m>, usize>>,
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
            let mut map = name_map(self.declared.len());
            for (i, &declared) in self.declared.iter().enumerate() {
                map.entry(declared).or_insert(i);
            }
            self.map = Some(map);
        }
        let index = *self.map.as_ref()?.get(&key)?;
        (self.subtotal)(index)
    }
}

/// Sums item totals by the key `key_of` gives (name, parent group), in first-seen order;
/// `published` finds the printed subtotal for each key.
fn subtotals<'m, F: Fn(usize) -> Option<u32>>(
    items: &'m [Item],
    totals: &[f64],
    expected: usize,
    key_of: impl Fn(&'m Item) -> Option<CategoryKey<'m>>,
    mut published: Published<'_, 'm, F>,
) -> Vec<Subtotal> {
    const NONE: u32 = u32::MAX;
    let mut out: Vec<Subtotal> = Vec::with_capacity(expected);
    let mut sizes: Vec<usize> = Vec::with_capacity(expected);
    let mut slot_of: Vec<u32> = Vec::with_capacity(items.len());
    let mut slots: NameMap<CategoryKey<'m>, u32> = name_map(expected);
    // Rows of one category usually come together: reuse the last slot without hashing.
    let mut last: Option<(CategoryKey<'m>, u32)> = None;
    for item in items {
        let Some(key) = key_of(item) else {
            slot_of.push(NONE);
            continue;
        };
        let slot = match last {
            Some((last_key, last_slot)) if last_key == key => last_slot,
            _ => {
                let slot = *slots.entry(key).or_insert_with(|| {
                    let (name, group) = key;
                    out.push(Subtotal {
                        name: name.to_owned(),
                        group: group.map(str::to_owned),
                        total: 0.0,
                        published: published.of_new_key(key),
                        items: Vec::new(),
                    });
                    sizes.push(0);
                    u32::try_from(out.len() - 1).unwrap_or(NONE)
                });
                last = Some((key, slot));
                slot
            }
        };
        if let Some(size) = sizes.get_mut(slot as usize) {
            *size += 1;
        }
        slot_of.push(slot);
    }
    for (subtotal, &size) in out.iter_mut().zip(&sizes) {
        subtotal.items = Vec::with_capacity(size);
    }
    for (index, (&slot, &total)) in slot_of.iter().zip(totals).enumerate() {
        if let Some(subtotal) = out.get_mut(slot as usize) {
            subtotal.total = snap(subtotal.total + total);
            subtotal.items.push(index);
        }
    }
    out
}
