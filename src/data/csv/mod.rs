//! CSV in and out, one module per step, each using only the modules listed before it:
//!
//! | module           | does                                                                  |
//! |------------------|-----------------------------------------------------------------------|
//! | `problem`        | `Problem`: one reason an import was refused, with its row and column  |
//! | `cells`          | single cells: formula escaping, scores and numbers read with advice   |
//! | `read`           | records on `csv_core`: spreadsheet rows, unclosed quotes, resumable   |
//! | `start`          | where rows start: a `sep=` line, separator detection, `row_at`        |
//! | `decode`         | bytes to text: byte order marks, UTF-8, UTF-16, Windows-1252          |
//! | `header`         | the header row: which column is the item, a group, a criterion, ...   |
//! | `meta`           | metadata rows (`# title`, `# criterion`, ...) before the header       |
//! | `names`          | item names met so far, to find repeats                                |
//! | `groups`         | groups and categories in order: declared, then as items use them      |
//! | `items`          | one item row: shape, name, scores, optional cells                     |
//! | `assemble`       | the matrix once every row is read: criteria described, thresholds     |
//! | `rows`           | rows in order, problems gathered and capped, then the outcome         |
//! | `import_job`     | `ImportJob`: an import a bounded number of rows at a time             |
//! | `import`         | `import_bytes` and `import_text`: a job run to the end                |
//! | `write`          | writing CSV that Excel opens: byte order mark, CRLF, quoting          |
//! | `export`         | a matrix in the import format, and the template                       |
//! | `results_export` | the current results for a spreadsheet                                 |

mod assemble;
mod cells;
mod decode;
mod export;
mod groups;
mod header;
mod import;
mod import_job;
mod items;
mod meta;
mod names;
mod problem;
mod read;
mod results_export;
mod rows;
mod start;
mod write;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod read_oracle;

pub use assemble::DEFAULT_TITLE;
pub use cells::{escape_cell, unescape_cell};
pub use decode::{decode, DecodeError, Decoded, TextEncoding, MAX_IMPORT_BYTES};
pub use export::{export_matrix, template};
pub use header::MAX_CRITERIA;
pub use import::{import_bytes, import_text};
pub use import_job::{ImportJob, Imported, Progress};
pub use problem::{column_letters, Problem};
pub use results_export::export_results;
pub use rows::MAX_PROBLEMS;

#[cfg(test)]
mod tests {
    /// Every module with its source, in the order of the map above.
    const MODULES: [(&str, &str); 17] = [
        ("problem", include_str!("problem.rs")),
        ("cells", include_str!("cells.rs")),
        ("read", include_str!("read.rs")),
        ("start", include_str!("start.rs")),
        ("decode", include_str!("decode.rs")),
        ("header", include_str!("header.rs")),
        ("meta", include_str!("meta.rs")),
        ("names", include_str!("names.rs")),
        ("groups", include_str!("groups.rs")),
        ("items", include_str!("items.rs")),
        ("assemble", include_str!("assemble.rs")),
        ("rows", include_str!("rows.rs")),
        ("import_job", include_str!("import_job.rs")),
        ("import", include_str!("import.rs")),
        ("write", include_str!("write.rs")),
        ("export", include_str!("export.rs")),
        ("results_export", include_str!("results_export.rs")),
    ];

    /// The sibling modules `source` names with `super::`.
    fn siblings_used(source: &str) -> Vec<&str> {
        source
            .match_indices("super::")
            .filter_map(|(at, found)| {
                let rest = source.get(at + found.len()..)?;
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                let name = rest.get(..end)?;
                MODULES
                    .iter()
                    .any(|(module, _)| *module == name)
                    .then_some(name)
            })
            .collect()
    }

    #[test]
    fn modules_use_only_modules_listed_before_them() {
        for (index, (module, source)) in MODULES.iter().enumerate() {
            for used in siblings_used(source) {
                let before = MODULES
                    .iter()
                    .take(index)
                    .any(|(earlier, _)| *earlier == used);
                assert!(
                    before,
                    "{module} uses {used}, which is not listed before it"
                );
            }
        }
    }

    #[test]
    fn the_map_names_every_module_in_order() {
        let map = include_str!("mod.rs");
        let mut from = 0;
        for (module, _) in MODULES {
            let row = format!("//! | `{module}`");
            let at = map.get(from..).and_then(|rest| rest.find(&row));
            assert!(
                at.is_some(),
                "{module} is missing from the map or out of order"
            );
            from += at.unwrap_or_default() + row.len();
        }
    }
}
