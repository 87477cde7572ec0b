//! Item rows of an import file: shape checks, the item name, scores and optional cells.

use super::cells::{parse_count, parse_score, short, unescape_cell};
use super::header::{Header, Role};
use super::names::SeenNames;
use super::problem::{column_letters, Problem};
use super::read::Record;
use crate::model::Item;

/// Reads one item row, adding a positioned problem for each thing wrong with it.
/// `seen` holds the item names so far, to find repeats.
pub(crate) fn read_item(
    record: &Record,
    header: &Header,
    seen: &mut SeenNames,
    problems: &mut Vec<Problem>,
) -> Option<Item> {
    let before = problems.len();
    check_shape(record, header, problems);
    if problems.len() > before {
        return None;
    }
    let cell = |index: usize| record.cells.get(index).map_or("", |c| unescape_cell(c));
    let at = |index: usize, message: String| {
        Problem::cell(record.row, index + 1, message).with_heading(header.heading(index))
    };
    let item_column = header.column_of(Role::Item).unwrap_or(0);
    let name = cell(item_column);
    if name.trim().is_empty() {
        problems.push(at(
            item_column,
            "The item name is empty. Every row needs an item name.".into(),
        ));
    } else if let Some(first) = seen.first_row(name, record.row) {
        problems.push(at(
            item_column,
            format!(
                "'{}' is already the item in row {first}; item names must differ.",
                short(name)
            ),
        ));
    }
    let mut scores = Vec::with_capacity(header.criteria.len());
    for &index in header.criterion_columns() {
        match parse_score(cell(index)) {
            Ok(score) => scores.push(score),
            Err(message) => {
                problems.push(at(index, with_line_break_hint(cell(index), message)));
            }
        }
    }
    let published_total = header.column_of(Role::PublishedTotal).and_then(|index| {
        parse_count(cell(index)).unwrap_or_else(|message| {
            problems.push(at(index, format!("The published total: {message}")));
            None
        })
    });
    let optional = |role: Role| {
        header
            .column_of(role)
            .map(cell)
            .filter(|text| !text.trim().is_empty())
            .map(str::to_owned)
    };
    let item = Item {
        name: name.to_owned(),
        group: optional(Role::Group),
        category: optional(Role::Category),
        scores,
        data_source: header
            .column_of(Role::DataSource)
            .map_or("", cell)
            .to_owned(),
        published_total,
    };
    (problems.len() == before).then_some(item)
}

/// Refuses rows with values beyond the header or in unnamed columns, and rows that end
/// before their last score (Excel may drop trailing empty cells, so a short row is fine
/// when only optional cells are missing).
fn check_shape(record: &Record, header: &Header, problems: &mut Vec<Problem>) {
    let width = header.roles.len();
    let stray = record.cells.iter().enumerate().find(|(index, cell)| {
        !cell.trim().is_empty()
            && header
                .roles
                .get(*index)
                .is_none_or(|role| *role == Role::Unnamed)
    });
    if let Some((index, _)) = stray {
        let message = if index >= width {
            format!(
                "This row has a value beyond the last column of the header ({}). Rows must not \
                 have more cells than the header.",
                column_letters(width)
            )
        } else {
            "This cell has a value but its column has no header. Name the column in the header \
             row or empty it."
                .to_owned()
        };
        problems.push(Problem::cell(record.row, index + 1, message));
        return;
    }
    if let Some(index) = header.required_from(record.cells.len()) {
        problems.push(
            Problem::cell(
                record.row,
                index + 1,
                format!(
                    "This row ends at column {} but the header goes on to column {}; the cell in \
                     this column is missing. Rows must have as many cells as the header.",
                    column_letters(record.cells.len()),
                    column_letters(width)
                ),
            )
            .with_heading(header.heading(index)),
        );
    }
}

fn with_line_break_hint(cell: &str, message: String) -> String {
    if cell.contains(['\r', '\n']) {
        "This cell holds a line break, which usually means a stray quote mark (\") in this row \
         opened a quoted cell that runs on into the rows below. Check this row for a lone \" mark."
            .to_owned()
    } else {
        message
    }
}
