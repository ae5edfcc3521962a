//! A billing page's feedback: what was just done (a [`BillingNotice`]) in
//! its status region, and why something was not done (a [`Refusal`]) in
//! its alert region. Both are kept as data and worded when shown, so a
//! language switch re-words them.

use crate::format;
use crate::i18n::*;
use crate::state::ActionError;
use crate::ui::labels::line_name;
use crate::ui::messages::{self, Counted, Wording};
use leptos::html;
use leptos::prelude::*;
use portal_domain::billing::OrderItem;
use portal_domain::{
    BillingCycle, Capacity, Day, DomainError, Order, QuantityError, WholeNumberError,
};

/// What a billing action did, confirmed in the status region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BillingNotice {
    /// Zoom Workplace seats were added to the base plan.
    SeatsAdded { count: u32 },
    /// A Large Meetings order was placed (its amount as the domain charged it).
    OrderPlaced(Box<Order>),
    /// A line will go down to `to` licenses at renewal.
    ReductionScheduled { capacity: Capacity, to: u32 },
    /// A line will end at renewal (`ends`).
    CancellationScheduled { capacity: Capacity, ends: Day },
    /// A scheduled reduction or cancellation was undone.
    Unchanged { capacity: Capacity },
}

/// Why a billing action was not done, said in the alert region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The domain refused, or the session ended.
    Action(ActionError),
    /// The number of seats or licenses typed (`typed`) is not one.
    Quantity {
        error: QuantityError,
        typed: String,
        counted: Counted,
    },
    /// The new number of licenses typed to reduce a line is not a number.
    NewQuantity {
        error: WholeNumberError,
        typed: String,
    },
    /// The order's fields need checking.
    CheckOrder,
}

impl From<ActionError> for Refusal {
    fn from(error: ActionError) -> Self {
        Self::Action(error)
    }
}

impl From<DomainError> for Refusal {
    fn from(error: DomainError) -> Self {
        Self::Action(error.into())
    }
}

impl Wording for Refusal {
    // Shown by the page and by a line's card: one copy of the wording.
    #[inline(never)]
    fn words(&self, locale: Locale) -> String {
        match self {
            Self::Action(e) => e.words(locale),
            Self::Quantity {
                error,
                typed,
                counted,
            } => messages::quantity_error(locale, error, typed, *counted),
            Self::NewQuantity { error, typed } => {
                messages::new_quantity_error(locale, error, typed)
            }
            Self::CheckOrder => td_string!(locale, billing.order.check_order).to_string(),
        }
    }
}

impl Wording for BillingNotice {
    fn words(&self, l: Locale) -> String {
        match self {
            Self::SeatsAdded { count } => {
                let n = format::count_in(l, *count);
                if *count == 1 {
                    crate::ui::messages::fill(
                        td_string!(l, billing.base.ordered_one),
                        &[("count", &n)],
                    )
                } else {
                    crate::ui::messages::fill(
                        td_string!(l, billing.base.ordered_many),
                        &[("count", &n)],
                    )
                }
            }
            Self::OrderPlaced(order) => order_placed(l, order),
            Self::ReductionScheduled { capacity, to } => {
                let name = line_name(l, *capacity);
                let count = format::count_in(l, *to);
                if *to == 1 {
                    crate::ui::messages::fill(
                        td_string!(l, billing.line.reduced_one),
                        &[("name", &name), ("count", &count)],
                    )
                } else {
                    crate::ui::messages::fill(
                        td_string!(l, billing.line.reduced_many),
                        &[("name", &name), ("count", &count)],
                    )
                }
            }
            Self::CancellationScheduled { capacity, ends } => crate::ui::messages::fill(
                td_string!(l, billing.line.cancelled),
                &[
                    ("name", &line_name(l, *capacity)),
                    ("date", &format::day_in(l, *ends)),
                ],
            ),
            Self::Unchanged { capacity } => crate::ui::messages::fill(
                td_string!(l, billing.line.unchanged),
                &[("name", &line_name(l, *capacity))],
            ),
        }
    }
}

/// "Order placed: 1 Large Meetings 1,000 participants license, monthly,
/// $90.00 due today."
fn order_placed(l: Locale, order: &Order) -> String {
    let n = order.quantity.get();
    let count = format::count_in(l, n);
    let participants = match order.item {
        OrderItem::LargeMeetings { capacity, .. } => format::participants_in(l, capacity),
        OrderItem::BaseSeats { .. } => String::new(),
    };
    let cycle = match order.cycle {
        BillingCycle::Monthly => td_string!(l, billing.cycle_in_sentence.monthly),
        BillingCycle::Annual => td_string!(l, billing.cycle_in_sentence.annual),
    };
    let amount = format::money_in(l, order.amount_due);
    if n == 1 {
        crate::ui::messages::fill(
            td_string!(l, billing.order.placed_one),
            &[
                ("count", &count),
                ("participants", &participants),
                ("cycle", &cycle),
                ("amount", &amount),
            ],
        )
    } else {
        crate::ui::messages::fill(
            td_string!(l, billing.order.placed_many),
            &[
                ("count", &count),
                ("participants", &participants),
                ("cycle", &cycle),
                ("amount", &amount),
            ],
        )
    }
}

/// Page-level feedback: one status region and one alert region.
#[derive(Clone, Copy)]
pub struct Feedback {
    pub status: RwSignal<Option<BillingNotice>>,
    pub error: RwSignal<Option<Refusal>>,
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
    pub fn done(&self, notice: BillingNotice) {
        self.error.set(None);
        self.status.set(Some(notice));
        // After the message is rendered: an empty region is not displayed,
        // and what is not displayed cannot take focus.
        let region = self.region;
        request_animation_frame(move || {
            if let Some(region) = region.get_untracked() {
                let _ = region.focus();
            }
        });
    }

    pub fn failed(&self, refusal: impl Into<Refusal>) {
        self.status.set(None);
        self.error.set(Some(refusal.into()));
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
            {move || feedback.status.with(|n| n.as_ref().map(|n| n.words(i18n.get_locale())))}
        </p>
        {move || {
            feedback.error.with(|e| e.as_ref().map(|e| e.words(i18n.get_locale()))).map(|text| {
                view! { <p class="form-error" role="alert">{text}</p> }
            })
        }}
    }
}
