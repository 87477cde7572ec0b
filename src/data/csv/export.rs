//! Exporting a matrix in the import format (metadata included), and the example template.

use super::write::{Cell, CsvWriter};
use crate::model::{
    CategoryInfo, Criterion, CriterionKind, Item, Matrix, PublishedPriority, Score, Thresholds,
};

/// The matrix as CSV in the import format (see docs/csv-format.md): metadata rows for the
/// title, short name, source, thresholds, criteria, groups, categories and priorities, then
/// the header and one row per item. UTF-8 with a byte order mark and CRLF line ends, so
/// Excel opens it correctly; text cells are escaped against formula injection.
/// `import_text` reads it back to an equal `Matrix`.
pub fn export_matrix(matrix: &Matrix) -> String {
    write_matrix(matrix, &[])
}

/// A small example file in the import format, with comment rows explaining it.
pub fn template() -> String {
    let comments = [
        "Rows starting with # are optional settings; delete any you do not need. See the format guide.",
        "Scores are whole numbers from 0 (low concern) to 4 (very high concern), or ? for no data.",
        "Group, Category, Data source and Published total columns are optional; every other column is a criterion.",
    ];
    write_matrix(&template_matrix(), &comments)
}

fn write_matrix(matrix: &Matrix, comments: &[&str]) -> String {
    let mut csv = CsvWriter::new();
    for comment in comments {
        csv.row(&[Cell::Text("# comment"), Cell::Text(comment)]);
    }
    csv.row(&[Cell::Text("# title"), Cell::Text(&matrix.title)]);
    csv.row(&[Cell::Text("# short name"), Cell::Text(&matrix.short_name)]);
    csv.row(&[Cell::Text("# source"), Cell::Text(&matrix.source)]);
    csv.row(&[
        Cell::Text("# amber threshold"),
        Cell::decimal(matrix.thresholds.amber),
    ]);
    csv.row(&[
        Cell::Text("# red threshold"),
        Cell::decimal(matrix.thresholds.red),
    ]);
    for criterion in &matrix.criteria {
        csv.row(&[
            Cell::Text("# criterion"),
            Cell::Text(&criterion.name),
            Cell::Text(kind_word(criterion.kind)),
            Cell::Text(&criterion.description),
        ]);
    }
    for group in &matrix.groups {
        csv.row(&[
            Cell::Text("# group"),
            Cell::Text(&group.name),
            Cell::optional_count(group.published_subtotal),
        ]);
    }
    for category in &matrix.categories {
        csv.row(&category_row(category));
    }
    for priority in &matrix.priorities {
        csv.row(&priority_row(priority));
    }
    for decision in &matrix.decisions {
        for item in &decision.items {
            csv.row(&[
                Cell::Text("# decision"),
                Cell::Text(&decision.subject),
                Cell::Text(if decision.include { "add" } else { "remove" }),
                Cell::Text(item),
                Cell::Text(&decision.reason),
                Cell::Text(&decision.date),
            ]);
        }
    }
    let columns = Columns::of(matrix);
    csv.row(&columns.header(&matrix.criteria));
    for item in &matrix.items {
        csv.row(&columns.item_row(item, matrix.criteria.len()));
    }
    csv.finish()
}

/// The metadata word for a criterion kind.
pub(crate) fn kind_word(kind: CriterionKind) -> &'static str {
    match kind {
        CriterionKind::Scored => "scored",
        CriterionKind::Unattributed => "unattributed",
    }
}

fn category_row(category: &CategoryInfo) -> [Cell<'_>; 4] {
    [
        Cell::Text("# category"),
        Cell::Text(category.group.as_deref().unwrap_or("")),
        Cell::Text(&category.name),
        Cell::optional_count(category.published_subtotal),
    ]
}

fn priority_row(priority: &PublishedPriority) -> [Cell<'_>; 6] {
    [
        Cell::Text("# priority"),
        Cell::Text(&priority.listed_as),
        Cell::Text(&priority.item),
        Cell::optional_count(priority.position),
        Cell::optional_count(priority.points),
        Cell::Text(if priority.board_decision { "yes" } else { "no" }),
    ]
}

/// Which optional columns the matrix needs.
#[allow(clippy::struct_excessive_bools)] // one flag per optional column, nothing more
struct Columns {
    group: bool,
    category: bool,
    data_source: bool,
    published_total: bool,
}

impl Columns {
    fn of(matrix: &Matrix) -> Self {
        let items = &matrix.items;
        Self {
            group: !matrix.groups.is_empty() || items.iter().any(|i| i.group.is_some()),
            category: !matrix.categories.is_empty() || items.iter().any(|i| i.category.is_some()),
            data_source: items.iter().any(|i| !i.data_source.is_empty()),
            published_total: items.iter().any(|i| i.published_total.is_some()),
        }
    }

    fn header<'a>(&self, criteria: &'a [Criterion]) -> Vec<Cell<'a>> {
        let mut cells = Vec::new();
        if self.group {
            cells.push(Cell::Text("Group"));
        }
        if self.category {
            cells.push(Cell::Text("Category"));
        }
        cells.push(Cell::Text("Item"));
        cells.extend(criteria.iter().map(|c| Cell::Text(&c.name)));
        if self.data_source {
            cells.push(Cell::Text("Data source"));
        }
        if self.published_total {
            cells.push(Cell::Text("Published total"));
        }
        cells
    }

    fn item_row<'a>(&self, item: &'a Item, criteria: usize) -> Vec<Cell<'a>> {
        let mut cells = Vec::new();
        if self.group {
            cells.push(Cell::Text(item.group.as_deref().unwrap_or("")));
        }
        if self.category {
            cells.push(Cell::Text(item.category.as_deref().unwrap_or("")));
        }
        cells.push(Cell::Text(&item.name));
        cells.extend((0..criteria).map(|index| score_cell(item.score(index))));
        if self.data_source {
            cells.push(Cell::Text(&item.data_source));
        }
        if self.published_total {
            cells.push(Cell::optional_count(item.published_total));
        }
        cells
    }
}

/// A score as a number cell, or the text "?".
pub(crate) fn score_cell(score: Score) -> Cell<'static> {
    match score.value() {
        Some(value) => Cell::count(value),
        None => Cell::Text("?"),
    }
}

/// The example the template shows: six criteria, two categories, one '?' score.
fn template_matrix() -> Matrix {
    let criterion = |name: &str, description: &str| Criterion {
        name: name.to_owned(),
        description: description.to_owned(),
        kind: CriterionKind::Scored,
    };
    let item = |category: &str, name: &str, scores: [&str; 6], source: &str| {
        let scores: Vec<Score> = scores
            .iter()
            .map(|s| Score::parse(s).unwrap_or_default())
            .collect();
        let total = scores.iter().filter_map(|s| s.value()).map(u32::from).sum();
        Item {
            name: name.to_owned(),
            group: None,
            category: Some(category.to_owned()),
            scores,
            data_source: source.to_owned(),
            published_total: Some(total),
        }
    };
    Matrix {
        title: "Example crime matrix".to_owned(),
        short_name: "Example".to_owned(),
        source: "Replace with where your scores come from".to_owned(),
        criteria: vec![
            criterion(
                "Volume",
                "The proportion of total crime/ASB each item accounts for.",
            ),
            criterion(
                "Short-term trend",
                "Numbers this period against the same period last year.",
            ),
            criterion("Long-term trend", "Long-term or emerging trends."),
            criterion(
                "Risk to quality of life",
                "Harm to victim/community against impact on quality of life.",
            ),
            criterion(
                "Public concern",
                "Whether the item is a major concern to the local community.",
            ),
            criterion(
                "Generator",
                "Whether the item can generate further crime/ASB or fear.",
            ),
        ],
        items: vec![
            item(
                "Violence",
                "Common assault",
                ["2", "1", "2", "2", "3", "1"],
                "Police",
            ),
            item(
                "Violence",
                "Harassment",
                ["1", "2", "?", "2", "2", "1"],
                "Police",
            ),
            item(
                "Acquisitive crime",
                "Burglary in a dwelling",
                ["3", "2", "1", "3", "4", "2"],
                "Police",
            ),
            item(
                "Acquisitive crime",
                "Theft from a vehicle",
                ["4", "3", "3", "1", "3", "3"],
                "Police",
            ),
        ],
        groups: Vec::new(),
        categories: Vec::new(),
        thresholds: Thresholds::PUBLISHED,
        priorities: Vec::new(),
        decisions: Vec::new(),
    }
}
