//! Where a text's rows start and what separates their cells: Excel's `sep=` first line,
//! delimiter detection, and the spreadsheet row of a position in the text.

use super::problem::Problem;
use super::read::Cursor;

/// The delimiters tried when a file does not name one with a `sep=` line, in order of
/// preference when they split the header into as many cells.
const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];

/// How many rows delimiter detection looks at before giving up on finding a header.
const DETECTION_ROWS: usize = 200;

/// The start of `text`'s rows: after a `sep=` first line, which names the delimiter;
/// otherwise the delimiter is the one that splits the header row into the most cells,
/// separators in quoted cells not counting.
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
fn split_sep_line(text: &str) -> Result<(&str, Option<u8>), Problem> {
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
    let named = line.get(4..).and_then(|named| named.chars().next());
    let usable = named
        .filter(char::is_ascii)
        .and_then(|c| u8::try_from(c).ok())
        .filter(|&byte| byte != b'"' && !byte.is_ascii_alphanumeric());
    match usable {
        Some(delimiter) => Ok((body, Some(delimiter))),
        None => Err(Problem::file(
            "The first line starts with 'sep=' but names no usable separator; write sep=, or sep=; \
             or delete the line.",
        )),
    }
}

/// The candidate delimiter that splits the header row (the first row that is neither
/// blank nor metadata) into the most cells; a comma when none splits it.
fn detect_delimiter(body: &str) -> u8 {
    let mut best = (CANDIDATES[0], 0);
    for candidate in CANDIDATES {
        let width = header_width(body.as_bytes(), candidate);
        if width > best.1 {
            best = (candidate, width);
        }
    }
    best.0
}

/// The width of the header row read with `delimiter`: its cells up to the last that is not
/// blank. Quotes are read the same way for every candidate, so that a separator inside a
/// quoted cell never counts: a quote opens a quoted cell at the start of a row or just after
/// any candidate, and a quote inside it ends it unless doubled.
fn header_width(body: &[u8], delimiter: u8) -> usize {
    let mut rest = body;
    for _ in 0..DETECTION_ROWS {
        if rest.is_empty() {
            return 0;
        }
        let (row, after) = scan_row(rest, delimiter);
        if !row.blank && !row.metadata {
            return row.width;
        }
        rest = after;
    }
    0
}

/// What delimiter detection needs to know of a row.
struct RowShape {
    /// Every cell is empty or spaces.
    blank: bool,
    /// The first cell starts with `#` and names something.
    metadata: bool,
    /// The cells up to the last that is not blank.
    width: usize,
}

/// Reads the row `text` starts with, split at `delimiter`: its shape and the text after it.
fn scan_row(text: &[u8], delimiter: u8) -> (RowShape, &[u8]) {
    let mut cells = CellWidth::default();
    let mut in_quotes = false;
    let mut quote_may_open = true;
    let mut index = 0;
    while let Some(&byte) = text.get(index) {
        index += 1;
        if in_quotes {
            if byte == b'"' {
                if text.get(index) == Some(&b'"') {
                    index += 1;
                } else {
                    in_quotes = false;
                    continue;
                }
            }
        } else if byte == b'"' && quote_may_open {
            in_quotes = true;
            continue;
        } else if byte == b'\r' || byte == b'\n' {
            if byte == b'\r' && text.get(index) == Some(&b'\n') {
                index += 1;
            }
            break;
        } else if byte == delimiter {
            cells.end_cell();
            quote_may_open = true;
            continue;
        }
        quote_may_open = !in_quotes && CANDIDATES.contains(&byte);
        cells.cell.push(byte);
    }
    cells.end_cell();
    let shape = RowShape {
        blank: cells.width == 0,
        metadata: cells.metadata,
        width: cells.width,
    };
    (shape, text.get(index..).unwrap_or_default())
}

/// The cells of a row as they end: how many, which was the last that is not blank, and
/// whether the first makes the row metadata.
#[derive(Default)]
struct CellWidth {
    /// The cell being read.
    cell: Vec<u8>,
    ended: usize,
    width: usize,
    metadata: bool,
}

impl CellWidth {
    fn end_cell(&mut self) {
        // Cells end at ASCII bytes, so they hold whole characters.
        let text = String::from_utf8_lossy(&self.cell);
        if !text.trim().is_empty() {
            self.width = self.ended + 1;
        }
        if self.ended == 0 {
            self.metadata = text
                .trim_start()
                .strip_prefix('#')
                .is_some_and(|key| !key.trim().is_empty());
        }
        self.ended += 1;
        self.cell.clear();
    }
}
