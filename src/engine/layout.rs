//! `Layout`: what evaluating a matrix needs that no setting changes, worked out once per
//! matrix and shared by every evaluation of it: the scores as flat codes, each item's '?'
//! count, and the categories and groups (names, printed subtotals, items), numbered.

use super::numbering::{NameKey, Numbering};
use crate::model::{CriterionKind, Item, Matrix, Score};
use serde::{Deserialize, Serialize};

/// The number standing for "no category" or "no group".
pub(super) const NONE: u32 = u32::MAX;

/// A matrix laid out flat for `evaluate_with`: one code per score, the categories and groups
/// numbered in the order the items first name them, each item's category and group by
/// number. Built by `Layout::new` in one pass over the matrix (names are hashed once, here,
/// not on every evaluation); it does not follow later changes to the matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    /// Each criterion's kind, in column order.
    pub(super) kinds: Vec<CriterionKind>,
    /// The code of a score that is '?' or missing: one more than the highest known score
    /// (5 for a matrix on the 0-4 scale).
    pub(super) unknown: u16,
    /// One code per item and criterion, item after item: a known score's value, or
    /// `unknown` (one `unknown` per item when there are no criteria, so every item has a row).
    pub(super) codes: Vec<u16>,
    /// How many leading criteria `leads` covers.
    pub(super) lead_columns: usize,
    /// Per item, the codes of its first `lead_columns` scores as one number, each code a
    /// digit in base `unknown + 1`: the index of their sum in a table made per evaluation.
    pub(super) leads: Vec<u32>,
    /// How many of each item's scores are '?' (beyond the criteria too).
    pub(super) unknowns: Vec<u32>,
    /// The items with at least one '?' score, in matrix order.
    pub(super) uncertain: Vec<usize>,
    /// Categories: a category is a name within a group (or within no group).
    pub(super) categories: Headings,
    /// Groups.
    pub(super) groups: Headings,
    /// Each category's group number (`NONE` when it has no group).
    pub(super) category_group: Vec<u32>,
}

/// Categories or groups, numbered in the order items first name them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub(super) struct Headings {
    /// Each item's number (`NONE` when it has none); empty when no item has one.
    pub(super) of_item: Vec<u32>,
    /// When the items of one heading come in runs of `RUN` or more on average, the runs,
    /// in matrix order: each one's heading number, first item, and item after its last.
    pub(super) runs: Vec<[u32; 3]>,
    /// The names, one after another.
    names: String,
    /// Where each name ends in `names`.
    name_ends: Vec<usize>,
    /// The subtotal printed for each: that of the first declared entry of its name (and
    /// group), if it has one.
    pub(super) published: Vec<Option<u32>>,
    /// The items of each, in matrix order, one heading after another.
    members: Vec<usize>,
    /// Where each heading's items end in `members`.
    member_ends: Vec<usize>,
}

/// The code of a '?' in `Layout::new` until the code of '?' is known.
const PENDING: u16 = u16::MAX;

/// How long runs of items of one heading must be on average for their subtotals to be
/// summed a run at a time rather than an item at a time.
const RUN: usize = 4;

/// `number` as an index (`NONE` is past the end of any list).
pub(super) fn index(number: u32) -> usize {
    usize::try_from(number).unwrap_or(usize::MAX)
}

/// The part of `text` (or of a list) between the end of entry `number - 1` and that of
/// entry `number`, given where each entry ends.
fn span(ends: &[usize], number: usize) -> Option<std::ops::Range<usize>> {
    let end = *ends.get(number)?;
    let start = match number.checked_sub(1) {
        Some(previous) => *ends.get(previous)?,
        None => 0,
    };
    Some(start..end)
}

impl Headings {
    /// Numbers the keys `key_of` gives the items, in first-seen order; `declared` lists
    /// the document's entries with their printed subtotals.
    fn build<'m, K: NameKey>(
        items: &'m [Item],
        key_of: impl Fn(&'m Item) -> Option<K>,
        name_of: impl Fn(K) -> &'m str,
        declared: impl ExactSizeIterator<Item = (K, Option<u32>)>,
    ) -> Self {
        let mut numbering: Numbering<K> = Numbering::with_capacity(declared.len());
        let mut of_item = Vec::with_capacity(items.len());
        let mut runs: Vec<[u32; 3]> = Vec::new();
        // Rows of one heading usually come together: the key of the row before is
        // compared before any hashing.
        let mut last: Option<(K, u32)> = None;
        for (index, item) in items.iter().enumerate() {
            let number = match key_of(item) {
                None => NONE,
                Some(key) => match last {
                    Some((seen, number)) if seen == key => number,
                    _ => {
                        let number = u32::try_from(numbering.insert(key).0).unwrap_or(NONE);
                        last = Some((key, number));
                        number
                    }
                },
            };
            let item = u32::try_from(index).unwrap_or(NONE);
            match runs.last_mut() {
                Some([run, _, end]) if *run == number && *end == item => *end = item + 1,
                _ if number == NONE => {}
                _ => runs.push([number, item, item + 1]),
            }
            of_item.push(number);
        }
        let keys = numbering.keys();
        if keys.is_empty() {
            return Self::default();
        }
        let mut names = String::new();
        let mut name_ends = Vec::with_capacity(keys.len());
        for &key in keys {
            names.push_str(name_of(key));
            name_ends.push(names.len());
        }
        let mut published = vec![None; keys.len()];
        let mut seen = vec![false; keys.len()];
        for (position, (key, subtotal)) in declared.enumerate() {
            // Declared in the order the items name them, an entry is found without hashing.
            let number = if keys.get(position) == Some(&key) {
                Some(position)
            } else {
                numbering.get(key)
            };
            let slots = number.and_then(|n| Some((seen.get_mut(n)?, published.get_mut(n)?)));
            if let Some((seen, slot)) = slots {
                if !*seen {
                    *seen = true;
                    *slot = subtotal;
                }
            }
        }
        let mut member_ends = vec![0; keys.len()];
        for &number in &of_item {
            if let Some(size) = member_ends.get_mut(index(number)) {
                *size += 1;
            }
        }
        let mut next = Vec::with_capacity(keys.len());
        let mut end = 0;
        for size in &mut member_ends {
            next.push(end);
            end += *size;
            *size = end;
        }
        let mut members = vec![0; end];
        for (item, &number) in of_item.iter().enumerate() {
            if let Some(at) = next.get_mut(index(number)) {
                if let Some(slot) = members.get_mut(*at) {
                    *slot = item;
                }
                *at += 1;
            }
        }
        if runs.len() * RUN > items.len() {
            runs = Vec::new();
        }
        Self {
            of_item,
            runs,
            names,
            name_ends,
            published,
            members,
            member_ends,
        }
    }

    /// How many there are.
    pub(super) fn len(&self) -> usize {
        self.published.len()
    }

    /// The name of number `number` ("" when there is none).
    fn name(&self, number: usize) -> &str {
        span(&self.name_ends, number)
            .and_then(|range| self.names.get(range))
            .unwrap_or("")
    }

    /// The items of number `number`, in matrix order.
    fn items(&self, number: usize) -> &[usize] {
        span(&self.member_ends, number)
            .and_then(|range| self.members.get(range))
            .unwrap_or(&[])
    }
}

/// The most sums of leading scores an evaluation tabulates.
const LEAD_SUMS: usize = 2048;

/// How many leading criteria to tabulate the sums of: as many as keep the table (`base`
/// to that power) within `LEAD_SUMS` entries and no larger than the number of items.
fn lead_columns(base: usize, columns: usize, items: usize) -> usize {
    let limit = LEAD_SUMS.min(items.max(1));
    let mut size = 1;
    let mut lead = 0;
    while lead < columns && size * base <= limit {
        size *= base;
        lead += 1;
    }
    lead
}

impl Layout {
    /// Lays `matrix` out for evaluation.
    pub fn new(matrix: &Matrix) -> Self {
        let kinds: Vec<CriterionKind> = matrix.criteria.iter().map(|c| c.kind).collect();
        let columns = kinds.len();
        // Read once: codes with '?' (and missing scores) as `PENDING` until the highest
        // known score, and so the code of '?', is known.
        let mut highest = None;
        let mut codes = Vec::with_capacity(matrix.items.len() * columns.max(1));
        let mut unknowns = Vec::with_capacity(matrix.items.len());
        for item in &matrix.items {
            codes.extend((0..columns.max(1)).map(|i| match item.scores.get(i) {
                Some(Score::Known(v)) if i < columns => {
                    highest = highest.max(Some(*v));
                    u16::from(*v)
                }
                _ => PENDING,
            }));
            let count = item.scores.iter().filter(|s| **s == Score::Unknown).count();
            unknowns.push(u32::try_from(count).unwrap_or(u32::MAX));
        }
        let unknown = highest.map_or(0, |v| u16::from(v) + 1);
        for code in &mut codes {
            if *code == PENDING {
                *code = unknown;
            }
        }
        let lead_columns = lead_columns(usize::from(unknown) + 1, columns, matrix.items.len());
        let base = u32::from(unknown) + 1;
        let leads = codes
            .chunks(columns.max(1))
            .map(|row| {
                row.iter()
                    .take(lead_columns)
                    .fold(0, |lead, &code| lead * base + u32::from(code))
            })
            .collect();
        let groups = Headings::build(
            &matrix.items,
            |item| item.group.as_deref(),
            |name| name,
            matrix
                .groups
                .iter()
                .map(|g| (g.name.as_str(), g.published_subtotal)),
        );
        let categories = Headings::build(
            &matrix.items,
            |item| Some((item.category.as_deref()?, item.group.as_deref())),
            |(name, _)| name,
            matrix
                .categories
                .iter()
                .map(|c| ((c.name.as_str(), c.group.as_deref()), c.published_subtotal)),
        );
        // A category's items share its group, so its first item's group is its group.
        let category_group = (0..categories.len())
            .map(|c| {
                let first = categories.items(c).first();
                first
                    .and_then(|&item| groups.of_item.get(item))
                    .copied()
                    .unwrap_or(NONE)
            })
            .collect();
        Self {
            kinds,
            unknown,
            codes,
            lead_columns,
            leads,
            uncertain: unknowns
                .iter()
                .enumerate()
                .filter(|(_, &count)| count > 0)
                .map(|(item, _)| item)
                .collect(),
            unknowns,
            categories,
            groups,
            category_group,
        }
    }

    /// Each item's codes.
    pub(super) fn rows(&self) -> std::slice::ChunksExact<'_, u16> {
        self.codes.chunks_exact(self.kinds.len().max(1))
    }

    /// The codes of item `item` after the leading ones.
    pub(super) fn rest(&self, item: usize) -> &[u16] {
        let width = self.kinds.len().max(1);
        let start = item * width + self.lead_columns;
        self.codes.get(start..item * width + width).unwrap_or(&[])
    }

    /// How many items the matrix has.
    pub fn items(&self) -> usize {
        self.unknowns.len()
    }

    /// How many categories the items name: a name within a group is a category of its own.
    pub fn categories(&self) -> usize {
        self.categories.len()
    }

    /// How many groups the items name.
    pub fn groups(&self) -> usize {
        self.groups.len()
    }

    /// The name of category `category` ("" when there is no such category).
    pub fn category_name(&self, category: usize) -> &str {
        self.categories.name(category)
    }

    /// The group category `category` sits in, as an index into the groups, if any.
    pub fn category_group(&self, category: usize) -> Option<usize> {
        self.category_group
            .get(category)
            .filter(|&&g| g != NONE)
            .map(|&g| index(g))
    }

    /// The items of category `category`, in matrix order.
    pub fn category_items(&self, category: usize) -> &[usize] {
        self.categories.items(category)
    }

    /// The name of group `group` ("" when there is no such group).
    pub fn group_name(&self, group: usize) -> &str {
        self.groups.name(group)
    }

    /// The items of group `group`, in matrix order.
    pub fn group_items(&self, group: usize) -> &[usize] {
        self.groups.items(group)
    }
}
