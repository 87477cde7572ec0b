//! `make bench`: how fast the engine re-bands 1k, 10k and 50k-item synthetic matrices after a
//! weight change (`reband`, and the whole `evaluate_with`, over the matrix's `Layout`), beside a
//! plain loop over the same data laid out flat; how long laying a matrix out and `evaluate` in one call take; and how long
//! the audit, the priority comparison, the table rows, and sorting and filtering the table take.

use matrix_explorer::data::{seed_matrices, synthetic_matrix};
use matrix_explorer::engine::{
    audit, band_of, baseline, compare_priorities, effective_multipliers, evaluate, evaluate_with,
    reband, snap, table_rows, view_items, Filter, Layout, SortKey, TableView,
};
use matrix_explorer::model::{Band, Matrix, Score, Settings, Weight};
use std::hint::black_box;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// Columns of a synthetic matrix: six scored criteria and the unattributed one.
const COLUMNS: usize = 7;

/// The time one measurement may take, runs included.
const BUDGET: Duration = Duration::from_millis(400);

/// Median time of `f`: at least 5 runs and at most 101, as many as fit in `BUDGET`.
fn median(mut f: impl FnMut()) -> Duration {
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < 5 || (times.len() < 101 && started.elapsed() < BUDGET) {
        let start = Instant::now();
        f();
        times.push(start.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

/// The published settings with one weight changed, as a weight slider does.
fn weight_changed(matrix: &Matrix) -> Settings {
    let mut settings = Settings::published(matrix);
    if let Some(weight) = settings.weights.get_mut(3) {
        *weight = Weight::new(2.0).unwrap_or(Weight::ONE);
    }
    settings
}

/// The matrix's scores laid out flat: one row of counted values per item ('?' as 0).
fn flat(matrix: &Matrix) -> Vec<[f64; COLUMNS]> {
    matrix
        .items
        .iter()
        .map(|item| {
            let mut row = [0.0; COLUMNS];
            for (value, score) in row.iter_mut().zip(&item.scores) {
                if let Score::Known(v) = score {
                    *value = f64::from(*v);
                }
            }
            row
        })
        .collect()
}

/// The hand-written loop: each item's snapped total and band into `out`.
fn plain_loop(
    rows: &[[f64; COLUMNS]],
    multipliers: &[f64; COLUMNS],
    (amber, red): (f64, f64),
    out: &mut [(f64, Band)],
) {
    for (slot, row) in out.iter_mut().zip(rows) {
        let mut total = 0.0;
        for (m, v) in multipliers.iter().zip(row) {
            total += m * v;
        }
        let total = snap(total);
        let band = if total >= red {
            Band::Red
        } else if total >= amber {
            Band::Amber
        } else {
            Band::Green
        };
        *slot = (total, band);
    }
}

/// The matrix with no groups or categories, so `evaluate` computes no subtotals.
fn ungrouped(matrix: &Matrix) -> Matrix {
    let mut bare = matrix.clone();
    bare.groups.clear();
    bare.categories.clear();
    for item in &mut bare.items {
        item.group = None;
        item.category = None;
    }
    bare
}

fn micros(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1e6)
}

/// One row of the re-band table.
fn reband_row(label: &str, matrix: &Matrix) {
    let settings = weight_changed(matrix);
    let one_call = median(|| {
        black_box(evaluate(black_box(matrix), black_box(&settings)));
    });
    let laying_out = median(|| {
        black_box(Layout::new(black_box(matrix)));
    });
    let layout = Rc::new(Layout::new(matrix));
    let banding = median(|| {
        black_box(reband(black_box(&layout), black_box(&settings)));
    });
    let whole = median(|| {
        black_box(evaluate_with(black_box(&layout), black_box(&settings)));
    });
    let bare = Rc::new(Layout::new(&ungrouped(matrix)));
    let no_subtotals = median(|| {
        black_box(evaluate_with(black_box(&bare), black_box(&settings)));
    });
    let rows = flat(matrix);
    let mut multipliers = [0.0; COLUMNS];
    for (m, e) in multipliers
        .iter_mut()
        .zip(effective_multipliers(&settings, &matrix.criteria))
    {
        *m = e;
    }
    let thresholds = (
        snap(settings.thresholds.amber),
        snap(settings.thresholds.red),
    );
    let mut out = vec![(0.0, Band::Green); rows.len()];
    let plain = median(|| {
        plain_loop(
            black_box(&rows),
            black_box(&multipliers),
            thresholds,
            black_box(&mut out),
        );
    });
    let evaluation = evaluate_with(&layout, &settings);
    assert_eq!(evaluation, evaluate(matrix, &settings));
    let same = out
        .iter()
        .zip(&evaluation.items)
        .all(|(&(total, band), r)| {
            total.to_bits() == r.total.to_bits()
                && band == r.band
                && band == band_of(total, &settings.thresholds)
        });
    assert!(same, "the plain loop and the engine disagree on {label}");
    let rebanded = reband(&layout, &settings);
    let same = out
        .iter()
        .zip(rebanded.totals().iter().zip(rebanded.bands()))
        .all(|(&(total, band), (t, b))| total.to_bits() == t.to_bits() && band == b);
    assert!(same, "the plain loop and the re-band disagree on {label}");
    let ratio = |d: Duration| d.as_secs_f64() / plain.as_secs_f64();
    println!(
        "{label:<28} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>8.1}x {:>8.1}x {:>8.1}x",
        micros(plain),
        micros(banding),
        micros(whole),
        micros(whole.saturating_sub(no_subtotals)),
        micros(laying_out),
        micros(one_call),
        ratio(banding),
        ratio(whole),
        ratio(one_call),
    );
}

/// One row of the other measurements.
fn other_row(label: &str, matrix: &Matrix) {
    let settings = Settings::published(matrix);
    let evaluation = evaluate(matrix, &settings);
    let audited = median(|| {
        black_box(audit(black_box(matrix)));
    });
    let compared = median(|| {
        black_box(compare_priorities(
            black_box(matrix),
            black_box(&evaluation),
        ));
    });
    let rows = median(|| {
        black_box(table_rows(black_box(&evaluation)));
    });
    let base = baseline(matrix);
    let viewed = |sort: SortKey, text: &str| {
        let view = TableView {
            sort,
            filter: Filter {
                text: text.to_owned(),
                ..Filter::default()
            },
        };
        median(|| {
            black_box(view_items(
                black_box(matrix),
                &evaluation,
                &base,
                &settings.thresholds,
                black_box(&view),
            ));
        })
    };
    println!(
        "{label:<28} {:>11} {:>11} {:>11} {:>11} {:>11} {:>11}",
        micros(audited),
        micros(compared),
        micros(rows),
        micros(viewed(SortKey::Name, "")),
        micros(viewed(SortKey::Margin, "")),
        micros(viewed(SortKey::Document, "item 7")),
    );
}

fn main() {
    let Ok(seeds) = seed_matrices() else {
        eprintln!("the seed matrices did not load");
        std::process::exit(1);
    };
    let cases: Vec<(String, Matrix)> = [
        ("37 (ASB seed)".to_owned(), seeds[1].clone()),
        (
            "1,000 (10 x 10 categories)".to_owned(),
            synthetic_matrix(1_000, 10, 10, 1),
        ),
        (
            "10,000 (30 x 10)".to_owned(),
            synthetic_matrix(10_000, 30, 10, 1),
        ),
        (
            "50,000 (50 x 10)".to_owned(),
            synthetic_matrix(50_000, 50, 10, 1),
        ),
        (
            "50,000 (700 x 70)".to_owned(),
            synthetic_matrix(50_000, 700, 70, 1),
        ),
        (
            "50,000 (1 x 50,000)".to_owned(),
            synthetic_matrix(50_000, 1, 50_000, 1),
        ),
    ]
    .into_iter()
    .collect();
    println!("Re-band after a weight change (median µs; release build)");
    println!(
        "{:<28} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "items (groups x categories)",
        "plain",
        "re-band",
        "whole",
        "subtotal",
        "layout",
        "evaluate",
        "reb/pl",
        "whole/pl",
        "eval/pl"
    );
    for (label, matrix) in &cases {
        reband_row(label, matrix);
    }
    println!();
    println!("Other steps (median µs)");
    println!(
        "{:<28} {:>11} {:>11} {:>11} {:>11} {:>11} {:>11}",
        "items (groups x categories)",
        "audit",
        "priorities",
        "table rows",
        "by name",
        "by margin",
        "find name"
    );
    for (label, matrix) in &cases {
        other_row(label, matrix);
    }
    println!();
    println!(
        "plain: a hand-written loop over the scores laid out flat ([f64; 7] per item) and the"
    );
    println!("multipliers: each snapped total and band into a preallocated Vec.");
    println!("re-band: reband over the matrix's layout, made beforehand: each total and band and");
    println!("the counts per band, checked equal to the plain loop's (the same work).");
    println!("whole: evaluate_with over the layout: the re-band, then ranks, '?' ranges and");
    println!("subtotals; what a weight or threshold change costs.");
    println!("subtotal: whole less whole for the same items without groups or categories.");
    println!("layout: Layout::new, once per matrix (and per score edit).");
    println!("evaluate: evaluate(matrix, settings), the layout and the whole in one call.");
    println!("reb/pl, whole/pl and eval/pl: re-band, whole and evaluate over the plain loop.");
    println!("by name, by margin: the table's items sorted so (view_items); find name: the items");
    println!("whose name contains \"item 7\", in the document's order.");
}
