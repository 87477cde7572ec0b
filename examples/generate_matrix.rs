//! Writes a deterministic synthetic matrix as an import CSV:
//! `cargo run --release --example generate_matrix -- --items 50000 --groups 700
//! --categories-per-group 70 --out matrix.csv` (`--seed N` picks another matrix; without
//! `--out` the CSV goes to standard output).

use matrix_explorer::data::{export_matrix, synthetic_matrix};
use std::io::Write as _;
use std::process::ExitCode;

const USAGE: &str = "usage: generate_matrix --items N [--groups N] [--categories-per-group N] [--seed N] [--out FILE]";

struct Options {
    items: usize,
    groups: usize,
    categories_per_group: usize,
    seed: u64,
    out: Option<String>,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        items: 0,
        groups: 0,
        categories_per_group: 0,
        seed: 1,
        out: None,
    };
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag}: '{value}' is not a whole number"))
        };
        let count = || number().and_then(|n| usize::try_from(n).map_err(|e| e.to_string()));
        match flag.as_str() {
            "--items" => options.items = count()?,
            "--groups" => options.groups = count()?,
            "--categories-per-group" => options.categories_per_group = count()?,
            "--seed" => options.seed = number()?,
            "--out" => options.out = Some(value.clone()),
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    if options.items == 0 {
        return Err("--items must be at least 1".to_owned());
    }
    Ok(options)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match parse(&args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("generate_matrix: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let matrix = synthetic_matrix(
        options.items,
        options.groups,
        options.categories_per_group,
        options.seed,
    );
    let csv = export_matrix(&matrix);
    let written = match &options.out {
        Some(path) => std::fs::write(path, &csv),
        None => std::io::stdout().lock().write_all(csv.as_bytes()),
    };
    if let Err(error) = written {
        eprintln!("generate_matrix: {error}");
        return ExitCode::FAILURE;
    }
    eprintln!(
        "{} items, {} groups, {} categories, {} bytes{}",
        matrix.items.len(),
        matrix.groups.len(),
        matrix.categories.len(),
        csv.len(),
        options.out.map(|p| format!(" -> {p}")).unwrap_or_default()
    );
    ExitCode::SUCCESS
}
