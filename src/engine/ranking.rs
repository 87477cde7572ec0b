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
    let radix = totals.len() >= RADIX_FROM
        && u32::try_from(totals.len()).is_ok()
        && !totals.iter().any(|t| t.is_nan());
    let order = if radix {
        radix_order(totals.iter().map(|&t| descending_key(t)).collect())
    } else {
        let mut order: Vec<usize> = (0..totals.len()).collect();
        order.sort_by(|&a, &b| totals[b].partial_cmp(&totals[a]).unwrap_or(Ordering::Equal));
        order
    };
    ranks_in_order(totals, order)
}

/// `rank(totals)` for snapped totals, given the whole number of millionths each total was
/// snapped from (`micros`): sorting those whole numbers takes fewer passes.
pub(super) fn rank_snapped(totals: &[f64], micros: &[i64]) -> (Vec<Rank>, Vec<usize>) {
    let usable = totals.len() >= RADIX_FROM
        && micros.len() == totals.len()
        && u32::try_from(totals.len()).is_ok();
    if !usable {
        return rank(totals);
    }
    let highest = micros.iter().copied().max().unwrap_or(0);
    let keys = micros.iter().map(|&m| highest.abs_diff(m)).collect();
    ranks_in_order(totals, radix_order(keys))
}

/// Each total's rank, given the indices in ranked order; returns the ranks and that order.
fn ranks_in_order(totals: &[f64], order: Vec<usize>) -> (Vec<Rank>, Vec<usize>) {
    let sorted: Vec<f64> = order.iter().map(|&i| totals[i]).collect();
    let mut ranks = vec![
        Rank {
            position: 0,
            tied: false
        };
        totals.len()
    ];
    let mut start = 0;
    while start < sorted.len() {
        let first = sorted[start];
        let mut end = start + 1;
        while end < sorted.len() && same(sorted[end], first) {
            end += 1;
        }
        let rank = Rank {
            position: start + 1,
            tied: end - start > 1,
        };
        for &index in &order[start..end] {
            if let Some(slot) = ranks.get_mut(index) {
                *slot = rank;
            }
        }
        start = end;
    }
    (ranks, order)
}

/// Below this many totals a comparison sort is quicker than a radix sort.
const RADIX_FROM: usize = 256;

/// Bits sorted per pass of the radix sort.
const DIGIT_BITS: u32 = 11;

/// The indices of `keys` (fewer than 2^32) in ascending order of key, equal keys in input
/// order: a least-significant-digit radix sort, which skips the digits all keys share.
fn radix_order(mut keys: Vec<u64>) -> Vec<usize> {
    const BUCKETS: usize = 1 << DIGIT_BITS;
    let mut indices: Vec<u32> = (0..=u32::MAX).take(keys.len()).collect();
    let first = keys.first().copied().unwrap_or(0);
    let mut differ = keys.iter().fold(0, |acc, &key| acc | (key ^ first));
    // Low bits that no two keys differ in (whole points are 2^6 x 15625 millionths) are
    // shifted away, and with them, often, a pass.
    let low = differ.trailing_zeros().min(63);
    if low > 0 {
        for key in &mut keys {
            *key >>= low;
        }
        differ >>= low;
    }
    let shifts: Vec<u32> = (0..64)
        .step_by(DIGIT_BITS as usize)
        .filter(|&shift| digit(differ, shift) != 0)
        .collect();
    let mut counts = vec![[0u32; BUCKETS]; shifts.len()];
    for &key in &keys {
        for (&shift, count) in shifts.iter().zip(counts.iter_mut()) {
            count[digit(key, shift)] += 1;
        }
    }
    let mut spare_keys = vec![0u64; keys.len()];
    let mut spare_indices = vec![0u32; keys.len()];
    for (&shift, count) in shifts.iter().zip(&counts) {
        let mut next = [0u32; BUCKETS];
        let mut sum = 0;
        for (slot, &c) in next.iter_mut().zip(count) {
            *slot = sum;
            sum += c;
        }
        for (&key, &index) in keys.iter().zip(&indices) {
            let bucket = &mut next[digit(key, shift)];
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
    if bits >> 63 == 1 {
        bits
    } else {
        !bits & !(1 << 63)
    }
}

/// The `DIGIT_BITS` bits of `key` from bit `shift` up.
#[allow(clippy::cast_possible_truncation)] // masked to a digit
fn digit(key: u64, shift: u32) -> usize {
    ((key >> shift) & ((1 << DIGIT_BITS) - 1)) as usize
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}
