//! `evaluate`, `audit` and `table_rows` on large synthetic matrices agree with a plain
//! recomputation from the one-item functions: totals, bands, ranges, ranks, subtotals.
#![cfg(not(target_arch = "wasm32"))]

use matrix_explorer::data::synthetic_matrix;
use matrix_explorer::engine::{
    audit, band_of, effective_multipliers, evaluate, item_total, rank, snap, table_rows,
    Evaluation, Rank, SubtotalLevel, TableRow,
};
use matrix_explorer::model::{
    CategoryInfo, Criterion, CriterionKind, Item, Matrix, Score, Settings, Thresholds,
    UnknownPolicy, Weight,
};
use std::cmp::Ordering;

/// Settings with awkward weights, so totals are not whole numbers.
fn settings(matrix: &Matrix, weights: &[f64], rescale: bool, policy: UnknownPolicy) -> Settings {
    let mut settings = Settings::published(matrix);
    for (slot, &w) in settings.weights.iter_mut().zip(weights) {
        *slot = Weight::clamped(w);
    }
    settings.rescale = rescale;
    settings.unknown_policy = policy;
    settings.thresholds = Thresholds {
        amber: 7.3,
        red: 12.000_001,
    };
    settings
}

/// Ranks by a stable comparison sort, highest first, ties (within 1e-9) sharing a position.
fn reference_ranks(totals: &[f64]) -> (Vec<Rank>, Vec<usize>) {
    let mut order: Vec<usize> = (0..totals.len()).collect();
    order.sort_by(|&a, &b| totals[b].partial_cmp(&totals[a]).unwrap_or(Ordering::Equal));
    let mut ranks = vec![
        Rank {
            position: 0,
            tied: false
        };
        totals.len()
    ];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && (totals[order[end]] - totals[order[start]]).abs() < 1e-9 {
            end += 1;
        }
        for &i in &order[start..end] {
            ranks[i] = Rank {
                position: start + 1,
                tied: end - start > 1,
            };
        }
        start = end;
    }
    (ranks, order)
}

/// (name, group, total, published, items) per key, in first-seen order, summed one item
/// at a time with each sum snapped; the printed subtotal is the first declared entry's.
type Expected = (String, Option<String>, f64, Option<u32>, Vec<usize>);

fn reference_subtotals(
    matrix: &Matrix,
    totals: &[f64],
    key_of: impl Fn(&Item) -> Option<(String, Option<String>)>,
    published: impl Fn(&str, Option<&str>) -> Option<u32>,
) -> Vec<Expected> {
    let mut out: Vec<Expected> = Vec::new();
    for (index, item) in matrix.items.iter().enumerate() {
        let Some((name, group)) = key_of(item) else {
            continue;
        };
        let at = if let Some(at) = out.iter().position(|s| s.0 == name && s.1 == group) {
            at
        } else {
            let printed = published(&name, group.as_deref());
            out.push((name, group, 0.0, printed, Vec::new()));
            out.len() - 1
        };
        out[at].2 = snap(out[at].2 + totals[index]);
        out[at].4.push(index);
    }
    out
}

fn check(matrix: &Matrix, settings: &Settings) -> Evaluation {
    let evaluation = evaluate(matrix, settings);
    let multipliers = effective_multipliers(settings, &matrix.criteria);
    assert_eq!(evaluation.items.len(), matrix.items.len());
    for (item, result) in matrix.items.iter().zip(&evaluation.items) {
        let total = item_total(
            item,
            &matrix.criteria,
            &multipliers,
            settings.unknown_policy,
        );
        assert_eq!(result.total.to_bits(), total.to_bits(), "{}", item.name);
        assert_eq!(result.band, band_of(total, &settings.thresholds));
        let unknowns = item.scores.iter().filter(|s| **s == Score::Unknown).count();
        assert_eq!(result.unknowns, unknowns);
        match result.range {
            None => assert_eq!(unknowns, 0),
            Some(range) => {
                let min = item_total(item, &matrix.criteria, &multipliers, UnknownPolicy::Zero);
                let max = item_total(
                    item,
                    &matrix.criteria,
                    &multipliers,
                    UnknownPolicy::WorstCase,
                );
                assert_eq!(range.min.to_bits(), min.to_bits());
                assert_eq!(range.max.to_bits(), max.to_bits());
                assert_eq!(range.min_band, band_of(min, &settings.thresholds));
                assert_eq!(range.max_band, band_of(max, &settings.thresholds));
            }
        }
    }
    let totals: Vec<f64> = evaluation.items.iter().map(|r| r.total).collect();
    let (ranks, order) = reference_ranks(&totals);
    assert_eq!(evaluation.ranking, order);
    let got: Vec<Rank> = evaluation.items.iter().map(|r| r.rank).collect();
    assert_eq!(got, ranks);

    let categories = reference_subtotals(
        matrix,
        &totals,
        |item| Some((item.category.clone()?, item.group.clone())),
        |name, group| {
            matrix
                .categories
                .iter()
                .find(|c| c.name == name && c.group.as_deref() == group)
                .and_then(|c| c.published_subtotal)
        },
    );
    let groups = reference_subtotals(
        matrix,
        &totals,
        |item| Some((item.group.clone()?, None)),
        |name, _| {
            matrix
                .groups
                .iter()
                .find(|g| g.name == name)
                .and_then(|g| g.published_subtotal)
        },
    );
    for (got, want) in [
        (&evaluation.categories, categories),
        (&evaluation.groups, groups),
    ] {
        assert_eq!(got.len(), want.len());
        for (s, (name, group, total, published, items)) in got.iter().zip(want) {
            assert_eq!((&s.name, &s.group), (&name, &group));
            assert_eq!(s.total.to_bits(), total.to_bits(), "{name}");
            assert_eq!(s.published, published, "{name}");
            assert_eq!(s.items, items, "{name}");
        }
    }
    evaluation
}

/// Some items moved to the categories of other items, so categories are not in runs, with
/// categories declared in another order, twice, or not used at all.
fn scrambled(mut matrix: Matrix) -> Matrix {
    let n = matrix.items.len();
    for i in (0..n).step_by(3) {
        let j = (i * 7919) % n;
        let (group, category) = (
            matrix.items[j].group.clone(),
            matrix.items[j].category.clone(),
        );
        matrix.items[i].group = group;
        matrix.items[i].category = category;
    }
    matrix.categories.reverse();
    let mut twice = matrix.categories[3].clone();
    twice.published_subtotal = Some(999);
    matrix.categories.push(twice);
    matrix.categories.insert(
        1,
        CategoryInfo {
            group: None,
            name: "Unused".into(),
            published_subtotal: Some(5),
        },
    );
    let mut group = matrix.groups[2].clone();
    group.published_subtotal = Some(4242);
    matrix.groups.insert(0, group);
    matrix.items[5].scores.truncate(3);
    matrix.items[6].scores.push(Score::Unknown);
    matrix
}

/// The matrix with no groups or categories declared, though its items have them.
fn undeclared(mut matrix: Matrix) -> Matrix {
    matrix.groups.clear();
    matrix.categories.clear();
    matrix
}

#[test]
fn large_matrices_agree_with_the_one_item_functions() {
    let weight_sets: [&[f64]; 3] = [
        &[1.0, 1.0, 1.0, 2.0],
        &[1.7, 0.3, 2.2, 1.0 / 3.0, 4.9, 0.0, 2.5],
        &[0.0; 7],
    ];
    let matrices = [
        synthetic_matrix(3_000, 20, 10, 5),
        synthetic_matrix(2_000, 1, 2_000, 6),
        synthetic_matrix(1_500, 0, 30, 7),
        synthetic_matrix(1_000, 0, 0, 8),
        scrambled(synthetic_matrix(1_200, 10, 10, 9)),
        undeclared(synthetic_matrix(2_500, 25, 10, 4)),
    ];
    for matrix in &matrices {
        for weights in weight_sets {
            for rescale in [false, true] {
                for policy in UnknownPolicy::ALL {
                    check(matrix, &settings(matrix, weights, rescale, policy));
                }
            }
        }
    }
}

#[test]
fn totals_too_large_to_sum_as_whole_millionths_still_agree() {
    let criteria = 200;
    let mut matrix = synthetic_matrix(3_000, 30, 10, 3);
    matrix.criteria = (0..criteria)
        .map(|c| Criterion {
            name: format!("C{c}"),
            description: String::new(),
            kind: CriterionKind::Scored,
        })
        .collect();
    for (i, item) in matrix.items.iter_mut().enumerate() {
        item.scores = (0..criteria)
            .map(|c| {
                if (i + c) % 11 == 0 {
                    Score::Unknown
                } else {
                    Score::Known(u8::try_from(200 + (i * 7 + c) % 56).unwrap())
                }
            })
            .collect();
    }
    let weights = vec![4.999_9; criteria];
    check(
        &matrix,
        &settings(&matrix, &weights, false, UnknownPolicy::Zero),
    );
}

#[test]
fn audit_and_table_rows_of_large_matrices_agree_with_a_plain_search() {
    for matrix in [
        undeclared(synthetic_matrix(2_000, 20, 10, 1)),
        synthetic_matrix(2_000, 20, 10, 1),
        synthetic_matrix(1_000, 1, 1_000, 2),
        scrambled(synthetic_matrix(1_200, 10, 10, 9)),
    ] {
        let audit = audit(&matrix);
        let printed = |item: &Item| -> u32 {
            item.scores
                .iter()
                .zip(&matrix.criteria)
                .filter(|(_, c)| c.kind == CriterionKind::Scored)
                .filter_map(|(s, _)| s.value())
                .map(u32::from)
                .sum()
        };
        let expected = matrix
            .categories
            .iter()
            .map(|c| {
                let rows: Vec<&Item> = matrix
                    .items
                    .iter()
                    .filter(|i| i.category.as_ref() == Some(&c.name) && i.group == c.group)
                    .collect();
                (
                    SubtotalLevel::Category,
                    c.name.clone(),
                    c.published_subtotal,
                    rows,
                )
            })
            .chain(matrix.groups.iter().map(|g| {
                let rows: Vec<&Item> = matrix
                    .items
                    .iter()
                    .filter(|i| i.group.as_ref() == Some(&g.name))
                    .collect();
                (
                    SubtotalLevel::Group,
                    g.name.clone(),
                    g.published_subtotal,
                    rows,
                )
            }));
        assert_eq!(
            audit.subtotals.len(),
            matrix.categories.len() + matrix.groups.len()
        );
        for (check, (level, name, published, rows)) in audit.subtotals.iter().zip(expected) {
            assert_eq!(
                (check.level, &check.name, check.published),
                (level, &name, published)
            );
            let totals: u32 = rows.iter().map(|i| i.published_total.unwrap_or(0)).sum();
            let scores: u32 = rows.iter().map(|i| printed(i)).sum();
            assert_eq!(
                (check.sum_of_totals, check.sum_of_scores),
                (totals, scores),
                "{name}"
            );
        }

        let evaluation = evaluate(&matrix, &Settings::published(&matrix));
        let rows = table_rows(&evaluation);
        let mut seen = vec![0; matrix.items.len()];
        let mut group_shown = vec![false; evaluation.groups.len()];
        for row in &rows {
            match *row {
                TableRow::Group(g) => {
                    assert!(!group_shown[g], "each group heading once");
                    group_shown[g] = true;
                }
                TableRow::Category(c) => {
                    let category = &evaluation.categories[c];
                    let first = category
                        .group
                        .as_ref()
                        .and_then(|name| evaluation.groups.iter().position(|g| &g.name == name));
                    if let Some(first) = first {
                        assert!(group_shown[first], "a group heading before its categories");
                    }
                }
                TableRow::Item(i) => seen[i] += 1,
            }
        }
        assert!(seen.iter().all(|&n| n == 1), "every item exactly once");
    }
}

#[test]
fn rank_of_many_totals_agrees_with_a_comparison_sort() {
    let mut state = 12_345u64;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        state >> 33
    };
    let mut totals: Vec<f64> = (0..5_000)
        .map(|_| {
            let n = next();
            match n % 7 {
                0 => 0.0,
                1 => -0.0,
                2 => f64::from(u32::try_from(n % 30).unwrap()) - 10.0,
                3 => f64::INFINITY,
                4 => -1e-10 * f64::from(u32::try_from(n % 3).unwrap()),
                _ => f64::from(u32::try_from(n % 100_000).unwrap()) / 7.0 - 5_000.0,
            }
        })
        .collect();
    assert_eq!(rank(&totals), reference_ranks(&totals));
    totals[17] = f64::NAN;
    let (ranks, order) = rank(&totals);
    assert_eq!((ranks.len(), order.len()), (totals.len(), totals.len()));
}
