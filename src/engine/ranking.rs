//! Ranking with ties, written as the document writes them ("1. A = B 3. C").

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;

/// A position in a ranking; tied items share a position and are marked "=".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rank {
    /// 1-based position (standard competition ranking: 1, 1, 3).
    pub position: usize,
    /// True when another item has the same total.
    pub tied: bool,
}

impl fmt::Display for Rank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.tied {
            write!(f, "={}", self.position)
        } else {
            write!(f, "{}", self.position)
        }
    }
}

/// Ranks `totals` from highest to lowest. Returns each total's rank (in input order)
/// and the input indices in ranked order (ties keep input order).
pub fn rank(totals: &[f64]) -> (Vec<Rank>, Vec<usize>) {
    let mut order: Vec<usize> = (0..totals.len()).collect();
    order.sort_by(|&a, &b| totals[b].partial_cmp(&totals[a]).unwrap_or(Ordering::Equal));
    let mut ranks = vec![
        Rank {
            position: 0,
            tied: false
        };
        totals.len()
    ];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && same(totals[order[end]], totals[order[start]]) {
            end += 1;
        }
        for &index in &order[start..end] {
            ranks[index] = Rank {
                position: start + 1,
                tied: end - start > 1,
            };
        }
        start = end;
    }
    (ranks, order)
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}
