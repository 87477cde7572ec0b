//! `Numbering`: distinct names (or names with their group) numbered in the order they are
//! first seen, the table the engine looks categories, groups and items up in.

/// A name, or a name with its group, borrowed from a matrix, that `Numbering` can number.
pub(super) trait NameKey: Copy + Eq {
    /// A 64-bit hash of the key.
    fn hash_key(self) -> u64;
}

impl NameKey for &str {
    fn hash_key(self) -> u64 {
        finish(hash_text(0, self))
    }
}

impl NameKey for (&str, Option<&str>) {
    fn hash_key(self) -> u64 {
        let hash = hash_text(0, self.0);
        finish(match self.1 {
            Some(group) => hash_text(mix(hash, 1), group),
            None => mix(hash, 0),
        })
    }
}

/// One step of the `FxHash` mix.
fn mix(hash: u64, word: u64) -> u64 {
    (hash.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// `hash` with the bytes of `text` and its length mixed in, eight bytes at a time.
fn hash_text(hash: u64, text: &str) -> u64 {
    let mut chunks = text.as_bytes().chunks_exact(8);
    let mut hash = mix(hash, text.len() as u64);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hash = mix(hash, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        hash = mix(hash, u64::from_le_bytes(word));
    }
    hash
}

/// Spreads every bit of `hash` over the low bits (the first half of the `MurmurHash3` finaliser).
fn finish(hash: u64) -> u64 {
    let hash = (hash ^ (hash >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^ (hash >> 33)
}

/// Distinct keys numbered 0, 1, 2, ... in the order they are first inserted: a hash table
/// of 32-bit numbers (open addressing, linear probing, at most half full), which stays
/// small in memory however many names a matrix has.
pub(super) struct Numbering<K> {
    keys: Vec<K>,
    /// Per slot: the key's number plus 1 (0 for an empty slot) and the high bits of its hash.
    table: Vec<(u32, u32)>,
}

impl<K: NameKey> Numbering<K> {
    /// An empty numbering with room for `capacity` keys.
    pub(super) fn with_capacity(capacity: usize) -> Self {
        Self {
            keys: Vec::with_capacity(capacity),
            table: vec![(0, 0); (capacity.max(4) * 2).next_power_of_two()],
        }
    }

    /// The number of `key`, and true when it is new (then numbered next).
    pub(super) fn insert(&mut self, key: K) -> (usize, bool) {
        if (self.keys.len() + 1) * 2 > self.table.len() {
            self.grow();
        }
        let hash = key.hash_key();
        match self.find(key, hash) {
            Ok(number) => (number, false),
            Err(slot) => {
                let number = self.keys.len();
                self.table[slot] = (slot_number(number), tag(hash));
                self.keys.push(key);
                (number, true)
            }
        }
    }

    /// The keys in number order.
    pub(super) fn keys(&self) -> &[K] {
        &self.keys
    }

    /// The number of `key`, if it has one.
    pub(super) fn get(&self, key: K) -> Option<usize> {
        self.find(key, key.hash_key()).ok()
    }

    /// `Ok(number)` of `key`, or `Err(slot)`: the empty slot where it would go.
    fn find(&self, key: K, hash: u64) -> Result<usize, usize> {
        let mask = self.table.len() - 1;
        let mut slot = index_bits(hash) & mask;
        loop {
            let (entry, entry_tag) = self.table[slot];
            if entry == 0 {
                return Err(slot);
            }
            let number = entry as usize - 1;
            if entry_tag == tag(hash) && self.keys.get(number) == Some(&key) {
                return Ok(number);
            }
            slot = (slot + 1) & mask;
        }
    }

    fn grow(&mut self) {
        self.table = vec![(0, 0); self.table.len() * 2];
        let mask = self.table.len() - 1;
        for (number, key) in self.keys.iter().enumerate() {
            let hash = key.hash_key();
            let mut slot = index_bits(hash) & mask;
            while self.table[slot].0 != 0 {
                slot = (slot + 1) & mask;
            }
            self.table[slot] = (slot_number(number), tag(hash));
        }
    }
}

/// The table entry for key number `number` (a matrix has far fewer than 2^32 names).
fn slot_number(number: usize) -> u32 {
    u32::try_from(number + 1).unwrap_or(u32::MAX)
}

/// The hash bits that choose a slot.
#[allow(clippy::cast_possible_truncation)] // only the low bits are wanted
fn index_bits(hash: u64) -> usize {
    hash as usize
}

/// The hash bits kept beside a number, so most keys that differ are told apart without
/// comparing names.
fn tag(hash: u64) -> u32 {
    u32::try_from(hash >> 32).unwrap_or(0)
}
