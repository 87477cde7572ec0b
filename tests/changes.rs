//! "What changed" on the seed ASB matrix, worked out by hand, and the text for the minutes.

use matrix_explorer::data::seed_matrices;
use matrix_explorer::engine::{band_changes, change_line, evaluate, weighting_sentence, Minutes};
use matrix_explorer::model::{Matrix, Settings, Weight};

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
