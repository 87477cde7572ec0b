//! `cargo bench --bench import`: importing a file at the 5 MB limit (about 100,000 item rows),
//! in one call and in steps of `STEP_ROWS` rows, as the import panel runs it between frames.

use matrix_explorer::data::{import_bytes, ImportJob, Progress, MAX_IMPORT_BYTES};
use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The rows the import panel reads per step.
const STEP_ROWS: usize = 2_000;

/// Runs of each measurement; the median is printed.
const RUNS: usize = 5;

const CRITERIA: [&str; 8] = [
    "Volume",
    "Short-term trend",
    "Long-term trend",
    "Public concern",
    "Harm to victims",
    "Harm to community",
    "Vulnerability",
    "Generator",
];

/// A valid matrix file just under `MAX_IMPORT_BYTES`: metadata, a header and item rows
/// with varied groups, categories, scores and quoted data sources.
fn large_file() -> (Vec<u8>, usize) {
    let mut text = String::from(
        "# title,Benchmark matrix\r\n# amber threshold,12\r\n# red threshold,20\r\n\
         # criterion,Volume,scored,The proportion of total crime\r\n",
    );
    let _ = write!(
        text,
        "Group,Category,Item,{},Data source,Published total\r\n",
        CRITERIA.join(",")
    );
    let limit = MAX_IMPORT_BYTES - 200;
    let mut rows = 0;
    let mut row = String::new();
    loop {
        row.clear();
        let i = rows;
        let _ = write!(row, "Group {},Category {},Item {i}", i % 7, i % 31);
        let mut total = 0;
        for c in 0..CRITERIA.len() {
            if (i + c) % 13 == 0 {
                row.push_str(",?");
            } else {
                let score = (i / 3 + c * 7) % 5;
                total += score;
                let _ = write!(row, ",{score}");
            }
        }
        let source = if i % 5 == 0 {
            "\"Police, council\""
        } else {
            "Police"
        };
        let _ = write!(row, ",{source},{total}\r\n");
        if text.len() + row.len() > limit {
            break;
        }
        text.push_str(&row);
        rows += 1;
    }
    (text.into_bytes(), rows)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// One stepped import of `bytes`: the time `from_bytes` takes, the longest `step`, the number
/// of steps and the time of all of them.
struct Stepped {
    start: Duration,
    longest_step: Duration,
    steps: usize,
    all: Duration,
}

fn stepped(bytes: &[u8]) -> Stepped {
    let begun = Instant::now();
    let Ok(mut job) = ImportJob::from_bytes(black_box(bytes)) else {
        return Stepped {
            start: begun.elapsed(),
            longest_step: Duration::ZERO,
            steps: 0,
            all: begun.elapsed(),
        };
    };
    let start = begun.elapsed();
    let mut longest_step = Duration::ZERO;
    let mut steps = 0;
    loop {
        let step_begun = Instant::now();
        let progress = job.step(STEP_ROWS);
        longest_step = longest_step.max(step_begun.elapsed());
        steps += 1;
        if progress == Progress::Finished {
            break;
        }
    }
    black_box(job.finish().is_ok());
    Stepped {
        start,
        longest_step,
        steps,
        all: begun.elapsed(),
    }
}

/// The file as Windows-1252 (Excel's plain "CSV"), with a "£" (the byte 0xA3) in a
/// `# source` row after the first row.
fn windows_1252(bytes: &[u8]) -> Vec<u8> {
    let mut text = bytes.to_vec();
    if let Some(after) = text.iter().position(|&b| b == b'\n').map(|at| at + 1) {
        text.splice(after..after, *b"# source,\xA3 figures\r\n");
    }
    text
}

fn report(label: &str, bytes: &[u8]) {
    let runs: Vec<Stepped> = (0..RUNS).map(|_| stepped(bytes)).collect();
    let start = median(runs.iter().map(|r| r.start).collect());
    let longest = median(runs.iter().map(|r| r.longest_step).collect());
    let all = median(runs.iter().map(|r| r.all).collect());
    let steps = runs.first().map_or(0, |r| r.steps);
    println!(
        "{label}: from_bytes {start:.2?}, longest step({STEP_ROWS}) {longest:.2?}, \
         {steps} steps, {all:.2?} in all (medians of {RUNS})"
    );
}

fn main() {
    let (bytes, rows) = large_file();
    let outcome = import_bytes(&bytes);
    let items = outcome
        .as_ref()
        .map_or(0, |imported| imported.matrix.items.len());
    if items != rows {
        eprintln!("the benchmark file did not import: {outcome:?}");
        std::process::exit(1);
    }
    let one_shot = median(
        (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                black_box(import_bytes(black_box(&bytes)).is_ok());
                start.elapsed()
            })
            .collect(),
    );
    println!("file: {} bytes, {rows} item rows", bytes.len());
    println!("one-shot import_bytes: {one_shot:.2?} (median of {RUNS})");
    report("UTF-8 in steps", &bytes);
    let western = windows_1252(&bytes);
    if import_bytes(&western).is_err() {
        eprintln!("the Windows-1252 benchmark file did not import");
        std::process::exit(1);
    }
    report("Windows-1252 in steps", &western);
}
