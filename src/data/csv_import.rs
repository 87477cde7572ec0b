//! Importing a matrix from CSV bytes or pasted text: all or nothing, every problem positioned.

use super::cells::short;
use super::csv_header::{read_header, same_name, Header};
use super::csv_items::read_item;
use super::csv_meta::{read_metadata, Meta};
use super::csv_read::{read_records, Record};
use super::decode::{decode, TextEncoding, MAX_IMPORT_BYTES};
use super::problem::Problem;
use crate::model::{CategoryInfo, Criterion, CriterionKind, GroupInfo, Item, Matrix, Thresholds};
use std::collections::{HashMap, HashSet};

/// The most problems reported for one import; the rest are counted in a last problem.
pub const MAX_PROBLEMS: usize = 50;

/// The title given to a matrix whose file has no `# title` row.
pub const DEFAULT_TITLE: &str = "Imported matrix";

/// A matrix read from a file, with how the file was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The matrix.
    pub matrix: Matrix,
    /// The encoding the file was read with.
    pub encoding: TextEncoding,
    /// Things to show the user, e.g. that the file was read as Windows-1252.
    pub notes: Vec<String>,
}

/// Imports a matrix from a file's bytes: decodes them (see `decode`), then reads the CSV.
///
/// # Errors
/// Every problem found (at most `MAX_PROBLEMS`), each with its row and column where it has
/// one; nothing is imported unless the whole file is right.
pub fn import_bytes(bytes: &[u8]) -> Result<Imported, Vec<Problem>> {
    let decoded = decode(bytes).map_err(|error| vec![Problem::from(error)])?;
    let matrix = import_text(&decoded.text)?;
    Ok(Imported {
        matrix,
        encoding: decoded.encoding,
        notes: decoded.notes,
    })
}

/// Imports a matrix from text: a decoded file, or cells copied from Excel and pasted
/// (tab-separated). The delimiter (`,` `;` or tab) is detected, or named by a `sep=` line.
///
/// # Errors
/// Every problem found (at most `MAX_PROBLEMS`), each with its row and column where it has
/// one; nothing is imported unless the whole text is right.
pub fn import_text(text: &str) -> Result<Matrix, Vec<Problem>> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(vec![Problem::file(format!(
            "The text is larger than {} MB, the most that can be imported.",
            MAX_IMPORT_BYTES / (1024 * 1024)
        ))]);
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Problem::file("The file is empty.")]);
    }
    let records = read_records(text).map_err(|problem| vec![problem])?;
    let mut problems = Vec::new();
    let mut stopped_at = None;
    let matrix = read_matrix(&records, &mut problems, &mut stopped_at);
    match matrix {
        Some(matrix) if problems.is_empty() => Ok(matrix),
        _ => Err(finish(problems, stopped_at)),
    }
}

/// Reads the rows into a matrix, adding every problem found to `problems`. Stops reading
/// item rows once more than `MAX_PROBLEMS` are found, and sets `stopped_at` to the row.
fn read_matrix(
    records: &[Record],
    problems: &mut Vec<Problem>,
    stopped_at: &mut Option<usize>,
) -> Option<Matrix> {
    let rows: Vec<&Record> = records.iter().filter(|record| !record.is_blank()).collect();
    let header_at = rows
        .iter()
        .position(|record| !record.is_metadata())
        .unwrap_or(rows.len());
    let metadata = rows.get(..header_at).unwrap_or_default();
    let meta = read_metadata(metadata, problems);
    let Some(header_record) = rows.get(header_at) else {
        problems.push(Problem::file(
            "The file has no header row. After any rows starting with #, the first row must \
             name the columns: Item, then one column per criterion (Group, Category, Data source \
             and Published total are optional).",
        ));
        return None;
    };
    let header = read_header(header_record, problems)?;
    let data = rows.get(header_at + 1..).unwrap_or_default();
    if data.is_empty() {
        problems.push(Problem::row(
            header.row,
            "The file has a header row but no item rows below it.",
        ));
        return None;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut items = Vec::new();
    for record in data {
        // Past the problems that will be listed, more reading only costs time.
        if problems.len() > MAX_PROBLEMS {
            *stopped_at = Some(record.row);
            break;
        }
        items.extend(read_item(record, &header, &mut seen, problems));
    }
    Some(assemble(meta, &header, items, problems))
}

fn assemble(meta: Meta, header: &Header, items: Vec<Item>, problems: &mut Vec<Problem>) -> Matrix {
    let mut criteria: Vec<Criterion> = header
        .criteria
        .iter()
        .map(|name| Criterion {
            name: name.clone(),
            description: String::new(),
            kind: CriterionKind::default(),
        })
        .collect();
    let mut described: Vec<Option<usize>> = vec![None; criteria.len()];
    for found in &meta.criteria {
        let index = header
            .criteria
            .iter()
            .position(|name| same_name(name, &found.name));
        let (Some(index), Some(criterion)) = (index, index.and_then(|i| criteria.get_mut(i)))
        else {
            problems.push(Problem::cell(
                found.row,
                2,
                format!(
                    "No column of the header (row {}) is called '{}'.",
                    header.row,
                    short(&found.name)
                ),
            ));
            continue;
        };
        if let Some(Some(first)) = described.get(index) {
            problems.push(Problem::cell(
                found.row,
                2,
                format!("This criterion is already described in row {first}."),
            ));
            continue;
        }
        criterion.description.clone_from(&found.description);
        criterion.kind = found.kind;
        if let Some(slot) = described.get_mut(index) {
            *slot = Some(found.row);
        }
    }
    let thresholds = thresholds(&meta, problems);
    let (groups, categories) = groups_and_categories(&meta, &items);
    let title = meta.title.unwrap_or_else(|| DEFAULT_TITLE.to_owned());
    Matrix {
        short_name: meta.short_name.unwrap_or_else(|| title.clone()),
        title,
        source: meta.source.unwrap_or_default(),
        criteria,
        items,
        groups,
        categories,
        thresholds,
        priorities: meta.priorities,
    }
}

fn thresholds(meta: &Meta, problems: &mut Vec<Problem>) -> Thresholds {
    let amber = meta
        .amber
        .map_or(Thresholds::PUBLISHED.amber, |(_, value)| value);
    let red = meta
        .red
        .map_or(Thresholds::PUBLISHED.red, |(_, value)| value);
    if amber > red {
        let row = meta.red.or(meta.amber).map_or(1, |(row, _)| row);
        problems.push(Problem::cell(
            row,
            2,
            format!("The red threshold ({red}) is below the amber threshold ({amber}); Red must start at or above Amber."),
        ));
    }
    Thresholds { amber, red }
}

/// The declared groups and categories, then any others the items use, in order of first use.
fn groups_and_categories(meta: &Meta, items: &[Item]) -> (Vec<GroupInfo>, Vec<CategoryInfo>) {
    let mut groups = meta.groups.clone();
    let mut categories = meta.categories.clone();
    let mut known_groups: HashSet<String> = groups.iter().map(|g| g.name.clone()).collect();
    let mut known_categories: HashSet<(Option<String>, String)> = categories
        .iter()
        .map(|c| (c.group.clone(), c.name.clone()))
        .collect();
    let item_groups = items.iter().map(|item| &item.group);
    for group in item_groups
        .chain(meta.categories.iter().map(|c| &c.group))
        .flatten()
    {
        if known_groups.insert(group.clone()) {
            groups.push(GroupInfo {
                name: group.clone(),
                published_subtotal: None,
            });
        }
    }
    for item in items {
        let Some(name) = &item.category else { continue };
        if known_categories.insert((item.group.clone(), name.clone())) {
            categories.push(CategoryInfo {
                group: item.group.clone(),
                name: name.clone(),
                published_subtotal: None,
            });
        }
    }
    (groups, categories)
}

/// Sorts problems by position (whole-file ones first), caps their number, and says what
/// was left out.
fn finish(mut problems: Vec<Problem>, stopped_at: Option<usize>) -> Vec<Problem> {
    problems.sort_by_key(|p| (p.row, p.column));
    let extra = problems.len().saturating_sub(MAX_PROBLEMS);
    problems.truncate(MAX_PROBLEMS);
    if let Some(row) = stopped_at {
        problems.push(Problem::file(format!(
            "Only the first {MAX_PROBLEMS} problems are listed; reading stopped at row {row}. \
             Fix these and import again to see any more."
        )));
    } else if extra > 0 {
        problems.push(Problem::file(format!("... and {extra} more problems.")));
    }
    problems
}
