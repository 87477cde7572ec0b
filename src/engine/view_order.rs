//! Which rows the table and the ranked list show, in which order: the document's grouped
//! order by default, or sorted by total, band, name or margin, filtered by name, by "band
//! changed" and by "band not certain". Every step is linear or n log n.

use super::baseline::Baseline;
use super::evaluate::Evaluation;
use super::table_rows::{table_rows, TableRow};
use crate::model::{Band, Matrix, Thresholds};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// How rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum SortKey {
    /// The document's order, grouped under group and category headings.
    #[default]
    Document,
    /// Highest total first.
    Total,
    /// Red first, then Amber, then Green; highest total first within a band.
    Band,
    /// Alphabetical by item name.
    Name,
    /// Closest to a threshold first.
    Margin,
}

impl SortKey {
    /// Every order, as offered.
    pub const ALL: [SortKey; 5] = [
        Self::Document,
        Self::Total,
        Self::Band,
        Self::Name,
        Self::Margin,
    ];

    /// The order in words, for the control that chooses it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Document => "As in the document (grouped)",
            Self::Total => "Total, highest first",
            Self::Band => "Band, Red first",
            Self::Name => "Name, A to Z",
            Self::Margin => "Closest to a threshold first",
        }
    }

    /// A stable token for form controls.
    pub fn token(self) -> &'static str {
        match self {
            Self::Document => "document",
            Self::Total => "total",
            Self::Band => "band",
            Self::Name => "name",
            Self::Margin => "margin",
        }
    }
}

/// Which items are shown.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Filter {
    /// Only items whose name contains this text (any case); empty shows all.
    pub text: String,
    /// Only items whose band differs from the published band.
    pub band_changed: bool,
    /// Only items whose band could change once their '?' scores are known.
    pub uncertain: bool,
}

impl Filter {
    /// True when the filter lets every item through.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && !self.band_changed && !self.uncertain
    }
}

/// How the table is ordered and filtered.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TableView {
    /// The order.
    pub sort: SortKey,
    /// The filter.
    pub filter: Filter,
}

/// The distance in points from `total` to the nearest threshold (0 on a threshold).
pub fn margin(total: f64, thresholds: &Thresholds) -> f64 {
    (total - thresholds.amber)
        .abs()
        .min((total - thresholds.red).abs())
}

/// Whether `name` contains `needle` (in lower case) in any case: compared byte by byte when
/// both are ASCII, with no lower-case copy of the name; through `to_lowercase` otherwise.
pub fn contains_any_case(name: &str, needle: &str) -> bool {
    if name.is_ascii() && needle.is_ascii() {
        let (name, needle) = (name.as_bytes(), needle.as_bytes());
        needle.is_empty()
            || name
                .windows(needle.len())
                .any(|window| window.eq_ignore_ascii_case(needle))
    } else {
        name.to_lowercase().contains(needle)
    }
}

/// True when the table shows the document's grouped rows with their headings (the document
/// order and no filter); otherwise it shows only the items that pass the filter.
pub fn grouped(view: &TableView) -> bool {
    view.sort == SortKey::Document && view.filter.is_empty()
}

/// The rows to show: with the document order and no filter, the grouped rows with their
/// headings; otherwise the items that pass the filter, sorted, without headings.
pub fn view_rows(
    matrix: &Matrix,
    evaluation: &Evaluation,
    baseline: &Baseline,
    thresholds: &Thresholds,
    view: &TableView,
) -> Vec<TableRow> {
    if grouped(view) {
        return table_rows(evaluation);
    }
    let items = view_items(matrix, evaluation, baseline, thresholds, view);
    items.into_iter().map(TableRow::Item).collect()
}

/// The items that pass the filter, in the order asked for (document order for ties).
pub fn view_items(
    matrix: &Matrix,
    evaluation: &Evaluation,
    baseline: &Baseline,
    thresholds: &Thresholds,
    view: &TableView,
) -> Vec<usize> {
    let needle = view.filter.text.trim().to_lowercase();
    let passes = |index: usize| -> bool {
        let (Some(item), Some(result)) = (matrix.items.get(index), evaluation.items.get(index))
        else {
            return false;
        };
        if !needle.is_empty() && !contains_any_case(&item.name, &needle) {
            return false;
        }
        if view.filter.band_changed {
            let published: Option<Band> = baseline.items.get(index).copied().flatten().map(|b| b.1);
            if published.is_none_or(|band| band == result.band) {
                return false;
            }
        }
        if view.filter.uncertain && result.range.is_none_or(|r| r.min_band == r.max_band) {
            return false;
        }
        true
    };
    let mut items: Vec<usize> = match view.sort {
        // The document order: the grouped rows' items, in that order.
        SortKey::Document => table_rows(evaluation)
            .into_iter()
            .filter_map(|row| match row {
                TableRow::Item(i) => Some(i),
                _ => None,
            })
            .collect(),
        // The ranking is already highest total first (ties in document order).
        SortKey::Total | SortKey::Band => evaluation.ranking.clone(),
        _ => (0..matrix.items.len()).collect(),
    };
    if !view.filter.is_empty() {
        items.retain(|&i| passes(i));
    }
    let total = |i: usize| evaluation.items.get(i).map_or(0.0, |r| r.total);
    let band = |i: usize| evaluation.items.get(i).map_or(Band::Green, |r| r.band);
    match view.sort {
        SortKey::Document | SortKey::Total => {}
        // A stable sort of the ranking by band keeps each band's items highest total first.
        SortKey::Band => items.sort_by_key(|&i| std::cmp::Reverse(band(i))),
        SortKey::Name => {
            let keys: Vec<String> = matrix.items.iter().map(|i| i.name.to_lowercase()).collect();
            items.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        }
        SortKey::Margin => {
            let m = |i: usize| margin(total(i), thresholds);
            items.sort_by(|&a, &b| m(a).partial_cmp(&m(b)).unwrap_or(Ordering::Equal));
        }
    }
    items
}
