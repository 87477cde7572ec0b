//! The order the matrix table shows its rows in: group and category headings, then items.

use super::evaluate::Evaluation;
use serde::{Deserialize, Serialize};

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TableRow {
    /// A group heading: index into `Evaluation::groups`.
    Group(usize),
    /// A category heading: index into `Evaluation::categories`.
    Category(usize),
    /// An item: index into the matrix's items.
    Item(usize),
}

/// Every row in display order: categories in order of first appearance, each after its
/// group's heading (shown once, before the group's first category), then the items that
/// have no category, in matrix order.
pub fn table_rows(evaluation: &Evaluation) -> Vec<TableRow> {
    let mut rows = Vec::with_capacity(
        evaluation.items.len() + evaluation.categories.len() + evaluation.groups.len(),
    );
    let mut shown_groups = vec![false; evaluation.groups.len()];
    let mut placed = vec![false; evaluation.items.len()];
    for c in 0..evaluation.categories.len() {
        if let Some(g) = evaluation.category_group(c) {
            if let Some(shown) = shown_groups.get_mut(g) {
                if !*shown {
                    *shown = true;
                    rows.push(TableRow::Group(g));
                }
            }
        }
        rows.push(TableRow::Category(c));
        for &item in evaluation.category_items(c) {
            rows.push(TableRow::Item(item));
            if let Some(slot) = placed.get_mut(item) {
                *slot = true;
            }
        }
    }
    rows.extend(
        placed
            .iter()
            .enumerate()
            .filter(|(_, p)| !**p)
            .map(|(i, _)| TableRow::Item(i)),
    );
    rows
}
