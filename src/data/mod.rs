//! Getting matrices in and out: the embedded seed matrices, CSV import (decoding, positioned
//! problems, in one call or in steps) and CSV export (matrix, results, template) safe to open
//! in Excel.

pub mod seed;

pub use seed::{seed_matrices, SeedError};

mod cells;
mod csv_assemble;
pub mod csv_export;
mod csv_groups;
mod csv_header;
pub mod csv_import;
mod csv_items;
mod csv_meta;
mod csv_names;
mod csv_read;
mod csv_rows;
mod csv_start;
mod csv_write;
pub mod decode;
pub mod import_job;
pub mod problem;
pub mod results_export;
pub mod link;
pub mod synthetic;
pub mod workspace;

pub use cells::{escape_cell, unescape_cell};
pub use csv_export::{export_matrix, template};
pub use csv_header::MAX_CRITERIA;
pub use csv_import::{import_bytes, import_text, Imported, DEFAULT_TITLE, MAX_PROBLEMS};
pub use decode::{decode, DecodeError, Decoded, TextEncoding, MAX_IMPORT_BYTES};
pub use import_job::{ImportJob, Progress};
pub use problem::{column_letters, Problem};
pub use results_export::export_results;
pub use synthetic::synthetic_matrix;
pub use link::{decode_link, encode_link, LinkError, MAX_LINK_CHARS};
pub use workspace::{decode_workspace, encode_workspace, Loaded, WorkspaceError, APP_ID, SCHEMA_VERSION};
