//! indicator-chart: interactive charts of the indicators stated in a Chinese annual
//! work report. The core (`model`, `format`, `layout`, `render`, `svg`, `extract`) is plain
//! Rust, tested natively; only `web` touches the DOM, and only on wasm32.

#![warn(missing_docs)]

pub mod dirty;
pub mod export;
pub mod extract;
pub mod format;
pub mod keys;
pub mod layout;
pub mod model;
pub mod num;
pub mod render;
pub mod sort;
pub mod svg;
pub mod touch;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod web;
