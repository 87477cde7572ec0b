//! Scenarios, board decisions and undo/redo in the reducer: each gesture does what it says,
//! the published assessment cannot be overwritten, and every edit can be undone and redone.

use matrix_explorer::data::seed_matrices;
use matrix_explorer::engine::evaluate;
use matrix_explorer::model::{Band, BoardDecision, Score, Weight};
use matrix_explorer::state::{Action, AppState, Compare, UNDO_LIMIT};

fn asb() -> AppState {
    AppState::new(seed_matrices().expect("seed parses")).reduce(Action::MatrixSelected(1))
}

fn criterion(state: &AppState, name: &str) -> usize {
    let current = state.current().expect("a matrix");
    current
        .matrix
        .criteria
        .iter()
        .position(|c| c.name == name)
        .expect("criterion")
}

fn item(state: &AppState, name: &str) -> usize {
    state
        .current()
        .expect("a matrix")
        .matrix
        .item_index(name)
        .expect("item")
}

fn band(state: &AppState, name: &str) -> Band {
    let current = state.current().expect("a matrix");
    evaluate(&current.matrix, &current.settings).items[item(state, name)].band
}

fn concern_double(state: &AppState) -> AppState {
    state.reduce(Action::WeightChanged {
        criterion: criterion(state, "Public concern"),
        weight: Weight::new(2.0).expect("valid"),
    })
}

#[test]
fn the_published_decisions_are_seeded() {
    let state = AppState::new(seed_matrices().expect("seed parses"));
    let crime = &state.matrices[0];
    let subjects: Vec<&str> = crime.decisions.iter().map(|d| d.subject.as_str()).collect();
    assert_eq!(
        subjects,
        [
            "Residential burglary",
            "Personal robbery",
            "Snatch offences",
            "Violent crime"
        ]
    );
    assert!(crime.decisions.iter().all(|d| d.include));
    for decision in &crime.decisions {
        for name in &decision.items {
            assert!(crime.matrix.item_index(name).is_some(), "{name} is an item");
        }
    }
    assert_eq!(
        crime.decisions[3].items.len(),
        6,
        "GBH, ABH, common assault, ..."
    );
    let asb = &state.matrices[1];
    assert_eq!(asb.decisions.len(), 1);
    assert_eq!(asb.decisions[0].items, ["Street Drinking"]);
    assert!(!crime.is_changed() && !asb.is_changed());
}

#[test]
fn a_saved_scenario_follows_its_edits_and_can_be_switched_back_to() {
    let state = concern_double(&asb()).reduce(Action::ScenarioSaved("  Concern x2 ".into()));
    let current = state.current().expect("asb");
    assert_eq!(current.scenarios.len(), 1);
    assert_eq!(current.scenarios[0].name, "Concern x2");
    assert_eq!(current.scenario, Some(0));
    assert_eq!(band(&state, "Vandalism"), Band::Red);

    // An edit while the scenario is open goes into it.
    let rubbish = item(&state, "Rubbish");
    let concern = criterion(&state, "Public concern");
    let edited = state.reduce(Action::ScoreEdited {
        item: rubbish,
        criterion: concern,
        score: Score::Known(0),
    });
    let saved = &edited.current().expect("asb").scenarios[0];
    assert_eq!(saved.edits.as_slice().len(), 1);

    // Back to the published assessment, then to the scenario again.
    let published = edited.reduce(Action::PublishedSelected);
    assert!(!published.current().expect("asb").is_changed());
    assert_eq!(band(&published, "Vandalism"), Band::Amber);
    assert_eq!(band(&published, "Rubbish"), Band::Red);
    let back = published.reduce(Action::ScenarioSelected(0));
    assert_eq!(band(&back, "Vandalism"), Band::Red);
    assert_eq!(
        back.current().expect("asb").matrix.items[rubbish].scores[concern],
        Score::Known(0)
    );
    assert_eq!(back.current().expect("asb").scenario_name(), "Concern x2");
}

#[test]
fn scenarios_are_renamed_duplicated_and_deleted_with_unique_names() {
    let state = concern_double(&asb())
        .reduce(Action::ScenarioSaved("A".into()))
        .reduce(Action::ScenarioSaved("A".into()))
        .reduce(Action::ScenarioDuplicated(0))
        .reduce(Action::ScenarioRenamed {
            scenario: 1,
            name: "B".into(),
        })
        .reduce(Action::ScenarioRenamed {
            scenario: 2,
            name: "   ".into(),
        });
    let names: Vec<&str> = state
        .current()
        .expect("asb")
        .scenarios
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["A", "B", "A (copy)"]);
    let compared = state.reduce(Action::CompareChosen(Compare::Scenario(2)));
    let deleted = compared.reduce(Action::ScenarioDeleted(0));
    let current = deleted.current().expect("asb");
    assert_eq!(current.scenarios.len(), 2);
    assert_eq!(current.scenario, Some(0), "the open scenario B moved up");
    assert_eq!(
        current.compare,
        Compare::Scenario(1),
        "the comparison followed its scenario"
    );
    // Deleting is undone like any other edit.
    let undone = deleted.reduce(Action::Undone);
    assert_eq!(undone.current().expect("asb").scenarios.len(), 3);
}

#[test]
fn decisions_are_added_and_removed_apart_from_bands() {
    let state = asb().reduce(Action::DecisionAdded(BoardDecision {
        subject: "Graffiti".into(),
        items: vec!["Graffiti".into()],
        include: false,
        reason: "Covered by the environment plan".into(),
        date: "2026-11-29".into(),
    }));
    let current = state.current().expect("asb");
    assert_eq!(current.decisions.len(), 2);
    assert!(current.is_changed());
    assert_eq!(
        band(&state, "Graffiti"),
        Band::Red,
        "a decision never changes a band"
    );
    let removed = state.reduce(Action::DecisionRemoved(1));
    assert!(!removed.current().expect("asb").is_changed());
    assert_eq!(removed.reduce(Action::DecisionRemoved(7)), removed);
}

#[test]
fn every_edit_is_undone_and_redone() {
    let start = asb();
    let rubbish = item(&start, "Rubbish");
    let concern = criterion(&start, "Public concern");
    let edited = concern_double(&start)
        .reduce(Action::ScoreEdited {
            item: rubbish,
            criterion: concern,
            score: Score::Known(1),
        })
        .reduce(Action::RescaleToggled(true));
    assert!(edited.can_undo());
    let one = edited.reduce(Action::Undone);
    assert!(!one.current().expect("asb").settings.rescale);
    let two = one.reduce(Action::Undone);
    assert_eq!(band(&two, "Rubbish"), Band::Red);
    let three = two.reduce(Action::Undone);
    assert_eq!(three.matrices, start.matrices, "back to the start");
    assert!(!three.can_undo());
    let again = three
        .reduce(Action::Redone)
        .reduce(Action::Redone)
        .reduce(Action::Redone);
    assert_eq!(again.matrices, edited.matrices);
    assert!(!again.can_redo());
    // A new edit after an undo drops what could be redone.
    let branched = one.reduce(Action::UnknownPolicyChanged(
        matrix_explorer::model::UnknownPolicy::WorstCase,
    ));
    assert!(!branched.can_redo());
}

#[test]
fn a_drag_is_one_step_and_the_history_is_bounded() {
    let start = asb();
    let concern = criterion(&start, "Public concern");
    let mut state = start.clone();
    for tenth in 11..=20 {
        state = state.reduce(Action::WeightChanged {
            criterion: concern,
            weight: Weight::new(f64::from(tenth) / 10.0).expect("valid"),
        });
    }
    assert_eq!(state.history.undo.len(), 1, "ten moves of one slider");
    assert_eq!(state.reduce(Action::Undone).matrices, start.matrices);

    let rubbish = item(&start, "Rubbish");
    for n in 0..(UNDO_LIMIT + 20) {
        state = state.reduce(Action::ScoreEdited {
            item: rubbish,
            criterion: concern,
            score: Score::Known(u8::try_from(n % 4).expect("small")),
        });
    }
    assert!(state.history.undo.len() <= UNDO_LIMIT);
    assert!(state.history.undo.len() >= UNDO_LIMIT - 1);
}

#[test]
fn gestures_that_change_nothing_leave_no_undo_step() {
    let state = asb();
    let same = state
        .reduce(Action::ScenarioSelected(3))
        .reduce(Action::ScenarioDeleted(0))
        .reduce(Action::CompareChosen(Compare::Scenario(5)))
        .reduce(Action::ScenarioSaved("   ".into()))
        .reduce(Action::Undone)
        .reduce(Action::Redone);
    assert_eq!(same, state);
}

#[test]
fn the_state_with_scenarios_and_history_round_trips_through_json() {
    let state = concern_double(&asb())
        .reduce(Action::ScenarioSaved("Concern x2".into()))
        .reduce(Action::ScoreEdited {
            item: 3,
            criterion: 1,
            score: Score::Unknown,
        })
        .reduce(Action::Undone);
    let json = serde_json::to_string(&state).expect("serialises");
    let back: AppState = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, state);
}
