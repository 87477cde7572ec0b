//! The workspace as JSON: the envelope `{app, schemaVersion, savedAt, data}` used both for the
//! browser's saved copy and for the workspace file, read all or nothing with a reason.

use super::csv::MAX_CRITERIA;
use crate::model::Matrix;
use crate::state::AppState;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Serialize;
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

/// The first reading of the text: any JSON value, read and checked the way a
/// `serde_json::Value` is read (every string's escapes included), keeping only what this
/// says of it. As a `DeserializeSeed`, it reads one value.
#[derive(Clone, Copy)]
enum Keep {
    /// Nothing: the value is only checked.
    Nothing,
    /// A string's text or a whole number that fits `u64`, as `Value::as_str` and
    /// `Value::as_u64` would give them: an envelope field.
    Field,
    /// An object's envelope fields: the whole text.
    Envelope,
}

/// What `Keep` kept.
enum Kept {
    Str(String),
    U64(u64),
    Envelope(Box<Envelope>),
    Other,
}

/// The envelope's fields. A field given twice counts by its last value, as in a
/// `serde_json::Value` map.
#[derive(Default)]
struct Envelope {
    app: Option<Kept>,
    schema_version: Option<Kept>,
    saved_at: Option<Kept>,
    /// How many `data` fields there are.
    data: usize,
}

impl<'de> DeserializeSeed<'de> for Keep {
    type Value = Kept;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Kept, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Keep {
    type Value = Kept;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Kept, E> {
        Ok(Kept::Other)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Kept, E> {
        Ok(Kept::Other)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Kept, E> {
        Ok(match self {
            Keep::Field => Kept::U64(value),
            _ => Kept::Other,
        })
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Kept, E> {
        Ok(Kept::Other)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Kept, E> {
        Ok(match self {
            Keep::Field => Kept::Str(value.to_owned()),
            _ => Kept::Other,
        })
    }

    fn visit_unit<E: de::Error>(self) -> Result<Kept, E> {
        Ok(Kept::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Kept, A::Error> {
        while seq.next_element_seed(Keep::Nothing)?.is_some() {}
        Ok(Kept::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Kept, A::Error> {
        if !matches!(self, Keep::Envelope) {
            while map.next_key_seed(Keep::Nothing)?.is_some() {
                map.next_value_seed(Keep::Nothing)?;
            }
            return Ok(Kept::Other);
        }
        let mut envelope = Envelope::default();
        while let Some(key) = map.next_key::<String>()? {
            let field = match key.as_str() {
                "app" => &mut envelope.app,
                "schemaVersion" => &mut envelope.schema_version,
                "savedAt" => &mut envelope.saved_at,
                other => {
                    map.next_value_seed(Keep::Nothing)?;
                    envelope.data += usize::from(other == "data");
                    continue;
                }
            };
            *field = Some(map.next_value_seed(Keep::Field)?);
        }
        Ok(Kept::Envelope(Box::new(envelope)))
    }
}

/// The second reading, once the text is known to be a workspace: the state in its last
/// `data` field (the one a `serde_json::Value` map keeps when a field is given twice), of
/// `count`.
struct LastData {
    count: usize,
}

impl<'de> DeserializeSeed<'de> for LastData {
    type Value = Option<AppState>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for LastData {
    type Value = Option<AppState>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a workspace")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut seen = 0;
        let mut state = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == "data" {
                seen += 1;
                if seen == self.count {
                    state = Some(map.next_value()?);
                    continue;
                }
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(state)
    }
}

/// The state in `text`, a workspace with `count` `data` fields; the reason alone when it
/// does not read, as for a value already read (where in the file is of no use to its reader).
fn read_state(text: &str, count: usize) -> Result<AppState, WorkspaceError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let state = LastData { count }
        .deserialize(&mut deserializer)
        .and_then(|state| deserializer.end().map(|()| state))
        .map_err(|e| {
            let message = e.to_string();
            let at = format!(" at line {} column {}", e.line(), e.column());
            WorkspaceError::Damaged(message.strip_suffix(&at).unwrap_or(&message).to_owned())
        })?;
    state.ok_or_else(|| WorkspaceError::Damaged("it holds no data".to_owned()))
}

/// Reads a workspace written by `encode_workspace` of this or an earlier schema version.
///
/// The text is read twice, straight into the types (no `serde_json::Value` tree in between):
/// first as any JSON, for the envelope and to refuse text that is not JSON, then the state.
///
/// # Errors
/// A `WorkspaceError` saying why, when the text is empty, not JSON, cut short, not a
/// workspace, from a newer version, or a workspace whose contents do not hold together.
pub fn decode_workspace(text: &str) -> Result<Loaded, WorkspaceError> {
    if text.trim().is_empty() {
        return Err(WorkspaceError::Empty);
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let outline = Keep::Envelope
        .deserialize(&mut deserializer)
        .and_then(|outline| deserializer.end().map(|()| outline))
        .map_err(|e| WorkspaceError::NotJson {
            line: e.line(),
            column: e.column(),
            truncated: e.is_eof(),
        })?;
    let Kept::Envelope(envelope) = outline else {
        return Err(WorkspaceError::NotAWorkspace);
    };
    if !matches!(&envelope.app, Some(Kept::Str(app)) if app == APP_ID) {
        return Err(WorkspaceError::NotAWorkspace);
    }
    let Some(Kept::U64(version)) = envelope.schema_version else {
        return Err(WorkspaceError::Damaged(
            "it has no schema version".to_owned(),
        ));
    };
    if version > SCHEMA_VERSION {
        return Err(WorkspaceError::FutureVersion(version));
    }
    let saved_at = match envelope.saved_at {
        Some(Kept::Str(saved_at)) => saved_at,
        _ => String::new(),
    };
    if envelope.data == 0 {
        return Err(WorkspaceError::Damaged("it holds no data".to_owned()));
    }
    migrate(version)?;
    let state = read_state(text, envelope.data)?;
    check(&state)?;
    Ok(Loaded { state, saved_at })
}

/// Checks that `version` is one the current schema can be read from. Version 1 is current;
/// a later version adds one step here that reads the older schema's own types and converts
/// them, with a fixture of the version before it in tests/.
fn migrate(version: u64) -> Result<(), WorkspaceError> {
    match version {
        1 => Ok(()),
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
