//! Numbers read from JSON exactly: the shortest text that `serde_json` writes for an `f64` reads
//! back as the same `f64`.
//!
//! `serde_json`'s own reading of a decimal can be one unit in the last place off unless its
//! `float_roundtrip` feature is on, and that feature brings its own big-number arithmetic
//! into the wasm. The numbers that must round-trip are few (weights and thresholds), so they
//! take their text from `serde_json` and parse it with the standard library, which is exact.

use serde::de::{Error, Unexpected};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

/// An `f64` read exactly from a JSON number. Anything else is refused as `f64` refuses it:
/// "invalid type: string \"x\", expected f64".
pub(crate) fn exact_f64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    let raw = Box::<RawValue>::deserialize(deserializer)?;
    let text = raw.get();
    let unexpected = match text.as_bytes().first() {
        Some(b'-' | b'0'..=b'9') => {
            return text
                .parse()
                .map_err(|_| D::Error::invalid_value(Unexpected::Other(text), &"f64"));
        }
        Some(b'"') => {
            let string: String = serde_json::from_str(text).map_err(D::Error::custom)?;
            return Err(D::Error::invalid_type(Unexpected::Str(&string), &"f64"));
        }
        Some(b't') => Unexpected::Bool(true),
        Some(b'f') => Unexpected::Bool(false),
        Some(b'n') => Unexpected::Unit,
        Some(b'[') => Unexpected::Seq,
        Some(b'{') => Unexpected::Map,
        _ => Unexpected::Other(text),
    };
    Err(D::Error::invalid_type(unexpected, &"f64"))
}

/// An `f64` read with `exact_f64`, for `#[serde(try_from = "ExactF64")]`.
#[derive(Deserialize)]
#[serde(transparent)]
pub(crate) struct ExactF64(#[serde(deserialize_with = "exact_f64")] pub(crate) f64);
