//! The Large Meetings licensing portal: a Leptos single-page app.
//!
//! - [`portal_domain`] holds the rules (pure Rust, tested natively).
//! - [`storage`] is the only code that touches localStorage.
//! - [`state`] keeps the app state in context and calls the domain.
//! - [`ui`] renders the pages.

pub mod format;
pub mod state;
pub mod storage;
pub mod ui;
