//! okur: a terminal reader for Turkish and Arabic news.
//!
//! The core layers (`corpus`, `text`, `layout`, `kind`, `extract`, `search`, `store`) are plain
//! library code with no terminal dependency; `cli` prints what they compute and `tui` (behind
//! the default `tui` feature) draws it.

pub mod cli;
pub mod config;
pub mod corpus;
pub mod display;
pub mod escape;
pub mod extract;
#[cfg(feature = "fetch")]
pub mod fetch;
pub mod json;
pub mod kind;
pub mod layout;
pub mod memory;
pub mod search;
pub mod store;
#[cfg(feature = "team")]
pub mod team;
pub mod text;
#[cfg(feature = "tui")]
pub mod tui;
