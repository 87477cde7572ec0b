//! `AppState`, the user's gestures as `Action`s, and the pure `reduce` that applies them.
//! The one place where events meet the model; no storage, clock or randomness here.

mod edit;
mod history;
mod matrix_state;

pub use history::{History, Step, UNDO_LIMIT};
pub use matrix_state::{Compare, MatrixState, Snapshot};

use crate::model::{BoardDecision, Matrix, Score, UnknownPolicy, Weight};
use serde::{Deserialize, Serialize};

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

/// Everything the app holds: the matrices, which one is shown, and the edit history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppState {
    /// The matrices, in switcher order.
    pub matrices: Vec<MatrixState>,
    /// Index of the matrix on screen.
    pub active: usize,
    /// The matrix the last import replaced, until the import is undone or another happens.
    #[serde(default)]
    pub replaced: Option<Replaced>,
    /// Undo and redo.
    #[serde(default)]
    pub history: History,
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
    /// The user asked to return the shown matrix to its published scores, settings and
    /// decisions.
    ResetToPublished,
    /// The user saved the current what-if as a new scenario with this name.
    ScenarioSaved(String),
    /// The user opened a scenario from a share link: it is added and shown.
    ScenarioOpened(crate::model::Scenario),
    /// The user switched to a saved scenario.
    ScenarioSelected(usize),
    /// The user switched to the published assessment (no scenario).
    PublishedSelected,
    /// The user renamed a scenario.
    ScenarioRenamed { scenario: usize, name: String },
    /// The user duplicated a scenario.
    ScenarioDuplicated(usize),
    /// The user deleted a scenario.
    ScenarioDeleted(usize),
    /// The user opened (or closed, with `None`) an item's explanation.
    ItemSelected(Option<usize>),
    /// The user sorted or filtered the table and the ranked list.
    ViewChanged(crate::engine::TableView),
    /// The user chose what the current what-if is compared with.
    CompareChosen(Compare),
    /// The user recorded a board decision.
    DecisionAdded(BoardDecision),
    /// The user removed a board decision.
    DecisionRemoved(usize),
    /// The user asked to undo the last edit.
    Undone,
    /// The user asked to redo the last edit undone.
    Redone,
    /// A whole file was read without a problem: its matrix replaces the one shown.
    MatrixImported(Matrix),
    /// The user undid the last import: the matrix it replaced comes back as it was.
    ImportUndone,
    /// A saved workspace replaces everything (already checked when it was read).
    WorkspaceLoaded(Box<AppState>),
}

impl AppState {
    /// A state showing the first of `matrices`.
    pub fn new(matrices: Vec<Matrix>) -> Self {
        Self {
            matrices: matrices.into_iter().map(MatrixState::new).collect(),
            active: 0,
            replaced: None,
            history: History::default(),
        }
    }

    /// The matrix on screen, if there is one.
    pub fn current(&self) -> Option<&MatrixState> {
        self.matrices.get(self.active)
    }

    /// True when there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.history.undo.is_empty()
    }

    /// True when there is an undone edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.history.redo.is_empty()
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
                    next.history.close_run();
                }
            }
            Action::MatrixImported(matrix) => next.import(matrix),
            Action::ImportUndone => next.undo_import(),
            Action::WorkspaceLoaded(state) => return *state,
            Action::Undone => next.step_back(),
            Action::Redone => next.step_forward(),
            edit => next.edit(&edit),
        }
        next
    }

    /// Applies an edit of the shown matrix and records it for undo when it changed anything.
    fn edit(&mut self, action: &Action) {
        let active = self.active;
        let Some(current) = self.matrices.get_mut(active) else {
            return;
        };
        let before = current.snapshot();
        edit::apply(current, action);
        current.sync_scenario();
        if current.snapshot() != before {
            self.history.record(active, before, edit::run_key(action));
        }
    }

    fn import(&mut self, matrix: Matrix) {
        let by = matrix.title.clone();
        let fresh = MatrixState::new(matrix);
        if let Some(slot) = self.matrices.get_mut(self.active) {
            let previous = std::mem::replace(slot, fresh);
            self.replaced = Some(Replaced {
                index: self.active,
                previous,
                by,
            });
            self.history.forget(self.active);
        } else {
            self.matrices.push(fresh);
            self.active = self.matrices.len() - 1;
        }
    }

    fn undo_import(&mut self) {
        if let Some(Replaced {
            index, previous, ..
        }) = self.replaced.take()
        {
            if let Some(slot) = self.matrices.get_mut(index) {
                *slot = previous;
                self.active = index;
                self.history.forget(index);
            }
        }
    }

    fn step_back(&mut self) {
        let step = self.history.undo.pop();
        if let Some(done) = step.and_then(|step| self.restore(step)) {
            self.history.redo.push(done);
        }
    }

    fn step_forward(&mut self) {
        let step = self.history.redo.pop();
        if let Some(done) = step.and_then(|step| self.restore(step)) {
            self.history.undo.push(done);
        }
    }

    /// Puts back the snapshot `step` holds and shows its matrix; returns the step that
    /// reverses it (the matrix as it was just before).
    fn restore(&mut self, step: Step) -> Option<Step> {
        let matrix = self.matrices.get_mut(step.matrix)?;
        let now = matrix.snapshot();
        matrix.restore(step.snapshot);
        self.active = step.matrix;
        Some(Step {
            matrix: step.matrix,
            snapshot: now,
            key: None,
        })
    }
}
