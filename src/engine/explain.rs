//! "Why is this Red?": one item's total taken apart (each criterion's score times its
//! multiplier, the unattributed points apart), its margin, flip points and flip scores, and
//! one plain sentence that says it.

use super::evaluate::Evaluation;
use super::scoring::{counted_values, format_total};
use super::sensitivity::{flip_points, item_margin, score_flips, FlipPoints, Margin, ScoreFlip};
use crate::model::{Band, CriterionKind, Matrix, Score, Settings};
use serde::{Deserialize, Serialize};

/// One column's part of a total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    /// The column.
    pub criterion: usize,
    /// The score as printed or edited.
    pub score: Score,
    /// The value it counts as (a '?' under the policy in force).
    pub value: f64,
    /// The multiplier in force.
    pub multiplier: f64,
    /// `value * multiplier`.
    pub points: f64,
    /// True for the unattributed remainder, which is not a criterion.
    pub unattributed: bool,
}

/// Everything the explanation of one item shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// The item.
    pub item: usize,
    /// Its total and band.
    pub total: f64,
    /// Its band.
    pub band: Band,
    /// Each column's part, in column order.
    pub contributions: Vec<Contribution>,
    /// The distance to the nearest threshold.
    pub margin: Margin,
    /// For each column, where the band changes as its weight moves.
    pub flip_points: Vec<FlipPoints>,
    /// The single score changes that move it.
    pub score_flips: Vec<ScoreFlip>,
    /// The explanation in one sentence.
    pub sentence: String,
}

/// Explains item `item` of `matrix`, evaluated as `evaluation` under `settings`.
pub fn explain(
    matrix: &Matrix,
    settings: &Settings,
    evaluation: &Evaluation,
    item: usize,
) -> Option<Explanation> {
    let row = matrix.items.get(item)?;
    let result = evaluation.items.get(item)?;
    let values = counted_values(row, &matrix.criteria, settings.unknown_policy);
    let contributions: Vec<Contribution> = matrix
        .criteria
        .iter()
        .enumerate()
        .map(|(criterion, c)| {
            let score = row.score(criterion);
            let value = values.get(criterion).copied().unwrap_or(0.0);
            let multiplier = evaluation
                .multipliers
                .get(criterion)
                .copied()
                .unwrap_or(0.0);
            Contribution {
                criterion,
                score,
                value,
                multiplier,
                points: value * multiplier,
                unattributed: c.kind == CriterionKind::Unattributed,
            }
        })
        .collect();
    let margin = item_margin(result.total, &settings.thresholds);
    let flips = score_flips(matrix, settings, evaluation, item);
    let flip_points = (0..matrix.criteria.len())
        .filter_map(|c| flip_points(matrix, settings, item, c))
        .collect();
    let sentence = sentence(
        matrix,
        &row.name,
        result.total,
        result.band,
        &contributions,
        &margin,
        &flips,
    );
    Some(Explanation {
        item,
        total: result.total,
        band: result.band,
        contributions,
        margin,
        flip_points,
        score_flips: flips,
        sentence,
    })
}

/// "Rubbish is Red with 11, exactly on the line: public concern 4 gives the most; lowering
/// any of its non-zero scores by 1 makes it Amber."
fn sentence(
    matrix: &Matrix,
    name: &str,
    total: f64,
    band: Band,
    contributions: &[Contribution],
    margin: &Margin,
    flips: &[ScoreFlip],
) -> String {
    let position = if margin.points == 0.0 {
        "exactly on the line".to_owned()
    } else if margin.above {
        format!(
            "{} above the {} line",
            format_total(margin.points),
            margin.threshold
        )
    } else {
        format!(
            "{} below the {} line",
            format_total(margin.points),
            margin.threshold
        )
    };
    let criterion_name = |c: usize| {
        matrix
            .criteria
            .get(c)
            .map_or_else(String::new, |c| c.name.to_lowercase())
    };
    let most = contributions
        .iter()
        .filter(|c| !c.unattributed && c.points > 0.0)
        .max_by(|a, b| a.points.total_cmp(&b.points));
    let biggest = most.map_or_else(
        || "no criterion adds anything".to_owned(),
        |c| format!("{} {} gives the most", criterion_name(c.criterion), c.score),
    );
    let unattributed: f64 = contributions
        .iter()
        .filter(|c| c.unattributed)
        .map(|c| c.points)
        .sum();
    let unattributed = if unattributed > 0.0 {
        format!(
            " ({} of its points are unattributed)",
            format_total(unattributed)
        )
    } else {
        String::new()
    };
    let flips_text = flips_sentence(contributions, flips, &criterion_name);
    format!(
        "{name} is {band} with {}, {position}: {biggest}{unattributed}; {flips_text}.",
        format_total(total)
    )
}

fn flips_sentence(
    contributions: &[Contribution],
    flips: &[ScoreFlip],
    criterion_name: &dyn Fn(usize) -> String,
) -> String {
    if flips.is_empty() {
        return "no single score change of 1 would move it (robust)".to_owned();
    }
    let lowering_all: Vec<&Contribution> = contributions
        .iter()
        .filter(|c| matches!(c.score, Score::Known(v) if v > 0))
        .collect();
    let downs: Vec<&ScoreFlip> = flips
        .iter()
        .filter(|f| matches!((f.from, f.to), (Score::Known(a), Score::Known(b)) if b < a))
        .collect();
    let every_non_zero_down = !lowering_all.is_empty()
        && lowering_all.len() == downs.len()
        && downs.len() == flips.len()
        && downs.iter().all(|f| f.band == downs[0].band);
    if every_non_zero_down {
        return format!(
            "lowering any of its non-zero scores by 1 makes it {}",
            downs[0].band
        );
    }
    let listed: Vec<String> = flips
        .iter()
        .take(3)
        .map(|f| {
            format!(
                "{} {} → {} makes it {}",
                criterion_name(f.criterion),
                f.from,
                f.to,
                f.band
            )
        })
        .collect();
    let more = if flips.len() > 3 {
        format!(" (and {} more)", flips.len() - 3)
    } else {
        String::new()
    };
    format!("{}{more}", listed.join("; "))
}
