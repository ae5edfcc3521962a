//! The live price of a Large Meetings order, shown beside the order form
//! and in the cart's review step.

use super::order::{use_quote, OrderDraft};
use crate::format;
use crate::i18n::*;
use crate::state::use_signed_in;
use crate::ui::labels;
use crate::ui::messages::Wording;
use leptos::prelude::*;
use portal_domain::billing::OrderItem;
use portal_domain::{BillingCycle, Quote};

/// The price of `draft`, or why it has none yet.
#[component]
pub fn PriceSummary(draft: OrderDraft) -> impl IntoView {
    let quote = use_quote(use_signed_in(), draft);
    let i18n = use_i18n();
    view! {
        <section class="summary" aria-labelledby="summary-title" aria-live="polite">
            <h4 id="summary-title">{tr!(i18n, billing.summary.title)}</h4>
            {move || {
                let l = i18n.get_locale();
                match quote.get() {
                    None => view! { <p>{td_string!(l, billing.summary.empty)}</p> }.into_any(),
                    Some(Err(e)) => view! { <p class="form-error">{e.words(l)}</p> }.into_any(),
                    Some(Ok(q)) => quote_facts(l, &q).into_any(),
                }
            }}
            <p class="field-help">{tr!(i18n, billing.demo_price_notice)}</p>
        </section>
    }
}

/// What the order comes to: per license, per cycle, today and at renewal.
fn quote_facts(l: Locale, q: &Quote) -> impl IntoView {
    let capacity = match q.item {
        OrderItem::LargeMeetings { capacity, .. } => format::participants_in(l, capacity),
        OrderItem::BaseSeats { .. } => String::new(),
    };
    let per_license = format::money_in(l, q.per_license);
    let (price_per_license, total_per) = match q.cycle {
        BillingCycle::Monthly => (
            crate::ui::messages::fill(
                td_string!(l, billing.summary.per_month),
                &[("price", &per_license)],
            ),
            td_string!(l, billing.summary.total_per_month),
        ),
        BillingCycle::Annual => (
            crate::ui::messages::fill(
                td_string!(l, billing.summary.per_year),
                &[("price", &per_license)],
            ),
            td_string!(l, billing.summary.total_per_year),
        ),
    };
    let prorated = q.prorated.then(|| {
        let existing = q.quantity_after - q.quantity.get();
        let count = format::count_in(l, existing);
        if existing == 1 {
            crate::ui::messages::fill(
                td_string!(l, billing.summary.prorated_one),
                &[("count", &count)],
            )
        } else {
            crate::ui::messages::fill(
                td_string!(l, billing.summary.prorated_many),
                &[("count", &count)],
            )
        }
    });
    view! {
        <dl class="facts">
            <dt>{td_string!(l, billing.summary.product)}</dt>
            <dd>{td_string!(l, billing.large_meetings)}</dd>
            <dt>{td_string!(l, billing.order.capacity)}</dt>
            <dd>{capacity}</dd>
            <dt>{td_string!(l, billing.order.number_of_licenses)}</dt>
            <dd>{format::count_in(l, q.quantity.get())}</dd>
            <dt>{td_string!(l, billing.order.billing_cycle)}</dt>
            <dd>{labels::cycle(l, q.cycle)}</dd>
            <dt>{td_string!(l, billing.summary.price_per_license)}</dt>
            <dd>{price_per_license}</dd>
            <dt>{total_per}</dt>
            <dd>{format::money_in(l, q.total_per_cycle)}</dd>
            <dt>{td_string!(l, billing.summary.due_today)}</dt>
            <dd>
                {format::money_in(l, q.due_today)}
                {prorated}
            </dd>
            <dt>{td_string!(l, billing.summary.next_renewal)}</dt>
            <dd>{format::day_in(l, q.next_renewal)}</dd>
        </dl>
    }
}
