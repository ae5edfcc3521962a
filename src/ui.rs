//! The user interface: the app, its shell and its pages.

pub mod app;
pub mod areas;
pub mod base;
pub mod components;
pub mod labels;
pub mod layout;
pub mod messages;
pub mod pages;
pub mod router;

pub use app::App;

use crate::i18n::{I18nContext, Locale};
use leptos::prelude::*;

/// A text node that re-words itself when the language changes: `words`
/// gives the text of a locale (made by `tr!`).
pub fn text(i18n: I18nContext, words: fn(Locale) -> &'static str) -> impl IntoView {
    move || words(i18n.get_locale())
}
