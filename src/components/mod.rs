//! The Yew views. Each renders data it is given and emits events; none computes a total or band.

mod app;
mod audit_view;
mod download;
mod import_panel;
mod import_runner;
mod matrix_table;
mod methodology;
mod priority_list;
mod published_priorities;
mod shared;
mod switcher;
mod weights_panel;

pub use app::App;

/// The most rows a list or side table draws; the matrix table pages through all items.
pub const LIST_LIMIT: usize = 100;
