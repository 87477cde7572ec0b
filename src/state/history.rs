//! Undo and redo: for each edit, the snapshot of the matrix it changed, as it was before.

use super::matrix_state::Snapshot;
use serde::{Deserialize, Serialize};

/// How many edits can be undone.
pub const UNDO_LIMIT: usize = 100;

/// One edit as it can be undone: which matrix, and that matrix's user part before it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The matrix's index in the switcher.
    pub matrix: usize,
    /// Its snapshot before the edit (or, on the redo stack, before the undo).
    pub snapshot: Snapshot,
    /// Edits of one control in a row (a slider dragged, a weight typed) share one step:
    /// the control's key, when the edit came from one.
    pub key: Option<String>,
}

/// The undo and redo stacks.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct History {
    /// Edits that can be undone, oldest first.
    pub undo: Vec<Step>,
    /// Edits undone that can be redone, most recently undone last.
    pub redo: Vec<Step>,
}

impl History {
    /// Records an edit of `matrix` whose state before was `before`. A run of edits with the
    /// same `key` on the same matrix is one step, so one drag is one undo.
    pub fn record(&mut self, matrix: usize, before: Snapshot, key: Option<String>) {
        self.redo.clear();
        let same_run = key.is_some()
            && self
                .undo
                .last()
                .is_some_and(|last| last.matrix == matrix && last.key == key);
        if same_run {
            return;
        }
        self.undo.push(Step {
            matrix,
            snapshot: before,
            key,
        });
        if self.undo.len() > UNDO_LIMIT {
            let excess = self.undo.len() - UNDO_LIMIT;
            self.undo.drain(..excess);
        }
    }

    /// Ends the current run, so the next edit of the same control is a step of its own.
    pub fn close_run(&mut self) {
        if let Some(last) = self.undo.last_mut() {
            last.key = None;
        }
    }

    /// Forgets every step of `matrix` (its published matrix was replaced).
    pub fn forget(&mut self, matrix: usize) {
        self.undo.retain(|step| step.matrix != matrix);
        self.redo.retain(|step| step.matrix != matrix);
    }
}
