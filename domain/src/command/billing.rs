//! Billing: buying Large Meetings and Zoom Workplace seats, reducing,
//! cancelling and undoing a line's change at renewal, and the renewals
//! themselves.

use super::Log;
use crate::audit::{AuditAction, AuditEntry, AuditTarget};
use crate::billing::{LargeMeetingsLine, LineStatus, Order, OrderId, OrderItem, Quote, Term};
use crate::catalog::{base_seat_monthly, large_meetings_monthly};
use crate::{Account, BillingCycle, Capacity, Day, DomainError, Quantity, Timestamp, User};

const MAX_LINE_QUANTITY: u32 = 1_000_000;

impl Account {
    /// Prices an order of Large Meetings licenses without placing it.
    pub fn quote_large_meetings(
        &self,
        capacity: Capacity,
        quantity: Quantity,
        cycle: BillingCycle,
        today: Day,
    ) -> Result<Quote, DomainError> {
        let per_license = cycle.price(large_meetings_monthly(capacity));
        let total = per_license
            .checked_mul(quantity.get())
            .map_err(|_| DomainError::TooMany)?;
        let item = |added_to_line| OrderItem::LargeMeetings {
            capacity,
            added_to_line,
        };
        match self.line(capacity) {
            None => Ok(Quote {
                item: item(false),
                quantity,
                cycle,
                per_license,
                total_per_cycle: total,
                due_today: total,
                prorated: false,
                next_renewal: Term::start(cycle, today).renews_on(),
                quantity_after: quantity.get(),
            }),
            Some(line) if line.term.cycle != cycle => Err(DomainError::CycleMismatch {
                capacity,
                cycle: line.term.cycle,
            }),
            Some(line) => {
                let after = line
                    .quantity
                    .checked_add(quantity.get())
                    .filter(|n| *n <= MAX_LINE_QUANTITY)
                    .ok_or(DomainError::TooMany)?;
                Ok(Quote {
                    item: item(true),
                    quantity,
                    cycle,
                    per_license,
                    total_per_cycle: total,
                    due_today: line.term.prorate(total, today),
                    prorated: true,
                    next_renewal: line.term.renews_on(),
                    quantity_after: after,
                })
            }
        }
    }

    /// Prices more Zoom Workplace seats, prorated to the base plan's renewal.
    pub fn quote_base_seats(&self, quantity: Quantity, today: Day) -> Result<Quote, DomainError> {
        let plan = &self.base_plan;
        let per_license = plan.term.cycle.price(base_seat_monthly(&plan.name));
        let total = per_license
            .checked_mul(quantity.get())
            .map_err(|_| DomainError::TooMany)?;
        let after = plan
            .seats
            .checked_add(quantity.get())
            .filter(|n| *n <= MAX_LINE_QUANTITY)
            .ok_or(DomainError::TooMany)?;
        Ok(Quote {
            item: OrderItem::BaseSeats {
                plan: plan.name.clone(),
            },
            quantity,
            cycle: plan.term.cycle,
            per_license,
            total_per_cycle: total,
            due_today: plan.term.prorate(total, today),
            prorated: true,
            next_renewal: plan.term.renews_on(),
            quantity_after: after,
        })
    }

    /// Buys Large Meetings licenses: a new line, or more on the line of
    /// that capacity.
    pub(super) fn purchase_large_meetings(
        &mut self,
        log: &mut Log,
        capacity: Capacity,
        quantity: Quantity,
        cycle: BillingCycle,
    ) -> Result<Order, DomainError> {
        let today = Day::of(log.at);
        let quote = self.quote_large_meetings(capacity, quantity, cycle, today)?;
        match self.line_mut(capacity) {
            Some(line) => line.quantity = quote.quantity_after,
            None => {
                self.large_meetings.push(LargeMeetingsLine {
                    capacity,
                    quantity: quantity.get(),
                    term: Term::start(cycle, today),
                    status: LineStatus::Active,
                });
                crate::order::sort_by_key(&mut self.large_meetings, |l| {
                    l.capacity.participants() as u128
                });
            }
        }
        log.push(
            AuditTarget::Line(capacity),
            AuditAction::LargeMeetingsPurchased {
                capacity,
                quantity: quantity.get(),
                cycle,
                amount: quote.due_today,
                added_to_line: quote.prorated,
            },
        );
        Ok(self.place_order(log.actor, log.at, quote))
    }

    /// Buys more Zoom Workplace seats for the base plan.
    pub(super) fn add_base_seats(
        &mut self,
        log: &mut Log,
        quantity: Quantity,
    ) -> Result<Order, DomainError> {
        let quote = self.quote_base_seats(quantity, Day::of(log.at))?;
        self.base_plan.seats = quote.quantity_after;
        log.push(
            AuditTarget::Named(self.base_plan.name.clone()),
            AuditAction::BaseSeatsPurchased {
                quantity: quantity.get(),
                amount: quote.due_today,
            },
        );
        Ok(self.place_order(log.actor, log.at, quote))
    }

    /// Lowers a line's quantity to `to` at its renewal date.
    pub(super) fn reduce_line(
        &mut self,
        log: &mut Log,
        capacity: Capacity,
        to: u32,
    ) -> Result<(), DomainError> {
        let line = self
            .line(capacity)
            .ok_or(DomainError::CapacityNotOwned { capacity })?;
        if to == 0 || to >= line.quantity {
            return Err(DomainError::NotAReduction {
                capacity,
                current: line.quantity,
            });
        }
        let assigned = self.seats(capacity).assigned;
        if to < assigned {
            return Err(DomainError::ReduceBelowAssigned {
                capacity,
                assigned,
                to,
            });
        }
        let (from, on) = (line.quantity, line.term.renews_on());
        if let Some(line) = self.line_mut(capacity) {
            line.status = LineStatus::PendingDowngrade { to };
        }
        log.push(
            AuditTarget::Line(capacity),
            AuditAction::ReductionScheduled {
                capacity,
                from,
                to,
                on,
            },
        );
        Ok(())
    }

    /// Ends a line at its renewal date.
    pub(super) fn cancel_line(
        &mut self,
        log: &mut Log,
        capacity: Capacity,
    ) -> Result<(), DomainError> {
        let line = self
            .line(capacity)
            .ok_or(DomainError::CapacityNotOwned { capacity })?;
        let on = line.term.renews_on();
        self.check_cancel_line(capacity)?;
        if let Some(line) = self.line_mut(capacity) {
            line.status = LineStatus::PendingCancellation;
        }
        log.push(
            AuditTarget::Line(capacity),
            AuditAction::CancellationScheduled { capacity, on },
        );
        Ok(())
    }

    /// Undoes a line's pending reduction or cancellation.
    pub(super) fn undo_pending_change(
        &mut self,
        log: &mut Log,
        capacity: Capacity,
    ) -> Result<(), DomainError> {
        let line = self
            .line_mut(capacity)
            .ok_or(DomainError::CapacityNotOwned { capacity })?;
        if line.status == LineStatus::Active {
            return Err(DomainError::NothingToUndo { capacity });
        }
        line.status = LineStatus::Active;
        log.push(
            AuditTarget::Line(capacity),
            AuditAction::PendingChangeUndone { capacity },
        );
        Ok(())
    }

    /// Applies what falls due on or before `now`: pending reductions and
    /// cancellations take effect and every term moves to its next period.
    pub fn renew_due(&mut self, now: Timestamp) -> Vec<AuditEntry> {
        let today = Day::of(now);
        let mut entries = Vec::new();
        let mut record =
            |target: AuditTarget, action| entries.push(AuditEntry::by_portal(now, target, action));
        while self.base_plan.term.renews_on() <= today {
            self.base_plan.term.periods += 1;
        }
        let mut ended = Vec::new();
        for line in &mut self.large_meetings {
            while line.term.renews_on() <= today {
                let capacity = line.capacity;
                match line.status {
                    LineStatus::PendingCancellation => {
                        record(
                            AuditTarget::Line(capacity),
                            AuditAction::LineEnded { capacity },
                        );
                        ended.push(capacity);
                        break;
                    }
                    LineStatus::PendingDowngrade { to } => line.quantity = to,
                    LineStatus::Active => {}
                }
                line.status = LineStatus::Active;
                line.term.periods += 1;
                record(
                    AuditTarget::Line(capacity),
                    AuditAction::LineRenewed {
                        capacity,
                        quantity: line.quantity,
                        amount: line.renewal_amount(),
                    },
                );
            }
        }
        self.large_meetings.retain(|l| !ended.contains(&l.capacity));
        // What the rules give follows the lines that ended or shrank.
        let settled = self.settle();
        for (target, action) in self.settled_entries(&settled) {
            record(target, action);
        }
        self.audit.extend(entries.iter().cloned());
        entries
    }

    /// Refuses cancelling the `capacity` line at renewal while users hold
    /// it. The line card asks this before it asks to confirm, so nobody
    /// confirms a cancellation that is then refused.
    pub fn check_cancel_line(&self, capacity: Capacity) -> Result<(), DomainError> {
        self.line(capacity)
            .ok_or(DomainError::CapacityNotOwned { capacity })?;
        if let Some(group) = self
            .groups
            .iter()
            .find(|g| g.rule.is_some_and(|r| r.capacity == capacity))
        {
            return Err(DomainError::CapacityInGroupRule {
                capacity,
                group: group.name.clone(),
            });
        }
        match self.seats(capacity).assigned {
            0 => Ok(()),
            assigned => Err(DomainError::CancelWhileAssigned { capacity, assigned }),
        }
    }

    fn place_order(&mut self, actor: &User, now: Timestamp, quote: Quote) -> Order {
        let id = OrderId(self.orders.iter().map(|o| o.id.0).max().unwrap_or(0) + 1);
        let order = Order {
            id,
            placed_at: now,
            placed_by: actor.id,
            placed_by_email: actor.email.clone(),
            portal: self.billing_portal,
            item: quote.item,
            quantity: quote.quantity,
            cycle: quote.cycle,
            per_license: quote.per_license,
            amount_due: quote.due_today,
            next_renewal: quote.next_renewal,
        };
        self.orders.push(order.clone());
        order
    }
}
