//! Putting an import file's matrix together once every row is read: criterion descriptions
//! matched to header columns, thresholds checked, defaults filled in.

use super::cells::short;
use super::groups::GroupsInUse;
use super::header::{name_key, Header};
use super::meta::Meta;
use super::problem::Problem;
use crate::model::{Criterion, CriterionKind, Item, Matrix, Thresholds};

/// The title given to a matrix whose file has no `# title` row.
pub const DEFAULT_TITLE: &str = "Imported matrix";

/// The matrix that `meta`, `header`, `items` and their groups describe; adds a problem for
/// each criterion description that names no column (or repeats one) and for crossed
/// thresholds.
pub(crate) fn assemble(
    meta: Meta,
    header: &Header,
    items: Vec<Item>,
    groups: GroupsInUse,
    problems: &mut Vec<Problem>,
) -> Matrix {
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
    let keys: Vec<String> = header.criteria.iter().map(|name| name_key(name)).collect();
    for found in &meta.criteria {
        let key = name_key(&found.name);
        let index = keys.iter().position(|name| *name == key);
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
    let (groups, categories) = groups.all(&meta);
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
        decisions: meta.decisions,
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
