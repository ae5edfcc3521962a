//! The portal's two languages and the texts of the locale files.
//!
//! `scripts/build-i18n.rs` turns `src/locales/<locale>/*.json` into a
//! constant per key (its index) and each language's texts into one JSON
//! array, which the release build ships as `texts-<locale>-<hash>.json`
//! beside the wasm rather than in it: a person downloads the texts of their
//! language only. The loader (src/loader.js) fetches the chosen language's
//! file while the wasm downloads and hands it over ([`install_from_loader`]);
//! switching to the other language fetches it then ([`I18nContext::switch`]).
//!
//! `td_string!(locale, users.title)` looks a text up and `tr!` makes it a
//! text node that follows the chosen language. Texts with values have
//! `{name}` places, filled by `ui::messages::fill`. The chosen language lives
//! in one signal ([`I18nContext`]); the `<html>` element's `lang` follows it.
//!
//! This replaced leptos_i18n, whose context, browser-language detection
//! (leptos_use) and ICU locale types cost about 10 KB of the gzip download
//! for what is here a table lookup and a signal.

use leptos::prelude::*;
use std::str::FromStr;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;
use wasm_bindgen::{JsCast, JsValue};

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

    /// The text of key `index` (a constant of [`k`]) in this language; the
    /// other language's while this one's texts are not installed.
    pub fn text(self, index: usize) -> &'static str {
        let other = match self {
            Locale::en => Locale::sv,
            Locale::sv => Locale::en,
        };
        [self, other]
            .into_iter()
            .find_map(|l| TABLES[l as usize].get())
            .and_then(|table| table.get(index).copied())
            .unwrap_or_default()
    }

    /// Whether this language's texts are here.
    pub fn installed(self) -> bool {
        TABLES[self as usize].get().is_some()
    }
}

/// The language last asked for (a `Locale` as a number).
static WANTED: AtomicU8 = AtomicU8::new(0);

/// Each language's texts in key order, once installed (kept for the life
/// of the page).
static TABLES: [OnceLock<Box<[&'static str]>>; 2] = [OnceLock::new(), OnceLock::new()];

/// Installs `locale`'s texts, in the order of the keys; `false` (and
/// nothing installed) when there is not one text per key.
pub fn install(locale: Locale, texts: Vec<String>) -> bool {
    if texts.len() != TEXTS {
        return false;
    }
    let table = texts.into_iter().map(|t| &*t.leak()).collect();
    let _ = TABLES[locale as usize].set(table);
    true
}

/// The texts the loader fetched (`{ lang, texts }` in `window.lmpTexts`):
/// installs them and gives their language; English when there are none.
pub fn install_from_loader() -> Locale {
    let given = js_sys::Reflect::get(&window(), &"lmpTexts".into()).unwrap_or_default();
    let field = |name: &str| js_sys::Reflect::get(&given, &name.into()).unwrap_or_default();
    let locale = (field("lang").as_string())
        .and_then(|l| l.parse().ok())
        .unwrap_or_default();
    install(locale, strings(field("texts")));
    locale
}

/// A JS array of strings as strings (empty if it is not one).
fn strings(value: JsValue) -> Vec<String> {
    match value.dyn_into::<js_sys::Array>() {
        Ok(array) => array.iter().filter_map(|t| t.as_string()).collect(),
        Err(_) => Vec::new(),
    }
}

/// Fetches and installs `locale`'s texts through the loader's
/// `lmpFetchTexts(lang)`; whether they are here now.
async fn fetch_texts(locale: Locale) -> bool {
    let fetch = js_sys::Reflect::get(&window(), &"lmpFetchTexts".into()).unwrap_or_default();
    let Ok(fetch) = fetch.dyn_into::<js_sys::Function>() else {
        return false;
    };
    let Ok(promise) = fetch.call1(&JsValue::NULL, &locale.as_str().into()) else {
        return false;
    };
    match wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await {
        Ok(texts) => install(locale, strings(texts)) || locale.installed(),
        Err(_) => false,
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

    /// Speaks `locale` from now on, once its texts are here (fetched first
    /// when needed), and remembers the choice in this browser. The latest
    /// choice wins over a fetch still under way; a failed fetch leaves the
    /// language as it was (and the switch shows it again).
    pub fn switch(self, locale: Locale) {
        WANTED.store(locale as u8, Ordering::Relaxed);
        let apply = move || {
            crate::storage::save_locale(locale.as_str());
            self.0.set(locale);
        };
        if locale.installed() {
            apply();
        } else {
            leptos::task::spawn_local(async move {
                let fetched = fetch_texts(locale).await;
                if WANTED.load(Ordering::Relaxed) != locale as u8 {
                    return;
                }
                if fetched {
                    apply();
                } else {
                    WANTED.store(self.0.get_untracked() as u8, Ordering::Relaxed);
                    self.0.notify();
                }
            });
        }
    }
}

/// The language context; [`I18nContextProvider`] must be an ancestor.
pub fn use_i18n() -> I18nContext {
    expect_context()
}

/// Provides the language context, starting in the language whose texts
/// are installed (the loader's choice: the one chosen on an earlier visit,
/// else the browser's), and keeps the `<html>` element's `lang` in step.
#[component]
pub fn I18nContextProvider(children: Children) -> impl IntoView {
    let first = [Locale::en, Locale::sv].into_iter().find(|l| l.installed());
    let locale = RwSignal::new(first.unwrap_or_default());
    provide_context(I18nContext(locale));
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", locale.get().as_str());
            let _ = html.set_attribute("dir", "ltr");
        }
    });
    children()
}
