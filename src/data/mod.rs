//! Getting matrices in and out: the embedded seed matrices and their JSON format.

pub mod seed;

pub use seed::{seed_matrices, SeedError};
