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

/// A text node worded by `words` in the language chosen now, re-worded on
/// a switch. Every use shares one node type (the function is boxed), where
/// a closure of its own type in a view would compile its own copy of
/// Leptos's reactive rendering (about 1 KB of the download each).
pub fn worded(words: impl Fn(Locale) -> String + Send + Sync + 'static) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let words: Box<dyn Fn(Locale) -> String + Send + Sync> = Box::new(words);
    move || words(i18n.get_locale())
}

/// The message of `said` in a paragraph of `class` that assistive
/// technology announces (`role="alert"`), empty while there is none.
pub fn alert(
    id: Option<&'static str>,
    class: &'static str,
    said: RwSignal<Option<pages::Said>>,
) -> impl IntoView {
    use crate::ui::messages::Wording;
    view! {
        <p id=id class=class role="alert">
            {worded(move |locale| said.with(|s| s.as_ref().map(|s| s.words(locale)).unwrap_or_default()))}
        </p>
    }
}
