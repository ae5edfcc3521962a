//! License Usage's figures that need no meeting data: the renewals of the
//! months ahead (what each line will cost, by when it can still be
//! reduced or cancelled, and what its idle licenses cost) and the seat
//! alerts (capacities with no, or few, free licenses left).

use crate::{Account, Capacity, Day, Money};

/// The share of a capacity's licenses that must stay free before the
/// portal warns, unless the admin sets another.
pub const DEFAULT_ALERT_PERCENT: u32 = 10;

/// One renewal of a Large Meetings line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Renewal {
    pub capacity: Capacity,
    /// The day it is billed (the line renews at the start of that day).
    pub on: Day,
    /// Licenses renewed: the line's quantity after a pending reduction.
    pub licenses: u32,
    pub amount: Money,
    /// The last day a reduction or cancellation still applies to it.
    pub change_by: Day,
    /// Renewed licenses nobody holds today.
    pub idle: u32,
    /// What the renewal would cost less without the idle licenses.
    pub saving: Money,
}

/// Renewals and their sums over a period.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Forecast {
    /// By day, then capacity.
    pub renewals: Vec<Renewal>,
    pub total: Money,
    pub saving: Money,
}

/// A capacity whose free licenses are running out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeatAlert {
    pub capacity: Capacity,
    /// Licenses that can still be given.
    pub available: u32,
    /// Licenses users may hold (after a pending reduction).
    pub assignable: u32,
    /// Group members waiting for this capacity.
    pub waiting: u32,
}

impl Account {
    /// Every renewal of the account's Large Meetings lines after `today`
    /// and no later than `months` months from it, with their sums. A line
    /// being cancelled has none; a pending reduction applies from the first.
    pub fn renewals(&self, today: Day, months: u32) -> Forecast {
        let until = today.add_months(months);
        let mut renewals = Vec::new();
        for line in &self.large_meetings {
            let licenses = line.quantity_after_renewal();
            if licenses == 0 {
                continue;
            }
            let idle = licenses.saturating_sub(self.seats(line.capacity).assigned);
            let per_license = line.per_license();
            let cost = |n: u32| per_license.checked_mul(n).unwrap_or(Money::ZERO);
            let mut term = line.term;
            let mut last = None;
            loop {
                let on = term.renews_on();
                // (Past the calendar's end a term stops moving on.)
                if on > until || Some(on) == last {
                    break;
                }
                last = Some(on);
                if on > today {
                    renewals.push(Renewal {
                        capacity: line.capacity,
                        on,
                        licenses,
                        amount: cost(licenses),
                        change_by: on.add_days(-1),
                        idle,
                        saving: cost(idle),
                    });
                }
                term.periods += 1;
            }
        }
        crate::order::sort_by_key(&mut renewals, |r| {
            let day = crate::order::signed(today.days_until(r.on).into());
            crate::order::pair(day, r.capacity.participants().into())
        });
        let sum = |f: fn(&Renewal) -> Money| {
            (renewals.iter()).fold(Money::ZERO, |sum, r| sum.checked_add(f(r)).unwrap_or(sum))
        };
        Forecast {
            total: sum(|r| r.amount),
            saving: sum(|r| r.saving),
            renewals,
        }
    }

    /// The capacities owned with no free license left, or fewer free than
    /// `percent` of those users may hold, smallest capacity first; a line
    /// being cancelled is left out (its end was chosen).
    pub fn seat_alerts(&self, percent: u32) -> Vec<SeatAlert> {
        let mut alerts = Vec::new();
        for line in &self.large_meetings {
            if line.status == crate::LineStatus::PendingCancellation {
                continue;
            }
            let seats = self.seats(line.capacity);
            let available = seats.available();
            let few = u64::from(available) * 100 < u64::from(seats.assignable) * u64::from(percent);
            if available == 0 || few {
                alerts.push(SeatAlert {
                    capacity: line.capacity,
                    available,
                    assignable: seats.assignable,
                    waiting: self.waiting_for(line.capacity),
                });
            }
        }
        alerts
    }
}
