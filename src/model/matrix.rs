//! `Matrix` and its parts: criteria, items, groups, categories and the published priority list.

use super::{BoardDecision, Score, Thresholds};
use serde::{Deserialize, Serialize};

/// What a criterion column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum CriterionKind {
    /// A criterion the document scores 0-4.
    #[default]
    Scored,
    /// Not a criterion: the published total minus the printed scores, kept so that
    /// the published totals are reproduced without guessing which criterion was lost.
    Unattributed,
}

/// One column of the matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// The name shown in headers and labels, e.g. "Public concern".
    pub name: String,
    /// The document's definition of the criterion.
    pub description: String,
    /// Whether this is a scored criterion or the unattributed remainder.
    #[serde(default)]
    pub kind: CriterionKind,
}

/// One crime or ASB type: a row of the matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// The item's name, e.g. "Youth Nuisance".
    pub name: String,
    /// The group the item belongs to (ASB: "MISUSE OF PUBLIC SPACE"), if any.
    pub group: Option<String>,
    /// The category the item belongs to (e.g. "Drugs"), if any.
    pub category: Option<String>,
    /// One score per criterion, in the matrix's criterion order.
    pub scores: Vec<Score>,
    /// Where the data came from ("Police", "RBKC", ...); empty when not printed.
    pub data_source: String,
    /// The total printed in the document, if any.
    pub published_total: Option<u32>,
}

impl Item {
    /// The score for criterion `index`; '?' when the row is shorter than the criteria.
    pub fn score(&self, index: usize) -> Score {
        self.scores.get(index).copied().unwrap_or(Score::Unknown)
    }
}

/// A group of categories, with the subtotal the document printed for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupInfo {
    /// The group's name.
    pub name: String,
    /// The subtotal the document printed, if it printed one.
    pub published_subtotal: Option<u32>,
}

/// A category of items, with the subtotal the document printed for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryInfo {
    /// The group this category sits in, if the matrix has groups.
    pub group: Option<String>,
    /// The category's name.
    pub name: String,
    /// The subtotal the document printed, if it printed one.
    pub published_subtotal: Option<u32>,
}

/// An entry of the document's published priority list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedPriority {
    /// The document's wording, e.g. "Residential burglary".
    pub listed_as: String,
    /// The matrix item it refers to, e.g. "Burglary in a Dwelling".
    pub item: String,
    /// The printed position (ties share one), or `None` for items the board added.
    pub position: Option<u32>,
    /// The printed points, if any.
    pub points: Option<u32>,
    /// True when the item was added by a board decision rather than by score.
    pub board_decision: bool,
}

/// A strategic assessment matrix: criteria, items and what the document published about them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Matrix {
    /// The title, e.g. "Crime matrix".
    pub title: String,
    /// A short name for switchers, e.g. "Crime".
    pub short_name: String,
    /// Where the matrix comes from.
    pub source: String,
    /// The columns, in order.
    pub criteria: Vec<Criterion>,
    /// The rows, in document order.
    pub items: Vec<Item>,
    /// Groups in document order (empty when the matrix has none).
    pub groups: Vec<GroupInfo>,
    /// Categories in document order (empty when the matrix has none).
    pub categories: Vec<CategoryInfo>,
    /// The thresholds the matrix was published with.
    pub thresholds: Thresholds,
    /// The document's own priority list (empty when none was published).
    pub priorities: Vec<PublishedPriority>,
    /// The board's published decisions to add or remove priorities whatever their band.
    #[serde(default)]
    pub decisions: Vec<BoardDecision>,
}

impl Matrix {
    /// Index of the item called `name`, if any.
    pub fn item_index(&self, name: &str) -> Option<usize> {
        self.items.iter().position(|item| item.name == name)
    }

    /// How many columns are scored criteria (the unattributed column is not one).
    pub fn scored_criteria(&self) -> usize {
        self.criteria
            .iter()
            .filter(|c| c.kind == CriterionKind::Scored)
            .count()
    }

    /// The top of the published scale: 4 points for each scored criterion (24 for six).
    pub fn scale_top(&self) -> usize {
        self.scored_criteria() * usize::from(super::MAX_SCORE)
    }

    /// The name of criterion `c`, or "" when there is none.
    pub fn criterion_name(&self, c: usize) -> &str {
        self.criteria.get(c).map_or("", |c| c.name.as_str())
    }

    /// The public concern column (the what-if the document invites), else the first.
    pub fn public_concern_column(&self) -> usize {
        self.criteria
            .iter()
            .position(|c| c.name.to_lowercase().contains("public concern"))
            .unwrap_or(0)
    }

    /// True when the matrix has an unattributed column.
    pub fn has_unattributed(&self) -> bool {
        self.criteria
            .iter()
            .any(|c| c.kind == CriterionKind::Unattributed)
    }
}
