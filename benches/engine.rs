//! `make bench`: how fast the engine scores, ranks and audits matrices from the seed's
//! 37 items up to 50,000, and how long one re-band after a weight change takes.

use matrix_explorer::data::seed_matrices;
use matrix_explorer::engine::{audit, compare_priorities, evaluate};
use matrix_explorer::model::{Item, Matrix, Score, Settings, Weight};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The ASB seed matrix grown to `n` items by repeating its rows with varied scores.
fn grown(seed: &Matrix, n: usize) -> Matrix {
    let mut matrix = seed.clone();
    matrix.items = (0..n)
        .map(|i| {
            let base = &seed.items[i % seed.items.len()];
            let scores = base
                .scores
                .iter()
                .enumerate()
                .map(|(c, s)| match s {
                    Score::Known(v) => {
                        Score::Known(u8::try_from((usize::from(*v) + i / 7 + c) % 5).unwrap_or(0))
                    }
                    Score::Unknown => Score::Unknown,
                })
                .collect();
            Item {
                name: format!("{} #{i}", base.name),
                scores,
                ..base.clone()
            }
        })
        .collect();
    matrix
}

/// Median time of `runs` calls of `f`.
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

fn main() {
    let Ok(seeds) = seed_matrices() else {
        eprintln!("the seed matrices did not load");
        std::process::exit(1);
    };
    let asb = &seeds[1];
    println!(
        "{:>8}  {:>14}  {:>14}  {:>14}",
        "items", "evaluate", "re-band (w=2)", "audit"
    );
    for n in [37, 1_000, 10_000, 50_000] {
        let matrix = grown(asb, n);
        let settings = Settings::published(&matrix);
        let mut doubled = settings.clone();
        doubled.weights[4] = Weight::new(2.0).unwrap_or(Weight::ONE);
        let runs = if n > 10_000 { 11 } else { 51 };
        let eval = median(runs, || {
            black_box(evaluate(black_box(&matrix), black_box(&settings)));
        });
        let reband = median(runs, || {
            black_box(evaluate(black_box(&matrix), black_box(&doubled)));
        });
        let audited = median(runs, || {
            black_box(audit(black_box(&matrix)));
        });
        let evaluation = evaluate(&matrix, &settings);
        let compared = median(runs, || {
            black_box(compare_priorities(
                black_box(&matrix),
                black_box(&evaluation),
            ));
        });
        println!("{n:>8}  {eval:>14.2?}  {reband:>14.2?}  {audited:>14.2?}  {compared:>14.2?}");
    }
}
