//! `evaluate`: a whole matrix under some settings, to totals, bands, ranks, subtotals and counts.

use super::ranking::{rank, Rank};
use super::scoring::{band_of, effective_multipliers, item_total, snap};
use crate::model::{Band, CriterionKind, Item, Matrix, Score, Settings, UnknownPolicy, MAX_SCORE};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

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
    let totals: Vec<f64> = matrix
        .items
        .iter()
        .map(|item| {
            item_total(
                item,
                &matrix.criteria,
                &multipliers,
                settings.unknown_policy,
            )
        })
        .collect();
    let (ranks, ranking) = rank(&totals);
    let mut counts = BandCounts::default();
    let items = matrix
        .items
        .iter()
        .zip(totals.iter().zip(ranks))
        .map(|(item, (&total, rank))| {
            let band = band_of(total, &settings.thresholds);
            counts.add(band);
            let unknowns = item.scores.iter().filter(|s| **s == Score::Unknown).count();
            let range = (unknowns > 0).then(|| total_range(item, matrix, &multipliers, settings));
            ItemResult {
                total,
                band,
                rank,
                unknowns,
                range,
            }
        })
        .collect();
    let categories = subtotals(
        &matrix.items,
        &totals,
        |item| {
            item.category
                .as_deref()
                .map(|name| (name, item.group.as_deref()))
        },
        |name, group| {
            let info = matrix
                .categories
                .iter()
                .find(|c| c.name == name && c.group.as_deref() == group);
            info.and_then(|c| c.published_subtotal)
        },
    );
    let groups = subtotals(
        &matrix.items,
        &totals,
        |item| item.group.as_deref().map(|name| (name, None)),
        |name, _| {
            matrix
                .groups
                .iter()
                .find(|g| g.name == name)
                .and_then(|g| g.published_subtotal)
        },
    );
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

fn total_range(
    item: &Item,
    matrix: &Matrix,
    multipliers: &[f64],
    settings: &Settings,
) -> TotalRange {
    let min = item_total(item, &matrix.criteria, multipliers, UnknownPolicy::Zero);
    let max = item_total(
        item,
        &matrix.criteria,
        multipliers,
        UnknownPolicy::WorstCase,
    );
    TotalRange {
        min,
        max,
        min_band: band_of(min, &settings.thresholds),
        max_band: band_of(max, &settings.thresholds),
    }
}

/// Sums item totals by the key `key_of` gives (name, parent group), in first-seen order;
/// `published` looks up the printed subtotal for a key.
fn subtotals<'m>(
    items: &'m [Item],
    totals: &[f64],
    key_of: impl Fn(&'m Item) -> Option<(&'m str, Option<&'m str>)>,
    published: impl Fn(&str, Option<&str>) -> Option<u32>,
) -> Vec<Subtotal> {
    let mut out: Vec<Subtotal> = Vec::new();
    let mut slots: HashMap<(&str, Option<&str>), usize> = HashMap::new();
    // Rows of one category usually come together: reuse the last slot without hashing.
    let mut last: Option<((&str, Option<&str>), usize)> = None;
    for (index, item) in items.iter().enumerate() {
        let Some(key) = key_of(item) else {
            continue;
        };
        if let Some((last_key, last_slot)) = last {
            if last_key == key {
                add(&mut out, last_slot, totals, index);
                continue;
            }
        }
        let slot = *slots.entry(key).or_insert_with(|| {
            let (name, group) = key;
            out.push(Subtotal {
                name: name.to_owned(),
                group: group.map(str::to_owned),
                total: 0.0,
                published: published(name, group),
                items: Vec::new(),
            });
            out.len() - 1
        });
        last = Some((key, slot));
        add(&mut out, slot, totals, index);
    }
    out
}

/// Adds item `index` (with its total) to subtotal `slot`.
fn add(out: &mut [Subtotal], slot: usize, totals: &[f64], index: usize) {
    if let (Some(subtotal), Some(total)) = (out.get_mut(slot), totals.get(index)) {
        subtotal.total = snap(subtotal.total + total);
        subtotal.items.push(index);
    }
}
