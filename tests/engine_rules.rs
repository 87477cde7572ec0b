//! Table-driven tests of the scoring rules: thresholds at their boundaries, weights and
//! scale keeping, the unknown-score policies, ranking, movement and display of totals.
#![allow(clippy::float_cmp)] // totals compared exactly are exact: small integers and sums of them

use matrix_explorer::engine::{
    band_of, effective_multipliers, evaluate, format_total, item_total, rank, Movement,
};
use matrix_explorer::model::{
    Band, Criterion, CriterionKind, Item, Matrix, Score, Settings, Thresholds, UnknownPolicy,
    Weight,
};

fn criterion(name: &str) -> Criterion {
    Criterion {
        name: name.to_owned(),
        description: String::new(),
        kind: CriterionKind::Scored,
    }
}

fn item(name: &str, scores: &[Score]) -> Item {
    Item {
        name: name.to_owned(),
        group: None,
        category: None,
        scores: scores.to_vec(),
        data_source: String::new(),
        published_total: None,
    }
}

fn matrix(items: Vec<Item>, criteria: usize) -> Matrix {
    Matrix {
        title: "Test".to_owned(),
        short_name: "Test".to_owned(),
        source: String::new(),
        criteria: (0..criteria).map(|i| criterion(&format!("C{i}"))).collect(),
        items,
        groups: Vec::new(),
        categories: Vec::new(),
        thresholds: Thresholds::PUBLISHED,
        priorities: Vec::new(),
    }
}

const K: fn(u8) -> Score = Score::Known;
const U: Score = Score::Unknown;

#[test]
fn thresholds_are_lower_bounds() {
    let t = Thresholds::PUBLISHED;
    let cases = [
        (0.0, Band::Green),
        (5.0, Band::Green),
        (5.99, Band::Green),
        (6.0, Band::Amber),
        (10.0, Band::Amber),
        (10.8, Band::Amber),
        (10.999_99, Band::Amber),
        (11.0, Band::Red),
        (11.000_000_1, Band::Red),
        (10.999_999_9, Band::Red),
        (24.0, Band::Red),
    ];
    for (total, band) in cases {
        assert_eq!(band_of(total, &t), band, "total {total}");
    }
}

#[test]
fn edited_thresholds_keep_amber_at_or_below_red() {
    let t = Thresholds::PUBLISHED.with_red(4.0);
    assert_eq!((t.amber, t.red), (4.0, 4.0));
    let t = Thresholds::PUBLISHED.with_amber(12.0);
    assert_eq!((t.amber, t.red), (12.0, 12.0));
    assert_eq!(
        Thresholds::PUBLISHED.with_amber(f64::NAN),
        Thresholds::PUBLISHED
    );
    assert_eq!(Thresholds::PUBLISHED.with_red(-1.0), Thresholds::PUBLISHED);
    assert_eq!(
        band_of(
            4.0,
            &Thresholds {
                amber: 4.0,
                red: 4.0
            }
        ),
        Band::Red
    );
}

#[test]
fn keep_scale_normalises_weights_to_a_mean_of_one() {
    let mut settings = Settings {
        weights: vec![Weight::ONE; 6],
        keep_scale: true,
        thresholds: Thresholds::PUBLISHED,
        unknown_policy: UnknownPolicy::Zero,
    };
    assert_eq!(effective_multipliers(&settings, 6), vec![1.0; 6]);
    settings.weights[4] = Weight::new(2.0).expect("valid");
    let m = effective_multipliers(&settings, 6);
    assert!((m[4] - 12.0 / 7.0).abs() < 1e-12);
    assert!((m[0] - 6.0 / 7.0).abs() < 1e-12);
    assert!((m.iter().sum::<f64>() - 6.0).abs() < 1e-12, "mean stays 1");
    let m6 = matrix(vec![item("A", &[K(1); 6])], 6);
    assert!(
        (evaluate(&m6, &settings).max_total - 24.0).abs() < 1e-9,
        "keeps the 0-24 scale"
    );
    settings.keep_scale = false;
    assert_eq!(
        evaluate(&m6, &settings).max_total,
        28.0,
        "weights as set: 5 x 4 + 2 x 4"
    );
    assert_eq!(effective_multipliers(&settings, 6)[4], 2.0);
    assert_eq!(effective_multipliers(&settings, 6)[0], 1.0);
}

#[test]
fn all_zero_weights_give_zero_totals_not_nan() {
    for keep_scale in [true, false] {
        let settings = Settings {
            weights: vec![Weight::new(0.0).expect("valid"); 3],
            keep_scale,
            thresholds: Thresholds::PUBLISHED,
            unknown_policy: UnknownPolicy::WorstCase,
        };
        let m = matrix(vec![item("A", &[K(4), U, K(2)])], 3);
        let eval = evaluate(&m, &settings);
        assert_eq!(eval.items[0].total, 0.0);
        assert_eq!(eval.items[0].band, Band::Green);
        assert!(eval.multipliers.iter().all(|x| *x == 0.0));
    }
}

#[test]
fn unknown_policies_count_question_marks_as_stated() {
    let m = matrix(
        vec![item("A", &[K(4), U, K(2)]), item("All unknown", &[U, U, U])],
        3,
    );
    let multipliers = vec![1.0; 3];
    let cases = [
        (UnknownPolicy::Zero, 6.0, 0.0),
        (UnknownPolicy::ItemMean, 9.0, 0.0),
        (UnknownPolicy::WorstCase, 10.0, 12.0),
    ];
    for (policy, a, all_unknown) in cases {
        assert_eq!(
            item_total(&m.items[0], &m.criteria, &multipliers, policy),
            a,
            "{policy:?}"
        );
        assert_eq!(
            item_total(&m.items[1], &m.criteria, &multipliers, policy),
            all_unknown,
            "{policy:?}"
        );
    }
}

#[test]
fn item_mean_ignores_the_unattributed_column() {
    let mut m = matrix(vec![item("A", &[K(4), U, K(3)])], 3);
    m.criteria[2].kind = CriterionKind::Unattributed;
    let total = item_total(&m.items[0], &m.criteria, &[1.0; 3], UnknownPolicy::ItemMean);
    assert_eq!(total, 4.0 + 4.0 + 3.0);
}

#[test]
fn a_short_row_counts_missing_scores_as_unknown() {
    let m = matrix(vec![item("Short", &[K(3)])], 3);
    let eval = evaluate(&m, &Settings::published(&m));
    assert_eq!(eval.items[0].total, 3.0);
    assert_eq!(eval.items[0].unknowns, 0);
    assert_eq!(
        item_total(
            &m.items[0],
            &m.criteria,
            &[1.0; 3],
            UnknownPolicy::WorstCase
        ),
        11.0
    );
}

#[test]
fn ranking_uses_competition_ranks_with_ties_marked() {
    let (ranks, order) = rank(&[15.0, 17.0, 15.0, 17.0, 3.0]);
    let labels: Vec<String> = ranks.iter().map(ToString::to_string).collect();
    assert_eq!(labels, ["=3", "=1", "=3", "=1", "5"]);
    assert_eq!(order, [1, 3, 0, 2, 4]);
    let (ranks, order) = rank(&[]);
    assert!(ranks.is_empty() && order.is_empty());
}

#[test]
fn movement_is_told_in_words() {
    let up = Movement {
        places_up: 3,
        from: Band::Amber,
        to: Band::Red,
    };
    assert_eq!(up.describe(), "up 3, now Red (was Amber)");
    assert_eq!(up.arrow(), "▲");
    let down = Movement {
        places_up: -2,
        from: Band::Amber,
        to: Band::Amber,
    };
    assert_eq!(down.describe(), "down 2, still Amber");
    assert_eq!(down.arrow(), "▼");
    let level = Movement {
        places_up: 0,
        from: Band::Red,
        to: Band::Red,
    };
    assert_eq!(level.describe(), "same rank, still Red");
}

#[test]
fn totals_display_whole_or_cut_to_two_decimals() {
    let cases = [
        (18.0, "18"),
        (0.0, "0"),
        (10.8, "10.8"),
        (10.999, "10.99"),
        (12.0 / 7.0, "1.71"),
        (11.000_000_1, "11"),
    ];
    for (total, text) in cases {
        assert_eq!(format_total(total), text, "{total}");
    }
}

#[test]
fn weights_reject_what_is_not_a_weight() {
    assert!(Weight::new(f64::NAN).is_none());
    assert!(Weight::new(-0.1).is_none());
    assert!(Weight::new(Weight::MAX + 0.1).is_none());
    assert_eq!(Weight::clamped(f64::NAN).get(), 0.0);
    assert_eq!(Weight::clamped(99.0).get(), Weight::MAX);
    assert_eq!(Weight::clamped(f64::NEG_INFINITY).get(), 0.0);
}

#[test]
fn scores_parse_only_the_scale() {
    for (text, score) in [
        ("0", Some(K(0))),
        ("4", Some(K(4))),
        (" ? ", Some(U)),
        ("5", None),
        ("-1", None),
        ("3.5", None),
        ("", None),
        ("04", None),
    ] {
        assert_eq!(Score::parse(text), score, "{text:?}");
    }
}
