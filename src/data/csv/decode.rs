//! Bytes to text before any CSV parsing: byte order marks, UTF-8, UTF-16 and Windows-1252.
//! The two non-UTF-8 encodings are decoded here by hand (a 32-entry table for Windows-1252),
//! since a general encoding library would add every other encoding's tables to the app.

use super::problem::Problem;
use super::start::row_at;
use std::fmt;

/// The largest file that can be imported: 5 MB (5 × 1024 × 1024 bytes).
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// How a file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 without a byte order mark.
    Utf8,
    /// UTF-8 with a byte order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16 little-endian with a byte order mark (Excel's "Unicode Text").
    Utf16Le,
    /// UTF-16 big-endian with a byte order mark.
    Utf16Be,
    /// Windows-1252, Excel's plain "CSV" on Windows in Western Europe.
    Windows1252,
}

/// A file's text and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without any byte order mark.
    pub text: String,
    /// The encoding it was read with.
    pub encoding: TextEncoding,
    /// For a file read as Windows-1252, up to eight of the characters it holds beyond ASCII,
    /// for the user to check (see `windows_1252_note`).
    pub to_check: Vec<char>,
}

/// Why a file's bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The file has no bytes.
    Empty,
    /// The file is larger than `MAX_IMPORT_BYTES`.
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// The file is an Excel workbook (.xlsx or .xls), not a CSV file.
    Workbook,
    /// A UTF-8 file (with a byte order mark, or mostly UTF-8) has bytes that are not UTF-8.
    InvalidUtf8 {
        /// The spreadsheet row of the first bad byte.
        row: usize,
    },
    /// A file with a UTF-16 byte order mark is not valid UTF-16.
    InvalidUtf16,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("The file is empty."),
            Self::TooLarge { bytes } => write!(
                f,
                "The file is {} MB; the largest file that can be imported is {} MB.",
                megabytes(*bytes),
                megabytes(MAX_IMPORT_BYTES)
            ),
            Self::Workbook => f.write_str(
                "This is an Excel workbook, not a CSV file. In Excel use File > Save As and \
                 choose 'CSV UTF-8 (Comma delimited) (*.csv)', then import that file.",
            ),
            Self::InvalidUtf8 { .. } => f.write_str(
                "This row has bytes that are not valid UTF-8, although the file before it is UTF-8: \
                 the file mixes text encodings or is damaged. Open it in Excel and save it again \
                 as 'CSV UTF-8 (Comma delimited)'.",
            ),
            Self::InvalidUtf16 => f.write_str(
                "The file starts like UTF-16 text (Excel's 'Unicode Text') but is not valid UTF-16; \
                 it may have been cut short. Save it again, preferably as 'CSV UTF-8 (Comma delimited)'.",
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

impl From<DecodeError> for Problem {
    fn from(error: DecodeError) -> Self {
        match error {
            DecodeError::InvalidUtf8 { row } => Problem::row(row, error.to_string()),
            _ => Problem::file(error.to_string()),
        }
    }
}

/// Reads a file's bytes as text.
///
/// A UTF-8 byte order mark means strict UTF-8; a UTF-16 one (LE or BE) means UTF-16.
/// Without one, the bytes must be UTF-8, or else they are read as Windows-1252 (Excel's
/// plain "CSV") and a note says so. Nothing is ever replaced silently.
///
/// # Errors
/// A `DecodeError` when the file is empty, over `MAX_IMPORT_BYTES`, an Excel workbook,
/// or not valid in the encoding its byte order mark names.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(DecodeError::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(DecodeError::Workbook);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return strict_utf8(rest).map(|text| plain(text, TextEncoding::Utf8Bom));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes, TextEncoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes, TextEncoding::Utf16Be);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(plain(text.to_owned(), TextEncoding::Utf8));
    }
    if let Some(row) = mixed_utf8_row(bytes) {
        return Err(DecodeError::InvalidUtf8 { row });
    }
    Ok(windows_1252(bytes))
}

fn plain(text: String, encoding: TextEncoding) -> Decoded {
    Decoded {
        text,
        encoding,
        to_check: Vec::new(),
    }
}

/// What a user is told of a file read as Windows-1252, naming what Excel saves that way
/// given the file's delimiter, and showing the characters to check: "This file is not
/// UTF-8, so it was read as Windows-1252, as Excel saves 'Text (Tab delimited)'. Check that
/// these characters look right: £. To avoid this, save from Excel as 'Unicode Text'."
pub fn windows_1252_note(to_check: &[char], delimiter: u8) -> String {
    let utf8_csv = "'CSV UTF-8 (Comma delimited)'";
    let (read, instead) = match delimiter {
        b'\t' => (
            "as Excel saves 'Text (Tab delimited)'".to_owned(),
            "'Unicode Text'",
        ),
        b';' => (
            "as Excel saves 'CSV' where lists are separated by semicolons".to_owned(),
            utf8_csv,
        ),
        b',' => (
            "as Excel saves 'CSV (Comma delimited)'".to_owned(),
            utf8_csv,
        ),
        other => (
            format!(
                "the encoding of Excel's plain text files (its cells are separated by '{}')",
                char::from(other)
            ),
            utf8_csv,
        ),
    };
    let check = if to_check.is_empty() {
        String::new()
    } else {
        let examples: Vec<String> = to_check.iter().map(char::to_string).collect();
        format!(
            " Check that these characters look right: {}.",
            examples.join(" ")
        )
    };
    format!(
        "This file is not UTF-8, so it was read as Windows-1252, {read}.{check} To avoid this, \
         save from Excel as {instead}."
    )
}

fn strict_utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    std::str::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|error| {
            let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            DecodeError::InvalidUtf8 {
                row: row_at(prefix),
            }
        })
}

/// Strict UTF-16: an odd number of bytes or an unpaired surrogate is an error.
fn utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    which: TextEncoding,
) -> Result<Decoded, DecodeError> {
    let pairs = bytes.chunks_exact(2);
    if !pairs.remainder().is_empty() {
        return Err(DecodeError::InvalidUtf16);
    }
    // Every chunk has exactly two bytes, so each conversion to [u8; 2] succeeds.
    let units = pairs.flat_map(<[u8; 2]>::try_from).map(unit);
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map(|text| plain(text, which))
        .map_err(|_| DecodeError::InvalidUtf16)
}

/// When a file that is not UTF-8 still holds well-formed UTF-8 sequences, it is UTF-8
/// with damage (or mixed encodings), not Windows-1252: the row of the first bad byte.
fn mixed_utf8_row(bytes: &[u8]) -> Option<usize> {
    let has_utf8_sequence = bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii());
    if !has_utf8_sequence {
        return None;
    }
    let valid_up_to = std::str::from_utf8(bytes).err()?.valid_up_to();
    let prefix = std::str::from_utf8(bytes.get(..valid_up_to)?).ok()?;
    Some(row_at(prefix))
}

/// Windows-1252's characters for bytes 0x80 to 0x9F; every other byte is the Unicode
/// character of the same number (ASCII and Latin-1). The five bytes Windows-1252 leaves
/// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become the C1 controls of the same number,
/// as in the WHATWG Encoding Standard; the CSV reader then refuses them with their row.
const WINDOWS_1252_80_TO_9F: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

fn windows_1252_char(byte: u8) -> char {
    match byte
        .checked_sub(0x80)
        .and_then(|offset| WINDOWS_1252_80_TO_9F.get(usize::from(offset)))
    {
        Some(&c) => c,
        None => char::from(byte),
    }
}

fn windows_1252(bytes: &[u8]) -> Decoded {
    // Windows-1252 maps every byte, so there is nothing to replace. Runs of ASCII (most of a
    // file) are copied as they are, which is many times faster than a character at a time.
    let mut text = String::with_capacity(bytes.len());
    let mut shown: Vec<char> = Vec::new();
    for run in bytes.split_inclusive(|byte| !byte.is_ascii()) {
        let (ascii, other) = match run.split_last() {
            Some((&last, ascii)) if !last.is_ascii() => (ascii, Some(windows_1252_char(last))),
            _ => (run, None),
        };
        match std::str::from_utf8(ascii) {
            Ok(ascii) => text.push_str(ascii),
            Err(_) => text.extend(ascii.iter().copied().map(windows_1252_char)),
        }
        let Some(c) = other else { continue };
        text.push(c);
        if !c.is_control() && !shown.contains(&c) && shown.len() < 8 {
            shown.push(c);
        }
    }
    Decoded {
        text,
        encoding: TextEncoding::Windows1252,
        to_check: shown,
    }
}

fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as f64 / 104_857.6).ceil() / 10.0;
    format!("{tenths}")
}
