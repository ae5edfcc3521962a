//! The plans an account has: the base plan with its seats, and a card per
//! Large Meetings line (`line_card`), with what can be changed about them.

use super::feedback::{BillingNotice, Feedback, Refusal};
use super::line_card::LineCard;
use super::order::today;
use crate::format;
use crate::i18n::*;
use crate::state::use_signed_in;
use crate::ui::base::href;
use crate::ui::labels;
use crate::ui::messages::{self, Counted};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use portal_domain::{Account, BillingCycle, Capacity, Command, Quantity, Quote};

/// The base plan and every Large Meetings line, with what can be changed.
#[component]
pub fn CurrentPlans(
    feedback: Feedback,
    /// Opens the order for more licenses of a capacity the account owns.
    on_add_licenses: Callback<Capacity>,
) -> impl IntoView {
    let who = use_signed_in();
    // A card per line, rebuilt only when a line comes or goes (a memo of the
    // capacities), so a card's open form survives other changes.
    let capacities = who.memo(|account, _| {
        account
            .large_meetings
            .iter()
            .map(|l| l.capacity)
            .collect::<Vec<_>>()
    });
    let cards = move || {
        capacities
            .get()
            .into_iter()
            .map(|capacity| view! { <LineCard capacity feedback on_add_licenses /> })
            .collect_view()
    };
    let i18n = use_i18n();
    view! {
        <div class="plans">
            <BasePlanCard feedback />
            {cards}
        </div>
        <p class="page__hint">
            {tr!(i18n, billing.users_hint_before)}
            <a href=href("/users")>{tr!(i18n, billing.users_hint_link)}</a>
            {tr!(i18n, billing.users_hint_after)}
        </p>
    }
}

/// The base plan with its seats, and buying more seats.
#[component]
fn BasePlanCard(feedback: Feedback) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let adding = RwSignal::new(false);
    // The form or the button, rebuilt only when that choice changes.
    let adding_shown = Memo::new(move |_| adding.get());
    // Kept while the form is closed and opened again, until seats are bought.
    let seats_text = RwSignal::new("1".to_string());
    let fact = move |f: fn(Locale, &Account) -> String| {
        move || {
            let locale = i18n.get_locale();
            who.with(|account, _| f(locale, account))
        }
    };
    view! {
        <article class="card" aria-labelledby="base-plan-title">
            <h3 id="base-plan-title">{fact(|_, a| a.base_plan.name.clone())}</h3>
            <dl class="facts">
                <dt>{tr!(i18n, billing.base.seats)}</dt>
                <dd>{fact(|l, a| format::count_in(l, a.base_plan.seats))}</dd>
                <dt>{tr!(i18n, billing.base.in_use)}</dt>
                <dd>{fact(|l, a| format::count_in(l, a.seats_in_use()))}</dd>
                <dt>{tr!(i18n, billing.base.available)}</dt>
                <dd>{fact(|l, a| format::count_in(l, a.seats_available()))}</dd>
                <dt>{tr!(i18n, billing.base.meeting_capacity)}</dt>
                <dd>
                    {fact(|l, a| {
                        crate::ui::messages::fill(td_string!(l, common.participants), &[("count", &format::count_in(l, a.base_plan.meeting_capacity))])
                    })}
                </dd>
                <dt>{tr!(i18n, billing.order.billing_cycle)}</dt>
                <dd>{fact(|l, a| labels::cycle(l, a.base_plan.term.cycle).to_string())}</dd>
                <dt>{tr!(i18n, billing.base.renews_on)}</dt>
                <dd>{fact(|l, a| format::day_in(l, a.base_plan.term.renews_on()))}</dd>
            </dl>
            {move || {
                if adding_shown.get() {
                    view! { <AddSeatsForm feedback adding seats_text /> }.into_any()
                } else {
                    view! {
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| {
                                feedback.status.set(None);
                                adding.set(true);
                            }
                        >
                            {tr!(i18n, billing.base.add_seats)}
                        </button>
                    }
                    .into_any()
                }
            }}
        </article>
    }
}

/// Number of seats with its price as typed, Buy Seats and Close.
#[component]
fn AddSeatsForm(
    feedback: Feedback,
    adding: RwSignal<bool>,
    seats_text: RwSignal<String>,
) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let parsed = Memo::new(move |_| {
        Quantity::parse(&seats_text.get(), format::number_style(i18n.get_locale()))
    });
    let quote = Memo::new(move |_| {
        let quantity = parsed.get().ok()?;
        who.with(|account, _| account.quote_base_seats(quantity, today()).ok())
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let quantity = match parsed.get_untracked() {
            Ok(q) => q,
            Err(error) => {
                return feedback.failed(Refusal::Quantity {
                    error,
                    typed: seats_text.get_untracked(),
                    counted: Counted::Seats,
                })
            }
        };
        match who.dispatch(Command::AddBaseSeats { quantity }) {
            Ok(_) => {
                adding.set(false);
                seats_text.set("1".into());
                feedback.done(BillingNotice::SeatsAdded {
                    count: quantity.get(),
                });
            }
            Err(e) => feedback.failed(e),
        }
    };
    let help = move || {
        let l = i18n.get_locale();
        match parsed.get() {
            Err(e) => messages::quantity_error(l, &e, &seats_text.get(), Counted::Seats),
            Ok(_) => quote.get().map(|q| seats_quote(l, &q)).unwrap_or_default(),
        }
    };
    view! {
        <form class="inline-form" on:submit=on_submit novalidate>
            <div class="field">
                <label for="base-seats">{tr!(i18n, billing.base.number_of_seats)}</label>
                <input
                    id="base-seats"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    bind:value=seats_text
                    aria-invalid=move || parsed.get().is_err().to_string()
                    aria-describedby="base-seats-help"
                />
                <p id="base-seats-help" class="field-help">{help}</p>
            </div>
            <button type="submit" class="button button--primary">
                {tr!(i18n, billing.base.buy_seats)}
            </button>
            <button type="button" class="button" on:click=move |_| adding.set(false)>
                {tr!(i18n, billing.close)}
            </button>
        </form>
    }
}

/// "$43.98 due today (prorated to Jan 1, 2027), then $1,599.00 per month."
fn seats_quote(l: Locale, q: &Quote) -> String {
    let due = format::money_in(l, q.due_today);
    let date = format::day_in(l, q.next_renewal);
    let total = format::money_in(l, q.total_per_cycle);
    match q.cycle {
        BillingCycle::Monthly => crate::ui::messages::fill(
            td_string!(l, billing.base.quote_monthly),
            &[("due", &due), ("date", &date), ("total", &total)],
        ),
        BillingCycle::Annual => crate::ui::messages::fill(
            td_string!(l, billing.base.quote_annual),
            &[("due", &due), ("date", &date), ("total", &total)],
        ),
    }
}
