//! The Yew views. Each renders data it is given and emits events; none computes a total or band.

mod after_paint;
mod app;
mod audit_view;
mod changes_panel;
mod charts;
mod clipboard;
mod comparison;
mod decisions_panel;
mod download;
mod explanation;
mod fatal;
mod import_panel;
mod import_runner;
mod matrix_table;
mod methodology;
mod presentation;
mod print_pack;
mod priority_list;
mod published_priorities;
mod saved_panel;
mod scenario_bar;
mod session;
mod shared;
mod switcher;
mod table_controls;
mod table_row;
mod weights_panel;
mod workspace_view;

pub use app::App;
pub use fatal::{install_panic_hook, show_fault, FATAL_ID};

/// The most rows a list or side table draws; the matrix table pages through all items.
pub const LIST_LIMIT: usize = 100;
