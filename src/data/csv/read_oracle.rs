//! The hand-written reader that `read` replaced, frozen as an oracle: a property test checks
//! that both give the same records, problems and positions for any CSV-like text.
//!
//! It differs from `read` only where `read` was changed on purpose: it allows one cell past
//! the column limit, and it takes any character as the delimiter.

use super::problem::Problem;
use super::read::{Cursor, Reader, Record};
use proptest::prelude::*;
use std::str::Chars;

const MAX_COLUMNS: usize = 16_384;

/// Reads records one at a time, a character at a time.
struct Oracle<'a> {
    text: &'a str,
    chars: Chars<'a>,
    delimiter: char,
    next_row: usize,
}

impl<'a> Oracle<'a> {
    fn new(text: &'a str, delimiter: char) -> Self {
        Self {
            text,
            chars: text.chars(),
            delimiter,
            next_row: 1,
        }
    }

    fn offset(&self) -> usize {
        self.text.len() - self.chars.as_str().len()
    }

    fn at_end(&self) -> bool {
        self.chars.as_str().is_empty()
    }

    fn skip(&mut self, c: char) -> bool {
        let next = self.chars.as_str().starts_with(c);
        if next {
            self.chars.next();
        }
        next
    }

    fn next_record(&mut self) -> Result<Option<Record>, Problem> {
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

/// One step of reading: the record or problem, then (unless it is a problem, after which
/// reading stops) the byte offset, rows read and whether the text is read to its end.
type Step = (
    Result<Option<Record>, Problem>,
    Option<(usize, usize, bool)>,
);

fn step(outcome: Result<Option<Record>, Problem>, at: (usize, usize, bool)) -> Step {
    let at = outcome.is_ok().then_some(at);
    (outcome, at)
}

/// Every step of reading `text` with the oracle, up to the end or the first problem.
fn oracle_steps(text: &str, delimiter: u8) -> Vec<Step> {
    let mut oracle = Oracle::new(text, char::from(delimiter));
    let mut steps = Vec::new();
    loop {
        let outcome = oracle.next_record();
        let last = !matches!(outcome, Ok(Some(_)));
        let at = (oracle.offset(), oracle.next_row - 1, oracle.at_end());
        steps.push(step(outcome, at));
        if last {
            return steps;
        }
    }
}

/// Every step of reading `text` with `read`, starting a new reader after each run of
/// records in `runs` (then one reader to the end), as an import does between its steps.
fn reader_steps(text: &str, delimiter: u8, runs: &[usize]) -> Vec<Step> {
    let mut cursor = Cursor::new(0, delimiter);
    let mut steps = Vec::new();
    let mut runs = runs.iter().copied();
    loop {
        let mut reader = Reader::resume(text, cursor);
        let run = runs.next().unwrap_or(usize::MAX);
        for _ in 0..run {
            let outcome = reader.next_record();
            let last = !matches!(outcome, Ok(Some(_)));
            cursor = reader.cursor();
            let at = (cursor.offset(), cursor.rows_read(), reader.at_end());
            steps.push(step(outcome, at));
            if last {
                return steps;
            }
        }
    }
}

/// Pieces of CSV-like text: cells, every separator, quotes, every line end, control
/// characters (C0, DEL and C1), a byte order mark and characters of two and three bytes.
const PIECES: [&str; 22] = [
    "a", "bc", " ", ",", ";", "\t", "|", "\"", "\"\"", "\r", "\n", "\r\n", "\r\n", "\0", "\u{1}",
    "\u{7F}", "\u{85}", "\u{9F}", "\u{FEFF}", "é", "£", "'",
];

/// CSV-like text, sometimes repeated into rows wider and cells longer than the reader's
/// first buffers.
fn csv_like_text() -> impl Strategy<Value = String> {
    let pieces = proptest::collection::vec(proptest::sample::select(&PIECES[..]), 0..80)
        .prop_map(|pieces| pieces.concat());
    prop_oneof![
        4 => pieces.clone(),
        2 => "[a,;\t\"\r\n ]{0,40}",
        1 => any::<String>(),
        1 => (pieces, 1..60_usize).prop_map(|(text, times)| text.repeat(times)),
        1 => ("[a,\"]{0,3}", 0..3000_usize, "[a,\"\r\n]{0,3}")
            .prop_map(|(head, times, tail)| format!("{head}{}{tail}", "a,\"\"".repeat(times))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn the_reader_reads_as_the_oracle_does(
        text in csv_like_text(),
        delimiter in proptest::sample::select(vec![b',', b';', b'\t', b'|', b' ', b'#', 0x01]),
        runs in proptest::collection::vec(1..4_usize, 0..8),
    ) {
        prop_assert_eq!(reader_steps(&text, delimiter, &runs), oracle_steps(&text, delimiter));
    }
}

#[test]
fn the_oracle_allows_one_cell_more_than_the_reader() {
    let row = ",".repeat(MAX_COLUMNS);
    let oracle = oracle_steps(&row, b',');
    assert!(matches!(&oracle[0].0, Ok(Some(record)) if record.cells.len() == MAX_COLUMNS + 1));
    let read = reader_steps(&row, b',', &[]);
    assert!(matches!(&read[0].0, Err(problem) if problem.message.contains("more than 16384")));
}
