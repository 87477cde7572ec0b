//! The reducer: each user gesture changes exactly what it names, out-of-range gestures
//! change nothing, "Reset to published" restores the document, and the state serialises.
#![allow(clippy::float_cmp)] // totals compared exactly are exact: small integers and sums of them

use matrix_explorer::data::seed_matrices;
use matrix_explorer::engine::evaluate;
use matrix_explorer::model::{Band, Score, UnknownPolicy, Weight};
use matrix_explorer::state::{Action, AppState};

fn state() -> AppState {
    AppState::new(seed_matrices().expect("seed parses"))
}

fn band_of(state: &AppState, item: &str) -> Band {
    let current = state.current().expect("a matrix");
    let eval = evaluate(&current.matrix, &current.settings);
    eval.items[current.matrix.item_index(item).expect("item exists")].band
}

#[test]
fn opens_on_the_crime_matrix_as_published() {
    let s = state();
    assert_eq!(s.active, 0);
    let current = s.current().expect("a matrix");
    assert_eq!(current.matrix.short_name, "Crime");
    assert!(!current.is_changed());
}

#[test]
fn doubling_public_concern_on_asb_rebands_and_reset_restores() {
    let s = state().reduce(Action::MatrixSelected(1));
    let concern = s
        .current()
        .expect("asb")
        .matrix
        .criteria
        .iter()
        .position(|c| c.name == "Public concern")
        .expect("criterion");
    assert_eq!(band_of(&s, "Rowdy/Inconsiderate Neighbours"), Band::Red);
    let doubled = s.reduce(Action::WeightChanged {
        criterion: concern,
        weight: Weight::new(2.0).expect("valid"),
    });
    assert!(doubled.current().expect("asb").is_changed());
    // Plain multipliers: 12 points with public concern 3 become 12 + 3 = 15, still Red.
    assert_eq!(
        band_of(&doubled, "Rowdy/Inconsiderate Neighbours"),
        Band::Red
    );
    // Construction/Machinery (11, public concern '?') keeps 11 and Red: nothing else moved.
    assert_eq!(band_of(&doubled, "Construction/Machinery"), Band::Red);
    // Vandalism (10: public concern 1) gains 1: 11, Red.
    assert_eq!(band_of(&doubled, "Vandalism"), Band::Red);
    // Rescaled, the other criteria count 6/7: Construction/Machinery 11 x 6/7 = 9.43, Amber.
    let rescaled = doubled.reduce(Action::RescaleToggled(true));
    assert_eq!(band_of(&rescaled, "Construction/Machinery"), Band::Amber);
    let reset = rescaled.reduce(Action::ResetToPublished);
    assert!(!reset.current().expect("asb").is_changed());
    assert!(!reset.current().expect("asb").settings.rescale);
    assert_eq!(band_of(&reset, "Construction/Machinery"), Band::Red);
    assert_eq!(band_of(&reset, "Vandalism"), Band::Amber);
}

#[test]
fn editing_a_score_rebands_that_row_only_in_the_shown_matrix() {
    let s = state().reduce(Action::MatrixSelected(1));
    let asb = &s.current().expect("asb").matrix;
    let item = asb.item_index("Street Drinking").expect("item");
    let concern = asb
        .criteria
        .iter()
        .position(|c| c.name == "Public concern")
        .expect("criterion");
    let edited = s.reduce(Action::ScoreEdited {
        item,
        criterion: concern,
        score: Score::Known(0),
    });
    assert_eq!(band_of(&edited, "Street Drinking"), Band::Amber);
    assert_eq!(band_of(&edited, "Youth Nuisance"), Band::Red);
    let back = edited.reduce(Action::MatrixSelected(0));
    assert!(
        !back.current().expect("crime").is_changed(),
        "crime untouched"
    );
    assert!(
        back.matrices[1].is_changed(),
        "ASB edit kept while the crime matrix is shown"
    );
}

#[test]
fn out_of_range_gestures_change_nothing() {
    let s = state();
    for action in [
        Action::MatrixSelected(9),
        Action::ScoreEdited {
            item: 999,
            criterion: 0,
            score: Score::Unknown,
        },
        Action::ScoreEdited {
            item: 0,
            criterion: 99,
            score: Score::Unknown,
        },
        Action::WeightChanged {
            criterion: 99,
            weight: Weight::ONE,
        },
        Action::AmberThresholdChanged(f64::NAN),
        Action::RedThresholdChanged(-3.0),
    ] {
        assert_eq!(s.reduce(action.clone()), s, "{action:?}");
    }
}

#[test]
fn thresholds_policy_and_scale_are_settings_of_the_shown_matrix() {
    let s = state()
        .reduce(Action::RedThresholdChanged(16.0))
        .reduce(Action::UnknownPolicyChanged(UnknownPolicy::WorstCase))
        .reduce(Action::RescaleToggled(true));
    let settings = &s.current().expect("crime").settings;
    assert_eq!(settings.thresholds.red, 16.0);
    assert_eq!(settings.unknown_policy, UnknownPolicy::WorstCase);
    assert!(settings.rescale);
    assert_eq!(band_of(&s, "Theft from a Vehicle"), Band::Red);
    assert_eq!(band_of(&s, "Domestic Violence"), Band::Amber);
}

#[test]
fn the_whole_state_round_trips_through_json() {
    let s = state()
        .reduce(Action::MatrixSelected(1))
        .reduce(Action::ScoreEdited {
            item: 0,
            criterion: 0,
            score: Score::Unknown,
        });
    let json = serde_json::to_string(&s).expect("serialises");
    let back: AppState = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, s);
}

#[test]
fn an_import_replaces_the_shown_matrix_and_can_be_undone() {
    let seeds = seed_matrices().expect("seed parses");
    let mut imported = seeds[1].clone();
    imported.title = "Our partnership".to_owned();
    imported.short_name = "Ours".to_owned();
    let edited = state().reduce(Action::ScoreEdited {
        item: 0,
        criterion: 0,
        score: Score::Known(4),
    });
    let after = edited.reduce(Action::MatrixImported(imported.clone()));
    assert_eq!(
        after.current().expect("shown").matrix.title,
        "Our partnership"
    );
    assert!(!after.current().expect("shown").is_changed());
    assert_eq!(
        after.matrices[1], edited.matrices[1],
        "the other matrix is untouched"
    );
    assert_eq!(
        after.replaced.as_ref().map(|r| r.by.as_str()),
        Some("Our partnership")
    );
    let undone = after.reduce(Action::ImportUndone);
    assert_eq!(
        undone.matrices, edited.matrices,
        "the replaced matrix comes back with its edits"
    );
    assert!(undone.replaced.is_none());
    assert_eq!(
        undone.reduce(Action::ImportUndone),
        undone,
        "nothing more to undo"
    );
}
