//! Single cells: formula-injection escaping, and reading scores and numbers with advice.

use crate::model::Score;
use std::borrow::Cow;

/// Characters that make a spreadsheet treat a cell as a formula (or hide its start).
const FORMULA_STARTS: [char; 12] = [
    '=', '+', '-', '@', '\t', '\r', '\n', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}', '\'',
];

/// A text cell made safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`,
/// a tab or line break, their full-width forms (＝＋－＠), or `'` gets one `'` in front,
/// so it is shown as text and never run as a formula. `unescape_cell` undoes it.
pub fn escape_cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some(first) if FORMULA_STARTS.contains(&first) => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// A cell as written by `escape_cell`, read back: exactly one leading `'` is removed.
pub fn unescape_cell(text: &str) -> &str {
    text.strip_prefix('\'').unwrap_or(text)
}

/// Reads a score cell: "0" to "4" or "?", surrounding spaces ignored.
///
/// # Errors
/// A sentence saying what the cell holds instead and what to write.
pub fn parse_score(text: &str) -> Result<Score, String> {
    let t = text.trim();
    if let Some(score) = Score::parse(t) {
        return Ok(score);
    }
    if t.is_empty() {
        return Err(
            "The score is empty. Write a score from 0 to 4, or ? if there is no data.".into(),
        );
    }
    if let Some(advice) = spreadsheet_artefact(t) {
        return Err(advice);
    }
    if t == "\u{FF1F}" {
        return Err("This is a full-width question mark; write an ordinary ? instead.".into());
    }
    if let Some(ascii) = from_full_width_digits(t) {
        let hint = Score::parse(&ascii).map_or_else(
            || "; scores run from 0 to 4".to_owned(),
            |_| format!("; write {ascii} instead"),
        );
        return Err(format!("'{t}' is written with full-width digits{hint}."));
    }
    if let Some(advice) = number_advice(t) {
        return Err(advice);
    }
    if let Some(digit) = number_word(t) {
        return Err(format!("Write scores as digits: {digit} instead of '{t}'."));
    }
    if means_no_data(t) {
        return Err(format!(
            "To mark no or insufficient data, write ? instead of '{t}'."
        ));
    }
    Err(format!(
        "'{}' is not a score. Write a score from 0 to 4, or ? if there is no data.",
        short(t)
    ))
}

/// Reads an optional whole number (a published total, subtotal, position or points).
///
/// # Errors
/// A sentence saying why the cell is not a whole number of 0 or more.
pub fn parse_count(text: &str) -> Result<Option<u32>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return t
            .parse::<u32>()
            .map(Some)
            .map_err(|_| format!("{} is too large.", short(t)));
    }
    if let Some(advice) = spreadsheet_artefact(t) {
        return Err(advice);
    }
    Err(format!(
        "'{}' is not a whole number. Write a whole number of 0 or more, or leave the cell empty.",
        short(t)
    ))
}

/// Reads a threshold: a number of 0 or more ("6", "10.5"; a decimal comma is accepted).
///
/// # Errors
/// A sentence saying why the cell is not a usable threshold.
pub fn parse_threshold(text: &str) -> Result<f64, String> {
    let t = text.trim();
    if let Some(advice) = spreadsheet_artefact(t) {
        return Err(advice);
    }
    match parse_decimal(t) {
        Some(v) if v.is_finite() && v >= 0.0 => Ok(v),
        Some(_) => Err(format!("The threshold {t} must be a number of 0 or more.")),
        None => Err(format!(
            "'{}' is not a number. Write a threshold such as 6 or 10.5.",
            short(t)
        )),
    }
}

/// Advice for formulas and error values that spreadsheets leave in cells.
fn spreadsheet_artefact(t: &str) -> Option<String> {
    if let Some(rest) = t.strip_prefix('=').or_else(|| t.strip_prefix('\u{FF1D}')) {
        let value = rest.trim();
        let hint = if value.is_empty() || value.len() > 8 {
            String::new()
        } else {
            format!(" ({value})")
        };
        return Some(format!(
            "'{}' is a formula. Copy the cells and use Paste Special > Values, or type the value itself{hint}.",
            short(t)
        ));
    }
    if t.starts_with('#') {
        return Some(format!(
            "{} is a spreadsheet error value, not a value. Fix the formula that produced it, \
             or write ? for a score with no data.",
            short(t)
        ));
    }
    None
}

/// Advice for cells that are numbers but not scores: decimals, negatives, above the scale.
fn number_advice(t: &str) -> Option<String> {
    let value = parse_decimal(t)?;
    if !value.is_finite() {
        return None;
    }
    if value < 0.0 {
        return Some(format!(
            "{t} is negative. Scores run from 0 (low concern) to 4."
        ));
    }
    if value.fract() != 0.0 {
        let (low, high) = (value.floor(), value.ceil());
        return Some(format!(
            "{t} is not a whole number. Scores are whole numbers from 0 to 4: use {low} or {high}."
        ));
    }
    if value > 4.0 {
        return Some(format!(
            "{t} is above the top of the scale. Scores run from 0 to 4 (very high concern)."
        ));
    }
    Some(format!(
        "Write this score as {value} (a single digit from 0 to 4)."
    ))
}

/// A plain decimal number, with a decimal comma accepted when there is no point.
fn parse_decimal(t: &str) -> Option<f64> {
    let looks_numeric = !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+'))
        && t.chars().any(|c| c.is_ascii_digit());
    if !looks_numeric {
        return None;
    }
    let normalised = if t.contains('.') {
        Cow::Borrowed(t)
    } else {
        Cow::Owned(t.replacen(',', ".", 1))
    };
    normalised.parse::<f64>().ok()
}

/// The text with full-width digits (０-９) turned into ASCII ones, if it has any and
/// nothing else but digits.
fn from_full_width_digits(t: &str) -> Option<String> {
    let mut any = false;
    let mut out = String::new();
    for c in t.chars() {
        match c {
            '\u{FF10}'..='\u{FF19}' => {
                any = true;
                out.push(char::from_u32(u32::from(c) - 0xFF10 + u32::from('0'))?);
            }
            '0'..='9' => out.push(c),
            _ => return None,
        }
    }
    any.then_some(out)
}

fn number_word(t: &str) -> Option<u8> {
    match t.to_lowercase().as_str() {
        "zero" | "nil" => Some(0),
        "one" => Some(1),
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        _ => None,
    }
}

fn means_no_data(t: &str) -> bool {
    let lower = t.to_lowercase();
    matches!(
        lower.as_str(),
        "n/a" | "na" | "n.a." | "unknown" | "-" | "x" | "tbc" | "tbd" | "no data" | "none" | "??"
    )
}

/// The start of a long cell on one line, so a message stays readable.
pub(crate) fn short(text: &str) -> String {
    const LIMIT: usize = 40;
    let one_line = |c: char| if c.is_control() { ' ' } else { c };
    if text.chars().count() <= LIMIT {
        text.chars().map(one_line).collect()
    } else {
        let start: String = text.chars().take(LIMIT).map(one_line).collect();
        format!("{start}...")
    }
}
