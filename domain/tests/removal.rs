//! Removing a user: what is refused before anything is asked.

use portal_domain::demo::{self, ACME};
use portal_domain::{
    Account, Command, Day, DomainError, Email, MeetingHandling, Timestamp, UserId,
};

fn now() -> Timestamp {
    Day::from_ymd(2026, 4, 1).unwrap().start()
}

fn acme() -> Account {
    let portal = demo::portal(now());
    portal.accounts.into_iter().find(|a| a.id == ACME).unwrap()
}

fn id(account: &Account, email: &str) -> UserId {
    account
        .user_by_email(&Email::parse(email).unwrap())
        .unwrap_or_else(|| panic!("{email}"))
        .id
}

const OWNER: &str = "owner@acme.example";
const ADMIN: &str = "admin@acme.example";
const MEMBER: &str = "member@acme.example";
const LIAM: &str = "liam.baker@acme.example";

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
