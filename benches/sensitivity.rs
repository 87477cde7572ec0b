//! `make bench`: the full band-stability analysis (flip points of every item and criterion,
//! the Red-set interval of every criterion, band counts by weight, single score flips) on
//! the seed matrices and on a 50,000-item matrix, in both weighting modes.

use matrix_explorer::data::seed_matrices;
use matrix_explorer::data::synthetic::synthetic_matrix;
use matrix_explorer::engine::{
    band_count_steps, evaluate, flip_points, red_set_interval, score_flips,
};
use matrix_explorer::model::{Matrix, Settings};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// Every flip point, every Red-set interval, the band counts of every criterion and every
/// item's single score flips.
fn full_analysis(matrix: &Matrix, settings: &Settings) -> usize {
    let evaluation = evaluate(matrix, settings);
    let mut found = 0;
    for column in 0..matrix.criteria.len() {
        for item in 0..matrix.items.len() {
            found += flip_points(matrix, settings, item, column).map_or(0, |p| p.changes.len());
        }
        let (from, to) = red_set_interval(matrix, settings, column);
        found += usize::from(to > from);
        found += band_count_steps(matrix, settings, column).len();
    }
    for item in 0..matrix.items.len() {
        found += score_flips(matrix, settings, &evaluation, item).len();
    }
    found
}

fn main() {
    let Ok(seeds) = seed_matrices() else {
        eprintln!("the seed matrices did not load");
        std::process::exit(1);
    };
    let large = synthetic_matrix(50_000, 700, 70, 7);
    println!(
        "\nBand stability: flip points, Red-set intervals, band counts by weight, score flips"
    );
    println!("{:>28}  {:>10}  {:>14}", "matrix", "mode", "full analysis");
    for (name, matrix, runs) in [
        ("crime (37 items)", &seeds[0], 20),
        ("ASB (29 items)", &seeds[1], 20),
        ("synthetic (50,000 items)", &large, 3),
    ] {
        for rescale in [false, true] {
            let mut settings = Settings::published(matrix);
            settings.rescale = rescale;
            let time = median(runs, || {
                black_box(full_analysis(black_box(matrix), &settings));
            });
            println!(
                "{name:>28}  {:>10}  {:>11.1} ms",
                if rescale { "rescaled" } else { "plain" },
                time.as_secs_f64() * 1000.0
            );
        }
    }
}
