//! The header row of an import file: which column is the item, a group, a criterion, ...

use super::cells::{short, unescape_cell};
use super::csv_read::Record;
use super::problem::{column_letters, Problem};

/// The most criteria a matrix may have.
pub const MAX_CRITERIA: usize = 20;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Group,
    Category,
    Item,
    DataSource,
    PublishedTotal,
    /// The n-th criterion (0-based).
    Criterion(usize),
    /// A column with an empty header: its cells must be empty too.
    Unnamed,
}

/// The header row, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    /// The header's spreadsheet row.
    pub row: usize,
    /// One role per column, up to the last named column.
    pub roles: Vec<Role>,
    /// The header text of each column, as written (one `'` removed).
    pub headings: Vec<String>,
    /// The criterion names, in column order.
    pub criteria: Vec<String>,
}

impl Header {
    /// The 0-based index of the column with `role`, if any.
    pub fn column_of(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|r| *r == role)
    }

    /// The header text of 0-based column `index` (empty when it has none).
    pub fn heading(&self, index: usize) -> &str {
        self.headings.get(index).map_or("", String::as_str)
    }
}

/// A name compared as a person would: spaces around it and capitals ignored.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn role_of_keyword(text: &str) -> Option<Role> {
    let key = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    match key.as_str() {
        "" => Some(Role::Unnamed),
        "group" => Some(Role::Group),
        "category" => Some(Role::Category),
        "item" | "item name" => Some(Role::Item),
        "data source" => Some(Role::DataSource),
        "published total" | "total" => Some(Role::PublishedTotal),
        _ => None,
    }
}

/// Reads the header row. Returns `None` when it is unusable (no Item column, no criteria);
/// every problem found is added to `problems`.
pub(crate) fn read_header(record: &Record, problems: &mut Vec<Problem>) -> Option<Header> {
    let row = record.row;
    let mut header = Header {
        row,
        roles: Vec::new(),
        headings: Vec::new(),
        criteria: Vec::new(),
    };
    for (index, cell) in record.cells.iter().take(record.width()).enumerate() {
        let text = unescape_cell(cell);
        let column = index + 1;
        let role = match role_of_keyword(text) {
            Some(Role::Unnamed) => Role::Unnamed,
            Some(role) => {
                if let Some(first) = header.column_of(role) {
                    problems.push(Problem::cell(
                        row,
                        column,
                        format!(
                            "A second '{}' column; the first is column {}. Keep one.",
                            text.trim(),
                            column_letters(first + 1)
                        ),
                    ));
                }
                role
            }
            None => {
                if header.criteria.len() == MAX_CRITERIA {
                    let message = format!(
                        "This is criterion {}; a matrix can have at most {MAX_CRITERIA} criteria.",
                        MAX_CRITERIA + 1
                    );
                    problems.push(Problem::cell(row, column, message));
                    return None;
                }
                if let Some(first) = header
                    .criteria
                    .iter()
                    .position(|name| same_name(name, text))
                {
                    let first_column = header
                        .column_of(Role::Criterion(first))
                        .map_or(0, |i| i + 1);
                    problems.push(Problem::cell(
                        row,
                        column,
                        format!(
                            "'{}' is also the name of column {}; each criterion needs its own name.",
                            short(text.trim()),
                            column_letters(first_column)
                        ),
                    ));
                }
                header.criteria.push(text.to_owned());
                Role::Criterion(header.criteria.len() - 1)
            }
        };
        header.roles.push(role);
        header.headings.push(text.to_owned());
    }
    let usable = check_required(&header, problems);
    usable.then_some(header)
}

fn check_required(header: &Header, problems: &mut Vec<Problem>) -> bool {
    let mut usable = true;
    if header.column_of(Role::Item).is_none() {
        problems.push(Problem::row(
            header.row,
            "This is read as the header row, but it has no 'Item' column. Name the column that \
             holds the item names 'Item'.",
        ));
        usable = false;
    }
    if header.criteria.is_empty() {
        problems.push(Problem::row(
            header.row,
            "The header row names no criteria. Every column other than Group, Category, Item, \
             Data source and Published total is a criterion, named by its header.",
        ));
        usable = false;
    }
    usable
}
