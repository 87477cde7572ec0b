//! Importing a matrix from CSV bytes or pasted text in one call: all or nothing, every
//! problem positioned. `ImportJob` does the same work in steps.

use super::decode::TextEncoding;
use super::import_job::ImportJob;
use super::problem::Problem;
use crate::model::Matrix;

/// The most problems reported for one import; the rest are counted in a last problem.
pub const MAX_PROBLEMS: usize = 50;

/// The title given to a matrix whose file has no `# title` row.
pub const DEFAULT_TITLE: &str = "Imported matrix";

/// A matrix read from a file, with how the file was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The matrix.
    pub matrix: Matrix,
    /// The encoding the file was read with.
    pub encoding: TextEncoding,
    /// Things to show the user, e.g. that the file was read as Windows-1252.
    pub notes: Vec<String>,
}

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
