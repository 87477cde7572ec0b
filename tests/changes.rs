//! "What changed" on the seed ASB matrix, worked out by hand, and the text for the minutes.

use matrix_explorer::data::{seed_matrices, synthetic_matrix};
use matrix_explorer::engine::{
    announcement, band_changes, change_line, changes_summary, count_of, evaluate, tenths,
    thousands, weighting_sentence, BandChange, Evaluation, Minutes, ANNOUNCED,
};
use matrix_explorer::model::{Matrix, Settings, Thresholds, Weight};

fn asb() -> Matrix {
    seed_matrices().expect("seed parses").remove(1)
}

fn concern_double(matrix: &Matrix, rescale: bool) -> Settings {
    let mut settings = Settings::published(matrix);
    let concern = matrix
        .criteria
        .iter()
        .position(|c| c.name == "Public concern")
        .expect("criterion");
    settings.weights[concern] = Weight::new(2.0).expect("valid");
    settings.rescale = rescale;
    settings
}

#[test]
fn nothing_changes_against_itself() {
    let asb = asb();
    let published = evaluate(&asb, &Settings::published(&asb));
    let changes = band_changes(&published, &published);
    assert!(changes.is_empty());
    let text = Minutes {
        matrix: &asb,
        scenario: "Published assessment",
        compared_with: "the published assessment",
        weighting: &weighting_sentence(&asb, &Settings::published(&asb)),
        changes: &changes,
        decisions: &[],
    }
    .text();
    assert!(text.contains("\nNo item changes band.\n"), "{text}");
}

#[test]
fn public_concern_double_moves_vandalism_up_only() {
    let asb = asb();
    let published = evaluate(&asb, &Settings::published(&asb));
    let plain = evaluate(&asb, &concern_double(&asb, false));
    let changes = band_changes(&published, &plain);
    let up: Vec<String> = changes.up.iter().map(|c| change_line(&asb, c)).collect();
    assert_eq!(up, ["Vandalism: Amber → Red"]);
    assert!(changes.down.is_empty());
}

#[test]
fn rescaled_it_moves_three_items_down_and_the_minutes_say_so() {
    let asb = asb();
    let published = evaluate(&asb, &Settings::published(&asb));
    let settings = concern_double(&asb, true);
    let rescaled = evaluate(&asb, &settings);
    let changes = band_changes(&published, &rescaled);
    assert!(changes.up.is_empty());
    // In ranking order now: Construction/Machinery 9.43, then the two at 6 x 6/7 = 5.14.
    let down: Vec<String> = changes.down.iter().map(|c| change_line(&asb, c)).collect();
    assert_eq!(
        down,
        [
            "Construction/Machinery: Red → Amber",
            "Animals: Amber → Green",
            "Non Accidental Fires - Rubbish or Similar: Amber → Green",
        ]
    );
    let text = Minutes {
        matrix: &asb,
        scenario: "Concern x2, rescaled",
        compared_with: "the published assessment",
        weighting: &weighting_sentence(&asb, &settings),
        changes: &changes,
        decisions: &asb.decisions,
    }
    .text();
    let expected = "Antisocial behaviour (ASB) matrix: Concern x2, rescaled\n\
        Compared with the published assessment.\n\
        Weights rescaled to keep the 0-24 scale: Public concern counts ×1.714 (weight 2), every other criterion ×0.857 (weight 1); thresholds Amber 6, Red 11; '?' counts as 0.\n\
        3 items change band.\n\
        Down a band (3):\n\
        - Construction/Machinery: Red → Amber\n\
        - Animals: Amber → Green\n\
        - Non Accidental Fires - Rubbish or Similar: Amber → Green\n\
        Board decisions (1):\n\
        - Added to the priorities: Street drinking (Street Drinking), October 2007: The Community Safety Programme Board agreed its inclusion in recognition of local need and MPS London-wide priorities.\n";
    assert_eq!(text, expected);
}

#[test]
fn decisions_in_one_what_if_and_not_the_other_are_named() {
    use matrix_explorer::engine::decision_differences;
    let asb = asb();
    let published = asb.decisions.clone();
    let mut changed = published.clone();
    changed[0].reason = "Reconsidered".into();
    changed.push(matrix_explorer::model::BoardDecision {
        subject: "Graffiti".into(),
        items: vec!["Graffiti".into()],
        include: false,
        reason: "Covered elsewhere".into(),
        date: "2026-11-29".into(),
    });
    assert_eq!(
        decision_differences(&published, &published),
        (vec![], vec![])
    );
    assert_eq!(
        decision_differences(&published, &changed),
        (vec![0], vec![0, 1])
    );
}

#[test]
fn the_announcement_names_the_items_that_change_band() {
    let asb = asb();
    let published = evaluate(&asb, &Settings::published(&asb));
    let plain = evaluate(&asb, &concern_double(&asb, false));
    assert_eq!(
        announcement(&asb, &band_changes(&published, &plain)),
        "Vandalism now Red."
    );
    assert_eq!(
        announcement(&asb, &band_changes(&plain, &published)),
        "Vandalism now Amber."
    );
    assert_eq!(announcement(&asb, &band_changes(&plain, &plain)), "");
}

/// The changes from `before` to `after` taken item by item in the order of `after`'s
/// ranking, up and down apart.
fn in_ranking_order(before: &Evaluation, after: &Evaluation) -> (Vec<BandChange>, Vec<BandChange>) {
    let changes = after.ranking.iter().map(|&item| BandChange {
        item,
        from: before.items[item].band,
        to: after.items[item].band,
    });
    let up = changes.clone().filter(|c| c.to > c.from).collect();
    let down = changes.filter(|c| c.to < c.from).collect();
    (up, down)
}

#[test]
fn thousands_of_changes_come_in_ranking_order_and_the_announcement_counts_past_five() {
    // Whole-number scores: many ties, which keep matrix order within the ranking.
    let matrix = synthetic_matrix(20_000, 40, 10, 7);
    let published = evaluate(&matrix, &Settings::published(&matrix));
    let mut settings = Settings::published(&matrix);
    settings.thresholds = Thresholds {
        amber: 4.0,
        red: 8.0,
    };
    let moved = evaluate(&matrix, &settings);
    for (before, after) in [(&published, &moved), (&moved, &published)] {
        let changes = band_changes(before, after);
        let (up, down) = in_ranking_order(before, after);
        assert_eq!((&changes.up, &changes.down), (&up, &down));
        assert!(changes.len() > 1_000, "{} changes", changes.len());
        let text = announcement(&matrix, &changes);
        let named: Vec<String> = up
            .iter()
            .chain(&down)
            .take(ANNOUNCED)
            .map(|c| format!("{} now {}", matrix.items[c.item].name, c.to))
            .collect();
        let expected = format!(
            "{}; and {} more items change band.",
            named.join("; "),
            thousands(changes.len() - ANNOUNCED)
        );
        assert_eq!(text, expected);
        // Counts past a thousand are written as everywhere else: "1,234 items change band".
        let summary = changes_summary(&changes);
        assert_eq!(
            summary,
            format!("{} items change band", thousands(changes.len()))
        );
        assert!(summary.contains(','), "{summary}");
        // The minutes head each list with its count, written the same way.
        let minutes = Minutes {
            matrix: &matrix,
            scenario: "Thresholds 4 and 8",
            compared_with: "the published assessment",
            weighting: "",
            changes: &changes,
            decisions: &[],
        }
        .text();
        let list = if up.is_empty() {
            ("Down a band", down.len())
        } else {
            ("Up a band", up.len())
        };
        assert!(list.1 >= 1_000, "{} changes {}", list.1, list.0);
        assert!(
            minutes.contains(&format!("\n{} ({}):\n", list.0, thousands(list.1))),
            "{minutes:.300}"
        );
    }
}

#[test]
fn sizes_are_written_to_one_decimal_place() {
    assert_eq!(tenths(2.46), "2.5");
    assert_eq!(tenths(3.01), "3");
    assert_eq!(tenths(0.04), "0");
}

#[test]
fn counts_are_written_with_thousands_separated() {
    assert_eq!(thousands(0), "0");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(1_000), "1,000");
    assert_eq!(thousands(50_000), "50,000");
    assert_eq!(thousands(1_234_567), "1,234,567");
    assert_eq!(count_of(1, "row", "rows"), "1 row");
    assert_eq!(count_of(50_000, "row", "rows"), "50,000 rows");
}
