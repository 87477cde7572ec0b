//! The header row of an import file: which column is the item, a group, a criterion, ...

use super::cells::{short, unescape_cell};
use super::problem::{column_letters, Problem};
use super::read::Record;

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
    /// The first column of each role but `Criterion` and `Unnamed`, in `KEYWORD_ROLES` order.
    keyword_columns: [Option<usize>; KEYWORD_ROLES.len()],
    /// The column of each criterion, in criterion order.
    criterion_columns: Vec<usize>,
    /// The columns every item row must reach (item and criterion columns), in order.
    required_columns: Vec<usize>,
}

/// The roles a heading keyword gives (a second column with one is a problem).
const KEYWORD_ROLES: [Role; 5] = [
    Role::Group,
    Role::Category,
    Role::Item,
    Role::DataSource,
    Role::PublishedTotal,
];

impl Header {
    /// The 0-based index of the first column with `role`, if any.
    pub fn column_of(&self, role: Role) -> Option<usize> {
        match role {
            Role::Criterion(index) => self.criterion_columns.get(index).copied(),
            Role::Unnamed => self.roles.iter().position(|r| *r == role),
            _ => KEYWORD_ROLES
                .iter()
                .position(|r| *r == role)
                .and_then(|slot| self.keyword_columns.get(slot).copied().flatten()),
        }
    }

    /// The 0-based index of each criterion's column, in criterion order (and column order).
    pub fn criterion_columns(&self) -> &[usize] {
        &self.criterion_columns
    }

    /// The first column at or after `index` that every item row must have a cell in.
    pub fn required_from(&self, index: usize) -> Option<usize> {
        let at = self
            .required_columns
            .partition_point(|&column| column < index);
        self.required_columns.get(at).copied()
    }

    /// The header text of 0-based column `index` (empty when it has none).
    pub fn heading(&self, index: usize) -> &str {
        self.headings.get(index).map_or("", String::as_str)
    }

    /// Adds the next column.
    fn push(&mut self, role: Role, heading: &str) {
        let column = self.roles.len();
        if matches!(role, Role::Item | Role::Criterion(_)) {
            self.required_columns.push(column);
        }
        match role {
            Role::Criterion(_) => self.criterion_columns.push(column),
            Role::Unnamed => {}
            _ => {
                let slot = KEYWORD_ROLES.iter().position(|r| *r == role);
                if let Some(first @ None) = slot.and_then(|slot| self.keyword_columns.get_mut(slot))
                {
                    *first = Some(column);
                }
            }
        }
        self.roles.push(role);
        self.headings.push(heading.to_owned());
    }
}

/// A name as a person compares names: spaces around it and capitals ignored.
pub(crate) fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// A name compared as a person would: spaces around it and capitals ignored.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
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
        keyword_columns: [None; KEYWORD_ROLES.len()],
        criterion_columns: Vec::new(),
        required_columns: Vec::new(),
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
        header.push(role, text);
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
