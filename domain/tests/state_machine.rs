//! Model-based test: random sequences of commands by random actors, with the
//! account's invariants checked after every step.

use portal_domain::demo;
use portal_domain::time::Duration;
use portal_domain::{
    Account, BaseLicense, BillingCycle, Capacity, Change, Command, Day, Email, GroupId, GroupRule,
    MeetingHandling, Quantity, Role, Timestamp, UserId,
};
use proptest::prelude::*;

mod common;

use common::{acme_at, edit_large_meetings, edit_license, edit_licenses};

#[derive(Clone, Debug)]
enum Op {
    Purchase(usize, u32, bool),
    AddSeats(u32),
    Assign(usize, usize),
    /// Edit User giving Large Meetings until some hours from now.
    AssignUntil(usize, usize, i64),
    Remove(usize),
    BulkAssign(Vec<usize>, usize),
    BulkRemove(Vec<usize>),
    SetLicense(usize, bool),
    Reduce(usize, u32),
    Cancel(usize),
    Undo(usize),
    AddUser(u32, bool, bool),
    Update(usize, bool, Option<usize>),
    /// Remove a user; their meetings go to another user (`Some(true, _)`),
    /// are cancelled (`Some(false, _)`) or are not handled (`None`).
    RemoveUser(usize, Option<(bool, usize)>),
    /// The Edit User dialog with a role: user, admin?, licensed?, capacity.
    EditUser(usize, bool, bool, Option<usize>),
    Advance(i64),
    /// Groups: add users to one, take them out, set (capacity, with Zoom
    /// Workplace) or remove its rule, create one, delete one.
    Join(usize, Vec<usize>),
    Leave(usize, Vec<usize>),
    Rule(usize, Option<(usize, bool)>),
    CreateGroup(u32),
    DeleteGroup(usize),
}

fn op() -> impl Strategy<Value = Op> {
    let user = 0usize..40;
    let cap = 0usize..4;
    prop_oneof![
        3 => (cap.clone(), 1u32..12, any::<bool>()).prop_map(|(c, n, a)| Op::Purchase(c, n, a)),
        1 => (1u32..3).prop_map(Op::AddSeats),
        1 => (user.clone(), cap.clone()).prop_map(|(u, c)| Op::Assign(u, c)),
        1 => (user.clone(), cap.clone(), 1i64..2000).prop_map(|(u, c, h)| Op::AssignUntil(u, c, h)),
        1 => user.clone().prop_map(Op::Remove),
        1 => (proptest::collection::vec(user.clone(), 0..6), cap.clone())
            .prop_map(|(u, c)| Op::BulkAssign(u, c)),
        1 => proptest::collection::vec(user.clone(), 0..6).prop_map(Op::BulkRemove),
        1 => (user.clone(), any::<bool>()).prop_map(|(u, l)| Op::SetLicense(u, l)),
        1 => (cap.clone(), 0u32..14).prop_map(|(c, n)| Op::Reduce(c, n)),
        1 => cap.clone().prop_map(Op::Cancel),
        1 => cap.prop_map(Op::Undo),
        1 => (any::<u32>(), any::<bool>(), any::<bool>()).prop_map(|(n, l, a)| Op::AddUser(n, l, a)),
        1 => (0i64..45).prop_map(Op::Advance),
        1 => (user.clone(), any::<bool>(), proptest::option::of(0usize..4))
            .prop_map(|(u, l, c)| Op::Update(u, l, c)),
        1 => (
            user.clone(),
            proptest::option::of((any::<bool>(), user.clone()))
        )
            .prop_map(|(u, m)| Op::RemoveUser(u, m)),
        1 => (
            user.clone(),
            any::<bool>(),
            any::<bool>(),
            proptest::option::of(0usize..4)
        )
            .prop_map(|(u, a, l, c)| Op::EditUser(u, a, l, c)),
        4 => (0usize..4, proptest::collection::vec(user.clone(), 0..12))
            .prop_map(|(g, u)| Op::Join(g, u)),
        1 => (0usize..4, proptest::collection::vec(user, 0..4)).prop_map(|(g, u)| Op::Leave(g, u)),
        4 => (0usize..4, proptest::option::of((0usize..4, any::<bool>())))
            .prop_map(|(g, r)| Op::Rule(g, r)),
        1 => (0u32..6).prop_map(Op::CreateGroup),
        1 => (0usize..4).prop_map(Op::DeleteGroup),
    ]
}

fn group(account: &Account, index: usize) -> GroupId {
    match account.groups.len() {
        0 => GroupId(999),
        n => account.groups[index % n].id,
    }
}

fn license(licensed: bool) -> BaseLicense {
    if licensed {
        BaseLicense::Licensed
    } else {
        BaseLicense::Basic
    }
}

fn pick(account: &Account, index: usize) -> UserId {
    account.users[index % account.users.len()].id
}

fn command(account: &Account, op: &Op, now: Timestamp) -> Option<Command> {
    let cap = |i: usize| Capacity::ALL[i % 4];
    let users = |list: &[usize]| list.iter().map(|i| pick(account, *i)).collect();
    Some(match op.clone() {
        Op::Purchase(c, n, annual) => Command::PurchaseLargeMeetings {
            capacity: cap(c),
            quantity: Quantity::new(n).unwrap(),
            cycle: if annual {
                BillingCycle::Annual
            } else {
                BillingCycle::Monthly
            },
        },
        Op::AddSeats(n) => Command::AddBaseSeats {
            quantity: Quantity::new(n).unwrap(),
        },
        Op::Assign(u, c) => edit_large_meetings(account, pick(account, u), Some(cap(c))),
        Op::AssignUntil(u, c, hours) => {
            let user = pick(account, u);
            let license = account
                .user(user)
                .map_or(BaseLicense::Licensed, |u| u.license);
            Command::EditUser {
                user,
                role: account.user(user).map_or(Role::Member, |u| u.role),
                license,
                large_meetings: Some(cap(c)),
                until: Some(now + Duration::hours(hours)),
            }
        }
        Op::Remove(u) => edit_large_meetings(account, pick(account, u), None),
        Op::BulkAssign(list, c) => Command::BulkAssignLargeMeetings {
            users: users(&list),
            capacity: cap(c),
            until: None,
        },
        Op::BulkRemove(list) => Command::BulkRemoveLargeMeetings {
            users: users(&list),
        },
        Op::SetLicense(u, licensed) => edit_license(account, pick(account, u), license(licensed)),
        Op::Reduce(c, to) => Command::ReduceLine {
            capacity: cap(c),
            to,
        },
        Op::Cancel(c) => Command::CancelLine { capacity: cap(c) },
        Op::Undo(c) => Command::UndoPendingChange { capacity: cap(c) },
        Op::AddUser(n, licensed, admin) => Command::AddUser {
            email: Email::parse(&format!("user{}@acme.example", n % 50)).unwrap(),
            first_name: "Test".into(),
            last_name: format!("User {n}"),
            license: license(licensed),
            role: if admin { Role::Admin } else { Role::Member },
        },
        Op::Update(u, licensed, capacity) => edit_licenses(
            account,
            pick(account, u),
            license(licensed),
            capacity.map(cap),
        ),
        Op::RemoveUser(u, meetings) => Command::RemoveUser {
            user: pick(account, u),
            meetings: meetings.map(|(transfer, to)| {
                if transfer {
                    MeetingHandling::TransferTo(pick(account, to))
                } else {
                    MeetingHandling::Cancel
                }
            }),
        },
        Op::EditUser(u, admin, licensed, capacity) => Command::EditUser {
            user: pick(account, u),
            role: if admin { Role::Admin } else { Role::Member },
            license: license(licensed),
            large_meetings: capacity.map(cap),
            until: None,
        },
        Op::Advance(_) => return None,
        Op::Join(g, list) => Command::AddToGroup {
            group: group(account, g),
            users: users(&list),
        },
        Op::Leave(g, list) => Command::RemoveFromGroup {
            group: group(account, g),
            users: users(&list),
        },
        Op::Rule(g, rule) => Command::SetGroupRule {
            group: group(account, g),
            rule: rule.map(|(c, workplace)| GroupRule {
                capacity: cap(c),
                workplace,
            }),
        },
        Op::CreateGroup(n) => Command::CreateGroup {
            name: format!("Group {n}"),
        },
        Op::DeleteGroup(g) => Command::DeleteGroup {
            group: group(account, g),
        },
    })
}

/// What the groups' rules promise: every user holds what the rules give
/// (the account is settled), nobody holds more than their direct licenses
/// and their rules, and a rule that does not cover a member only fails for
/// want of licenses or a paid seat.
fn check_groups(account: &Account) -> Result<(), TestCaseError> {
    let coverage = account.coverage();
    for (user, held) in account.users.iter().zip(&coverage) {
        prop_assert_eq!(&user.held(), held, "{} is not settled", user.email);
        let rules: Vec<GroupRule> = user
            .membership
            .groups
            .iter()
            .filter_map(|g| account.group(*g).and_then(|g| g.rule))
            .collect();
        prop_assert!(user.membership.groups.windows(2).all(|w| w[0] < w[1]));
        if let Some(from) = user.membership.license_from {
            prop_assert!(account
                .group(from)
                .and_then(|g| g.rule)
                .is_some_and(|r| r.workplace));
            prop_assert!(user.membership.contains(from));
        }
        if let Some(from) = user.membership.large_meetings_from {
            let rule = account.group(from).and_then(|g| g.rule);
            prop_assert!(user.membership.contains(from));
            prop_assert_eq!(rule.map(|r| r.capacity), user.large_meetings);
        }
        if user.license == BaseLicense::Licensed {
            // The largest of the direct assignment and the covered rules.
            prop_assert!(user.large_meetings >= user.direct_large_meetings());
            for rule in &rules {
                if Some(rule.capacity) > user.large_meetings {
                    let limit = account
                        .line(rule.capacity)
                        .map_or(0, |l| l.quantity_after_renewal());
                    prop_assert!(
                        account.seats(rule.capacity).assigned >= limit,
                        "{} waits for {} while licenses are free",
                        user.email,
                        rule.capacity
                    );
                }
            }
        } else if rules.iter().any(|r| r.workplace) {
            prop_assert!(
                account.seats_in_use() >= account.base_plan.seats,
                "{} waits for Zoom Workplace while seats are free",
                user.email
            );
        }
    }
    let names: std::collections::HashSet<String> = account
        .groups
        .iter()
        .map(|g| g.name.to_lowercase())
        .collect();
    prop_assert_eq!(names.len(), account.groups.len(), "group names are unique");
    Ok(())
}

fn check_invariants(account: &Account) -> Result<(), TestCaseError> {
    for capacity in Capacity::ALL {
        let seats = account.seats(capacity);
        prop_assert!(seats.assigned <= seats.purchased, "{capacity}: {seats:?}");
        if let Some(line) = account.line(capacity) {
            prop_assert!(
                seats.assigned <= line.quantity_after_renewal(),
                "{capacity}: pending change below assigned"
            );
            prop_assert!(line.quantity >= 1);
            // What is offered as available is exactly what can be assigned.
            prop_assert_eq!(
                seats.available() > 0,
                account.check_seats(capacity, 1).is_ok(),
                "{}: {:?} {:?}",
                capacity,
                seats,
                line.status
            );
        } else {
            prop_assert_eq!(seats.assigned, 0, "{} held without a line", capacity);
        }
    }
    let mut capacities: Vec<_> = account.large_meetings.iter().map(|l| l.capacity).collect();
    capacities.dedup();
    prop_assert_eq!(
        capacities.len(),
        account.large_meetings.len(),
        "one line per capacity"
    );
    for user in &account.users {
        if user.license == BaseLicense::Basic {
            prop_assert!(
                user.large_meetings.is_none(),
                "{} is Basic with Large Meetings",
                user.email
            );
        }
    }
    prop_assert!(account.seats_in_use() <= account.base_plan.seats);
    prop_assert_eq!(
        account
            .users
            .iter()
            .filter(|u| u.role == Role::Owner)
            .count(),
        1
    );
    let owner = account
        .users
        .iter()
        .find(|u| u.role == Role::Owner)
        .unwrap();
    prop_assert_eq!(owner.license, BaseLicense::Licensed);
    for meeting in &account.meetings {
        prop_assert!(
            account.user(meeting.host).is_some(),
            "meeting {} has no host",
            meeting.topic
        );
    }
    let ids: std::collections::HashSet<_> = account.users.iter().map(|u| u.id).collect();
    prop_assert_eq!(ids.len(), account.users.len(), "user ids are unique");
    for user in &account.users {
        prop_assert!(
            !user.billing_privilege || user.role != Role::Member,
            "{} is a member with the billing privilege",
            user.email
        );
    }
    for user in &account.users {
        prop_assert!(
            user.membership.until.is_none() || user.direct_large_meetings().is_some(),
            "{} has an end to Large Meetings not given",
            user.email
        );
    }
    check_groups(account)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_commands_by_random_actors_keep_the_account_consistent(
        // Half the steps by the owner or the admin, half by anyone.
        steps in proptest::collection::vec((prop_oneof![0usize..2, 0usize..40], op()), 1..60)
    ) {
        let start = Day::from_ymd(2026, 1, 31).unwrap().start();
        let mut now: Timestamp = start;
        let mut account = acme_at(start);
        check_invariants(&account)?;
        // Every id ever given out: a removed user's id is never given again.
        let mut ever: std::collections::HashSet<UserId> = account.users.iter().map(|u| u.id).collect();
        for (actor, op) in steps {
            if let Op::Advance(days) = op {
                now = now + Duration::days(days);
                account.renew_due(now);
                account.expire_due(now);
                check_invariants(&account)?;
                prop_assert!(
                    account.users.iter().all(|u| u.membership.until.is_none_or(|t| t > now)),
                    "a time that has come is not expired"
                );
                continue;
            }
            let command = command(&account, &op, now).unwrap();
            let actor = pick(&account, actor);
            let before = account.clone();
            let audit_before = account.audit.len();
            match account.execute(actor, now, command) {
                Ok(outcome) => {
                    prop_assert_eq!(account.audit.len(), audit_before + outcome.entries.len());
                    for user in &account.users {
                        if before.user(user.id).is_none() {
                            prop_assert!(ever.insert(user.id), "id {} reused", user.id);
                        }
                    }
                    let role = before.user(actor).unwrap().role;
                    if before != account {
                        prop_assert!(role != Role::Member, "a member changed the account");
                    }
                }
                Err(_) => prop_assert_eq!(&account, &before, "a refused command changed the account"),
            }
            check_invariants(&account)?;
        }
    }

    #[test]
    fn any_reachable_account_survives_a_save_and_load(
        steps in proptest::collection::vec((0usize..3, op()), 1..30)
    ) {
        let start = Day::from_ymd(2026, 6, 15).unwrap().start();
        let mut portal = demo::portal(start);
        let account = &mut portal.accounts[0];
        for (actor, op) in steps {
            if let Some(command) = command(account, &op, start) {
                let actor = pick(account, actor);
                let _ = account.execute(actor, start, command);
            }
        }
        // Written exactly as serde writes it (the format's reference)...
        let account = &portal.accounts[0];
        prop_assert_eq!(
            portal_domain::json::to_string(account),
            serde_json::to_string(account).unwrap()
        );
        prop_assert_eq!(
            portal_domain::json::to_string(&account.audit),
            serde_json::to_string(&account.audit).unwrap()
        );
        // ...and read back whole.
        let saved = portal_domain::persist::encode_all(&portal, 1, start);
        let map: std::collections::HashMap<_, _> = saved.into_iter().collect();
        let loaded = portal_domain::persist::decode(|k| map.get(k).cloned()).unwrap().unwrap();
        prop_assert_eq!(loaded.portal, portal);
    }

    /// Undo (issue 21): a change and its undo leave the users, groups,
    /// meetings and seats as they were before the change, and undoing the
    /// undo brings the change back.
    #[test]
    fn a_change_and_its_undo_leave_the_account_as_before(
        setup in proptest::collection::vec((0usize..2, op()), 0..25),
        (actor, op) in (0usize..2, op()),
    ) {
        let start = Day::from_ymd(2026, 1, 31).unwrap().start();
        let mut account = reached(start, setup);
        let Some(command) = command(&account, &op, start) else { return Ok(()) };
        let actor = pick(&account, actor);
        let before = account.clone();
        let Ok((_, Some(change))) = account.execute_undoable(actor, start, command) else {
            return Ok(());
        };
        let after = account.clone();
        // As stored for the Admin Activity Logs' Undo, and read back.
        prop_assert_eq!(&Change::decode(&change.encode()), &Ok(change.clone()));
        if change.entries == 0 {
            // A change that logs nothing changes nothing.
            prop_assert_eq!(&account, &before);
            return Ok(());
        }
        let (_, undo) = account
            .undo(actor, start, &change)
            .map_err(|e| TestCaseError::fail(format!("undo refused: {e:?}")))?;
        prop_assert_eq!(&account.users, &before.users);
        prop_assert_eq!(&account.groups, &before.groups);
        prop_assert_eq!(&account.meetings, &before.meetings);
        for capacity in Capacity::ALL {
            prop_assert_eq!(account.seats(capacity), before.seats(capacity));
        }
        check_invariants(&account)?;
        account
            .undo(actor, start, &Change::decode(&undo.encode()).unwrap())
            .map_err(|e| TestCaseError::fail(format!("undo of the undo refused: {e:?}")))?;
        prop_assert_eq!(&account.users, &after.users);
        prop_assert_eq!(&account.groups, &after.groups);
        prop_assert_eq!(&account.meetings, &after.meetings);
        check_invariants(&account)?;
    }

    /// Whatever came between, an undo is refused changing nothing, or it
    /// keeps every rule and puts back what each user of the change was
    /// given directly (what groups give follows their rules as always).
    #[test]
    fn an_undo_after_other_changes_is_refused_or_puts_back_what_it_changed(
        setup in proptest::collection::vec((0usize..2, op()), 0..20),
        (actor, op) in (0usize..2, op()),
        between in proptest::collection::vec((prop_oneof![0usize..2, 0usize..40], op()), 1..12),
    ) {
        let start = Day::from_ymd(2026, 1, 31).unwrap().start();
        let mut account = reached(start, setup);
        let Some(undoable) = command(&account, &op, start) else { return Ok(()) };
        let actor = pick(&account, actor);
        let Ok((_, Some(change))) = account.execute_undoable(actor, start, undoable) else {
            return Ok(());
        };
        let mut now = start;
        for (by, op) in between {
            if let Op::Advance(days) = op {
                now = now + Duration::days(days);
                account.renew_due(now);
                account.expire_due(now);
            } else if let Some(other) = command(&account, &op, now) {
                let by = pick(&account, by);
                let _ = account.execute(by, now, other);
            }
        }
        let before_undo = account.clone();
        match account.undo(actor, now, &change) {
            Ok((outcome, _)) => {
                check_invariants(&account)?;
                prop_assert!(outcome.entries.len() >= change.entries);
                for d in &change.users {
                    let id = d.before.as_ref().or(d.after.as_ref()).unwrap().id;
                    let now = account.user(id);
                    match (&d.before, now) {
                        (None, None) => {}
                        (Some(was), Some(is)) => {
                            prop_assert_eq!(&was.email, &is.email);
                            prop_assert_eq!(was.role, is.role);
                            prop_assert_eq!(&was.membership.groups, &is.membership.groups);
                            prop_assert_eq!(was.direct_license(), is.direct_license());
                            prop_assert_eq!(was.direct_large_meetings(), is.direct_large_meetings());
                        }
                        (was, is) => prop_assert!(false, "{:?} became {:?}", was, is),
                    }
                }
            }
            Err(_) => prop_assert_eq!(&account, &before_undo, "a refused undo changed the account"),
        }
    }
}

/// Acme at `start` after the `steps` (refused ones change nothing).
fn reached(start: Timestamp, steps: Vec<(usize, Op)>) -> Account {
    let mut account = acme_at(start);
    for (actor, op) in steps {
        if let Some(command) = command(&account, &op, start) {
            let actor = pick(&account, actor);
            let _ = account.execute(actor, start, command);
        }
    }
    account
}
