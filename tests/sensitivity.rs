//! Band stability on the seed matrices: the closed-form flip points and Red-set intervals
//! agree with a brute-force sweep of every weight in steps of 0.001, in both weighting
//! modes; margins, single score changes and the '?' statement worked out by hand.

use matrix_explorer::data::seed_matrices;
use matrix_explorer::engine::{
    evaluate, flip_points, item_margin, red_set_interval, score_flips, uncertainty,
};
use matrix_explorer::model::{Band, Matrix, Score, Settings, Weight};

const STEPS: u32 = 5000; // 0 to 5 in steps of 0.001

fn settings(matrix: &Matrix, rescale: bool) -> Settings {
    let mut settings = Settings::published(matrix);
    settings.rescale = rescale;
    settings
}

fn with_weight(settings: &Settings, column: usize, w: f64) -> Settings {
    let mut s = settings.clone();
    s.weights[column] = Weight::new(w).expect("a weight");
    s
}

/// Sweeps every column's weight of every seed matrix in both modes and hands each step's
/// bands to `check`.
fn sweep(mut check: impl FnMut(&Matrix, &Settings, usize, f64, &[Band])) {
    for matrix in seed_matrices().expect("seed parses") {
        for rescale in [false, true] {
            // A what-if to start from as well as the published weights.
            let mut base = settings(&matrix, rescale);
            if let Some(first) = base.weights.first_mut() {
                *first = Weight::new(1.5).expect("a weight");
            }
            for start in [settings(&matrix, rescale), base] {
                for column in 0..matrix.criteria.len() {
                    for step in 0..=STEPS {
                        let w = f64::from(step) / 1000.0;
                        let swept = with_weight(&start, column, w);
                        let bands: Vec<Band> = evaluate(&matrix, &swept)
                            .items
                            .iter()
                            .map(|r| r.band)
                            .collect();
                        check(&matrix, &start, column, w, &bands);
                    }
                }
            }
        }
    }
}

/// Flip points of every item, for one (matrix, mode, starting weights, column).
type Cached = (
    (String, bool, u64, usize),
    Vec<matrix_explorer::engine::FlipPoints>,
);

#[test]
fn flip_points_match_a_sweep_of_every_weight() {
    let mut cache: Vec<Cached> = Vec::new();
    let mut checked = 0u64;
    sweep(|matrix, start, column, w, bands| {
        let key = (
            matrix.title.clone(),
            start.rescale,
            start.weights[0].get().to_bits(),
            column,
        );
        if cache.last().is_none_or(|(k, _)| *k != key) {
            let points = (0..matrix.items.len())
                .map(|item| flip_points(matrix, start, item, column).expect("an item"))
                .collect();
            cache.push((key, points));
        }
        let points = &cache.last().expect("cached").1;
        for (item, band) in bands.iter().enumerate() {
            let near_change = points[item]
                .changes
                .iter()
                .any(|(at, _)| (at - w).abs() < 1e-6);
            if !near_change {
                assert_eq!(
                    points[item].band_at(w),
                    *band,
                    "{}, {} weight {w} ({}): {:?}",
                    matrix.items[item].name,
                    matrix.criteria[column].name,
                    if start.rescale { "rescaled" } else { "plain" },
                    points[item]
                );
                checked += 1;
            }
        }
    });
    assert!(checked > 1_000_000, "{checked} checks");
}

#[test]
fn the_red_set_holds_exactly_within_its_interval() {
    for matrix in seed_matrices().expect("seed parses") {
        for rescale in [false, true] {
            let start = settings(&matrix, rescale);
            for column in 0..matrix.criteria.len() {
                let (from, to) = red_set_interval(&matrix, &start, column);
                let red_at = |w: f64| -> Vec<bool> {
                    evaluate(&matrix, &with_weight(&start, column, w))
                        .items
                        .iter()
                        .map(|r| r.band == Band::Red)
                        .collect()
                };
                let now = red_at(start.weights[column].get());
                for step in 0..=STEPS {
                    let w = f64::from(step) / 1000.0;
                    let inside = w > from + 1e-6 && w < to - 1e-6;
                    let outside = w < from - 1e-6 || w > to + 1e-6;
                    let same = red_at(w) == now;
                    if inside {
                        assert!(
                            same,
                            "{} {} w={w}: inside ({from}, {to}) the Red set changed",
                            matrix.short_name, column
                        );
                    }
                    // Just past either end (within the sweep), the Red set differs.
                    if outside && ((w - to).abs() < 0.0011 || (w - from).abs() < 0.0011) {
                        assert!(
                            !same,
                            "{} {} w={w}: past ({from}, {to}) the Red set is the same",
                            matrix.short_name, column
                        );
                    }
                }
            }
        }
    }
}

fn seed(name: &str) -> Matrix {
    seed_matrices()
        .expect("seed parses")
        .into_iter()
        .find(|m| m.short_name == name)
        .expect("matrix")
}

fn flips_of(matrix: &Matrix, item: &str) -> Vec<String> {
    let settings = Settings::published(matrix);
    let evaluation = evaluate(matrix, &settings);
    let index = matrix.item_index(item).expect("item");
    score_flips(matrix, &settings, &evaluation, index)
        .iter()
        .map(|f| {
            format!(
                "{} {} -> {} makes it {}",
                matrix.criteria[f.criterion].name, f.from, f.to, f.band
            )
        })
        .collect()
}

#[test]
fn single_score_changes_worked_out_by_hand() {
    let crime = seed("Crime");
    // Drug Supply: 0, 1, 1, 2, 3 printed and 4 unattributed = 11, exactly on the Red line:
    // lowering any non-zero score by 1 gives 10, Amber; raising any keeps it Red.
    assert_eq!(
        flips_of(&crime, "Drug Supply"),
        [
            "Performance (short-term trend) 1 -> 0 makes it Amber",
            "Trends (long-term) 1 -> 0 makes it Amber",
            "Risk to quality of life / Public concern (merged column) 2 -> 1 makes it Amber",
            "Generator 3 -> 2 makes it Amber",
            "Unattributed (published total minus printed scores) 4 -> 3 makes it Amber",
        ]
    );
    // Possession Of Drugs (18) is 7 above Red: no single change moves it.
    assert!(flips_of(&crime, "Possession Of Drugs").is_empty(), "robust");
    let asb = seed("ASB");
    // Rubbish: 0, 2, 2, 2, 4, 1 = 11, on the line.
    assert_eq!(flips_of(&asb, "Rubbish").len(), 5);
    assert!(flips_of(&asb, "Rubbish").contains(&"Public concern 4 -> 3 makes it Amber".to_owned()));
    // Alarms: 3, 1, 1, 1, ?, 1 = 7; only a public concern of 4 would make it 11, Red.
    assert_eq!(
        flips_of(&asb, "Alarms"),
        ["Public concern ? -> 4 makes it Red"]
    );
}

#[test]
fn margins_say_how_far_the_nearest_threshold_is() {
    let asb = seed("ASB");
    let settings = Settings::published(&asb);
    let evaluation = evaluate(&asb, &settings);
    let margin = |item: &str| {
        let index = asb.item_index(item).expect("item");
        item_margin(evaluation.items[index].total, &settings.thresholds).describe()
    };
    assert_eq!(margin("Rubbish"), "0 above Red: on the line");
    assert_eq!(margin("Vandalism"), "1 below Red");
    assert_eq!(
        margin("Sex Work - Soliciting Cards in Phone Boxes"),
        "6 above Red"
    );
    assert_eq!(margin("Fly-posting"), "4 below Amber");
    assert_eq!(margin("Animals"), "0 above Amber: on the line");
}

#[test]
fn the_asb_question_marks_leave_thirteen_bands_uncertain() {
    let asb = seed("ASB");
    let evaluation = evaluate(&asb, &Settings::published(&asb));
    let statement = uncertainty(&evaluation);
    assert_eq!(
        statement.sentence(),
        "13 of the 18 items with a '?' could change band once it is known; 9 could become Red."
    );
    // Filling Alarms' public concern collapses its range.
    let mut filled = asb.clone();
    let alarms = filled.item_index("Alarms").expect("item");
    filled.items[alarms].scores[4] = Score::Known(2);
    let after = evaluate(&filled, &Settings::published(&filled));
    assert!(after.items[alarms].range.is_none());
    assert_eq!(uncertainty(&after).could_change, 12);
    // Large counts are written with their thousands separated, as every count is.
    let large = matrix_explorer::engine::Uncertainty {
        with_unknowns: 20_330,
        could_change: 10_779,
        could_become_red: 9_689,
    };
    assert_eq!(
        large.sentence(),
        "10,779 of the 20,330 items with a '?' could change band once it is known; 9,689 could become Red."
    );
}

#[test]
fn why_rubbish_and_drug_supply_are_red() {
    use matrix_explorer::engine::explain;
    let asb = seed("ASB");
    let settings = Settings::published(&asb);
    let evaluation = evaluate(&asb, &settings);
    let rubbish = explain(
        &asb,
        &settings,
        &evaluation,
        asb.item_index("Rubbish").expect("item"),
    )
    .expect("explained");
    assert_eq!(
        rubbish.sentence,
        "Rubbish is Red with 11, exactly on the line: public concern 4 gives the most; lowering any of its non-zero scores by 1 makes it Amber."
    );
    let points: f64 = rubbish.contributions.iter().map(|c| c.points).sum();
    assert!(
        (points - 11.0).abs() < 1e-9,
        "the parts add up to the total"
    );
    let crime = seed("Crime");
    let settings = Settings::published(&crime);
    let evaluation = evaluate(&crime, &settings);
    let drugs = explain(
        &crime,
        &settings,
        &evaluation,
        crime.item_index("Drug Supply").expect("item"),
    )
    .expect("explained");
    assert_eq!(
        drugs.sentence,
        "Drug Supply is Red with 11, exactly on the line: generator 3 gives the most (4 of its points are unattributed); lowering any of its non-zero scores by 1 makes it Amber."
    );
    let possession = explain(
        &crime,
        &settings,
        &evaluation,
        crime.item_index("Possession Of Drugs").expect("item"),
    )
    .expect("explained");
    assert!(
        possession
            .sentence
            .ends_with("no single score change of 1 would move it (robust)."),
        "{}",
        possession.sentence
    );
}

#[test]
fn band_count_steps_match_the_counts_at_every_weight() {
    use matrix_explorer::engine::band_count_steps;
    for matrix in seed_matrices().expect("seed parses") {
        for rescale in [false, true] {
            let start = settings(&matrix, rescale);
            for column in 0..matrix.criteria.len() {
                let steps = band_count_steps(&matrix, &start, column);
                assert_eq!(steps.first().map(|s| s.from), Some(0.0));
                assert_eq!(steps.last().map(|s| s.to), Some(5.0));
                for step in &steps {
                    let mid = (step.from + step.to) / 2.0;
                    let counts = evaluate(&matrix, &with_weight(&start, column, mid)).counts;
                    assert_eq!(
                        counts, step.counts,
                        "{} column {column} at {mid}",
                        matrix.short_name
                    );
                }
            }
        }
    }
}
