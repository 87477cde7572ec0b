//! Importing in steps: for every fixture and for generated files, `ImportJob` run a row at a
//! time, 7 rows at a time or all at once gives exactly what `import_bytes` and `import_text`
//! give, its progress only moves forward within its stated total, and the number of steps
//! stays within the rows divided by the step size.
#![cfg(not(target_arch = "wasm32"))]

use matrix_explorer::data::{
    import_bytes, import_text, ImportJob, Imported, Problem, Progress, MAX_PROBLEMS,
};
use proptest::collection::vec;
use proptest::prelude::*;
use std::fmt::Write as _;
use std::path::Path;

/// The step sizes every input is imported with.
const STEP_SIZES: [usize; 3] = [1, 7, 10_000];

/// Runs `job` to the end in steps of `max_rows`, checking its progress on the way.
fn run(job: Result<ImportJob, Vec<Problem>>, max_rows: usize) -> Result<Imported, Vec<Problem>> {
    let mut job = job?;
    let Progress::Working {
        done: 0,
        total: first_total,
    } = job.progress()
    else {
        panic!("a new job has read nothing: {:?}", job.progress());
    };
    let mut steps = 0;
    let mut last_done = 0;
    loop {
        steps += 1;
        match job.step(max_rows) {
            Progress::Working { done, total } => {
                assert_eq!(total, first_total, "the total changed");
                assert!(
                    done >= last_done,
                    "progress went back: {last_done} to {done}"
                );
                assert!(done <= total, "{done} rows read of {total}");
                // Every step but the last reads as many rows as it may.
                assert_eq!(done - last_done, max_rows.max(1), "rows read in one step");
                last_done = done;
            }
            Progress::Finished => break,
        }
    }
    let most = first_total.div_ceil(max_rows).max(1);
    assert!(
        steps <= most,
        "{steps} steps of {max_rows} for {first_total} rows"
    );
    assert_eq!(job.progress(), Progress::Finished);
    assert_eq!(job.step(max_rows), Progress::Finished);
    job.finish()
}

/// Checks that stepping gives the one-shot outcome for `bytes`, and for their text when
/// they are UTF-8.
fn check_steps(bytes: &[u8]) {
    let whole = import_bytes(bytes);
    let text = std::str::from_utf8(bytes).ok();
    let whole_text = text.map(import_text);
    for max_rows in STEP_SIZES {
        assert_eq!(
            run(ImportJob::from_bytes(bytes), max_rows),
            whole,
            "bytes in steps of {max_rows}"
        );
        if let (Some(text), Some(whole_text)) = (text, &whole_text) {
            let stepped = run(ImportJob::from_text(text), max_rows).map(|i| i.matrix);
            assert_eq!(&stepped, whole_text, "text in steps of {max_rows}");
        }
    }
}

#[test]
fn every_fixture_imports_the_same_in_steps() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        eprintln!("{}", path.display());
        check_steps(&bytes);
        checked += 1;
    }
    assert!(checked >= 25, "only {checked} fixtures");
}

fn numbered_rows(rows: usize, bad_every: Option<usize>) -> String {
    let mut text = String::from("# title,Steps\r\nGroup,Item,Volume,Trend\r\n");
    for i in 0..rows {
        let volume = if bad_every.is_some_and(|n| i % n == 0) {
            "9".to_owned()
        } else {
            (i % 5).to_string()
        };
        write!(text, "G{},Item {i},{volume},?\r\n", i % 3).unwrap();
    }
    text
}

#[test]
fn a_large_file_takes_rows_over_step_size_steps() {
    let text = numbered_rows(3_000, None);
    let mut job = ImportJob::from_text(&text).unwrap();
    assert_eq!(
        job.progress(),
        Progress::Working {
            done: 0,
            total: 3_002
        }
    );
    let mut done_after = Vec::new();
    while let Progress::Working { done, .. } = job.step(500) {
        done_after.push(done);
    }
    // The seventh step reads the last two rows and finishes.
    assert_eq!(done_after, [500, 1_000, 1_500, 2_000, 2_500, 3_000]);
    let matrix = job.finish().unwrap().matrix;
    assert_eq!(matrix.items.len(), 3_000);
    assert_eq!(Ok(matrix), import_text(&text));
}

#[test]
fn finishing_early_reads_the_rest() {
    let text = numbered_rows(100, None);
    let mut job = ImportJob::from_text(&text).unwrap();
    assert!(matches!(job.step(10), Progress::Working { done: 10, .. }));
    assert_eq!(job.finish().map(|i| i.matrix), import_text(&text));
}

#[test]
fn a_reading_error_after_many_problems_is_the_only_problem_in_steps_too() {
    let mut text = numbered_rows(200, Some(2));
    text.push_str("G1,\"Unclosed,1,1\r\n");
    check_steps(text.as_bytes());
    let problems = run(ImportJob::from_text(&text), 7).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.contains("never closed"));
}

#[test]
fn problems_past_the_cap_stop_checking_in_steps_too() {
    let text = numbered_rows(300, Some(1));
    check_steps(text.as_bytes());
    let problems = run(ImportJob::from_text(&text), 1).unwrap_err();
    assert_eq!(problems.len(), MAX_PROBLEMS + 1);
    assert!(problems[MAX_PROBLEMS]
        .message
        .contains("reading stopped at row 54"));
}

#[test]
fn a_step_of_zero_rows_still_reads_one() {
    let mut job = ImportJob::from_text("Item,Volume\nMurder,1\nArson,2\n").unwrap();
    assert_eq!(job.step(0), Progress::Working { done: 1, total: 3 });
    assert_eq!(job.step(0), Progress::Working { done: 2, total: 3 });
    assert_eq!(job.step(0), Progress::Finished);
}

#[test]
fn problems_found_before_reading_come_from_the_constructors() {
    assert_eq!(
        ImportJob::from_bytes(b"").unwrap_err(),
        import_bytes(b"").unwrap_err()
    );
    let sep = "sep=x\nItem,Volume\nMurder,1\n";
    assert_eq!(
        ImportJob::from_text(sep).unwrap_err(),
        import_text(sep).unwrap_err()
    );
    // A file of nothing after its sep= line has no rows and finishes in one step.
    check_steps(b"sep=;\r\n");
}

/// A cell that is wrong somewhere, or a quoted cell, or a name.
fn odd_cell() -> impl Strategy<Value = String> {
    "(5|x|3\\.5| |'3|=1|#N/A||Murder|murder |G1|\"a,b\"|\"q\nr\"|\"|# title)"
}

/// A metadata row: mostly right, sometimes not.
fn metadata_row() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "(# title,T|# short name,S|# source,\"A, B\"|# comment,x|# group,G[12],[0-9]?|# category,G1,C[12],)",
        2 => "(# criterion,(Volume|Trend),(scored|unattributed),[a-z ]{0,8}|# priority,P,Item [0-9],[0-9]?,,(yes|no)|)",
        1 => "(# amber threshold,[0-9]|# red threshold,[0-9]{1,2}|# criterion,Volum|# criterion,Trend,x|# titel)",
    ]
}

/// Headers, each with how a right item row starts: its cells before the two scores.
const HEADERS: [(&str, &str); 5] = [
    ("Item,Volume,Trend", ""),
    ("Group,Category,Item,Volume,Trend,Published total", "G1,C1,"),
    ("Item,Volume,Volume", ""),
    ("Volume,Trend", ""),
    ("Item,Volume,,Trend", ""),
];

/// A file: metadata rows, a header and item rows, most of them right.
fn matrix_file() -> impl Strategy<Value = String> {
    // One row in 20 has odd cells; most files use one of the first two (usable) headers.
    let rows = vec((0..40_u8, "[0-4?]", "[0-4?]", vec(odd_cell(), 0..6)), 0..60);
    let header = prop_oneof![3 => 0..2_usize, 1 => 0..HEADERS.len()];
    let line_end = "(\n|\r\n|\r)";
    (vec(metadata_row(), 0..4), header, rows, line_end).prop_map(
        |(mut lines, header, rows, line_end)| {
            let (heading, lead) = HEADERS.get(header).copied().unwrap_or_default();
            lines.push(heading.to_owned());
            for (i, (kind, volume, trend, odd)) in rows.into_iter().enumerate() {
                lines.push(match kind {
                    0 => odd.join(","),
                    1 => format!("Item {i},{}", odd.join(",")),
                    _ => format!("{lead}Item {i},{volume},{trend}"),
                });
            }
            lines.join(&line_end) + &line_end
        },
    )
}

proptest! {
    #[test]
    fn any_bytes_import_the_same_in_steps(bytes in vec(any::<u8>(), 0..400)) {
        check_steps(&bytes);
    }

    #[test]
    fn csv_like_text_imports_the_same_in_steps(
        text in "(Item,Volume\n)?(Item|Volume|[#',;\t\"\r\n ?=a0-5]|sep=;|# title|\u{FF13}|£){0,80}",
    ) {
        check_steps(text.as_bytes());
    }

    #[test]
    fn matrix_files_import_the_same_in_steps(text in matrix_file(), encoding in 0..3_u8) {
        let bytes: Vec<u8> = match encoding {
            0 => text.into_bytes(),
            1 => [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
            _ => [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect(),
        };
        check_steps(&bytes);
    }
}
