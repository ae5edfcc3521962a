//! What the domain's integration tests share: the moment they run at, the
//! demo accounts as seeded then, and the demo users they act as.

// Each test file uses a part of this module.
#![allow(dead_code)]

use portal_domain::demo::{self, ACME};
use portal_domain::{Account, Day, Email, Quantity, Timestamp, UserId};

/// 2026-04-01 00:00 UTC: April has 30 days, which keeps proration sums round.
pub fn now() -> Timestamp {
    Day::from_ymd(2026, 4, 1).unwrap().start()
}

/// Acme as the demo data seeds it at [`now`]: no Large Meetings yet.
pub fn acme() -> Account {
    let portal = demo::portal(now());
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

pub const OWNER: &str = "owner@acme.example";
pub const ADMIN: &str = "admin@acme.example";
pub const MEMBER: &str = "member@acme.example";
pub const BASIC: &str = "basic@acme.example";
pub const LIAM: &str = "liam.baker@acme.example";
pub const EMMA: &str = "emma.clark@acme.example";
pub const NOAH: &str = "noah.davis@acme.example";
