//! The language switch (English / Svenska) and the remembered choice.

use crate::i18n::*;
use leptos::prelude::*;

/// A labelled drop-down that switches the whole portal's language and
/// remembers the choice in this browser.
#[component]
pub fn LanguageSwitch(
    /// The select's id (the switch appears in more than one place).
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="language-switch">
            <label for=id>{tr!(i18n, common.language)}</label>
            <select
                id=id
                prop:value=move || i18n.get_locale().as_str()
                on:change=move |ev| {
                    if let Ok(locale) = event_target_value(&ev).parse::<Locale>() {
                        i18n.switch(locale);
                    }
                }
            >
                <option value="en" lang="en">"English"</option>
                <option value="sv" lang="sv">"Svenska"</option>
            </select>
        </div>
    }
}
