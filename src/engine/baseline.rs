//! The published baseline (printed totals, their bands and ranks), movement against it,
//! and the published priority list set beside the computed bands.

use super::evaluate::Evaluation;
use super::ranking::{rank, Rank};
use super::scoring::band_of;
use crate::model::{Band, Matrix};
use serde::{Deserialize, Serialize};

/// What the document published for each item: total, band and rank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// Per item, in matrix order: the published total, its band and its rank among
    /// the items that have a published total; `None` when no total was printed.
    pub items: Vec<Option<(u32, Band, Rank)>>,
}

/// The published totals of `matrix`, banded with the published thresholds and ranked.
pub fn baseline(matrix: &Matrix) -> Baseline {
    let with_total: Vec<(usize, u32)> = matrix
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| item.published_total.map(|t| (i, t)))
        .collect();
    let totals: Vec<f64> = with_total.iter().map(|&(_, t)| f64::from(t)).collect();
    let (ranks, _) = rank(&totals);
    let mut items = vec![None; matrix.items.len()];
    for ((index, total), rank) in with_total.into_iter().zip(ranks) {
        items[index] = Some((total, band_of(f64::from(total), &matrix.thresholds), rank));
    }
    Baseline { items }
}

/// How an item moved against the published baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Movement {
    /// Places moved up the ranking (negative: down).
    pub places_up: i64,
    /// The published band.
    pub from: Band,
    /// The band now.
    pub to: Band,
}

impl Movement {
    /// An arrow for the rank change: up, down or level.
    pub fn arrow(&self) -> &'static str {
        match self.places_up {
            n if n > 0 => "▲",
            n if n < 0 => "▼",
            _ => "▶",
        }
    }

    /// True when the item holds its published rank and band.
    pub fn is_unchanged(&self) -> bool {
        self.places_up == 0 && self.from == self.to
    }

    /// The movement in words, e.g. "up 3, now Red" or "same rank, still Amber".
    pub fn describe(&self) -> String {
        let places = match self.places_up {
            0 => "same rank".to_owned(),
            n if n > 0 => format!("up {n}"),
            n => format!("down {}", -n),
        };
        if self.from == self.to {
            format!("{places}, still {}", self.to)
        } else {
            format!("{places}, now {} (was {})", self.to, self.from)
        }
    }
}

/// The movement of item `index` against `baseline`, if it has a published total.
pub fn movement(baseline: &Baseline, evaluation: &Evaluation, index: usize) -> Option<Movement> {
    let (_, from, published_rank) = baseline.items.get(index).copied().flatten()?;
    let now = evaluation.items.get(index)?;
    let before = i64::try_from(published_rank.position).unwrap_or(i64::MAX);
    let after = i64::try_from(now.rank.position).unwrap_or(i64::MAX);
    Some(Movement {
        places_up: before - after,
        from,
        to: now.band,
    })
}

/// One line of the published-versus-computed comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriorityRow {
    /// The item's index in the matrix.
    pub item: usize,
    /// The published list's entry for it, if it is on that list (index into `priorities`).
    pub published: Option<usize>,
    /// The band computed now.
    pub band: Band,
}

/// The published priority list beside the computed bands: every listed item (in list
/// order), then every Red item the list leaves out (in rank order).
pub fn compare_priorities(matrix: &Matrix, evaluation: &Evaluation) -> Vec<PriorityRow> {
    let mut rows: Vec<PriorityRow> = matrix
        .priorities
        .iter()
        .enumerate()
        .filter_map(|(p, priority)| {
            let item = matrix.item_index(&priority.item)?;
            let band = evaluation.items.get(item)?.band;
            Some(PriorityRow {
                item,
                published: Some(p),
                band,
            })
        })
        .collect();
    let mut listed = vec![false; evaluation.items.len()];
    for row in &rows {
        if let Some(slot) = listed.get_mut(row.item) {
            *slot = true;
        }
    }
    for &item in &evaluation.ranking {
        let Some(result) = evaluation.items.get(item) else {
            continue;
        };
        if result.band == Band::Red && listed.get(item) == Some(&false) {
            rows.push(PriorityRow {
                item,
                published: None,
                band: result.band,
            });
        }
    }
    rows
}
