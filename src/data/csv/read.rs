//! Records read with `csv_core`, numbered as a spreadsheet numbers rows, refusing unclosed
//! quotes and binary characters, and able to stop and resume between rows.
//!
//! `csv_core` skips blank lines and reads an unclosed quote as "the rest of the file", so
//! line breaks at the start of a row are read here (a blank row is still a row), and the end
//! of the text is tried with a line break first: a row that it does not end is in quotes.

use super::problem::Problem;
use csv_core::{ReadRecordResult, ReaderBuilder};

/// The most columns a row may have: Excel's limit (column XFD).
const MAX_COLUMNS: usize = 16_384;

/// Fed to the parser at the end of the text: it ends the last row unless a quote is open.
const END_SENTINEL: &[u8] = b"\n";

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
    delimiter: u8,
}

impl Cursor {
    /// The first row of a text whose rows start at byte `offset`, separated by the ASCII
    /// `delimiter`.
    pub fn new(offset: usize, delimiter: u8) -> Self {
        Self {
            offset,
            next_row: 1,
            delimiter,
        }
    }

    /// The delimiter.
    pub fn delimiter(self) -> u8 {
        self.delimiter
    }

    /// The byte offset of the next record.
    #[cfg(test)]
    pub fn offset(self) -> usize {
        self.offset
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
    text: &'a [u8],
    cursor: Cursor,
    parser: csv_core::Reader,
    /// Whether the parser has been given any input. Its first input is one byte, so that it
    /// never takes a byte order mark at the start of a row for the file's and drops it.
    started: bool,
    /// The current record's cells, one after another, and where each ends.
    output: Vec<u8>,
    ends: Vec<usize>,
}

/// How reading one record ended.
enum Ending {
    /// A line break or the end of the text ended it.
    Complete,
    /// It has more than `MAX_COLUMNS` cells; the first `MAX_COLUMNS` are in the buffers.
    TooWide,
    /// The text ended inside quotes.
    OpenQuote,
}

impl<'a> Reader<'a> {
    /// Reads `text` on from `cursor`, which must come from the same text.
    pub fn resume(text: &'a str, cursor: Cursor) -> Self {
        Self {
            text: text.as_bytes(),
            cursor,
            parser: ReaderBuilder::new().delimiter(cursor.delimiter).build(),
            started: false,
            output: vec![0; 1024],
            ends: vec![0; 64],
        }
    }

    /// Where the reader has got to, to resume from later.
    pub fn cursor(&self) -> Cursor {
        self.cursor
    }

    /// True when every record has been read.
    pub fn at_end(&self) -> bool {
        self.cursor.offset >= self.text.len()
    }

    /// The next record, or `None` at the end (a final line break adds no empty row).
    pub fn next_record(&mut self) -> Result<Option<Record>, Problem> {
        let rest = self.text.get(self.cursor.offset..).unwrap_or_default();
        let Some(&first) = rest.first() else {
            return Ok(None);
        };
        let row = self.cursor.next_row;
        self.cursor.next_row += 1;
        if first == b'\r' || first == b'\n' {
            self.cursor.offset += line_break_length(rest);
            return Ok(Some(Record {
                row,
                cells: vec![String::new()],
            }));
        }
        let (ending, used, written, fields) = self.read_record(rest);
        self.cursor.offset += used;
        // A CR that ended the record takes the LF after it, as one line break.
        let ended_by_cr = used.checked_sub(1).and_then(|last| rest.get(last)) == Some(&b'\r');
        if ended_by_cr && rest.get(used) == Some(&b'\n') {
            self.cursor.offset += 1;
        }
        let ends = self.ends.get(..fields).unwrap_or_default();
        let output = self.output.get(..written).unwrap_or_default();
        let checked = match ending {
            Ending::TooWide => ends.last().copied().unwrap_or_default(),
            Ending::Complete | Ending::OpenQuote => written,
        };
        if let Some((at, c)) = first_control(output.get(..checked).unwrap_or_default()) {
            let column = ends.partition_point(|&end| end <= at) + 1;
            return Err(control_character(c, row, column));
        }
        match ending {
            Ending::Complete => {}
            Ending::TooWide => {
                let message = format!(
                    "This row has more than {MAX_COLUMNS} columns, more than a spreadsheet can hold."
                );
                return Err(Problem::row(row, message));
            }
            Ending::OpenQuote => return Err(unclosed_quote(row, fields + 1)),
        }
        // The parser removes only ASCII bytes, so the cells are whole characters.
        let output = String::from_utf8_lossy(output);
        let mut start = 0;
        let cells = ends
            .iter()
            .map(|&end| {
                let cell = output.get(start..end).unwrap_or_default();
                start = end;
                cell.to_owned()
            })
            .collect();
        Ok(Some(Record { row, cells }))
    }

    /// Reads one record from `rest`, which does not start with a line break, into `output`
    /// and `ends`: how it ended, the bytes of `rest` it used (the line break that ends it
    /// included) and the bytes and cell ends it wrote.
    fn read_record(&mut self, rest: &[u8]) -> (Ending, usize, usize, usize) {
        let (mut used, mut written, mut fields) = (0, 0, 0);
        loop {
            let at_end = used >= rest.len();
            let input = if at_end {
                END_SENTINEL
            } else if self.started {
                rest.get(used..).unwrap_or_default()
            } else {
                rest.get(used..=used).unwrap_or_default()
            };
            self.started = true;
            let (result, read, wrote, ended) = self.parser.read_record(
                input,
                self.output.get_mut(written..).unwrap_or_default(),
                self.ends.get_mut(fields..).unwrap_or_default(),
            );
            if !at_end {
                used += read;
            }
            written += wrote;
            fields += ended;
            match result {
                ReadRecordResult::Record | ReadRecordResult::End => {
                    return (Ending::Complete, used, written, fields);
                }
                ReadRecordResult::InputEmpty if at_end => {
                    return (Ending::OpenQuote, used, written, fields);
                }
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    self.output.resize(self.output.len() * 2, 0);
                }
                ReadRecordResult::OutputEndsFull if self.ends.len() >= MAX_COLUMNS => {
                    return (Ending::TooWide, used, written, fields);
                }
                ReadRecordResult::OutputEndsFull => {
                    let longer = (self.ends.len() * 4).min(MAX_COLUMNS);
                    self.ends.resize(longer, 0);
                }
            }
        }
    }
}

/// The length of the line break `text` starts with: 2 for CR LF, 1 for CR or LF.
fn line_break_length(text: &[u8]) -> usize {
    if text.starts_with(b"\r\n") {
        2
    } else {
        1
    }
}

/// The first control character other than tab and line breaks in `text` (whole characters)
/// and its byte offset: text files do not have them.
fn first_control(text: &[u8]) -> Option<(usize, char)> {
    // Control characters are the bytes below 0x20 and 0x7F, and U+0080 to U+009F, which
    // UTF-8 writes as 0xC2 and one more byte.
    let suspect = |byte: &u8| {
        (*byte < 0x20 && !matches!(byte, b'\t' | b'\r' | b'\n')) || matches!(byte, 0x7F | 0xC2)
    };
    let mut from = 0;
    while let Some(found) = text.get(from..)?.iter().position(suspect) {
        let at = from + found;
        let byte = text.get(at).copied()?;
        let c = if byte == 0xC2 {
            text.get(at + 1)
                .filter(|second| (0x80..0xA0).contains(*second))
                .map(|&second| char::from(second))
        } else {
            Some(char::from(byte))
        };
        if let Some(c) = c {
            return Some((at, c));
        }
        from = at + 1;
    }
    None
}

fn unclosed_quote(row: usize, column: usize) -> Problem {
    Problem::cell(
        row,
        column,
        "This cell opens a quote (\") that is never closed, so everything after it would be \
         swallowed into this one cell. Remove the stray quote mark or add the closing one.",
    )
}

/// The problem with a control character other than tab and line breaks.
fn control_character(c: char, row: usize, column: usize) -> Problem {
    let what = if c == '\0' {
        "a NUL byte".to_owned()
    } else {
        format!("the control character U+{:04X}", u32::from(c))
    };
    Problem::cell(
        row,
        column,
        format!(
            "This cell contains {what}, so this is not a plain text CSV file (it may be a \
             spreadsheet, a binary file, or UTF-16 text without a byte order mark). \
             In Excel, save it as 'CSV UTF-8 (Comma delimited)'."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::{Cursor, Reader, MAX_COLUMNS};

    fn cells(text: &str) -> Vec<String> {
        let mut reader = Reader::resume(text, Cursor::new(0, b','));
        match reader.next_record() {
            Ok(Some(record)) => record.cells,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_row_may_have_as_many_cells_as_a_spreadsheet_and_no_more() {
        let widest = ",".repeat(MAX_COLUMNS - 1);
        assert_eq!(cells(&widest).len(), MAX_COLUMNS);
        assert_eq!(cells(&format!("{widest}\r\nx")).len(), MAX_COLUMNS);
        let wider = format!("{widest},\n");
        let mut reader = Reader::resume(&wider, Cursor::new(0, b','));
        let problem = reader.next_record().unwrap_err();
        assert_eq!((problem.row, problem.column), (Some(1), None));
    }

    #[test]
    fn a_byte_order_mark_at_the_start_of_a_row_is_kept() {
        assert_eq!(cells("\u{FEFF}a,b"), ["\u{FEFF}a", "b"]);
    }

    #[test]
    fn long_cells_and_the_end_of_the_text_inside_quotes() {
        let long = "x".repeat(5_000);
        assert_eq!(
            cells(&format!("\"{long}\"\"\",b")),
            [format!("{long}\""), "b".into()]
        );
        let mut reader = Reader::resume("a,b,\"c\r\nd", Cursor::new(0, b','));
        let problem = reader.next_record().unwrap_err();
        assert_eq!((problem.row, problem.column), (Some(1), Some(3)));
    }
}
