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
        *self.matrix != *self.published || self.settings != Settings::published(&self.published)
    }
}

/// Everything the app holds: the matrices and which one is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppState {
    /// The matrices, in switcher order.
    pub matrices: Vec<MatrixState>,
    /// Index of the matrix on screen.
    pub active: usize,
}

/// A user gesture.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The user picked another matrix.
    MatrixSelected(usize),
    /// The user moved a weight slider or typed a weight.
    WeightChanged { criterion: usize, weight: Weight },
    /// The user switched "keep the 0-24 scale" on or off.
    KeepScaleToggled(bool),
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
}

impl AppState {
    /// A state showing the first of `matrices`.
    pub fn new(matrices: Vec<Matrix>) -> Self {
        Self {
            matrices: matrices.into_iter().map(MatrixState::new).collect(),
            active: 0,
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
        if let Action::MatrixSelected(index) = action {
            if index < next.matrices.len() {
                next.active = index;
            }
            return next;
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
        Action::MatrixSelected(_) => {}
        Action::WeightChanged { criterion, weight } => {
            if let Some(slot) = settings.weights.get_mut(criterion) {
                *slot = weight;
            }
        }
        Action::KeepScaleToggled(on) => settings.keep_scale = on,
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
