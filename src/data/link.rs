//! "Copy link to this scenario": a scenario in the URL fragment (after `#`, which browsers
//! never send anywhere), as deflated JSON in base64url, tied to the matrix it was made on.

use crate::model::{Matrix, Scenario};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The fragment's prefix: `#scenario=...`.
pub const PREFIX: &str = "scenario=";

/// The longest fragment read; anything longer is refused before it is decoded.
pub const MAX_LINK_CHARS: usize = 32 * 1024;

/// The largest inflated payload accepted (a guard against a small link that inflates hugely).
const MAX_PAYLOAD_BYTES: usize = 1024 * 1024;

/// Why a link could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// The fragment is not a scenario link.
    NotALink,
    /// Longer than `MAX_LINK_CHARS`.
    TooLong(usize),
    /// Cut short or changed on the way (it does not decode).
    Damaged,
    /// Made on a matrix that is not open here.
    OtherMatrix(String),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotALink => f.write_str("The address does not hold a scenario link."),
            Self::TooLong(n) => write!(
                f,
                "The scenario link is too long to be one ({n} characters; at most {MAX_LINK_CHARS})."
            ),
            Self::Damaged => f.write_str(
                "The scenario link is damaged or incomplete: copy the whole link and try again.",
            ),
            Self::OtherMatrix(title) => write!(
                f,
                "The scenario link was made on \"{title}\", which is not open here (or has different items or scores)."
            ),
        }
    }
}

impl std::error::Error for LinkError {}

#[derive(Serialize, Deserialize)]
struct Payload {
    /// The matrix's title, for messages.
    matrix: String,
    /// The matrix's fingerprint.
    fingerprint: String,
    scenario: Scenario,
}

/// A short fingerprint of a published matrix: its title, criteria, items and scores
/// (FNV-1a, 64 bits), so a link opens only on the matrix it was made on.
pub fn fingerprint(matrix: &Matrix) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |text: &str| {
        for byte in text.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(&matrix.title);
    for criterion in &matrix.criteria {
        feed(&criterion.name);
    }
    for item in &matrix.items {
        feed(&item.name);
        for score in &item.scores {
            feed(&score.to_string());
        }
    }
    format!("{hash:016x}")
}

/// The fragment (without `#`) for `scenario` made on `published`.
pub fn encode_link(published: &Matrix, scenario: &Scenario) -> String {
    let payload = Payload {
        matrix: published.title.clone(),
        fingerprint: fingerprint(published),
        scenario: scenario.clone(),
    };
    let json = serde_json::to_vec(&payload).unwrap_or_default();
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(deflated))
}

/// The scenario in `fragment` (with or without the leading `#`) and the index of the matrix
/// among `published` it was made on.
///
/// # Errors
/// A `LinkError` when the fragment is not a scenario link, is too long, does not decode, or
/// was made on a matrix that is not among `published`.
pub fn decode_link<'m>(
    fragment: &str,
    published: impl IntoIterator<Item = &'m Matrix>,
) -> Result<(usize, Scenario), LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong(fragment.len()));
    }
    let encoded = fragment.strip_prefix(PREFIX).ok_or(LinkError::NotALink)?;
    let deflated = URL_SAFE_NO_PAD
        .decode(encoded.trim())
        .map_err(|_| LinkError::Damaged)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_PAYLOAD_BYTES)
        .map_err(|_| LinkError::Damaged)?;
    // As text, like every other JSON the app reads (one JSON reader in the wasm, not two).
    let json = std::str::from_utf8(&json).map_err(|_| LinkError::Damaged)?;
    let payload: Payload = serde_json::from_str(json).map_err(|_| LinkError::Damaged)?;
    let (index, matrix) = published
        .into_iter()
        .enumerate()
        .find(|(_, m)| fingerprint(m) == payload.fingerprint)
        .ok_or_else(|| LinkError::OtherMatrix(payload.matrix.clone()))?;
    let scenario = payload.scenario;
    if !scenario.edits.fit(matrix) || scenario.settings.weights.len() != matrix.criteria.len() {
        return Err(LinkError::Damaged);
    }
    Ok((index, scenario))
}
