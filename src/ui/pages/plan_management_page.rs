//! Plans and Billing > Plan Management (the new billing portal).

use crate::format;
use crate::state::use_app;
use crate::ui::components::plans::{
    place_order, CurrentPlans, Feedback, FeedbackView, OrderDraft, OrderFields, PriceSummary,
};
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use portal_domain::catalog::{large_meetings_monthly, DEMO_PRICE_NOTICE};
use portal_domain::Capacity;

#[component]
pub fn PlanManagementPage() -> impl IntoView {
    let state = use_app();
    let feedback = Feedback::new();
    let draft = OrderDraft::new();
    let (ordering, set_ordering) = signal(false);
    let form_title = NodeRef::<html::H3>::new();
    let open_order = move |capacity: Option<Capacity>| {
        draft.start(state, capacity);
        feedback.clear();
        set_ordering.set(true);
    };
    // Move focus to the order form when it opens.
    Effect::new(move |_| {
        if ordering.get() {
            if let Some(title) = form_title.get() {
                let _ = title.focus();
            }
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match place_order(state, draft) {
            Ok(message) => {
                set_ordering.set(false);
                feedback.done(message);
            }
            Err(message) => feedback.failed(message),
        }
    };
    view! {
        <section class="page page--wide" aria-labelledby="page-title">
            <p class="page__trail">"Plans and Billing"</p>
            <h1 id="page-title">"Plan Management"</h1>
            <FeedbackView feedback />
            <h2>"Your plans"</h2>
            <CurrentPlans
                feedback
                on_add_licenses=Callback::new(move |capacity| open_order(Some(capacity)))
            />

            <h2 id="discover-title">"Discover our other popular products"</h2>
            <article class="card product" aria-labelledby="product-large-meetings">
                <h3 id="product-large-meetings">"Large Meetings"</h3>
                <p>
                    "Host meetings for up to 500, 1,000, 3,000 or 5,000 participants. Every meeting "
                    "of a licensed user gets the larger capacity at once, including meetings "
                    "already scheduled."
                </p>
                <p class="product__price">
                    {format!(
                        "From {} per license per month",
                        format::money(large_meetings_monthly(Capacity::P500)),
                    )}
                </p>
                <p class="field-help">{DEMO_PRICE_NOTICE}</p>
                <button type="button" class="button button--primary" on:click=move |_| open_order(None)>
                    "Add"
                </button>
            </article>

            <Show when=move || ordering.get()>
                <form class="card order-form" aria-labelledby="order-title" on:submit=on_submit novalidate>
                    <h3 id="order-title" tabindex="-1" node_ref=form_title>
                        "Add Large Meetings"
                    </h3>
                    <OrderFields draft />
                    <PriceSummary draft />
                    <div class="form-actions">
                        <button type="submit" class="button button--primary">"Place Order"</button>
                        <button type="button" class="button" on:click=move |_| set_ordering.set(false)>
                            "Cancel"
                        </button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
