//! The groups and categories of an imported matrix, in order: the declared ones (`# group`,
//! `# category`), then those the items use, in order of first use. Noted item by item as
//! rows are read, so that no single step goes through every item of a large file.

use super::meta::Meta;
use crate::model::{CategoryInfo, GroupInfo, Item};
use std::collections::{HashMap, HashSet};

/// The groups and categories known so far.
#[derive(Debug)]
pub(crate) struct GroupsInUse {
    groups: Vec<GroupInfo>,
    categories: Vec<CategoryInfo>,
    known_groups: HashSet<String>,
    /// The category names known in each group (`None`: categories without a group).
    known_categories: HashMap<Option<String>, HashSet<String>>,
}

impl GroupsInUse {
    /// The groups and categories the metadata rows declare.
    pub fn declared(meta: &Meta) -> Self {
        let mut known_categories: HashMap<Option<String>, HashSet<String>> = HashMap::new();
        for category in &meta.categories {
            known_categories
                .entry(category.group.clone())
                .or_default()
                .insert(category.name.clone());
        }
        Self {
            groups: meta.groups.clone(),
            categories: meta.categories.clone(),
            known_groups: meta.groups.iter().map(|g| g.name.clone()).collect(),
            known_categories,
        }
    }

    /// Adds the item's group and category if they are new.
    pub fn note(&mut self, item: &Item) {
        if let Some(group) = &item.group {
            self.note_group(group);
        }
        let Some(name) = &item.category else { return };
        // Looked up before inserting, so a known name costs no copy.
        let known = self
            .known_categories
            .get(&item.group)
            .is_some_and(|names| names.contains(name));
        if known {
            return;
        }
        self.known_categories
            .entry(item.group.clone())
            .or_default()
            .insert(name.clone());
        self.categories.push(CategoryInfo {
            group: item.group.clone(),
            name: name.clone(),
            published_subtotal: None,
        });
    }

    fn note_group(&mut self, group: &str) {
        if !self.known_groups.contains(group) {
            self.known_groups.insert(group.to_owned());
            self.groups.push(GroupInfo {
                name: group.to_owned(),
                published_subtotal: None,
            });
        }
    }

    /// Every group and category, once every item has been noted: the groups of declared
    /// categories that neither a `# group` row nor an item names come last.
    pub fn all(mut self, meta: &Meta) -> (Vec<GroupInfo>, Vec<CategoryInfo>) {
        for group in meta.categories.iter().filter_map(|c| c.group.as_deref()) {
            self.note_group(group);
        }
        (self.groups, self.categories)
    }
}
