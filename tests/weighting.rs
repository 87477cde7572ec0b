//! What a weight means on the seed matrices, worked out by hand: plain multipliers by
//! default, rescaling over the scored criteria only, the unattributed points apart, the
//! largest possible totals, and the sentence that says what is applied.
#![allow(clippy::float_cmp)] // the totals compared exactly are exact in binary

use matrix_explorer::data::seed_matrices;
use matrix_explorer::engine::{evaluate, format_total, weighting_sentence, Evaluation};
use matrix_explorer::model::{Band, Matrix, Settings, UnknownPolicy, Weight};

fn seed(short_name: &str) -> Matrix {
    seed_matrices()
        .expect("seed parses")
        .into_iter()
        .find(|m| m.short_name == short_name)
        .expect("seed matrix")
}

fn column(matrix: &Matrix, name: &str) -> usize {
    matrix
        .criteria
        .iter()
        .position(|c| c.name == name)
        .unwrap_or_else(|| panic!("no criterion {name}"))
}

/// The published settings with criterion `name` weighted `weight`, plain or rescaled.
fn with_weight(matrix: &Matrix, name: &str, weight: f64, rescale: bool) -> Settings {
    let mut settings = Settings::published(matrix);
    settings.weights[column(matrix, name)] = Weight::new(weight).expect("valid weight");
    settings.rescale = rescale;
    settings
}

/// (total as shown, band) of `item`.
fn shown(matrix: &Matrix, eval: &Evaluation, item: &str) -> (String, Band) {
    let index = matrix
        .item_index(item)
        .unwrap_or_else(|| panic!("no item {item}"));
    let result = &eval.items[index];
    (format_total(result.total), result.band)
}

#[test]
fn asb_public_concern_counted_double_with_plain_multipliers() {
    let asb = seed("ASB");
    let eval = evaluate(&asb, &with_weight(&asb, "Public concern", 2.0, false));
    // Begging 2+4+4+2+3 with public concern '?' (0): 15 either way.
    assert_eq!(shown(&asb, &eval, "Begging"), ("15".into(), Band::Red));
    // Fly-posting ? ? ? 1 ? 1: 2.
    assert_eq!(shown(&asb, &eval, "Fly-posting"), ("2".into(), Band::Green));
    // Vandalism 0+2+2+3+1x2+1 = 10, plus its 1 unattributed point: 11, Red (was Amber 10).
    assert_eq!(shown(&asb, &eval, "Vandalism"), ("11".into(), Band::Red));
    // Construction/Machinery 3+3+3+1+?+1 = 11: unchanged, still Red.
    assert_eq!(
        shown(&asb, &eval, "Construction/Machinery"),
        ("11".into(), Band::Red)
    );
    // Youth Nuisance 0+3+3+2+4x2+3 = 19.
    assert_eq!(
        shown(&asb, &eval, "Youth Nuisance"),
        ("19".into(), Band::Red)
    );
    let concern = column(&asb, "Public concern");
    assert_eq!(eval.multipliers[concern], 2.0);
    assert!(eval
        .multipliers
        .iter()
        .enumerate()
        .all(|(i, m)| i == concern || *m == 1.0));
}

#[test]
fn asb_public_concern_counted_double_rescaled() {
    let asb = seed("ASB");
    let eval = evaluate(&asb, &with_weight(&asb, "Public concern", 2.0, true));
    // Six scored weights 1,1,1,1,2,1 average 7/6: public concern x12/7, the others x6/7;
    // the unattributed column keeps x1.
    let concern = column(&asb, "Public concern");
    assert!((eval.multipliers[concern] - 12.0 / 7.0).abs() < 1e-12);
    assert_eq!(format_total(eval.multipliers[concern]), "1.714");
    assert_eq!(format_total(eval.multipliers[0]), "0.857");
    let unattributed = asb
        .criteria
        .iter()
        .position(|c| c.name.starts_with("Unattributed"))
        .expect("ASB has an unattributed column (Vandalism)");
    assert_eq!(eval.multipliers[unattributed], 1.0);
    // Begging 15 x 6/7 = 90/7 = 12.857...
    assert_eq!(shown(&asb, &eval, "Begging"), ("12.857".into(), Band::Red));
    // Fly-posting 2 x 6/7 = 1.714...
    assert_eq!(
        shown(&asb, &eval, "Fly-posting"),
        ("1.714".into(), Band::Green)
    );
    // Vandalism 8 x 6/7 + 1 x 12/7 + 1 = 67/7 = 9.571...: Amber.
    assert_eq!(
        shown(&asb, &eval, "Vandalism"),
        ("9.571".into(), Band::Amber)
    );
    // Construction/Machinery 11 x 6/7 = 9.428...: Amber, the answer nobody asked for.
    assert_eq!(
        shown(&asb, &eval, "Construction/Machinery"),
        ("9.428".into(), Band::Amber)
    );
}

#[test]
fn crime_without_volume_in_both_modes() {
    let crime = seed("Crime");
    let plain = evaluate(&crime, &with_weight(&crime, "Volume", 0.0, false));
    // Possession Of Drugs 3,4,3,2,3 (+3 unattributed to reach 18): 18 - 3 = 15.
    assert_eq!(
        shown(&crime, &plain, "Possession Of Drugs"),
        ("15".into(), Band::Red)
    );
    // Theft from a Vehicle 4,3,2,2,4 (+1): 16 - 4 = 12.
    assert_eq!(
        shown(&crime, &plain, "Theft from a Vehicle"),
        ("12".into(), Band::Red)
    );
    // Other Theft 4,1,0,1,0: 6 - 4 = 2, Amber to Green.
    assert_eq!(
        shown(&crime, &plain, "Other Theft"),
        ("2".into(), Band::Green)
    );

    // Rescaled: four scored weights of 1 and one of 0 average 4/5, so the others count
    // x1.25; the unattributed points keep x1.
    let rescaled = evaluate(&crime, &with_weight(&crime, "Volume", 0.0, true));
    assert_eq!(rescaled.multipliers[1], 1.25);
    // Possession Of Drugs (4+3+2+3) x 1.25 + 3 = 18.
    assert_eq!(
        shown(&crime, &rescaled, "Possession Of Drugs"),
        ("18".into(), Band::Red)
    );
    // Theft from a Vehicle (3+2+2+4) x 1.25 + 1 = 14.75.
    assert_eq!(
        shown(&crime, &rescaled, "Theft from a Vehicle"),
        ("14.75".into(), Band::Red)
    );
    // Other Theft (1+0+1+0) x 1.25 = 2.5.
    assert_eq!(
        shown(&crime, &rescaled, "Other Theft"),
        ("2.5".into(), Band::Green)
    );
}

#[test]
fn all_zero_criterion_weights_leave_only_the_unattributed_points() {
    let crime = seed("Crime");
    for rescale in [false, true] {
        let mut settings = Settings::published(&crime);
        settings.rescale = rescale;
        for (weight, criterion) in settings.weights.iter_mut().zip(&crime.criteria) {
            if !criterion.name.starts_with("Unattributed") {
                *weight = Weight::new(0.0).expect("valid");
            }
        }
        let eval = evaluate(&crime, &settings);
        assert!(eval.items.iter().all(|r| r.total.is_finite()));
        // Possession Of Drugs keeps its 3 unattributed points; Other Theft has none.
        assert_eq!(
            shown(&crime, &eval, "Possession Of Drugs"),
            ("3".into(), Band::Green)
        );
        assert_eq!(
            shown(&crime, &eval, "Other Theft"),
            ("0".into(), Band::Green)
        );
        assert_eq!(eval.scored_max, 0.0);
        assert_eq!(eval.max_total, 4.0, "only the unattributed column");
        assert_eq!(eval.counts.green, crime.items.len());
    }
}

#[test]
fn the_largest_possible_total_in_each_mode() {
    let asb = seed("ASB");
    assert_eq!(
        asb.scale_top(),
        24,
        "six criteria x 4; the unattributed column is not one"
    );
    let published = evaluate(&asb, &Settings::published(&asb));
    assert_eq!((published.scored_max, published.max_total), (24.0, 28.0));
    let plain = evaluate(&asb, &with_weight(&asb, "Public concern", 2.0, false));
    assert_eq!((plain.scored_max, plain.max_total), (28.0, 32.0));
    let rescaled = evaluate(&asb, &with_weight(&asb, "Public concern", 2.0, true));
    assert_eq!(rescaled.scored_max, 24.0);
    assert!((rescaled.max_total - 28.0).abs() < 1e-9);
    let crime = seed("Crime");
    assert_eq!(crime.scale_top(), 20, "five printed score columns");
    let crime_plain = evaluate(&crime, &with_weight(&crime, "Generator", 5.0, false));
    assert_eq!(
        (crime_plain.scored_max, crime_plain.max_total),
        (36.0, 40.0)
    );
}

#[test]
fn every_weight_one_gives_the_published_totals_in_both_modes() {
    for matrix in seed_matrices().expect("seed parses") {
        for rescale in [false, true] {
            let mut settings = Settings::published(&matrix);
            settings.rescale = rescale;
            let eval = evaluate(&matrix, &settings);
            for (item, result) in matrix.items.iter().zip(&eval.items) {
                let published = f64::from(item.published_total.expect("printed total"));
                assert_eq!(result.total, published, "{} (rescale {rescale})", item.name);
            }
        }
    }
}

#[test]
fn the_sentence_says_what_is_applied() {
    let asb = seed("ASB");
    assert_eq!(
        weighting_sentence(&asb, &Settings::published(&asb)),
        "Every criterion counts ×1 (as published); thresholds Amber 6, Red 11; '?' counts as 0."
    );
    assert_eq!(
        weighting_sentence(&asb, &with_weight(&asb, "Public concern", 2.0, false)),
        "Public concern counts ×2, every other criterion ×1; thresholds Amber 6, Red 11; '?' counts as 0."
    );
    assert_eq!(
        weighting_sentence(&asb, &with_weight(&asb, "Public concern", 2.0, true)),
        "Weights rescaled to keep the 0-24 scale: Public concern counts ×1.714 (weight 2), \
         every other criterion ×0.857 (weight 1); thresholds Amber 6, Red 11; '?' counts as 0."
    );
    let mut two = with_weight(&asb, "Public concern", 2.0, false);
    two.weights[column(&asb, "Volume")] = Weight::new(0.5).expect("valid");
    two.thresholds = two.thresholds.with_red(12.5);
    two.unknown_policy = UnknownPolicy::WorstCase;
    assert_eq!(
        weighting_sentence(&asb, &two),
        "Volume counts ×0.5, Public concern ×2, every other criterion ×1; \
         thresholds Amber 6, Red 12.5; '?' counts as 4."
    );
    let crime = seed("Crime");
    let mut unattributed = Settings::published(&crime);
    let last = crime.criteria.len() - 1;
    unattributed.weights[last] = Weight::new(0.0).expect("valid");
    unattributed.rescale = true;
    assert_eq!(
        weighting_sentence(&crime, &unattributed),
        "Weights rescaled to keep the 0-20 scale: every criterion counts ×1 (weight 1); \
         unattributed points count ×0; thresholds Amber 6, Red 11; '?' counts as 0."
    );
}
