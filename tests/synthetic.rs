//! The synthetic matrix generator: deterministic, a valid import file, and grouped as asked.
#![cfg(not(target_arch = "wasm32"))]

use matrix_explorer::data::{export_matrix, import_text, synthetic_matrix};
use matrix_explorer::model::{CriterionKind, Matrix, Score};
use std::collections::HashSet;

/// Distinct (group, category) pairs and distinct groups the items use.
fn used(matrix: &Matrix) -> (usize, usize) {
    let categories: HashSet<(Option<&str>, &str)> = matrix
        .items
        .iter()
        .filter_map(|i| Some((i.group.as_deref(), i.category.as_deref()?)))
        .collect();
    let groups: HashSet<&str> = matrix
        .items
        .iter()
        .filter_map(|i| i.group.as_deref())
        .collect();
    (groups.len(), categories.len())
}

#[test]
fn the_same_seed_gives_the_same_matrix_and_another_seed_another() {
    let a = synthetic_matrix(2_000, 7, 9, 42);
    assert_eq!(a, synthetic_matrix(2_000, 7, 9, 42));
    assert_eq!(
        export_matrix(&a),
        export_matrix(&synthetic_matrix(2_000, 7, 9, 42))
    );
    assert_ne!(a.items, synthetic_matrix(2_000, 7, 9, 43).items);
}

#[test]
fn it_has_the_items_groups_and_categories_asked_for() {
    for (items, groups, per_group) in [
        (1_000, 10, 7),
        (10_000, 70, 7),
        (4_900, 70, 70),
        (3_000, 1, 3_000),
        (3_000, 3_000, 1),
        (500, 0, 20),
        (500, 20, 0),
        (500, 0, 0),
        (1, 1, 1),
    ] {
        let matrix = synthetic_matrix(items, groups, per_group, 7);
        let categories = if per_group == 0 {
            0
        } else {
            groups.max(1) * per_group
        };
        assert_eq!(matrix.items.len(), items);
        assert_eq!(matrix.groups.len(), groups, "{items} {groups} {per_group}");
        assert_eq!(
            matrix.categories.len(),
            categories,
            "{items} {groups} {per_group}"
        );
        assert_eq!(
            used(&matrix),
            (groups, categories),
            "{items} {groups} {per_group}"
        );
        let names: HashSet<String> = matrix.items.iter().map(|i| i.name.to_lowercase()).collect();
        assert_eq!(names.len(), items, "item names differ");
    }
}

#[test]
fn more_categories_than_items_gives_one_category_per_item() {
    let matrix = synthetic_matrix(100, 10, 70, 1);
    assert_eq!(matrix.categories.len(), 100);
    assert_eq!(matrix.groups.len(), 2);
    assert_eq!(used(&matrix), (2, 100));
}

#[test]
fn it_has_six_scored_criteria_some_unknown_scores_and_consistent_totals() {
    let matrix = synthetic_matrix(5_000, 10, 10, 3);
    let scored = matrix.scored_criteria();
    assert_eq!(scored, 6);
    assert!(matrix.has_unattributed());
    let unknown = matrix
        .items
        .iter()
        .flat_map(|i| &i.scores)
        .filter(|s| **s == Score::Unknown)
        .count();
    assert!(
        unknown > 5_000 * 6 / 20 && unknown < 5_000 * 6 / 6,
        "{unknown} '?' scores"
    );
    for item in &matrix.items {
        assert_eq!(item.scores.len(), matrix.criteria.len());
        // The unattributed column holds the published total minus the printed scores.
        let sum: u32 = item
            .scores
            .iter()
            .filter_map(|s| s.value())
            .map(u32::from)
            .sum();
        assert_eq!(item.published_total, Some(sum), "{}", item.name);
    }
    assert!(matrix
        .criteria
        .iter()
        .take(6)
        .all(|c| c.kind == CriterionKind::Scored));
}

#[test]
fn it_exports_and_imports_back_unchanged() {
    for (items, groups, per_group) in [
        (3_000, 30, 10),
        (2_000, 1, 2_000),
        (700, 0, 0),
        (900, 0, 30),
    ] {
        let matrix = synthetic_matrix(items, groups, per_group, 11);
        let text = export_matrix(&matrix);
        let imported = import_text(&text)
            .unwrap_or_else(|problems| panic!("{items} {groups} {per_group}: {problems:?}"));
        assert_eq!(imported, matrix, "{items} {groups} {per_group}");
    }
}
