//! The domain types: matrices, criteria, items, scores, weights, thresholds, bands,
//! score edits, board decisions and scenarios.

mod band;
mod matrix;
mod number;
mod scenario;
mod score;
mod settings;

pub use band::{Band, Thresholds};
pub use matrix::{
    CategoryInfo, Criterion, CriterionKind, GroupInfo, Item, Matrix, PublishedPriority,
};
pub use scenario::{BoardDecision, Edits, Scenario, ScoreEdit};
pub use score::{Score, MAX_SCORE};
pub use settings::{Settings, UnknownPolicy, Weight};
