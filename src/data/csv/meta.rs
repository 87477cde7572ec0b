//! Metadata rows (`# title`, `# criterion`, `# group`, ...) before the header of an import file.

use super::cells::{parse_count, parse_threshold, short, unescape_cell};
use super::problem::Problem;
use super::read::Record;
use crate::model::{BoardDecision, CategoryInfo, CriterionKind, GroupInfo, PublishedPriority};
use std::collections::HashSet;

/// The metadata keys, as written after `#`, for messages and the documentation.
pub(crate) const KEYS: &str =
    "title, short name, source, amber threshold, red threshold, criterion, group, category, priority, decision, comment";

/// A criterion's metadata, matched to a header column later.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CriterionMeta {
    pub row: usize,
    pub name: String,
    pub kind: CriterionKind,
    pub description: String,
}

/// Everything the metadata rows said.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub short_name: Option<String>,
    pub source: Option<String>,
    /// (row, value)
    pub amber: Option<(usize, f64)>,
    /// (row, value)
    pub red: Option<(usize, f64)>,
    pub criteria: Vec<CriterionMeta>,
    pub groups: Vec<GroupInfo>,
    pub categories: Vec<CategoryInfo>,
    pub priorities: Vec<PublishedPriority>,
    pub decisions: Vec<BoardDecision>,
    /// Group names declared so far, to find repeats quickly.
    seen_groups: HashSet<String>,
    /// (group, category) pairs declared so far.
    seen_categories: HashSet<(Option<String>, String)>,
}

/// One metadata row split into its key and its values with their column numbers.
struct MetaRow {
    row: usize,
    key: String,
    values: Vec<(usize, String)>,
}

impl MetaRow {
    fn parse(record: &Record) -> Self {
        let first = record.cells.first().map_or("", |cell| cell.trim_start());
        let after_hash = first.strip_prefix('#').unwrap_or(first);
        let (key, inline) = after_hash.split_once(':').unwrap_or((after_hash, ""));
        let key = key
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let mut values = Vec::new();
        if !inline.trim().is_empty() {
            values.push((1, unescape_cell(inline.trim()).to_owned()));
        }
        let last = record
            .cells
            .iter()
            .rposition(|cell| !cell.is_empty())
            .unwrap_or(0);
        for (index, cell) in record.cells.iter().enumerate().take(last + 1).skip(1) {
            values.push((index + 1, unescape_cell(cell).to_owned()));
        }
        Self {
            row: record.row,
            key,
            values,
        }
    }

    fn text(&self, index: usize) -> &str {
        self.values.get(index).map_or("", |(_, text)| text.as_str())
    }

    /// The column of value `index` (or of the cell after the last value).
    fn column(&self, index: usize) -> usize {
        self.values
            .get(index)
            .map_or_else(|| self.values.last().map_or(2, |(c, _)| c + 1), |(c, _)| *c)
    }

    fn problem(&self, index: usize, message: impl Into<String>) -> Problem {
        Problem::cell(self.row, self.column(index), message)
    }

    /// Reports values beyond the `max` this key takes.
    fn check_count(&self, max: usize, problems: &mut Vec<Problem>) {
        if self.values.len() > max {
            problems.push(self.problem(
                max,
                format!(
                    "'# {}' takes {max} value(s), but this cell holds another. If a value contains \
                     the separator, put it in double quotes.",
                    self.key
                ),
            ));
        }
    }

    fn count(&self, index: usize, what: &str, problems: &mut Vec<Problem>) -> Option<u32> {
        parse_count(self.text(index)).unwrap_or_else(|message| {
            problems.push(self.problem(index, format!("The {what}: {message}")));
            None
        })
    }
}

impl Meta {
    /// Reads one metadata row into `self`, adding a positioned problem if it is wrong.
    pub(crate) fn read_row(&mut self, record: &Record, problems: &mut Vec<Problem>) {
        let row = MetaRow::parse(record);
        match row.key.as_str() {
            "title" => text_value(&row, &mut self.title, problems),
            "short name" => text_value(&row, &mut self.short_name, problems),
            "source" => text_value(&row, &mut self.source, problems),
            "amber threshold" => threshold(&row, &mut self.amber, problems),
            "red threshold" => threshold(&row, &mut self.red, problems),
            "criterion" => criterion(&row, self, problems),
            "group" => group(&row, self, problems),
            "category" => category(&row, self, problems),
            "priority" => priority(&row, self, problems),
            "decision" => decision(&row, self, problems),
            "comment" => {}
            other => problems.push(Problem::cell(
                row.row,
                1,
                format!(
                    "'# {}' is not a metadata name this format knows. Known names: {KEYS}.",
                    short(other)
                ),
            )),
        }
    }
}

fn repeated(row: &MetaRow, problems: &mut Vec<Problem>) {
    problems.push(Problem::cell(
        row.row,
        1,
        format!("'# {}' is given twice; keep one.", row.key),
    ));
}

fn text_value(row: &MetaRow, slot: &mut Option<String>, problems: &mut Vec<Problem>) {
    row.check_count(1, problems);
    if slot.is_some() {
        repeated(row, problems);
    } else {
        *slot = Some(row.text(0).to_owned());
    }
}

fn threshold(row: &MetaRow, slot: &mut Option<(usize, f64)>, problems: &mut Vec<Problem>) {
    row.check_count(1, problems);
    if slot.is_some() {
        return repeated(row, problems);
    }
    match parse_threshold(row.text(0)) {
        Ok(value) => *slot = Some((row.row, value)),
        Err(message) => problems.push(row.problem(0, message)),
    }
}

fn criterion(row: &MetaRow, meta: &mut Meta, problems: &mut Vec<Problem>) {
    row.check_count(3, problems);
    let name = row.text(0);
    if name.trim().is_empty() {
        return problems.push(row.problem(0, "The criterion's name is empty."));
    }
    let kind = match row.text(1).trim().to_lowercase().as_str() {
        "" | "scored" => CriterionKind::Scored,
        "unattributed" => CriterionKind::Unattributed,
        other => {
            let message = format!(
                "'{}' is not a criterion kind; write scored or unattributed.",
                short(other)
            );
            return problems.push(row.problem(1, message));
        }
    };
    meta.criteria.push(CriterionMeta {
        row: row.row,
        name: name.to_owned(),
        kind,
        description: row.text(2).to_owned(),
    });
}

fn group(row: &MetaRow, meta: &mut Meta, problems: &mut Vec<Problem>) {
    row.check_count(2, problems);
    let name = row.text(0);
    if name.trim().is_empty() {
        return problems.push(row.problem(0, "The group's name is empty."));
    }
    if !meta.seen_groups.insert(name.to_owned()) {
        return repeated(row, problems);
    }
    let published_subtotal = row.count(1, "published subtotal", problems);
    meta.groups.push(GroupInfo {
        name: name.to_owned(),
        published_subtotal,
    });
}

fn category(row: &MetaRow, meta: &mut Meta, problems: &mut Vec<Problem>) {
    row.check_count(3, problems);
    let group = Some(row.text(0))
        .filter(|g| !g.trim().is_empty())
        .map(str::to_owned);
    let name = row.text(1);
    if name.trim().is_empty() {
        return problems.push(row.problem(1, "The category's name is empty."));
    }
    if !meta
        .seen_categories
        .insert((group.clone(), name.to_owned()))
    {
        return repeated(row, problems);
    }
    let published_subtotal = row.count(2, "published subtotal", problems);
    meta.categories.push(CategoryInfo {
        group,
        name: name.to_owned(),
        published_subtotal,
    });
}

fn priority(row: &MetaRow, meta: &mut Meta, problems: &mut Vec<Problem>) {
    row.check_count(5, problems);
    let item = row.text(1);
    if item.trim().is_empty() {
        return problems.push(row.problem(1, "The priority names no item; write the item's name."));
    }
    let position = row.count(2, "position", problems);
    let points = row.count(3, "points", problems);
    let board_decision = match row.text(4).trim().to_lowercase().as_str() {
        "" | "no" | "false" => false,
        "yes" | "true" => true,
        other => {
            let message = format!(
                "'{}' is not yes or no (was this added by a board decision?).",
                short(other)
            );
            problems.push(row.problem(4, message));
            false
        }
    };
    meta.priorities.push(PublishedPriority {
        listed_as: row.text(0).to_owned(),
        item: item.to_owned(),
        position,
        points,
        board_decision,
    });
}

/// `# decision, subject, add|remove, item, reason, date`: one row per item; consecutive rows
/// with the same subject, direction, reason and date are one decision.
fn decision(row: &MetaRow, meta: &mut Meta, problems: &mut Vec<Problem>) {
    row.check_count(5, problems);
    let subject = row.text(0);
    if subject.trim().is_empty() {
        return problems.push(row.problem(
            0,
            "The decision names nothing; write what the board decided about.",
        ));
    }
    let include = match row.text(1).trim().to_lowercase().as_str() {
        "add" | "added" | "include" => true,
        "remove" | "removed" | "exclude" => false,
        other => {
            let message = format!(
                "'{}' is not add or remove (did the board add the item to the priorities or remove it?).",
                short(other)
            );
            return problems.push(row.problem(1, message));
        }
    };
    let item = row.text(2);
    if item.trim().is_empty() {
        return problems.push(row.problem(2, "The decision names no item; write the item's name."));
    }
    let (reason, date) = (row.text(3), row.text(4));
    if let Some(last) = meta.decisions.last_mut() {
        if last.subject == subject
            && last.include == include
            && last.reason == reason
            && last.date == date
        {
            last.items.push(item.to_owned());
            return;
        }
    }
    meta.decisions.push(BoardDecision {
        subject: subject.to_owned(),
        items: vec![item.to_owned()],
        include,
        reason: reason.to_owned(),
        date: date.to_owned(),
    });
}
