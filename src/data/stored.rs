//! The browser's copy of a workspace as kept: its JSON as it is, or, past a million
//! characters, deflated and in base64 behind a marker, so that a workspace holding a large
//! imported matrix fits the 5 million characters a browser keeps for local files.

use super::workspace::WorkspaceError;
use base64::engine::general_purpose::STANDARD_NO_PAD;
use base64::Engine;
use std::borrow::Cow;

/// The start of a packed copy. JSON never starts so: a copy without it is the JSON itself.
pub const PACKED_MARKER: &str = "matrix-explorer-deflated:";

/// The most characters one kept copy may have: browsers keep about 5,242,880 for all local
/// files.
pub const MAX_KEPT_CHARS: usize = 5_000_000;

/// Workspaces up to this many characters are kept as plain JSON.
pub const PLAIN_UP_TO: usize = 1_000_000;

/// The largest JSON a packed copy may inflate to (a damaged copy must not fill the memory):
/// far more than the largest import (5 MB of CSV) makes.
const MAX_JSON_BYTES: usize = 256 * 1024 * 1024;

/// The copy to keep for `json`: the JSON itself up to `PLAIN_UP_TO` characters, else packed.
/// Deflate's fastest level: a 50,000-item workspace (about 11 million characters) packs to
/// about 1.8 million, in about 30 ms natively.
pub fn pack(json: String) -> String {
    if json.len() <= PLAIN_UP_TO {
        return json;
    }
    let deflated = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 1);
    let mut packed = String::with_capacity(PACKED_MARKER.len() + deflated.len() / 3 * 4 + 4);
    packed.push_str(PACKED_MARKER);
    STANDARD_NO_PAD.encode_string(deflated, &mut packed);
    packed
}

/// The JSON of a kept copy, whether packed or not.
///
/// # Errors
/// `WorkspaceError::Damaged` when a packed copy does not decode, inflate or read as text.
pub fn unpack(kept: &str) -> Result<Cow<'_, str>, WorkspaceError> {
    let Some(encoded) = kept.strip_prefix(PACKED_MARKER) else {
        return Ok(Cow::Borrowed(kept));
    };
    let damaged = |what: &str| WorkspaceError::Damaged(format!("the saved copy {what}"));
    let deflated = STANDARD_NO_PAD
        .decode(encoded)
        .map_err(|_| damaged("is not base64"))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_JSON_BYTES)
        .map_err(|_| damaged("does not inflate: it may have been cut short"))?;
    String::from_utf8(json)
        .map(Cow::Owned)
        .map_err(|_| damaged("is not text"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn large_json() -> String {
        let items: Vec<String> = (0..40_000)
            .map(|i| {
                format!(
                    r#"{{"name":"Item {i}","scores":[{},{},{}]}}"#,
                    i % 5,
                    (i + 1) % 5,
                    (i + 2) % 5
                )
            })
            .collect();
        format!(r#"{{"items":[{}]}}"#, items.join(","))
    }

    #[test]
    fn a_small_workspace_is_kept_as_its_json() {
        let json = r#"{"app":"matrix-explorer"}"#.to_owned();
        assert_eq!(pack(json.clone()), json);
        assert_eq!(unpack(&json).unwrap(), json.as_str());
    }

    #[test]
    fn a_large_workspace_is_packed_smaller_and_unpacks_to_the_same_json() {
        let json = large_json();
        assert!(json.len() > PLAIN_UP_TO, "{}", json.len());
        let packed = pack(json.clone());
        assert!(packed.starts_with(PACKED_MARKER));
        assert!(
            packed.len() * 5 < json.len(),
            "{} of {}",
            packed.len(),
            json.len()
        );
        assert_eq!(unpack(&packed).unwrap(), json.as_str());
    }

    #[test]
    fn a_damaged_packed_copy_is_refused_with_a_reason() {
        let packed = pack(large_json());
        // Cut at a whole number of base64 quads, so it still decodes.
        let cut = &packed[..PACKED_MARKER.len() + (packed.len() - PACKED_MARKER.len()) / 8 * 4];
        assert_eq!(
            unpack(cut).unwrap_err().to_string(),
            "The workspace is damaged: the saved copy does not inflate: it may have been cut short."
        );
        let not_base64 = format!("{PACKED_MARKER}not base64!");
        assert_eq!(
            unpack(&not_base64),
            Err(WorkspaceError::Damaged(
                "the saved copy is not base64".to_owned()
            ))
        );
        let not_text = format!(
            "{PACKED_MARKER}{}",
            STANDARD_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe], 1))
        );
        assert_eq!(
            unpack(&not_text),
            Err(WorkspaceError::Damaged(
                "the saved copy is not text".to_owned()
            ))
        );
    }
}
