//! `synthetic_matrix`: a deterministic matrix of any size and grouping, for benchmarks,
//! tests and `examples/generate_matrix.rs`.

use crate::model::{
    CategoryInfo, Criterion, CriterionKind, GroupInfo, Item, Matrix, PublishedPriority, Score,
    Thresholds, MAX_SCORE,
};

/// The scored criteria of a synthetic matrix, with their descriptions.
const SCORED: [(&str, &str); 6] = [
    (
        "Volume",
        "The proportion of total crime/ASB each item accounts for.",
    ),
    ("Short-term trend", "The change over the last year."),
    ("Long-term trend", "The change over the last three years."),
    ("Public concern", "How much residents say it worries them."),
    (
        "Harm to victims",
        "The physical, emotional and financial harm to victims.",
    ),
    ("Vulnerability", "How far it affects vulnerable people."),
];

/// The name of the last column: published total minus printed scores.
const UNATTRIBUTED: &str = "Unattributed";

/// Where item data comes from; one has a comma, so exported cells need quotes.
const SOURCES: [&str; 4] = ["Police", "Council", "Fire service", "Police, Council"];

/// How many items go on the published priority list (fewer when the matrix is smaller).
const PRIORITIES: usize = 5;

/// A 64-bit linear congruential generator (Knuth's MMIX constants): the same numbers for
/// the same seed on every platform.
struct Lcg(u64);

impl Lcg {
    fn new(seed: u64) -> Self {
        let mut lcg = Self(seed ^ 0x9E37_79B9_7F4A_7C15);
        lcg.next();
        lcg
    }

    /// The next 31 random bits.
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        u32::try_from(self.0 >> 33).unwrap_or(0)
    }

    /// A number in `0..n` (`n` at least 1).
    fn below(&mut self, n: u32) -> u32 {
        self.next() % n.max(1)
    }
}

/// A matrix of `items` items with six scored criteria (about one score in twelve '?') and an
/// unattributed column, published totals, and `groups` groups of `categories_per_group`
/// categories each; the same arguments always give the same matrix.
///
/// Items fill the categories in document order, in blocks as even as the numbers allow.
/// Every group has categories of the same names ("Category 1", "Category 2", ...), as a
/// ward-level matrix has, so a category is told apart by its group and its name. With
/// `groups` 0 the categories have no group; with `categories_per_group` 0 items sit directly
/// in their groups; with both 0 the matrix has neither. There is at most one category per
/// item: when `groups` x `categories_per_group` exceeds `items`, only the first `items`
/// categories (and the groups that hold them) are made. Published subtotals are the sums of
/// the published totals beneath them, except that every seventh category and every fifth
/// group has none printed.
pub fn synthetic_matrix(
    items: usize,
    groups: usize,
    categories_per_group: usize,
    seed: u64,
) -> Matrix {
    let mut random = Lcg::new(seed);
    let per_group = categories_per_group;
    let wanted_leaves = match (groups, per_group) {
        (0, 0) => 0,
        (g, 0) => g,
        (0, c) => c,
        (g, c) => g.saturating_mul(c),
    };
    let leaves = wanted_leaves.min(items);
    let leaf_of = |item: usize| -> Option<usize> {
        // Block layout: leaf `l` holds items `l * items / leaves .. (l + 1) * items / leaves`.
        let wide = |n: usize| u128::try_from(n).unwrap_or(u128::MAX);
        (leaves > 0).then(|| usize::try_from(wide(item) * wide(leaves) / wide(items)).unwrap_or(0))
    };
    let group_of_leaf = |leaf: usize| -> Option<usize> {
        match (groups, per_group) {
            (0, _) => None,
            (_, 0) => Some(leaf),
            (_, c) => Some(leaf / c),
        }
    };
    let category_of_leaf =
        |leaf: usize| -> Option<usize> { (per_group > 0).then(|| leaf % per_group) };
    let group_name = |g: usize| format!("Ward {}", g + 1);
    let category_name = |c: usize| format!("Category {}", c + 1);

    let mut matrix_items = Vec::with_capacity(items);
    for index in 0..items {
        let leaf = leaf_of(index);
        let group = leaf.and_then(group_of_leaf);
        let category = leaf.and_then(category_of_leaf);
        let mut scores = Vec::with_capacity(SCORED.len() + 1);
        let mut printed = 0u32;
        for _ in SCORED {
            if random.below(12) == 0 {
                scores.push(Score::Unknown);
            } else {
                let value = u8::try_from(random.below(u32::from(MAX_SCORE) + 1)).unwrap_or(0);
                printed += u32::from(value);
                scores.push(Score::Known(value));
            }
        }
        let unattributed = match random.below(10) {
            0 => 2,
            1 | 2 => 1,
            _ => 0,
        };
        scores.push(Score::Known(unattributed));
        let source = SOURCES[random.below(4) as usize];
        matrix_items.push(Item {
            name: match category {
                Some(c) => format!("{} item {}", category_name(c), index + 1),
                None => format!("Item {}", index + 1),
            },
            group: group.map(group_name),
            category: category.map(category_name),
            scores,
            data_source: source.to_owned(),
            published_total: Some(printed + u32::from(unattributed)),
        });
    }

    let mut group_infos: Vec<GroupInfo> = Vec::new();
    let mut category_infos: Vec<CategoryInfo> = Vec::new();
    let mut previous_leaf = None;
    for (index, item) in matrix_items.iter().enumerate() {
        let total = item.published_total.unwrap_or(0);
        let leaf = leaf_of(index);
        if leaf != previous_leaf {
            previous_leaf = leaf;
            let leaf = leaf.unwrap_or(0);
            let group = group_of_leaf(leaf);
            if let Some(g) = group {
                if group_infos.len() <= g {
                    group_infos.push(GroupInfo {
                        name: group_name(g),
                        published_subtotal: Some(0),
                    });
                }
            }
            if let Some(c) = category_of_leaf(leaf) {
                category_infos.push(CategoryInfo {
                    group: group.map(group_name),
                    name: category_name(c),
                    published_subtotal: Some(0),
                });
            }
        }
        if let (Some(_), Some(info)) = (item.group.as_ref(), group_infos.last_mut()) {
            info.published_subtotal = info.published_subtotal.map(|s| s + total);
        }
        if let (Some(_), Some(info)) = (item.category.as_ref(), category_infos.last_mut()) {
            info.published_subtotal = info.published_subtotal.map(|s| s + total);
        }
    }
    for (g, info) in group_infos.iter_mut().enumerate() {
        if g % 5 == 4 {
            info.published_subtotal = None;
        }
    }
    for (c, info) in category_infos.iter_mut().enumerate() {
        if c % 7 == 6 {
            info.published_subtotal = None;
        }
    }

    let step = (items / PRIORITIES).max(1);
    let priorities = (0..items.min(PRIORITIES))
        .map(|p| {
            let item = &matrix_items[p * step];
            PublishedPriority {
                listed_as: format!("Priority {}", p + 1),
                item: item.name.clone(),
                position: u32::try_from(p + 1).ok(),
                points: item.published_total,
                board_decision: false,
            }
        })
        .collect();

    let mut criteria: Vec<Criterion> = SCORED
        .iter()
        .map(|(name, description)| Criterion {
            name: (*name).to_owned(),
            description: (*description).to_owned(),
            kind: CriterionKind::Scored,
        })
        .collect();
    criteria.push(Criterion {
        name: UNATTRIBUTED.to_owned(),
        description: "Published total minus printed scores.".to_owned(),
        kind: CriterionKind::Unattributed,
    });

    Matrix {
        title: format!(
            "Synthetic matrix: {items} items, {} groups, {} categories",
            group_infos.len(),
            category_infos.len()
        ),
        short_name: "Synthetic".to_owned(),
        source: format!("Generated from seed {seed}"),
        criteria,
        items: matrix_items,
        groups: group_infos,
        categories: category_infos,
        thresholds: Thresholds::PUBLISHED,
        priorities,
        decisions: Vec::new(),
    }
}
