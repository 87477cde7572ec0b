//! `Score`: one criterion's score for one item, known (0-4) or unknown ('?').

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The highest score the scale allows ("4 = Very high concern").
pub const MAX_SCORE: u8 = 4;

/// A score on the 0-4 scale, or '?' for no / insufficient data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Score {
    /// A known score, always in `0..=MAX_SCORE`.
    Known(u8),
    /// '?': no or insufficient data at present.
    #[default]
    Unknown,
}

impl Score {
    /// A known score, or `None` when `value` is above the scale.
    pub fn known(value: u8) -> Option<Self> {
        (value <= MAX_SCORE).then_some(Self::Known(value))
    }

    /// Every value a score can take, in the order an editor offers them.
    pub const ALL: [Score; 6] = [
        Score::Known(0),
        Score::Known(1),
        Score::Known(2),
        Score::Known(3),
        Score::Known(4),
        Score::Unknown,
    ];

    /// The known value, if any.
    pub fn value(self) -> Option<u8> {
        match self {
            Self::Known(v) => Some(v),
            Self::Unknown => None,
        }
    }

    /// Parses "0".."4" or "?" (surrounding spaces ignored).
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "?" => Some(Self::Unknown),
            t if t.len() == 1 => t.parse::<u8>().ok().and_then(Self::known),
            _ => None,
        }
    }

    /// The scale's own words for this score.
    pub fn meaning(self) -> &'static str {
        match self {
            Self::Known(0) => "Low concern",
            Self::Known(1) => "Of less concern",
            Self::Known(2) => "Concern",
            Self::Known(3) => "High concern",
            Self::Known(_) => "Very high concern",
            Self::Unknown => "No/insufficient data at present - further research required",
        }
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Known(v) => write!(f, "{v}"),
            Self::Unknown => f.write_str("?"),
        }
    }
}

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Score::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("score must be 0-4 or '?', found {text:?}"))
        })
    }
}
