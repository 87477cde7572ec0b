//! Importing a matrix from CSV bytes or pasted text in one call: all or nothing, every
//! problem positioned. `ImportJob` does the same work in steps.

use super::import_job::{ImportJob, Imported};
use super::problem::Problem;
use crate::model::Matrix;

/// Imports a matrix from a file's bytes: decodes them (see `decode`), then reads the CSV.
///
/// # Errors
/// Every problem found (at most `MAX_PROBLEMS`), each with its row and column where it has
/// one; nothing is imported unless the whole file is right.
pub fn import_bytes(bytes: &[u8]) -> Result<Imported, Vec<Problem>> {
    ImportJob::from_bytes(bytes)?.finish()
}

/// Imports a matrix from text: a decoded file, or cells copied from Excel and pasted
/// (tab-separated). The delimiter (`,` `;` or tab) is detected, or named by a `sep=` line.
///
/// # Errors
/// Every problem found (at most `MAX_PROBLEMS`), each with its row and column where it has
/// one; nothing is imported unless the whole text is right.
pub fn import_text(text: &str) -> Result<Matrix, Vec<Problem>> {
    ImportJob::from_text(text)?
        .finish()
        .map(|imported| imported.matrix)
}
