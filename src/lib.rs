//! Matrix Explorer: explore a community safety partnership's strategic assessment matrix.
//!
//! `model`, `engine`, `data` and `state` are pure Rust and tested natively; the Yew
//! components and browser storage are compiled for wasm only.

pub mod chart;
pub mod data;
pub mod engine;
pub mod model;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod storage;
