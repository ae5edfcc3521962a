//! One Large Meetings line's card: its facts, and adding licenses,
//! reducing, cancelling, and undoing a scheduled reduction or cancellation.

use super::feedback::{BillingNotice, Feedback, Refusal};
use crate::format;
use crate::i18n::*;
use crate::state::{use_signed_in, SignedIn};
use crate::ui::labels::{self, line_name};
use crate::ui::messages::Wording;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use portal_domain::{
    parse_whole, Capacity, Command, Day, LargeMeetingsLine, LineStatus, SeatCount,
};

/// What the line card's action area shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LineAction {
    None,
    Reduce,
    Cancel,
}

/// What the parts of one line's card share.
#[derive(Clone, Copy)]
struct LineContext {
    capacity: Capacity,
    who: SignedIn,
    feedback: Feedback,
    action: RwSignal<LineAction>,
    /// Why an action of this card cannot be done, said before anything is
    /// asked (e.g. cancelling while users hold the add-on).
    refusal: RwSignal<Option<Refusal>>,
    /// The new number of licenses, as typed.
    reduce_text: RwSignal<String>,
}

impl LineContext {
    /// Runs `command`; when done, closes the action and confirms with `done`.
    fn run(self, command: Command, done: BillingNotice) {
        match self.who.dispatch(command) {
            Ok(_) => {
                self.action.set(LineAction::None);
                self.feedback.done(done);
            }
            Err(e) => self.feedback.failed(e),
        }
    }
}

/// One Large Meetings line: its facts, and reducing, cancelling, undoing.
#[component]
pub fn LineCard(
    capacity: Capacity,
    feedback: Feedback,
    on_add_licenses: Callback<Capacity>,
) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let line = who.memo(move |account, _| account.line(capacity).cloned());
    let seats = who.memo(move |account, _| account.seats(capacity));
    let card = LineContext {
        capacity,
        who,
        feedback,
        action: RwSignal::new(LineAction::None),
        refusal: RwSignal::new(None),
        reduce_text: RwSignal::new(String::new()),
    };
    let title_id = format!("line-{}-title", capacity.participants());
    let labelled_by = title_id.clone();
    let actions = move || {
        let (status, ends) = line.with(|l| match l {
            Some(l) => (Some(l.status), Some(l.term.renews_on())),
            None => (None, None),
        });
        match (status, card.action.get()) {
            (Some(LineStatus::PendingCancellation), _) => undo_button(card, true).into_any(),
            (Some(LineStatus::PendingDowngrade { .. }), _) => undo_button(card, false).into_any(),
            (_, LineAction::None) => line_actions(card, on_add_licenses).into_any(),
            (_, LineAction::Reduce) => reduce_form(card, seats).into_any(),
            (_, LineAction::Cancel) => ends.map(|ends| cancel_confirm(card, ends)).into_any(),
        }
    };
    view! {
        <article class="card card--addon" aria-labelledby=labelled_by>
            <h3 id=title_id>{move || line_name(i18n.get_locale(), capacity)}</h3>
            {line_facts(capacity, line, seats)}
            {actions}
        </article>
    }
}

/// Capacity, licenses, seats, cycle, renewal and status of a line.
fn line_facts(
    capacity: Capacity,
    line: Memo<Option<LargeMeetingsLine>>,
    seats: Memo<SeatCount>,
) -> impl IntoView {
    let i18n = use_i18n();
    let fact = move |f: fn(Locale, &LargeMeetingsLine) -> String| {
        move || {
            let locale = i18n.get_locale();
            line.with(|l| l.as_ref().map(|l| f(locale, l)))
        }
    };
    view! {
        <dl class="facts">
            <dt>{tr!(i18n, billing.line.capacity)}</dt>
            <dd>{move || format::participants_in(i18n.get_locale(), capacity)}</dd>
            <dt>{tr!(i18n, billing.line.licenses)}</dt>
            <dd>{fact(|l, line| format::count_in(l, line.quantity))}</dd>
            <dt>{tr!(i18n, billing.line.assigned)}</dt>
            <dd>{move || format::count_in(i18n.get_locale(), seats.get().assigned)}</dd>
            <dt>{tr!(i18n, billing.line.available)}</dt>
            <dd>{move || format::count_in(i18n.get_locale(), seats.get().available())}</dd>
            <dt>{tr!(i18n, billing.order.billing_cycle)}</dt>
            <dd>{fact(|l, line| labels::cycle(l, line.term.cycle).to_string())}</dd>
            <dt>{tr!(i18n, billing.line.renews_on)}</dt>
            <dd>{fact(|l, line| format::day_in(l, line.term.renews_on()))}</dd>
            <dt>{tr!(i18n, billing.line.renewal_amount)}</dt>
            <dd>{fact(|l, line| format::money_in(l, line.renewal_amount()))}</dd>
            <dt>{tr!(i18n, billing.line.status)}</dt>
            <dd>{fact(line_status)}</dd>
        </dl>
    }
}

/// "Active", "Reducing to 2 licenses on Jan 4, 2027", "Ends on Jan 4, 2027".
fn line_status(l: Locale, line: &LargeMeetingsLine) -> String {
    let date = format::day_in(l, line.term.renews_on());
    match line.status {
        LineStatus::Active => td_string!(l, billing.line.status_active).to_string(),
        LineStatus::PendingDowngrade { to } => {
            let count = format::count_in(l, to);
            if to == 1 {
                crate::ui::messages::fill(
                    td_string!(l, billing.line.status_pending_downgrade_one),
                    &[("count", &count), ("date", &date)],
                )
            } else {
                crate::ui::messages::fill(
                    td_string!(l, billing.line.status_pending_downgrade_many),
                    &[("count", &count), ("date", &date)],
                )
            }
        }
        LineStatus::PendingCancellation => crate::ui::messages::fill(
            td_string!(l, billing.line.status_pending_cancellation),
            &[("date", &date)],
        ),
    }
}

/// Undoes the reduction or cancellation scheduled for renewal.
fn undo_button(card: LineContext, cancelling: bool) -> impl IntoView {
    let i18n = use_i18n();
    let capacity = card.capacity;
    view! {
        <div class="card__actions">
            <button
                type="button"
                class="button"
                on:click=move |_| {
                    card.run(
                        Command::UndoPendingChange { capacity },
                        BillingNotice::Unchanged { capacity },
                    )
                }
            >
                {move || {
                    if cancelling {
                        t_string!(i18n, billing.line.undo_cancellation)
                    } else {
                        t_string!(i18n, billing.line.undo_reduction)
                    }
                }}
            </button>
        </div>
    }
}

/// Add Licenses, Reduce and Cancel Subscription, with why Cancel cannot be
/// done when it cannot.
fn line_actions(card: LineContext, on_add_licenses: Callback<Capacity>) -> impl IntoView {
    let i18n = use_i18n();
    let capacity = card.capacity;
    let on_cancel = move |_| {
        card.feedback.clear();
        let check = card
            .who
            .with_untracked(|account, _| Some(account.check_cancel_line(capacity)));
        match check {
            Some(Err(e)) => card.refusal.set(Some(e.into())),
            _ => card.action.set(LineAction::Cancel),
        }
    };
    let refusal = move || {
        card.refusal
            .with(|r| r.as_ref().map(|e| e.words(i18n.get_locale())))
            .map(|text| view! { <p class="form-error" role="alert">{text}</p> })
    };
    view! {
        <div class="card__actions">
            <button
                type="button"
                class="button"
                on:click=move |_| {
                    card.feedback.status.set(None);
                    card.refusal.set(None);
                    on_add_licenses.run(capacity)
                }
            >
                {tr!(i18n, billing.line.add_licenses)}
            </button>
            <button
                type="button"
                class="button"
                on:click=move |_| {
                    card.reduce_text.set(String::new());
                    card.refusal.set(None);
                    card.action.set(LineAction::Reduce)
                }
            >
                {tr!(i18n, billing.line.reduce)}
            </button>
            <button type="button" class="button" on:click=on_cancel>
                {tr!(i18n, billing.line.cancel_subscription)}
            </button>
            {refusal}
        </div>
    }
}

/// New number of licenses, Schedule Reduction and Close.
fn reduce_form(card: LineContext, seats: Memo<SeatCount>) -> impl IntoView {
    let i18n = use_i18n();
    let capacity = card.capacity;
    let reduce_text = card.reduce_text;
    let on_reduce = move |ev: SubmitEvent| {
        ev.prevent_default();
        // Whole numbers, written the way the chosen language writes them,
        // go to the domain, which says what is allowed.
        let typed = reduce_text.get_untracked();
        let style = format::number_style(i18n.get_locale_untracked());
        match parse_whole(&typed, style) {
            Ok(to) => card.run(
                Command::ReduceLine { capacity, to },
                BillingNotice::ReductionScheduled { capacity, to },
            ),
            Err(error) => card.feedback.failed(Refusal::NewQuantity { error, typed }),
        }
    };
    let input_id = format!("reduce-{}", capacity.participants());
    view! {
        <form class="inline-form" on:submit=on_reduce novalidate>
            <div class="field">
                <label for=input_id.clone()>{tr!(i18n, billing.line.new_number_of_licenses)}</label>
                <input id=input_id type="text" inputmode="numeric" autocomplete="off" bind:value=reduce_text />
                <p class="field-help">
                    {move || {
                        let l = i18n.get_locale();
                        crate::ui::messages::fill(td_string!(l, billing.line.reduce_help), &[("count", &format::count_in(l, seats.get().assigned.max(1)))])
                    }}
                </p>
            </div>
            <button type="submit" class="button button--primary">
                {tr!(i18n, billing.line.schedule_reduction)}
            </button>
            <button type="button" class="button" on:click=move |_| card.action.set(LineAction::None)>
                {tr!(i18n, billing.close)}
            </button>
        </form>
    }
}

/// Asks to confirm the cancellation, which takes effect on `ends`.
fn cancel_confirm(card: LineContext, ends: Day) -> impl IntoView {
    let i18n = use_i18n();
    let capacity = card.capacity;
    view! {
        <div
            class="confirm"
            role="group"
            aria-label=move || t_string!(i18n, billing.line.confirm_cancellation)
        >
            <p>
                {move || {
                    let l = i18n.get_locale();
                    crate::ui::messages::fill(td_string!(l, billing.line.cancel_notice), &[("name", &line_name(l, capacity)), ("date", &format::day_in(l, ends))])
                }}
            </p>
            <button
                type="button"
                class="button button--danger"
                on:click=move |_| {
                    card.run(
                        Command::CancelLine { capacity },
                        BillingNotice::CancellationScheduled { capacity, ends },
                    )
                }
            >
                {tr!(i18n, billing.line.confirm_cancellation)}
            </button>
            <button type="button" class="button" on:click=move |_| card.action.set(LineAction::None)>
                {tr!(i18n, billing.line.keep_subscription)}
            </button>
        </div>
    }
}
