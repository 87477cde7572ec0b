//! Weighted totals and banding for one item: multipliers, the unknown-score policy, thresholds.

use crate::model::{
    Band, Criterion, CriterionKind, Item, Score, Settings, Thresholds, UnknownPolicy,
};

/// Rounds away floating-point noise (to a millionth) so that, e.g., a total that is
/// exactly 11 on paper is never 10.999999999 and never falls into the wrong band.
pub fn snap(value: f64) -> f64 {
    let snapped = (value * 1_000_000.0).round() / 1_000_000.0;
    if snapped == 0.0 {
        0.0 // no "-0"
    } else {
        snapped
    }
}

/// The multiplier each criterion's score is multiplied by.
///
/// Without `keep_scale` the multiplier is the weight itself. With it, weights are
/// normalised so their mean is 1: the total stays on the published 0-24 scale and the
/// thresholds keep their meaning. When every weight is 0 every multiplier is 0.
pub fn effective_multipliers(settings: &Settings, criteria_count: usize) -> Vec<f64> {
    let weights: Vec<f64> = (0..criteria_count)
        .map(|i| settings.weight(i).get())
        .collect();
    if !settings.keep_scale {
        return weights;
    }
    let sum: f64 = weights.iter().sum();
    if sum <= 0.0 {
        return vec![0.0; criteria_count];
    }
    let scale = criteria_count as f64 / sum;
    weights.iter().map(|w| w * scale).collect()
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
    let known: Vec<f64> = criteria
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == CriterionKind::Scored)
        .filter_map(|(i, _)| item.score(i).value())
        .map(f64::from)
        .collect();
    if known.is_empty() {
        0.0
    } else {
        known.iter().sum::<f64>() / known.len() as f64
    }
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

/// A total as shown to people: whole numbers without decimals, others cut (not rounded)
/// to two decimals so a total just under a threshold never reads as the threshold.
pub fn format_total(total: f64) -> String {
    let total = snap(total);
    if (total - total.round()).abs() < 1e-9 {
        return format!("{}", total.round());
    }
    let cut = (total * 100.0).floor() / 100.0;
    let text = format!("{cut:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}
