//! The order the matrix table shows its rows in (group and category headings, then items)
//! and one page of it, so a matrix of any size is drawn a bounded number of rows at a time.

use super::evaluate::{Evaluation, Numbering};
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

/// One page of the table's rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The rows to draw: the headings the page's first item sits under (when the page
    /// starts part-way through them), then the page's rows.
    pub rows: Vec<TableRow>,
    /// 0-based page number (clamped to the last page).
    pub page: usize,
    /// How many pages there are (at least 1).
    pub pages: usize,
    /// Position of the page's first item among all items, 0-based.
    pub first_item: usize,
    /// How many items the page shows.
    pub items_shown: usize,
    /// How many items there are in all.
    pub items_total: usize,
}

/// Page `page` of `rows`, at most `per_page` items to a page (at least 1).
pub fn page_of(rows: &[TableRow], page: usize, per_page: usize) -> Page {
    let per_page = per_page.max(1);
    let items_total = rows
        .iter()
        .filter(|r| matches!(r, TableRow::Item(_)))
        .count();
    let pages = items_total.div_ceil(per_page).max(1);
    let page = page.min(pages - 1);
    let first_item = page * per_page;
    let start = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, TableRow::Item(_)))
        .nth(first_item)
        .map_or(rows.len(), |(index, _)| index);
    let before = rows.get(..start).unwrap_or_default();
    // The headings directly above the first item are the page's own; any group or
    // category it continues from an earlier page is repeated above them.
    let leading = before
        .iter()
        .rev()
        .take_while(|r| !matches!(r, TableRow::Item(_)))
        .count();
    let own = &before[before.len() - leading..];
    let earlier = &before[..before.len() - leading];
    let mut out = Vec::new();
    if !own.iter().any(|r| matches!(r, TableRow::Group(_))) {
        out.extend(
            earlier
                .iter()
                .rev()
                .find(|r| matches!(r, TableRow::Group(_))),
        );
    }
    if own.is_empty() {
        out.extend(
            earlier
                .iter()
                .rev()
                .find(|r| matches!(r, TableRow::Category(_))),
        );
    }
    out.extend_from_slice(own);
    let mut items_shown = 0;
    for row in rows.get(start..).unwrap_or_default() {
        let is_item = matches!(row, TableRow::Item(_));
        if items_shown == per_page {
            break;
        }
        items_shown += usize::from(is_item);
        out.push(*row);
    }
    Page {
        rows: out,
        page,
        pages,
        first_item,
        items_shown,
        items_total,
    }
}
