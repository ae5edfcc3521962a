//! Account Management > Billing (the classic billing portal).

use crate::ui::pages::BasePlanSummary;
use leptos::prelude::*;

#[component]
pub fn BillingPage() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="page__trail">"Account Management"</p>
            <h1 id="page-title">"Billing"</h1>
            <h2>"Current Plans"</h2>
            <BasePlanSummary />
            <p class="page__note">
                "Buying Large Meetings add-ons (500, 1,000, 3,000 or 5,000 participants) "
                "comes in a later release of this portal."
            </p>
        </section>
    }
}
