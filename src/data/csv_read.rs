//! A quote-aware CSV reader that finds the delimiter and counts rows as a spreadsheet does.
//!
//! It refuses unclosed quotes and binary characters instead of swallowing them.
//! Written by hand rather than with the csv crate because that crate skips blank lines,
//! miscounts lines in CR files and reads an unclosed quote as "the rest of the file".

use super::problem::Problem;
use std::iter::Peekable;
use std::str::Chars;

/// The delimiters tried when a file does not name one with a `sep=` line.
const CANDIDATES: [char; 3] = [',', ';', '\t'];

/// The most columns a row may have: Excel's limit (column XFD).
const MAX_COLUMNS: usize = 16_384;

/// How many rows delimiter detection looks at before giving up on finding a header.
const DETECTION_ROWS: usize = 200;

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

/// Reads `text` into rows: a `sep=` first line names the delimiter, otherwise the one
/// that splits the header row into the most cells is used.
///
/// # Errors
/// A positioned `Problem` for an unclosed quote or a control character (a NUL byte,
/// binary data), or a `sep=` line that names no usable delimiter.
pub(crate) fn read_records(text: &str) -> Result<Vec<Record>, Problem> {
    let (body, named) = split_sep_line(text)?;
    let delimiter = named.unwrap_or_else(|| detect_delimiter(body));
    let mut reader = Reader::new(body, delimiter);
    let mut records = Vec::new();
    while let Some(record) = reader.next_record()? {
        // Blank rows are only counted (each record keeps its own row number), not kept:
        // a file of nothing but line breaks would otherwise fill memory.
        if !record.is_blank() {
            records.push(record);
        }
    }
    Ok(records)
}

/// The spreadsheet row that the end of `prefix` falls in (1-based), counting a quoted
/// line break as part of its row and not counting a `sep=` first line.
pub(crate) fn row_at(prefix: &str) -> usize {
    let mut rows = 1;
    let mut in_quotes = false;
    let mut chars = prefix.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\r' | '\n' if !in_quotes => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                rows += 1;
            }
            _ => {}
        }
    }
    let has_sep_line = prefix
        .get(..4)
        .is_some_and(|start| start.eq_ignore_ascii_case("sep="));
    if has_sep_line && rows > 1 {
        rows - 1
    } else {
        rows
    }
}

/// Splits off Excel's `sep=;` first line, returning the rest and the delimiter it names.
fn split_sep_line(text: &str) -> Result<(&str, Option<char>), Problem> {
    let line_end = text.find(['\r', '\n']).unwrap_or(text.len());
    let line = text.get(..line_end).unwrap_or_default();
    let is_sep = line
        .get(..4)
        .is_some_and(|start| start.eq_ignore_ascii_case("sep="));
    if !is_sep {
        return Ok((text, None));
    }
    let rest = text.get(line_end..).unwrap_or_default();
    let body = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix(['\r', '\n']))
        .unwrap_or(rest);
    match line.get(4..).and_then(|named| named.chars().next()) {
        Some(delimiter) if delimiter != '"' && !delimiter.is_alphanumeric() => Ok((body, Some(delimiter))),
        _ => Err(Problem::file(
            "The first line starts with 'sep=' but names no usable separator; write sep=, or sep=; \
             or delete the line.",
        )),
    }
}

/// The candidate delimiter that splits the header row (the first row that is neither
/// blank nor metadata) into the most cells; a comma when none splits it.
fn detect_delimiter(body: &str) -> char {
    let mut best = (CANDIDATES[0], 0);
    for candidate in CANDIDATES {
        let width = header_width(body, candidate);
        if width > best.1 {
            best = (candidate, width);
        }
    }
    best.0
}

fn header_width(body: &str, delimiter: char) -> usize {
    let mut reader = Reader::new(body, delimiter);
    for _ in 0..DETECTION_ROWS {
        match reader.next_record() {
            Ok(Some(record)) if record.is_blank() || record.is_metadata() => {}
            Ok(Some(record)) => return record.width(),
            Ok(None) | Err(_) => return 0,
        }
    }
    0
}

/// Reads records one at a time from text with a known delimiter.
struct Reader<'a> {
    chars: Peekable<Chars<'a>>,
    delimiter: char,
    next_row: usize,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, delimiter: char) -> Self {
        Self {
            chars: text.chars().peekable(),
            delimiter,
            next_row: 1,
        }
    }

    /// The next record, or `None` at the end (a final line break adds no empty row).
    fn next_record(&mut self) -> Result<Option<Record>, Problem> {
        if self.chars.peek().is_none() {
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
                    if self.chars.next_if_eq(&'"').is_some() {
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
                        self.chars.next_if_eq(&'\n');
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
