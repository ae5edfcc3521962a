//! Below the table: Previous, "Page 2 of 7", Next.

use super::listing::Listing;
use crate::format;
use crate::i18n::*;
use leptos::prelude::*;

pub fn pager(list: Listing) -> impl IntoView {
    let i18n = use_i18n();
    let page = list.page;
    let on_last = move || page.get() + 1 >= list.pages();
    let page_of = move || {
        let locale = i18n.get_locale();
        crate::ui::messages::fill(
            td_string!(locale, users.page_of),
            &[
                ("page", &format::count_in(locale, (list.page() + 1) as u32)),
                ("pages", &format::count_in(locale, list.pages() as u32)),
            ],
        )
    };
    view! {
        <nav class="pager" aria-label=move || t_string!(i18n, users.pages_label)>
            <button
                type="button"
                class="button"
                disabled=move || page.get() == 0
                on:click=move |_| page.update(|p| *p = p.saturating_sub(1))
            >
                {tr!(i18n, users.previous_page)}
            </button>
            <span>{page_of}</span>
            <button
                type="button"
                class="button"
                disabled=on_last
                on:click=move |_| page.update(|p| *p += 1)
            >
                {tr!(i18n, users.next_page)}
            </button>
        </nav>
    }
}

/// "Showing 1–50 of 212 users", or that nobody matches.
pub fn showing(list: Listing) -> impl IntoView {
    let i18n = use_i18n();
    let showing = move || {
        let locale = i18n.get_locale();
        let total = list.total();
        if total == 0 {
            return td_string!(locale, users.no_match).to_string();
        }
        let start = list.first_shown();
        crate::ui::messages::fill(
            td_string!(locale, users.showing),
            &[
                ("start", &format::count_in(locale, start as u32 + 1)),
                (
                    "end",
                    &format::count_in(
                        locale,
                        (start + super::listing::PAGE_SIZE).min(total) as u32,
                    ),
                ),
                ("total", &format::count_in(locale, total as u32)),
            ],
        )
    };
    view! { <p class="page__lead" aria-live="polite">{showing}</p> }
}
