//! The what-if inputs: criterion weights, rescaling, thresholds and the unknown-score policy.

use super::number::ExactF64;
use super::{Matrix, Thresholds};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A criterion weight: finite, between 0 and `Weight::MAX`.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "ExactF64", into = "f64")]
pub struct Weight(f64);

impl Weight {
    /// The largest weight offered.
    pub const MAX: f64 = 5.0;
    /// The default weight: every criterion counts once.
    pub const ONE: Weight = Weight(1.0);

    /// A weight, or `None` when `value` is not a number in `0..=MAX`.
    pub fn new(value: f64) -> Option<Self> {
        (value.is_finite() && (0.0..=Self::MAX).contains(&value)).then_some(Self(value))
    }

    /// A weight from any number: NaN becomes 0, and values are clamped to `0..=MAX`.
    pub fn clamped(value: f64) -> Self {
        if value.is_nan() {
            Self(0.0)
        } else {
            Self(value.clamp(0.0, Self::MAX))
        }
    }

    /// The weight as a number.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl Default for Weight {
    fn default() -> Self {
        Self::ONE
    }
}

impl TryFrom<f64> for Weight {
    type Error = String;
    fn try_from(value: f64) -> Result<Self, Self::Error> {
        Weight::new(value).ok_or_else(|| format!("weight must be between 0 and {}", Weight::MAX))
    }
}

impl TryFrom<ExactF64> for Weight {
    type Error = String;
    fn try_from(value: ExactF64) -> Result<Self, Self::Error> {
        Weight::try_from(value.0)
    }
}

impl From<Weight> for f64 {
    fn from(weight: Weight) -> f64 {
        weight.0
    }
}

/// How a '?' score counts towards a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum UnknownPolicy {
    /// '?' counts as 0, as the document did.
    #[default]
    Zero,
    /// '?' counts as the mean of the item's known scores.
    ItemMean,
    /// '?' counts as 4, the worst case.
    WorstCase,
}

impl UnknownPolicy {
    /// Every policy, in the order they are offered.
    pub const ALL: [UnknownPolicy; 3] = [Self::Zero, Self::ItemMean, Self::WorstCase];

    /// A sentence stating the policy, as shown on screen.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Zero => "'?' counts as 0 (as the published matrix did)",
            Self::ItemMean => "'?' counts as the mean of the item's known scores",
            Self::WorstCase => "'?' counts as 4 (worst case)",
        }
    }

    /// A stable token for form controls.
    pub fn token(self) -> &'static str {
        match self {
            Self::Zero => "zero",
            Self::ItemMean => "mean",
            Self::WorstCase => "worst",
        }
    }
}

impl fmt::Display for UnknownPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// Everything a user can change about how a matrix is scored, short of its scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// One weight per criterion, in the matrix's criterion order.
    pub weights: Vec<Weight>,
    /// When true, the scored criteria's weights are rescaled to a mean of 1, so totals stay
    /// on the published 0-(4 x scored criteria) scale. When false (the default), each weight
    /// is the plain multiplier of its criterion's scores.
    pub rescale: bool,
    /// Band thresholds.
    pub thresholds: Thresholds,
    /// How '?' scores count.
    pub unknown_policy: UnknownPolicy,
}

impl Settings {
    /// The published method: every weight 1 as a plain multiplier, the matrix's thresholds,
    /// '?' as 0.
    pub fn published(matrix: &Matrix) -> Self {
        Self {
            weights: vec![Weight::ONE; matrix.criteria.len()],
            rescale: false,
            thresholds: matrix.thresholds,
            unknown_policy: UnknownPolicy::Zero,
        }
    }

    /// The weight of criterion `index` (1 when missing).
    pub fn weight(&self, index: usize) -> Weight {
        self.weights.get(index).copied().unwrap_or(Weight::ONE)
    }
}
