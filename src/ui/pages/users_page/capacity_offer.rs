//! How an owned Large Meetings capacity is offered where one chooses it
//! (Edit User, Change Licenses) and summed up above the Users table: the
//! free seats it shows are exactly those Save accepts, and a capacity that
//! cannot be given says why (none left, being cancelled, reserved by a
//! reduction at renewal).

use crate::format;
use crate::i18n::*;
use portal_domain::{Account, Capacity, DomainError};

/// One capacity as a choice: its label and whether it can be chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapacityOffer {
    pub label: String,
    pub enabled: bool,
}

/// `capacity` as offered to a user who does (`holds_it`) or does not hold
/// it yet; one who holds it keeps it whatever the line's state.
pub fn capacity_offer(
    locale: Locale,
    account: &Account,
    capacity: Capacity,
    holds_it: bool,
) -> CapacityOffer {
    let participants = format::participants_in(locale, capacity);
    let available = account.seats(capacity).available();
    let free = |n: u32| {
        let count = format::count_in(locale, n);
        if n == 1 {
            crate::ui::messages::fill(
                td_string!(locale, users.capacity_available_one),
                &[("capacity", &&participants), ("available", &count)],
            )
        } else {
            crate::ui::messages::fill(
                td_string!(locale, users.capacity_available),
                &[("capacity", &&participants), ("available", &count)],
            )
        }
    };
    let Some(reason) = blocked_by(account, capacity, holds_it) else {
        return CapacityOffer {
            label: free(available),
            enabled: true,
        };
    };
    match reason {
        DomainError::LineEnding { ends_on, .. } => CapacityOffer {
            label: crate::ui::messages::fill(
                td_string!(locale, users.capacity_being_cancelled),
                &[
                    ("capacity", &&participants),
                    ("date", &format::day_in(locale, ends_on)),
                ],
            ),
            enabled: false,
        },
        DomainError::SeatsReserved { to, on, .. } => CapacityOffer {
            label: reduced(locale, &participants, to, on),
            enabled: false,
        },
        _ => CapacityOffer {
            label: crate::ui::messages::fill(
                td_string!(locale, users.edit.none_available),
                &[("capacity", &&participants)],
            ),
            enabled: false,
        },
    }
}

/// Whether `capacity` can be chosen for a user who does (`holds_it`) or
/// does not hold it yet: the same rule Save applies.
pub fn can_offer(account: &Account, capacity: Capacity, holds_it: bool) -> bool {
    blocked_by(account, capacity, holds_it).is_none()
}

/// Why `capacity` cannot be given to one more user, if it cannot; one who
/// holds it keeps it whatever the line's state.
fn blocked_by(account: &Account, capacity: Capacity, holds_it: bool) -> Option<DomainError> {
    if holds_it {
        None
    } else {
        account.check_seats(capacity, 1).err()
    }
}

fn reduced(locale: Locale, participants: &str, to: u32, on: portal_domain::Day) -> String {
    let count = format::count_in(locale, to);
    let date = format::day_in(locale, on);
    if to == 1 {
        crate::ui::messages::fill(
            td_string!(locale, users.capacity_being_reduced_one),
            &[
                ("capacity", &participants),
                ("count", &count),
                ("date", &date),
            ],
        )
    } else {
        crate::ui::messages::fill(
            td_string!(locale, users.capacity_being_reduced_many),
            &[
                ("capacity", &participants),
                ("count", &count),
                ("date", &date),
            ],
        )
    }
}

/// Why no more users can get `capacity` although some of its seats are
/// not assigned, for the seat summary: the line is being cancelled or
/// reduced at renewal.
pub fn pending_note(locale: Locale, account: &Account, capacity: Capacity) -> Option<String> {
    let line = account.line(capacity)?;
    let on = line.term.renews_on();
    match line.status {
        portal_domain::LineStatus::Active => None,
        portal_domain::LineStatus::PendingCancellation => Some(crate::ui::messages::fill(
            td_string!(locale, users.seats_large_cancelling),
            &[("date", &format::day_in(locale, on))],
        )),
        portal_domain::LineStatus::PendingDowngrade { to } => {
            let count = format::count_in(locale, to);
            let date = format::day_in(locale, on);
            Some(if to == 1 {
                crate::ui::messages::fill(
                    td_string!(locale, users.seats_large_reducing_one),
                    &[("count", &count), ("date", &date)],
                )
            } else {
                crate::ui::messages::fill(
                    td_string!(locale, users.seats_large_reducing_many),
                    &[("count", &count), ("date", &date)],
                )
            })
        }
    }
}
