//! `ImportJob`: an import done a bounded number of rows at a time, so that a page can show
//! progress and stay responsive between steps. Its outcome is exactly that of `import_bytes`
//! or `import_text` (which run a job to the end), and nothing partial ever comes out of it.

use super::decode::{decode, windows_1252_note, TextEncoding, MAX_IMPORT_BYTES};
use super::problem::Problem;
use super::read::{Cursor, Reader};
use super::rows::MatrixRows;
use super::start::start;
use crate::model::Matrix;

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

/// An import under way: the decoded text, how far reading has got, and what it has found.
///
/// ```
/// use matrix_explorer::data::{ImportJob, Progress};
/// let mut job = ImportJob::from_text("Item,Volume\nMurder,1\nArson,2\n").unwrap();
/// while let Progress::Working { done, total } = job.step(1) {
///     assert!(done <= total);
/// }
/// assert_eq!(job.finish().unwrap().matrix.items.len(), 2);
/// ```
#[derive(Debug)]
pub struct ImportJob {
    /// The text, without a byte order mark.
    text: String,
    cursor: Cursor,
    /// The most rows the text can hold, counted before reading.
    total: usize,
    encoding: TextEncoding,
    notes: Vec<String>,
    state: State,
}

#[derive(Debug)]
enum State {
    Reading(Box<MatrixRows>),
    Done(Result<Box<Matrix>, Vec<Problem>>),
}

/// How far an `ImportJob` has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Not finished yet: `done` rows have been read of at most `total` (the number of lines;
    /// a quoted cell with line breaks makes it an overestimate). `done` never decreases and
    /// never exceeds `total`, which stays the same for the whole job.
    Working {
        /// Spreadsheet rows read so far, blank ones included.
        done: usize,
        /// The most rows the file can hold.
        total: usize,
    },
    /// Every row has been read and checked: `finish` now returns the outcome at once.
    Finished,
}

impl ImportJob {
    /// Starts importing a file's bytes: decodes them (see `decode`) and finds the delimiter.
    ///
    /// # Errors
    /// The problem when the bytes cannot be read as text (empty, too large, a workbook, a
    /// bad encoding) or a `sep=` line names no usable delimiter: the same problems
    /// `import_bytes` gives for them.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Vec<Problem>> {
        let decoded = decode(bytes).map_err(|error| vec![Problem::from(error)])?;
        Self::new(decoded.text, decoded.encoding, &decoded.to_check)
    }

    /// Starts importing text, such as cells pasted from Excel. The outcome's encoding is
    /// `TextEncoding::Utf8` and it has no notes.
    ///
    /// # Errors
    /// The problem when the text is too large or empty or a `sep=` line names no usable
    /// delimiter: the same problems `import_text` gives for them.
    pub fn from_text(text: &str) -> Result<Self, Vec<Problem>> {
        // Checked before copying, so that an oversized text is not copied first.
        check_size(text)?;
        Self::new(text.to_owned(), TextEncoding::Utf8, &[])
    }

    /// A job over `text`, read with `encoding`; `to_check` is what `Decoded` gives for it.
    fn new(
        mut text: String,
        encoding: TextEncoding,
        to_check: &[char],
    ) -> Result<Self, Vec<Problem>> {
        check_size(&text)?;
        if text.starts_with('\u{FEFF}') {
            text.drain(..'\u{FEFF}'.len_utf8());
        }
        if text.trim().is_empty() {
            return Err(vec![Problem::file("The file is empty.")]);
        }
        let cursor = start(&text).map_err(|problem| vec![problem])?;
        // Worded once the delimiter is known, to name what was read.
        let notes = if encoding == TextEncoding::Windows1252 {
            vec![windows_1252_note(to_check, cursor.delimiter())]
        } else {
            Vec::new()
        };
        Ok(Self {
            total: cursor.rows_left(&text),
            text,
            cursor,
            encoding,
            notes,
            state: State::Reading(Box::default()),
        })
    }

    /// Reads at most `max_rows` more rows (at least one); the step that reads the last row
    /// then puts the matrix together or lists the problems. A job of `r` rows (the `total`
    /// of `Progress::Working`) takes at most `ceil(r / max_rows)` steps, and one when `r` is 0.
    pub fn step(&mut self, max_rows: usize) -> Progress {
        let State::Reading(rows) = &mut self.state else {
            return Progress::Finished;
        };
        let mut reader = Reader::resume(&self.text, self.cursor);
        let mut read = 0;
        let outcome = loop {
            match reader.next_record() {
                Err(problem) => break Some(Err(vec![problem])),
                Ok(None) => break Some(rows.end()),
                Ok(Some(record)) => {
                    rows.add(&record);
                    read += 1;
                    // The step that reads the last row also finishes the job.
                    if read >= max_rows && !reader.at_end() {
                        break None;
                    }
                }
            }
        };
        self.cursor = reader.cursor();
        match outcome {
            Some(outcome) => {
                self.state = State::Done(outcome.map(Box::new));
                Progress::Finished
            }
            None => self.progress(),
        }
    }

    /// How far the job has got, without doing any more.
    pub fn progress(&self) -> Progress {
        match self.state {
            State::Reading(_) => Progress::Working {
                done: self.cursor.rows_read(),
                total: self.total,
            },
            State::Done(_) => Progress::Finished,
        }
    }

    /// The outcome: reads whatever rows are left, then returns the matrix and how the file
    /// was read.
    ///
    /// # Errors
    /// Every problem found (at most `MAX_PROBLEMS`), each with its row and column where it
    /// has one; nothing is imported unless the whole file is right.
    pub fn finish(mut self) -> Result<Imported, Vec<Problem>> {
        loop {
            if let State::Done(outcome) = self.state {
                return outcome.map(|matrix| Imported {
                    matrix: *matrix,
                    encoding: self.encoding,
                    notes: self.notes,
                });
            }
            self.step(usize::MAX);
        }
    }
}

fn check_size(text: &str) -> Result<(), Vec<Problem>> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(vec![Problem::file(format!(
            "The text is larger than {} MB, the most that can be imported.",
            MAX_IMPORT_BYTES / (1024 * 1024)
        ))]);
    }
    Ok(())
}
