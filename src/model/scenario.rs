//! What a user keeps of a what-if: score edits against the published matrix, board decisions,
//! and named scenarios holding both with their settings.

use super::{Matrix, Score, Settings};
use serde::{Deserialize, Serialize};

/// One score changed from its published value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreEdit {
    /// The item's index in the matrix.
    pub item: usize,
    /// The criterion's index in the matrix.
    pub criterion: usize,
    /// The score now.
    pub score: Score,
}

/// Score edits, sorted by item then criterion, none equal to the published score.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Edits(Vec<ScoreEdit>);

impl Edits {
    /// No edits.
    pub fn new() -> Self {
        Self::default()
    }

    /// The edits in order.
    pub fn as_slice(&self) -> &[ScoreEdit] {
        &self.0
    }

    /// True when nothing is edited.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Records that the score at (`item`, `criterion`) is `score`, given its `published`
    /// score: an edit back to the published score removes the edit.
    pub fn set(&mut self, item: usize, criterion: usize, score: Score, published: Score) {
        let at = self
            .0
            .binary_search_by_key(&(item, criterion), |e| (e.item, e.criterion));
        match (at, score == published) {
            (Ok(index), true) => {
                self.0.remove(index);
            }
            (Ok(index), false) => self.0[index].score = score,
            (Err(_), true) => {}
            (Err(index), false) => self.0.insert(
                index,
                ScoreEdit {
                    item,
                    criterion,
                    score,
                },
            ),
        }
    }

    /// The edits that turn `published` into `edited` (same items and criteria).
    pub fn between(published: &Matrix, edited: &Matrix) -> Self {
        let mut edits = Vec::new();
        for (item, (before, after)) in published.items.iter().zip(&edited.items).enumerate() {
            for (criterion, (&was, &now)) in before.scores.iter().zip(&after.scores).enumerate() {
                if was != now {
                    edits.push(ScoreEdit {
                        item,
                        criterion,
                        score: now,
                    });
                }
            }
        }
        Self(edits)
    }

    /// `published` with these edits applied; edits outside the matrix are ignored.
    pub fn apply(&self, published: &Matrix) -> Matrix {
        let mut matrix = published.clone();
        for edit in &self.0 {
            if let Some(slot) = matrix
                .items
                .get_mut(edit.item)
                .and_then(|item| item.scores.get_mut(edit.criterion))
            {
                *slot = edit.score;
            }
        }
        matrix
    }

    /// True when every edit names an item and criterion of `matrix`, in order, once, and
    /// differs from the published score.
    pub fn fit(&self, matrix: &Matrix) -> bool {
        let ordered = self
            .0
            .windows(2)
            .all(|w| (w[0].item, w[0].criterion) < (w[1].item, w[1].criterion));
        ordered
            && self.0.iter().all(|edit| {
                matrix
                    .items
                    .get(edit.item)
                    .and_then(|item| item.scores.get(edit.criterion))
                    .is_some_and(|published| *published != edit.score)
            })
    }
}

/// A board decision: an item put on or taken off the priority list whatever its band.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardDecision {
    /// What the board named, e.g. "Residential burglary" or "Violent crime".
    pub subject: String,
    /// The matrix items it covers, by name.
    pub items: Vec<String>,
    /// True when the board added the items to the priorities; false when it removed them.
    pub include: bool,
    /// Why, in the board's words.
    pub reason: String,
    /// When, as written by the user (e.g. "2026-11-29" or "October 2007").
    pub date: String,
}

/// A named what-if: settings, score edits and board decisions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// The name the user gave it.
    pub name: String,
    /// Weights, rescaling, thresholds and the unknown-score policy.
    pub settings: Settings,
    /// Scores changed from the published matrix.
    pub edits: Edits,
    /// The board decisions that go with it.
    pub decisions: Vec<BoardDecision>,
}
