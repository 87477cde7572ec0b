//! The published baseline (printed totals, their bands and ranks), movement against it,
//! and the published priority list set beside the computed bands.

use super::evaluate::Evaluation;
use super::numbering::Numbering;
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

/// How an item moved against the published baseline. The band change and the rank change
/// are separate facts and are worded separately: an item can fall a band while rising in
/// the ranking, and the words and arrow never suggest otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Movement {
    /// The published band.
    pub from: Band,
    /// The band now.
    pub to: Band,
    /// The published rank (among items with a published total).
    pub rank_before: Rank,
    /// The rank now.
    pub rank_after: Rank,
}

impl Movement {
    /// Bands moved up (Green to Red is 2; Amber to Green is -1).
    pub fn band_steps(&self) -> i8 {
        band_level(self.to) - band_level(self.from)
    }

    /// An arrow for the band change: "▲" up a band or more, "▼" down, "" when the band holds.
    pub fn arrow(&self) -> &'static str {
        match self.band_steps() {
            n if n > 0 => "▲",
            n if n < 0 => "▼",
            _ => "",
        }
    }

    /// True when the item holds its published band and rank.
    pub fn is_unchanged(&self) -> bool {
        self.from == self.to && self.rank_before == self.rank_after
    }

    /// The band change in words: "Amber → Green, down a band", "Green → Red, up two bands"
    /// or "still Amber".
    pub fn band_words(&self) -> String {
        band_change_words(self.from, self.to)
    }

    /// The rank change in words: "rank 12 → 14", or "rank =3 as published".
    pub fn rank_words(&self) -> String {
        if self.rank_before == self.rank_after {
            format!("rank {} as published", self.rank_after)
        } else {
            format!("rank {} → {}", self.rank_before, self.rank_after)
        }
    }

    /// The whole movement: "as published" when nothing moved, otherwise the band change
    /// first, then the rank change ("Amber → Green, down a band; rank 12 → 14").
    pub fn describe(&self) -> String {
        if self.is_unchanged() {
            "as published".to_owned()
        } else {
            format!("{}; {}", self.band_words(), self.rank_words())
        }
    }
}

/// A change of band in words, wherever it is shown: "Amber → Green, down a band",
/// "Green → Red, up two bands" or "still Amber".
pub fn band_change_words(from: Band, to: Band) -> String {
    let change = band_level(to) - band_level(from);
    let steps = match change.unsigned_abs() {
        0 => return format!("still {to}"),
        1 => "a band",
        _ => "two bands",
    };
    let direction = if change > 0 { "up" } else { "down" };
    format!("{from} → {to}, {direction} {steps}")
}

fn band_level(band: Band) -> i8 {
    match band {
        Band::Green => 0,
        Band::Amber => 1,
        Band::Red => 2,
    }
}

/// The movement of item `index` against `baseline`, if it has a published total.
pub fn movement(baseline: &Baseline, evaluation: &Evaluation, index: usize) -> Option<Movement> {
    let (_, from, rank_before) = baseline.items.get(index).copied().flatten()?;
    let now = evaluation.items.get(index)?;
    Some(Movement {
        from,
        to: now.band,
        rank_before,
        rank_after: now.rank,
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
    let index = ItemIndex::new(matrix);
    let mut rows: Vec<PriorityRow> = matrix
        .priorities
        .iter()
        .enumerate()
        .filter_map(|(p, priority)| {
            let item = index.of(&priority.item)?;
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

/// Up to this many priorities are found by scanning the items; more, through a map.
const SCAN_PRIORITIES: usize = 8;

/// Finds items by name as `Matrix::item_index` does (the first item with the name).
struct ItemIndex<'m> {
    matrix: &'m Matrix,
    /// When there are many priorities: each name's number, and its first item.
    map: Option<(Numbering<&'m str>, Vec<usize>)>,
}

impl<'m> ItemIndex<'m> {
    fn new(matrix: &'m Matrix) -> Self {
        let map = (matrix.priorities.len() > SCAN_PRIORITIES).then(|| {
            let mut numbering = Numbering::with_capacity(matrix.items.len());
            let mut first = Vec::with_capacity(matrix.items.len());
            for (i, item) in matrix.items.iter().enumerate() {
                if numbering.insert(item.name.as_str()).1 {
                    first.push(i);
                }
            }
            (numbering, first)
        });
        Self { matrix, map }
    }

    fn of(&self, name: &str) -> Option<usize> {
        match &self.map {
            Some((numbering, first)) => first.get(numbering.get(name)?).copied(),
            None => self.matrix.item_index(name),
        }
    }
}
