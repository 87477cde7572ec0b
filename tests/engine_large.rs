//! `evaluate`, `audit` and `table_rows` on large synthetic matrices agree with a plain
//! recomputation from the one-item functions: totals, bands, ranges, ranks, subtotals.
#![cfg(not(target_arch = "wasm32"))]

use matrix_explorer::data::synthetic_matrix;
use matrix_explorer::engine::{
    audit, band_of, effective_multipliers, evaluate, evaluate_with, item_total, rank, reband, snap,
    table_rows, Evaluation, Layout, Rank, SubtotalLevel, TableRow,
};
use matrix_explorer::model::{
    Band, CategoryInfo, Criterion, CriterionKind, Item, Matrix, Score, Settings, Thresholds,
    UnknownPolicy, Weight,
};
use std::cmp::Ordering;
use std::rc::Rc;

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
    // Each subtotal's name, group and items, as the evaluation gives them.
    let category_keys = (0..evaluation.categories.len()).map(|c| {
        (
            evaluation.category_name(c),
            evaluation
                .category_group(c)
                .map(|g| evaluation.group_name(g)),
            evaluation.category_items(c),
        )
    });
    let group_keys = (0..evaluation.groups.len())
        .map(|g| (evaluation.group_name(g), None, evaluation.group_items(g)));
    for (got, keys, want) in [
        (
            &evaluation.categories,
            category_keys.collect::<Vec<_>>(),
            categories,
        ),
        (&evaluation.groups, group_keys.collect(), groups),
    ] {
        assert_eq!(got.len(), want.len());
        assert_eq!(keys.len(), want.len());
        for ((s, (got_name, got_group, got_items)), (name, group, total, published, items)) in
            got.iter().zip(keys).zip(want)
        {
            assert_eq!((got_name, got_group), (name.as_str(), group.as_deref()));
            assert_eq!(s.total.to_bits(), total.to_bits(), "{name}");
            assert_eq!(s.published, published, "{name}");
            assert_eq!(got_items, items.as_slice(), "{name}");
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
                    // The category's group, found by name among the groups.
                    let group = matrix.items[evaluation.category_items(c)[0]]
                        .group
                        .as_deref();
                    let first = group.and_then(|name| {
                        (0..evaluation.groups.len()).position(|g| evaluation.group_name(g) == name)
                    });
                    assert_eq!(first, evaluation.category_group(c));
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

#[test]
fn one_layout_under_many_settings_gives_what_evaluate_gives() {
    for matrix in [
        synthetic_matrix(2_000, 20, 10, 3),
        synthetic_matrix(1_000, 1, 1_000, 4),
        scrambled(synthetic_matrix(1_200, 10, 10, 9)),
    ] {
        let layout = Rc::new(Layout::new(&matrix));
        assert_eq!(layout.items(), matrix.items.len());
        for weights in [
            &[1.0, 1.0, 1.0, 2.0][..],
            &[0.5, 2.5, 1.0, 1.0, 4.75, 1.5, 3.0],
        ] {
            for policy in UnknownPolicy::ALL {
                let settings = settings(&matrix, weights, false, policy);
                let reused = evaluate_with(&layout, &settings);
                assert_eq!(reused, check(&matrix, &settings));
                assert!(Rc::ptr_eq(&reused.layout, &layout));
                // The re-band alone gives the same totals, bands and counts.
                let rebanded = reband(&layout, &settings);
                let totals: Vec<f64> = reused.items.iter().map(|r| r.total).collect();
                let bands: Vec<Band> = reused.items.iter().map(|r| r.band).collect();
                assert_eq!(rebanded.totals(), totals.as_slice());
                assert_eq!(rebanded.bands().collect::<Vec<_>>(), bands);
                assert_eq!(rebanded.counts(), reused.counts);
            }
        }
    }
}

#[test]
fn totals_on_a_coarser_step_at_first_still_rank_and_sum_exactly() {
    // The first items' totals are all even, the later ones' odd: a step guessed from the
    // first items does not hold for the rest.
    let mut matrix = synthetic_matrix(3_000, 30, 10, 2);
    for (i, item) in matrix.items.iter_mut().enumerate() {
        for score in &mut item.scores {
            *score = Score::Known(2);
        }
        if let Some(first) = item.scores.first_mut() {
            *first = Score::Known(u8::try_from(i % 5).unwrap());
        }
        if i >= 500 {
            if let Some(last) = item.scores.last_mut() {
                *last = Score::Known(1);
            }
        }
        if i % 7 == 0 {
            item.scores[2] = Score::Unknown;
        }
    }
    let weights = [2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 1.0];
    for policy in UnknownPolicy::ALL {
        check(&matrix, &settings(&matrix, &weights, false, policy));
    }
    // Totals a whole point apart, spread wider than the counting of them allows.
    for (i, item) in matrix.items.iter_mut().enumerate() {
        item.scores[0] = Score::Known(u8::try_from(i % 5).unwrap());
    }
    let wide = [5.0, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001];
    check(
        &matrix,
        &settings(&matrix, &wide, false, UnknownPolicy::Zero),
    );
}

#[test]
fn a_matrix_without_criteria_or_items_evaluates() {
    let mut matrix = synthetic_matrix(300, 3, 4, 5);
    matrix.criteria.clear();
    for item in matrix.items.iter_mut().step_by(3) {
        item.scores.clear();
    }
    for policy in UnknownPolicy::ALL {
        let evaluation = check(&matrix, &settings(&matrix, &[], false, policy));
        assert!(evaluation.items.iter().all(|r| r.total == 0.0));
        assert_eq!(evaluation.counts.green, matrix.items.len());
    }
    matrix.items.clear();
    let evaluation = check(&matrix, &Settings::published(&matrix));
    assert!(evaluation.ranking.is_empty() && evaluation.categories.is_empty());
}

#[test]
fn weights_that_overflow_when_rescaled_give_what_the_one_item_functions_give() {
    let matrix = synthetic_matrix(1_000, 10, 10, 6);
    let mut weights = vec![0.0; 7];
    weights[2] = 5e-324;
    let settings = settings(&matrix, &weights, true, UnknownPolicy::Zero);
    let evaluation = evaluate(&matrix, &settings);
    let multipliers = effective_multipliers(&settings, &matrix.criteria);
    for (item, result) in matrix.items.iter().zip(&evaluation.items) {
        let total = item_total(
            item,
            &matrix.criteria,
            &multipliers,
            settings.unknown_policy,
        );
        assert!(
            total.to_bits() == result.total.to_bits() || (total.is_nan() && result.total.is_nan()),
            "{total} {}",
            result.total
        );
        assert_eq!(result.band, band_of(total, &settings.thresholds));
    }
    assert_eq!(evaluation.ranking.len(), matrix.items.len());
}
