//! The table's row order: every item exactly once, under its group and category headings,
//! with uncategorised items last.

use matrix_explorer::data::seed_matrices;
use matrix_explorer::engine::{evaluate, table_rows, Evaluation, TableRow};
use matrix_explorer::model::{Matrix, Settings};

fn seeds() -> Vec<(Matrix, Evaluation)> {
    let matrices = seed_matrices().expect("seed parses");
    matrices
        .into_iter()
        .map(|m| {
            let e = evaluate(&m, &Settings::published(&m));
            (m, e)
        })
        .collect()
}

fn items(rows: &[TableRow]) -> Vec<usize> {
    rows.iter()
        .filter_map(|r| {
            if let TableRow::Item(i) = r {
                Some(*i)
            } else {
                None
            }
        })
        .collect()
}

#[test]
fn rows_follow_the_document_with_headings_before_their_items() {
    let all = seeds();
    let (asb, asb_eval) = &all[1];
    let rows = table_rows(asb_eval);
    let count = |f: fn(&TableRow) -> bool| rows.iter().filter(|r| f(r)).count();
    assert_eq!(count(|r| matches!(r, TableRow::Group(_))), 3);
    assert_eq!(count(|r| matches!(r, TableRow::Category(_))), 8);
    assert_eq!(
        items(&rows),
        (0..asb.items.len()).collect::<Vec<_>>(),
        "document order"
    );
    assert_eq!(rows[0], TableRow::Group(0));
    assert_eq!(rows[1], TableRow::Category(0));
    // Each item sits under the heading of its own category.
    let mut category = None;
    for row in &rows {
        match row {
            TableRow::Category(c) => category = Some(asb_eval.category_name(*c)),
            TableRow::Item(i) => assert_eq!(asb.items[*i].category.as_deref(), category),
            TableRow::Group(_) => {}
        }
    }
}

#[test]
fn items_without_a_category_come_last_and_nothing_breaks_when_empty() {
    let mut all = seeds();
    let (mut crime, _) = all.remove(0);
    crime.items[0].category = None;
    let eval = evaluate(&crime, &Settings::published(&crime));
    let rows = table_rows(&eval);
    assert_eq!(rows.last(), Some(&TableRow::Item(0)));
    assert_eq!(items(&rows).len(), crime.items.len());
    crime.items.clear();
    let empty = evaluate(&crime, &Settings::published(&crime));
    assert!(table_rows(&empty)
        .iter()
        .all(|r| !matches!(r, TableRow::Item(_))));
}
