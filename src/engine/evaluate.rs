//! `evaluate`: a whole matrix under some settings, to totals, bands, ranks, subtotals and
//! counts, over the matrix's `Layout`.

use super::layout::{index, Headings, Layout};
use super::ranking::{bounds_within, rank, rank_whole, Rank};
use super::scoring::{band_of, kind_multipliers, snap, snap_micros};
use crate::model::{Band, CriterionKind, Matrix, Settings, Thresholds, UnknownPolicy, MAX_SCORE};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

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

/// A category or group subtotal. Its name, group and items are the layout's: see
/// `Evaluation::category_name` and the methods beside it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Subtotal {
    /// The sum of its items' weighted totals.
    pub total: f64,
    /// The subtotal printed in the document, if any.
    pub published: Option<u32>,
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

/// Everything derived from a matrix and its settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The multiplier applied to each criterion.
    pub multipliers: Vec<f64>,
    /// One result per item, in matrix order.
    pub items: Vec<ItemResult>,
    /// Item indices from highest total to lowest (ties in matrix order).
    pub ranking: Vec<usize>,
    /// Category subtotals, in order of first appearance (a name within a group is a
    /// category of its own).
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
    /// The matrix laid out for evaluation, shared by every evaluation made with it: the
    /// names, groups and items of `categories` and `groups`.
    pub layout: Rc<Layout>,
}

impl Evaluation {
    /// The most unattributed points any item could add (its column at 4 times its multiplier).
    pub fn unattributed_max(&self) -> f64 {
        snap(self.max_total - self.scored_max)
    }

    /// The name of category `category` ("" when there is no such category).
    pub fn category_name(&self, category: usize) -> &str {
        self.layout.category_name(category)
    }

    /// The group category `category` sits in, as an index into `groups`, if any.
    pub fn category_group(&self, category: usize) -> Option<usize> {
        self.layout.category_group(category)
    }

    /// The items of category `category`, in matrix order.
    pub fn category_items(&self, category: usize) -> &[usize] {
        self.layout.category_items(category)
    }

    /// The name of group `group` ("" when there is no such group).
    pub fn group_name(&self, group: usize) -> &str {
        self.layout.group_name(group)
    }

    /// The items of group `group`, in matrix order.
    pub fn group_items(&self, group: usize) -> &[usize] {
        self.layout.group_items(group)
    }
}

/// Scores every item of `matrix` under `settings`. Lays the matrix out first: to score
/// one matrix under many settings, lay it out once with `Layout::new` and use
/// `evaluate_with`.
pub fn evaluate(matrix: &Matrix, settings: &Settings) -> Evaluation {
    evaluate_with(&Rc::new(Layout::new(matrix)), settings)
}

/// The re-band itself: each item's total and band under some settings, and the items per
/// band. The first step of `evaluate_with`, which goes on to rank the items, give the '?'
/// ranges and add up the subtotals.
#[derive(Debug, Clone)]
pub struct Rebanded {
    multipliers: Vec<f64>,
    terms: Terms,
    bands: Bands,
    /// Each total as a whole number of millionths.
    micros: Vec<f64>,
    totals: Vec<f64>,
    /// Each item's result, but its rank and range.
    items: Vec<ItemResult>,
    counts: BandCounts,
}

impl Rebanded {
    /// Each item's total, in matrix order.
    pub fn totals(&self) -> &[f64] {
        &self.totals
    }

    /// Each item's band, in matrix order.
    pub fn bands(&self) -> impl Iterator<Item = Band> + '_ {
        self.items.iter().map(|item| item.band)
    }

    /// How many items are in each band.
    pub fn counts(&self) -> BandCounts {
        self.counts
    }
}

/// Each item of the matrix `layout` was made from, totalled and banded under `settings`.
pub fn reband(layout: &Layout, settings: &Settings) -> Rebanded {
    let multipliers = kind_multipliers(settings, layout.kinds.iter().copied());
    let terms = Terms::new(&multipliers, layout.unknown, layout.lead_columns);
    let bands = Bands::new(&settings.thresholds);
    let unknown = layout.unknown;
    let mean_sum = |row: &[u16]| mean_sum(row, unknown, &multipliers, &layout.kinds);
    // One loop per policy, each with the policy's choice of sum inlined.
    let (micros, totals) = match settings.unknown_policy {
        UnknownPolicy::Zero => sum_items(layout, &terms, |_, [zero, _]| zero),
        UnknownPolicy::WorstCase => sum_items(layout, &terms, |_, [_, worst]| worst),
        UnknownPolicy::ItemMean => sum_items(layout, &terms, |row, [zero, _]| {
            if row.contains(&unknown) {
                mean_sum(row)
            } else {
                zero
            }
        }),
    };
    let (items, counts) = results(&totals, &layout.unknowns, &bands);
    Rebanded {
        multipliers,
        terms,
        bands,
        micros,
        totals,
        items,
        counts,
    }
}

/// Scores every item of the matrix `layout` was made from under `settings`, as `evaluate`.
pub fn evaluate_with(layout: &Rc<Layout>, settings: &Settings) -> Evaluation {
    let Rebanded {
        multipliers,
        terms,
        bands,
        micros,
        totals,
        mut items,
        counts,
    } = reband(layout, settings);
    // Totals whose millionths are all below this size add up exactly.
    let limit = EXACT_MICROS / micros.len().max(1) as f64;
    let bounds = bounds_within(&micros, limit);
    let whole = bounds.map(|_| micros.as_slice());
    let ranking = if let Some(bounds) = bounds {
        rank_whole(&micros, bounds, |item, rank| {
            if let Some(result) = items.get_mut(item) {
                result.rank = rank;
            }
        })
    } else {
        let (ranks, order) = rank(&totals);
        for (result, rank) in items.iter_mut().zip(ranks) {
            result.rank = rank;
        }
        order
    };
    let lane = match settings.unknown_policy {
        UnknownPolicy::Zero => Lane::Zero,
        UnknownPolicy::WorstCase => Lane::Worst,
        UnknownPolicy::ItemMean => Lane::Other,
    };
    add_ranges(&mut items, layout, &terms, &bands, lane);
    let categories = subtotals(&layout.categories, whole, &totals);
    let groups = subtotals(&layout.groups, whole, &totals);
    let max_total = snap(multipliers.iter().sum::<f64>() * f64::from(MAX_SCORE));
    let scored_max = snap(
        layout
            .kinds
            .iter()
            .zip(&multipliers)
            .filter(|(kind, _)| **kind == CriterionKind::Scored)
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
        layout: Rc::clone(layout),
    }
}

/// Sums of totals above this many millionths may not be exact in `f64` arithmetic.
///
/// Below it, for totals `a` and `b` millionths, `snap(a + b)` is exactly the total `a + b`
/// millionths (the rounding errors in `a`, `b`, their sum and the scaling add up to less
/// than a quarter of a millionth), so subtotals can be summed as whole numbers, and two
/// totals tie exactly when their millionths are equal.
const EXACT_MICROS: f64 = 562_949_953_421_312.0; // 2^49

/// Which of an item's sums its total is.
#[derive(Clone, Copy, PartialEq)]
enum Lane {
    /// The sum with '?' as 0.
    Zero,
    /// The sum with '?' as 4.
    Worst,
    /// Another (the sum with '?' as the item's mean).
    Other,
}

/// Each item's total as a whole number of millionths and snapped. `pick` gives an item's
/// total before snapping, from its codes and its sums with '?' as 0 and as 4.
#[allow(clippy::inline_always)] // one loop per policy, `pick` inlined in each
#[inline(always)]
fn sum_items(
    layout: &Layout,
    terms: &Terms,
    pick: impl Fn(&[u16], [f64; 2]) -> f64,
) -> (Vec<f64>, Vec<f64>) {
    let mut micros = vec![0.0; layout.items()];
    let mut totals = vec![0.0; layout.items()];
    for ((&lead, row), (whole, total)) in layout
        .leads
        .iter()
        .zip(layout.rows())
        .zip(micros.iter_mut().zip(&mut totals))
    {
        let sums = terms.sums(lead, row.get(layout.lead_columns..).unwrap_or(&[]));
        (*whole, *total) = snap_micros(pick(row, sums));
    }
    (micros, totals)
}

/// Each item's result but its rank and range, from its total and its count of '?'
/// scores; and the items per band. (A loop of its own: with the sums' it is too long for
/// the processor to work on several items at once.)
fn results(totals: &[f64], unknowns: &[u32], bands: &Bands) -> (Vec<ItemResult>, BandCounts) {
    let (mut green, mut red) = (0, 0);
    let items = totals
        .iter()
        .zip(unknowns)
        .map(|(&total, &unknowns)| {
            let band = bands.of(total);
            // Counted without branches: which band comes next is not predictable.
            green += usize::from(band == Band::Green);
            red += usize::from(band == Band::Red);
            ItemResult {
                total,
                band,
                rank: Rank {
                    position: 0,
                    tied: false,
                },
                unknowns: index(unknowns),
                range: None,
            }
        })
        .collect::<Vec<ItemResult>>();
    let amber = items.len() - green - red;
    (items, BandCounts { red, amber, green })
}

/// The range of each item with '?' scores, from its sums with '?' as 0 and as 4, given
/// which of them (if either) is its total. In a loop over those items alone, so that the
/// others take no branch (which items have '?' is not predictable) and no work.
fn add_ranges(items: &mut [ItemResult], layout: &Layout, terms: &Terms, bands: &Bands, lane: Lane) {
    for &item in &layout.uncertain {
        let (Some(result), Some(&lead)) = (items.get_mut(item), layout.leads.get(item)) else {
            continue;
        };
        let [zero, worst] = terms.sums(lead, layout.rest(item));
        let (min, max) = match lane {
            Lane::Zero => (result.total, snap(worst)),
            Lane::Worst => (snap(zero), result.total),
            Lane::Other => (snap(zero), snap(worst)),
        };
        result.range = Some(TotalRange {
            min,
            max,
            min_band: if lane == Lane::Zero {
                result.band
            } else {
                bands.of(min)
            },
            max_band: if lane == Lane::Worst {
                result.band
            } else {
                bands.of(max)
            },
        });
    }
}

/// Each criterion's term for each score code: the score times the criterion's multiplier,
/// with '?' as 0 and, beside it, as 4; and the sums of the terms of the leading criteria.
#[derive(Debug, Clone)]
struct Terms {
    /// Per criterion after the leading ones, `stride` pairs (with '?' as 0, with '?' as 4),
    /// one per code.
    pairs: Vec<[f64; 2]>,
    stride: usize,
    /// The sums of the leading criteria's terms (as pairs), for each of their codes, the
    /// index being the codes as digits in base `stride`, as in `Layout::leads`.
    leads: Vec<[f64; 2]>,
}

impl Terms {
    fn new(multipliers: &[f64], unknown: u16, lead_columns: usize) -> Self {
        let stride = usize::from(unknown) + 1;
        let mut pairs = Vec::with_capacity(multipliers.len() * stride);
        for &m in multipliers {
            for code in 0..unknown {
                let term = m * f64::from(code);
                pairs.push([term, term]);
            }
            // '?' as 0 adds 0, which changes no sum: the sums start at 0 and no term is
            // below 0, so none is -0.
            pairs.push([0.0, m * 4.0]);
        }
        // Summed term by term in criterion order, from 0, as `sums` adds them.
        let mut leads = vec![[0.0, 0.0]];
        for column in pairs.chunks_exact(stride).take(lead_columns) {
            leads = leads
                .iter()
                .flat_map(|&[zero, worst]| column.iter().map(move |&[z, w]| [zero + z, worst + w]))
                .collect();
        }
        let pairs = pairs.split_off((lead_columns * stride).min(pairs.len()));
        Self {
            pairs,
            stride,
            leads,
        }
    }

    /// An item's sums with '?' as 0 and with '?' as 4, term by term in criterion order
    /// exactly as `item_total` adds them, given the index of its leading scores' sums and
    /// the codes of the rest.
    #[allow(clippy::inline_always)] // runs for every item, in a build optimised for size
    #[inline(always)]
    fn sums(&self, lead: u32, rest: &[u16]) -> [f64; 2] {
        let [mut zero, mut worst] = self.leads.get(index(lead)).copied().unwrap_or([0.0, 0.0]);
        // Each criterion's pairs start `stride` after the last's (no `chunks_exact` here: it
        // divides, which would take longer than the rest of the loop).
        let mut start = 0;
        for &code in rest {
            if let Some([z, w]) = self.pairs.get(start + usize::from(code)) {
                zero += z;
                worst += w;
            }
            start += self.stride;
        }
        [zero, worst]
    }
}

/// An item's sum with each '?' (or missing score) as the mean of its known scores on
/// scored criteria (0 when none is known), as `item_total` adds it.
fn mean_sum(row: &[u16], unknown: u16, multipliers: &[f64], kinds: &[CriterionKind]) -> f64 {
    let (sum, count) = row
        .iter()
        .zip(kinds)
        .filter(|&(&code, &kind)| code != unknown && kind == CriterionKind::Scored)
        .fold((0u32, 0u32), |(sum, count), (&code, _)| {
            (sum + u32::from(code), count + 1)
        });
    let mean = if count == 0 {
        0.0
    } else {
        f64::from(sum) / f64::from(count)
    };
    let mut total = 0.0;
    for (&code, m) in row.iter().zip(multipliers) {
        total += m * if code == unknown {
            mean
        } else {
            f64::from(code)
        };
    }
    total
}

/// `value`, a whole number below 2^51 in size, as an integer: the bits of `value` plus
/// 1.5 x 2^52 are those of that number plus the integer (a cast checks for overflow and
/// NaN, which take longer than the rest of a subtotal's loop).
#[allow(clippy::inline_always)] // runs for every item
#[inline(always)]
fn whole_number(value: f64) -> i64 {
    const SHIFT: f64 = 6_755_399_441_055_744.0; // 1.5 x 2^52
    #[allow(clippy::cast_possible_wrap)] // the bits of a positive number below 2^63
    let bits = (value + SHIFT).to_bits() as i64;
    bits.wrapping_sub(0x4338_0000_0000_0000)
}

/// The subtotal of each of `headings`, its items' totals added in matrix order, each sum
/// snapped (`snap(snap(a + b) + c)...`); as whole millionths when `micros` gives them.
fn subtotals(headings: &Headings, micros: Option<&[f64]>, totals: &[f64]) -> Vec<Subtotal> {
    let subtotal = |(total, &published)| Subtotal { total, published };
    if let Some(micros) = micros {
        // Whole numbers whose sizes add up to less than 2^49: summed exactly, as integers
        // (quicker to add one after another), a run at a time when runs are long.
        let mut sums = vec![0i64; headings.len()];
        for &[number, start, end] in &headings.runs {
            let run = micros.get(index(start)..index(end)).unwrap_or(&[]);
            let run = run.iter().fold(0, |sum, &m| sum + whole_number(m));
            if let Some(sum) = sums.get_mut(index(number)) {
                *sum += run;
            }
        }
        if headings.runs.is_empty() {
            for (&number, &m) in headings.of_item.iter().zip(micros) {
                if let Some(sum) = sums.get_mut(index(number)) {
                    *sum += whole_number(m);
                }
            }
        }
        // What `snap` gives for a sum of that many millionths.
        let totals = sums.into_iter().map(|sum| sum as f64 / 1_000_000.0 + 0.0);
        totals.zip(&headings.published).map(subtotal).collect()
    } else {
        let mut sums = vec![0.0; headings.len()];
        for (&number, &total) in headings.of_item.iter().zip(totals) {
            if let Some(sum) = sums.get_mut(index(number)) {
                *sum = snap_micros(*sum + total).1;
            }
        }
        sums.into_iter()
            .zip(&headings.published)
            .map(subtotal)
            .collect()
    }
}

/// `band_of` with the thresholds snapped once rather than for every total.
#[derive(Debug, Clone)]
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
        // Snapping a snapped total of this size changes nothing; beyond it (or for NaN),
        // `band_of` does.
        if total.abs() < 1e9 {
            // Without branches: the band of the next item is not predictable.
            let amber = u8::from(total >= self.amber);
            let band = if total >= self.red { 2 } else { amber };
            match band {
                0 => Band::Green,
                1 => Band::Amber,
                _ => Band::Red,
            }
        } else {
            band_of(total, &self.thresholds)
        }
    }
}
