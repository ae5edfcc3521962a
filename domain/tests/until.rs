//! Large Meetings given until a moment: taken back when it comes (while the
//! portal runs, or the next time it starts), logged as expired, the user
//! back to what their groups give or nothing, and the license free again.

use portal_domain::audit::{AuditAction, RemovalReason};
use portal_domain::time::Duration;
use portal_domain::{
    Account, BaseLicense, BillingCycle, Capacity, Command, DomainError, GroupRule, Role, Timestamp,
    UserId,
};

mod common;

use common::{acme, buy, id, now, EMMA, LIAM, OWNER};

fn hours(n: i64) -> Timestamp {
    now() + Duration::hours(n)
}

/// Edit User's Save giving `user` Large Meetings of `capacity` until `until`.
fn give_until(
    account: &mut Account,
    user: UserId,
    capacity: Capacity,
    until: Option<Timestamp>,
) -> Result<(), DomainError> {
    let owner = id(account, OWNER);
    let role = account.user(user).unwrap().role;
    let command = Command::EditUser {
        user,
        role,
        license: BaseLicense::Licensed,
        large_meetings: Some(capacity),
        until,
    };
    account.execute(owner, now(), command).map(|_| ())
}

fn acme_with(capacity: Capacity, licenses: u32) -> Account {
    let mut acme = acme();
    buy(&mut acme, capacity, licenses, BillingCycle::Annual);
    acme
}

#[test]
fn given_until_a_moment_it_is_taken_back_then_and_logged_as_expired() {
    let mut acme = acme_with(Capacity::P1000, 1);
    let liam = id(&acme, LIAM);
    give_until(&mut acme, liam, Capacity::P1000, Some(hours(48))).unwrap();
    let user = acme.user(liam).unwrap();
    assert_eq!(user.large_meetings, Some(Capacity::P1000));
    assert_eq!(user.membership.until, Some(hours(48)));
    assert!(matches!(
        acme.audit.last().unwrap().action,
        AuditAction::LargeMeetingsAssignedUntil { capacity: Capacity::P1000, until, .. } if until == hours(48)
    ));

    // Not yet.
    assert!(acme.expire_due(hours(47)).is_empty());
    assert_eq!(acme.seats(Capacity::P1000).assigned, 1);

    let entries = acme.expire_due(hours(48));
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].actor, None, "the portal did it, not a person");
    assert_eq!(
        entries[0].action,
        AuditAction::LargeMeetingsRemoved {
            capacity: Capacity::P1000,
            reason: RemovalReason::Expired
        }
    );
    assert_eq!(acme.audit.last(), entries.last());
    let user = acme.user(liam).unwrap();
    assert_eq!((user.large_meetings, user.membership.until), (None, None));
    assert_eq!(acme.seats(Capacity::P1000).assigned, 0);
    // Once only.
    assert!(acme.expire_due(hours(100)).is_empty());
}

#[test]
fn the_meetings_of_the_user_follow_at_once() {
    let mut acme = acme_with(Capacity::P1000, 1);
    let liam = id(&acme, LIAM);
    give_until(&mut acme, liam, Capacity::P1000, Some(hours(2))).unwrap();
    let meeting = acme.meetings_hosted_by(liam)[0].clone();
    assert_eq!(acme.effective_capacity(&meeting), Some(1000));
    acme.expire_due(hours(3));
    assert_eq!(acme.effective_capacity(&meeting), Some(300));
}

#[test]
fn a_member_of_a_group_returns_to_what_the_group_gives() {
    let mut acme = acme_with(Capacity::P500, 2);
    buy(&mut acme, Capacity::P3000, 1, BillingCycle::Annual);
    let owner = id(&acme, OWNER);
    let group = acme.groups[0].id;
    let liam = id(&acme, LIAM);
    assert!(acme.user(liam).unwrap().membership.contains(group));
    let rule = Command::SetGroupRule {
        group,
        rule: Some(GroupRule {
            capacity: Capacity::P500,
            workplace: false,
        }),
    };
    acme.execute(owner, now(), rule).unwrap();
    assert_eq!(
        acme.user(liam).unwrap().large_meetings,
        Some(Capacity::P500)
    );

    give_until(&mut acme, liam, Capacity::P3000, Some(hours(24))).unwrap();
    assert_eq!(
        acme.user(liam).unwrap().large_meetings,
        Some(Capacity::P3000)
    );
    let entries = acme.expire_due(hours(25));
    assert_eq!(
        acme.user(liam).unwrap().large_meetings,
        Some(Capacity::P500)
    );
    assert!(
        entries.len() >= 2,
        "the expiry and what the rule gives: {entries:?}"
    );
    assert_eq!(acme.seats(Capacity::P3000).assigned, 0);
}

#[test]
fn everything_due_while_no_tab_was_open_expires_at_the_next_start() {
    let mut acme = acme_with(Capacity::P500, 2);
    let (liam, emma) = (id(&acme, LIAM), id(&acme, EMMA));
    give_until(&mut acme, liam, Capacity::P500, Some(hours(1))).unwrap();
    give_until(&mut acme, emma, Capacity::P500, Some(hours(30 * 24))).unwrap();
    let entries = acme.expire_due(hours(60 * 24));
    assert_eq!(entries.len(), 2);
    assert_eq!(acme.seats(Capacity::P500).assigned, 0);
}

#[test]
fn an_end_not_after_now_or_without_large_meetings_is_refused() {
    let mut acme = acme_with(Capacity::P500, 1);
    let before = acme.clone();
    let liam = id(&acme, LIAM);
    assert_eq!(
        give_until(&mut acme, liam, Capacity::P500, Some(now())),
        Err(DomainError::UntilNotAfterNow)
    );
    let owner = id(&acme, OWNER);
    let without = Command::EditUser {
        user: liam,
        role: Role::Member,
        license: BaseLicense::Licensed,
        large_meetings: None,
        until: Some(hours(5)),
    };
    assert_eq!(
        acme.execute(owner, now(), without),
        Err(DomainError::UntilWithoutLargeMeetings)
    );
    let bulk = Command::BulkAssignLargeMeetings {
        users: vec![liam],
        capacity: Capacity::P500,
        until: Some(hours(-1)),
    };
    assert_eq!(
        acme.execute(owner, now(), bulk),
        Err(DomainError::UntilNotAfterNow)
    );
    assert_eq!(acme, before);
}

#[test]
fn given_again_for_good_or_for_another_time_keeps_the_license() {
    let mut acme = acme_with(Capacity::P500, 1);
    let liam = id(&acme, LIAM);
    give_until(&mut acme, liam, Capacity::P500, Some(hours(5))).unwrap();
    // Change Licenses for another time: the same license, a new end.
    let owner = id(&acme, OWNER);
    let bulk = Command::BulkAssignLargeMeetings {
        users: vec![liam],
        capacity: Capacity::P500,
        until: Some(hours(10)),
    };
    acme.execute(owner, now(), bulk).unwrap();
    assert_eq!(acme.user(liam).unwrap().membership.until, Some(hours(10)));
    assert!(acme.expire_due(hours(6)).is_empty());
    // For good: no end.
    give_until(&mut acme, liam, Capacity::P500, None).unwrap();
    assert_eq!(acme.user(liam).unwrap().membership.until, None);
    assert!(acme.expire_due(hours(1000)).is_empty());
    assert_eq!(acme.seats(Capacity::P500).assigned, 1);
}

#[test]
fn the_end_is_stored_and_read_back() {
    let mut acme = acme_with(Capacity::P500, 1);
    let liam = id(&acme, LIAM);
    give_until(&mut acme, liam, Capacity::P500, Some(hours(5))).unwrap();
    let portal = portal_domain::Portal {
        accounts: vec![acme.clone()],
    };
    let stored: std::collections::HashMap<_, _> =
        portal_domain::persist::encode_all(&portal, 1, now())
            .into_iter()
            .collect();
    let read = portal_domain::persist::decode(|k| stored.get(k).cloned())
        .unwrap()
        .unwrap();
    assert_eq!(read.portal.accounts[0], acme);
    // And in a backup.
    let file = portal_domain::backup::write(&acme, now(), true);
    assert_eq!(
        portal_domain::backup::read(&file, acme.id).unwrap().account,
        acme
    );
}
