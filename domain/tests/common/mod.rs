//! What the domain's integration tests share: the moment they run at, the
//! demo accounts as seeded then, and the demo users they act as.

// Each test file uses a part of this module.
#![allow(dead_code)]

use portal_domain::demo::{self, ACME};
use portal_domain::{
    Account, BaseLicense, Capacity, Command, Day, Email, Quantity, Role, Timestamp, UserId,
};

/// 2026-04-01 00:00 UTC: April has 30 days, which keeps proration sums round.
pub fn now() -> Timestamp {
    Day::from_ymd(2026, 4, 1).unwrap().start()
}

/// Acme as the demo data seeds it at [`now`]: no Large Meetings yet.
pub fn acme() -> Account {
    acme_at(now())
}

/// Acme as the demo data seeds it at `now`.
pub fn acme_at(now: Timestamp) -> Account {
    let portal = demo::portal(now);
    portal.accounts.into_iter().find(|a| a.id == ACME).unwrap()
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
