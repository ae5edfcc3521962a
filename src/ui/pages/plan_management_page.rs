//! Plans and Billing > Plan Management (the new billing portal).

use crate::format;
use crate::i18n::*;
use crate::state::use_signed_in;
use crate::ui::components::billing::{
    place_order, CurrentPlans, Feedback, FeedbackView, OrderDraft, OrderFields, PriceSummary,
};
use crate::ui::pages::help_page::{BestPracticesLink, BillingSettingsLink, RequirementsLink};
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use portal_domain::catalog::large_meetings_monthly;
use portal_domain::Capacity;

#[component]
pub fn PlanManagementPage() -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let feedback = Feedback::new();
    let draft = OrderDraft::new();
    let ordering = RwSignal::new(false);
    // The order form is built when it opens, not again while it is open.
    let order_shown = Memo::new(move |_| ordering.get());
    let form_title = NodeRef::<html::H3>::new();
    // Focus goes to the order form's title when it opens (also when Add
    // Licenses asks for it again while it is open).
    Effect::new(move |_| {
        if ordering.get() {
            if let Some(title) = form_title.get() {
                let _ = title.focus();
            }
        }
    });
    let open_order = move |capacity: Option<Capacity>| {
        draft.start(who, capacity);
        feedback.clear();
        ordering.set(true);
    };
    view! {
        <section class="page page--wide" aria-labelledby="page-title">
            <p class="page__trail">{tr!(i18n, billing.plans_and_billing)}</p>
            <h1 id="page-title">{tr!(i18n, billing.plan_management)}</h1>
            <p class="page__help"><BillingSettingsLink /></p>
            <FeedbackView feedback />
            <h2>{tr!(i18n, billing.your_plans)}</h2>
            <CurrentPlans
                feedback
                on_add_licenses=Callback::new(move |capacity| open_order(Some(capacity)))
            />
            <h2 id="discover-title">{tr!(i18n, billing.discover)}</h2>
            <LargeMeetingsProduct on_add=Callback::new(move |_| open_order(None)) />
            {move || {
                order_shown
                    .get()
                    .then(|| view! { <OrderForm draft feedback ordering title=form_title /> })
            }}
        </section>
    }
}

/// The Large Meetings product: what it is, its lowest price, and Add.
#[component]
fn LargeMeetingsProduct(on_add: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <article class="card product" aria-labelledby="product-large-meetings">
            <h3 id="product-large-meetings">{tr!(i18n, billing.large_meetings)}</h3>
            <p>{tr!(i18n, billing.large_meetings_pitch)}</p>
            <ul class="help-links">
                <li><RequirementsLink /></li>
                <li><BestPracticesLink /></li>
            </ul>
            <p class="product__price">
                {move || {
                    let l = i18n.get_locale();
                    crate::ui::messages::fill(td_string!(l, billing.price_from), &[("price", &format::money_in(l, large_meetings_monthly(Capacity::P500)))])
                }}
            </p>
            <p class="field-help">{tr!(i18n, billing.demo_price_notice)}</p>
            <button type="button" class="button button--primary" on:click=move |_| on_add.run(())>
                {tr!(i18n, billing.add)}
            </button>
        </article>
    }
}

/// Add Large Meetings: the order's fields, its price, Place Order and Cancel.
#[component]
fn OrderForm(
    draft: OrderDraft,
    feedback: Feedback,
    ordering: RwSignal<bool>,
    title: NodeRef<html::H3>,
) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match place_order(who, draft, i18n.get_locale_untracked()) {
            Ok(notice) => {
                ordering.set(false);
                if let Some(notice) = notice {
                    feedback.done(notice);
                }
            }
            Err(refusal) => feedback.failed(refusal),
        }
    };
    view! {
        <form class="card order-form" aria-labelledby="order-title" on:submit=on_submit novalidate>
            <h3 id="order-title" tabindex="-1" node_ref=title>
                {tr!(i18n, billing.add_large_meetings)}
            </h3>
            <OrderFields draft />
            <PriceSummary draft />
            <div class="form-actions">
                <button type="submit" class="button button--primary">
                    {tr!(i18n, billing.place_order)}
                </button>
                <button type="button" class="button" on:click=move |_| ordering.set(false)>
                    {tr!(i18n, common.cancel)}
                </button>
            </div>
        </form>
    }
}
