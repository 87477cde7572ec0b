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
    let mut ranks = vec![
        Rank {
            position: 0,
            tied: false
        };
        totals.len()
    ];
    let order = rank_each(totals, |index, rank| {
        if let Some(slot) = ranks.get_mut(index) {
            *slot = rank;
        }
    });
    (ranks, order)
}

/// Ranks `totals` as `rank` does, handing each index its rank through `set`; returns the
/// indices in ranked order.
pub(super) fn rank_each(totals: &[f64], mut set: impl FnMut(usize, Rank)) -> Vec<usize> {
    let order = ranked_order(totals);
    let mut start = 0;
    while start < order.len() {
        let first = totals[order[start]];
        let mut end = start + 1;
        while end < order.len() && same(totals[order[end]], first) {
            end += 1;
        }
        let rank = Rank {
            position: start + 1,
            tied: end - start > 1,
        };
        for &index in &order[start..end] {
            set(index, rank);
        }
        start = end;
    }
    order
}

/// Below this many totals a comparison sort is quicker than a radix sort.
const RADIX_FROM: usize = 256;

/// The indices of `totals` from the highest total to the lowest, equal totals in input
/// order: a stable sort by value, in O(n).
fn ranked_order(totals: &[f64]) -> Vec<usize> {
    let radix = totals.len() >= RADIX_FROM
        && u32::try_from(totals.len()).is_ok()
        && !totals.iter().any(|t| t.is_nan());
    if !radix {
        let mut order: Vec<usize> = (0..totals.len()).collect();
        order.sort_by(|&a, &b| totals[b].partial_cmp(&totals[a]).unwrap_or(Ordering::Equal));
        return order;
    }
    let mut keys: Vec<u64> = totals.iter().map(|&t| descending_key(t)).collect();
    let mut indices: Vec<u32> = (0..=u32::MAX).take(totals.len()).collect();
    let mut counts = [[0u32; 256]; 8];
    for &key in &keys {
        for (digit, count) in counts.iter_mut().enumerate() {
            count[byte(key, digit)] += 1;
        }
    }
    let mut spare_keys = vec![0u64; keys.len()];
    let mut spare_indices = vec![0u32; keys.len()];
    for (digit, count) in counts.iter().enumerate() {
        // A digit every key shares does not reorder anything.
        if count.iter().any(|&c| c as usize == keys.len()) {
            continue;
        }
        let mut next = [0u32; 256];
        let mut sum = 0;
        for (slot, &c) in next.iter_mut().zip(count) {
            *slot = sum;
            sum += c;
        }
        for (&key, &index) in keys.iter().zip(&indices) {
            let bucket = &mut next[byte(key, digit)];
            let at = *bucket as usize;
            *bucket += 1;
            spare_keys[at] = key;
            spare_indices[at] = index;
        }
        std::mem::swap(&mut keys, &mut spare_keys);
        std::mem::swap(&mut indices, &mut spare_indices);
    }
    indices.into_iter().map(|i| i as usize).collect()
}

/// A key whose unsigned order is the descending order of `value` (not NaN); 0 and -0
/// share a key, as they compare equal.
fn descending_key(value: f64) -> u64 {
    let bits = (value + 0.0).to_bits();
    let ascending = if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    };
    !ascending
}

/// Byte `digit` (0 = least significant) of `key`.
fn byte(key: u64, digit: usize) -> usize {
    usize::from(key.to_le_bytes()[digit])
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}
