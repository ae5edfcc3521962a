//! Removing a user: what is refused before anything is asked, and what the
//! meetings that move to another host will admit.

use portal_domain::{
    BillingCycle, Capacity, Command, DomainError, MeetingHandling, Quantity, UserId,
};

mod common;

use common::*;

#[test]
fn the_owner_and_yourself_are_refused_before_the_meetings_are_asked_about() {
    let acme = acme();
    let (owner, admin, member, liam) = (
        id(&acme, OWNER),
        id(&acme, ADMIN),
        id(&acme, MEMBER),
        id(&acme, LIAM),
    );
    assert_eq!(
        acme.check_removable(admin, owner),
        Err(DomainError::OwnerCannotBeRemoved)
    );
    assert_eq!(
        acme.check_removable(owner, owner),
        Err(DomainError::OwnerCannotBeRemoved)
    );
    assert_eq!(
        acme.check_removable(admin, admin),
        Err(DomainError::CannotRemoveYourself)
    );
    assert_eq!(
        acme.check_removable(member, liam),
        Err(DomainError::NeedsUserAdmin)
    );
    assert_eq!(
        acme.check_removable(admin, UserId(999)),
        Err(DomainError::UnknownUser(UserId(999)))
    );
    // The member hosts a meeting: still removable, the meetings come after.
    assert_eq!(acme.check_removable(admin, member), Ok(()));
    assert_eq!(acme.check_removable(owner, admin), Ok(()));
}

#[test]
fn the_remove_command_refuses_exactly_what_the_check_refuses() {
    let acme = acme();
    let ids: Vec<UserId> = acme.users.iter().map(|u| u.id).collect();
    for &actor in &ids {
        for &user in &ids {
            let mut account = acme.clone();
            let done = account.execute(
                actor,
                now(),
                Command::RemoveUser {
                    user,
                    meetings: Some(MeetingHandling::Cancel),
                },
            );
            match acme.check_removable(actor, user) {
                Ok(()) => assert!(done.is_ok(), "{actor:?} removes {user:?}: {done:?}"),
                Err(error) => assert_eq!(done.unwrap_err(), error, "{actor:?} removes {user:?}"),
            }
        }
    }
}

#[test]
fn moving_meetings_to_a_basic_user_shows_each_capacity_drop() {
    let acme = acme();
    let (member, basic) = (id(&acme, MEMBER), id(&acme, BASIC));
    let changes = acme.capacities_if_moved(member, basic).unwrap();
    let [town_hall] = changes.as_slice() else {
        panic!("the member hosts one meeting: {changes:?}")
    };
    assert_eq!(town_hall.meeting.topic, "Quarterly Town Hall");
    assert_eq!((town_hall.before, town_hall.after), (300, 100));
    assert!(town_hall.drops());
}

#[test]
fn moving_meetings_to_a_licensed_user_keeps_or_raises_capacity() {
    let mut acme = acme();
    let (member, emma, admin) = (id(&acme, MEMBER), id(&acme, EMMA), id(&acme, ADMIN));
    let same = acme.capacities_if_moved(member, emma).unwrap();
    assert_eq!(
        same.iter().map(|c| (c.before, c.after)).collect::<Vec<_>>(),
        [(300, 300)]
    );
    assert!(same.iter().all(|c| !c.drops()));

    let owner = id(&acme, OWNER);
    acme.execute(
        owner,
        now(),
        Command::PurchaseLargeMeetings {
            capacity: Capacity::P1000,
            quantity: Quantity::new(1).unwrap(),
            cycle: BillingCycle::Monthly,
        },
    )
    .unwrap();
    acme.execute(
        admin,
        now(),
        edit_large_meetings(&acme, emma, Some(Capacity::P1000)),
    )
    .unwrap();
    let raised = acme.capacities_if_moved(member, emma).unwrap();
    assert_eq!(
        raised
            .iter()
            .map(|c| (c.before, c.after))
            .collect::<Vec<_>>(),
        [(300, 1000)]
    );
    assert!(!raised[0].drops());

    // What was shown is what the meeting admits once moved.
    let topic = raised[0].meeting.topic.clone();
    acme.execute(
        admin,
        now(),
        Command::RemoveUser {
            user: member,
            meetings: Some(MeetingHandling::TransferTo(emma)),
        },
    )
    .unwrap();
    let moved = acme.meetings.iter().find(|m| m.topic == topic).unwrap();
    assert_eq!(acme.effective_capacity(moved), Some(1000));
}

#[test]
fn a_move_to_or_from_someone_not_in_the_account_has_no_preview() {
    let acme = acme();
    let member = id(&acme, MEMBER);
    assert_eq!(acme.capacities_if_moved(member, UserId(999)), None);
    assert_eq!(acme.capacities_if_moved(UserId(999), member), None);
}
