//! Plans and Billing > Payment History.

use crate::i18n::*;
use crate::ui::components::billing::OrderHistory;
use leptos::prelude::*;

#[component]
pub fn PaymentHistoryPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page page--wide" aria-labelledby="page-title">
            <p class="page__trail">{tr!(i18n, billing.plans_and_billing)}</p>
            <h1 id="page-title">{tr!(i18n, billing.payment_history)}</h1>
            <OrderHistory caption=Signal::derive(move || t_string!(i18n, billing.payment_history)) />
        </section>
    }
}
