//! The Large Meetings licensing portal: a Leptos single-page app.
//!
//! - [`portal_domain`] holds the rules (pure Rust, tested natively).
//! - [`storage`] is the only code that touches localStorage.
//! - [`state`] keeps the app state in context and calls the domain.
//! - [`ui`] renders the pages.

// The typed translations generated from src/locales by scripts/build-i18n.rs.
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

/// A text of the locale files that follows the chosen language, for a key
/// without arguments: `{tr!(i18n, users.title)}` in a view (texts with values
/// go through `ui::messages::fill`). leptos_i18n's
/// `t!` gives every use its own closure type, so every text node compiles to
/// its own copy of Leptos's reactive rendering; `tr!` hands a plain function
/// (locale to text) to [`ui::text`], one node type for all of them.
macro_rules! tr {
    ($i18n:expr, $($key:tt)+) => {
        $crate::ui::text($i18n, |locale| $crate::i18n::td_string!(locale, $($key)+))
    };
}

pub mod format;
pub mod state;
pub mod storage;
pub mod ui;
