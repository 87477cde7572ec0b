//! Exporting the current results (scores, weights, totals, bands, ranks) as CSV for Excel.

use super::export::{kind_word, score_cell};
use super::write::{Cell, CsvWriter};
use crate::engine::{baseline, item_margin, movement, snap, weighting_sentence, Evaluation};
use crate::model::{BoardDecision, Matrix, Settings, UnknownPolicy};

/// The results of `evaluation` (which must be `matrix` evaluated under `settings`) as CSV
/// that Excel opens correctly: UTF-8 with a byte order mark, CRLF line ends, numbers as
/// numbers, and text cells escaped against formula injection.
///
/// It has three blocks separated by blank rows: the scenario (its `scenario` name and
/// `date`, as given, the matrix title, thresholds, unknown-score policy, whether weights are
/// rescaled and the weighting sentence); one row per criterion with its weight and
/// effective weight; and one row per item, highest total first, with its rank (and whether
/// it is tied), scores, total, band, number of '?' scores, published total and band, and
/// the band and rank change against the published matrix in the app's words; then, when
/// there are any, the board `decisions` in force.
pub fn export_results(
    matrix: &Matrix,
    evaluation: &Evaluation,
    settings: &Settings,
    decisions: &[BoardDecision],
    scenario: &str,
    date: &str,
) -> String {
    let mut csv = CsvWriter::new();
    csv.row(&[Cell::Text("Scenario"), Cell::Text(scenario)]);
    csv.row(&[Cell::Text("Date"), Cell::Text(date)]);
    csv.row(&[Cell::Text("Matrix"), Cell::Text(&matrix.title)]);
    csv.row(&[
        Cell::Text("Amber from"),
        Cell::decimal(settings.thresholds.amber),
    ]);
    csv.row(&[
        Cell::Text("Red from"),
        Cell::decimal(settings.thresholds.red),
    ]);
    csv.row(&[
        Cell::Text("Unknown scores"),
        Cell::Text(policy_words(settings.unknown_policy)),
    ]);
    csv.row(&[
        Cell::Text("Weights rescaled"),
        Cell::Text(if settings.rescale { "yes" } else { "no" }),
    ]);
    let sentence = weighting_sentence(matrix, settings);
    csv.row(&[Cell::Text("Weighting"), Cell::Text(&sentence)]);
    csv.blank();
    write_weights(&mut csv, matrix, evaluation, settings);
    csv.blank();
    write_items(&mut csv, matrix, evaluation, settings);
    if !decisions.is_empty() {
        csv.blank();
        csv.row(&[
            Cell::Text("Board decision"),
            Cell::Text("Decision"),
            Cell::Text("Items"),
            Cell::Text("Reason"),
            Cell::Text("Date"),
        ]);
        for decision in decisions {
            let items = decision.items.join("; ");
            csv.row(&[
                Cell::Text(&decision.subject),
                Cell::Text(if decision.include {
                    "added to the priorities"
                } else {
                    "taken off the priorities"
                }),
                Cell::Text(&items),
                Cell::Text(&decision.reason),
                Cell::Text(&decision.date),
            ]);
        }
    }
    csv.finish()
}

/// The policy in words for a spreadsheet cell: unlike `UnknownPolicy::describe`, it does not
/// start with an apostrophe, which Excel would take as an escape and hide.
fn policy_words(policy: UnknownPolicy) -> &'static str {
    match policy {
        UnknownPolicy::Zero => "? counts as 0",
        UnknownPolicy::ItemMean => "? counts as the mean of the item's known scores",
        UnknownPolicy::WorstCase => "? counts as 4",
    }
}

fn write_weights(
    csv: &mut CsvWriter,
    matrix: &Matrix,
    evaluation: &Evaluation,
    settings: &Settings,
) {
    csv.row(&[
        Cell::Text("Criterion"),
        Cell::Text("Kind"),
        Cell::Text("Weight"),
        Cell::Text("Effective weight"),
    ]);
    for (index, criterion) in matrix.criteria.iter().enumerate() {
        let kind = kind_word(criterion.kind);
        let effective = evaluation
            .multipliers
            .get(index)
            .map_or(Cell::Text(""), |m| Cell::decimal(snap(*m)));
        csv.row(&[
            Cell::Text(&criterion.name),
            Cell::Text(kind),
            Cell::decimal(settings.weight(index).get()),
            effective,
        ]);
    }
}

fn write_items(csv: &mut CsvWriter, matrix: &Matrix, evaluation: &Evaluation, settings: &Settings) {
    let with_group = matrix.items.iter().any(|item| item.group.is_some());
    let with_category = matrix.items.iter().any(|item| item.category.is_some());
    let mut header = vec![Cell::Text("Rank"), Cell::Text("Tied")];
    if with_group {
        header.push(Cell::Text("Group"));
    }
    if with_category {
        header.push(Cell::Text("Category"));
    }
    header.push(Cell::Text("Item"));
    header.extend(matrix.criteria.iter().map(|c| Cell::Text(&c.name)));
    header.extend(
        [
            "Total",
            "Band",
            "Margin",
            "Unknown scores",
            "Published total",
            "Published band",
            "Band changed",
            "Band against published",
            "Rank against published",
        ]
        .map(Cell::Text),
    );
    let published = baseline(matrix);
    csv.row(&header);
    for &index in &evaluation.ranking {
        let (Some(item), Some(result)) = (matrix.items.get(index), evaluation.items.get(index))
        else {
            continue;
        };
        let mut cells = vec![
            Cell::count(u64::try_from(result.rank.position).unwrap_or(u64::MAX)),
            Cell::Text(if result.rank.tied { "yes" } else { "" }),
        ];
        if with_group {
            cells.push(Cell::Text(item.group.as_deref().unwrap_or("")));
        }
        if with_category {
            cells.push(Cell::Text(item.category.as_deref().unwrap_or("")));
        }
        cells.push(Cell::Text(&item.name));
        cells.extend((0..matrix.criteria.len()).map(|i| score_cell(item.score(i))));
        cells.push(Cell::decimal(snap(result.total)));
        cells.push(Cell::Text(result.band.name()));
        let margin = item_margin(result.total, &settings.thresholds).describe();
        cells.push(Cell::Text(&margin));
        cells.push(Cell::count(
            u64::try_from(result.unknowns).unwrap_or(u64::MAX),
        ));
        cells.push(Cell::optional_count(item.published_total));
        let moved = movement(&published, evaluation, index);
        let (band, rank) = moved.map_or((String::new(), String::new()), |m| {
            (m.band_words(), m.rank_words())
        });
        cells.push(Cell::Text(moved.map_or("", |m| m.from.name())));
        cells.push(Cell::Text(match moved {
            Some(m) if m.from != m.to => "yes",
            Some(_) => "no",
            None => "",
        }));
        cells.push(Cell::Text(&band));
        cells.push(Cell::Text(&rank));
        csv.row(&cells);
    }
}
