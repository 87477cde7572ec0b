//! Pure SVG geometry for the charts: the stacked bar of an item's total, the band counts as
//! one weight moves, and the heatmap of scores. Plain data, tested natively; the views only
//! draw it.

use crate::engine::{Contribution, CountStep};

/// A rectangle in chart units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// A segment of an item's stacked bar: which column, where.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BarSegment {
    /// The column it shows.
    pub criterion: usize,
    /// Where it is.
    pub rect: Rect,
    /// True for the unattributed points.
    pub unattributed: bool,
}

/// The horizontal scale: chart width for `max` points.
pub fn x_of(points: f64, max: f64, width: f64) -> f64 {
    if max <= 0.0 {
        0.0
    } else {
        (points / max).clamp(0.0, 1.0) * width
    }
}

/// The stacked bar of `contributions` (zero parts left out), `max` points wide in `width`.
pub fn stacked_bar(
    contributions: &[Contribution],
    max: f64,
    width: f64,
    height: f64,
) -> Vec<BarSegment> {
    let mut at = 0.0;
    let mut out = Vec::new();
    for c in contributions.iter().filter(|c| c.points > 0.0) {
        let start = x_of(at, max, width);
        at += c.points;
        let end = x_of(at, max, width);
        out.push(BarSegment {
            criterion: c.criterion,
            rect: Rect {
                x: start,
                y: 0.0,
                width: end - start,
                height,
            },
            unattributed: c.unattributed,
        });
    }
    out
}

/// One step of the band-count chart: the weight range and the Red, Amber and Green bars
/// stacked from the bottom (Green, then Amber, then Red).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CountColumn {
    /// Green part.
    pub green: Rect,
    /// Amber part.
    pub amber: Rect,
    /// Red part.
    pub red: Rect,
}

/// The band-count chart of `steps` over weights 0 to `max_weight`, `items` items tall.
pub fn count_columns(
    steps: &[CountStep],
    max_weight: f64,
    items: usize,
    width: f64,
    height: f64,
) -> Vec<CountColumn> {
    let y_of = |count: usize| {
        if items == 0 {
            0.0
        } else {
            count as f64 / items as f64 * height
        }
    };
    steps
        .iter()
        .map(|step| {
            let left = x_of(step.from, max_weight, width);
            let span = x_of(step.to, max_weight, width) - left;
            let green = y_of(step.counts.green);
            let amber = y_of(step.counts.amber);
            let red = y_of(step.counts.red);
            let part = |top: f64, tall: f64| Rect {
                x: left,
                y: top,
                width: span,
                height: tall,
            };
            CountColumn {
                green: part(height - green, green),
                amber: part(height - green - amber, amber),
                red: part(height - green - amber - red, red),
            }
        })
        .collect()
}

/// The grey of a score in the heatmap: 0 lightest, 4 darkest (as a CSS colour).
pub fn score_shade(score: u8) -> &'static str {
    match score {
        0 => "#f4f4f4",
        1 => "#d0d0d0",
        2 => "#a0a0a0",
        3 => "#686868",
        _ => "#303030",
    }
}
