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

/// The highest and the lowest of `micros`, when every one is below `limit` in size (and
/// none is NaN).
pub(super) fn bounds_within(micros: &[f64], limit: f64) -> Option<(f64, f64)> {
    let &first = micros.first()?;
    let (highest, lowest, within) =
        micros
            .iter()
            .fold((first, first, true), |(high, low, within), &m| {
                (
                    if m > high { m } else { high },
                    if m < low { m } else { low },
                    within & (m.abs() < limit),
                )
            });
    within.then_some((highest, lowest))
}

/// `rank` of totals snapped from the whole numbers of millionths `micros` (as `f64`, each
/// below 2^49 in size, from `highest` down to `lowest`), each tie being equal millionths:
/// gives each total's rank to `set` (with its index) and returns the indices in ranked
/// order. Linear: totals that take few steps from the highest to the lowest (whole points,
/// halves, a weight's multiples) are counted, in index order; others are sorted by a radix
/// sort.
pub(super) fn rank_whole(
    micros: &[f64],
    (highest, lowest): (f64, f64),
    mut set: impl FnMut(usize, Rank),
) -> Vec<usize> {
    // The step of the first few totals is usually that of all of them.
    let guess = Step::of(micros.get(..SAMPLE).unwrap_or(micros), highest);
    if let Some(order) = counted(micros, (highest, lowest), guess, &mut set) {
        return order;
    }
    let step = Step::of(micros, highest);
    if let Some(order) = counted(micros, (highest, lowest), step, &mut set) {
        return order;
    }
    let keys = micros
        .iter()
        .map(|&m| step.steps(highest - m).unwrap_or(u64::MAX))
        .collect();
    let order = radix_order(keys);
    let mut start = 0;
    while let Some(&first) = order.get(start) {
        let total = micros.get(first);
        let size = order
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&i| micros.get(i) == total)
            .count();
        let rank = Rank {
            position: start + 1,
            tied: size > 1,
        };
        for &index in order.get(start..start + size).unwrap_or(&[]) {
            set(index, rank);
        }
        start += size;
    }
    order
}

/// How many totals `rank_whole` takes the step of before looking at all of them.
const SAMPLE: usize = 64;

/// Below this many steps between the highest and the lowest total, totals are counted
/// rather than sorted, however few they are.
const COUNTED_STEPS: usize = 1024;

/// `rank_whole` by counting the totals at each step below the highest; `None` (and
/// nothing given to `set`) when they span too many steps or one is not a whole number of
/// steps below the highest.
fn counted(
    micros: &[f64],
    (highest, lowest): (f64, f64),
    step: Step,
    set: &mut impl FnMut(usize, Rank),
) -> Option<Vec<usize>> {
    let span = usize::try_from(step.steps(highest - lowest)?).ok()?;
    if span >= micros.len().max(COUNTED_STEPS) * 2 {
        return None;
    }
    // For each step below the highest: how many totals are there, how many are above it,
    // and where in the order the next of them goes.
    let mut steps = vec![[0u32; 3]; span + 1];
    let mut keys = vec![0u32; micros.len()];
    for (key, &m) in keys.iter_mut().zip(micros) {
        let below = step.steps(highest - m)?;
        steps.get_mut(usize::try_from(below).ok()?)?[0] += 1;
        #[allow(clippy::cast_possible_truncation)] // at most `span`, below 2^32
        let below = below as u32;
        *key = below;
    }
    let mut sum = 0u32;
    for [size, above, next] in &mut steps {
        (*above, *next) = (sum, sum);
        sum += *size;
    }
    let mut order = vec![0; micros.len()];
    for (index, &key) in keys.iter().enumerate() {
        if let Some([size, above, next]) = steps.get_mut(key as usize) {
            set(
                index,
                Rank {
                    position: *above as usize + 1,
                    tied: *size > 1,
                },
            );
            if let Some(slot) = order.get_mut(*next as usize) {
                *slot = index;
            }
            *next += 1;
        }
    }
    Some(order)
}

/// A whole number of millionths (as `f64`) and its reciprocal, to divide by it with a
/// multiplication.
#[derive(Clone, Copy)]
struct Step {
    size: f64,
    reciprocal: f64,
}

impl Step {
    /// The largest step that every distance of `micros` below `highest` (whole numbers
    /// below 2^50) is a multiple of. Linear: a distance is checked with `steps`, and the
    /// step shrinks to a divisor of itself, with a division, at most 50 times.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // whole, below 2^50
    #[allow(clippy::float_cmp)] // whole numbers, compared exactly
    fn of(micros: &[f64], highest: f64) -> Self {
        let mut step = Self::new(0);
        for &m in micros {
            let distance = highest - m;
            if step.size == 0.0 {
                step = Self::new(distance as u64);
            } else if step.size != 1.0 && step.steps(distance).is_none() {
                step = Self::new(gcd(step.size as u64, distance as u64));
            }
        }
        if step.size == 0.0 {
            Self::new(1)
        } else {
            step
        }
    }

    fn new(size: u64) -> Self {
        let size = size as f64;
        Self {
            size,
            reciprocal: 1.0 / size,
        }
    }

    /// `distance / size` when `distance` (a whole number from 0 to 2^50) is a multiple of
    /// `size`: exact, as the product is within a quarter of the whole quotient, which
    /// adding 1.5 x 2^52 rounds it to, leaving the quotient in the low bits (no cast, which
    /// checks for overflow and NaN, and takes as long as the rest).
    #[allow(clippy::inline_always)] // runs for every item
    #[inline(always)]
    #[allow(clippy::float_cmp)] // whole numbers, compared exactly
    fn steps(self, distance: f64) -> Option<u64> {
        const SHIFT: f64 = 6_755_399_441_055_744.0; // 1.5 x 2^52
        let shifted = distance * self.reciprocal + SHIFT;
        let steps = shifted.to_bits().wrapping_sub(SHIFT.to_bits());
        ((shifted - SHIFT) * self.size == distance).then_some(steps)
    }
}

/// The greatest common divisor of `a` and `b` (`gcd(0, b)` is `b`).
fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
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
