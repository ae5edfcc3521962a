//! Plans and Billing > Plan Management (the new billing portal).

use crate::format;
use crate::i18n::*;
use crate::state::use_app;
use crate::ui::components::plans::{
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
    let state = use_app();
    let i18n = use_i18n();
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
        match place_order(state, draft, i18n.get_locale_untracked()) {
            Ok(message) => {
                set_ordering.set(false);
                feedback.done(message);
            }
            Err(message) => feedback.failed(message),
        }
    };
    view! {
        <section class="page page--wide" aria-labelledby="page-title">
            <p class="page__trail">{t!(i18n, billing.plans_and_billing)}</p>
            <h1 id="page-title">{t!(i18n, billing.plan_management)}</h1>
            <p class="page__help"><BillingSettingsLink /></p>
            <FeedbackView feedback />
            <h2>{t!(i18n, billing.your_plans)}</h2>
            <CurrentPlans
                feedback
                on_add_licenses=Callback::new(move |capacity| open_order(Some(capacity)))
            />

            <h2 id="discover-title">{t!(i18n, billing.discover)}</h2>
            <article class="card product" aria-labelledby="product-large-meetings">
                <h3 id="product-large-meetings">{t!(i18n, billing.large_meetings)}</h3>
                <p>{t!(i18n, billing.large_meetings_pitch)}</p>
                <ul class="help-links">
                    <li><RequirementsLink /></li>
                    <li><BestPracticesLink /></li>
                </ul>
                <p class="product__price">
                    {move || {
                        let l = i18n.get_locale();
                        td_string!(
                            l,
                            billing.price_from,
                            price = format::money_in(l, large_meetings_monthly(Capacity::P500))
                        )
                    }}
                </p>
                <p class="field-help">{t!(i18n, billing.demo_price_notice)}</p>
                <button type="button" class="button button--primary" on:click=move |_| open_order(None)>
                    {t!(i18n, billing.add)}
                </button>
            </article>

            <Show when=move || ordering.get()>
                <form class="card order-form" aria-labelledby="order-title" on:submit=on_submit novalidate>
                    <h3 id="order-title" tabindex="-1" node_ref=form_title>
                        {t!(i18n, billing.add_large_meetings)}
                    </h3>
                    <OrderFields draft />
                    <PriceSummary draft />
                    <div class="form-actions">
                        <button type="submit" class="button button--primary">
                            {t!(i18n, billing.place_order)}
                        </button>
                        <button type="button" class="button" on:click=move |_| set_ordering.set(false)>
                            {t!(i18n, common.cancel)}
                        </button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
