//! CSV import: the fixture corpus with each file's exact outcome, score advice, delimiters
//! and line ends, limits, and the property that no input panics or gives an unplaced error.
#![cfg(not(target_arch = "wasm32"))]

use matrix_explorer::data::{
    column_letters, decode, import_bytes, import_text, DecodeError, Problem, TextEncoding,
    MAX_IMPORT_BYTES, MAX_PROBLEMS,
};
use matrix_explorer::model::{CriterionKind, Score, Thresholds};
use proptest::prelude::*;
use std::path::Path;

/// What importing a fixture must give.
enum Expect {
    /// Accepted: item and criterion counts, one score checked by item and criterion name,
    /// and whether the import carries a note for the user.
    Ok {
        items: usize,
        criteria: usize,
        item: &'static str,
        criterion: &'static str,
        score: &'static str,
        note: bool,
    },
    /// Refused: how many problems, and the first one's row, column letters and a key phrase.
    Err {
        problems: usize,
        row: Option<usize>,
        column: Option<&'static str>,
        phrase: &'static str,
    },
}

use Expect::{Err as Refused, Ok as Accepted};

#[rustfmt::skip]
const CASES: &[(&str, Expect)] = &[
    ("ok_basic.csv", Accepted { items: 3, criteria: 3, item: "Burglary", criterion: "Trend", score: "2", note: false }),
    ("ok_utf8_bom_crlf.csv", Accepted { items: 2, criteria: 3, item: "Café disorder", criterion: "Trend", score: "?", note: false }),
    // Excel "Unicode Text": UTF-16LE with a byte order mark, tab-separated, CRLF.
    ("ok_utf16le_unicode_text.txt", Accepted { items: 3, criteria: 3, item: "Personal, street", criterion: "Generator", score: "2", note: false }),
    ("ok_utf16be.txt", Accepted { items: 2, criteria: 2, item: "Noise – domestic", criterion: "Volume", score: "4", note: false }),
    // Excel's plain "CSV": Windows-1252 with £ and smart quotes; read, with a note.
    ("ok_windows1252.csv", Accepted { items: 2, criteria: 2, item: "Theft ‘from’ vehicle", criterion: "Volume", score: "3", note: true }),
    ("ok_sep_semicolon.csv", Accepted { items: 3, criteria: 2, item: "GBH", criterion: "Trend", score: "3", note: false }),
    ("ok_semicolon_detected.csv", Accepted { items: 2, criteria: 3, item: "Begging", criterion: "Risk, harm", score: "?", note: false }),
    ("ok_tab_pasted.txt", Accepted { items: 2, criteria: 3, item: "Theft from\nshops", criterion: "Concern", score: "1", note: false }),
    ("ok_cr_only.csv", Accepted { items: 3, criteria: 2, item: "Fraud", criterion: "Volume", score: "2", note: false }),
    ("ok_quoted_cells.csv", Accepted { items: 2, criteria: 2, item: "Theft\r\nfrom a person", criterion: "Trend", score: "?", note: false }),
    ("ok_trailing_empty.csv", Accepted { items: 2, criteria: 2, item: "Arson", criterion: "Trend", score: "1", note: false }),
    ("ok_metadata.csv", Accepted { items: 3, criteria: 3, item: "ABH", criterion: "Unattributed", score: "1", note: false }),
    ("ok_groups_categories.csv", Accepted { items: 4, criteria: 2, item: "Begging", criterion: "Trend", score: "?", note: false }),
    // One leading apostrophe is removed: '=SUM(A1) is the item "=SUM(A1)", '3 is 3.
    ("ok_apostrophes.csv", Accepted { items: 3, criteria: 2, item: "-wounding", criterion: "Volume", score: "3", note: false }),
    // Excel drops trailing empty cells: rows without the optional last cells are fine.
    ("ok_short_rows.csv", Accepted { items: 3, criteria: 2, item: "Arson", criterion: "Trend", score: "1", note: false }),
    ("ok_twenty_criteria.csv", Accepted { items: 1, criteria: 20, item: "Wide item", criterion: "C20", score: "0", note: false }),
    ("ok_metadata_inline.csv", Accepted { items: 1, criteria: 1, item: "Murder", criterion: "Volume", score: "1", note: false }),
    ("err_unclosed_quote.csv", Refused { problems: 1, row: Some(3), column: Some("B"), phrase: "never closed" }),
    // A stray quote that a later one closes: the swallowed rows are one spreadsheet row.
    ("err_stray_quote_runs_on.csv", Refused { problems: 1, row: Some(2), column: Some("B"), phrase: "stray quote mark" }),
    ("err_ragged_long.csv", Refused { problems: 1, row: Some(3), column: Some("D"), phrase: "beyond the last column of the header (C)" }),
    ("err_ragged_short.csv", Refused { problems: 1, row: Some(3), column: Some("C"), phrase: "ends at column B" }),
    ("err_score_decimal.csv", Refused { problems: 1, row: Some(3), column: Some("C"), phrase: "use 3 or 4" }),
    ("err_score_five.csv", Refused { problems: 1, row: Some(2), column: Some("B"), phrase: "above the top of the scale" }),
    ("err_score_negative.csv", Refused { problems: 1, row: Some(2), column: Some("C"), phrase: "negative" }),
    ("err_score_word.csv", Refused { problems: 1, row: Some(2), column: Some("B"), phrase: "3 instead of 'three'" }),
    ("err_score_na.csv", Refused { problems: 1, row: Some(3), column: Some("B"), phrase: "spreadsheet error value" }),
    ("err_score_formula.csv", Refused { problems: 1, row: Some(2), column: Some("B"), phrase: "Paste Special > Values" }),
    ("err_score_fullwidth.csv", Refused { problems: 1, row: Some(2), column: Some("C"), phrase: "full-width digits; write 3" }),
    ("err_empty_item.csv", Refused { problems: 1, row: Some(3), column: Some("B"), phrase: "item name is empty" }),
    ("err_duplicate_item.csv", Refused { problems: 1, row: Some(4), column: Some("A"), phrase: "already the item in row 2" }),
    ("err_duplicate_criterion.csv", Refused { problems: 1, row: Some(1), column: Some("D"), phrase: "also the name of column B" }),
    ("err_header_only.csv", Refused { problems: 1, row: Some(1), column: None, phrase: "no item rows" }),
    ("err_empty.csv", Refused { problems: 1, row: None, column: None, phrase: "The file is empty" }),
    ("err_nul_byte.csv", Refused { problems: 1, row: Some(3), column: Some("B"), phrase: "NUL byte" }),
    // A PNG image: not UTF-8, so read as Windows-1252, then refused at its first control character.
    ("err_binary_png.bin", Refused { problems: 1, row: Some(2), column: Some("A"), phrase: "not a plain text CSV file" }),
    ("err_xlsx_workbook.csv", Refused { problems: 1, row: None, column: None, phrase: "Excel workbook" }),
    ("err_cr_only_bad_score.csv", Refused { problems: 1, row: Some(5), column: Some("B"), phrase: "'x4' is not a score" }),
    // Row 2 spans three lines in quotes, so the bad score on line 6 is spreadsheet row 4.
    ("err_multiline_then_bad_score.csv", Refused { problems: 1, row: Some(4), column: Some("B"), phrase: "9 is above the top" }),
    ("err_no_item_column.csv", Refused { problems: 1, row: Some(1), column: None, phrase: "no 'Item' column" }),
    ("err_mixed_encoding.csv", Refused { problems: 1, row: Some(4), column: None, phrase: "mixes text encodings" }),
    ("err_bom_invalid_utf8.csv", Refused { problems: 1, row: Some(3), column: None, phrase: "not valid UTF-8" }),
    ("err_too_many_criteria.csv", Refused { problems: 1, row: Some(1), column: Some("V"), phrase: "at most 20 criteria" }),
    ("err_thresholds_crossed.csv", Refused { problems: 1, row: Some(2), column: Some("B"), phrase: "below the amber threshold" }),
    ("err_unknown_metadata.csv", Refused { problems: 1, row: Some(1), column: Some("A"), phrase: "'# titel' is not a metadata name" }),
    ("err_criterion_not_in_header.csv", Refused { problems: 1, row: Some(1), column: Some("B"), phrase: "called 'Volum'" }),
    ("err_metadata_only.csv", Refused { problems: 1, row: None, column: None, phrase: "no header row" }),
    ("err_published_total.csv", Refused { problems: 1, row: Some(3), column: Some("C"), phrase: "'11.5' is not a whole number" }),
    ("err_many_problems.csv", Refused { problems: 4, row: Some(2), column: Some("B"), phrase: "5 is above the top" }),
];

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn check_case(name: &str, expect: &Expect) {
    let outcome = import_bytes(&fixture(name));
    match (expect, outcome) {
        (
            Accepted {
                items,
                criteria,
                item,
                criterion,
                score,
                note,
            },
            Ok(imported),
        ) => {
            let m = &imported.matrix;
            assert_eq!(
                (m.items.len(), m.criteria.len()),
                (*items, *criteria),
                "{name}"
            );
            let row = m
                .item_index(item)
                .unwrap_or_else(|| panic!("{name}: no item {item:?}"));
            let column = m.criteria.iter().position(|c| c.name == *criterion);
            let column = column.unwrap_or_else(|| panic!("{name}: no criterion {criterion:?}"));
            assert_eq!(
                m.items[row].score(column),
                Score::parse(score).unwrap(),
                "{name}"
            );
            assert_eq!(
                !imported.notes.is_empty(),
                *note,
                "{name}: notes {:?}",
                imported.notes
            );
        }
        (
            Refused {
                problems,
                row,
                column,
                phrase,
            },
            Err(found),
        ) => {
            let first = &found[0];
            assert_eq!(found.len(), *problems, "{name}: {found:#?}");
            assert_eq!(first.row, *row, "{name}: {first}");
            assert_eq!(
                first.column_letters().as_deref(),
                *column,
                "{name}: {first}"
            );
            assert!(first.message.contains(phrase), "{name}: {first}");
        }
        (Accepted { .. }, Err(found)) => panic!("{name} was refused: {found:#?}"),
        (Refused { .. }, Ok(imported)) => panic!("{name} was accepted: {:#?}", imported.matrix),
    }
}

#[test]
fn every_fixture_gives_its_expected_outcome() {
    for (name, expect) in CASES {
        check_case(name, expect);
    }
}

#[test]
fn every_fixture_file_is_listed_and_every_listed_file_exists() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CASES.iter().map(|(name, _)| (*name).to_owned()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
    assert!(listed.len() >= 25);
}

#[test]
fn metadata_fixture_sets_everything_it_names() {
    let m = import_bytes(&fixture("ok_metadata.csv")).unwrap().matrix;
    assert_eq!(
        (m.title.as_str(), m.short_name.as_str()),
        ("Crime matrix 2026", "Crime")
    );
    assert_eq!(m.source, "Partnership strategic assessment");
    assert_eq!(
        m.thresholds,
        Thresholds {
            amber: 7.0,
            red: 12.5
        }
    );
    assert_eq!(
        m.criteria[0].description,
        "The proportion of total crime, by item"
    );
    assert_eq!(m.criteria[1].description, "");
    assert_eq!(m.criteria[2].kind, CriterionKind::Unattributed);
    let groups: Vec<_> = m
        .groups
        .iter()
        .map(|g| (g.name.as_str(), g.published_subtotal))
        .collect();
    assert_eq!(groups, [("Violence", Some(19)), ("Property", None)]);
    let categories: Vec<_> = m
        .categories
        .iter()
        .map(|c| (c.group.as_deref(), c.name.as_str(), c.published_subtotal))
        .collect();
    assert_eq!(categories, [(Some("Violence"), "Assaults", Some(19))]);
    assert_eq!(m.priorities.len(), 2);
    assert_eq!(
        (
            m.priorities[0].position,
            m.priorities[0].points,
            m.priorities[0].board_decision
        ),
        (Some(1), Some(10), false)
    );
    assert_eq!(
        (m.priorities[1].position, m.priorities[1].board_decision),
        (None, true)
    );
    assert_eq!(m.items[2].published_total, Some(3));
    assert_eq!(m.items[2].category, None);
}

#[test]
fn encodings_are_reported() {
    let encoding = |name| import_bytes(&fixture(name)).unwrap().encoding;
    assert_eq!(encoding("ok_basic.csv"), TextEncoding::Utf8);
    assert_eq!(encoding("ok_utf8_bom_crlf.csv"), TextEncoding::Utf8Bom);
    assert_eq!(
        encoding("ok_utf16le_unicode_text.txt"),
        TextEncoding::Utf16Le
    );
    assert_eq!(encoding("ok_utf16be.txt"), TextEncoding::Utf16Be);
    assert_eq!(encoding("ok_windows1252.csv"), TextEncoding::Windows1252);
    let imported = import_bytes(&fixture("ok_windows1252.csv")).unwrap();
    assert!(imported.notes[0].contains("CSV UTF-8"));
    assert!(imported.notes[0].contains('£'));
    assert_eq!(imported.matrix.items[0].data_source, "£ loss data");
}

#[test]
fn windows_1252_reads_bytes_0x80_to_0x9f_as_windows_does() {
    let bytes: Vec<u8> = (0x80..=0x9F).collect();
    let decoded = decode(&bytes).unwrap();
    assert_eq!(decoded.encoding, TextEncoding::Windows1252);
    assert_eq!(
        decoded.text,
        "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ"
    );
    let latin_1: Vec<u8> = (0xA0..=0xFF).collect();
    let expected: String = ('\u{A0}'..='\u{FF}').collect();
    assert_eq!(decode(&latin_1).unwrap().text, expected);
}

#[test]
fn a_byte_windows_1252_leaves_undefined_is_refused_at_its_cell() {
    for byte in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
        let bytes = [&b"Item,Volume\nCaf\xE9"[..], &[byte], b",1\n"].concat();
        let problems = import_bytes(&bytes).unwrap_err();
        assert_eq!(problems.len(), 1, "{byte:#X}: {problems:?}");
        assert_eq!((problems[0].row, problems[0].column), (Some(2), Some(1)));
        let code = format!("the control character U+{byte:04X}");
        assert!(problems[0].message.contains(&code), "{}", problems[0]);
    }
}

#[test]
fn bad_utf16_is_refused_as_a_whole_file() {
    let cases: [&[u8]; 5] = [
        b"\xFF\xFEI\0t\0e",             // odd number of bytes
        b"\xFF\xFEI\0\x00\xD8,\0",      // high surrogate without its low one
        b"\xFF\xFEI\0\x00\xDC,\0",      // low surrogate on its own
        b"\xFE\xFF\0I\xD8\x00",         // high surrogate at the end
        b"\xFE\xFF\0I\xDC\x00\xD8\x00", // surrogates in the wrong order
    ];
    for bytes in cases {
        assert_eq!(decode(bytes), Err(DecodeError::InvalidUtf16), "{bytes:X?}");
        let problems = import_bytes(bytes).unwrap_err();
        assert_eq!((problems[0].row, problems[0].column), (None, None));
        assert!(problems[0].message.contains("not valid UTF-16"));
    }
    let pair = decode(b"\xFF\xFE\x3D\xD8\x00\xDE").unwrap();
    assert_eq!(
        (pair.text.as_str(), pair.encoding),
        ("\u{1F600}", TextEncoding::Utf16Le)
    );
}

#[rustfmt::skip]
const SCORE_ADVICE: &[(&str, &str)] = &[
    ("3.5", "use 3 or 4"),
    ("3,5", "use 3 or 4"),
    ("5", "above the top of the scale"),
    ("12", "above the top of the scale"),
    ("-1", "negative"),
    ("three", "3 instead of 'three'"),
    ("Four", "4 instead of 'Four'"),
    ("#N/A", "spreadsheet error value"),
    ("#VALUE!", "spreadsheet error value"),
    ("=3", "formula"),
    ("=SUM(B2:B4)", "Paste Special > Values"),
    ("\u{FF13}", "full-width digits; write 3"),
    ("\u{FF19}", "full-width digits; scores run from 0 to 4"),
    ("\u{FF1F}", "full-width question mark"),
    ("", "The score is empty"),
    ("n/a", "write ? instead"),
    ("3.0", "Write this score as 3"),
    ("03", "Write this score as 3"),
    ("high", "'high' is not a score"),
];

#[test]
fn bad_scores_are_refused_with_advice() {
    for (cell, phrase) in SCORE_ADVICE {
        let text = format!("Item,Volume,Trend\nMurder,\"{cell}\",1\n");
        let problems = import_text(&text).expect_err(cell);
        assert_eq!(problems.len(), 1, "{cell:?}: {problems:?}");
        let problem = &problems[0];
        assert_eq!(
            (problem.row, problem.column),
            (Some(2), Some(2)),
            "{cell:?}"
        );
        assert_eq!(problem.heading.as_deref(), Some("Volume"));
        assert!(problem.message.contains(phrase), "{cell:?}: {problem}");
    }
}

#[test]
fn good_scores_are_read_with_spaces_and_one_apostrophe_ignored() {
    let m = import_text("Item,A,B,C,D,E,F\nX, 0 ,1,'2,3,4,?\n").unwrap();
    let scores: Vec<String> = m.items[0].scores.iter().map(ToString::to_string).collect();
    assert_eq!(scores, ["0", "1", "2", "3", "4", "?"]);
}

#[test]
fn delimiters_and_line_ends_give_the_same_matrix() {
    let lines = [
        "Category|Item|Volume|Trend",
        "Drugs|Supply|3|?",
        "Drugs|\"Possession, class A\"|2|1",
    ];
    let reference = import_text(&lines.join("\n").replace('|', ",")).unwrap();
    for delimiter in [",", ";", "\t"] {
        for line_end in ["\n", "\r\n", "\r"] {
            let text = lines.join(line_end).replace('|', delimiter) + line_end;
            assert_eq!(
                import_text(&text).unwrap(),
                reference,
                "{delimiter:?} {line_end:?}"
            );
        }
    }
}

#[test]
fn pasted_text_from_excel_is_read() {
    let pasted = "Item\tVolume\tTrend\r\nMurder\t0\t2\r\n\"Theft, from\nshops\"\t3\t?\r\n";
    let m = import_text(pasted).unwrap();
    assert_eq!(m.items[1].name, "Theft, from\nshops");
    assert_eq!(m.title, "Imported matrix");
    assert_eq!(m.thresholds, Thresholds::PUBLISHED);
}

#[test]
fn a_leading_byte_order_mark_in_text_is_ignored() {
    assert!(import_text("\u{FEFF}Item,Volume\nMurder,1\n").is_ok());
}

#[test]
fn row_numbers_skip_the_sep_line_and_count_blank_rows() {
    let problems = import_text("sep=;\r\nItem;Volume\r\n\r\nMurder;7\r\n").unwrap_err();
    assert_eq!((problems[0].row, problems[0].column), (Some(3), Some(2)));
    let problems = import_text("Item,Volume\n\n\nMurder,7\n").unwrap_err();
    assert_eq!(problems[0].row, Some(4));
}

#[test]
fn files_over_the_size_limit_are_refused() {
    let mut bytes = b"Item,Volume\n".to_vec();
    bytes.resize(MAX_IMPORT_BYTES + 1, b' ');
    let problems = import_bytes(&bytes).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("5 MB"), "{}", problems[0]);
    let text = String::from_utf8(bytes).unwrap();
    assert!(import_text(&text).unwrap_err()[0].message.contains("5 MB"));
}

#[test]
fn problems_are_capped() {
    let rows: Vec<String> = (0..200).map(|i| format!("Item {i},9")).collect();
    let text = format!("Item,Volume\n{}\n", rows.join("\n"));
    let problems = import_text(&text).unwrap_err();
    assert_eq!(problems.len(), MAX_PROBLEMS + 1);
    // Reading stops once more problems are found than are listed.
    let last = &problems[MAX_PROBLEMS].message;
    assert!(
        last.contains("first 50 problems are listed; reading stopped at row 53"),
        "{last}"
    );
    // Without item rows to stop at, the rest are counted.
    let metadata: Vec<String> = (0..60).map(|i| format!("# titel {i},x")).collect();
    let text = format!("{}\nItem,Volume\n", metadata.join("\n"));
    let problems = import_text(&text).unwrap_err();
    assert_eq!(problems.len(), MAX_PROBLEMS + 1);
    assert_eq!(problems[MAX_PROBLEMS].message, "... and 11 more problems.");
}

#[test]
fn problems_display_as_a_spreadsheet_user_reads_them() {
    let cell = Problem::cell(7, 4, "Too high.").with_heading("Public concern");
    assert_eq!(
        cell.to_string(),
        "Row 7, column D (Public concern): Too high."
    );
    assert_eq!(Problem::row(3, "Empty.").to_string(), "Row 3: Empty.");
    assert_eq!(
        Problem::file("The file is empty.").to_string(),
        "The file is empty."
    );
    let letters: Vec<String> = [1, 2, 26, 27, 52, 53, 702, 703]
        .into_iter()
        .map(column_letters)
        .collect();
    assert_eq!(letters, ["A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
}

/// Checks that an import outcome is Ok, or an Err whose problems are placed inside the input.
fn check_outcome(
    outcome: Result<usize, Vec<Problem>>,
    max_rows: usize,
) -> Result<(), TestCaseError> {
    if let Err(problems) = outcome {
        prop_assert!(!problems.is_empty());
        for problem in &problems {
            prop_assert!(!problem.message.is_empty());
            prop_assert!(
                problem.row.is_some() || problem.column.is_none(),
                "{problem:?}"
            );
            if let Some(row) = problem.row {
                prop_assert!(
                    row >= 1 && row <= max_rows,
                    "{problem:?} of {max_rows} rows"
                );
            }
            prop_assert!(problem.column.is_none_or(|c| c >= 1), "{problem:?}");
            prop_assert!(!problem.to_string().is_empty());
        }
    }
    Ok(())
}

fn line_breaks(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| matches!(b, b'\n' | b'\r')).count() + 1
}

proptest! {
    #[test]
    fn any_bytes_give_a_matrix_or_placed_problems(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let outcome = import_bytes(&bytes).map(|imported| imported.matrix.items.len());
        check_outcome(outcome, line_breaks(&bytes))?;
    }

    #[test]
    fn csv_like_text_gives_a_matrix_or_placed_problems(text in "(Item|Volume|[#',;\t\"\r\n ?=a0-5]|sep=;|# title|\u{FF13}|£){0,60}") {
        let outcome = import_text(&text).map(|m| m.items.len());
        check_outcome(outcome, line_breaks(text.as_bytes()))?;
    }

    /// UTF-16 code units biased towards surrogates, with or without a stray last byte,
    /// decode exactly as the standard library's UTF-16 decoder does, or are refused.
    #[test]
    fn any_utf16_bytes_decode_exactly_or_are_refused(
        units in proptest::collection::vec(prop_oneof![any::<u16>(), 0xD800..0xE000_u16, 0..0x80_u16], 0..60),
        stray in proptest::option::of(any::<u8>()),
        big_endian in any::<bool>(),
    ) {
        let (bom, encoding): (&[u8], _) = if big_endian {
            (b"\xFE\xFF", TextEncoding::Utf16Be)
        } else {
            (b"\xFF\xFE", TextEncoding::Utf16Le)
        };
        let mut bytes = bom.to_vec();
        for unit in &units {
            bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        bytes.extend(stray);
        let expected = match (stray, String::from_utf16(&units)) {
            (None, Ok(text)) => Ok((text, encoding)),
            _ => Err(DecodeError::InvalidUtf16),
        };
        prop_assert_eq!(decode(&bytes).map(|decoded| (decoded.text, decoded.encoding)), expected);
    }

    /// Bytes with no UTF-8 sequence in them (every byte from 0x80 up is followed by an ASCII
    /// byte) are read as Windows-1252, one character per byte, with ASCII unchanged.
    #[test]
    fn any_non_utf8_bytes_are_read_as_windows_1252(
        pairs in proptest::collection::vec((0x80..=0xFF_u8, 0..0x80_u8), 1..200),
    ) {
        let bytes: Vec<u8> = pairs.iter().flat_map(|&(high, ascii)| [high, ascii]).collect();
        let decoded = decode(&bytes).unwrap();
        prop_assert_eq!(decoded.encoding, TextEncoding::Windows1252);
        prop_assert_eq!(decoded.text.chars().count(), bytes.len());
        for (c, &byte) in decoded.text.chars().zip(&bytes) {
            prop_assert_eq!(c.is_ascii(), byte.is_ascii());
            if byte.is_ascii() || byte >= 0xA0 {
                prop_assert_eq!(u32::from(c), u32::from(byte));
            }
        }
    }

    #[test]
    fn csv_like_bytes_in_any_encoding_give_a_matrix_or_placed_problems(
        text in "(Item,Volume\n)?([#',;\t\"\r\n ?=a0-5]|£|–){0,60}",
        encoding in 0..4_u8,
    ) {
        let bytes: Vec<u8> = match encoding {
            0 => [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
            1 => [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect(),
            2 => [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect(),
            _ => text.chars().map(|c| match c { '£' => 0xA3, '–' => 0x96, _ => u8::try_from(c).unwrap_or(b'?') }).collect(),
        };
        let outcome = import_bytes(&bytes).map(|imported| imported.matrix.items.len());
        check_outcome(outcome, line_breaks(&bytes))?;
    }
}

#[test]
fn a_header_starting_with_a_hash_column_is_a_header_not_metadata() {
    let problems = import_text("#,Item,Volume\n1,Murder,2\n5,Arson,1\n").unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].to_string(), "Row 3, column A (#): 5 is above the top of the scale. Scores run from 0 to 4 (very high concern).");
}

#[test]
fn the_example_in_the_format_guide_imports() {
    let guide =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/csv-format.md"))
            .unwrap();
    let start = guide.find("```csv\n").unwrap() + "```csv\n".len();
    let length = guide[start..].find("```").unwrap();
    let m = import_text(&guide[start..start + length]).unwrap();
    assert_eq!(
        (m.items.len(), m.criteria.len(), m.title.as_str()),
        (3, 3, "Example crime matrix")
    );
    assert_eq!(
        m.criteria[0].description,
        "The proportion of total crime/ASB each item accounts for."
    );
    assert_eq!(m.items[1].scores[1], Score::Unknown);
}
