//! How close, and why: each item's margin to the nearest threshold, the exact weight of each
//! criterion at which it changes band (closed form, in either weighting mode), the weight
//! range over which the set of Red items holds, the single score changes that move an
//! item across a band boundary, and what the '?' scores leave uncertain.

use super::evaluate::Evaluation;
use super::scoring::{band_of, counted_values, effective_multipliers, item_total, snap};
use super::wording::thousands;
use crate::model::{Band, CriterionKind, Matrix, Score, Settings, Thresholds, Weight};
use serde::{Deserialize, Serialize};

/// An item's distance to the nearest threshold.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Margin {
    /// The threshold nearest the total: Amber's or Red's lower bound.
    pub threshold: Band,
    /// Points between the total and that threshold (0 on the line).
    pub points: f64,
    /// True when the total is at or above the threshold.
    pub above: bool,
}

impl Margin {
    /// The margin in words: "0 above Red: on the line", "2 below Red", "1.5 above Amber".
    pub fn describe(&self) -> String {
        let points = super::scoring::format_total(self.points);
        if self.points == 0.0 {
            format!("0 above {}: on the line", self.threshold)
        } else if self.above {
            format!("{points} above {}", self.threshold)
        } else {
            format!("{points} below {}", self.threshold)
        }
    }
}

/// The margin of `total` under `thresholds`.
pub fn item_margin(total: f64, thresholds: &Thresholds) -> Margin {
    let total = snap(total);
    let to_amber = snap(total - thresholds.amber);
    let to_red = snap(total - thresholds.red);
    let (threshold, gap) = if to_red.abs() <= to_amber.abs() {
        (Band::Red, to_red)
    } else {
        (Band::Amber, to_amber)
    };
    Margin {
        threshold,
        points: gap.abs(),
        above: gap >= 0.0,
    }
}

/// The total of one item as a function of one column's weight `w`, the others fixed:
/// `(numerator + slope * w) / (denominator + w) * scale + offset` when the weight is a
/// rescaled criterion's, else `offset + slope * w` (`scale` is then 0).
#[derive(Debug, Clone, Copy, PartialEq)]
struct TotalInWeight {
    slope: f64,
    offset: f64,
    numerator: f64,
    denominator: f64,
    scale: f64,
}

impl TotalInWeight {
    fn at(&self, w: f64) -> f64 {
        if self.scale == 0.0 {
            return self.offset + self.slope * w;
        }
        let sum = self.denominator + w;
        if sum <= 0.0 {
            self.offset
        } else {
            self.scale * (self.numerator + self.slope * w) / sum + self.offset
        }
    }

    /// The weights in `0..=max` at which the total equals `threshold` (at most one: the
    /// total is monotonic in the weight).
    fn crossing(&self, threshold: f64, max: f64) -> Option<f64> {
        let w = if self.scale == 0.0 {
            if self.slope == 0.0 {
                return None;
            }
            (threshold - self.offset) / self.slope
        } else {
            // scale (N + s w) = (t - off)(D + w)  =>  w (scale s - (t - off)) = (t - off) D - scale N
            let target = threshold - self.offset;
            let divisor = self.scale * self.slope - target;
            if divisor == 0.0 {
                return None;
            }
            (target * self.denominator - self.scale * self.numerator) / divisor
        };
        (w.is_finite() && (0.0..=max).contains(&w)).then_some(w)
    }
}

fn total_in_weight(
    values: &[f64],
    matrix: &Matrix,
    settings: &Settings,
    column: usize,
) -> TotalInWeight {
    let multipliers = effective_multipliers(settings, &matrix.criteria);
    let kind = |i: usize| {
        matrix
            .criteria
            .get(i)
            .map_or(CriterionKind::Scored, |c| c.kind)
    };
    let value = |i: usize| values.get(i).copied().unwrap_or(0.0);
    if !settings.rescale || kind(column) == CriterionKind::Unattributed {
        let offset: f64 = (0..values.len())
            .filter(|&i| i != column)
            .map(|i| multipliers.get(i).copied().unwrap_or(0.0) * value(i))
            .sum();
        return TotalInWeight {
            slope: value(column),
            offset,
            numerator: 0.0,
            denominator: 0.0,
            scale: 0.0,
        };
    }
    let scored: Vec<usize> = (0..values.len())
        .filter(|&i| kind(i) == CriterionKind::Scored)
        .collect();
    let others = scored.iter().filter(|&&i| i != column);
    let numerator: f64 = others
        .clone()
        .map(|&i| settings.weight(i).get() * value(i))
        .sum();
    let denominator: f64 = others.map(|&i| settings.weight(i).get()).sum();
    let offset: f64 = (0..values.len())
        .filter(|&i| kind(i) == CriterionKind::Unattributed)
        .map(|i| multipliers.get(i).copied().unwrap_or(0.0) * value(i))
        .sum();
    TotalInWeight {
        slope: value(column),
        offset,
        numerator,
        denominator,
        scale: scored.len() as f64,
    }
}

/// How one item's band depends on one column's weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlipPoints {
    /// The column.
    pub criterion: usize,
    /// The weights (within 0 to the largest weight) at which the band changes, in order,
    /// each with the band from that weight on (a total on a threshold is in the higher band).
    pub changes: Vec<(f64, Band)>,
    /// The band at weight 0.
    pub band_at_zero: Band,
    /// The weight range around the current weight in which the band holds (inclusive ends
    /// as the band rule gives them).
    pub keeps_band: (f64, f64),
    /// The nearest weight above the current one at which the band changes, and to what.
    pub above: Option<(f64, Band)>,
    /// The nearest weight below the current one at which the band changes, and from what.
    pub below: Option<(f64, Band)>,
}

impl FlipPoints {
    /// The band at weight `w` as these points say.
    pub fn band_at(&self, w: f64) -> Band {
        self.changes
            .iter()
            .take_while(|(at, _)| *at <= w)
            .last()
            .map_or(self.band_at_zero, |(_, band)| *band)
    }
}

/// Where item `item`'s band changes as column `column`'s weight goes from 0 to
/// `Weight::MAX`, the other settings as they are.
pub fn flip_points(
    matrix: &Matrix,
    settings: &Settings,
    item: usize,
    column: usize,
) -> Option<FlipPoints> {
    let row = matrix.items.get(item)?;
    let values = counted_values(row, &matrix.criteria, settings.unknown_policy);
    let curve = total_in_weight(&values, matrix, settings, column);
    let t = &settings.thresholds;
    let band = |w: f64| band_of(curve.at(w), t);
    let mut points: Vec<f64> = [t.amber, t.red]
        .into_iter()
        .filter_map(|threshold| curve.crossing(threshold, Weight::MAX))
        .collect();
    points.sort_by(f64::total_cmp);
    points.dedup_by(|a, b| (*a - *b).abs() < 1e-12);
    // The band just past each crossing (the band on the crossing itself is the higher one;
    // it is also the band after the crossing when the total rises).
    let mut changes: Vec<(f64, Band)> = Vec::new();
    let mut current = band(0.0);
    let band_at_zero = current;
    for (i, &w) in points.iter().enumerate() {
        let next_point = points.get(i + 1).copied().unwrap_or(Weight::MAX);
        let after = band(((w + next_point) / 2.0).max(w));
        let on = band(w);
        // A falling total is in the higher band on the crossing and the lower one after it.
        let (at, to) = if on == current {
            (next_after(w), after)
        } else {
            (w, on)
        };
        if to != current {
            changes.push((at, to));
            current = to;
        }
    }
    let now = settings.weight(column).get();
    let above = changes.iter().find(|(w, _)| *w > now).copied();
    let below = changes.iter().rev().find(|(w, _)| *w <= now).copied();
    let keeps_band = (
        below.map_or(0.0, |(w, _)| w),
        above.map_or(Weight::MAX, |(w, _)| w),
    );
    Some(FlipPoints {
        criterion: column,
        changes,
        band_at_zero,
        keeps_band,
        above,
        below,
    })
}

/// The smallest weight past `w` that is distinguishable from it, for a change that happens
/// just after a crossing (a total falling through a threshold).
fn next_after(w: f64) -> f64 {
    w + 1e-9
}

/// For one column: the weight range around its current weight in which the set of Red items
/// stays the same, as (from, to) within 0 to the largest weight.
pub fn red_set_interval(matrix: &Matrix, settings: &Settings, column: usize) -> (f64, f64) {
    let now = settings.weight(column).get();
    let mut from: f64 = 0.0;
    let mut to: f64 = Weight::MAX;
    for item in 0..matrix.items.len() {
        let Some(points) = flip_points(matrix, settings, item, column) else {
            continue;
        };
        let mut previous = points.band_at_zero;
        for &(w, band) in &points.changes {
            let red_changes = (previous == Band::Red) != (band == Band::Red);
            previous = band;
            if !red_changes {
                continue;
            }
            if w <= now {
                from = from.max(w);
            } else {
                to = to.min(w);
            }
        }
    }
    (from, to)
}

/// One score change that moves an item into another band.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ScoreFlip {
    /// The column.
    pub criterion: usize,
    /// The score now.
    pub from: Score,
    /// The score that moves the item.
    pub to: Score,
    /// The band it would have.
    pub band: Band,
}

/// Every single score change of +1 or -1 (or a '?' filled in with 0 to 4) that would move
/// item `item` into another band; empty when it is robust.
pub fn score_flips(
    matrix: &Matrix,
    settings: &Settings,
    evaluation: &Evaluation,
    item: usize,
) -> Vec<ScoreFlip> {
    let (Some(row), Some(result)) = (matrix.items.get(item), evaluation.items.get(item)) else {
        return Vec::new();
    };
    let mut flips = Vec::new();
    let mut changed = row.clone();
    for criterion in 0..matrix.criteria.len() {
        let from = row.score(criterion);
        let candidates: Vec<Score> = match from {
            Score::Known(v) => [v.checked_sub(1), (v < 4).then_some(v + 1)]
                .into_iter()
                .flatten()
                .map(Score::Known)
                .collect(),
            Score::Unknown => (0..=4).map(Score::Known).collect(),
        };
        for to in candidates {
            if let Some(slot) = changed.scores.get_mut(criterion) {
                *slot = to;
            }
            let total = item_total(
                &changed,
                &matrix.criteria,
                &evaluation.multipliers,
                settings.unknown_policy,
            );
            let band = band_of(total, &settings.thresholds);
            if band != result.band {
                flips.push(ScoreFlip {
                    criterion,
                    from,
                    to,
                    band,
                });
            }
        }
        if let Some(slot) = changed.scores.get_mut(criterion) {
            *slot = from;
        }
    }
    flips
}

/// What the '?' scores leave uncertain across the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Uncertainty {
    /// Items with at least one '?'.
    pub with_unknowns: usize,
    /// Of those, items whose band could change once the '?' are known.
    pub could_change: usize,
    /// Of those, items not Red now that could become Red.
    pub could_become_red: usize,
}

impl Uncertainty {
    /// The statement, e.g. "13 of the 18 items with a '?' could change band once it is
    /// known; 9 could become Red."
    pub fn sentence(&self) -> String {
        if self.with_unknowns == 0 {
            return "No item has a '?': every band is certain.".to_owned();
        }
        let items = if self.with_unknowns == 1 {
            "item"
        } else {
            "items"
        };
        format!(
            "{} of the {} {items} with a '?' could change band once it is known; {} could become Red.",
            thousands(self.could_change),
            thousands(self.with_unknowns),
            thousands(self.could_become_red)
        )
    }
}

/// The matrix-level statement about '?' scores.
pub fn uncertainty(evaluation: &Evaluation) -> Uncertainty {
    let mut out = Uncertainty {
        with_unknowns: 0,
        could_change: 0,
        could_become_red: 0,
    };
    for result in &evaluation.items {
        let Some(range) = result.range else {
            continue;
        };
        out.with_unknowns += 1;
        if range.min_band != range.max_band {
            out.could_change += 1;
        }
        if result.band != Band::Red && range.max_band == Band::Red {
            out.could_become_red += 1;
        }
    }
    out
}

/// A weight range over which every item keeps its band, and the counts in it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CountStep {
    /// Where the range starts.
    pub from: f64,
    /// Where it ends.
    pub to: f64,
    /// Red, Amber and Green items in it.
    pub counts: super::evaluate::BandCounts,
}

/// How many items are Red, Amber and Green as column `column`'s weight goes from 0 to the
/// largest weight: one step per range in which no item changes band (exact, from the
/// flip points), found in one sorted sweep over every item's changes.
pub fn band_count_steps(matrix: &Matrix, settings: &Settings, column: usize) -> Vec<CountStep> {
    let mut counts = super::evaluate::BandCounts::default();
    let tally = |counts: &mut super::evaluate::BandCounts, band: Band, by: i64| {
        let slot = match band {
            Band::Red => &mut counts.red,
            Band::Amber => &mut counts.amber,
            Band::Green => &mut counts.green,
        };
        *slot = usize::try_from(i64::try_from(*slot).unwrap_or(0) + by).unwrap_or(0);
    };
    // Every change as (weight, from band, to band).
    let mut changes: Vec<(f64, Band, Band)> = Vec::new();
    for item in 0..matrix.items.len() {
        let Some(points) = flip_points(matrix, settings, item, column) else {
            continue;
        };
        tally(&mut counts, points.band_at_zero, 1);
        let mut previous = points.band_at_zero;
        for &(w, band) in &points.changes {
            changes.push((w, previous, band));
            previous = band;
        }
    }
    changes.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut steps = Vec::new();
    let mut from = 0.0;
    let mut index = 0;
    while index < changes.len() {
        let at = changes[index].0;
        if at > from {
            steps.push(CountStep {
                from,
                to: at,
                counts,
            });
            from = at;
        }
        // Every change at this weight.
        while index < changes.len() && (changes[index].0 - at).abs() < 1e-12 {
            let (_, was, now) = changes[index];
            tally(&mut counts, was, -1);
            tally(&mut counts, now, 1);
            index += 1;
        }
    }
    if Weight::MAX > from || steps.is_empty() {
        steps.push(CountStep {
            from,
            to: Weight::MAX,
            counts,
        });
    }
    steps
}
