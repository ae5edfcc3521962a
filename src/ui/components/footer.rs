//! The footer: which version of the portal this is and when it was built.

use crate::format;
use crate::i18n::*;
use leptos::prelude::*;
use portal_domain::Day;

/// The version of this build (Cargo.toml).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The day the wasm was built, `YYYY-MM-DD`, as the Makefile passes it in
/// `PORTAL_BUILD_DATE` (cargo rebuilds when it changes). A plain `cargo
/// build` has none, and the footer says "development build".
pub fn build_day() -> Option<Day> {
    Day::parse_iso(option_env!("PORTAL_BUILD_DATE")?)
}

/// "Large Meetings portal 0.2.0 · built Nov 27, 2026".
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        let locale = i18n.get_locale();
        let version = crate::ui::messages::fill(
            td_string!(locale, common.footer.version),
            &[("version", &VERSION)],
        );
        let built = match build_day() {
            Some(day) => crate::ui::messages::fill(
                td_string!(locale, common.footer.built),
                &[("date", &format::day_in(locale, day))],
            )
            .to_string(),
            None => td_string!(locale, common.footer.dev_build).to_string(),
        };
        format!("{version} · {built}")
    };
    view! {
        <footer class="footer">
            <small>{text}</small>
        </footer>
    }
}
