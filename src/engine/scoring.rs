//! Weighted totals and banding for one item: multipliers, the unknown-score policy, thresholds.

use crate::model::{
    Band, Criterion, CriterionKind, Item, Score, Settings, Thresholds, UnknownPolicy,
};

/// Rounds away floating-point noise (to a millionth) so that, e.g., a total that is
/// exactly 11 on paper is never 10.999999999 and never falls into the wrong band.
pub fn snap(value: f64) -> f64 {
    snap_micros(value).1
}

/// The whole number of millionths `value` is snapped to, and `snap(value)` itself.
#[allow(clippy::inline_always)] // runs for every item, in a build optimised for size
#[inline(always)]
pub(super) fn snap_micros(value: f64) -> (f64, f64) {
    let micros = round_half_away(value * 1_000_000.0);
    // Adding 0 turns "-0" into 0 and changes no other number.
    (micros, micros / 1_000_000.0 + 0.0)
}

/// `value.round()` (halves away from zero) in plain arithmetic rather than a library call;
/// only the sign of a zero result can differ.
#[allow(clippy::inline_always)] // runs for every item, in a build optimised for size
#[inline(always)]
fn round_half_away(value: f64) -> f64 {
    /// Below 2^51, adding this (1.5 x 2^52) gives a number whose neighbours are 1 apart:
    /// the sum is rounded to a whole number (halves to even), and taking it away again is
    /// exact.
    const SHIFT: f64 = 6_755_399_441_055_744.0;
    if value.abs() < 2_251_799_813_685_248.0 {
        let nearest = (value + SHIFT) - SHIFT;
        // Exact: the part rounded away, at most a half.
        let fraction = value - nearest;
        #[allow(clippy::float_cmp)] // exactly a half
        let half = fraction.abs() == 0.5;
        if half {
            // A half, rounded away from zero; exact, as `value` is a whole number and a half.
            if value > 0.0 {
                value + 0.5
            } else {
                value - 0.5
            }
        } else {
            nearest
        }
    } else {
        value.round()
    }
}

/// The multiplier each column's scores are multiplied by.
///
/// By default a weight is a plain multiplier: weight 2 counts that criterion's scores twice
/// and leaves every other criterion at its own weight. With `rescale`, the weights of the
/// scored criteria are divided by their mean, so the multipliers of the scored criteria
/// average 1 and totals stay on the published 0-(4 x scored criteria) scale; when every
/// scored weight is 0 every scored multiplier is 0. An unattributed column is not a
/// criterion: it never enters that mean and its multiplier is its own weight in both modes.
pub fn effective_multipliers(settings: &Settings, criteria: &[Criterion]) -> Vec<f64> {
    kind_multipliers(settings, criteria.iter().map(|c| c.kind))
}

/// `effective_multipliers` of criteria of these kinds.
pub(super) fn kind_multipliers(
    settings: &Settings,
    kinds: impl Iterator<Item = CriterionKind> + Clone,
) -> Vec<f64> {
    let weights = kinds
        .enumerate()
        .map(|(i, kind)| (kind, settings.weight(i).get()));
    if !settings.rescale {
        return weights.map(|(_, w)| w).collect();
    }
    let (count, sum) = weights
        .clone()
        .filter(|(kind, _)| *kind == CriterionKind::Scored)
        .fold((0usize, 0.0f64), |(n, total), (_, w)| (n + 1, total + w));
    let scale = if sum > 0.0 { count as f64 / sum } else { 0.0 };
    weights
        .map(|(kind, w)| match kind {
            CriterionKind::Scored => w * scale,
            CriterionKind::Unattributed => w,
        })
        .collect()
}

/// The value a score counts as under `policy`, given the item's mean known score.
fn counted_value(score: Score, policy: UnknownPolicy, item_mean: f64) -> f64 {
    match (score, policy) {
        (Score::Known(v), _) => f64::from(v),
        (Score::Unknown, UnknownPolicy::Zero) => 0.0,
        (Score::Unknown, UnknownPolicy::ItemMean) => item_mean,
        (Score::Unknown, UnknownPolicy::WorstCase) => 4.0,
    }
}

/// The mean of an item's known scores on scored criteria (0 when none are known).
fn known_mean(item: &Item, criteria: &[Criterion]) -> f64 {
    let (sum, count) = criteria
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == CriterionKind::Scored)
        .filter_map(|(i, _)| item.score(i).value())
        .fold((0u32, 0u32), |(sum, count), v| {
            (sum + u32::from(v), count + 1)
        });
    if count == 0 {
        0.0
    } else {
        f64::from(sum) / f64::from(count)
    }
}

/// What each of an item's scores counts as under `policy`, column by column (what a weight
/// multiplies).
pub(super) fn counted_values(
    item: &Item,
    criteria: &[Criterion],
    policy: UnknownPolicy,
) -> Vec<f64> {
    let mean = if policy == UnknownPolicy::ItemMean {
        known_mean(item, criteria)
    } else {
        0.0
    };
    (0..criteria.len())
        .map(|i| counted_value(item.score(i), policy, mean))
        .collect()
}

/// An item's weighted total: the sum of each score times its criterion's multiplier.
pub fn item_total(
    item: &Item,
    criteria: &[Criterion],
    multipliers: &[f64],
    policy: UnknownPolicy,
) -> f64 {
    let mean = if policy == UnknownPolicy::ItemMean {
        known_mean(item, criteria)
    } else {
        0.0
    };
    let raw: f64 = multipliers
        .iter()
        .enumerate()
        .map(|(i, m)| m * counted_value(item.score(i), policy, mean))
        .sum();
    snap(raw)
}

/// The band of `total`: thresholds are lower bounds, so `total == red` is Red.
pub fn band_of(total: f64, thresholds: &Thresholds) -> Band {
    let total = snap(total);
    if total >= snap(thresholds.red) {
        Band::Red
    } else if total >= snap(thresholds.amber) {
        Band::Amber
    } else {
        Band::Green
    }
}

/// A total or multiplier as shown to people: with as many decimals as it needs, up to
/// three (11.375, 0.875, 12), cut rather than rounded, so a figure just under a threshold
/// never reads as the threshold itself (10.9996 reads "10.999", not "11").
pub fn format_total(total: f64) -> String {
    let micros = (snap(total) * 1_000_000.0).round();
    if !micros.is_finite() {
        return String::from("-");
    }
    // Whole thousandths, cut towards minus infinity; exact because `micros` is whole.
    #[allow(clippy::cast_possible_truncation)]
    let thousandths = (micros / 1000.0).floor() as i64;
    let sign = if thousandths < 0 { "-" } else { "" };
    let magnitude = thousandths.unsigned_abs();
    let (whole, fraction) = (magnitude / 1000, magnitude % 1000);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:03}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}
