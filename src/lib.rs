//! The Large Meetings licensing portal: a Leptos single-page app.
//!
//! - [`portal_domain`] holds the rules (pure Rust, tested natively).
//! - [`storage`] is the only code that touches localStorage.
//! - [`state`] keeps the app state in context and calls the domain.
//! - [`ui`] renders the pages.

// The typed translations generated from src/locales by scripts/build-i18n.rs.
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod format;
pub mod state;
pub mod storage;
pub mod ui;
