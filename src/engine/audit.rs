//! The data audit: printed scores against published totals, and printed subtotals
//! against the rows beneath them.

use super::numbering::{NameKey, Numbering};
use crate::model::{CriterionKind, Item, Matrix};
use serde::{Deserialize, Serialize};

/// A row whose printed scores do not add up to its published total ('?' counted as 0).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowFinding {
    /// The item's name.
    pub item: String,
    /// The sum of its printed scores.
    pub printed_sum: u32,
    /// Its published total.
    pub published_total: u32,
}

impl RowFinding {
    /// Published total minus printed scores (positive: the printed scores fall short).
    pub fn difference(&self) -> i64 {
        i64::from(self.published_total) - i64::from(self.printed_sum)
    }
}

/// Whether a subtotal belongs to a category or a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubtotalLevel {
    /// A category subtotal.
    Category,
    /// A group subtotal.
    Group,
}

/// A printed subtotal checked against the rows beneath it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubtotalCheck {
    /// Category or group.
    pub level: SubtotalLevel,
    /// Its name.
    pub name: String,
    /// The printed subtotal, or `None` when the document printed none.
    pub published: Option<u32>,
    /// The sum of the published totals of its rows.
    pub sum_of_totals: u32,
    /// The sum of the printed scores of its rows.
    pub sum_of_scores: u32,
}

impl SubtotalCheck {
    /// True when a subtotal was printed and equals the sum of its rows' published totals.
    pub fn agrees_with_totals(&self) -> bool {
        self.published == Some(self.sum_of_totals)
    }

    /// Printed subtotal minus the sum of its rows' published totals, when one was printed.
    pub fn difference(&self) -> Option<i64> {
        self.published
            .map(|p| i64::from(p) - i64::from(self.sum_of_totals))
    }

    /// True when a subtotal was printed and equals the sum of its rows' printed scores.
    pub fn agrees_with_scores(&self) -> bool {
        self.published == Some(self.sum_of_scores)
    }
}

/// The audit of a matrix against what the document printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audit {
    /// Rows with a published total that were checked.
    pub rows_checked: usize,
    /// Rows whose printed scores disagree with their published total.
    pub row_findings: Vec<RowFinding>,
    /// Every category and group subtotal, printed or not.
    pub subtotals: Vec<SubtotalCheck>,
}

impl Audit {
    /// The points by which printed scores fall short of published totals, over all rows.
    pub fn total_shortfall(&self) -> i64 {
        self.row_findings.iter().map(RowFinding::difference).sum()
    }

    /// The subtotal checks where a printed subtotal disagrees with its rows' published totals.
    pub fn subtotal_disagreements(&self) -> impl Iterator<Item = &SubtotalCheck> {
        self.subtotals
            .iter()
            .filter(|s| s.published.is_some() && !s.agrees_with_totals())
    }

    /// The categories and groups for which the document printed no subtotal.
    pub fn missing_subtotals(&self) -> impl Iterator<Item = &SubtotalCheck> {
        self.subtotals.iter().filter(|s| s.published.is_none())
    }
}

/// The sum of an item's printed (scored-criterion, known) scores.
fn printed_sum(item: &Item, matrix: &Matrix) -> u32 {
    matrix
        .criteria
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == CriterionKind::Scored)
        .filter_map(|(i, _)| item.score(i).value())
        .map(u32::from)
        .sum()
}

/// Sums of published totals and of printed scores.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    totals: u32,
    scores: u32,
}

impl Sums {
    fn add(&mut self, total: u32, scores: u32) {
        self.totals += total;
        self.scores += scores;
    }
}

/// `Numbering::get` that remembers the last key asked about: rows of one category
/// usually come together.
struct Recent<'n, K> {
    numbering: &'n Numbering<K>,
    last: Option<(K, Option<usize>)>,
}

impl<'n, K: NameKey> Recent<'n, K> {
    fn new(numbering: &'n Numbering<K>) -> Self {
        Self {
            numbering,
            last: None,
        }
    }

    fn get(&mut self, key: K) -> Option<usize> {
        match self.last {
            Some((last, number)) if last == key => number,
            _ => {
                let number = self.numbering.get(key);
                self.last = Some((key, number));
                number
            }
        }
    }
}

/// Checks every row and every printed subtotal of `matrix`.
pub fn audit(matrix: &Matrix) -> Audit {
    // Categories (and groups) declared twice share one number, and so one sum.
    let mut category_numbers: Numbering<(&str, Option<&str>)> =
        Numbering::with_capacity(matrix.categories.len());
    let category_of: Vec<usize> = matrix
        .categories
        .iter()
        .map(|c| {
            category_numbers
                .insert((c.name.as_str(), c.group.as_deref()))
                .0
        })
        .collect();
    let mut group_numbers: Numbering<&str> = Numbering::with_capacity(matrix.groups.len());
    let group_of: Vec<usize> = matrix
        .groups
        .iter()
        .map(|g| group_numbers.insert(g.name.as_str()).0)
        .collect();
    let mut category_sums = vec![Sums::default(); matrix.categories.len()];
    let mut group_sums = vec![Sums::default(); matrix.groups.len()];
    let mut rows_checked = 0;
    let mut row_findings = Vec::new();
    let mut category_of_item = Recent::new(&category_numbers);
    let mut group_of_item = Recent::new(&group_numbers);
    for item in &matrix.items {
        let printed = printed_sum(item, matrix);
        let total = item.published_total.unwrap_or(0);
        if let Some(category) = &item.category {
            let key = (category.as_str(), item.group.as_deref());
            if let Some(sums) = category_of_item
                .get(key)
                .and_then(|i| category_sums.get_mut(i))
            {
                sums.add(total, printed);
            }
        }
        if let Some(group) = &item.group {
            if let Some(sums) = group_of_item
                .get(group.as_str())
                .and_then(|i| group_sums.get_mut(i))
            {
                sums.add(total, printed);
            }
        }
        let Some(published_total) = item.published_total else {
            continue;
        };
        rows_checked += 1;
        if printed != published_total {
            row_findings.push(RowFinding {
                item: item.name.clone(),
                printed_sum: printed,
                published_total,
            });
        }
    }
    let check = |level, name: &str, published, sums: Option<&Sums>| {
        let sums = sums.copied().unwrap_or_default();
        SubtotalCheck {
            level,
            name: name.to_owned(),
            published,
            sum_of_totals: sums.totals,
            sum_of_scores: sums.scores,
        }
    };
    let mut subtotals: Vec<SubtotalCheck> =
        Vec::with_capacity(matrix.categories.len() + matrix.groups.len());
    subtotals.extend(matrix.categories.iter().zip(&category_of).map(|(c, &i)| {
        check(
            SubtotalLevel::Category,
            &c.name,
            c.published_subtotal,
            category_sums.get(i),
        )
    }));
    subtotals.extend(matrix.groups.iter().zip(&group_of).map(|(g, &i)| {
        check(
            SubtotalLevel::Group,
            &g.name,
            g.published_subtotal,
            group_sums.get(i),
        )
    }));
    Audit {
        rows_checked,
        row_findings,
        subtotals,
    }
}
