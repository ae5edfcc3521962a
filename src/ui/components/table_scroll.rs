//! A table that scrolls sideways on narrow screens instead of widening the
//! page; focusable, so the keyboard can scroll it too.

use leptos::prelude::*;

#[component]
pub fn TableScroll(
    /// What the table holds, for the scrollable region's name.
    label: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-scroll" role="region" aria-label=label tabindex="0">
            {children()}
        </div>
    }
}
