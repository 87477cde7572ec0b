//! The workspace as JSON: the envelope `{app, schemaVersion, savedAt, data}` used both for the
//! browser's saved copy and for the workspace file, read all or nothing with a reason.

use super::csv::MAX_CRITERIA;
use crate::model::Matrix;
use crate::state::AppState;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashSet;
use std::fmt;

/// The `app` field of every saved workspace.
pub const APP_ID: &str = "matrix-explorer";

/// The schema version written now.
pub const SCHEMA_VERSION: u64 = 1;

/// Why saved text could not be read back as a workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkspaceError {
    /// The text is empty.
    Empty,
    /// The text is not JSON (or is cut short); `line` and `column` count from 1.
    NotJson {
        /// Line of the first problem.
        line: usize,
        /// Column of the first problem.
        column: usize,
        /// True when the text ends before the JSON does.
        truncated: bool,
    },
    /// JSON, but not a Matrix Explorer workspace.
    NotAWorkspace,
    /// Written by a newer version of the app.
    FutureVersion(u64),
    /// A workspace whose contents do not hold together.
    Damaged(String),
}

impl fmt::Display for WorkspaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("The file is empty."),
            Self::NotJson {
                line,
                column,
                truncated: true,
            } => write!(
                f,
                "The file is cut short (it ends at line {line}, column {column}): it may not have been saved or copied completely."
            ),
            Self::NotJson { line, column, .. } => write!(
                f,
                "The file is not a workspace file: it is not valid JSON (line {line}, column {column})."
            ),
            Self::NotAWorkspace => f.write_str(
                "The file is JSON but not a Matrix Explorer workspace (it has no \"app\": \"matrix-explorer\").",
            ),
            Self::FutureVersion(version) => write!(
                f,
                "The workspace was saved by a newer version of Matrix Explorer (schema {version}; this one reads up to {SCHEMA_VERSION}). Open it with that version."
            ),
            Self::Damaged(reason) => write!(f, "The workspace is damaged: {reason}."),
        }
    }
}

impl std::error::Error for WorkspaceError {}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EnvelopeOut<'a> {
    app: &'a str,
    schema_version: u64,
    saved_at: &'a str,
    data: &'a AppState,
}

/// `state` in its envelope, stamped `saved_at` (an ISO date and time from the caller).
///
/// # Errors
/// Only if serialisation fails, which a well-formed state never does.
pub fn encode_workspace(state: &AppState, saved_at: &str) -> Result<String, WorkspaceError> {
    serde_json::to_string(&EnvelopeOut {
        app: APP_ID,
        schema_version: SCHEMA_VERSION,
        saved_at,
        data: state,
    })
    .map_err(|e| WorkspaceError::Damaged(e.to_string()))
}

/// A workspace read from its envelope, with when it was saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The state.
    pub state: AppState,
    /// The envelope's `savedAt`.
    pub saved_at: String,
}

/// Reads a workspace written by `encode_workspace` of this or an earlier schema version.
///
/// # Errors
/// A `WorkspaceError` saying why, when the text is empty, not JSON, cut short, not a
/// workspace, from a newer version, or a workspace whose contents do not hold together.
pub fn decode_workspace(text: &str) -> Result<Loaded, WorkspaceError> {
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
    let data = migrate(version, data)?;
    let state: AppState =
        serde_json::from_value(data).map_err(|e| WorkspaceError::Damaged(e.to_string()))?;
    check(&state)?;
    Ok(Loaded { state, saved_at })
}

/// Brings `data` of schema `version` up to the current schema. Version 1 is current; each
/// later version adds one step here, with a fixture of the version before it in tests/.
fn migrate(version: u64, data: Value) -> Result<Value, WorkspaceError> {
    match version {
        1 => Ok(data),
        other => Err(WorkspaceError::Damaged(format!(
            "schema version {other} is not one this app ever wrote"
        ))),
    }
}

/// The checks a CSV import makes of a matrix, for a matrix read from a workspace: named,
/// unique items, one to `MAX_CRITERIA` uniquely named criteria, a score for each, and
/// thresholds in order.
fn check_matrix(matrix: &Matrix) -> Result<(), String> {
    let title = &matrix.title;
    let count = matrix.criteria.len();
    if count == 0 || count > MAX_CRITERIA {
        return Err(format!(
            "\"{title}\" has {count} criteria (1 to {MAX_CRITERIA} are allowed)"
        ));
    }
    let mut names = HashSet::new();
    for criterion in &matrix.criteria {
        let key = criterion.name.trim().to_lowercase();
        if key.is_empty() || !names.insert(key) {
            return Err(format!(
                "\"{title}\" has a blank or repeated criterion name (\"{}\")",
                criterion.name
            ));
        }
    }
    if matrix.items.is_empty() {
        return Err(format!("\"{title}\" has no items"));
    }
    let mut items = HashSet::new();
    for item in &matrix.items {
        if item.name.trim().is_empty() || !items.insert(item.name.as_str()) {
            return Err(format!(
                "\"{title}\" has a blank or repeated item name (\"{}\")",
                item.name
            ));
        }
        if item.scores.len() != count {
            return Err(format!(
                "in \"{title}\", \"{}\" has {} scores for {count} criteria",
                item.name,
                item.scores.len()
            ));
        }
    }
    let t = matrix.thresholds;
    if !(t.amber.is_finite() && t.red.is_finite() && t.amber >= 0.0 && t.amber <= t.red) {
        return Err(format!("\"{title}\" has thresholds out of order"));
    }
    Ok(())
}

/// What serde cannot check: the matrices themselves, and references between parts of the
/// state.
fn check(state: &AppState) -> Result<(), WorkspaceError> {
    if state.matrices.is_empty() {
        return Err(WorkspaceError::Damaged("it holds no matrix".to_owned()));
    }
    for matrix in &state.matrices {
        check_matrix(&matrix.published).map_err(WorkspaceError::Damaged)?;
        let t = matrix.settings.thresholds;
        if !(t.amber.is_finite() && t.red.is_finite() && t.amber >= 0.0 && t.amber <= t.red) {
            return Err(WorkspaceError::Damaged(
                "its thresholds are out of order".to_owned(),
            ));
        }
    }
    if state.active >= state.matrices.len() {
        return Err(WorkspaceError::Damaged(
            "the matrix on screen is not one of its matrices".to_owned(),
        ));
    }
    let steps = state.history.undo.iter().chain(&state.history.redo);
    for step in steps {
        let fits = state.matrices.get(step.matrix).is_some_and(|m| {
            step.snapshot.edits.fit(&m.published)
                && step.snapshot.settings.weights.len() == m.published.criteria.len()
        });
        if !fits {
            return Err(WorkspaceError::Damaged(
                "its undo history does not fit its matrices".to_owned(),
            ));
        }
    }
    Ok(())
}
