//! `AppState`, the user's gestures as `Action`s, and the pure `reduce` that applies them.
//! The one place where events meet the model; no storage, clock or randomness here.

use crate::model::{Matrix, Score, Settings, UnknownPolicy, Weight};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// One matrix being explored: the published original, the working copy and its settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatrixState {
    /// The matrix as loaded, kept for "Reset to published" and the baseline.
    pub published: Rc<Matrix>,
    /// The matrix with the user's score edits.
    pub matrix: Rc<Matrix>,
    /// The user's weights, thresholds and unknown-score policy.
    pub settings: Settings,
}

impl MatrixState {
    /// A fresh state for `matrix`, scored as published.
    pub fn new(matrix: Matrix) -> Self {
        let settings = Settings::published(&matrix);
        let matrix = Rc::new(matrix);
        Self {
            published: Rc::clone(&matrix),
            matrix,
            settings,
        }
    }

    /// True when scores or settings differ from the published ones.
    pub fn is_changed(&self) -> bool {
        let same_matrix =
            Rc::ptr_eq(&self.matrix, &self.published) || *self.matrix == *self.published;
        !same_matrix || self.settings != Settings::published(&self.published)
    }
}

/// A matrix that an import replaced, kept so the replacement can be undone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Replaced {
    /// Where it was in the switcher.
    pub index: usize,
    /// The matrix, its edits and settings, exactly as they were.
    pub previous: MatrixState,
    /// The title of the matrix that replaced it.
    pub by: String,
}

/// Everything the app holds: the matrices and which one is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppState {
    /// The matrices, in switcher order.
    pub matrices: Vec<MatrixState>,
    /// Index of the matrix on screen.
    pub active: usize,
    /// The matrix the last import replaced, until the import is undone or another happens.
    #[serde(default)]
    pub replaced: Option<Replaced>,
}

/// A user gesture.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The user picked another matrix.
    MatrixSelected(usize),
    /// The user moved a weight slider or typed a weight.
    WeightChanged { criterion: usize, weight: Weight },
    /// The user switched "rescale weights so totals stay on the published scale" on or off.
    RescaleToggled(bool),
    /// The user changed where Amber starts.
    AmberThresholdChanged(f64),
    /// The user changed where Red starts.
    RedThresholdChanged(f64),
    /// The user picked how '?' scores count.
    UnknownPolicyChanged(UnknownPolicy),
    /// The user edited one score.
    ScoreEdited {
        item: usize,
        criterion: usize,
        score: Score,
    },
    /// The user asked to return the shown matrix to its published scores and settings.
    ResetToPublished,
    /// A whole file was read without a problem: its matrix replaces the one shown.
    MatrixImported(Matrix),
    /// The user undid the last import: the matrix it replaced comes back as it was.
    ImportUndone,
}

impl AppState {
    /// A state showing the first of `matrices`.
    pub fn new(matrices: Vec<Matrix>) -> Self {
        Self {
            matrices: matrices.into_iter().map(MatrixState::new).collect(),
            active: 0,
            replaced: None,
        }
    }

    /// The matrix on screen, if there is one.
    pub fn current(&self) -> Option<&MatrixState> {
        self.matrices.get(self.active)
    }

    /// The state after `action`. Actions that refer to something that does not exist
    /// (an item or criterion out of range) leave the state unchanged.
    #[must_use]
    #[allow(clippy::needless_pass_by_value)] // an action is an event handed over, as Yew's `Reducible` does
    pub fn reduce(&self, action: Action) -> Self {
        let mut next = self.clone();
        match action {
            Action::MatrixSelected(index) => {
                if index < next.matrices.len() {
                    next.active = index;
                }
                return next;
            }
            Action::MatrixImported(matrix) => {
                let by = matrix.title.clone();
                let fresh = MatrixState::new(matrix);
                if let Some(slot) = next.matrices.get_mut(next.active) {
                    let previous = std::mem::replace(slot, fresh);
                    next.replaced = Some(Replaced {
                        index: next.active,
                        previous,
                        by,
                    });
                } else {
                    next.matrices.push(fresh);
                    next.active = next.matrices.len() - 1;
                }
                return next;
            }
            Action::ImportUndone => {
                if let Some(Replaced {
                    index, previous, ..
                }) = next.replaced.take()
                {
                    if let Some(slot) = next.matrices.get_mut(index) {
                        *slot = previous;
                        next.active = index;
                    }
                }
                return next;
            }
            _ => {}
        }
        let Some(current) = next.matrices.get_mut(next.active) else {
            return next;
        };
        apply(current, &action);
        next
    }
}

fn apply(current: &mut MatrixState, action: &Action) {
    let settings = &mut current.settings;
    match *action {
        Action::MatrixSelected(_) | Action::MatrixImported(_) | Action::ImportUndone => {}
        Action::WeightChanged { criterion, weight } => {
            if let Some(slot) = settings.weights.get_mut(criterion) {
                *slot = weight;
            }
        }
        Action::RescaleToggled(on) => settings.rescale = on,
        Action::AmberThresholdChanged(value) => {
            settings.thresholds = settings.thresholds.with_amber(value);
        }
        Action::RedThresholdChanged(value) => {
            settings.thresholds = settings.thresholds.with_red(value);
        }
        Action::UnknownPolicyChanged(policy) => settings.unknown_policy = policy,
        Action::ScoreEdited {
            item,
            criterion,
            score,
        } => {
            let in_range = current
                .matrix
                .items
                .get(item)
                .is_some_and(|row| criterion < row.scores.len());
            if in_range {
                Rc::make_mut(&mut current.matrix).items[item].scores[criterion] = score;
            }
        }
        Action::ResetToPublished => {
            current.matrix = Rc::clone(&current.published);
            current.settings = Settings::published(&current.published);
        }
    }
}
