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
const SOURCES: [&str; 4] = ["Police", "Council", "Fire", "Police, Council"];

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
    let layout = Layout::new(items, groups, categories_per_group);
    let mut random = Lcg::new(seed);
    let matrix_items: Vec<Item> = (0..items)
        .map(|index| {
            let leaf = layout.leaf_of(index);
            let (scores, published_total) = scores(&mut random);
            let source = SOURCES[random.below(4) as usize];
            Item {
                name: format!("Item {}", index + 1),
                group: leaf.and_then(|l| layout.group_of_leaf(l)).map(group_name),
                category: leaf
                    .and_then(|l| layout.category_of_leaf(l))
                    .map(category_name),
                scores,
                data_source: source.to_owned(),
                published_total: Some(published_total),
            }
        })
        .collect();
    let (groups, categories) = groups_and_categories(&layout, &matrix_items);
    Matrix {
        title: format!(
            "Synthetic matrix: {items} items, {} groups, {} categories",
            groups.len(),
            categories.len()
        ),
        short_name: "Synthetic".to_owned(),
        source: format!("Generated from seed {seed}"),
        criteria: criteria(),
        priorities: priorities(&matrix_items),
        items: matrix_items,
        groups,
        categories,
        thresholds: Thresholds::PUBLISHED,
        decisions: Vec::new(),
    }
}

/// Where items go: "leaves" (categories, or groups when there are no categories) in blocks.
struct Layout {
    items: usize,
    groups: usize,
    per_group: usize,
    leaves: usize,
}

impl Layout {
    fn new(items: usize, groups: usize, per_group: usize) -> Self {
        let wanted = match (groups, per_group) {
            (0, 0) => 0,
            (g, 0) => g,
            (0, c) => c,
            (g, c) => g.saturating_mul(c),
        };
        Self {
            items,
            groups,
            per_group,
            leaves: wanted.min(items),
        }
    }

    /// Leaf `l` holds items `l * items / leaves .. (l + 1) * items / leaves`.
    fn leaf_of(&self, item: usize) -> Option<usize> {
        let wide = |n: usize| u128::try_from(n).unwrap_or(u128::MAX);
        (self.leaves > 0).then(|| {
            usize::try_from(wide(item) * wide(self.leaves) / wide(self.items)).unwrap_or(0)
        })
    }

    fn group_of_leaf(&self, leaf: usize) -> Option<usize> {
        match (self.groups, self.per_group) {
            (0, _) => None,
            (_, 0) => Some(leaf),
            (_, c) => Some(leaf / c),
        }
    }

    fn category_of_leaf(&self, leaf: usize) -> Option<usize> {
        (self.per_group > 0).then(|| leaf % self.per_group)
    }
}

fn group_name(g: usize) -> String {
    format!("Ward {}", g + 1)
}

fn category_name(c: usize) -> String {
    format!("Category {}", c + 1)
}

/// One item's scores (six scored criteria, then the unattributed column) and its published
/// total: the printed scores plus the unattributed points.
fn scores(random: &mut Lcg) -> (Vec<Score>, u32) {
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
    (scores, printed + u32::from(unattributed))
}

/// The groups and categories the items use, in order, with their published subtotals.
fn groups_and_categories(layout: &Layout, items: &[Item]) -> (Vec<GroupInfo>, Vec<CategoryInfo>) {
    let mut groups: Vec<GroupInfo> = Vec::new();
    let mut categories: Vec<CategoryInfo> = Vec::new();
    let mut previous_leaf = None;
    for (index, item) in items.iter().enumerate() {
        let total = item.published_total.unwrap_or(0);
        let leaf = layout.leaf_of(index);
        if leaf != previous_leaf {
            previous_leaf = leaf;
            let leaf = leaf.unwrap_or(0);
            let group = layout.group_of_leaf(leaf);
            if let Some(g) = group {
                if groups.len() <= g {
                    groups.push(GroupInfo {
                        name: group_name(g),
                        published_subtotal: Some(0),
                    });
                }
            }
            if let Some(c) = layout.category_of_leaf(leaf) {
                categories.push(CategoryInfo {
                    group: group.map(group_name),
                    name: category_name(c),
                    published_subtotal: Some(0),
                });
            }
        }
        if let (Some(_), Some(info)) = (item.group.as_ref(), groups.last_mut()) {
            info.published_subtotal = info.published_subtotal.map(|s| s + total);
        }
        if let (Some(_), Some(info)) = (item.category.as_ref(), categories.last_mut()) {
            info.published_subtotal = info.published_subtotal.map(|s| s + total);
        }
    }
    for (g, info) in groups.iter_mut().enumerate() {
        if g % 5 == 4 {
            info.published_subtotal = None;
        }
    }
    for (c, info) in categories.iter_mut().enumerate() {
        if c % 7 == 6 {
            info.published_subtotal = None;
        }
    }
    (groups, categories)
}

/// A published priority list of items spread through the matrix.
fn priorities(items: &[Item]) -> Vec<PublishedPriority> {
    let step = (items.len() / PRIORITIES).max(1);
    (0..items.len().min(PRIORITIES))
        .map(|p| {
            let item = &items[p * step];
            PublishedPriority {
                listed_as: format!("Priority {}", p + 1),
                item: item.name.clone(),
                position: u32::try_from(p + 1).ok(),
                points: item.published_total,
                board_decision: false,
            }
        })
        .collect()
}

/// The six scored criteria and the unattributed column.
fn criteria() -> Vec<Criterion> {
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
    criteria
}
