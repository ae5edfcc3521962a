//! Undo: each kind of change taken back, and each conflict that refuses an
//! undo and changes nothing. (Property tests: tests/state_machine.rs.)

use portal_domain::audit::{AuditAction, AuditCategory, AuditTarget};
use portal_domain::time::Duration;
use portal_domain::{
    Account, BaseLicense, BillingCycle, Capacity, Change, Command, Email, GroupRule, Outcome, Role,
    UndoRefusal, UserId,
};

mod common;

use common::{acme, buy, edit_large_meetings, id, now, ADMIN, EMMA, LIAM, MEMBER, NOAH, OWNER};

/// Acme with 3 licenses of Large Meetings 500, none assigned.
fn acme_with_licenses() -> Account {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 3, BillingCycle::Annual);
    acme
}

/// Runs `command` by `actor` (an email), undoably.
fn run(account: &mut Account, actor: &str, command: Command) -> Change {
    let actor = id(account, actor);
    let (_, change) = account.execute_undoable(actor, now(), command).unwrap();
    change.expect("an undoable change")
}

/// Edit User's Save by `actor` giving `email` Large Meetings of
/// `capacity` (or none), undoably.
fn give(account: &mut Account, actor: &str, email: &str, capacity: Option<Capacity>) -> Change {
    let command = edit_large_meetings(account, id(account, email), capacity);
    run(account, actor, command)
}

fn undo(
    account: &mut Account,
    actor: &str,
    change: &Change,
) -> Result<(Outcome, Change), UndoRefusal> {
    let actor = id(account, actor);
    account.undo(actor, now(), change)
}

/// Undoes `change` and expects a refusal that changes nothing.
fn refused(account: &mut Account, change: &Change) -> UndoRefusal {
    let before = account.clone();
    let refusal = undo(account, OWNER, change).expect_err("refused");
    assert_eq!(*account, before, "a refused undo changed the account");
    refusal
}

#[test]
fn assigning_large_meetings_is_undone_and_the_license_is_free_again() {
    let mut acme = acme_with_licenses();
    let before = acme.clone();
    let change = give(&mut acme, ADMIN, LIAM, Some(Capacity::P500));
    assert_eq!(acme.seats(Capacity::P500).assigned, 1);
    assert_eq!(change.users.len(), 1);

    let (outcome, _) = undo(&mut acme, ADMIN, &change).unwrap();
    assert_eq!(acme.users, before.users);
    assert_eq!(acme.seats(Capacity::P500).assigned, 0);
    // Logged as "Undone", linked to the entry it undoes, in its category.
    let entry = change.first_entry as u32;
    assert_eq!(outcome.entries.len(), 1);
    let logged = &outcome.entries[0];
    assert_eq!(
        logged.action,
        AuditAction::Undone {
            entry,
            category: AuditCategory::License
        }
    );
    assert_eq!(logged.target, acme.audit[change.first_entry].target);
    assert_eq!(acme.audit.last(), Some(logged));
}

#[test]
fn a_bulk_change_is_undone_for_every_user() {
    let mut acme = acme_with_licenses();
    let users: Vec<UserId> = [LIAM, EMMA, NOAH].iter().map(|e| id(&acme, e)).collect();
    let before = acme.clone();
    let bulk = Command::BulkAssignLargeMeetings {
        users,
        capacity: Capacity::P500,
        until: None,
    };
    let change = run(&mut acme, OWNER, bulk);
    assert_eq!(acme.seats(Capacity::P500).assigned, 3);
    let (outcome, _) = undo(&mut acme, OWNER, &change).unwrap();
    assert_eq!(outcome.entries.len(), change.entries);
    assert_eq!(acme.users, before.users);
}

#[test]
fn an_undo_is_a_change_that_can_be_undone() {
    let mut acme = acme_with_licenses();
    let change = give(&mut acme, OWNER, LIAM, Some(Capacity::P500));
    let assigned = acme.users.clone();
    let (_, undo_change) = undo(&mut acme, OWNER, &change).unwrap();
    undo(&mut acme, OWNER, &undo_change).unwrap();
    assert_eq!(acme.users, assigned);
    // The first undo cannot be applied twice.
    assert!(matches!(
        refused(&mut acme, &change),
        UndoRefusal::AlreadyUndone { .. }
    ));
}

#[test]
fn a_later_change_to_the_same_user_refuses_the_undo_naming_it() {
    let mut acme = acme_with_licenses();
    buy(&mut acme, Capacity::P1000, 1, BillingCycle::Annual);
    let first = give(&mut acme, OWNER, LIAM, Some(Capacity::P500));
    let later = give(&mut acme, OWNER, LIAM, Some(Capacity::P1000));
    let liam = acme.user(id(&acme, LIAM)).unwrap().email.clone();
    assert_eq!(
        refused(&mut acme, &first),
        UndoRefusal::ChangedSince {
            target: AuditTarget::User(liam),
            entry: Some(later.first_entry)
        }
    );
    // Undoing the later one first lets the first be undone.
    undo(&mut acme, OWNER, &later).unwrap();
    undo(&mut acme, OWNER, &first).unwrap();
    assert_eq!(acme.user(id(&acme, LIAM)).unwrap().large_meetings, None);
}

#[test]
fn changes_to_other_users_in_between_do_not_stand_in_the_way() {
    let mut acme = acme_with_licenses();
    let first = give(&mut acme, OWNER, LIAM, Some(Capacity::P500));
    give(&mut acme, OWNER, EMMA, Some(Capacity::P500));
    run(
        &mut acme,
        OWNER,
        Command::CreateGroup {
            name: "Town hall".into(),
        },
    );
    undo(&mut acme, OWNER, &first).unwrap();
    assert_eq!(acme.user(id(&acme, LIAM)).unwrap().large_meetings, None);
    assert_eq!(
        acme.user(id(&acme, EMMA)).unwrap().large_meetings,
        Some(Capacity::P500)
    );
    assert!(acme.groups.iter().any(|g| g.name == "Town hall"));
}

#[test]
fn a_license_given_to_someone_else_since_refuses_the_undo() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 1, BillingCycle::Annual);
    give(&mut acme, OWNER, LIAM, Some(Capacity::P500));
    let removal = give(&mut acme, OWNER, LIAM, None);
    give(&mut acme, OWNER, EMMA, Some(Capacity::P500));
    assert_eq!(
        refused(&mut acme, &removal),
        UndoRefusal::LicenseTaken {
            capacity: Capacity::P500
        }
    );
}

#[test]
fn a_line_reduced_since_refuses_the_undo() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 2, BillingCycle::Annual);
    give(&mut acme, OWNER, LIAM, Some(Capacity::P500));
    give(&mut acme, OWNER, EMMA, Some(Capacity::P500));
    let removal = give(&mut acme, OWNER, LIAM, None);
    let owner = id(&acme, OWNER);
    let reduce = Command::ReduceLine {
        capacity: Capacity::P500,
        to: 1,
    };
    acme.execute(owner, now(), reduce).unwrap();
    assert_eq!(
        refused(&mut acme, &removal),
        UndoRefusal::LineReduced {
            capacity: Capacity::P500
        }
    );
}

#[test]
fn a_user_removed_since_refuses_the_undo_naming_the_removal() {
    let mut acme = acme_with_licenses();
    let first = give(&mut acme, OWNER, NOAH, Some(Capacity::P500));
    let noah = id(&acme, NOAH);
    let email = acme.user(noah).unwrap().email.clone();
    let removal = Command::RemoveUser {
        user: noah,
        meetings: None,
    };
    let removed = run(&mut acme, OWNER, removal);
    match refused(&mut acme, &first) {
        UndoRefusal::UserRemoved { email: e, entry } => {
            assert_eq!(e, email);
            let entry = entry.expect("the removal is named");
            assert!(entry >= removed.first_entry);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn removing_a_user_is_undone_with_their_id_licenses_and_password() {
    let mut acme = acme_with_licenses();
    give(&mut acme, OWNER, NOAH, Some(Capacity::P500));
    let noah = acme.user(id(&acme, NOAH)).unwrap().clone();
    let removal = Command::RemoveUser {
        user: noah.id,
        meetings: None,
    };
    let change = run(&mut acme, OWNER, removal);
    assert!(acme.user(noah.id).is_none());
    // Stored (for the Admin Activity Logs) and read back, password included.
    let change = Change::decode(&change.encode()).unwrap();
    undo(&mut acme, OWNER, &change).unwrap();
    assert_eq!(acme.user(noah.id), Some(&noah));
    assert_eq!(acme.seats(Capacity::P500).assigned, 1);
}

#[test]
fn an_email_taken_since_refuses_bringing_a_user_back() {
    let mut acme = acme();
    let noah = acme.user(id(&acme, NOAH)).unwrap().clone();
    let removal = Command::RemoveUser {
        user: noah.id,
        meetings: None,
    };
    let change = run(&mut acme, OWNER, removal);
    let add = Command::AddUser {
        email: noah.email.clone(),
        first_name: "New".into(),
        last_name: "Noah".into(),
        license: BaseLicense::Basic,
        role: Role::Member,
    };
    run(&mut acme, OWNER, add);
    assert_eq!(
        refused(&mut acme, &change),
        UndoRefusal::EmailTaken { email: noah.email }
    );
}

#[test]
fn a_new_user_who_hosts_meetings_now_is_not_taken_away() {
    let mut acme = acme();
    let email = Email::parse("new.host@acme.example").unwrap();
    let add = Command::AddUser {
        email: email.clone(),
        first_name: "New".into(),
        last_name: "Host".into(),
        license: BaseLicense::Basic,
        role: Role::Member,
    };
    let added = run(&mut acme, OWNER, add);
    let host = acme.user_by_email(&email).unwrap().id;
    let meeting = Command::ScheduleMeeting {
        host,
        topic: "Welcome".into(),
        start: now() + Duration::days(2),
        duration_minutes: 30,
        expected_participants: None,
    };
    run(&mut acme, OWNER, meeting);
    assert_eq!(
        refused(&mut acme, &added),
        UndoRefusal::HostsMeetings { email }
    );
}

#[test]
fn a_group_rule_is_undone_with_what_it_gave_its_members() {
    let mut acme = acme_with_licenses();
    let before = acme.clone();
    let group = acme.groups[0].id;
    let rule = Command::SetGroupRule {
        group,
        rule: Some(GroupRule {
            capacity: Capacity::P500,
            workplace: false,
        }),
    };
    let change = run(&mut acme, OWNER, rule);
    assert!(acme.seats(Capacity::P500).assigned > 0);
    undo(&mut acme, OWNER, &change).unwrap();
    assert_eq!(acme.users, before.users);
    assert_eq!(acme.groups, before.groups);
    assert_eq!(acme.seats(Capacity::P500).assigned, 0);
}

#[test]
fn purchases_and_passwords_are_not_undone() {
    let mut acme = acme();
    let owner = id(&acme, OWNER);
    let purchase = Command::PurchaseLargeMeetings {
        capacity: Capacity::P500,
        quantity: common::q(1),
        cycle: BillingCycle::Monthly,
    };
    let (_, change) = acme.execute_undoable(owner, now(), purchase).unwrap();
    assert_eq!(change, None);
}

#[test]
fn a_member_undoes_their_own_meeting_but_not_an_admins_change() {
    let mut acme = acme_with_licenses();
    let member = id(&acme, MEMBER);
    let meeting = Command::ScheduleMeeting {
        host: member,
        topic: "Own meeting".into(),
        start: now() + Duration::days(2),
        duration_minutes: 30,
        expected_participants: None,
    };
    let scheduled = run(&mut acme, MEMBER, meeting);
    let admins = give(&mut acme, ADMIN, LIAM, Some(Capacity::P500));
    assert!(matches!(
        undo(&mut acme, MEMBER, &admins),
        Err(UndoRefusal::NotAllowed(_))
    ));
    undo(&mut acme, MEMBER, &scheduled).unwrap();
    assert!(!acme.meetings.iter().any(|m| m.topic == "Own meeting"));
}

#[test]
fn a_damaged_stored_change_is_refused_when_read() {
    let mut acme = acme_with_licenses();
    let change = give(&mut acme, ADMIN, LIAM, Some(Capacity::P500));
    let text = change.encode();
    assert_eq!(Change::decode(&text), Ok(change));
    for damaged in [
        &text[..text.len() / 2],
        "",
        "{}",
        &text.replace("users_after", "users_later"),
        r#"{"first_entry":1,"entries":1,"users_before":[],"users_after":[],"groups":[[null,null]],"meetings":[],"assignable":[]}"#,
        r#"{"first_entry":1,"entries":1,"users_before":[[0,"\n,x,A,B,m"]],"users_after":[],"groups":[],"meetings":[],"assignable":[]}"#,
    ] {
        assert!(Change::decode(damaged).is_err(), "read: {damaged}");
    }
}
