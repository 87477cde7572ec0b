//! The item names met so far in an import, to find a repeated name (capitals and spaces
//! around it ignored). A file at the size limit has about 100,000 items, so the names are
//! kept in one buffer: a string each would cost as many allocations to make and to free.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

/// Item names with the row each was first met in.
#[derive(Debug, Default)]
pub(crate) struct SeenNames<S = RandomState> {
    /// Every distinct name, trimmed and lowercase, one after another.
    text: String,
    /// The distinct names in the order they were met.
    names: Vec<Name>,
    /// The name met last among those with each hash.
    last_with_hash: HashMap<u64, usize>,
    hasher: S,
}

#[derive(Debug)]
struct Name {
    /// Where the name ends in `text`; it starts where the one before it ends.
    end: usize,
    /// The row it was first met in.
    row: usize,
    /// The name met before it with the same hash, if any.
    same_hash: Option<usize>,
}

impl<S: BuildHasher> SeenNames<S> {
    /// The row `name` was first met in, if it was met before; otherwise notes that it is
    /// met in `row` and returns `None`.
    pub fn first_row(&mut self, name: &str, row: usize) -> Option<usize> {
        // `str::to_lowercase`, not a character at a time: it lowercases a final Σ as ς.
        let key = name.trim().to_lowercase();
        let hash = self.hasher.hash_one(&key);
        let mut next = self.last_with_hash.get(&hash).copied();
        while let Some(index) = next {
            let seen = self.names.get(index)?;
            if self.text_of(index) == key {
                return Some(seen.row);
            }
            next = seen.same_hash;
        }
        let index = self.names.len();
        self.text.push_str(&key);
        self.names.push(Name {
            end: self.text.len(),
            row,
            same_hash: self.last_with_hash.insert(hash, index),
        });
        None
    }

    fn text_of(&self, index: usize) -> &str {
        let start = index
            .checked_sub(1)
            .and_then(|before| self.names.get(before))
            .map_or(0, |name| name.end);
        let end = self.names.get(index).map_or(start, |name| name.end);
        self.text.get(start..end).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::SeenNames;
    use std::hash::{BuildHasherDefault, Hasher};

    /// A hasher under which every name has the same hash.
    #[derive(Default)]
    struct Colliding;

    impl Hasher for Colliding {
        fn finish(&self) -> u64 {
            0
        }
        fn write(&mut self, _: &[u8]) {}
    }

    #[test]
    fn names_are_told_apart_by_text_not_only_by_hash() {
        let mut seen = SeenNames::<BuildHasherDefault<Colliding>>::default();
        let rows = [
            seen.first_row("Arson", 2),
            seen.first_row("Burglary", 3),
            seen.first_row(" ARSON ", 4),
            seen.first_row("Theft", 5),
            seen.first_row("burglary", 6),
            // Lowercased as a word, ΟΔΟΣ ends in a final sigma (ς), not σ.
            seen.first_row("ΟΔΟΣ", 7),
            seen.first_row("οδο\u{3C3}", 8),
            seen.first_row("οδο\u{3C2}", 9),
        ];
        let expected = [None, None, Some(2), None, Some(3), None, None, Some(7)];
        assert_eq!(rows, expected);
    }
}
