//! The Large Meetings licensing portal: a Leptos single-page app.
//!
//! - [`portal_domain`] holds the rules (pure Rust, tested natively).
//! - [`storage`] is the only code that touches localStorage.
//! - [`state`] keeps the app state in context and calls the domain.
//! - [`ui`] renders the pages.

/// The text of a key of the locale files in `locale`:
/// `td_string!(locale, users.add.title)`. A key that does not exist does not
/// compile (the keys are constants made by scripts/build-i18n.rs).
#[macro_export]
macro_rules! td_string {
    ($locale:expr, $($segment:ident).+) => {
        $crate::i18n::Locale::text($locale, $crate::i18n::k$(::$segment)+)
    };
}

/// [`td_string!`] in the language chosen now (tracked in reactive code).
#[macro_export]
macro_rules! t_string {
    ($i18n:expr, $($segment:ident).+) => {
        $crate::td_string!($i18n.get_locale(), $($segment).+)
    };
}

/// A text of the locale files that follows the chosen language, for a key
/// without arguments: `{tr!(i18n, users.title)}` in a view (texts with values
/// go through `ui::messages::fill`). A closure per use would give every text
/// node its own copy of Leptos's reactive rendering; `tr!` hands a plain
/// function (locale to text) to [`ui::text`], one node type for all of them.
macro_rules! tr {
    ($i18n:expr, $($key:tt)+) => {
        $crate::ui::text($i18n, |locale| $crate::td_string!(locale, $($key)+))
    };
}

pub mod format;
pub mod i18n;
pub mod state;
pub mod storage;
pub mod ui;
