//! The Large Meetings order being filled in, its live price, and placing it.

use super::feedback::{BillingNotice, Refusal};
use crate::format::{self, now};
use crate::i18n::*;
use crate::state::SignedIn;
use crate::ui::messages::{self, Counted};
use leptos::prelude::*;
use portal_domain::{BillingCycle, Capacity, Command, Day, DomainError, Quantity, Quote};

pub(super) fn today() -> Day {
    Day::of(now())
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
    pub fn start(&self, who: SignedIn, capacity: Option<Capacity>) {
        self.capacity.set(capacity);
        self.quantity.set("1".to_string());
        self.cycle
            .set(line_cycle(who, capacity).unwrap_or(BillingCycle::Monthly));
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

/// The billing cycle of the account's line of `capacity`, if it has one:
/// more licenses of an owned capacity join its line on the line's cycle.
pub(super) fn line_cycle(who: SignedIn, capacity: Option<Capacity>) -> Option<BillingCycle> {
    let capacity = capacity?;
    who.with_untracked(|account, _| account.line(capacity).map(|l| l.term.cycle))
}

/// The price of the draft order for the signed-in account.
pub fn use_quote(who: SignedIn, draft: OrderDraft) -> Memo<Option<Result<Quote, DomainError>>> {
    let i18n = use_i18n();
    Memo::new(move |_| {
        let (capacity, quantity, cycle) = draft.order(i18n.get_locale())?;
        who.with(|account, _| {
            Some(account.quote_large_meetings(capacity, quantity, cycle, today()))
        })
    })
}

/// Places the draft order; returns the confirmation to show (none if the
/// domain placed no order, which a purchase always does).
pub fn place_order(
    who: SignedIn,
    draft: OrderDraft,
    locale: Locale,
) -> Result<Option<BillingNotice>, Refusal> {
    let Some((capacity, quantity, cycle)) = draft.order(locale) else {
        draft.checked.set(true);
        return Err(Refusal::CheckOrder);
    };
    let outcome = who.dispatch(Command::PurchaseLargeMeetings {
        capacity,
        quantity,
        cycle,
    })?;
    // The order just placed, with its amount as the domain charged it.
    Ok(outcome
        .order
        .map(|order| BillingNotice::OrderPlaced(Box::new(order))))
}
