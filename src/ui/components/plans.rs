//! The billing parts both portals share: the plans an account has (with
//! what can be changed about them), the Large Meetings order fields with
//! their live price summary, and the order history.

use crate::format::{self, now};
use crate::state::{use_account, use_app, AppState};
use crate::ui::components::table_scroll::TableScroll;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::billing::OrderItem;
use portal_domain::catalog::{large_meetings_monthly, DEMO_PRICE_NOTICE};
use portal_domain::{Account, BillingCycle, Capacity, Command, Day, LineStatus, Quantity, Quote};

/// Page-level feedback: one status region and one alert region.
#[derive(Clone, Copy)]
pub struct Feedback {
    pub status: RwSignal<Option<String>>,
    pub error: RwSignal<Option<String>>,
}

impl Feedback {
    pub fn new() -> Self {
        Self {
            status: RwSignal::new(None),
            error: RwSignal::new(None),
        }
    }

    /// Clears both regions.
    pub fn clear(&self) {
        self.status.set(None);
        self.error.set(None);
    }

    pub fn done(&self, message: String) {
        self.error.set(None);
        self.status.set(Some(message));
    }

    pub fn failed(&self, message: String) {
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
    view! {
        <p class="form-status" role="status">{move || feedback.status.get()}</p>
        {move || {
            feedback.error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })
        }}
    }
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
    view! {
        <div class="plans">
            <BasePlanCard feedback />
            <For each=capacities key=|c| *c let:capacity>
                <LineCard capacity feedback on_add_licenses />
            </For>
        </div>
        <p class="page__hint">
            "Large Meetings licenses are assigned to users in "
            <A href="/users">"User Management > Users"</A> "."
        </p>
    }
}

/// The base plan with its seats, and buying more seats.
#[component]
fn BasePlanCard(feedback: Feedback) -> impl IntoView {
    let state = use_app();
    let account = use_account();
    let (adding, set_adding) = signal(false);
    let seats_text = RwSignal::new("1".to_string());
    let parsed = Memo::new(move |_| Quantity::parse(&seats_text.get()));
    let quote = Memo::new(move |_| {
        let quantity = parsed.get().ok()?;
        account.with(|a| a.as_ref()?.quote_base_seats(quantity, today()).ok())
    });
    let fact = move |f: fn(&Account) -> String| move || account.with(|a| a.as_ref().map(f));
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let quantity = match parsed.get_untracked() {
            Ok(q) => q,
            Err(e) => return feedback.failed(e.to_string()),
        };
        match state.dispatch(Command::AddBaseSeats { quantity }) {
            Ok(_) => {
                set_adding.set(false);
                seats_text.set("1".into());
                feedback.done(format!(
                    "Order placed: {} more Zoom Workplace seats.",
                    format::count(quantity.get())
                ));
            }
            Err(e) => feedback.failed(e.to_string()),
        }
    };
    view! {
        <article class="card" aria-labelledby="base-plan-title">
            <h3 id="base-plan-title">{fact(|a| a.base_plan.name.clone())}</h3>
            <dl class="facts">
                <dt>"Seats"</dt>
                <dd>{fact(|a| format::count(a.base_plan.seats))}</dd>
                <dt>"In use"</dt>
                <dd>{fact(|a| format::count(a.seats_in_use()))}</dd>
                <dt>"Available"</dt>
                <dd>{fact(|a| format::count(a.seats_available()))}</dd>
                <dt>"Meeting capacity"</dt>
                <dd>{fact(|a| format!("{} participants", format::count(a.base_plan.meeting_capacity)))}</dd>
                <dt>"Billing cycle"</dt>
                <dd>{fact(|a| a.base_plan.term.cycle.as_str().to_string())}</dd>
                <dt>"Renews on"</dt>
                <dd>{fact(|a| format::day(a.base_plan.term.renews_on()))}</dd>
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
                            "Add seats"
                        </button>
                    }
                }
            >
                <form class="inline-form" on:submit=on_submit novalidate>
                    <div class="field">
                        <label for="base-seats">"Number of seats"</label>
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
                            {move || match parsed.get() {
                                Err(e) => e.to_string(),
                                Ok(_) => {
                                    quote
                                        .get()
                                        .map(|q| {
                                            format!(
                                                "{} due today (prorated to {}), then {} per {}.",
                                                format::money(q.due_today),
                                                format::day(q.next_renewal),
                                                format::money(q.total_per_cycle),
                                                cycle_noun(q.cycle),
                                            )
                                        })
                                        .unwrap_or_default()
                                }
                            }}
                        </p>
                    </div>
                    <button type="submit" class="button button--primary">"Buy seats"</button>
                    <button type="button" class="button" on:click=move |_| set_adding.set(false)>
                        "Close"
                    </button>
                </form>
            </Show>
        </article>
    }
}

fn cycle_noun(cycle: BillingCycle) -> &'static str {
    match cycle {
        BillingCycle::Monthly => "month",
        BillingCycle::Annual => "year",
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
    let line = Memo::new(move |_| account.with(|a| a.as_ref()?.line(capacity).cloned()));
    let seats = Memo::new(move |_| {
        account.with(|a| a.as_ref().map(|a| a.seats(capacity)).unwrap_or_default())
    });
    let (action, set_action) = signal(LineAction::None);
    let reduce_text = RwSignal::new(String::new());
    let title_id = format!("line-{}-title", capacity.participants());
    let labelled_by = title_id.clone();
    let name = format!("Large Meetings {}", format::participants(capacity));
    let run = move |command: Command, done: String| match state.dispatch(command) {
        Ok(_) => {
            set_action.set(LineAction::None);
            feedback.done(done);
        }
        Err(e) => feedback.failed(e.to_string()),
    };
    let status = move || {
        line.get().map(|l| match l.status {
            LineStatus::Active => "Active".to_string(),
            LineStatus::PendingDowngrade { to } => format!(
                "Pending Downgrade: {} licenses from {}",
                format::count(to),
                format::day(l.term.renews_on())
            ),
            LineStatus::PendingCancellation => {
                format!(
                    "Pending Cancellation: ends on {}",
                    format::day(l.term.renews_on())
                )
            }
        })
    };
    let fact = move |f: fn(&portal_domain::LargeMeetingsLine) -> String| {
        move || line.with(|l| l.as_ref().map(f))
    };
    let on_reduce = {
        let name = name.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            // Whole numbers go to the domain, which says what is allowed.
            let to = match reduce_text.get_untracked().trim().parse::<u32>() {
                Ok(n) => n,
                Err(_) => {
                    return feedback.failed(
                        "Enter the new number of licenses as a whole number, such as 3.".into(),
                    )
                }
            };
            run(
                Command::ReduceLine { capacity, to },
                format!(
                    "{name} will be reduced to {} licenses at renewal.",
                    format::count(to)
                ),
            );
        }
    };
    let name_for_cancel = name.clone();
    let name_for_undo = name.clone();
    view! {
        <article class="card card--addon" aria-labelledby=labelled_by>
            <h3 id=title_id>{name.clone()}</h3>
            <dl class="facts">
                <dt>"Capacity"</dt>
                <dd>{format::participants(capacity)}</dd>
                <dt>"Licenses"</dt>
                <dd>{fact(|l| format::count(l.quantity))}</dd>
                <dt>"Assigned"</dt>
                <dd>{move || format::count(seats.get().assigned)}</dd>
                <dt>"Available"</dt>
                <dd>{move || format::count(seats.get().available())}</dd>
                <dt>"Billing cycle"</dt>
                <dd>{fact(|l| l.term.cycle.as_str().to_string())}</dd>
                <dt>"Renews on"</dt>
                <dd>{fact(|l| format::day(l.term.renews_on()))}</dd>
                <dt>"Renewal amount"</dt>
                <dd>{fact(|l| format::money(l.renewal_amount()))}</dd>
                <dt>"Status"</dt>
                <dd>{status}</dd>
            </dl>
            {move || {
                let pending = line.with(|l| l.as_ref().is_some_and(|l| l.status != LineStatus::Active));
                let name_for_cancel = name_for_cancel.clone();
                let name_for_undo = name_for_undo.clone();
                let on_reduce = on_reduce.clone();
                match (pending, action.get()) {
                    (true, _) => {
                        let undo_label = line.with(|l| match l.as_ref().map(|l| l.status) {
                            Some(LineStatus::PendingCancellation) => "Undo cancellation",
                            _ => "Undo reduction",
                        });
                        view! {
                            <div class="card__actions">
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| {
                                        run(
                                            Command::UndoPendingChange { capacity },
                                            format!("{name_for_undo} continues unchanged."),
                                        )
                                    }
                                >
                                    {undo_label}
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
                                        on_add_licenses.run(capacity)
                                    }
                                >
                                    "Add licenses"
                                </button>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| {
                                        reduce_text.set(String::new());
                                        set_action.set(LineAction::Reduce)
                                    }
                                >
                                    "Reduce"
                                </button>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| set_action.set(LineAction::Cancel)
                                >
                                    "Cancel subscription"
                                </button>
                            </div>
                        }
                            .into_any()
                    }
                    (false, LineAction::Reduce) => {
                        let input_id = format!("reduce-{}", capacity.participants());
                        view! {
                            <form class="inline-form" on:submit=on_reduce novalidate>
                                <div class="field">
                                    <label for=input_id.clone()>"New number of licenses"</label>
                                    <input id=input_id type="text" inputmode="numeric" autocomplete="off" bind:value=reduce_text />
                                    <p class="field-help">
                                        {move || format!(
                                            "Takes effect at renewal. At least {} (assigned now).",
                                            format::count(seats.get().assigned.max(1))
                                        )}
                                    </p>
                                </div>
                                <button type="submit" class="button button--primary">"Schedule reduction"</button>
                                <button type="button" class="button" on:click=move |_| set_action.set(LineAction::None)>
                                    "Close"
                                </button>
                            </form>
                        }
                            .into_any()
                    }
                    (false, LineAction::Cancel) => {
                        let ends = line.with(|l| l.as_ref().map(|l| format::day(l.term.renews_on())).unwrap_or_default());
                        view! {
                            <div class="confirm" role="group" aria-label="Confirm cancellation">
                                <p>{format!("{name_for_cancel} ends on {ends}. Until then it works as before.")}</p>
                                <button
                                    type="button"
                                    class="button button--danger"
                                    on:click=move |_| {
                                        run(
                                            Command::CancelLine { capacity },
                                            format!("{name_for_cancel} will end on {ends}."),
                                        )
                                    }
                                >
                                    "Confirm cancellation"
                                </button>
                                <button type="button" class="button" on:click=move |_| set_action.set(LineAction::None)>
                                    "Keep subscription"
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

    pub fn capacity_error(&self) -> Option<&'static str> {
        self.capacity
            .get()
            .is_none()
            .then_some("Choose a capacity: 500, 1,000, 3,000 or 5,000 participants.")
    }

    pub fn quantity_error(&self) -> Option<String> {
        Quantity::parse(&self.quantity.get())
            .err()
            .map(|e| e.to_string())
    }

    /// The order, if every field is valid.
    pub fn order(&self) -> Option<(Capacity, Quantity, BillingCycle)> {
        Some((
            self.capacity.get()?,
            Quantity::parse(&self.quantity.get()).ok()?,
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
pub fn use_quote(draft: OrderDraft) -> Memo<Option<Result<Quote, String>>> {
    let account = use_account();
    Memo::new(move |_| {
        let (capacity, quantity, cycle) = draft.order()?;
        account.with(|a| {
            let a = a.as_ref()?;
            Some(
                a.quote_large_meetings(capacity, quantity, cycle, today())
                    .map_err(|e| e.to_string()),
            )
        })
    })
}

/// Places the draft order; returns the confirmation to show.
pub fn place_order(state: AppState, draft: OrderDraft) -> Result<String, String> {
    let Some((capacity, quantity, cycle)) = draft.order() else {
        draft.checked.set(true);
        return Err("Check the order: some fields need attention.".into());
    };
    let outcome = state
        .dispatch(Command::PurchaseLargeMeetings {
            capacity,
            quantity,
            cycle,
        })
        .map_err(|e| e.to_string())?;
    let amount = state.portal.with_untracked(|p| {
        p.accounts
            .iter()
            .flat_map(|a| &a.orders)
            .find(|o| Some(o.id) == outcome.order)
            .map(|o| format::money(o.amount_due))
            .unwrap_or_default()
    });
    Ok(format!(
        "Order placed: {} Large Meetings {} license(s), {}, {} due today.",
        format::count(quantity.get()),
        format::participants(capacity),
        cycle.as_str().to_lowercase(),
        amount
    ))
}

/// Capacity, Number of licenses and Billing cycle, validated as typed.
#[component]
pub fn OrderFields(draft: OrderDraft) -> impl IntoView {
    let account = use_account();
    let show = move || draft.checked.get();
    let capacity_error = move || show().then(|| draft.capacity_error()).flatten();
    let quantity_error = move || show().then(|| draft.quantity_error()).flatten();
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
            <label for="order-capacity">"Capacity"</label>
            <select
                id="order-capacity"
                on:change=on_capacity
                aria-invalid=move || capacity_error().is_some().to_string()
                aria-describedby="order-capacity-error"
                prop:value=move || draft.capacity.get().map(|c| c.participants().to_string()).unwrap_or_default()
            >
                <option value="">"Choose a capacity"</option>
                {Capacity::ALL
                    .into_iter()
                    .map(|c| {
                        view! {
                            <option value=c.participants().to_string()>
                                {format!(
                                    "{} — {} per license per month",
                                    format::participants(c),
                                    format::money(large_meetings_monthly(c)),
                                )}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p id="order-capacity-error" class="field-error">{capacity_error}</p>
        </div>
        <div class="field">
            <label for="order-quantity">"Number of licenses"</label>
            <input
                id="order-quantity"
                type="text"
                inputmode="numeric"
                autocomplete="off"
                bind:value=draft.quantity
                aria-invalid=move || quantity_error().is_some().to_string()
                aria-describedby="order-quantity-error order-quantity-help"
            />
            <p id="order-quantity-help" class="field-help">"A whole number from 1 to 9,999."</p>
            <p id="order-quantity-error" class="field-error">{quantity_error}</p>
        </div>
        <div class="field">
            <label for="order-cycle">"Billing cycle"</label>
            <select
                id="order-cycle"
                on:change=on_cycle
                prop:value=move || draft.cycle.get().as_str()
                aria-describedby="order-cycle-help"
            >
                <option value="Monthly">"Monthly"</option>
                <option value="Annual">"Annual"</option>
            </select>
            <p id="order-cycle-help" class="field-help">"Annual costs the same as 10 months."</p>
        </div>
    }
}

/// The live price of the draft order.
#[component]
pub fn PriceSummary(draft: OrderDraft) -> impl IntoView {
    let quote = use_quote(draft);
    view! {
        <section class="summary" aria-labelledby="summary-title" aria-live="polite">
            <h4 id="summary-title">"Order summary"</h4>
            {move || match quote.get() {
                None => view! { <p>"Choose a capacity and a number of licenses to see the price."</p> }.into_any(),
                Some(Err(message)) => view! { <p class="form-error">{message}</p> }.into_any(),
                Some(Ok(q)) => {
                    let capacity = match q.item {
                        OrderItem::LargeMeetings { capacity, .. } => format::participants(capacity),
                        OrderItem::BaseSeats { .. } => String::new(),
                    };
                    view! {
                        <dl class="facts">
                            <dt>"Product"</dt>
                            <dd>"Large Meetings"</dd>
                            <dt>"Capacity"</dt>
                            <dd>{capacity}</dd>
                            <dt>"Number of licenses"</dt>
                            <dd>{format::count(q.quantity.get())}</dd>
                            <dt>"Billing cycle"</dt>
                            <dd>{q.cycle.as_str()}</dd>
                            <dt>"Price per license"</dt>
                            <dd>{format!("{} per {}", format::money(q.per_license), cycle_noun(q.cycle))}</dd>
                            <dt>{format!("Total per {}", cycle_noun(q.cycle))}</dt>
                            <dd>{format::money(q.total_per_cycle)}</dd>
                            <dt>"Due today"</dt>
                            <dd>
                                {format::money(q.due_today)}
                                {q.prorated.then(|| format!(
                                    " (prorated: added to your existing line of {} for the rest of its period)",
                                    format::count(q.quantity_after - q.quantity.get())
                                ))}
                            </dd>
                            <dt>"Next renewal"</dt>
                            <dd>{format::day(q.next_renewal)}</dd>
                        </dl>
                    }
                        .into_any()
                }
            }}
            <p class="field-help">{DEMO_PRICE_NOTICE}</p>
        </section>
    }
}

/// Every order placed, newest first.
#[component]
pub fn OrderHistory(
    /// The table's caption ("Payment History" or "Invoice History").
    caption: &'static str,
) -> impl IntoView {
    let account = use_account();
    let rows = move || {
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
                                } => format!(
                                    "Large Meetings {}{}",
                                    format::participants(*capacity),
                                    if *added_to_line {
                                        " (added to existing line)"
                                    } else {
                                        ""
                                    }
                                ),
                                OrderItem::BaseSeats { plan } => format!("{plan} seats"),
                            };
                            (
                                crate::format::date_time(o.placed_at),
                                item,
                                format::count(o.quantity.get()),
                                o.cycle.as_str(),
                                format::money(o.amount_due),
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
            if rows.is_empty() {
                return view! { <p>"No orders yet."</p> }.into_any();
            }
            view! {
                <TableScroll label="Orders">
                <table class="table">
                    <caption class="visually-hidden">{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Date"</th>
                            <th scope="col">"Item"</th>
                            <th scope="col">"Quantity"</th>
                            <th scope="col">"Billing cycle"</th>
                            <th scope="col">"Amount"</th>
                            <th scope="col">"Placed by"</th>
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
