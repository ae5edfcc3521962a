//! Any address the portal does not know.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="page page--notice" aria-labelledby="page-title">
            <h1 id="page-title">"Page not found"</h1>
            <p>"There is no page at this address. Check the address, or use the navigation."</p>
            <p>
                <A href="/">"Go to the start page"</A>
            </p>
        </section>
    }
}
