//! Property tests of the engine: monotonic in scores and weights, equal to an independent
//! recomputation, indifferent to row order, and never NaN or a panic.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::float_cmp)] // totals compared exactly are exact: small integers and sums of them

use matrix_explorer::engine::{evaluate, snap};
use matrix_explorer::model::{
    Band, Criterion, CriterionKind, Item, Matrix, Score, Settings, Thresholds, UnknownPolicy,
    Weight,
};
use proptest::prelude::*;

fn score() -> impl Strategy<Value = Score> {
    prop_oneof![4 => (0u8..=4).prop_map(Score::Known), 1 => Just(Score::Unknown)]
}

fn policy() -> impl Strategy<Value = UnknownPolicy> {
    prop_oneof![
        Just(UnknownPolicy::Zero),
        Just(UnknownPolicy::ItemMean),
        Just(UnknownPolicy::WorstCase)
    ]
}

fn weight() -> impl Strategy<Value = Weight> {
    prop_oneof![1 => Just(0.0), 4 => 0.0..=Weight::MAX].prop_map(Weight::clamped)
}

/// A pair of thresholds: whole numbers half the time, so that totals land exactly on them.
fn threshold_pair() -> impl Strategy<Value = (f64, f64)> {
    prop_oneof![
        (0.0f64..15.0, 0.0f64..15.0),
        (0u8..=20, 0u8..=20).prop_map(|(a, b)| (f64::from(a), f64::from(b))),
    ]
}

/// A matrix of 1-12 items over `n` columns, the last of them sometimes the unattributed
/// remainder rather than a criterion, with settings.
fn case() -> impl Strategy<Value = (Matrix, Settings)> {
    (1usize..=7).prop_flat_map(|n| {
        (
            prop::collection::vec(prop::collection::vec(score(), n), 1..12),
            prop::collection::vec(weight(), n),
            any::<bool>(),
            policy(),
            threshold_pair(),
            any::<bool>(),
        )
            .prop_map(
                move |(rows, weights, rescale, unknown_policy, (a, b), with_unattributed)| {
                    let matrix = Matrix {
                        title: "P".into(),
                        short_name: "P".into(),
                        source: String::new(),
                        criteria: (0..n)
                            .map(|i| Criterion {
                                name: format!("C{i}"),
                                description: String::new(),
                                kind: if with_unattributed && n > 1 && i == n - 1 {
                                    CriterionKind::Unattributed
                                } else {
                                    CriterionKind::Scored
                                },
                            })
                            .collect(),
                        items: rows
                            .into_iter()
                            .enumerate()
                            .map(|(i, scores)| Item {
                                name: format!("Item {i}"),
                                group: None,
                                category: Some(format!("Cat {}", i % 3)),
                                scores,
                                data_source: String::new(),
                                published_total: None,
                            })
                            .collect(),
                        groups: Vec::new(),
                        categories: Vec::new(),
                        thresholds: Thresholds::PUBLISHED,
                        priorities: Vec::new(),
                        decisions: Vec::new(),
                    };
                    let thresholds = Thresholds {
                        amber: a.min(b),
                        red: a.max(b),
                    };
                    (
                        matrix,
                        Settings {
                            weights,
                            rescale,
                            thresholds,
                            unknown_policy,
                        },
                    )
                },
            )
    })
}

fn is_scored(matrix: &Matrix, column: usize) -> bool {
    matrix.criteria[column].kind == CriterionKind::Scored
}

/// The total computed from first principles, independently of the engine: plain weights,
/// or scored weights divided by their mean; the unattributed column always at its weight.
fn independent_total(matrix: &Matrix, settings: &Settings, item: &Item) -> f64 {
    let scored: Vec<usize> = (0..matrix.criteria.len())
        .filter(|&c| is_scored(matrix, c))
        .collect();
    let n = scored.len() as f64;
    let weight_sum: f64 = scored.iter().map(|&c| settings.weights[c].get()).sum();
    let known: Vec<f64> = scored
        .iter()
        .filter_map(|&c| item.scores[c].value())
        .map(f64::from)
        .collect();
    let mean = if known.is_empty() {
        0.0
    } else {
        known.iter().sum::<f64>() / known.len() as f64
    };
    let mut total = 0.0;
    for (column, (score, weight)) in item.scores.iter().zip(&settings.weights).enumerate() {
        let multiplier = match (
            settings.rescale && is_scored(matrix, column),
            weight_sum > 0.0,
        ) {
            (false, _) => weight.get(),
            (true, true) => weight.get() * n / weight_sum,
            (true, false) => 0.0,
        };
        let value = match (score, settings.unknown_policy) {
            (Score::Known(v), _) => f64::from(*v),
            (Score::Unknown, UnknownPolicy::Zero) => 0.0,
            (Score::Unknown, UnknownPolicy::ItemMean) => mean,
            (Score::Unknown, UnknownPolicy::WorstCase) => 4.0,
        };
        total += multiplier * value;
    }
    total
}

/// The band of `total` from first principles: thresholds are lower bounds.
fn independent_band(total: f64, thresholds: &Thresholds) -> Band {
    if total >= thresholds.red - 1e-7 {
        Band::Red
    } else if total >= thresholds.amber - 1e-7 {
        Band::Amber
    } else {
        Band::Green
    }
}

/// `snap` as written with the library's rounding: halves away from zero, and no "-0".
fn reference_snap(value: f64) -> f64 {
    let snapped = (value * 1_000_000.0).round() / 1_000_000.0;
    if snapped == 0.0 {
        0.0
    } else {
        snapped
    }
}

/// Numbers of every size, and whole and half millionths, where rounding is decided.
fn any_total() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e3..1e3f64,
        -1e12..1e12f64,
        any::<f64>(),
        (-100_000_000i64..100_000_000).prop_map(|n| n as f64 / 2_000_000.0),
        (-1i64 << 52..1i64 << 52).prop_map(|n| (n as f64 + 0.5) / 1_000_000.0),
    ]
}

proptest! {
    #[test]
    fn snap_rounds_as_the_library_does(value in any_total()) {
        let (got, want) = (snap(value), reference_snap(value));
        prop_assert!(got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()), "{value:e}: {got:e} {want:e}");
    }

    #[test]
    fn totals_equal_an_independent_recomputation((matrix, settings) in case()) {
        let eval = evaluate(&matrix, &settings);
        for (item, result) in matrix.items.iter().zip(&eval.items) {
            prop_assert!(result.total.is_finite());
            prop_assert!((result.total - independent_total(&matrix, &settings, item)).abs() < 1e-5);
            let expected = independent_total(&matrix, &settings, item);
            prop_assert_eq!(result.band, independent_band(expected, &settings.thresholds));
        }
        let counted = eval.counts.red + eval.counts.amber + eval.counts.green;
        prop_assert_eq!(counted, matrix.items.len());
        let sum: f64 = eval.categories.iter().map(|c| c.total).sum();
        let all: f64 = eval.items.iter().map(|r| r.total).sum();
        prop_assert!((sum - all).abs() < 1e-5);
    }

    #[test]
    fn a_higher_score_never_lowers_a_total_or_band(
        (matrix, settings) in case(), row in any::<prop::sample::Index>(), col in any::<prop::sample::Index>()
    ) {
        let r = row.index(matrix.items.len());
        let c = col.index(matrix.criteria.len());
        let before = evaluate(&matrix, &settings).items[r].clone();
        let mut raised = matrix.clone();
        let current = raised.items[r].scores[c];
        // '?' under "item mean" is not ordered against known scores; raise known ones only.
        if let Score::Known(v) = current {
            raised.items[r].scores[c] = Score::Known((v + 1).min(4));
            let after = evaluate(&raised, &settings).items[r].clone();
            prop_assert!(after.total >= before.total - 1e-9);
            prop_assert!(after.band >= before.band);
        }
    }

    #[test]
    fn a_higher_weight_never_lowers_a_total_with_plain_multipliers(
        (matrix, mut settings) in case(), col in any::<prop::sample::Index>(), extra in 0.0f64..2.0
    ) {
        settings.rescale = false;
        let c = col.index(matrix.criteria.len());
        let before = evaluate(&matrix, &settings);
        settings.weights[c] = Weight::clamped(settings.weights[c].get() + extra);
        let after = evaluate(&matrix, &settings);
        for (b, a) in before.items.iter().zip(&after.items) {
            prop_assert!(a.total >= b.total - 1e-9);
            prop_assert!(a.band >= b.band);
        }
    }

    #[test]
    fn reordering_rows_changes_nothing((matrix, settings) in case(), seed in any::<u64>()) {
        let eval = evaluate(&matrix, &settings);
        let mut shuffled = matrix.clone();
        let len = shuffled.items.len();
        // A deterministic permutation from the seed (rotate, then reverse when odd).
        let shift = usize::try_from(seed % len as u64).unwrap_or(0);
        shuffled.items.rotate_left(shift);
        if seed % 2 == 1 { shuffled.items.reverse(); }
        let other = evaluate(&shuffled, &settings);
        for (item, result) in matrix.items.iter().zip(&eval.items) {
            let j = shuffled.item_index(&item.name).expect("same items");
            prop_assert_eq!(result.total, other.items[j].total);
            prop_assert_eq!(result.band, other.items[j].band);
            prop_assert_eq!(result.rank.position, other.items[j].rank.position);
        }
        prop_assert_eq!(eval.counts, other.counts);
    }

    #[test]
    fn all_unknown_rows_are_defined((matrix, settings) in case()) {
        let mut unknown = matrix.clone();
        for item in &mut unknown.items {
            item.scores.iter_mut().for_each(|s| *s = Score::Unknown);
        }
        let eval = evaluate(&unknown, &settings);
        for result in &eval.items {
            prop_assert!(result.total.is_finite());
            let range = result.range.expect("every score is '?'");
            prop_assert_eq!(range.min, 0.0);
            prop_assert!(range.max >= range.min);
            prop_assert!(range.max_band >= range.min_band);
        }
    }

    #[test]
    fn plain_totals_are_linear_in_each_weight(
        (matrix, mut settings) in case(), col in any::<prop::sample::Index>(), w in 0.0f64..=Weight::MAX
    ) {
        settings.rescale = false;
        let c = col.index(matrix.criteria.len());
        let at = |weight: f64| {
            let mut s = settings.clone();
            s.weights[c] = Weight::clamped(weight);
            evaluate(&matrix, &s)
        };
        let (zero, one, some) = (at(0.0), at(1.0), at(w));
        for ((z, o), x) in zero.items.iter().zip(&one.items).zip(&some.items) {
            // total(w) = total(0) + w x (total(1) - total(0))
            let line = z.total + w * (o.total - z.total);
            prop_assert!((x.total - line).abs() < 1e-4, "{} vs {}", x.total, line);
        }
    }

    #[test]
    fn rescaled_totals_ignore_a_common_factor_on_the_scored_weights(
        (matrix, mut settings) in case(), factor in 0.05f64..=1.0
    ) {
        settings.rescale = true;
        let before = evaluate(&matrix, &settings);
        for (c, weight) in settings.weights.iter_mut().enumerate() {
            if is_scored(&matrix, c) {
                *weight = Weight::clamped(weight.get() * factor);
            }
        }
        let after = evaluate(&matrix, &settings);
        for (b, a) in before.items.iter().zip(&after.items) {
            prop_assert!((a.total - b.total).abs() < 1e-5, "{} vs {}", a.total, b.total);
        }
    }

    #[test]
    fn with_every_weight_one_both_modes_agree((matrix, mut settings) in case()) {
        settings.weights.iter_mut().for_each(|w| *w = Weight::ONE);
        settings.rescale = false;
        let plain = evaluate(&matrix, &settings);
        settings.rescale = true;
        let rescaled = evaluate(&matrix, &settings);
        prop_assert_eq!(plain, rescaled);
    }
}
