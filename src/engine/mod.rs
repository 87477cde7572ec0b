//! The scoring engine: pure functions from a matrix and settings to totals, bands, ranks,
//! subtotals, baseline movement and the data audit. No web dependencies.

mod audit;
mod baseline;
mod changes;
mod evaluate;
mod explain;
mod layout;
mod numbering;
mod ranking;
mod scoring;
mod sensitivity;
mod table_rows;
mod view_order;
mod wording;

pub use audit::{audit, Audit, RowFinding, SubtotalCheck, SubtotalLevel};
pub use baseline::{
    band_change_words, baseline, compare_priorities, movement, Baseline, Movement, PriorityRow,
};
pub use changes::{
    announcement, band_changes, change_line, changes_summary, decision_differences, decision_line,
    BandChange, BandChanges, Minutes, ANNOUNCED,
};
pub use evaluate::{
    evaluate, evaluate_with, reband, BandCounts, Evaluation, ItemResult, Rebanded, Subtotal,
    TotalRange,
};
pub use explain::{explain, Contribution, Explanation};
pub use layout::Layout;
pub use ranking::{rank, Rank};
pub use scoring::{band_of, effective_multipliers, format_total, item_total, snap};
pub use sensitivity::{
    band_count_steps, flip_points, item_margin, red_set_interval, score_flips, uncertainty,
    CountStep, FlipPoints, Margin, ScoreFlip, Uncertainty,
};
pub use table_rows::{table_rows, TableRow};
pub use view_order::{
    contains_any_case, grouped, margin, view_items, view_rows, Filter, SortKey, TableView,
};
pub use wording::{count_of, tenths, thousands, times, weighting_sentence};
