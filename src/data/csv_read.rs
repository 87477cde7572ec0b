//! A quote-aware CSV reader that counts rows as a spreadsheet does and can stop and resume
//! between rows.
//!
//! It refuses unclosed quotes and binary characters instead of swallowing them.
//! Written by hand rather than with the csv crate because that crate skips blank lines,
//! miscounts lines in CR files and reads an unclosed quote as "the rest of the file".

use super::problem::Problem;
use std::str::Chars;

/// The most columns a row may have: Excel's limit (column XFD).
const MAX_COLUMNS: usize = 16_384;

/// One row of the file: its spreadsheet row number and its cells, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    /// 1-based spreadsheet row.
    pub row: usize,
    /// The cells, quotes removed; a blank line is one empty cell.
    pub cells: Vec<String>,
}

impl Record {
    /// True when every cell is empty or spaces.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|cell| cell.trim().is_empty())
    }

    /// True for a metadata row: its first cell starts with `#` and names something.
    /// A first cell that is only `#` is a header (spreadsheets number rows under "#").
    pub fn is_metadata(&self) -> bool {
        self.cells
            .first()
            .and_then(|cell| cell.trim_start().strip_prefix('#'))
            .is_some_and(|key| !key.trim().is_empty())
    }

    /// The number of cells up to the last one that is not empty.
    pub fn width(&self) -> usize {
        self.cells
            .iter()
            .rposition(|cell| !cell.trim().is_empty())
            .map_or(0, |last| last + 1)
    }
}

/// Where reading has got to in a text: the byte offset of the next record, that record's
/// spreadsheet row and the delimiter. Reading resumes from it, so a large file can be read
/// a few rows at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cursor {
    offset: usize,
    next_row: usize,
    delimiter: char,
}

impl Cursor {
    /// The first row of a text whose rows start at byte `offset`.
    pub fn new(offset: usize, delimiter: char) -> Self {
        Self {
            offset,
            next_row: 1,
            delimiter,
        }
    }

    /// The rows read so far, blank ones included.
    pub fn rows_read(self) -> usize {
        self.next_row - 1
    }

    /// The most rows the rest of `text` can hold: one per line break (a CR LF pair is one),
    /// plus a last row without one. Quoted line breaks make it an overestimate.
    pub fn rows_left(self, text: &str) -> usize {
        let rest = text.get(self.offset..).unwrap_or_default().as_bytes();
        let mut lines = 0;
        let mut after_cr = false;
        for &byte in rest {
            if byte == b'\r' || (byte == b'\n' && !after_cr) {
                lines += 1;
            }
            after_cr = byte == b'\r';
        }
        let ends_in_break = matches!(rest.last(), Some(b'\r' | b'\n'));
        lines + usize::from(!rest.is_empty() && !ends_in_break)
    }
}

/// Reads records one at a time from text with a known delimiter.
pub(crate) struct Reader<'a> {
    text: &'a str,
    chars: Chars<'a>,
    delimiter: char,
    next_row: usize,
}

impl<'a> Reader<'a> {
    /// Reads `text` on from `cursor`, which must come from the same text.
    pub fn resume(text: &'a str, cursor: Cursor) -> Self {
        Self {
            text,
            chars: text.get(cursor.offset..).unwrap_or_default().chars(),
            delimiter: cursor.delimiter,
            next_row: cursor.next_row,
        }
    }

    /// Where the reader has got to, to resume from later.
    pub fn cursor(&self) -> Cursor {
        Cursor {
            offset: self.text.len() - self.chars.as_str().len(),
            next_row: self.next_row,
            delimiter: self.delimiter,
        }
    }

    /// True when every record has been read.
    pub fn at_end(&self) -> bool {
        self.chars.as_str().is_empty()
    }

    /// Skips the next character if it is `c`; says whether it did.
    fn skip(&mut self, c: char) -> bool {
        let next = self.chars.as_str().starts_with(c);
        if next {
            self.chars.next();
        }
        next
    }

    /// The next record, or `None` at the end (a final line break adds no empty row).
    pub fn next_record(&mut self) -> Result<Option<Record>, Problem> {
        if self.at_end() {
            return Ok(None);
        }
        let row = self.next_row;
        self.next_row += 1;
        let mut cells = Vec::new();
        let mut field = String::new();
        let mut at_field_start = true;
        let mut in_quotes = false;
        loop {
            let column = cells.len() + 1;
            let Some(c) = self.chars.next() else {
                if in_quotes {
                    return Err(unclosed_quote(row, column));
                }
                cells.push(field);
                return Ok(Some(Record { row, cells }));
            };
            if in_quotes {
                if c == '"' {
                    if self.skip('"') {
                        field.push('"');
                    } else {
                        in_quotes = false;
                    }
                } else {
                    check_character(c, row, column)?;
                    field.push(c);
                }
                continue;
            }
            match c {
                '"' if at_field_start => {
                    in_quotes = true;
                    at_field_start = false;
                }
                '\r' | '\n' => {
                    if c == '\r' {
                        self.skip('\n');
                    }
                    cells.push(field);
                    return Ok(Some(Record { row, cells }));
                }
                c if c == self.delimiter => {
                    if cells.len() >= MAX_COLUMNS {
                        let message = format!(
                            "This row has more than {MAX_COLUMNS} columns, more than a spreadsheet can hold."
                        );
                        return Err(Problem::row(row, message));
                    }
                    cells.push(std::mem::take(&mut field));
                    at_field_start = true;
                }
                _ => {
                    check_character(c, row, column)?;
                    field.push(c);
                    at_field_start = false;
                }
            }
        }
    }
}

fn unclosed_quote(row: usize, column: usize) -> Problem {
    Problem::cell(
        row,
        column,
        "This cell opens a quote (\") that is never closed, so everything after it would be \
         swallowed into this one cell. Remove the stray quote mark or add the closing one.",
    )
}

/// Refuses control characters other than tab and line breaks: text files do not have them.
fn check_character(c: char, row: usize, column: usize) -> Result<(), Problem> {
    if !c.is_control() || matches!(c, '\t' | '\r' | '\n') {
        return Ok(());
    }
    let what = if c == '\0' {
        "a NUL byte".to_owned()
    } else {
        format!("the control character U+{:04X}", u32::from(c))
    };
    Err(Problem::cell(
        row,
        column,
        format!(
            "This cell contains {what}, so this is not a plain text CSV file (it may be a \
             spreadsheet, a binary file, or UTF-16 text without a byte order mark). \
             In Excel, save it as 'CSV UTF-8 (Comma delimited)'."
        ),
    ))
}
