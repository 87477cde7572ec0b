//! The browser's saved copy of the workspace: the only user of localStorage. One namespaced,
//! versioned key, the previous save kept as a backup, every write read back, a large
//! workspace packed (`data::stored`). Loading never panics: unreadable data is set aside
//! under its own key and reported.
//!
//! `web_sys::Storage` is used directly rather than through gloo's `LocalStorage`, whose
//! `raw()` throws when the browser has storage switched off: that would stop the app.

use crate::data::stored::{pack, unpack, MAX_KEPT_CHARS};
use crate::data::{decode_workspace, encode_workspace, Loaded};
use crate::engine::tenths;
use crate::state::AppState;
use web_sys::Storage;

/// The saved workspace.
pub const KEY: &str = "matrix-explorer/v1/workspace";
/// The save before it.
pub const BACKUP_KEY: &str = "matrix-explorer/v1/workspace-previous";
/// Saved text that could not be read, kept as it was.
pub const UNREADABLE_KEY: &str = "matrix-explorer/v1/workspace-unreadable";

/// What was found in the browser at start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum Boot {
    /// Nothing saved: start on the published matrices.
    Fresh,
    /// A saved workspace, restored.
    Restored(Box<Loaded>),
    /// Saved data that could not be read: why, and whether its raw text was kept.
    Unreadable { reason: String, kept: bool },
    /// The browser does not allow storage here.
    Unavailable(String),
}

/// The page's localStorage, or why there is none.
fn storage() -> Result<Storage, String> {
    let window = web_sys::window().ok_or("there is no browser window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("this browser offers no storage here".to_owned()),
        Err(error) => Err(describe(&error)),
    }
}

/// Reads the saved workspace, if any.
pub fn load() -> Boot {
    let storage = match storage() {
        Ok(storage) => storage,
        Err(reason) => return Boot::Unavailable(reason),
    };
    let text = match storage.get_item(KEY) {
        Ok(Some(text)) => text,
        Ok(None) => return Boot::Fresh,
        Err(error) => return Boot::Unavailable(describe(&error)),
    };
    match unpack(&text).and_then(|json| decode_workspace(&json)) {
        Ok(loaded) => Boot::Restored(Box::new(loaded)),
        Err(reason) => {
            let kept = storage.set_item(UNREADABLE_KEY, &text).is_ok();
            if kept {
                let _ = storage.remove_item(KEY);
            }
            Boot::Unreadable {
                reason: reason.to_string(),
                kept,
            }
        }
    }
}

/// Saves `state` (packed when large, see `data::stored`): the save in place becomes the
/// backup, the new one is written and read back.
///
/// # Errors
/// Why it was not saved, in plain words (too large, storage full or switched off, or the
/// copy read back differs); the save before it is then still in place.
pub fn save(state: &AppState, saved_at: &str) -> Result<(), SaveFailure> {
    let text =
        pack(encode_workspace(state, saved_at).map_err(|e| SaveFailure::other(e.to_string()))?);
    if text.len() > MAX_KEPT_CHARS {
        return Err(SaveFailure {
            reason: format!(
                "the workspace is too large to keep in this browser ({} million characters compressed; about 5 million fit)",
                tenths(text.len() as f64 / 1e6)
            ),
            too_large: true,
        });
    }
    let storage = storage().map_err(SaveFailure::other)?;
    if let Ok(Some(previous)) = storage.get_item(KEY) {
        if previous == text {
            return Ok(());
        }
        // Without room for the backup the new save is still worth trying: the old one
        // stays in place if it fails too.
        let _ = storage.set_item(BACKUP_KEY, &previous);
    }
    storage
        .set_item(KEY, &text)
        .map_err(|error| SaveFailure::other(describe(&error)))?;
    match storage.get_item(KEY) {
        Ok(Some(back)) if back == text => Ok(()),
        _ => Err(SaveFailure::other(
            "the browser did not keep the save (the copy read back differs)".to_owned(),
        )),
    }
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveFailure {
    /// In plain words.
    pub reason: String,
    /// True when the workspace itself is too large, whatever the browser has free.
    pub too_large: bool,
}

impl SaveFailure {
    fn other(reason: String) -> Self {
        Self {
            reason,
            too_large: false,
        }
    }
}

/// The text of unreadable saved data set aside at start-up, if any: its JSON, if it was
/// packed and still unpacks (so the download is the JSON a later version may read).
pub fn unreadable() -> Option<String> {
    let text = storage().ok()?.get_item(UNREADABLE_KEY).ok().flatten()?;
    Some(match unpack(&text) {
        Ok(json) => json.into_owned(),
        Err(_) => text,
    })
}

/// Removes every saved copy.
pub fn clear() {
    let Ok(storage) = storage() else {
        return;
    };
    for key in [KEY, BACKUP_KEY, UNREADABLE_KEY] {
        let _ = storage.remove_item(key);
    }
}

/// A storage exception in plain words.
fn describe(error: &wasm_bindgen::JsValue) -> String {
    let name = js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" => {
            "this browser's storage for local files is full (it holds about 5 million characters)"
                .to_owned()
        }
        "SecurityError" => "this browser does not allow saving for local files".to_owned(),
        _ => format!("the browser refused to save ({name})"),
    }
}
