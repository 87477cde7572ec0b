//! Getting matrices in and out: the embedded seed matrices, CSV import (decoding, positioned
//! problems, in one call or in steps) and CSV export (matrix, results, template) safe to open
//! in Excel.

pub mod seed;

pub use seed::{seed_matrices, SeedError};

mod csv;
pub mod link;
pub mod stored;
pub mod synthetic;
pub mod workspace;

pub use csv::{
    column_letters, decode, escape_cell, export_matrix, export_results, import_bytes, import_text,
    template, unescape_cell, DecodeError, Decoded, ImportJob, Imported, Problem, Progress,
    TextEncoding, DEFAULT_TITLE, MAX_CRITERIA, MAX_IMPORT_BYTES, MAX_PROBLEMS,
};
pub use link::{decode_link, encode_link, LinkError, MAX_LINK_CHARS};
pub use synthetic::synthetic_matrix;
pub use workspace::{
    decode_workspace, encode_workspace, Loaded, WorkspaceError, APP_ID, SCHEMA_VERSION,
};
