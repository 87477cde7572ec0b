//! The order the matrix table shows its rows in: group and category headings, then items.

use super::evaluate::Evaluation;
use super::numbering::Numbering;
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
    // The first group of each name, as a search of the groups would find it.
    let mut group_numbers: Numbering<&str> = Numbering::with_capacity(evaluation.groups.len());
    let mut first_group = Vec::with_capacity(evaluation.groups.len());
    for (g, group) in evaluation.groups.iter().enumerate() {
        if group_numbers.insert(group.name.as_str()).1 {
            first_group.push(g);
        }
    }
    let mut shown_groups = vec![false; evaluation.groups.len()];
    let mut placed = vec![false; evaluation.items.len()];
    for (c, category) in evaluation.categories.iter().enumerate() {
        if let Some(group) = &category.group {
            let first = group_numbers
                .get(group.as_str())
                .and_then(|n| first_group.get(n));
            if let Some(&g) = first {
                if let Some(shown) = shown_groups.get_mut(g) {
                    if !*shown {
                        *shown = true;
                        rows.push(TableRow::Group(g));
                    }
                }
            }
        }
        rows.push(TableRow::Category(c));
        for &item in &category.items {
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
