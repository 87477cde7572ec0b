//! `Band` (Red / Amber / Green) and the `Thresholds` that assign one to a total.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A priority band. Ordered from lowest to highest priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Band {
    /// Low priority.
    Green,
    /// Medium priority.
    Amber,
    /// High priority.
    Red,
}

impl Band {
    /// The band's name, as written everywhere a band is shown.
    pub fn name(self) -> &'static str {
        match self {
            Self::Green => "Green",
            Self::Amber => "Amber",
            Self::Red => "Red",
        }
    }

    /// A lowercase token for CSS classes.
    pub fn css(self) -> &'static str {
        match self {
            Self::Green => "green",
            Self::Amber => "amber",
            Self::Red => "red",
        }
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Lower bounds of the Amber and Red bands: a total at or above `red` is Red,
/// at or above `amber` is Amber, and below `amber` is Green.
///
/// The published thresholds are Green 0-5, Amber 6-10, Red 11+, i.e. lower
/// bounds 6 and 11, so a weighted total of exactly 11 is Red and 10.8 is Amber.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    /// Lowest total that is Amber.
    #[serde(deserialize_with = "super::number::exact_f64")]
    pub amber: f64,
    /// Lowest total that is Red.
    #[serde(deserialize_with = "super::number::exact_f64")]
    pub red: f64,
}

impl Thresholds {
    /// The document's thresholds: Amber from 6, Red from 11.
    pub const PUBLISHED: Thresholds = Thresholds {
        amber: 6.0,
        red: 11.0,
    };

    /// Thresholds with `amber` changed; `red` is raised to match if needed,
    /// so Amber never starts above Red. Non-finite or negative input is ignored.
    #[must_use]
    pub fn with_amber(self, amber: f64) -> Self {
        if !amber.is_finite() || amber < 0.0 {
            return self;
        }
        Self {
            amber,
            red: self.red.max(amber),
        }
    }

    /// Thresholds with `red` changed; `amber` is lowered to match if needed.
    /// Non-finite or negative input is ignored.
    #[must_use]
    pub fn with_red(self, red: f64) -> Self {
        if !red.is_finite() || red < 0.0 {
            return self;
        }
        Self {
            amber: self.amber.min(red),
            red,
        }
    }
}

impl Default for Thresholds {
    fn default() -> Self {
        Self::PUBLISHED
    }
}
