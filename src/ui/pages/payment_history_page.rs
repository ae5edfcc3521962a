//! Plans and Billing > Payment History.

use crate::ui::components::plans::OrderHistory;
use leptos::prelude::*;

#[component]
pub fn PaymentHistoryPage() -> impl IntoView {
    view! {
        <section class="page page--wide" aria-labelledby="page-title">
            <p class="page__trail">"Plans and Billing"</p>
            <h1 id="page-title">"Payment History"</h1>
            <OrderHistory caption="Payment History" />
        </section>
    }
}
