//! Groups and their license rules: what members get, who waits and why,
//! what the log says, and that the order of events never matters.

use portal_domain::{
    Account, AuditAction, AuditTarget, BaseLicense, BillingCycle, Capacity, Command, DomainError,
    GroupId, GroupRule, UserId, WaitReason,
};
use proptest::prelude::*;

mod common;

use common::{acme, buy, id, now, q, EMMA, LIAM, MEMBER, OWNER};

fn run(account: &mut Account, command: Command) -> Result<Vec<AuditAction>, DomainError> {
    let owner = id(account, OWNER);
    account
        .execute(owner, now(), command)
        .map(|outcome| outcome.entries.into_iter().map(|e| e.action).collect())
}

fn group(account: &Account, name: &str) -> GroupId {
    account.group_by_name(name).unwrap().id
}

fn rule(capacity: Capacity, workplace: bool) -> Option<GroupRule> {
    Some(GroupRule {
        capacity,
        workplace,
    })
}

fn held(account: &Account, email: &str) -> Option<Capacity> {
    account.user(id(account, email)).unwrap().large_meetings
}

#[test]
fn a_rule_covers_every_member_it_can_and_lists_the_rest_with_the_reason() {
    let mut account = acme();
    let events = group(&account, "Events");
    buy(&mut account, Capacity::P1000, 2, BillingCycle::Annual);
    let actions = run(
        &mut account,
        Command::SetGroupRule {
            group: events,
            rule: rule(Capacity::P1000, false),
        },
    )
    .unwrap();
    // Maya (member@) and Liam have the lowest ids; Emma waits.
    assert_eq!(held(&account, MEMBER), Some(Capacity::P1000));
    assert_eq!(held(&account, LIAM), Some(Capacity::P1000));
    assert_eq!(held(&account, EMMA), None);
    assert_eq!(account.seats(Capacity::P1000).assigned, 2);
    let waiting = account.waiting();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].user, id(&account, EMMA));
    assert_eq!(waiting[0].reason, WaitReason::NotEnoughLicenses);
    assert_eq!(account.waiting_for(Capacity::P1000), 1);
    assert!(actions.contains(&AuditAction::LargeMeetingsByGroup {
        group: "Events".into(),
        capacity: Some(Capacity::P1000),
        previous: None,
    }));
    // A purchase covers the one waiting, and says so in the log.
    let actions = run(
        &mut account,
        Command::PurchaseLargeMeetings {
            capacity: Capacity::P1000,
            quantity: q(1),
            cycle: BillingCycle::Annual,
        },
    )
    .unwrap();
    assert_eq!(held(&account, EMMA), Some(Capacity::P1000));
    assert!(account.waiting().is_empty());
    assert_eq!(
        actions.last(),
        Some(&AuditAction::LargeMeetingsByGroup {
            group: "Events".into(),
            capacity: Some(Capacity::P1000),
            previous: None,
        })
    );
    let entry = account.audit.last().unwrap();
    assert_eq!(
        entry.target,
        AuditTarget::User(account.user(id(&account, EMMA)).unwrap().email.clone())
    );
}

#[test]
fn basic_members_wait_unless_the_rule_includes_zoom_workplace() {
    let mut account = acme();
    let sales = group(&account, "Sales");
    let zoe = "zoe.patel@acme.example";
    buy(&mut account, Capacity::P500, 5, BillingCycle::Annual);
    run(
        &mut account,
        Command::SetGroupRule {
            group: sales,
            rule: rule(Capacity::P500, false),
        },
    )
    .unwrap();
    assert_eq!(held(&account, zoe), None);
    let waiting = account.waiting();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].reason, WaitReason::PaidLicenseNeeded);
    run(
        &mut account,
        Command::SetGroupRule {
            group: sales,
            rule: rule(Capacity::P500, true),
        },
    )
    .unwrap();
    let user = account.user(id(&account, zoe)).unwrap();
    assert_eq!(user.license, BaseLicense::Licensed);
    assert_eq!(user.direct_license(), BaseLicense::Basic);
    assert_eq!(user.large_meetings, Some(Capacity::P500));
    assert!(account.waiting().is_empty());
    // Removing the rule takes back both.
    run(
        &mut account,
        Command::SetGroupRule {
            group: sales,
            rule: None,
        },
    )
    .unwrap();
    let user = account.user(id(&account, zoe)).unwrap();
    assert_eq!(
        (user.license, user.large_meetings),
        (BaseLicense::Basic, None)
    );
}

#[test]
fn a_direct_assignment_stays_under_a_larger_group_rule_and_returns_when_it_ends() {
    let mut account = acme();
    let events = group(&account, "Events");
    buy(&mut account, Capacity::P500, 1, BillingCycle::Annual);
    buy(&mut account, Capacity::P3000, 3, BillingCycle::Annual);
    let liam = id(&account, LIAM);
    run(
        &mut account,
        Command::BulkAssignLargeMeetings {
            users: vec![liam],
            capacity: Capacity::P500,
            until: None,
        },
    )
    .unwrap();
    run(
        &mut account,
        Command::SetGroupRule {
            group: events,
            rule: rule(Capacity::P3000, false),
        },
    )
    .unwrap();
    let user = account.user(liam).unwrap();
    assert_eq!(user.large_meetings, Some(Capacity::P3000));
    assert_eq!(user.direct_large_meetings(), Some(Capacity::P500));
    assert_eq!(
        account.seats(Capacity::P500).assigned,
        0,
        "one license each"
    );
    // What the group gives cannot be removed from the user directly.
    let emma = id(&account, EMMA);
    let refused = run(
        &mut account,
        Command::BulkRemoveLargeMeetings { users: vec![emma] },
    );
    assert!(matches!(
        refused,
        Err(DomainError::BulkRefused(ref problems))
            if problems[0].error == DomainError::InheritedLargeMeetings {
                user: account.user(id(&account, EMMA)).unwrap().email.clone(),
                group: "Events".into(),
            }
    ));
    // Leaving the group: the direct 500 comes back.
    run(
        &mut account,
        Command::RemoveFromGroup {
            group: events,
            users: vec![liam],
        },
    )
    .unwrap();
    let user = account.user(liam).unwrap();
    assert_eq!(user.large_meetings, Some(Capacity::P500));
    assert!(user.membership.large_meetings_from.is_none());
    // A line a rule gives cannot be cancelled.
    assert_eq!(
        run(
            &mut account,
            Command::CancelLine {
                capacity: Capacity::P3000
            }
        ),
        Err(DomainError::CapacityInGroupRule {
            capacity: Capacity::P3000,
            group: "Events".into(),
        })
    );
}

#[test]
fn deleting_a_group_takes_what_it_gave_and_keeps_the_rest() {
    let mut account = acme();
    let events = group(&account, "Events");
    buy(&mut account, Capacity::P1000, 5, BillingCycle::Annual);
    run(
        &mut account,
        Command::SetGroupRule {
            group: events,
            rule: rule(Capacity::P1000, false),
        },
    )
    .unwrap();
    assert_eq!(account.seats(Capacity::P1000).assigned, 3);
    let actions = run(&mut account, Command::DeleteGroup { group: events }).unwrap();
    assert_eq!(account.seats(Capacity::P1000).assigned, 0);
    assert!(account.group(events).is_none());
    assert!(account.users.iter().all(|u| !u.membership.contains(events)));
    assert_eq!(
        actions.last(),
        Some(&AuditAction::GroupDeleted { members: 3 })
    );
    assert!(actions.contains(&AuditAction::LargeMeetingsByGroup {
        group: "Events".into(),
        capacity: None,
        previous: Some(Capacity::P1000),
    }));
}

#[test]
fn group_names_are_checked_like_user_names_and_unique_in_any_case() {
    let mut account = acme();
    let before = account.clone();
    for (name, error) in [
        ("   ", DomainError::GroupNameMissing),
        ("a\u{202E}b", DomainError::HiddenCharacter),
        (&"x".repeat(65), DomainError::NameTooLong { max: 64 }),
        (
            " events ",
            DomainError::GroupNameTaken {
                name: "Events".into(),
            },
        ),
    ] {
        assert_eq!(
            run(
                &mut account,
                Command::CreateGroup {
                    name: name.to_string()
                }
            ),
            Err(error)
        );
    }
    assert_eq!(account, before, "refusals change nothing");
    run(
        &mut account,
        Command::CreateGroup {
            name: " Styrelsen ".into(),
        },
    )
    .unwrap();
    let new = group(&account, "styrelsen");
    assert_eq!(account.group(new).unwrap().name, "Styrelsen");
    // A rename may change the case of its own name.
    let events = group(&account, "Events");
    run(
        &mut account,
        Command::RenameGroup {
            group: events,
            name: "EVENTS".into(),
        },
    )
    .unwrap();
    assert_eq!(account.group(events).unwrap().name, "EVENTS");
    assert_eq!(
        run(
            &mut account,
            Command::RenameGroup {
                group: events,
                name: "styrelsen".into(),
            }
        ),
        Err(DomainError::GroupNameTaken {
            name: "Styrelsen".into()
        })
    );
}

#[test]
fn a_rule_over_many_members_is_logged_as_a_count() {
    let mut account = acme();
    let events = group(&account, "Events");
    buy(&mut account, Capacity::P500, 400, BillingCycle::Annual);
    let mut users = Vec::new();
    for n in 0..300 {
        run(
            &mut account,
            Command::AddUser {
                email: portal_domain::Email::parse(&format!("u{n}@acme.example")).unwrap(),
                first_name: "U".into(),
                last_name: n.to_string(),
                license: BaseLicense::Basic,
                role: portal_domain::Role::Member,
            },
        )
        .unwrap();
        users.push(account.users.last().unwrap().id);
    }
    run(
        &mut account,
        Command::AddToGroup {
            group: events,
            users,
        },
    )
    .unwrap();
    run(&mut account, Command::AddBaseSeats { quantity: q(400) }).unwrap();
    let actions = run(
        &mut account,
        Command::SetGroupRule {
            group: events,
            rule: rule(Capacity::P500, true),
        },
    )
    .unwrap();
    assert_eq!(account.seats(Capacity::P500).assigned, 303);
    let entries = &account.audit[account.audit.len() - actions.len()..];
    assert_eq!(
        entries.len(),
        3,
        "the rule, and one entry per kind of change"
    );
    assert_eq!(entries[1].target, AuditTarget::Imported { count: 303 });
    assert!(matches!(
        entries[1].action,
        AuditAction::LargeMeetingsByGroup {
            capacity: Some(Capacity::P500),
            ..
        }
    ));
    assert_eq!(entries[2].target, AuditTarget::Imported { count: 300 });
    assert!(matches!(
        entries[2].action,
        AuditAction::WorkplaceByGroup {
            license: BaseLicense::Licensed,
            ..
        }
    ));
}

/// One event of the property below.
#[derive(Clone, Debug)]
enum Event {
    Join(usize, usize),
    Rule(usize, usize, bool),
    Buy(usize, u32),
    Licensed(usize),
}

fn apply(account: &mut Account, event: &Event) {
    let user = |i: usize| account.users[i % account.users.len()].id;
    let group = |i: usize| account.groups[i % account.groups.len()].id;
    let command = match *event {
        Event::Join(g, u) => Command::AddToGroup {
            group: group(g),
            users: vec![user(u)],
        },
        Event::Rule(g, c, workplace) => Command::SetGroupRule {
            group: group(g),
            rule: rule(Capacity::ALL[c], workplace),
        },
        Event::Buy(c, n) => Command::PurchaseLargeMeetings {
            capacity: Capacity::ALL[c],
            quantity: q(n),
            cycle: BillingCycle::Annual,
        },
        Event::Licensed(u) => {
            let id: UserId = user(u);
            Command::EditUser {
                user: id,
                role: account.user(id).unwrap().role,
                license: BaseLicense::Licensed,
                large_meetings: account.user(id).unwrap().direct_large_meetings(),
                until: None,
            }
        }
    };
    let _ = run(account, command);
}

/// Acme with a third group, owning one license of every capacity, so a
/// rule is never refused.
fn three_groups_owning_every_capacity() -> Account {
    let mut account = acme();
    run(
        &mut account,
        Command::CreateGroup {
            name: "Third".into(),
        },
    )
    .unwrap();
    for capacity in Capacity::ALL {
        buy(&mut account, capacity, 1, BillingCycle::Annual);
    }
    account
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Members joining, rules set (one per group), licenses bought and users
    /// made Licensed: in any order, every user ends up holding the same.
    #[test]
    fn the_order_of_events_does_not_matter(
        joins in proptest::collection::hash_set((0usize..3, 0usize..20), 0..25),
        rules in proptest::collection::vec((0usize..4, any::<bool>()), 3),
        buys in proptest::collection::vec((0usize..4, 1u32..4), 0..6),
        licensed in proptest::collection::hash_set(0usize..20, 0..4),
        seed in any::<u64>(),
    ) {
        let start = three_groups_owning_every_capacity();
        let mut events: Vec<Event> = joins.into_iter().map(|(g, u)| Event::Join(g, u)).collect();
        events.extend(rules.into_iter().enumerate().map(|(g, (c, w))| Event::Rule(g, c, w)));
        events.extend(buys.into_iter().map(|(c, n)| Event::Buy(c, n)));
        events.extend(licensed.into_iter().map(Event::Licensed));
        let mut shuffled = events.clone();
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let mut one = start.clone();
        let mut other = start;
        for event in &events {
            apply(&mut one, event);
        }
        for event in &shuffled {
            apply(&mut other, event);
        }
        prop_assert_eq!(&one.users, &other.users);
        for capacity in Capacity::ALL {
            prop_assert!(one.seats(capacity).assigned <= one.seats(capacity).purchased);
        }
        prop_assert_eq!(one.waiting(), other.waiting());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    /// The confirmation of Delete counts exactly the users the deletion
    /// then leaves with less.
    #[test]
    fn the_losses_said_before_deleting_are_what_deleting_does(
        joins in proptest::collection::hash_set((0usize..3, 0usize..20), 0..25),
        rules in proptest::collection::vec((0usize..4, any::<bool>()), 3),
        buys in proptest::collection::vec((0usize..4, 1u32..4), 0..6),
        deleted in 0usize..3,
    ) {
        let mut account = three_groups_owning_every_capacity();
        for (c, n) in buys {
            apply(&mut account, &Event::Buy(c, n));
        }
        for (g, (c, w)) in rules.into_iter().enumerate() {
            apply(&mut account, &Event::Rule(g, c, w));
        }
        for (g, u) in joins {
            apply(&mut account, &Event::Join(g, u));
        }
        let group = account.groups[deleted].id;
        let said = account.losses_without(group);
        let before = account.users.clone();
        run(&mut account, Command::DeleteGroup { group }).unwrap();
        let license = before
            .iter()
            .zip(&account.users)
            .filter(|(b, a)| b.license == BaseLicense::Licensed && a.license == BaseLicense::Basic)
            .count() as u32;
        let large = before
            .iter()
            .zip(&account.users)
            .filter(|(b, a)| a.large_meetings < b.large_meetings)
            .count() as u32;
        prop_assert_eq!(said.license, license);
        prop_assert_eq!(said.large_meetings, large);
    }
}

#[test]
fn pasted_addresses_find_their_users_in_one_pass() {
    let account = acme();
    let email = |text: &str| portal_domain::Email::parse(text).unwrap();
    let emails = [
        email(MEMBER),
        email("nobody@acme.example"),
        email("Liam.Baker@acme.example"),
    ];
    assert_eq!(
        account.users_by_email(&emails),
        vec![Some(id(&account, MEMBER)), None, Some(id(&account, LIAM))]
    );
}

#[test]
fn the_outcome_counts_each_user_a_change_put_in_a_group_once() {
    let mut account = acme();
    let owner = id(&account, OWNER);
    let events = group(&account, "Events");
    let (emma_already, admin) = (id(&account, EMMA), id(&account, common::ADMIN));
    let outcome = account
        .execute(
            owner,
            now(),
            Command::AddToGroup {
                group: events,
                users: vec![admin, emma_already, admin],
            },
        )
        .unwrap();
    assert_eq!(
        outcome.members_added(),
        1,
        "Emma is in Events already; the admin, given twice, counts once"
    );
}
