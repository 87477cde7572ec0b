//! CSV export: the seed matrices and any matrix survive export then import unchanged,
//! the template imports, results open safely in Excel, and formula injection is escaped.
#![cfg(not(target_arch = "wasm32"))]

use matrix_explorer::data::{
    escape_cell, export_matrix, export_results, import_bytes, import_text, seed_matrices, template,
    unescape_cell, TextEncoding,
};
use matrix_explorer::engine::evaluate;
use matrix_explorer::model::{
    BoardDecision, CategoryInfo, Criterion, CriterionKind, GroupInfo, Item, Matrix,
    PublishedPriority, Score, Settings, Thresholds, UnknownPolicy, Weight,
};
use proptest::prelude::*;

/// Reads CSV text back into rows of cells with the csv crate (an independent reader).
fn cells(text: &str) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix('\u{FEFF}')
        .expect("starts with a byte order mark");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes())
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// True when every line break outside quotes is CRLF.
fn only_crlf_line_ends(text: &str) -> bool {
    let mut in_quotes = false;
    let mut previous = '\0';
    for c in text.chars() {
        if !in_quotes && ((c == '\n') != (previous == '\r')) {
            return false;
        }
        if c == '"' {
            in_quotes = !in_quotes;
        }
        previous = c;
    }
    true
}

#[test]
fn seed_matrices_survive_export_and_import() {
    let seeds = seed_matrices().unwrap();
    assert!(
        seeds.iter().any(Matrix::has_unattributed),
        "the seed has an unattributed column"
    );
    for matrix in seeds {
        let exported = export_matrix(&matrix);
        assert_eq!(import_text(&exported).unwrap(), matrix, "{}", matrix.title);
        let imported = import_bytes(exported.as_bytes()).unwrap();
        assert_eq!(imported.matrix, matrix);
        assert_eq!(imported.encoding, TextEncoding::Utf8Bom);
        assert!(imported.notes.is_empty());
    }
}

#[test]
fn exports_open_in_excel_as_utf8_with_crlf() {
    let matrix = &seed_matrices().unwrap()[1];
    let settings = Settings::published(matrix);
    let evaluation = evaluate(matrix, &settings);
    let results = export_results(
        matrix,
        &evaluation,
        &settings,
        &[],
        "Published",
        "2026-11-26",
    );
    for text in [export_matrix(matrix), template(), results] {
        assert!(text.starts_with('\u{FEFF}'));
        assert!(text.ends_with("\r\n"));
        assert!(only_crlf_line_ends(&text));
    }
}

#[test]
fn the_matrix_export_writes_metadata_then_header_then_items() {
    let matrix = &seed_matrices().unwrap()[1];
    let rows = cells(&export_matrix(matrix));
    assert_eq!(rows[0], ["# title", matrix.title.as_str()]);
    assert_eq!(rows[3], ["# amber threshold", "6"]);
    assert_eq!(rows[4], ["# red threshold", "11"]);
    assert_eq!(rows[5][..3], ["# criterion", "Volume", "scored"]);
    let header = rows.iter().position(|r| r[0] == "Group").unwrap();
    assert_eq!(rows[header][..3], ["Group", "Category", "Item"]);
    assert_eq!(rows[header].last().unwrap(), "Published total");
    assert_eq!(rows.len(), header + 1 + matrix.items.len());
}

#[test]
fn the_template_imports() {
    let matrix = import_text(&template()).unwrap();
    assert_eq!((matrix.items.len(), matrix.criteria.len()), (4, 6));
    assert_eq!(matrix.categories.len(), 2);
    assert_eq!(matrix.items[1].scores[2], Score::Unknown);
    assert_eq!(matrix.items[0].published_total, Some(11));
    assert_eq!(matrix.thresholds, Thresholds::PUBLISHED);
}

#[rustfmt::skip]
const ESCAPES: &[(&str, &str)] = &[
    ("=1+2", "'=1+2"),
    ("+44 20", "'+44 20"),
    ("-wounding", "'-wounding"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTab", "'\tTab"),
    ("\rCR", "'\rCR"),
    ("\nLF", "'\nLF"),
    ("＝1", "'＝1"),
    ("＋1", "'＋1"),
    ("－1", "'－1"),
    ("＠A", "'＠A"),
    ("'quoted", "''quoted"),
    ("Murder", "Murder"),
    (" =1", " =1"),
    ("", ""),
    ("a=b", "a=b"),
];

#[test]
fn formula_starts_are_escaped_and_unescaped() {
    for (text, escaped) in ESCAPES {
        assert_eq!(escape_cell(text), *escaped, "{text:?}");
        assert_eq!(unescape_cell(escaped), *text, "{text:?}");
    }
    assert_eq!(
        unescape_cell("''x"),
        "'x",
        "exactly one apostrophe is removed"
    );
}

#[test]
fn results_export_lists_every_item_with_weights_totals_bands_and_ranks() {
    let matrix = &seed_matrices().unwrap()[0];
    let mut settings = Settings::published(matrix);
    settings.weights[0] = Weight::new(2.0).unwrap();
    settings.unknown_policy = UnknownPolicy::WorstCase;
    let evaluation = evaluate(matrix, &settings);
    let rows = cells(&export_results(
        matrix,
        &evaluation,
        &settings,
        &matrix.decisions,
        "=Volume x2",
        "26/11/2026",
    ));
    assert_eq!(rows[0], ["Scenario", "'=Volume x2"]);
    assert_eq!(rows[1], ["Date", "26/11/2026"]);
    assert_eq!(rows[5], ["Unknown scores", "? counts as 4"]);
    let weights = rows.iter().position(|r| r[0] == "Criterion").unwrap();
    assert_eq!(rows[weights + 1][..3], ["Volume", "scored", "2"]);
    let effective: f64 = rows[weights + 1][3].parse().unwrap();
    assert!((effective - evaluation.multipliers[0]).abs() < 1e-6);
    let header = rows.iter().position(|r| r[0] == "Rank").unwrap();
    let items: Vec<&Vec<String>> = rows[header + 1..]
        .iter()
        .take_while(|r| r[0] != "Board decision")
        .collect();
    assert_eq!(items.len(), matrix.items.len());
    // Worked out by hand: Picking Pockets etc (published 9, Volume 2) counts 9 + 2 = 11.
    let column = |name: &str| rows[header].iter().position(|c| c == name).unwrap();
    let pockets = items
        .iter()
        .find(|r| r.contains(&"Picking Pockets etc".to_owned()))
        .unwrap();
    assert_eq!(pockets[column("Total")], "11");
    assert_eq!(pockets[column("Published band")], "Amber");
    assert_eq!(pockets[column("Band changed")], "yes");
    assert_eq!(pockets[column("Margin")], "0 above Red: on the line");
    assert_eq!(
        pockets[column("Band against published")],
        "Amber → Red, up a band"
    );
    let other_theft = items
        .iter()
        .find(|r| r.contains(&"Other Theft".to_owned()))
        .unwrap();
    assert_eq!(
        other_theft[column("Band changed")],
        "no",
        "6 + 4 = 10, still Amber"
    );
    let decisions = rows.iter().position(|r| r[0] == "Board decision").unwrap();
    assert_eq!(
        rows[decisions + 1][..3],
        [
            "Residential burglary",
            "added to the priorities",
            "Burglary in a Dwelling"
        ]
    );
    assert_eq!(rows.len(), decisions + 1 + matrix.decisions.len());
    let total_column = rows[header].iter().position(|c| c == "Total").unwrap();
    for (row, &index) in items.into_iter().zip(&evaluation.ranking) {
        let result = &evaluation.items[index];
        assert_eq!(row[0], result.rank.position.to_string());
        assert_eq!(row[1], if result.rank.tied { "yes" } else { "" });
        assert!(row.contains(&matrix.items[index].name));
        let total: f64 = row[total_column].parse().unwrap();
        assert!((total - result.total).abs() < 1e-6);
        assert_eq!(row[total_column + 1], result.band.name());
    }
}

/// Characters that make import and export work hard: delimiters, quotes, line breaks,
/// formula starts (ASCII and full-width), apostrophes, `#`, and non-ASCII text.
const NASTY: &str = "[a-zA-Z0-9 ,;\t\"\r\n'=+@#?£é–＝＋－＠-]{0,12}";

/// A unique name: anything, then `#` and its index, so no two names are the same even
/// ignoring case and spaces, none is empty, and none is a reserved column name.
fn name(prefix: &str, index: usize) -> String {
    format!("{prefix}#{index}")
}

fn score() -> impl Strategy<Value = Score> {
    prop::sample::select(Score::ALL.to_vec())
}

prop_compose! {
    fn criterion(index: usize)(prefix in NASTY, description in NASTY, unattributed in any::<bool>()) -> Criterion {
        let kind = if unattributed { CriterionKind::Unattributed } else { CriterionKind::Scored };
        Criterion { name: name(&prefix, index), description, kind }
    }
}

prop_compose! {
    fn priority()(listed_as in NASTY, item in NASTY.prop_map(|prefix| name(&prefix, 0)), position in prop::option::of(0..50_u32),
                  points in prop::option::of(0..30_u32), board_decision in any::<bool>()) -> PublishedPriority {
        PublishedPriority { listed_as, item, position, points, board_decision }
    }
}

prop_compose! {
    fn matrix()(criteria_count in 1..6_usize, item_count in 1..8_usize)
        (criteria in (0..criteria_count).map(criterion).collect::<Vec<_>>(),
         names in prop::collection::vec(NASTY, item_count),
         scores in prop::collection::vec(prop::collection::vec(score(), criteria_count), item_count),
         places in prop::collection::vec((0..3_usize, 0..3_usize), item_count),
         sources in prop::collection::vec(NASTY, item_count),
         totals in prop::collection::vec(prop::option::of(0..100_u32), item_count),
         group_names in prop::collection::vec(NASTY, 2),
         subtotals in prop::collection::vec(prop::option::of(0..200_u32), 9),
         texts in prop::collection::vec(NASTY, 3),
         priorities in prop::collection::vec(priority(), 0..3),
         amber in 0.0..20.0_f64, gap in 0.0..20.0_f64) -> Matrix {
        // Group 0 and 1 exist; place 2 means "no group" / "no category".
        let group = |g: usize| (g < 2).then(|| name(&group_names[g], g));
        let category_name = |g: usize, c: usize| (c < 2).then(|| name("Category", g * 3 + c));
        let items: Vec<Item> = names.iter().enumerate().map(|(i, prefix)| Item {
            name: name(prefix, i),
            group: group(places[i].0),
            category: category_name(places[i].0, places[i].1),
            scores: scores[i].clone(),
            data_source: sources[i].clone(),
            published_total: totals[i],
        }).collect();
        let groups = (0..2).filter_map(group).zip(&subtotals)
            .map(|(name, subtotal)| GroupInfo { name, published_subtotal: *subtotal }).collect();
        let categories = (0..3).flat_map(|g| (0..2).map(move |c| (g, c)))
            .zip(&subtotals[2..])
            .filter_map(|((g, c), subtotal)| Some(CategoryInfo {
                group: group(g), name: category_name(g, c)?, published_subtotal: *subtotal,
            }))
            .collect();
        let decisions = decisions(&items, &texts);
        Matrix {
            title: texts[0].clone(),
            short_name: texts[1].clone(),
            source: texts[2].clone(),
            criteria,
            items,
            groups,
            categories,
            thresholds: Thresholds { amber, red: amber + gap },
            decisions,
            priorities,
        }
    }
}

/// A board decision over the first two items (when there are any), worded with `texts`.
fn decisions(items: &[Item], texts: &[String]) -> Vec<BoardDecision> {
    if items.is_empty() || texts.iter().any(|t| t.trim().is_empty()) {
        return Vec::new();
    }
    vec![BoardDecision {
        subject: texts[0].clone(),
        items: items.iter().take(2).map(|item| item.name.clone()).collect(),
        include: items.len() % 2 == 0,
        reason: texts[2].clone(),
        date: texts[1].clone(),
    }]
}

/// The first character of a cell a spreadsheet could run as a formula.
fn formula_start(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠'])
}

proptest! {
    #[test]
    fn escaping_round_trips_and_leaves_no_formula_start(text in NASTY) {
        let escaped = escape_cell(&text);
        prop_assert_eq!(unescape_cell(&escaped), text.as_str());
        prop_assert!(!formula_start(&escaped));
    }

    #[test]
    fn any_matrix_survives_export_and_import(matrix in matrix()) {
        let exported = export_matrix(&matrix);
        prop_assert_eq!(import_text(&exported), Ok(matrix.clone()));
        for row in cells(&exported) {
            for cell in row {
                prop_assert!(!formula_start(&cell), "{:?}", cell);
            }
        }
    }

    #[test]
    fn results_exports_have_no_formula_starts(matrix in matrix(), scenario in NASTY, date in NASTY) {
        let settings = Settings::published(&matrix);
        let evaluation = evaluate(&matrix, &settings);
        let rows = cells(&export_results(&matrix, &evaluation, &settings, &matrix.decisions, &scenario, &date));
        prop_assert_eq!(unescape_cell(&rows[0][1]), scenario.as_str());
        prop_assert_eq!(unescape_cell(&rows[1][1]), date.as_str());
        for cell in rows.iter().flatten() {
            prop_assert!(!formula_start(cell), "{:?}", cell);
        }
    }
}

/// What Excel does when it saves a CSV it opened: quotes only where needed and pads every
/// row with empty cells to the width of the widest.
fn resave_like_excel(text: &str, byte_order_mark: bool) -> String {
    let rows = cells(text);
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for mut row in rows {
        row.resize(width, String::new());
        writer.write_record(&row).unwrap();
    }
    let body = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    if byte_order_mark {
        format!("\u{FEFF}{body}")
    } else {
        body
    }
}

#[test]
fn seed_exports_resaved_by_excel_import_the_same() {
    for matrix in seed_matrices().unwrap() {
        for byte_order_mark in [true, false] {
            let resaved = resave_like_excel(&export_matrix(&matrix), byte_order_mark);
            assert_eq!(import_bytes(resaved.as_bytes()).unwrap().matrix, matrix);
        }
    }
}
