//! Saved workspaces and share links: any state round-trips, earlier schema versions load,
//! and corrupt, truncated, foreign or future data is refused with a reason, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use matrix_explorer::data::{
    decode_link, decode_workspace, encode_link, encode_workspace, seed_matrices, LinkError, Loaded,
    WorkspaceError, APP_ID, MAX_LINK_CHARS, SCHEMA_VERSION,
};
use matrix_explorer::model::{BoardDecision, Score, UnknownPolicy, Weight};
use matrix_explorer::state::{Action, AppState, Compare};
use proptest::prelude::*;

fn seed_state() -> AppState {
    AppState::new(seed_matrices().expect("seed parses"))
}

/// A gesture drawn at random; indices may be out of range, as a stale event could be.
fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (0usize..2).prop_map(Action::MatrixSelected),
        (0usize..8, 0.0f64..=5.0).prop_map(|(criterion, w)| Action::WeightChanged {
            criterion,
            weight: Weight::clamped(w),
        }),
        any::<bool>().prop_map(Action::RescaleToggled),
        (0u8..20).prop_map(|t| Action::RedThresholdChanged(f64::from(t))),
        (0.0f64..20.0).prop_map(Action::AmberThresholdChanged),
        (0u8..3).prop_map(|p| Action::UnknownPolicyChanged(UnknownPolicy::ALL[usize::from(p)])),
        (0usize..40, 0usize..8, prop::option::of(0u8..=4)).prop_map(|(item, criterion, s)| {
            Action::ScoreEdited {
                item,
                criterion,
                score: s.map_or(Score::Unknown, Score::Known),
            }
        }),
        "[A-Za-z \"'\\\\é]{0,12}".prop_map(Action::ScenarioSaved),
        (0usize..4).prop_map(Action::ScenarioSelected),
        Just(Action::PublishedSelected),
        (0usize..4, "[a-z]{1,6}")
            .prop_map(|(scenario, name)| Action::ScenarioRenamed { scenario, name }),
        (0usize..4).prop_map(Action::ScenarioDuplicated),
        (0usize..4).prop_map(Action::ScenarioDeleted),
        (0usize..4).prop_map(|i| Action::CompareChosen(Compare::Scenario(i))),
        ("[a-z ]{1,10}", any::<bool>()).prop_map(|(reason, include)| Action::DecisionAdded(
            BoardDecision {
                subject: "Graffiti".into(),
                items: vec!["Graffiti".into()],
                include,
                reason,
                date: "2026-11-29".into(),
            }
        )),
        (0usize..6).prop_map(Action::DecisionRemoved),
        Just(Action::Undone),
        Just(Action::Redone),
        Just(Action::ResetToPublished),
    ]
}

fn state_after(actions: Vec<Action>) -> AppState {
    actions
        .into_iter()
        .fold(seed_state(), |state, action| state.reduce(action))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_state_survives_saving_and_loading(actions in prop::collection::vec(action(), 0..30)) {
        let state = state_after(actions);
        let text = encode_workspace(&state, "2026-11-29T10:00:00Z").expect("encodes");
        let loaded = decode_workspace(&text).expect("decodes");
        prop_assert_eq!(loaded.state, state);
        prop_assert_eq!(loaded.saved_at, "2026-11-29T10:00:00Z");
    }

    #[test]
    fn a_cut_or_changed_save_is_refused_not_a_panic(
        actions in prop::collection::vec(action(), 0..10), cut in any::<prop::sample::Index>(), byte in any::<u8>()
    ) {
        let text = encode_workspace(&state_after(actions), "t").expect("encodes");
        let at = cut.index(text.len());
        let truncated = text.get(..at).unwrap_or("");
        prop_assert!(decode_workspace(truncated).is_err());
        let mut bytes = text.into_bytes();
        bytes[at] = byte;
        if let Ok(changed) = String::from_utf8(bytes) {
            // Some single-byte changes still give a valid workspace; none may panic.
            let _ = decode_workspace(&changed);
        }
    }

    #[test]
    fn any_scenario_survives_its_link(actions in prop::collection::vec(action(), 0..20)) {
        let state = state_after(actions).reduce(Action::ScenarioSaved("Linked".into()));
        let current = state.current().expect("a matrix");
        let scenario = current.as_scenario("Linked".into());
        let fragment = encode_link(&current.published, &scenario);
        prop_assert!(fragment.len() < MAX_LINK_CHARS);
        prop_assert!(fragment.bytes().all(|b| b.is_ascii_alphanumeric() || b"=-_".contains(&b)));
        let published: Vec<_> = state.matrices.iter().map(|m| m.published.as_ref()).collect();
        let (index, back) = decode_link(&format!("#{fragment}"), published).expect("decodes");
        prop_assert_eq!(index, state.active);
        prop_assert_eq!(back, scenario);
    }

    #[test]
    fn garbage_links_are_refused(text in "(scenario=)?[A-Za-z0-9_=#%-]{0,200}") {
        let state = seed_state();
        let published: Vec<_> = state.matrices.iter().map(|m| m.published.as_ref()).collect();
        prop_assert!(decode_link(&text, published).is_err());
    }
}

#[test]
fn saved_data_of_schema_version_1_loads() {
    let text = include_str!("fixtures/workspace-v1.json");
    let loaded = decode_workspace(text).expect("a version 1 workspace");
    let state = loaded.state;
    assert_eq!(loaded.saved_at, "2026-11-29T18:40:00Z");
    assert_eq!(state.active, 1, "on the ASB tab");
    let asb = &state.matrices[1];
    assert_eq!(asb.scenarios.len(), 1);
    assert_eq!(asb.scenarios[0].name, "Public concern x2");
    assert_eq!(asb.scenario, Some(0));
    assert_eq!(asb.settings.weights[4], Weight::new(2.0).expect("valid"));
    assert_eq!(asb.edits.as_slice().len(), 1);
    let rubbish = asb.matrix.item_index("Rubbish").expect("item");
    assert_eq!(
        asb.matrix.items[rubbish].scores[4],
        Score::Known(3),
        "the edit is applied"
    );
    assert_eq!(state.history.undo.len(), 3, "weight, scenario saved, score");
}

fn refusal(text: &str) -> WorkspaceError {
    decode_workspace(text).expect_err("refused")
}

#[test]
fn corrupt_truncated_foreign_and_future_data_are_refused_with_a_reason() {
    let good = encode_workspace(&seed_state(), "t").expect("encodes");
    assert_eq!(refusal(""), WorkspaceError::Empty);
    assert!(matches!(
        refusal("{\"app\": "),
        WorkspaceError::NotJson {
            truncated: true,
            ..
        }
    ));
    let cut = &good[..good.len() / 2];
    assert!(matches!(
        refusal(cut),
        WorkspaceError::NotJson {
            truncated: true,
            ..
        }
    ));
    assert!(matches!(
        refusal("hello"),
        WorkspaceError::NotJson {
            truncated: false,
            line: 1,
            ..
        }
    ));
    assert_eq!(refusal("[1, 2]"), WorkspaceError::NotAWorkspace);
    assert_eq!(
        refusal(r#"{"app": "spreadsheet", "schemaVersion": 1, "data": {}}"#),
        WorkspaceError::NotAWorkspace
    );
    let future = good.replacen("\"schemaVersion\":1", "\"schemaVersion\":7", 1);
    assert_eq!(refusal(&future), WorkspaceError::FutureVersion(7));
    assert!(refusal(&future).to_string().contains("newer version"));
    let no_data = r#"{"app": "matrix-explorer", "schemaVersion": 1, "savedAt": "t"}"#;
    assert!(matches!(refusal(no_data), WorkspaceError::Damaged(_)));
    let off_screen = good.replacen("\"active\":0", "\"active\":9", 1);
    assert!(matches!(refusal(&off_screen), WorkspaceError::Damaged(_)));
    // An edit naming an item the matrix does not have.
    let state = seed_state().reduce(Action::ScoreEdited {
        item: 0,
        criterion: 0,
        score: Score::Known(4),
    });
    let edited = encode_workspace(&state, "t").expect("encodes");
    let beyond = edited.replacen("\"edits\":[{\"item\":0", "\"edits\":[{\"item\":900", 1);
    assert_ne!(beyond, edited, "the edit was found to change");
    assert!(
        refusal(&beyond).to_string().contains("do not fit"),
        "{}",
        refusal(&beyond)
    );
}

#[test]
fn links_made_elsewhere_or_cut_short_say_why() {
    let state = seed_state().reduce(Action::MatrixSelected(1));
    let current = state.current().expect("asb");
    let fragment = encode_link(&current.published, &current.as_scenario("S".into()));
    let published: Vec<_> = state
        .matrices
        .iter()
        .map(|m| m.published.as_ref())
        .collect();
    assert_eq!(
        decode_link("#", published.clone()),
        Err(LinkError::NotALink)
    );
    assert_eq!(
        decode_link(&fragment[..fragment.len() - 5], published.clone()),
        Err(LinkError::Damaged)
    );
    let long = format!("scenario={}", "A".repeat(MAX_LINK_CHARS));
    assert!(matches!(
        decode_link(&long, published.clone()),
        Err(LinkError::TooLong(_))
    ));
    // The same link on a matrix whose scores differ does not open.
    let mut other = (*current.published).clone();
    other.items[0].scores[0] = Score::Known(4);
    assert_eq!(
        decode_link(&fragment, [&other]),
        Err(LinkError::OtherMatrix(
            "Antisocial behaviour (ASB) matrix".into()
        ))
    );
    assert_eq!(decode_link(&fragment, published).map(|(i, _)| i), Ok(1));
}

/// The seed workspace as JSON, changed by `change`, then read back.
fn read_changed(change: impl FnOnce(&mut serde_json::Value)) -> Result<AppState, WorkspaceError> {
    let text = encode_workspace(&seed_state(), "t").expect("encodes");
    let mut value: serde_json::Value = serde_json::from_str(&text).expect("json");
    change(&mut value["data"]["matrices"][1]["published"]);
    decode_workspace(&value.to_string()).map(|loaded| loaded.state)
}

#[test]
fn a_workspace_matrix_must_pass_the_checks_a_csv_import_makes() {
    assert!(read_changed(|_| {}).is_ok(), "unchanged, it loads");
    let repeated = read_changed(|m| m["items"][1]["name"] = m["items"][0]["name"].clone());
    assert!(repeated
        .expect_err("refused")
        .to_string()
        .contains("repeated item name (\"Abandoned Vehicles\")"));
    let short = read_changed(|m| {
        m["items"][2]["scores"]
            .as_array_mut()
            .expect("scores")
            .pop();
    });
    assert!(short
        .expect_err("refused")
        .to_string()
        .contains("\"Street Drinking\" has 6 scores for 7 criteria"));
    let crossed = read_changed(|m| m["thresholds"]["amber"] = serde_json::json!(12.0));
    assert!(crossed
        .expect_err("refused")
        .to_string()
        .contains("thresholds out of order"));
    let bad_score = read_changed(|m| m["items"][0]["scores"][0] = serde_json::json!("5"));
    assert!(matches!(bad_score, Err(WorkspaceError::Damaged(_))));
    let blank = read_changed(|m| m["criteria"][0]["name"] = serde_json::json!("  "));
    assert!(blank
        .expect_err("refused")
        .to_string()
        .contains("blank or repeated criterion name"));
}

/// How a workspace was read before it was read straight into the types: all of it into a
/// `serde_json::Value`, then the state from that value. `Ok` is the state before the checks
/// that follow reading, and the saved time.
fn read_through_value(text: &str) -> Result<(AppState, String), WorkspaceError> {
    use serde_json::Value;
    if text.trim().is_empty() {
        return Err(WorkspaceError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| WorkspaceError::NotJson {
        line: e.line(),
        column: e.column(),
        truncated: e.is_eof(),
    })?;
    let Value::Object(mut envelope) = value else {
        return Err(WorkspaceError::NotAWorkspace);
    };
    if envelope.get("app").and_then(Value::as_str) != Some(APP_ID) {
        return Err(WorkspaceError::NotAWorkspace);
    }
    let version = envelope
        .get("schemaVersion")
        .and_then(Value::as_u64)
        .ok_or_else(|| WorkspaceError::Damaged("it has no schema version".to_owned()))?;
    if version > SCHEMA_VERSION {
        return Err(WorkspaceError::FutureVersion(version));
    }
    let saved_at = envelope
        .get("savedAt")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let data = envelope
        .remove("data")
        .ok_or_else(|| WorkspaceError::Damaged("it holds no data".to_owned()))?;
    if version != 1 {
        return Err(WorkspaceError::Damaged(format!(
            "schema version {version} is not one this app ever wrote"
        )));
    }
    let state: AppState =
        serde_json::from_value(data).map_err(|e| WorkspaceError::Damaged(e.to_string()))?;
    Ok((state, saved_at))
}

/// `decode_workspace` gives what reading through a `Value` gave: the same refusal with the
/// same reason, or the same state, which the checks after reading accept or refuse as they
/// do that state saved afresh.
fn reads_as_through_value(text: &str) {
    let now = decode_workspace(text);
    match read_through_value(text) {
        Err(before) => assert_eq!(now, Err(before), "{text:.300}"),
        Ok((state, saved_at)) => {
            let afresh = encode_workspace(&state, &saved_at).expect("encodes");
            let expected = decode_workspace(&afresh).map(|loaded| {
                assert_eq!(loaded.state, state, "{afresh:.300}");
                Loaded { state, saved_at }
            });
            let shown = format!("{now:?}");
            assert!(now == expected, "{text:.300}\nread as {shown:.300}");
        }
    }
}

#[test]
fn a_workspace_reads_as_it_did_through_a_json_value() {
    let good = encode_workspace(&seed_state(), "t").expect("encodes");
    let data = good
        .split_once("\"data\":")
        .and_then(|(_, data)| data.strip_suffix('}'))
        .expect("a data field");
    assert!(decode_workspace(&format!(
        "{{\"app\":\"{APP_ID}\",\"schemaVersion\":1,\"data\":{data}}}"
    ))
    .is_ok());
    let envelope = |fields: &str| format!("{{{fields}}}");
    let ours = r#""app":"matrix-explorer","schemaVersion":1"#;
    let texts = [
        String::new(),
        " \n\t".into(),
        "null".into(),
        "5".into(),
        "\"matrix-explorer\"".into(),
        "[1, 2]".into(),
        "[1, 2".into(),
        "{\"app\": ".into(),
        "{} x".into(),
        "{}".into(),
        "[\"\\ud800\"]".into(),
        "{\"\\ud800\": 1}".into(),
        "{\"a\": \"\\ud800\"}".into(),
        "{\"a\": 1e400}".into(),
        "{\"a\": \"tab\there\"}".into(),
        "{\"a\": [1,]}".into(),
        format!("{}1{}", "[".repeat(200), "]".repeat(200)),
        envelope(r#""app":5,"schemaVersion":1,"data":{}"#),
        envelope(r#""app":"matrix-explorer","app":"other","schemaVersion":1,"data":{}"#),
        envelope(&format!(r#""app":"other","{}","data":{data}"#, &ours[1..])),
        envelope(r#""app":"matrix-explorer","data":{}"#),
        envelope(r#""app":"matrix-explorer","schemaVersion":1.0,"data":{}"#),
        envelope(r#""app":"matrix-explorer","schemaVersion":-1,"data":{}"#),
        envelope(r#""app":"matrix-explorer","schemaVersion":"1","data":{}"#),
        envelope(r#""app":"matrix-explorer","schemaVersion":18446744073709551616,"data":{}"#),
        envelope(r#""app":"matrix-explorer","schemaVersion":0,"data":{}"#),
        envelope(r#""app":"matrix-explorer","schemaVersion":2,"data":{}"#),
        envelope(r#""app":"matrix-explorer","schemaVersion":1,"schemaVersion":9,"data":{}"#),
        envelope(ours),
        envelope(&format!("{ours},\"data\":null")),
        envelope(&format!("{ours},\"data\":[]")),
        envelope(&format!("{ours},\"data\":\"x\"")),
        envelope(&format!("{ours},\"data\":{{}}")),
        envelope(&format!(
            "{ours},\"data\":{{\"matrices\":[],\"active\":-1}}"
        )),
        envelope(&format!("{ours},\"data\":{{\"matrices\":5,\"active\":0}}")),
        envelope(&format!(
            "{ours},\"data\":{{\"matrices\":[],\"active\":0.5}}"
        )),
        envelope(&format!("{ours},\"savedAt\":5,\"data\":{data}")),
        envelope(&format!("{ours},\"savedAt\":\"a\\u00e9\",\"data\":{data}")),
        envelope(&format!("{ours},\"data\":5,\"data\":{data}")),
        envelope(&format!("{ours},\"data\":{data},\"data\":5")),
        envelope(&format!("\"data\":{data},\"extra\":[{{}}],{ours}")),
        good.replacen("\"active\":0", "\"active\":9", 1),
        good.replacen("\"active\":0", "\"active\":\"0\"", 1),
        good.replacen("\"matrices\":[", "\"matrices\":[5,", 1),
        good.replacen(":\"2\"", ":\"7\"", 1),
        good.clone(),
    ];
    for text in &texts {
        reads_as_through_value(text);
    }
}

/// `action()` with weights and thresholds in quarters: a `Value` reads a decimal such as
/// 0.9748966014323707 one unit in the last place off (`serde_json` without `float_roundtrip`),
/// and the state does not (see `awkward_numbers_are_read_exactly`).
fn action_in_quarters() -> impl Strategy<Value = Action> {
    let quarter = |value: f64| (value * 4.0).round() / 4.0;
    action().prop_map(move |action| match action {
        Action::WeightChanged { criterion, weight } => Action::WeightChanged {
            criterion,
            weight: Weight::clamped(quarter(weight.get())),
        },
        Action::AmberThresholdChanged(value) => Action::AmberThresholdChanged(quarter(value)),
        other => other,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_cut_or_changed_save_reads_as_it_did_through_a_json_value(
        actions in prop::collection::vec(action_in_quarters(), 0..10),
        cut in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let text = encode_workspace(&state_after(actions), "t").expect("encodes");
        let at = cut.index(text.len());
        reads_as_through_value(text.get(..at).unwrap_or(""));
        let mut bytes = text.into_bytes();
        bytes[at] = byte;
        if let Ok(changed) = String::from_utf8(bytes) {
            reads_as_through_value(&changed);
        }
    }
}

#[test]
fn awkward_numbers_are_read_exactly() {
    // Each of these reads one unit in the last place off with serde_json's own decimal reading.
    let weight = 0.974_896_601_432_370_7;
    let amber = 6.000_000_000_000_001;
    let state = seed_state()
        .reduce(Action::WeightChanged {
            criterion: 1,
            weight: Weight::new(weight).expect("valid"),
        })
        .reduce(Action::AmberThresholdChanged(amber));
    let text = encode_workspace(&state, "t").expect("encodes");
    assert!(text.contains("0.9748966014323707") && text.contains("6.000000000000001"));
    let loaded = decode_workspace(&text).expect("decodes");
    assert_eq!(loaded.state, state);
    let settings = &loaded.state.matrices[0].settings;
    assert_eq!(settings.weights[1].get().to_bits(), weight.to_bits());
    assert_eq!(settings.thresholds.amber.to_bits(), amber.to_bits());

    let current = state.current().expect("a matrix");
    let scenario = current.as_scenario("Awkward".into());
    let published: Vec<_> = state
        .matrices
        .iter()
        .map(|m| m.published.as_ref())
        .collect();
    let fragment = encode_link(&current.published, &scenario);
    let (_, back) = decode_link(&fragment, published).expect("decodes");
    assert_eq!(back, scenario);
}

#[test]
fn a_weight_or_threshold_that_is_not_a_number_is_refused_as_before() {
    let good = encode_workspace(&seed_state(), "t").expect("encodes");
    let reason = |text: &str| match decode_workspace(text) {
        Err(WorkspaceError::Damaged(reason)) => reason,
        other => panic!("{other:?}"),
    };
    for (value, unexpected) in [
        ("\"6\"", "string \"6\""),
        ("true", "boolean `true`"),
        ("null", "null"),
        ("[6]", "sequence"),
        ("{}", "map"),
    ] {
        let amber = good.replacen("\"amber\":6.0", &format!("\"amber\":{value}"), 1);
        assert_ne!(amber, good);
        assert_eq!(
            reason(&amber),
            format!("invalid type: {unexpected}, expected f64")
        );
        let weight = good.replacen("\"weights\":[1.0", &format!("\"weights\":[{value}"), 1);
        assert_ne!(weight, good);
        assert_eq!(
            reason(&weight),
            format!("invalid type: {unexpected}, expected f64")
        );
    }
    let big = good.replacen("\"weights\":[1.0", "\"weights\":[7", 1);
    assert_eq!(reason(&big), "weight must be between 0 and 5");
}

#[test]
fn a_workspace_with_50000_items_is_kept_packed_small_enough_for_it_and_its_backup() {
    use matrix_explorer::data::stored::{pack, unpack, MAX_KEPT_CHARS, PACKED_MARKER, PLAIN_UP_TO};
    let mut state = seed_state();
    state = state.reduce(Action::MatrixImported(
        matrix_explorer::data::synthetic_matrix(50_000, 700, 70, 7),
    ));
    state = state.reduce(Action::WeightChanged {
        criterion: 1,
        weight: Weight::clamped(2.0),
    });
    let json = encode_workspace(&state, "2026-11-30T03:00:00Z").expect("encodes");
    assert!(
        json.len() > MAX_KEPT_CHARS,
        "as JSON it would not fit: {}",
        json.len()
    );
    let kept = pack(json.clone());
    assert!(kept.starts_with(PACKED_MARKER));
    // The new copy and the one before it, kept as a backup, fit together.
    assert!(
        kept.len() * 2 < MAX_KEPT_CHARS,
        "{} characters packed",
        kept.len()
    );
    let back = decode_workspace(&unpack(&kept).expect("unpacks")).expect("reads");
    assert_eq!(back.state, state);
    // The seed's own workspace stays plain JSON, readable as it always was.
    let small = encode_workspace(&seed_state(), "2026-11-30T03:00:00Z").expect("encodes");
    assert!(small.len() <= PLAIN_UP_TO);
    assert_eq!(pack(small.clone()), small);
}
