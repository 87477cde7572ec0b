//! The Kensington & Chelsea seed matrices, embedded at build time from `data/seed-*.json`.
//!
//! The JSON files transcribe the printed tables exactly (nested as group > category > item).
//! Loading flattens them and, where a row's printed scores add up to less than its
//! published total, adds an "Unattributed" column holding the difference, so the published
//! totals are reproduced without inventing which criterion the difference belongs to.

use crate::model::{
    BoardDecision, CategoryInfo, Criterion, CriterionKind, GroupInfo, Item, Matrix,
    PublishedPriority, Score, Thresholds,
};
use serde::Deserialize;
use std::fmt;

const CRIME_JSON: &str = include_str!("../../data/seed-crime.json");
const ASB_JSON: &str = include_str!("../../data/seed-asb.json");

/// The name of the column that holds published total minus printed scores.
pub const UNATTRIBUTED_NAME: &str = "Unattributed (published total minus printed scores)";

/// Why a seed file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedError {
    /// Which seed file.
    pub file: &'static str,
    /// What went wrong, in plain words.
    pub message: String,
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "The built-in matrix {} could not be read: {}",
            self.file, self.message
        )
    }
}

impl std::error::Error for SeedError {}

#[derive(Deserialize)]
struct SeedMatrix {
    title: String,
    short_name: String,
    source: String,
    criteria: Vec<Criterion>,
    thresholds: Thresholds,
    groups: Vec<SeedGroup>,
    priorities: Vec<PublishedPriority>,
    #[serde(default)]
    board_decisions: Vec<BoardDecision>,
}

#[derive(Deserialize)]
struct SeedGroup {
    name: Option<String>,
    published_subtotal: Option<u32>,
    categories: Vec<SeedCategory>,
}

#[derive(Deserialize)]
struct SeedCategory {
    name: String,
    published_subtotal: Option<u32>,
    items: Vec<SeedItem>,
}

#[derive(Deserialize)]
struct SeedItem {
    name: String,
    scores: Vec<Score>,
    published_total: Option<u32>,
    #[serde(default)]
    data_source: String,
}

/// The crime and ASB matrices of the seed document, in that order.
///
/// # Errors
/// A `SeedError` if an embedded file is malformed (a build-time mistake, covered by tests).
pub fn seed_matrices() -> Result<Vec<Matrix>, SeedError> {
    Ok(vec![
        parse_seed(CRIME_JSON, "seed-crime.json")?,
        parse_seed(ASB_JSON, "seed-asb.json")?,
    ])
}

/// Reads one seed JSON text into a `Matrix`.
///
/// # Errors
/// A `SeedError` naming `file` when the JSON is malformed or a row has the wrong
/// number of scores.
pub fn parse_seed(json: &str, file: &'static str) -> Result<Matrix, SeedError> {
    let seed: SeedMatrix = serde_json::from_str(json).map_err(|e| SeedError {
        file,
        message: e.to_string(),
    })?;
    let mut matrix = Matrix {
        title: seed.title,
        short_name: seed.short_name,
        source: seed.source,
        criteria: seed.criteria,
        items: Vec::new(),
        groups: Vec::new(),
        categories: Vec::new(),
        thresholds: seed.thresholds,
        priorities: seed.priorities,
        decisions: seed.board_decisions,
    };
    for group in seed.groups {
        if let Some(name) = &group.name {
            matrix.groups.push(GroupInfo {
                name: name.clone(),
                published_subtotal: group.published_subtotal,
            });
        }
        for category in group.categories {
            matrix.categories.push(CategoryInfo {
                group: group.name.clone(),
                name: category.name.clone(),
                published_subtotal: category.published_subtotal,
            });
            for item in category.items {
                if item.scores.len() != matrix.criteria.len() {
                    return Err(SeedError {
                        file,
                        message: format!(
                            "row {:?} has {} scores for {} criteria",
                            item.name,
                            item.scores.len(),
                            matrix.criteria.len()
                        ),
                    });
                }
                matrix.items.push(Item {
                    name: item.name,
                    group: group.name.clone(),
                    category: Some(category.name.clone()),
                    scores: item.scores,
                    data_source: item.data_source,
                    published_total: item.published_total,
                });
            }
        }
    }
    add_unattributed(&mut matrix);
    Ok(matrix)
}

/// Adds the unattributed column when any row's printed scores fall short of its
/// published total ('?' counted as 0, as the document did).
fn add_unattributed(matrix: &mut Matrix) {
    let shortfall = |item: &Item| -> u32 {
        let printed: u32 = item
            .scores
            .iter()
            .filter_map(|s| s.value())
            .map(u32::from)
            .sum();
        item.published_total
            .map_or(0, |total| total.saturating_sub(printed))
    };
    if !matrix.items.iter().any(|item| shortfall(item) > 0) {
        return;
    }
    matrix.criteria.push(Criterion {
        name: UNATTRIBUTED_NAME.to_owned(),
        description:
            "Not a criterion of the method. In rows where the printed scores add up to \
                      less than the published total, this column holds the difference, so that \
                      every published total and band is reproduced. The document does not say \
                      which criterion the difference belongs to; edit or zero it to see its effect."
                .to_owned(),
        kind: CriterionKind::Unattributed,
    });
    for item in &mut matrix.items {
        let gap = shortfall(item);
        // The seed's largest gap is 4 (Drug Supply); a larger one would not fit the scale,
        // so it is capped and shows up in the audit instead.
        let capped = u8::try_from(gap.min(4)).unwrap_or(4);
        item.scores.push(Score::Known(capped));
    }
}
