//! What the domain's integration tests share: the moments they run at, the
//! demo accounts as seeded then (one name, one account), the demo users they
//! act as, and the commands the dialogs send.

// Each test file uses a part of this module.
#![allow(dead_code)]

use portal_domain::demo::{self, ACME};
use portal_domain::{
    Account, BaseLicense, BillingCycle, Capacity, Command, Day, Email, Portal, Quantity, Role,
    Timestamp, UserId,
};

/// 2026-04-01 00:00 UTC: April has 30 days, which keeps proration sums round.
pub fn now() -> Timestamp {
    Day::from_ymd(2026, 4, 1).unwrap().start()
}

/// 2027-01-15 08:00 UTC: a moment well into the demo's life, where the
/// sign-in and storage tests run.
pub const LATER: Timestamp = Timestamp(1_800_000_000_000);

/// The demo portal (Acme and Globex) as seeded at `now`.
pub fn portal_at(now: Timestamp) -> Portal {
    demo::portal(now)
}

/// Acme as the demo data seeds it at [`now`]: no Large Meetings yet.
pub fn acme() -> Account {
    acme_at(now())
}

/// Acme as the demo data seeds it at `now`: no Large Meetings yet.
pub fn acme_at(now: Timestamp) -> Account {
    let portal = portal_at(now);
    portal.accounts.into_iter().find(|a| a.id == ACME).unwrap()
}

/// [`acme`] after the owner bought one line at [`now`]: Large Meetings 500,
/// 2 licenses, monthly, none assigned.
pub fn acme_with_p500_line() -> Account {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 2, BillingCycle::Monthly);
    acme
}

/// The owner buys `n` licenses of `capacity` at [`now`] (a new line, or
/// more on the line of that capacity).
pub fn buy(account: &mut Account, capacity: Capacity, n: u32, cycle: BillingCycle) {
    let owner = id(account, OWNER);
    let command = Command::PurchaseLargeMeetings {
        capacity,
        quantity: q(n),
        cycle,
    };
    account.execute(owner, now(), command).unwrap();
}

/// The id of the user with `email`; panics naming the email if none.
pub fn id(account: &Account, email: &str) -> UserId {
    account
        .user_by_email(&Email::parse(email).unwrap())
        .unwrap_or_else(|| panic!("{email}"))
        .id
}

pub fn q(n: u32) -> Quantity {
    Quantity::new(n).unwrap()
}

/// The Edit User dialog's Save for `user` with `license` and
/// `large_meetings` chosen and the role left as it is. (For a user not in
/// `account` the role is Member; the command is refused anyway.)
pub fn edit_licenses(
    account: &Account,
    user: UserId,
    license: BaseLicense,
    large_meetings: Option<Capacity>,
) -> Command {
    let role = account.user(user).map_or(Role::Member, |u| u.role);
    Command::EditUser {
        user,
        role,
        license,
        large_meetings,
        until: None,
    }
}

/// Edit User's Save changing only the Large Meetings choice: how one user
/// is given the add-on, moved to another capacity, or has it removed.
pub fn edit_large_meetings(
    account: &Account,
    user: UserId,
    large_meetings: Option<Capacity>,
) -> Command {
    let license = account
        .user(user)
        .map_or(BaseLicense::Licensed, |u| u.license);
    edit_licenses(account, user, license, large_meetings)
}

/// Edit User's Save changing only the Zoom Workplace license: the add-on
/// is kept, or cleared when Basic is chosen (as the dialog clears it).
pub fn edit_license(account: &Account, user: UserId, license: BaseLicense) -> Command {
    let current = account.user(user).and_then(|u| u.large_meetings);
    let large_meetings = current.filter(|_| license == BaseLicense::Licensed);
    edit_licenses(account, user, license, large_meetings)
}

pub const OWNER: &str = "owner@acme.example";
pub const ADMIN: &str = "admin@acme.example";
pub const MEMBER: &str = "member@acme.example";
pub const BASIC: &str = "basic@acme.example";
pub const LIAM: &str = "liam.baker@acme.example";
pub const EMMA: &str = "emma.clark@acme.example";
pub const NOAH: &str = "noah.davis@acme.example";
