//! The portal's two languages and the texts of the locale files.
//!
//! `scripts/build-i18n.rs` turns `src/locales/<locale>/*.json` into two
//! tables of texts and a constant per key (its index); `td_string!(locale,
//! users.title)` looks a text up and `tr!` makes it a text node that follows
//! the chosen language. Texts with values have `{name}` places, filled by
//! `ui::messages::fill`. The chosen language lives in one signal
//! ([`I18nContext`]); the `<html>` element's `lang` follows it.
//!
//! This replaced leptos_i18n, whose context, browser-language detection
//! (leptos_use) and ICU locale types cost about 10 KB of the gzip download
//! for what is here a table lookup and a signal.

use leptos::prelude::*;
use std::str::FromStr;

include!(concat!(env!("OUT_DIR"), "/i18n_keys.rs"));

pub use crate::{t_string, td_string};

/// A language of the portal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[allow(non_camel_case_types)]
pub enum Locale {
    #[default]
    en,
    sv,
}

impl Locale {
    /// The language tag: "en" or "sv".
    pub const fn as_str(self) -> &'static str {
        match self {
            Locale::en => "en",
            Locale::sv => "sv",
        }
    }

    /// The text of key `index` (a constant of [`k`]) in this language.
    pub fn text(self, index: usize) -> &'static str {
        match self {
            Locale::en => EN[index],
            Locale::sv => SV[index],
        }
    }

    /// The first of the browser's preferred languages the portal speaks
    /// (any Swedish is Swedish), English otherwise.
    fn of_browser() -> Self {
        let languages = window().navigator().languages();
        languages
            .iter()
            .filter_map(|tag| tag.as_string())
            .find_map(|tag| {
                let tag = tag.to_ascii_lowercase();
                let language = tag.split(['-', '_']).next().unwrap_or_default();
                language.parse().ok()
            })
            .unwrap_or_default()
    }
}

impl FromStr for Locale {
    type Err = ();

    fn from_str(tag: &str) -> Result<Self, ()> {
        match tag {
            "en" => Ok(Locale::en),
            "sv" => Ok(Locale::sv),
            _ => Err(()),
        }
    }
}

/// The chosen language, shared by every view.
#[derive(Clone, Copy)]
pub struct I18nContext(RwSignal<Locale>);

impl I18nContext {
    pub fn get_locale(&self) -> Locale {
        self.0.get()
    }

    pub fn get_locale_untracked(&self) -> Locale {
        self.0.get_untracked()
    }

    pub fn set_locale(&self, locale: Locale) {
        self.0.set(locale);
    }
}

/// The language context; [`I18nContextProvider`] must be an ancestor.
pub fn use_i18n() -> I18nContext {
    expect_context()
}

/// Provides the language context, starting in the browser's language, and
/// keeps the `<html>` element's `lang` in step with it.
#[component]
pub fn I18nContextProvider(children: Children) -> impl IntoView {
    let locale = RwSignal::new(Locale::of_browser());
    provide_context(I18nContext(locale));
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", locale.get().as_str());
            let _ = html.set_attribute("dir", "ltr");
        }
    });
    children()
}
