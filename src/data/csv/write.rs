//! Writing CSV that Excel opens correctly: UTF-8 with a byte order mark and CRLF line ends.
//!
//! Text cells are escaped against formula injection; numbers are left as numbers.

use super::cells::escape_cell;

/// One cell to write.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell<'a> {
    /// Text: escaped with `escape_cell`, then quoted when needed.
    Text(&'a str),
    /// A number, written as it is so a spreadsheet reads it as a number.
    Number(String),
}

impl Cell<'_> {
    /// A whole number cell.
    pub fn count(value: impl Into<u64>) -> Self {
        Cell::Number(value.into().to_string())
    }

    /// A whole number cell, or an empty one.
    pub fn optional_count(value: Option<u32>) -> Self {
        value.map_or(Cell::Text(""), Cell::count)
    }

    /// A decimal number cell, in the shortest form that reads back to the same value.
    pub fn decimal(value: f64) -> Self {
        Cell::Number(format!("{value}"))
    }
}

/// Builds a CSV text row by row.
pub(crate) struct CsvWriter {
    out: String,
}

impl CsvWriter {
    /// An empty CSV text that starts with the UTF-8 byte order mark.
    pub fn new() -> Self {
        Self {
            out: String::from('\u{FEFF}'),
        }
    }

    /// Writes one row, comma-separated, ended by CRLF.
    pub fn row(&mut self, cells: &[Cell<'_>]) {
        for (index, cell) in cells.iter().enumerate() {
            if index > 0 {
                self.out.push(',');
            }
            match cell {
                Cell::Text(text) => push_quoted(&mut self.out, &escape_cell(text)),
                Cell::Number(number) => self.out.push_str(number),
            }
        }
        self.out.push_str("\r\n");
    }

    /// Writes an empty row.
    pub fn blank(&mut self) {
        self.out.push_str("\r\n");
    }

    /// The CSV text.
    pub fn finish(self) -> String {
        self.out
    }
}

/// Quotes text that holds a delimiter, a quote or a line break (doubling its quotes),
/// or that starts or ends with a space, so no reader changes it.
fn push_quoted(out: &mut String, text: &str) {
    let needs_quotes = text.contains([',', ';', '\t', '"', '\r', '\n'])
        || text.starts_with(char::is_whitespace)
        || text.ends_with(char::is_whitespace);
    if needs_quotes {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}
