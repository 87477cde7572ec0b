//! CSV import: the fixture corpus with each file's exact outcome, score advice, delimiters
//! and line ends, limits, time in proportion to size, generated valid files that import as
//! the matrix they describe, and the properties that no input panics, gives an unplaced
//! error or a matrix that does not hold together or export and import back unchanged.
#![cfg(not(target_arch = "wasm32"))]

use matrix_explorer::data::{
    column_letters, decode, export_matrix, import_bytes, import_text, DecodeError, Problem,
    TextEncoding, DEFAULT_TITLE, MAX_CRITERIA, MAX_IMPORT_BYTES, MAX_PROBLEMS,
};
use matrix_explorer::model::{
    CategoryInfo, Criterion, CriterionKind, GroupInfo, Item, Matrix, Score, Thresholds, MAX_SCORE,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use std::collections::HashSet;
use std::fmt::Write as _;
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

/// Fixtures that other test files read, not import files.
const OTHER_FIXTURES: [&str; 1] = ["workspace-v1.json"];

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
        .filter(|name| !OTHER_FIXTURES.contains(&name.as_str()))
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
    assert_eq!(
        imported.notes,
        [
            "This file is not UTF-8, so it was read as Windows-1252, as Excel saves 'CSV (Comma \
          delimited)'. Check that these characters look right: ‘ ’ £ é. To avoid this, save from \
          Excel as 'CSV UTF-8 (Comma delimited)'."
        ]
    );
    assert_eq!(imported.matrix.items[0].data_source, "£ loss data");
}

#[test]
fn the_windows_1252_note_names_what_was_read() {
    // The same cells, with the £ in Windows-1252 (0xA3), tab-separated and
    // semicolon-separated: each note names the format Excel saves that way.
    let cells = [
        ["Item", "Volume", "Data source"],
        ["Burglary", "3", "\u{a3} loss data"],
    ];
    let file = |delimiter: &str| -> Vec<u8> {
        let text: Vec<String> = cells.iter().map(|row| row.join(delimiter)).collect();
        text.join("\r\n")
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap())
            .collect()
    };
    let note = |delimiter: &str| import_bytes(&file(delimiter)).unwrap().notes.join(" ");
    let tab = note("\t");
    assert!(
        tab.contains("as Excel saves 'Text (Tab delimited)'"),
        "{tab}"
    );
    assert!(tab.contains("save from Excel as 'Unicode Text'"), "{tab}");
    assert!(!tab.contains("CSV"), "{tab}");
    let semicolon = note(";");
    assert!(
        semicolon.contains("'CSV' where lists are separated by semicolons"),
        "{semicolon}"
    );
    let comma = note(",");
    assert!(
        comma.contains("as Excel saves 'CSV (Comma delimited)'"),
        "{comma}"
    );
    // A separator named by a `sep=` line is named in the note.
    let piped = import_bytes(&[b"sep=|\r\n".as_slice(), &file("|")].concat())
        .unwrap()
        .notes
        .join(" ");
    assert!(
        piped.contains("(its cells are separated by '|')"),
        "{piped}"
    );
    assert!(!piped.contains("as Excel saves"), "{piped}");
    for text in [&tab, &semicolon, &comma, &piped] {
        assert!(
            text.contains("Check that these characters look right: £."),
            "{text}"
        );
    }
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
fn separators_inside_quoted_cells_do_not_count_in_detection() {
    // Each file's header, with the criterion that holds other separators, and its separator.
    let files = [
        ("Item,\"a;b;c\"\nMurder,1\n", "a;b;c"),
        ("Item,\"a\tb\tc\"\nMurder,1\n", "a\tb\tc"),
        ("Item;\"a,b,c\"\nMurder;1\n", "a,b,c"),
        ("Item\t\"a;b,c;d\"\nMurder\t1\n", "a;b,c;d"),
        // A quote that opens a cell after another candidate still hides what it holds.
        ("# title,\"x;y;z\"\nItem,\"p;q\",Trend\nMurder,1,2\n", "p;q"),
        // Rows of metadata with separators in quotes are skipped whole, line breaks and all.
        ("# title;\"a,b\nc,d,e\"\nItem;Volume\nMurder;1\n", "Volume"),
    ];
    for (text, criterion) in files {
        let m = import_text(text).unwrap_or_else(|p| panic!("{text:?}: {p:#?}"));
        assert_eq!(m.criteria[0].name, criterion, "{text:?}");
        assert_eq!(m.items[0].name, "Murder", "{text:?}");
        // Exports are comma-separated with no sep= line, and import back unchanged.
        assert_eq!(import_text(&export_matrix(&m)), Ok(m), "{text:?}");
    }
}

#[test]
fn a_sep_line_names_an_ascii_separator() {
    let m = import_text("sep=|\nItem|Volume\nMurder|1\n").unwrap();
    assert_eq!(m.items[0].scores, [Score::Known(1)]);
    let problems = import_text("sep=§\nItem§Volume\nMurder§1\n").unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("names no usable separator"));
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

/// Checks an import outcome: a matrix that holds together and exports and imports back
/// unchanged, or problems each placed inside the input.
fn check_outcome(
    outcome: Result<Matrix, Vec<Problem>>,
    max_rows: usize,
) -> Result<(), TestCaseError> {
    let problems = match outcome {
        Ok(matrix) => return check_matrix(&matrix),
        Err(problems) => problems,
    };
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
    Ok(())
}

/// A name as the importer compares names: capitals and surrounding spaces ignored.
fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Checks what every imported matrix must be: 1 to `MAX_CRITERIA` criteria and at least one
/// item, all named and each name once, one score on the scale per criterion for every item,
/// every group and category an item uses listed, amber not above red, and an export that
/// imports back to the same matrix.
fn check_matrix(m: &Matrix) -> Result<(), TestCaseError> {
    prop_assert!(
        (1..=MAX_CRITERIA).contains(&m.criteria.len()),
        "{} criteria",
        m.criteria.len()
    );
    let mut criteria = HashSet::new();
    for criterion in &m.criteria {
        let key = name_key(&criterion.name);
        prop_assert!(!key.is_empty(), "an unnamed criterion");
        prop_assert!(criteria.insert(key), "{:?} twice", criterion.name);
    }
    prop_assert!(!m.items.is_empty());
    let mut items = HashSet::new();
    for item in &m.items {
        let key = name_key(&item.name);
        prop_assert!(!key.is_empty(), "an unnamed item");
        prop_assert!(items.insert(key), "{:?} twice", item.name);
        prop_assert_eq!(item.scores.len(), m.criteria.len(), "{:?}", item.name);
        prop_assert!(
            item.scores
                .iter()
                .all(|s| s.value().is_none_or(|v| v <= MAX_SCORE)),
            "{:?}",
            item.scores
        );
        if let Some(group) = &item.group {
            prop_assert!(m.groups.iter().any(|g| g.name == *group), "{group:?}");
        }
        if let Some(category) = &item.category {
            let listed = m
                .categories
                .iter()
                .any(|c| c.name == *category && c.group == item.group);
            prop_assert!(listed, "{category:?} in {:?}", item.group);
        }
    }
    let Thresholds { amber, red } = m.thresholds;
    prop_assert!(
        amber.is_finite() && red.is_finite() && 0.0 <= amber && amber <= red,
        "{:?}",
        m.thresholds
    );
    let exported = export_matrix(m);
    prop_assert_eq!(import_text(&exported), Ok(m.clone()), "{}", exported);
    Ok(())
}

fn line_breaks(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| matches!(b, b'\n' | b'\r')).count() + 1
}

/// The separators a generated matrix file uses.
const SEPARATORS: [char; 3] = [',', ';', '\t'];

/// Pieces of item names, groups, categories and data sources that need quoting, or that are
/// another separator, which item rows may hold.
const ITEM_SPECIALS: [&str; 6] = [",", ";", "\t", "\"", "\n", "\r\n"];

/// The headings every column that is not a criterion may be written with.
const ITEM_HEADINGS: [&str; 5] = ["Item", "item", "ITEM", "Item name", " Item "];
const GROUP_HEADINGS: [&str; 3] = ["Group", "group", " GROUP"];
const CATEGORY_HEADINGS: [&str; 2] = ["Category", "category "];
const DATA_SOURCE_HEADINGS: [&str; 3] = ["Data source", "DATA SOURCE", "data source"];
const TOTAL_HEADINGS: [&str; 3] = ["Published total", "Total", "published TOTAL"];
const UNNAMED_HEADINGS: [&str; 2] = ["", " "];
const TITLE_KEYS: [&str; 4] = ["# title", "#title", "# Title", " # TITLE"];
const AMBER_KEYS: [&str; 3] = ["# amber threshold", "#Amber threshold", "# AMBER THRESHOLD"];
const RED_KEYS: [&str; 3] = ["# red threshold", "#Red Threshold", "# RED THRESHOLD"];

/// The headings the format reserves for columns that are not criteria.
const RESERVED: [&str; 7] = [
    "group",
    "category",
    "item",
    "item name",
    "data source",
    "published total",
    "total",
];

/// What a column of a generated file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Item,
    Group,
    Category,
    DataSource,
    PublishedTotal,
    /// A column with an empty heading and empty cells.
    Unnamed,
    Criterion(usize),
}

impl Column {
    /// The column's place in the list of sort keys that sets the column order.
    fn slot(self) -> usize {
        match self {
            Column::Item => 0,
            Column::Group => 1,
            Column::Category => 2,
            Column::DataSource => 3,
            Column::PublishedTotal => 4,
            Column::Unnamed => 5,
            Column::Criterion(index) => 6 + index,
        }
    }

    fn optional(self) -> bool {
        !matches!(self, Column::Item | Column::Criterion(_))
    }
}

/// How a generated file is laid out and how it writes its cells.
#[derive(Debug, Clone, Copy)]
#[allow(clippy::struct_excessive_bools)] // one flag per way a file may be written
struct Layout {
    separator: char,
    line_end: &'static str,
    bom: bool,
    /// Whether an Excel `sep=` first line names the separator.
    sep_line: bool,
    /// Whether every cell is in double quotes, not only those that need them.
    quote_all: bool,
    /// Whether text starting with a formula character gets a `'` in front, as exports do.
    escape_formulas: bool,
    final_line_end: bool,
}

impl Layout {
    /// Text as a cell says it: one `'` in front when it starts with one (import removes
    /// one) or, when escaping formulas, with `=`, `+`, `-` or `@`.
    fn escaped(self, text: &str) -> String {
        let formula = self.escape_formulas && text.starts_with(['=', '+', '-', '@']);
        if text.starts_with('\'') || formula {
            format!("'{text}")
        } else {
            text.to_owned()
        }
    }

    /// A cell as written: in double quotes, with its quotes doubled, when it holds the
    /// separator, a quote or a line break (or always, when quoting every cell).
    fn cell(self, text: &str) -> String {
        if self.quote_all || text.contains([self.separator, '"', '\r', '\n']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_owned()
        }
    }

    /// A text cell: escaped, then quoted as needed.
    fn text(self, text: &str) -> String {
        self.cell(&self.escaped(text))
    }
}

/// A generated matrix file: its rows as written (cells quoted as CSV requires, blank rows
/// included), its layout, and the matrix it describes.
#[derive(Debug, Clone)]
struct MatrixFile {
    layout: Layout,
    rows: Vec<Vec<String>>,
    expected: Matrix,
}

impl MatrixFile {
    fn text(&self) -> String {
        let Layout {
            separator,
            line_end,
            ..
        } = self.layout;
        let mut text = String::new();
        if self.layout.bom {
            text.push('\u{FEFF}');
        }
        if self.layout.sep_line {
            text.push_str("sep=");
            text.push(separator);
            text.push_str(line_end);
        }
        let separator = separator.to_string();
        let lines: Vec<String> = self.rows.iter().map(|row| row.join(&separator)).collect();
        text.push_str(&lines.join(line_end));
        if self.layout.final_line_end {
            text.push_str(line_end);
        }
        text
    }
}

fn is_reserved(name: &str) -> bool {
    let words = name.split_whitespace().collect::<Vec<_>>().join(" ");
    RESERVED.contains(&words.to_lowercase().as_str())
}

/// A name of letters, digits, spaces, punctuation and `specials`: never blank, never a
/// reserved heading, never starting `sep=`, and starting with `#` only when `hash_first`.
fn name(specials: Vec<&'static str>, hash_first: bool) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        12 => "[A-Za-z0-9]",
        3 => Just(" ".to_owned()),
        2 => "[éÉß£€–’()/&.+=@#'!?-]",
        2 => proptest::sample::select(specials).prop_map(str::to_owned),
    ];
    vec(piece, 1..12)
        .prop_map(|pieces| pieces.concat())
        .prop_filter("a usable name", move |name| {
            let trimmed = name.trim();
            !trimmed.is_empty()
                && (hash_first || !trimmed.starts_with('#'))
                && !is_reserved(trimmed)
                && !name.to_lowercase().starts_with("sep=")
        })
}

/// Header names and titles hold no separator but the file's own (unless a `sep=` line
/// names it), so that the separator detected is the file's.
fn header_specials(separator: char, sep_line: bool) -> Vec<&'static str> {
    if sep_line {
        ITEM_SPECIALS.to_vec()
    } else {
        let own = match separator {
            ',' => ",",
            ';' => ";",
            _ => "\t",
        };
        vec![own, "\"", "\n", "\r\n"]
    }
}

/// Thresholds in half points, amber not above red: both, or one that does not cross the
/// other's default (6 and 11), or neither.
fn thresholds() -> impl Strategy<Value = (Option<u32>, Option<u32>)> {
    prop_oneof![
        Just((None, None)),
        (0..=22_u32).prop_map(|amber| (Some(amber), None)),
        (12..=60_u32).prop_map(|red| (None, Some(red))),
        (0..=40_u32, 0..=20_u32).prop_map(|(amber, more)| (Some(amber), Some(amber + more))),
    ]
}

fn halves(value: u32) -> f64 {
    f64::from(value) / 2.0
}

/// A threshold of `value` half points, written one of several ways the format accepts.
fn threshold_text(value: u32, form: u8) -> String {
    let (whole, half) = (value / 2, if value % 2 == 1 { 5 } else { 0 });
    match form {
        0 if half == 0 => whole.to_string(),
        0 => format!("{whole}.{half}"),
        1 => format!("{whole}.{half}0"),
        2 => format!("{whole},{half}"),
        3 => format!(" {whole}.{half} "),
        _ => format!("'{whole}.{half}"),
    }
}

/// A score cell, written plainly or with spaces around it or one `'` in front.
fn score_text(score: Score, form: u8) -> String {
    match form {
        3 => format!(" {score} "),
        4 => format!("'{score}"),
        5 => format!(" {score}"),
        _ => score.to_string(),
    }
}

/// One item row's makings: name, group and category (an index into the file's names, or
/// none), data source, published total, a score and how it is written for each of the 8
/// possible criteria, and whether the row drops trailing empty cells, how many empty cells
/// it adds at its end, and whether its empty cells hold a space.
type ItemParts = (
    String,
    Option<usize>,
    Option<usize>,
    String,
    Option<u32>,
    Vec<(Score, u8)>,
    (bool, usize, bool),
);

fn item_parts() -> impl Strategy<Value = ItemParts> {
    let text = || name(ITEM_SPECIALS.to_vec(), true);
    (
        text(),
        proptest::option::of(0..3_usize),
        proptest::option::of(0..3_usize),
        prop_oneof![Just(String::new()), text()],
        proptest::option::of(prop_oneof![0..=60_u32, any::<u32>()]),
        vec((proptest::sample::select(Score::ALL.to_vec()), 0..6_u8), 8),
        (any::<bool>(), 0..3_usize, proptest::bool::weighted(0.1)),
    )
}

/// Valid matrix files, each with the matrix it describes: an optional title, optional
/// thresholds, a header with Item, 1 to 8 criteria and optional Group, Category, Data source,
/// Published total and empty columns in any order, and 1 to 30 items; separated by `,` `;`
/// or tab, LF or CRLF line ends, with or without a byte order mark, a `sep=` line and blank
/// rows, cells quoted where they must be (or everywhere).
fn matrix_file() -> impl Strategy<Value = MatrixFile> {
    let layout = (
        0..SEPARATORS.len(),
        any::<bool>(),
        any::<bool>(),
        proptest::bool::weighted(0.2),
        proptest::bool::weighted(0.15),
        any::<bool>(),
        proptest::bool::weighted(0.8),
    )
        .prop_map(
            |(separator, crlf, bom, sep_line, quote_all, escape_formulas, final_line_end)| Layout {
                separator: SEPARATORS[separator],
                line_end: if crlf { "\r\n" } else { "\n" },
                bom,
                sep_line,
                quote_all,
                escape_formulas,
                final_line_end,
            },
        );
    layout.prop_flat_map(|layout| {
        let specials = header_specials(layout.separator, layout.sep_line);
        // Read with another separator, a quote just after a line break in the title would
        // open a cell that runs on into the rows that separator detection looks at.
        let title = name(specials.clone(), true)
            .prop_filter("no quote at the start of a line", |title| {
                !title.contains("\n\"")
            });
        let item_text = || name(ITEM_SPECIALS.to_vec(), true);
        (
            vec(name(specials, false), 1..=8),
            vec(item_parts(), 1..=30),
            (vec(item_text(), 1..=3), vec(item_text(), 1..=3)),
            [any::<bool>(); 5],
            (vec(any::<u16>(), 14), vec(0..6_usize, 6)),
            proptest::option::of((
                prop_oneof![1 => Just(String::new()), 9 => title],
                any::<bool>(),
            )),
            (thresholds(), 0..5_u8, 0..5_u8),
            vec(any::<u8>(), 3),
            vec((any::<proptest::sample::Index>(), 0..3_u8), 0..3),
        )
            .prop_map(move |parts| build(layout, parts))
    })
}

/// Everything `matrix_file` draws after the layout.
type FileParts = (
    Vec<String>,
    Vec<ItemParts>,
    (Vec<String>, Vec<String>),
    [bool; 5],
    (Vec<u16>, Vec<usize>),
    Option<(String, bool)>,
    ((Option<u32>, Option<u32>), u8, u8),
    Vec<u8>,
    Vec<(proptest::sample::Index, u8)>,
);

/// The metadata rows of a file, in the order `order` sets: the title (in a cell of its own
/// or, sometimes, after a colon in the key cell), then amber and red thresholds in half points
/// with how each is written.
fn metadata_rows(
    layout: Layout,
    title: Option<&(String, bool)>,
    thresholds: [(Option<u32>, u8); 2],
    order: &[u8],
) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    if let Some((title, inline)) = title {
        let key = TITLE_KEYS[usize::from(order[0]) % TITLE_KEYS.len()];
        rows.push(if *inline && !title.is_empty() && title.trim() == title {
            vec![layout.cell(&format!("{key}: {}", layout.escaped(title)))]
        } else {
            vec![layout.cell(key), layout.text(title)]
        });
    }
    for ((value, form), (keys, key)) in thresholds
        .into_iter()
        .zip([(&AMBER_KEYS[..], order[1]), (&RED_KEYS[..], order[2])])
    {
        if let Some(value) = value {
            rows.push(vec![
                layout.cell(keys[usize::from(key) % keys.len()]),
                layout.cell(&threshold_text(value, form)),
            ]);
        }
    }
    let mut keyed: Vec<_> = order.iter().zip(rows).collect();
    keyed.sort_by_key(|(key, _)| **key);
    keyed.into_iter().map(|(_, row)| row).collect()
}

/// An item's row: its cells in column order, `empty` for its empty optional cells, and
/// trailing empty cells dropped when `short`, then `extra` empty cells added.
fn item_row(
    layout: Layout,
    columns: &[Column],
    item: &Item,
    scores: &[(Score, u8)],
    (short, extra, spaced): (bool, usize, bool),
) -> Vec<String> {
    let empty = layout.cell(if spaced { " " } else { "" });
    let text = |text: Option<&String>| text.map_or_else(|| empty.clone(), |t| layout.text(t));
    let mut row: Vec<String> = columns
        .iter()
        .map(|&column| match column {
            Column::Item => layout.text(&item.name),
            Column::Group => text(item.group.as_ref()),
            Column::Category => text(item.category.as_ref()),
            Column::DataSource => layout.text(&item.data_source),
            Column::PublishedTotal => item
                .published_total
                .map_or_else(|| empty.clone(), |t| layout.cell(&t.to_string())),
            Column::Unnamed => empty.clone(),
            Column::Criterion(index) => {
                let (score, form) = scores[index];
                layout.cell(&score_text(score, form))
            }
        })
        .collect();
    if short {
        while row.last().is_some_and(String::is_empty) && columns[row.len() - 1].optional() {
            row.pop();
        }
    }
    row.extend(std::iter::repeat_n(String::new(), extra));
    row
}

/// The groups and categories `items` use, in order of first use.
fn groups_in_use(items: &[Item]) -> (Vec<GroupInfo>, Vec<CategoryInfo>) {
    let mut groups: Vec<GroupInfo> = Vec::new();
    let mut categories: Vec<CategoryInfo> = Vec::new();
    for item in items {
        if let Some(group) = &item.group {
            if !groups.iter().any(|g| g.name == *group) {
                groups.push(GroupInfo {
                    name: group.clone(),
                    published_subtotal: None,
                });
            }
        }
        if let Some(category) = &item.category {
            if !categories
                .iter()
                .any(|c| c.name == *category && c.group == item.group)
            {
                categories.push(CategoryInfo {
                    group: item.group.clone(),
                    name: category.clone(),
                    published_subtotal: None,
                });
            }
        }
    }
    (groups, categories)
}

/// The columns of a file with `criteria` criteria and the `optional` columns present
/// (Group, Category, Data source, Published total, an empty one), in the order `order` sets.
fn columns(criteria: usize, optional: [bool; 5], order: &[u16]) -> Vec<Column> {
    let optional_columns = [
        Column::Group,
        Column::Category,
        Column::DataSource,
        Column::PublishedTotal,
        Column::Unnamed,
    ];
    let mut columns = vec![Column::Item];
    columns.extend(
        optional_columns
            .into_iter()
            .zip(optional)
            .filter_map(|(column, present)| present.then_some(column)),
    );
    columns.extend((0..criteria).map(Column::Criterion));
    columns.sort_by_key(|column| order[column.slot()]);
    columns
}

/// The header row: criterion names, and each other column's heading in one of the ways it
/// may be written.
fn header_row(
    layout: Layout,
    columns: &[Column],
    criteria: &[String],
    forms: &[usize],
) -> Vec<String> {
    columns
        .iter()
        .map(|&column| {
            let heading =
                |headings: &[&str]| layout.cell(headings[forms[column.slot()] % headings.len()]);
            match column {
                Column::Item => heading(&ITEM_HEADINGS),
                Column::Group => heading(&GROUP_HEADINGS),
                Column::Category => heading(&CATEGORY_HEADINGS),
                Column::DataSource => heading(&DATA_SOURCE_HEADINGS),
                Column::PublishedTotal => heading(&TOTAL_HEADINGS),
                Column::Unnamed => heading(&UNNAMED_HEADINGS),
                Column::Criterion(index) => layout.text(&criteria[index]),
            }
        })
        .collect()
}

/// Writes the file that `parts` describe, and the matrix it must import as.
fn build(layout: Layout, parts: FileParts) -> MatrixFile {
    let (
        criterion_names,
        item_parts,
        (group_names, category_names),
        optional,
        (order, heading_forms),
        title,
        ((amber, red), amber_form, red_form),
        metadata_order,
        blank_rows,
    ) = parts;
    let mut seen = HashSet::new();
    let criteria: Vec<String> = criterion_names
        .into_iter()
        .filter(|name| seen.insert(name_key(name)))
        .collect();
    let columns = columns(criteria.len(), optional, &order);
    let has = |column: Column| columns.contains(&column);
    // The criteria as the header lists them.
    let in_header: Vec<usize> = columns
        .iter()
        .filter_map(|column| match column {
            Column::Criterion(index) => Some(*index),
            _ => None,
        })
        .collect();

    let mut rows = metadata_rows(
        layout,
        title.as_ref(),
        [(amber, amber_form), (red, red_form)],
        &metadata_order,
    );
    rows.push(header_row(layout, &columns, &criteria, &heading_forms));

    let mut seen = HashSet::new();
    let mut items = Vec::new();
    for (name, group, category, data_source, total, scores, row_form) in item_parts {
        if !seen.insert(name_key(&name)) {
            continue;
        }
        let pick = |names: &[String], index: usize| names[index % names.len()].clone();
        let item = Item {
            group: group
                .filter(|_| has(Column::Group))
                .map(|index| pick(&group_names, index)),
            category: category
                .filter(|_| has(Column::Category))
                .map(|index| pick(&category_names, index)),
            scores: in_header.iter().map(|&index| scores[index].0).collect(),
            data_source: if has(Column::DataSource) {
                data_source
            } else {
                String::new()
            },
            published_total: total.filter(|_| has(Column::PublishedTotal)),
            name,
        };
        rows.push(item_row(layout, &columns, &item, &scores, row_form));
        items.push(item);
    }
    for (at, kind) in blank_rows {
        let blank = match kind {
            0 => vec![String::new()],
            1 => vec![String::new(); 3],
            _ => vec!["  ".to_owned()],
        };
        rows.insert(at.index(rows.len() + 1), blank);
    }

    let (groups, categories) = groups_in_use(&items);
    let title = title.map_or_else(|| DEFAULT_TITLE.to_owned(), |(title, _)| title);
    let expected = Matrix {
        short_name: title.clone(),
        title,
        source: String::new(),
        criteria: in_header
            .iter()
            .map(|&index| Criterion {
                name: criteria[index].clone(),
                description: String::new(),
                kind: CriterionKind::Scored,
            })
            .collect(),
        items,
        groups,
        categories,
        thresholds: Thresholds {
            amber: amber.map_or(Thresholds::PUBLISHED.amber, halves),
            red: red.map_or(Thresholds::PUBLISHED.red, halves),
        },
        priorities: Vec::new(),
        decisions: Vec::new(),
    };
    MatrixFile {
        layout,
        rows,
        expected,
    }
}

/// One change to a generated file.
#[derive(Debug, Clone)]
enum Mutation {
    /// Replace (0), insert before (1) or delete (2) the byte at an index.
    Byte(u8, proptest::sample::Index, u8),
    /// Replace (0), insert before (1) or delete (2) a cell of a row.
    Cell(u8, proptest::sample::Index, proptest::sample::Index, String),
    /// Repeat (true) or delete (false) a row.
    Row(bool, proptest::sample::Index),
}

/// A cell that is wrong somewhere, or right, or quoted oddly.
fn odd_cell() -> impl Strategy<Value = String> {
    "(5|x|3\\.5| |'3|=1|#N/A||4|\\?|Murder|murder |Item|Total|\"a,b\"|\"q\nr\"|\"|\"\"|# title|# titel)"
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = prop_oneof![
        proptest::sample::select(b"\",;\t\n\r#5' \x00\xA3\xC3\xFF".to_vec()),
        any::<u8>(),
    ];
    prop_oneof![
        (0..3_u8, any::<proptest::sample::Index>(), byte)
            .prop_map(|(how, at, byte)| Mutation::Byte(how, at, byte)),
        (
            0..3_u8,
            any::<proptest::sample::Index>(),
            any::<proptest::sample::Index>(),
            odd_cell()
        )
            .prop_map(|(how, row, cell, odd)| Mutation::Cell(how, row, cell, odd)),
        (any::<bool>(), any::<proptest::sample::Index>())
            .prop_map(|(repeat, row)| Mutation::Row(repeat, row)),
    ]
}

/// The bytes of `file` with `mutation` made.
fn mutated(file: &MatrixFile, mutation: &Mutation) -> Vec<u8> {
    let mut file = file.clone();
    match mutation {
        Mutation::Byte(how, at, byte) => {
            let mut bytes = file.text().into_bytes();
            let at = at.index(bytes.len());
            match how {
                0 => bytes[at] = *byte,
                1 => bytes.insert(at, *byte),
                _ => {
                    bytes.remove(at);
                }
            }
            return bytes;
        }
        Mutation::Cell(how, row, cell, odd) => {
            let at = row.index(file.rows.len());
            let cells = &mut file.rows[at];
            let at = cell.index(cells.len().max(1));
            match how {
                0 if at < cells.len() => cells[at].clone_from(odd),
                2 if at < cells.len() => {
                    cells.remove(at);
                }
                _ => cells.insert(at.min(cells.len()), odd.clone()),
            }
        }
        Mutation::Row(repeat, row) => {
            let at = row.index(file.rows.len());
            if *repeat {
                let copy = file.rows[at].clone();
                file.rows.insert(at, copy);
            } else {
                file.rows.remove(at);
            }
        }
    }
    file.text().into_bytes()
}

/// The noise the text properties were first written with.
const CSV_LIKE_TEXT: &str = "(Item|Volume|[#',;\t\"\r\n ?=a0-5]|sep=;|# title|\u{FF13}|£){0,60}";
const CSV_LIKE_TEXT_IN_ANY_ENCODING: &str = "(Item,Volume\n)?([#',;\t\"\r\n ?=a0-5]|£|–){0,60}";

/// Bytes for the "a matrix or placed problems" properties: noise, a generated matrix file,
/// or a generated matrix file with one byte, cell or row changed.
fn mixed_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => vec(any::<u8>(), 0..400),
        1 => matrix_file().prop_map(|file| file.text().into_bytes()),
        3 => (matrix_file(), mutation()).prop_map(|(file, change)| mutated(&file, &change)),
    ]
}

/// Text for the "a matrix or placed problems" properties: `noise`, a generated matrix file,
/// or a generated matrix file with one change (a broken UTF-8 sequence read as U+FFFD).
fn mixed_text(noise: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        2 => noise,
        1 => matrix_file().prop_map(|file| file.text()),
        3 => (matrix_file(), mutation())
            .prop_map(|(file, change)| String::from_utf8_lossy(&mutated(&file, &change)).into_owned()),
    ]
}

/// The inputs of the "a matrix or placed problems" properties reach both outcomes.
#[test]
fn the_mixed_inputs_give_both_matrices_and_problems() {
    let mut runner = TestRunner::deterministic();
    let bytes = mixed_bytes();
    let text = mixed_text(CSV_LIKE_TEXT);
    let (mut accepted, mut refused) = ([0; 2], [0; 2]);
    for _ in 0..200 {
        let input = bytes.new_tree(&mut runner).unwrap().current();
        match import_bytes(&input) {
            Ok(_) => accepted[0] += 1,
            Err(_) => refused[0] += 1,
        }
        let input = text.new_tree(&mut runner).unwrap().current();
        match import_text(&input) {
            Ok(_) => accepted[1] += 1,
            Err(_) => refused[1] += 1,
        }
    }
    for (outcomes, what) in [(accepted, "accepted"), (refused, "refused")] {
        assert!(
            outcomes.iter().all(|&n| n >= 20),
            "{what}: {outcomes:?} of 200"
        );
    }
}

proptest! {
    #[test]
    fn generated_matrix_files_import_as_the_matrix_they_describe(file in matrix_file()) {
        let text = file.text();
        let imported = import_bytes(text.as_bytes())
            .unwrap_or_else(|problems| panic!("{text:?}: {problems:#?}"));
        prop_assert_eq!(&imported.matrix, &file.expected, "{:?}", text);
        let encoding = if file.layout.bom { TextEncoding::Utf8Bom } else { TextEncoding::Utf8 };
        prop_assert_eq!(imported.encoding, encoding);
        prop_assert!(imported.notes.is_empty(), "{:?}", imported.notes);
        prop_assert_eq!(import_text(&text), Ok(file.expected), "{:?}", text);
        check_matrix(&imported.matrix)?;
    }

    #[test]
    fn any_bytes_give_a_matrix_or_placed_problems(bytes in mixed_bytes()) {
        let outcome = import_bytes(&bytes).map(|imported| imported.matrix);
        check_outcome(outcome, line_breaks(&bytes))?;
    }

    #[test]
    fn csv_like_text_gives_a_matrix_or_placed_problems(text in mixed_text(CSV_LIKE_TEXT)) {
        check_outcome(import_text(&text), line_breaks(text.as_bytes()))?;
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
        text in mixed_text(CSV_LIKE_TEXT_IN_ANY_ENCODING),
        encoding in 0..4_u8,
    ) {
        let bytes: Vec<u8> = match encoding {
            0 => [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
            1 => [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect(),
            2 => [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect(),
            _ => text.chars().map(|c| match c { '£' => 0xA3, '–' => 0x96, _ => u8::try_from(c).unwrap_or(b'?') }).collect(),
        };
        let outcome = import_bytes(&bytes).map(|imported| imported.matrix);
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

/// A file of `items` item rows in `groups` groups, each group with one category, half of
/// them declared in `# group` and `# category` rows.
fn grouped_items(items: usize, groups: usize) -> String {
    let mut text = String::from("# title,Many groups\r\n");
    for g in (0..groups).step_by(2) {
        write!(text, "# group,G{g},\r\n# category,G{g},C{g},\r\n").unwrap();
    }
    text.push_str("Group,Category,Item,Volume,Trend\r\n");
    for i in 0..items {
        let g = i % groups;
        write!(text, "G{g},C{g},Item {i},{},?\r\n", i % 5).unwrap();
    }
    text
}

/// `items` short item rows under a header with `blank_columns` empty columns between the
/// score and the data source.
fn wide_header(items: usize, blank_columns: usize) -> String {
    let mut text = format!("Item,Volume,{}Data source\n", ",".repeat(blank_columns));
    for i in 0..items {
        writeln!(text, "I{i},{}", i % 5).unwrap();
    }
    text
}

/// The matrix `text` imports as, and how long importing it took.
fn timed_import(text: &str) -> (Matrix, std::time::Duration) {
    let started = std::time::Instant::now();
    let m = import_text(text).unwrap();
    (m, started.elapsed())
}

/// No step of an import goes through every group, category or column for every row: one
/// group and category per item, or a header as wide as a spreadsheet, costs at most a few
/// times what a few of them cost.
#[test]
fn imports_take_time_in_proportion_to_their_size() {
    let (few, few_time) = timed_import(&grouped_items(50_000, 3));
    let (many, many_time) = timed_import(&grouped_items(50_000, 50_000));
    assert_eq!((few.groups.len(), few.categories.len()), (3, 3));
    assert_eq!(
        (many.items.len(), many.groups.len(), many.categories.len()),
        (50_000, 50_000, 50_000)
    );
    // Declared groups come first, then those items use, in order of first use.
    assert_eq!(
        (
            many.groups[1].name.as_str(),
            many.groups[25_000].name.as_str()
        ),
        ("G2", "G1")
    );
    assert!(
        many_time < few_time * 10,
        "{many_time:?} against {few_time:?}"
    );

    let (narrow, narrow_time) = timed_import(&wide_header(100_000, 0));
    let (wide, wide_time) = timed_import(&wide_header(100_000, 16_000));
    assert_eq!((narrow.items.len(), wide.items.len()), (100_000, 100_000));
    assert!(
        wide_time < narrow_time * 10,
        "{wide_time:?} against {narrow_time:?}"
    );
}
