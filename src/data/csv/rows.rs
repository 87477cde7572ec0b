//! An import file's rows read in order, one at a time: metadata rows, the header, then item
//! rows. Problems are gathered as the rows come; the end gives a matrix or the problem list.

use super::assemble::assemble;
use super::groups::GroupsInUse;
use super::header::{read_header, Header};
use super::items::read_item;
use super::meta::Meta;
use super::names::SeenNames;
use super::problem::Problem;
use super::read::Record;
use crate::model::{Item, Matrix};

/// The most problems reported for one import; the rest are counted in a last problem.
pub const MAX_PROBLEMS: usize = 50;

/// The rows read so far and every problem found in them.
#[derive(Debug, Default)]
pub(crate) struct MatrixRows {
    /// What the metadata rows said.
    meta: Meta,
    stage: Stage,
    problems: Vec<Problem>,
    /// The row where item rows stopped being checked, once more problems were found than
    /// are listed (past those, checking only costs time).
    stopped_at: Option<usize>,
}

#[derive(Debug, Default)]
enum Stage {
    /// Before the header.
    #[default]
    Metadata,
    /// After a usable header.
    Items(Box<ItemRows>),
    /// After a header that cannot be used: the rows left are read only for reading errors.
    Unusable,
}

#[derive(Debug)]
struct ItemRows {
    header: Header,
    seen: SeenNames,
    items: Vec<Item>,
    groups: GroupsInUse,
    /// Item rows met, checked or not.
    met: usize,
}

impl MatrixRows {
    /// Takes the file's next row. Blank rows are skipped; the first row that is not
    /// metadata is the header.
    pub fn add(&mut self, record: &Record) {
        if record.is_blank() {
            return;
        }
        match &mut self.stage {
            Stage::Metadata if record.is_metadata() => {
                self.meta.read_row(record, &mut self.problems);
            }
            Stage::Metadata => {
                self.stage = match read_header(record, &mut self.problems) {
                    Some(header) => Stage::Items(Box::new(ItemRows {
                        header,
                        seen: SeenNames::default(),
                        items: Vec::new(),
                        groups: GroupsInUse::declared(&self.meta),
                        met: 0,
                    })),
                    None => Stage::Unusable,
                };
            }
            Stage::Items(rows) => {
                rows.met += 1;
                if self.stopped_at.is_some() {
                    return;
                }
                if self.problems.len() > MAX_PROBLEMS {
                    self.stopped_at = Some(record.row);
                    return;
                }
                let item = read_item(record, &rows.header, &mut rows.seen, &mut self.problems);
                if let Some(item) = item {
                    rows.groups.note(&item);
                    rows.items.push(item);
                }
            }
            Stage::Unusable => {}
        }
    }

    /// After the last row: the matrix, or every problem found (at most `MAX_PROBLEMS`, in
    /// order of position). Leaves `self` empty.
    pub fn end(&mut self) -> Result<Matrix, Vec<Problem>> {
        let mut problems = std::mem::take(&mut self.problems);
        match std::mem::replace(&mut self.stage, Stage::Unusable) {
            Stage::Metadata => problems.push(Problem::file(
                "The file has no header row. After any rows starting with #, the first row must \
                 name the columns: Item, then one column per criterion (Group, Category, Data source \
                 and Published total are optional).",
            )),
            Stage::Items(rows) if rows.met == 0 => problems.push(Problem::row(
                rows.header.row,
                "The file has a header row but no item rows below it.",
            )),
            Stage::Items(rows) => {
                let meta = std::mem::take(&mut self.meta);
                let ItemRows {
                    header,
                    items,
                    groups,
                    ..
                } = *rows;
                let matrix = assemble(meta, &header, items, groups, &mut problems);
                if problems.is_empty() {
                    return Ok(matrix);
                }
            }
            Stage::Unusable => {}
        }
        Err(listed(problems, self.stopped_at.take()))
    }
}

/// Sorts problems by position (whole-file ones first), caps their number, and says what
/// was left out.
fn listed(mut problems: Vec<Problem>, stopped_at: Option<usize>) -> Vec<Problem> {
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
