//! Where a text's rows start and what separates their cells: Excel's `sep=` first line,
//! delimiter detection, and the spreadsheet row of a position in the text.

use super::csv_read::{Cursor, Reader};
use super::problem::Problem;

/// The delimiters tried when a file does not name one with a `sep=` line.
const CANDIDATES: [char; 3] = [',', ';', '\t'];

/// How many rows delimiter detection looks at before giving up on finding a header.
const DETECTION_ROWS: usize = 200;

/// The start of `text`'s rows: after a `sep=` first line, which names the delimiter;
/// otherwise the delimiter is the one that splits the header row into the most cells.
///
/// # Errors
/// A `sep=` line that names no usable delimiter.
pub(crate) fn start(text: &str) -> Result<Cursor, Problem> {
    let (body, named) = split_sep_line(text)?;
    let delimiter = named.unwrap_or_else(|| detect_delimiter(body));
    // The body is the end of the text, so its offset is the length of what comes before it.
    Ok(Cursor::new(text.len() - body.len(), delimiter))
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
    let mut reader = Reader::resume(body, Cursor::new(0, delimiter));
    for _ in 0..DETECTION_ROWS {
        match reader.next_record() {
            Ok(Some(record)) if record.is_blank() || record.is_metadata() => {}
            Ok(Some(record)) => return record.width(),
            Ok(None) | Err(_) => return 0,
        }
    }
    0
}
