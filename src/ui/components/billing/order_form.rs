//! The fields of a Large Meetings order: Capacity, Number of licenses and
//! Billing cycle, validated as typed.

use super::order::{line_cycle, OrderDraft};
use crate::format;
use crate::i18n::*;
use crate::state::use_signed_in;
use leptos::ev::Event;
use leptos::prelude::*;
use portal_domain::catalog::large_meetings_monthly;
use portal_domain::{BillingCycle, Capacity};

/// Capacity, Number of licenses and Billing cycle of `draft`.
#[component]
pub fn OrderFields(draft: OrderDraft) -> impl IntoView {
    view! {
        {capacity_field(draft)}
        {quantity_field(draft)}
        {cycle_field(draft)}
    }
}

/// The capacity select; an owned capacity brings its line's billing cycle.
fn capacity_field(draft: OrderDraft) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let error = move || {
        draft
            .checked
            .get()
            .then(|| draft.capacity_error(i18n.get_locale()))
            .flatten()
    };
    let on_change = move |ev: Event| {
        let capacity = event_target_value(&ev)
            .parse()
            .ok()
            .and_then(|n| Capacity::from_participants(n).ok());
        draft.capacity.set(capacity);
        if let Some(cycle) = line_cycle(who, capacity) {
            draft.cycle.set(cycle);
        }
    };
    let option = move |c: Capacity| {
        view! {
            <option value=c.participants().to_string()>
                {move || {
                    let l = i18n.get_locale();
                    crate::ui::messages::fill(td_string!(l, billing.order.capacity_option), &[("participants", &format::participants_in(l, c)), ("price", &format::money_in(l, large_meetings_monthly(c)))])
                }}
            </option>
        }
    };
    view! {
        <div class="field">
            <label for="order-capacity">{tr!(i18n, billing.order.capacity)}</label>
            <select
                id="order-capacity"
                on:change=on_change
                aria-invalid=move || error().is_some().to_string()
                aria-describedby="order-capacity-error"
                prop:value=move || draft.capacity.get().map(|c| c.participants().to_string()).unwrap_or_default()
            >
                <option value="">{tr!(i18n, billing.order.choose_capacity)}</option>
                {Capacity::ALL.into_iter().map(option).collect_view()}
            </select>
            <p id="order-capacity-error" class="field-error">{error}</p>
        </div>
    }
}

/// The number of licenses, read the way the chosen language writes numbers.
fn quantity_field(draft: OrderDraft) -> impl IntoView {
    let i18n = use_i18n();
    let error = move || {
        draft
            .checked
            .get()
            .then(|| draft.quantity_error(i18n.get_locale()))
            .flatten()
    };
    view! {
        <div class="field">
            <label for="order-quantity">{tr!(i18n, billing.order.number_of_licenses)}</label>
            <input
                id="order-quantity"
                type="text"
                inputmode="numeric"
                autocomplete="off"
                bind:value=draft.quantity
                aria-invalid=move || error().is_some().to_string()
                aria-describedby="order-quantity-error order-quantity-help"
            />
            <p id="order-quantity-help" class="field-help">
                {tr!(i18n, billing.order.quantity_help)}
            </p>
            <p id="order-quantity-error" class="field-error">{error}</p>
        </div>
    }
}

/// Monthly or Annual; a value that names neither changes nothing.
fn cycle_field(draft: OrderDraft) -> impl IntoView {
    let i18n = use_i18n();
    let on_change = move |ev: Event| {
        if let Ok(cycle) = event_target_value(&ev).parse::<BillingCycle>() {
            draft.cycle.set(cycle);
        }
    };
    view! {
        <div class="field">
            <label for="order-cycle">{tr!(i18n, billing.order.billing_cycle)}</label>
            <select
                id="order-cycle"
                on:change=on_change
                prop:value=move || draft.cycle.get().to_string()
                aria-describedby="order-cycle-help"
            >
                <option value=BillingCycle::Monthly.to_string()>{tr!(i18n, billing.cycle.monthly)}</option>
                <option value=BillingCycle::Annual.to_string()>{tr!(i18n, billing.cycle.annual)}</option>
            </select>
            <p id="order-cycle-help" class="field-help">{tr!(i18n, billing.order.annual_help)}</p>
        </div>
    }
}
