//! What an account buys: Large Meetings subscription lines and orders.

use crate::{
    BillingCycle, BillingPortal, Capacity, Day, Email, Money, Quantity, Timestamp, UserId,
};
use serde::Serialize;

/// What happens to a line at its renewal date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum LineStatus {
    Active,
    /// The quantity drops to `to` at renewal.
    PendingDowngrade {
        to: u32,
    },
    /// The line ends at renewal.
    PendingCancellation,
}

impl LineStatus {
    pub const fn as_str(self) -> &'static str {
        match self {
            LineStatus::Active => "Active",
            LineStatus::PendingDowngrade { .. } => "Pending Downgrade",
            LineStatus::PendingCancellation => "Pending Cancellation",
        }
    }
}

/// A billing period that repeats every `cycle` from `started_on`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Term {
    pub cycle: BillingCycle,
    pub started_on: Day,
    /// Periods begun so far (1 during the first period).
    pub periods: u32,
}

impl Term {
    pub fn start(cycle: BillingCycle, today: Day) -> Self {
        Self {
            cycle,
            started_on: today,
            periods: 1,
        }
    }

    /// The day the current period ends and the next is billed.
    pub fn renews_on(&self) -> Day {
        self.started_on
            .add_months(self.periods.saturating_mul(self.cycle.months()))
    }

    /// The day the current period began.
    pub fn period_start(&self) -> Day {
        self.started_on
            .add_months((self.periods - 1).saturating_mul(self.cycle.months()))
    }

    /// The share of a full period's price owed for the rest of the current
    /// period, counted in days.
    pub fn prorate(&self, full_period: Money, today: Day) -> Money {
        let end = self.renews_on();
        full_period.prorate(
            today.days_until(end) as i64,
            self.period_start().days_until(end) as i64,
        )
    }
}

/// One Large Meetings subscription line; an account has at most one per capacity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LargeMeetingsLine {
    pub capacity: Capacity,
    pub quantity: u32,
    pub term: Term,
    pub status: LineStatus,
}

impl LargeMeetingsLine {
    /// The quantity that stays after the pending change, if any.
    pub fn quantity_after_renewal(&self) -> u32 {
        match self.status {
            LineStatus::Active => self.quantity,
            LineStatus::PendingDowngrade { to } => to,
            LineStatus::PendingCancellation => 0,
        }
    }

    pub fn per_license(&self) -> Money {
        self.term
            .cycle
            .price(crate::catalog::large_meetings_monthly(self.capacity))
    }

    /// What the next renewal costs, after any pending change.
    pub fn renewal_amount(&self) -> Money {
        self.per_license()
            .checked_mul(self.quantity_after_renewal())
            .unwrap_or(Money::ZERO)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct OrderId(pub u32);

/// What one order bought.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum OrderItem {
    LargeMeetings {
        capacity: Capacity,
        /// Whether the licenses joined an existing line (prorated).
        added_to_line: bool,
    },
    BaseSeats {
        plan: String,
    },
}

/// A placed order, kept for Payment History / Invoice History.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Order {
    pub id: OrderId,
    pub placed_at: Timestamp,
    pub placed_by: UserId,
    pub placed_by_email: Email,
    pub portal: BillingPortal,
    pub item: OrderItem,
    pub quantity: Quantity,
    pub cycle: BillingCycle,
    pub per_license: Money,
    pub amount_due: Money,
    pub next_renewal: Day,
}

/// The price of an order before it is placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub item: OrderItem,
    pub quantity: Quantity,
    pub cycle: BillingCycle,
    /// One license for one full cycle.
    pub per_license: Money,
    /// All the ordered licenses for one full cycle.
    pub total_per_cycle: Money,
    /// Charged now: the full cycle for a new line, the rest of the current
    /// period for licenses added to an existing line.
    pub due_today: Money,
    pub prorated: bool,
    pub next_renewal: Day,
    /// The line's (or base plan's) quantity after the order.
    pub quantity_after: u32,
}

crate::json_enum!(LineStatus {
    Active,
    PendingDowngrade { to },
    PendingCancellation,
});

crate::json_struct!(Term {
    cycle,
    started_on,
    periods
});

crate::json_struct!(LargeMeetingsLine {
    capacity,
    quantity,
    term,
    status
});

crate::json_transparent!(OrderId);

crate::json_enum!(OrderItem {
    LargeMeetings { capacity, added_to_line },
    BaseSeats { plan },
});

crate::json_struct!(Order {
    id,
    placed_at,
    placed_by,
    placed_by_email,
    portal,
    item,
    quantity,
    cycle,
    per_license,
    amount_due,
    next_renewal
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_renews_each_cycle_from_its_start() {
        let start = Day::from_ymd(2026, 1, 31).unwrap();
        let mut term = Term::start(BillingCycle::Monthly, start);
        assert_eq!(term.renews_on(), Day::from_ymd(2026, 2, 28).unwrap());
        term.periods = 2;
        assert_eq!(term.period_start(), Day::from_ymd(2026, 2, 28).unwrap());
        assert_eq!(
            term.renews_on(),
            Day::from_ymd(2026, 3, 31).unwrap(),
            "no drift"
        );
        let annual = Term::start(BillingCycle::Annual, start);
        assert_eq!(annual.renews_on(), Day::from_ymd(2027, 1, 31).unwrap());
    }

    #[test]
    fn proration_counts_the_days_left_in_the_period() {
        let start = Day::from_ymd(2026, 4, 1).unwrap(); // April has 30 days
        let term = Term::start(BillingCycle::Monthly, start);
        let full = Money::from_cents(9_000);
        assert_eq!(term.prorate(full, start), full);
        assert_eq!(
            term.prorate(full, start.add_days(15)),
            Money::from_cents(4_500)
        );
        assert_eq!(
            term.prorate(full, start.add_days(29)),
            Money::from_cents(300)
        );
    }
}
