//! Any address the portal does not know.

use crate::i18n::*;
use crate::ui::base::href;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page page--notice" aria-labelledby="page-title">
            <h1 id="page-title">{tr!(i18n, common.not_found.title)}</h1>
            <p>{tr!(i18n, common.not_found.text)}</p>
            <p>
                <a href=href("/")>{tr!(i18n, common.not_found.start)}</a>
            </p>
        </section>
    }
}
