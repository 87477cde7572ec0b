//! `Problem`: one reason an import was refused, positioned as a spreadsheet user counts.

use std::fmt;

/// One reason a file or pasted text could not be imported.
///
/// Rows and columns are counted as a spreadsheet shows them: row 1 is the first row of
/// the file (the header when the file has no metadata rows; a `sep=` line is not counted,
/// as Excel hides it), a quoted cell holding a line break is still one row, and column 1
/// is column A.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based spreadsheet row, when the problem belongs to one.
    pub row: Option<usize>,
    /// 1-based spreadsheet column (1 = A), when the problem belongs to one cell.
    pub column: Option<usize>,
    /// The column's header, e.g. "Public concern", when it has one.
    pub heading: Option<String>,
    /// What is wrong and how to fix it, in plain words.
    pub message: String,
}

impl Problem {
    /// A problem with the whole file.
    pub fn file(message: impl Into<String>) -> Self {
        Self {
            row: None,
            column: None,
            heading: None,
            message: message.into(),
        }
    }

    /// A problem with a whole row.
    pub fn row(row: usize, message: impl Into<String>) -> Self {
        Self {
            row: Some(row),
            column: None,
            heading: None,
            message: message.into(),
        }
    }

    /// A problem with one cell.
    pub fn cell(row: usize, column: usize, message: impl Into<String>) -> Self {
        Self {
            row: Some(row),
            column: Some(column),
            heading: None,
            message: message.into(),
        }
    }

    /// The same problem, naming the column's header.
    #[must_use]
    pub fn with_heading(mut self, heading: impl Into<String>) -> Self {
        let heading = heading.into();
        self.heading = (!heading.trim().is_empty()).then_some(heading);
        self
    }

    /// The spreadsheet letters of the problem's column ("D"), if it has one.
    pub fn column_letters(&self) -> Option<String> {
        self.column.map(column_letters)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, self.column) {
            (Some(row), Some(column)) => write!(f, "Row {row}, column {}", column_letters(column))?,
            (Some(row), None) => write!(f, "Row {row}")?,
            (None, Some(column)) => write!(f, "Column {}", column_letters(column))?,
            (None, None) => return f.write_str(&self.message),
        }
        if let (Some(_), Some(heading)) = (self.column, &self.heading) {
            write!(f, " ({heading})")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for Problem {}

/// Spreadsheet letters for a 1-based column number: 1 is "A", 26 "Z", 27 "AA".
/// Column 0, which no spreadsheet has, gives "?".
pub fn column_letters(column: usize) -> String {
    if column == 0 {
        return "?".to_owned();
    }
    let mut letters = Vec::new();
    let mut rest = column;
    while rest > 0 {
        let digit = (rest - 1) % 26;
        // `digit` is below 26, so the sum is an ASCII capital letter.
        letters.push(char::from(b'A' + u8::try_from(digit).unwrap_or(0)));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect()
}
