//! Table-driven tests of the scoring rules: thresholds at their boundaries, plain and
//! rescaled weights, the unknown-score policies, ranking, movement and display of totals.
#![allow(clippy::float_cmp)] // totals compared exactly are exact: small integers and sums of them

use matrix_explorer::engine::{
    band_of, effective_multipliers, evaluate, format_total, item_total, rank, Movement, Rank,
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
        decisions: Vec::new(),
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

fn unattributed(name: &str) -> Criterion {
    Criterion {
        kind: CriterionKind::Unattributed,
        ..criterion(name)
    }
}

fn settings(weights: &[f64], rescale: bool) -> Settings {
    Settings {
        weights: weights
            .iter()
            .map(|w| Weight::new(*w).expect("valid weight"))
            .collect(),
        rescale,
        thresholds: Thresholds::PUBLISHED,
        unknown_policy: UnknownPolicy::Zero,
    }
}

#[test]
fn a_weight_is_a_plain_multiplier_by_default() {
    let six: Vec<Criterion> = (0..6).map(|i| criterion(&format!("C{i}"))).collect();
    let mut plain = settings(&[1.0; 6], false);
    plain.weights[4] = Weight::new(2.0).expect("valid");
    assert_eq!(
        effective_multipliers(&plain, &six),
        [1.0, 1.0, 1.0, 1.0, 2.0, 1.0]
    );
    let m6 = matrix(vec![item("A", &[K(1); 6])], 6);
    let eval = evaluate(&m6, &plain);
    assert_eq!(eval.scored_max, 28.0, "5 x 4 + 2 x 4: a total can pass 24");
    assert_eq!(eval.items[0].total, 7.0, "1+1+1+1+2+1");
    let published = Settings::published(&m6);
    assert!(
        !published.rescale,
        "plain multipliers are the published default"
    );
}

#[test]
fn rescaling_averages_the_scored_multipliers_to_one() {
    let six: Vec<Criterion> = (0..6).map(|i| criterion(&format!("C{i}"))).collect();
    let mut rescaled = settings(&[1.0; 6], true);
    assert_eq!(effective_multipliers(&rescaled, &six), vec![1.0; 6]);
    rescaled.weights[4] = Weight::new(2.0).expect("valid");
    let m = effective_multipliers(&rescaled, &six);
    assert!((m[4] - 12.0 / 7.0).abs() < 1e-12);
    assert!((m[0] - 6.0 / 7.0).abs() < 1e-12);
    assert!((m.iter().sum::<f64>() - 6.0).abs() < 1e-12, "mean stays 1");
    let m6 = matrix(vec![item("A", &[K(1); 6])], 6);
    assert_eq!(evaluate(&m6, &rescaled).scored_max, 24.0, "keeps 0-24");
}

#[test]
fn the_unattributed_column_never_enters_the_mean() {
    // Three scored criteria and the unattributed remainder.
    let mut criteria: Vec<Criterion> = (0..3).map(|i| criterion(&format!("C{i}"))).collect();
    criteria.push(unattributed("U"));
    // Scored weights 1, 1, 4 (mean 2) and unattributed weight 3: rescaled, the scored
    // multipliers are 0.5, 0.5, 2 and the unattributed one stays 3, as it is when plain.
    let rescaled = settings(&[1.0, 1.0, 4.0, 3.0], true);
    assert_eq!(
        effective_multipliers(&rescaled, &criteria),
        [0.5, 0.5, 2.0, 3.0]
    );
    let plain = settings(&[1.0, 1.0, 4.0, 3.0], false);
    assert_eq!(
        effective_multipliers(&plain, &criteria),
        [1.0, 1.0, 4.0, 3.0]
    );
    // All scored weights 0: scored multipliers are 0, never NaN; unattributed unchanged.
    let zero = settings(&[0.0, 0.0, 0.0, 1.0], true);
    assert_eq!(
        effective_multipliers(&zero, &criteria),
        [0.0, 0.0, 0.0, 1.0]
    );
}

#[test]
fn all_zero_weights_give_zero_totals_not_nan() {
    for rescale in [true, false] {
        let mut s = settings(&[0.0; 3], rescale);
        s.unknown_policy = UnknownPolicy::WorstCase;
        let m = matrix(vec![item("A", &[K(4), U, K(2)])], 3);
        let eval = evaluate(&m, &s);
        assert_eq!(eval.items[0].total, 0.0);
        assert_eq!(eval.items[0].band, Band::Green);
        assert!(eval.multipliers.iter().all(|x| *x == 0.0));
        assert_eq!((eval.scored_max, eval.max_total), (0.0, 0.0));
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

fn at(position: usize, tied: bool) -> Rank {
    Rank { position, tied }
}

#[test]
fn movement_says_the_band_change_first_and_the_rank_apart() {
    // Fell a band while rising in the ranking: no upward arrow, no "up" about the band.
    let fell = Movement {
        from: Band::Amber,
        to: Band::Green,
        rank_before: at(14, false),
        rank_after: at(12, false),
    };
    assert_eq!(fell.describe(), "Amber → Green, down a band; rank 14 → 12");
    assert_eq!(fell.arrow(), "▼");
    assert_eq!(fell.band_steps(), -1);
    let rose = Movement {
        from: Band::Green,
        to: Band::Red,
        rank_before: at(20, true),
        rank_after: at(3, false),
    };
    assert_eq!(rose.describe(), "Green → Red, up two bands; rank =20 → 3");
    assert_eq!(rose.arrow(), "▲");
    let same_band = Movement {
        from: Band::Amber,
        to: Band::Amber,
        rank_before: at(12, false),
        rank_after: at(14, false),
    };
    assert_eq!(same_band.describe(), "still Amber; rank 12 → 14");
    assert_eq!(same_band.arrow(), "", "no arrow when the band holds");
    let level = Movement {
        from: Band::Red,
        to: Band::Red,
        rank_before: at(3, true),
        rank_after: at(3, true),
    };
    assert!(level.is_unchanged());
    assert_eq!(level.describe(), "as published");
    let band_only = Movement {
        from: Band::Amber,
        to: Band::Red,
        rank_before: at(5, false),
        rank_after: at(5, false),
    };
    assert_eq!(
        band_only.describe(),
        "Amber → Red, up a band; rank 5 as published"
    );
}

#[test]
fn totals_show_up_to_three_decimals_cut_not_rounded() {
    let cases = [
        (18.0, "18"),
        (0.0, "0"),
        (10.8, "10.8"),
        (11.375, "11.375"),
        (0.875, "0.875"),
        (10.2, "10.2"),
        (10.999, "10.999"),
        (10.9996, "10.999"),
        (10.999_94, "10.999"),
        (12.0 / 7.0, "1.714"),
        (90.0 / 7.0, "12.857"),
        (6.0 / 7.0, "0.857"),
        (11.000_000_1, "11"),
        (10.999_999_9, "11"),
        (0.0005, "0"),
    ];
    for (total, text) in cases {
        assert_eq!(format_total(total), text, "{total}");
    }
}

#[test]
fn a_figure_shown_as_a_threshold_is_in_that_threshold_band() {
    // Whatever the total, the figure shown never reads as a higher band than the total has.
    for step in 0..=240_000_u32 {
        let total = f64::from(step) / 10_000.0 + 0.000_03;
        let shown: f64 = format_total(total).parse().expect("a number");
        let t = Thresholds::PUBLISHED;
        assert!(
            band_of(shown, &t) <= band_of(total, &t),
            "{total} shown {shown}"
        );
        assert!(shown <= total + 1e-9, "{total} shown {shown}");
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
