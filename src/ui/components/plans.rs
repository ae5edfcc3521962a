//! The billing parts both portals share: the plans an account has (with
//! what can be changed about them), the Large Meetings order fields with
//! their live price summary, and the order history.

use crate::format::{self, now};
use crate::i18n::*;
use crate::state::{use_account, use_app, AppState};
use crate::ui::base::href;
use crate::ui::components::table_scroll::TableScroll;
use crate::ui::messages;
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use messages::Counted;
use portal_domain::billing::OrderItem;
use portal_domain::catalog::large_meetings_monthly;
use portal_domain::{
    parse_whole, Account, BillingCycle, Capacity, Command, Day, DomainError, LineStatus, Quantity,
    Quote,
};
use std::sync::Arc;

/// A message for a status or alert region, worded in the language chosen
/// when it is shown (so it follows the language switch).
#[derive(Clone)]
pub struct Message(Arc<dyn Fn(Locale) -> String + Send + Sync>);

impl Message {
    pub fn new(text: impl Fn(Locale) -> String + Send + Sync + 'static) -> Self {
        Self(Arc::new(text))
    }

    pub fn text(&self, locale: Locale) -> String {
        (self.0)(locale)
    }
}

/// Page-level feedback: one status region and one alert region.
#[derive(Clone, Copy)]
pub struct Feedback {
    pub status: RwSignal<Option<Message>>,
    pub error: RwSignal<Option<Message>>,
    /// The status region, where focus goes after an action whose form or
    /// button is gone once it is done.
    region: NodeRef<html::P>,
}

impl Feedback {
    pub fn new() -> Self {
        Self {
            status: RwSignal::new(None),
            error: RwSignal::new(None),
            region: NodeRef::new(),
        }
    }

    /// Clears both regions.
    pub fn clear(&self) {
        self.status.set(None);
        self.error.set(None);
    }

    /// Shows what was done and moves focus to it: the form or button that
    /// did it is usually gone, and focus must not fall to the page body.
    pub fn done(&self, message: Message) {
        self.error.set(None);
        self.status.set(Some(message));
        // After the message is rendered: an empty region is not displayed,
        // and what is not displayed cannot take focus.
        let region = self.region;
        request_animation_frame(move || {
            if let Some(region) = region.get_untracked() {
                let _ = region.focus();
            }
        });
    }

    pub fn failed(&self, message: Message) {
        self.status.set(None);
        self.error.set(Some(message));
    }
}

impl Default for Feedback {
    fn default() -> Self {
        Self::new()
    }
}

/// The status and alert regions of a page.
#[component]
pub fn FeedbackView(feedback: Feedback) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="form-status" role="status" tabindex="-1" node_ref=feedback.region>
            {move || feedback.status.get().map(|m| m.text(i18n.get_locale()))}
        </p>
        {move || {
            feedback.error.get().map(|e| {
                view! { <p class="form-error" role="alert">{e.text(i18n.get_locale())}</p> }
            })
        }}
    }
}

/// "Monthly" / "Månadsvis".
pub fn cycle_label(locale: Locale, cycle: BillingCycle) -> &'static str {
    match cycle {
        BillingCycle::Monthly => td_string!(locale, billing.cycle.monthly),
        BillingCycle::Annual => td_string!(locale, billing.cycle.annual),
    }
}

/// "Large Meetings 1,000 participants" / "Stora möten 1 000 deltagare".
pub fn line_name(locale: Locale, capacity: Capacity) -> String {
    td_string!(
        locale,
        billing.line.name,
        count = format::count_in(locale, capacity.participants())
    )
}

/// A domain refusal as a message.
fn domain_message(error: DomainError) -> Message {
    Message::new(move |locale| messages::domain_error(locale, &error))
}

fn today() -> Day {
    Day::of(now())
}

/// The base plan and every Large Meetings line, with what can be changed.
#[component]
pub fn CurrentPlans(
    feedback: Feedback,
    /// Opens the order for more licenses of a capacity the account owns.
    on_add_licenses: Callback<Capacity>,
) -> impl IntoView {
    let account = use_account();
    let capacities = move || {
        account.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.large_meetings
                        .iter()
                        .map(|l| l.capacity)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let i18n = use_i18n();
    view! {
        <div class="plans">
            <BasePlanCard feedback />
            <For each=capacities key=|c| *c let:capacity>
                <LineCard capacity feedback on_add_licenses />
            </For>
        </div>
        <p class="page__hint">
            {t!(i18n, billing.users_hint_before)}
            <A href=href("/users")>{t!(i18n, billing.users_hint_link)}</A>
            {t!(i18n, billing.users_hint_after)}
        </p>
    }
}

/// The base plan with its seats, and buying more seats.
#[component]
fn BasePlanCard(feedback: Feedback) -> impl IntoView {
    let state = use_app();
    let account = use_account();
    let i18n = use_i18n();
    let (adding, set_adding) = signal(false);
    let seats_text = RwSignal::new("1".to_string());
    let parsed = Memo::new(move |_| {
        Quantity::parse(&seats_text.get(), format::number_style(i18n.get_locale()))
    });
    let quote = Memo::new(move |_| {
        let quantity = parsed.get().ok()?;
        account.with(|a| a.as_ref()?.quote_base_seats(quantity, today()).ok())
    });
    let fact = move |f: fn(Locale, &Account) -> String| {
        move || {
            let locale = i18n.get_locale();
            account.with(|a| a.as_ref().map(|a| f(locale, a)))
        }
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let quantity = match parsed.get_untracked() {
            Ok(q) => q,
            Err(e) => {
                let typed = seats_text.get_untracked();
                return feedback.failed(Message::new(move |l| {
                    messages::quantity_error(l, &e, &typed, Counted::Seats)
                }));
            }
        };
        match state.dispatch(Command::AddBaseSeats { quantity }) {
            Ok(_) => {
                set_adding.set(false);
                seats_text.set("1".into());
                let n = quantity.get();
                feedback.done(Message::new(move |l| {
                    let count = format::count_in(l, n);
                    if n == 1 {
                        td_string!(l, billing.base.ordered_one, count = count)
                    } else {
                        td_string!(l, billing.base.ordered_many, count = count)
                    }
                }));
            }
            Err(e) => feedback.failed(Message::new(move |l| messages::action_error(l, &e))),
        }
    };
    view! {
        <article class="card" aria-labelledby="base-plan-title">
            <h3 id="base-plan-title">{fact(|_, a| a.base_plan.name.clone())}</h3>
            <dl class="facts">
                <dt>{t!(i18n, billing.base.seats)}</dt>
                <dd>{fact(|l, a| format::count_in(l, a.base_plan.seats))}</dd>
                <dt>{t!(i18n, billing.base.in_use)}</dt>
                <dd>{fact(|l, a| format::count_in(l, a.seats_in_use()))}</dd>
                <dt>{t!(i18n, billing.base.available)}</dt>
                <dd>{fact(|l, a| format::count_in(l, a.seats_available()))}</dd>
                <dt>{t!(i18n, billing.base.meeting_capacity)}</dt>
                <dd>
                    {fact(|l, a| {
                        td_string!(
                            l,
                            common.participants,
                            count = format::count_in(l, a.base_plan.meeting_capacity)
                        )
                    })}
                </dd>
                <dt>{t!(i18n, billing.order.billing_cycle)}</dt>
                <dd>{fact(|l, a| cycle_label(l, a.base_plan.term.cycle).to_string())}</dd>
                <dt>{t!(i18n, billing.base.renews_on)}</dt>
                <dd>{fact(|l, a| format::day_in(l, a.base_plan.term.renews_on()))}</dd>
            </dl>
            <Show
                when=move || adding.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| {
                                feedback.status.set(None);
                                set_adding.set(true);
                            }
                        >
                            {t!(i18n, billing.base.add_seats)}
                        </button>
                    }
                }
            >
                <form class="inline-form" on:submit=on_submit novalidate>
                    <div class="field">
                        <label for="base-seats">{t!(i18n, billing.base.number_of_seats)}</label>
                        <input
                            id="base-seats"
                            type="text"
                            inputmode="numeric"
                            autocomplete="off"
                            bind:value=seats_text
                            aria-invalid=move || parsed.get().is_err().to_string()
                            aria-describedby="base-seats-help"
                        />
                        <p id="base-seats-help" class="field-help">
                            {move || {
                                let l = i18n.get_locale();
                                match parsed.get() {
                                    Err(e) => messages::quantity_error(
                                        l,
                                        &e,
                                        &seats_text.get(),
                                        Counted::Seats,
                                    ),
                                    Ok(_) => {
                                        quote
                                            .get()
                                            .map(|q| {
                                                let due = format::money_in(l, q.due_today);
                                                let date = format::day_in(l, q.next_renewal);
                                                let total = format::money_in(l, q.total_per_cycle);
                                                match q.cycle {
                                                    BillingCycle::Monthly => td_string!(
                                                        l,
                                                        billing.base.quote_monthly,
                                                        due = due,
                                                        date = date,
                                                        total = total
                                                    ),
                                                    BillingCycle::Annual => td_string!(
                                                        l,
                                                        billing.base.quote_annual,
                                                        due = due,
                                                        date = date,
                                                        total = total
                                                    ),
                                                }
                                            })
                                            .unwrap_or_default()
                                    }
                                }
                            }}
                        </p>
                    </div>
                    <button type="submit" class="button button--primary">
                        {t!(i18n, billing.base.buy_seats)}
                    </button>
                    <button type="button" class="button" on:click=move |_| set_adding.set(false)>
                        {t!(i18n, billing.close)}
                    </button>
                </form>
            </Show>
        </article>
    }
}

/// What the line card's action area shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LineAction {
    None,
    Reduce,
    Cancel,
}

/// One Large Meetings line: its facts, and reducing, cancelling, undoing.
#[component]
fn LineCard(
    capacity: Capacity,
    feedback: Feedback,
    on_add_licenses: Callback<Capacity>,
) -> impl IntoView {
    let state = use_app();
    let account = use_account();
    let i18n = use_i18n();
    let line = Memo::new(move |_| account.with(|a| a.as_ref()?.line(capacity).cloned()));
    let seats = Memo::new(move |_| {
        account.with(|a| a.as_ref().map(|a| a.seats(capacity)).unwrap_or_default())
    });
    let (action, set_action) = signal(LineAction::None);
    // Why an action of this card cannot be done, said before anything is
    // asked (e.g. cancelling while users hold the add-on).
    let refusal = RwSignal::new(None::<Message>);
    let reduce_text = RwSignal::new(String::new());
    let title_id = format!("line-{}-title", capacity.participants());
    let labelled_by = title_id.clone();
    let name = move || line_name(i18n.get_locale(), capacity);
    let run = move |command: Command, done: Message| match state.dispatch(command) {
        Ok(_) => {
            set_action.set(LineAction::None);
            feedback.done(done);
        }
        Err(e) => feedback.failed(Message::new(move |l| messages::action_error(l, &e))),
    };
    let status = move || {
        let l = i18n.get_locale();
        line.get().map(|line| {
            let renews_on = format::day_in(l, line.term.renews_on());
            match line.status {
                LineStatus::Active => td_string!(l, billing.line.status_active).to_string(),
                LineStatus::PendingDowngrade { to } => {
                    let count = format::count_in(l, to);
                    if to == 1 {
                        td_string!(
                            l,
                            billing.line.status_pending_downgrade_one,
                            count = count,
                            date = renews_on
                        )
                    } else {
                        td_string!(
                            l,
                            billing.line.status_pending_downgrade_many,
                            count = count,
                            date = renews_on
                        )
                    }
                }
                LineStatus::PendingCancellation => {
                    td_string!(
                        l,
                        billing.line.status_pending_cancellation,
                        date = renews_on
                    )
                }
            }
        })
    };
    let fact = move |f: fn(Locale, &portal_domain::LargeMeetingsLine) -> String| {
        move || {
            let locale = i18n.get_locale();
            line.with(|l| l.as_ref().map(|l| f(locale, l)))
        }
    };
    let on_reduce = move |ev: SubmitEvent| {
        ev.prevent_default();
        // Whole numbers, written the way the chosen language writes them,
        // go to the domain, which says what is allowed.
        let typed = reduce_text.get_untracked();
        let style = format::number_style(i18n.get_locale_untracked());
        let to = match parse_whole(&typed, style) {
            Ok(n) => n,
            Err(e) => {
                return feedback.failed(Message::new(move |l| {
                    messages::new_quantity_error(l, &e, &typed)
                }))
            }
        };
        run(
            Command::ReduceLine { capacity, to },
            Message::new(move |l| {
                let name = line_name(l, capacity);
                let count = format::count_in(l, to);
                if to == 1 {
                    td_string!(l, billing.line.reduced_one, name = name, count = count)
                } else {
                    td_string!(l, billing.line.reduced_many, name = name, count = count)
                }
            }),
        );
    };
    view! {
        <article class="card card--addon" aria-labelledby=labelled_by>
            <h3 id=title_id>{name}</h3>
            <dl class="facts">
                <dt>{t!(i18n, billing.line.capacity)}</dt>
                <dd>{move || format::participants_in(i18n.get_locale(), capacity)}</dd>
                <dt>{t!(i18n, billing.line.licenses)}</dt>
                <dd>{fact(|l, line| format::count_in(l, line.quantity))}</dd>
                <dt>{t!(i18n, billing.line.assigned)}</dt>
                <dd>{move || format::count_in(i18n.get_locale(), seats.get().assigned)}</dd>
                <dt>{t!(i18n, billing.line.available)}</dt>
                <dd>{move || format::count_in(i18n.get_locale(), seats.get().available())}</dd>
                <dt>{t!(i18n, billing.order.billing_cycle)}</dt>
                <dd>{fact(|l, line| cycle_label(l, line.term.cycle).to_string())}</dd>
                <dt>{t!(i18n, billing.line.renews_on)}</dt>
                <dd>{fact(|l, line| format::day_in(l, line.term.renews_on()))}</dd>
                <dt>{t!(i18n, billing.line.renewal_amount)}</dt>
                <dd>{fact(|l, line| format::money_in(l, line.renewal_amount()))}</dd>
                <dt>{t!(i18n, billing.line.status)}</dt>
                <dd>{status}</dd>
            </dl>
            {move || {
                let pending = line.with(|l| l.as_ref().is_some_and(|l| l.status != LineStatus::Active));
                match (pending, action.get()) {
                    (true, _) => {
                        let cancelling = line.with(|l| {
                            matches!(
                                l.as_ref().map(|l| l.status),
                                Some(LineStatus::PendingCancellation)
                            )
                        });
                        view! {
                            <div class="card__actions">
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| {
                                        run(
                                            Command::UndoPendingChange { capacity },
                                            Message::new(move |l| {
                                                td_string!(
                                                    l,
                                                    billing.line.unchanged,
                                                    name = line_name(l, capacity)
                                                )
                                            }),
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
                            .into_any()
                    }
                    (false, LineAction::None) => {
                        view! {
                            <div class="card__actions">
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| {
                                        feedback.status.set(None);
                                        refusal.set(None);
                                        on_add_licenses.run(capacity)
                                    }
                                >
                                    {t!(i18n, billing.line.add_licenses)}
                                </button>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| {
                                        reduce_text.set(String::new());
                                        refusal.set(None);
                                        set_action.set(LineAction::Reduce)
                                    }
                                >
                                    {t!(i18n, billing.line.reduce)}
                                </button>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| {
                                        feedback.clear();
                                        let check = account.with_untracked(|a| {
                                            a.as_ref().map(|a| a.check_cancel_line(capacity))
                                        });
                                        match check {
                                            Some(Err(e)) => refusal.set(Some(domain_message(e))),
                                            _ => set_action.set(LineAction::Cancel),
                                        }
                                    }
                                >
                                    {t!(i18n, billing.line.cancel_subscription)}
                                </button>
                                {move || {
                                    refusal
                                        .get()
                                        .map(|m| {
                                            view! {
                                                <p class="form-error" role="alert">
                                                    {move || m.text(i18n.get_locale())}
                                                </p>
                                            }
                                        })
                                }}
                            </div>
                        }
                            .into_any()
                    }
                    (false, LineAction::Reduce) => {
                        let input_id = format!("reduce-{}", capacity.participants());
                        view! {
                            <form class="inline-form" on:submit=on_reduce novalidate>
                                <div class="field">
                                    <label for=input_id.clone()>{t!(i18n, billing.line.new_number_of_licenses)}</label>
                                    <input id=input_id type="text" inputmode="numeric" autocomplete="off" bind:value=reduce_text />
                                    <p class="field-help">
                                        {move || {
                                            let l = i18n.get_locale();
                                            td_string!(
                                                l,
                                                billing.line.reduce_help,
                                                count = format::count_in(l, seats.get().assigned.max(1))
                                            )
                                        }}
                                    </p>
                                </div>
                                <button type="submit" class="button button--primary">
                                    {t!(i18n, billing.line.schedule_reduction)}
                                </button>
                                <button type="button" class="button" on:click=move |_| set_action.set(LineAction::None)>
                                    {t!(i18n, billing.close)}
                                </button>
                            </form>
                        }
                            .into_any()
                    }
                    (false, LineAction::Cancel) => {
                        let ends = line.with(|l| l.as_ref().map(|l| l.term.renews_on()));
                        let ends_in = move |l: Locale| ends.map(|d| format::day_in(l, d)).unwrap_or_default();
                        view! {
                            <div
                                class="confirm"
                                role="group"
                                aria-label=move || t_string!(i18n, billing.line.confirm_cancellation)
                            >
                                <p>
                                    {move || {
                                        let l = i18n.get_locale();
                                        td_string!(
                                            l,
                                            billing.line.cancel_notice,
                                            name = line_name(l, capacity),
                                            date = ends_in(l)
                                        )
                                    }}
                                </p>
                                <button
                                    type="button"
                                    class="button button--danger"
                                    on:click=move |_| {
                                        run(
                                            Command::CancelLine { capacity },
                                            Message::new(move |l| {
                                                td_string!(
                                                    l,
                                                    billing.line.cancelled,
                                                    name = line_name(l, capacity),
                                                    date = ends_in(l)
                                                )
                                            }),
                                        )
                                    }
                                >
                                    {t!(i18n, billing.line.confirm_cancellation)}
                                </button>
                                <button type="button" class="button" on:click=move |_| set_action.set(LineAction::None)>
                                    {t!(i18n, billing.line.keep_subscription)}
                                </button>
                            </div>
                        }
                            .into_any()
                    }
                }
            }}
        </article>
    }
}

/// What is being ordered, as typed so far.
#[derive(Clone, Copy)]
pub struct OrderDraft {
    pub capacity: RwSignal<Option<Capacity>>,
    pub quantity: RwSignal<String>,
    pub cycle: RwSignal<BillingCycle>,
    /// Show field errors (after a first attempt to continue).
    pub checked: RwSignal<bool>,
}

impl OrderDraft {
    pub fn new() -> Self {
        Self {
            capacity: RwSignal::new(None),
            quantity: RwSignal::new("1".to_string()),
            cycle: RwSignal::new(BillingCycle::Monthly),
            checked: RwSignal::new(false),
        }
    }

    /// Starts a new order for the signed-in account, optionally for more
    /// licenses of an owned capacity (on that line's billing cycle).
    pub fn start(&self, state: AppState, capacity: Option<Capacity>) {
        let account = state.account();
        self.reset(capacity, account.as_ref());
    }

    /// Starts over, optionally for more licenses of an owned capacity.
    fn reset(&self, capacity: Option<Capacity>, account: Option<&Account>) {
        self.capacity.set(capacity);
        self.quantity.set("1".to_string());
        let cycle = capacity
            .and_then(|c| account?.line(c).map(|l| l.term.cycle))
            .unwrap_or(BillingCycle::Monthly);
        self.cycle.set(cycle);
        self.checked.set(false);
    }

    pub fn capacity_error(&self, locale: Locale) -> Option<&'static str> {
        self.capacity
            .get()
            .is_none()
            .then(|| td_string!(locale, billing.order.choose_capacity_error))
    }

    /// Why the number of licenses, read the way `locale` writes numbers,
    /// is refused.
    pub fn quantity_error(&self, locale: Locale) -> Option<String> {
        let typed = self.quantity.get();
        Quantity::parse(&typed, format::number_style(locale))
            .err()
            .map(|e| messages::quantity_error(locale, &e, &typed, Counted::Licenses))
    }

    /// The order, if every field is valid; the number of licenses is read
    /// the way `locale` writes numbers.
    pub fn order(&self, locale: Locale) -> Option<(Capacity, Quantity, BillingCycle)> {
        Some((
            self.capacity.get()?,
            Quantity::parse(&self.quantity.get(), format::number_style(locale)).ok()?,
            self.cycle.get(),
        ))
    }
}

impl Default for OrderDraft {
    fn default() -> Self {
        Self::new()
    }
}

/// The price of the draft order for the signed-in account.
pub fn use_quote(draft: OrderDraft) -> Memo<Option<Result<Quote, DomainError>>> {
    let account = use_account();
    let i18n = use_i18n();
    Memo::new(move |_| {
        let (capacity, quantity, cycle) = draft.order(i18n.get_locale())?;
        account.with(|a| {
            let a = a.as_ref()?;
            Some(a.quote_large_meetings(capacity, quantity, cycle, today()))
        })
    })
}

/// Asks to check the order's fields.
pub fn check_order_message() -> Message {
    Message::new(|l| td_string!(l, billing.order.check_order).to_string())
}

/// Why a quote was refused, as a message.
pub fn quote_error_message(error: DomainError) -> Message {
    domain_message(error)
}

/// Places the draft order; returns the confirmation to show.
pub fn place_order(state: AppState, draft: OrderDraft, locale: Locale) -> Result<Message, Message> {
    let Some((capacity, quantity, cycle)) = draft.order(locale) else {
        draft.checked.set(true);
        return Err(check_order_message());
    };
    let outcome = state
        .dispatch(Command::PurchaseLargeMeetings {
            capacity,
            quantity,
            cycle,
        })
        .map_err(|e| Message::new(move |l| messages::action_error(l, &e)))?;
    // The amount of the order just placed, as the domain returned it.
    let amount = outcome.order.map(|o| o.amount_due);
    let n = quantity.get();
    Ok(Message::new(move |l| {
        let count = format::count_in(l, n);
        let participants = format::participants_in(l, capacity);
        let cycle = match cycle {
            BillingCycle::Monthly => td_string!(l, billing.cycle_in_sentence.monthly),
            BillingCycle::Annual => td_string!(l, billing.cycle_in_sentence.annual),
        };
        let amount = amount.map(|m| format::money_in(l, m)).unwrap_or_default();
        if n == 1 {
            td_string!(
                l,
                billing.order.placed_one,
                count = count,
                participants = participants,
                cycle = cycle,
                amount = amount
            )
        } else {
            td_string!(
                l,
                billing.order.placed_many,
                count = count,
                participants = participants,
                cycle = cycle,
                amount = amount
            )
        }
    }))
}

/// Capacity, Number of licenses and Billing cycle, validated as typed.
#[component]
pub fn OrderFields(draft: OrderDraft) -> impl IntoView {
    let account = use_account();
    let i18n = use_i18n();
    let show = move || draft.checked.get();
    let capacity_error = move || {
        show()
            .then(|| draft.capacity_error(i18n.get_locale()))
            .flatten()
    };
    let quantity_error = move || {
        show()
            .then(|| draft.quantity_error(i18n.get_locale()))
            .flatten()
    };
    let on_capacity = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let capacity = value
            .parse()
            .ok()
            .and_then(|n| Capacity::from_participants(n).ok());
        draft.capacity.set(capacity);
        // More licenses of an owned capacity join its line on the line's cycle.
        if let Some(cycle) = capacity
            .and_then(|c| account.with_untracked(|a| a.as_ref()?.line(c).map(|l| l.term.cycle)))
        {
            draft.cycle.set(cycle);
        }
    };
    let on_cycle = move |ev: leptos::ev::Event| {
        let cycle = if event_target_value(&ev) == "Annual" {
            BillingCycle::Annual
        } else {
            BillingCycle::Monthly
        };
        draft.cycle.set(cycle);
    };
    view! {
        <div class="field">
            <label for="order-capacity">{t!(i18n, billing.order.capacity)}</label>
            <select
                id="order-capacity"
                on:change=on_capacity
                aria-invalid=move || capacity_error().is_some().to_string()
                aria-describedby="order-capacity-error"
                prop:value=move || draft.capacity.get().map(|c| c.participants().to_string()).unwrap_or_default()
            >
                <option value="">{t!(i18n, billing.order.choose_capacity)}</option>
                {Capacity::ALL
                    .into_iter()
                    .map(|c| {
                        view! {
                            <option value=c.participants().to_string()>
                                {move || {
                                    let l = i18n.get_locale();
                                    td_string!(
                                        l,
                                        billing.order.capacity_option,
                                        participants = format::participants_in(l, c),
                                        price = format::money_in(l, large_meetings_monthly(c))
                                    )
                                }}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p id="order-capacity-error" class="field-error">{capacity_error}</p>
        </div>
        <div class="field">
            <label for="order-quantity">{t!(i18n, billing.order.number_of_licenses)}</label>
            <input
                id="order-quantity"
                type="text"
                inputmode="numeric"
                autocomplete="off"
                bind:value=draft.quantity
                aria-invalid=move || quantity_error().is_some().to_string()
                aria-describedby="order-quantity-error order-quantity-help"
            />
            <p id="order-quantity-help" class="field-help">
                {t!(i18n, billing.order.quantity_help)}
            </p>
            <p id="order-quantity-error" class="field-error">{quantity_error}</p>
        </div>
        <div class="field">
            <label for="order-cycle">{t!(i18n, billing.order.billing_cycle)}</label>
            <select
                id="order-cycle"
                on:change=on_cycle
                prop:value=move || draft.cycle.get().as_str()
                aria-describedby="order-cycle-help"
            >
                <option value="Monthly">{t!(i18n, billing.cycle.monthly)}</option>
                <option value="Annual">{t!(i18n, billing.cycle.annual)}</option>
            </select>
            <p id="order-cycle-help" class="field-help">{t!(i18n, billing.order.annual_help)}</p>
        </div>
    }
}

/// The live price of the draft order.
#[component]
pub fn PriceSummary(draft: OrderDraft) -> impl IntoView {
    let quote = use_quote(draft);
    let i18n = use_i18n();
    view! {
        <section class="summary" aria-labelledby="summary-title" aria-live="polite">
            <h4 id="summary-title">{t!(i18n, billing.summary.title)}</h4>
            {move || {
                let l = i18n.get_locale();
                match quote.get() {
                None => view! { <p>{td_string!(l, billing.summary.empty)}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="form-error">{messages::domain_error(l, &e)}</p> }.into_any(),
                Some(Ok(q)) => {
                    let capacity = match q.item {
                        OrderItem::LargeMeetings { capacity, .. } => format::participants_in(l, capacity),
                        OrderItem::BaseSeats { .. } => String::new(),
                    };
                    let per_license = format::money_in(l, q.per_license);
                    let (price_per_license, total_per) = match q.cycle {
                        BillingCycle::Monthly => (
                            td_string!(l, billing.summary.per_month, price = per_license),
                            td_string!(l, billing.summary.total_per_month),
                        ),
                        BillingCycle::Annual => (
                            td_string!(l, billing.summary.per_year, price = per_license),
                            td_string!(l, billing.summary.total_per_year),
                        ),
                    };
                    let prorated = q.prorated.then(|| {
                        let existing = q.quantity_after - q.quantity.get();
                        let count = format::count_in(l, existing);
                        if existing == 1 {
                            td_string!(l, billing.summary.prorated_one, count = count)
                        } else {
                            td_string!(l, billing.summary.prorated_many, count = count)
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
                            <dd>{cycle_label(l, q.cycle)}</dd>
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
                        .into_any()
                }
                }
            }}
            <p class="field-help">{t!(i18n, billing.demo_price_notice)}</p>
        </section>
    }
}

/// Every order placed, newest first.
#[component]
pub fn OrderHistory(
    /// The table's caption ("Payment History" or "Invoice History"), in
    /// the chosen language.
    caption: Signal<&'static str>,
) -> impl IntoView {
    let account = use_account();
    let i18n = use_i18n();
    let rows = move || {
        let l = i18n.get_locale();
        account.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.order_history()
                        .into_iter()
                        .map(|o| {
                            let item = match &o.item {
                                OrderItem::LargeMeetings {
                                    capacity,
                                    added_to_line,
                                } => {
                                    if *added_to_line {
                                        td_string!(
                                            l,
                                            billing.history.large_meetings_added,
                                            count = format::count_in(l, capacity.participants())
                                        )
                                    } else {
                                        line_name(l, *capacity)
                                    }
                                }
                                OrderItem::BaseSeats { plan } => {
                                    td_string!(l, billing.history.base_seats, plan = plan)
                                }
                            };
                            (
                                format::date_time_in(l, o.placed_at),
                                item,
                                format::count_in(l, o.quantity.get()),
                                cycle_label(l, o.cycle),
                                format::money_in(l, o.amount_due),
                                o.placed_by_email.to_string(),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        {move || {
            let rows = rows();
            let l = i18n.get_locale();
            if rows.is_empty() {
                return view! { <p>{td_string!(l, billing.history.empty)}</p> }.into_any();
            }
            view! {
                <TableScroll label=td_string!(l, billing.history.label)>
                <table class="table">
                    <caption class="visually-hidden">{move || caption.get()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(l, billing.history.date)}</th>
                            <th scope="col">{td_string!(l, billing.history.item)}</th>
                            <th scope="col">{td_string!(l, billing.history.quantity)}</th>
                            <th scope="col">{td_string!(l, billing.history.billing_cycle)}</th>
                            <th scope="col">{td_string!(l, billing.history.amount)}</th>
                            <th scope="col">{td_string!(l, billing.history.placed_by)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|(date, item, quantity, cycle, amount, by)| {
                                view! {
                                    <tr>
                                        <td>{date}</td>
                                        <td>{item}</td>
                                        <td>{quantity}</td>
                                        <td>{cycle}</td>
                                        <td>{amount}</td>
                                        <td>{by}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
                </TableScroll>
            }
                .into_any()
        }}
    }
}
