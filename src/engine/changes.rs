//! What changed between two evaluations of a matrix: the items whose band differs, grouped
//! by direction, and the plain text that goes into the minutes.

use super::evaluate::Evaluation;
use super::wording::thousands;
use crate::model::{Band, BoardDecision, Matrix};
use serde::{Deserialize, Serialize};

/// One item in another band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandChange {
    /// The item's index in the matrix.
    pub item: usize,
    /// Its band before.
    pub from: Band,
    /// Its band now.
    pub to: Band,
}

/// The items whose band differs, each list in the order of the ranking now.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BandChanges {
    /// Items now in a higher band.
    pub up: Vec<BandChange>,
    /// Items now in a lower band.
    pub down: Vec<BandChange>,
}

impl BandChanges {
    /// True when no item changes band.
    pub fn is_empty(&self) -> bool {
        self.up.is_empty() && self.down.is_empty()
    }

    /// How many items change band.
    pub fn len(&self) -> usize {
        self.up.len() + self.down.len()
    }
}

/// The items whose band in `after` differs from their band in `before` (two evaluations of
/// the same matrix's items).
pub fn band_changes(before: &Evaluation, after: &Evaluation) -> BandChanges {
    // Which items moved, read from both evaluations straight through; then those items in
    // the order of the ranking, which looks up a byte per item rather than two results.
    let moved: Vec<bool> = before
        .items
        .iter()
        .zip(&after.items)
        .map(|(was, now)| was.band != now.band)
        .collect();
    let mut changes = BandChanges::default();
    for &item in &after.ranking {
        if moved.get(item) != Some(&true) {
            continue;
        }
        let (Some(was), Some(now)) = (before.items.get(item), after.items.get(item)) else {
            continue;
        };
        let change = BandChange {
            item,
            from: was.band,
            to: now.band,
        };
        if now.band > was.band {
            changes.up.push(change);
        } else {
            changes.down.push(change);
        }
    }
    changes
}

/// How many band changes `announcement` names before counting the rest.
pub const ANNOUNCED: usize = 5;

/// What a screen reader hears when a change moves items between bands: each item and its
/// new band, up first, then down, "Vandalism now Red; Animals now Green."; past
/// `ANNOUNCED` items, how many more, "…; and 1,995 more items change band." Empty when no
/// item changes band.
pub fn announcement(matrix: &Matrix, changes: &BandChanges) -> String {
    let mut parts: Vec<String> = changes
        .up
        .iter()
        .chain(&changes.down)
        .take(ANNOUNCED)
        .map(|c| format!("{} now {}", item_name(matrix, c.item), c.to))
        .collect();
    let more = changes.len().saturating_sub(ANNOUNCED);
    if more > 0 {
        let items = if more == 1 {
            "item changes"
        } else {
            "items change"
        };
        parts.push(format!("and {} more {items} band", thousands(more)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("{}.", parts.join("; "))
    }
}

/// "Vandalism: Amber → Red".
pub fn change_line(matrix: &Matrix, change: &BandChange) -> String {
    let name = item_name(matrix, change.item);
    format!("{name}: {} → {}", change.from, change.to)
}

/// The name of item `item` of `matrix`, or "(unknown item)".
fn item_name(matrix: &Matrix, item: usize) -> &str {
    matrix
        .items
        .get(item)
        .map_or("(unknown item)", |item| item.name.as_str())
}

/// "1 item changes band" / "No item changes band".
pub fn changes_summary(changes: &BandChanges) -> String {
    match changes.len() {
        0 => "No item changes band".to_owned(),
        1 => "1 item changes band".to_owned(),
        n => format!("{} items change band", thousands(n)),
    }
}

/// What the minutes need, as plain text: the matrix and scenario, what it is compared with,
/// the weighting sentence, the band changes one per line grouped by direction, and the
/// board decisions.
pub struct Minutes<'a> {
    /// The matrix.
    pub matrix: &'a Matrix,
    /// The scenario's name.
    pub scenario: &'a str,
    /// What it is compared with ("the published assessment" or a scenario's name).
    pub compared_with: &'a str,
    /// The weighting sentence in force.
    pub weighting: &'a str,
    /// The band changes.
    pub changes: &'a BandChanges,
    /// The board decisions in force.
    pub decisions: &'a [BoardDecision],
}

impl Minutes<'_> {
    /// The text, one fact a line, ready to paste.
    pub fn text(&self) -> String {
        let mut lines = vec![
            format!("{}: {}", self.matrix.title, self.scenario),
            format!("Compared with {}.", self.compared_with),
            self.weighting.to_owned(),
            format!("{}.", changes_summary(self.changes)),
        ];
        for (heading, list) in [
            ("Up a band", &self.changes.up),
            ("Down a band", &self.changes.down),
        ] {
            if !list.is_empty() {
                lines.push(format!("{heading} ({}):", thousands(list.len())));
                lines.extend(
                    list.iter()
                        .map(|c| format!("- {}", change_line(self.matrix, c))),
                );
            }
        }
        if !self.decisions.is_empty() {
            lines.push(format!(
                "Board decisions ({}):",
                thousands(self.decisions.len())
            ));
            lines.extend(self.decisions.iter().map(decision_line));
        }
        let mut text = lines.join("\n");
        text.push('\n');
        text
    }
}

/// "- Added to the priorities: Violent crime (GBH, ABH), October 2007: reason".
pub fn decision_line(decision: &BoardDecision) -> String {
    let verb = if decision.include {
        "Added to the priorities"
    } else {
        "Taken off the priorities"
    };
    let covers = if decision.items.len() == 1 && decision.items[0] == decision.subject {
        String::new()
    } else {
        format!(" ({})", decision.items.join(", "))
    };
    let date = if decision.date.trim().is_empty() {
        String::new()
    } else {
        format!(", {}", decision.date.trim())
    };
    format!(
        "- {verb}: {}{covers}{date}: {}",
        decision.subject,
        decision.reason.trim()
    )
}

/// The board decisions in force in one what-if and not the other: indices into `before`
/// and into `after`.
pub fn decision_differences(
    before: &[BoardDecision],
    after: &[BoardDecision],
) -> (Vec<usize>, Vec<usize>) {
    let only = |these: &[BoardDecision], those: &[BoardDecision]| {
        these
            .iter()
            .enumerate()
            .filter(|(_, d)| !those.contains(d))
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
    };
    (only(before, after), only(after, before))
}
