//! The domain types: matrices, criteria, items, scores, weights, thresholds and bands.

mod band;
mod matrix;
mod score;
mod settings;

pub use band::{Band, Thresholds};
pub use matrix::{
    CategoryInfo, Criterion, CriterionKind, GroupInfo, Item, Matrix, PublishedPriority,
};
pub use score::{Score, MAX_SCORE};
pub use settings::{Settings, UnknownPolicy, Weight};
