//! The table's row order and paging: every item exactly once, under its headings, and a
//! page that starts part-way through a category repeats that category's heading.

use matrix_explorer::data::seed_matrices;
use matrix_explorer::engine::{evaluate, page_of, table_rows, Evaluation, TableRow};
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
            TableRow::Category(c) => category = Some(&asb_eval.categories[*c].name),
            TableRow::Item(i) => assert_eq!(asb.items[*i].category.as_ref(), category),
            TableRow::Group(_) => {}
        }
    }
}

#[test]
fn pages_cover_every_item_once_and_repeat_the_heading_they_continue() {
    let all = seeds();
    let (crime, crime_eval) = &all[0];
    let rows = table_rows(crime_eval);
    let first = page_of(&rows, 0, 10);
    assert_eq!(
        (first.pages, first.items_total, first.items_shown),
        (4, 37, 10)
    );
    let mut seen = Vec::new();
    for page in 0..first.pages {
        let p = page_of(&rows, page, 10);
        assert!(
            matches!(p.rows[0], TableRow::Category(_)),
            "page {page} opens with a heading"
        );
        assert_eq!(p.first_item, page * 10);
        seen.extend(items(&p.rows));
    }
    assert_eq!(seen, (0..crime.items.len()).collect::<Vec<_>>());
    // Item 10 (Robbery of Business Property) is the second of its category: the heading repeats.
    let second = page_of(&rows, 1, 10);
    let TableRow::Category(c) = second.rows[0] else {
        panic!("a heading first")
    };
    assert_eq!(crime_eval.categories[c].name, "Robbery");
    assert_eq!(second.rows[1], TableRow::Item(10));
    // A page past the end is the last page.
    assert_eq!(page_of(&rows, 99, 10).page, 3);
    assert_eq!(page_of(&rows, 99, 10).items_shown, 7);
}

#[test]
fn a_page_continuing_a_group_repeats_the_group_heading_too() {
    let all = seeds();
    let (asb, asb_eval) = &all[1];
    let rows = table_rows(asb_eval);
    // Item 5 (Animals) is mid-way through Noise, inside MISUSE OF PUBLIC SPACE.
    let page = page_of(&rows, 1, 5);
    let TableRow::Group(g) = page.rows[0] else {
        panic!("the group heading first")
    };
    assert_eq!(asb_eval.groups[g].name, "MISUSE OF PUBLIC SPACE");
    let TableRow::Category(c) = page.rows[1] else {
        panic!("then the category")
    };
    assert_eq!(asb_eval.categories[c].name, "Noise");
    assert_eq!(asb.items[5].name, "Animals");
    assert_eq!(page.rows[2], TableRow::Item(5));
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
    let page = page_of(&table_rows(&empty), 3, 0);
    assert_eq!(
        (page.pages, page.page, page.items_total, page.rows.len()),
        (1, 0, 0, 0)
    );
}
