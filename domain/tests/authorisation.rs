//! Every command, tried by every kind of actor: an actor without the right
//! role is refused with the reason, and the account is left as it was.
//!
//! `needs` matches the commands without a wildcard, so a new command does not
//! compile here until its rule is written down.

use portal_domain::demo::{self, ACME};
use portal_domain::{
    Account, BaseLicense, BillingCycle, Capacity, Command, Day, DomainError, Email,
    MeetingHandling, NewUser, Quantity, Role, Secret, Timestamp, UserId,
};

fn now() -> Timestamp {
    Day::from_ymd(2026, 4, 1).unwrap().start()
}

fn acme() -> Account {
    let mut acme = demo::portal(now())
        .accounts
        .into_iter()
        .find(|a| a.id == ACME)
        .unwrap();
    let owner = id(&acme, "owner@acme.example");
    acme.execute(
        owner,
        now(),
        Command::PurchaseLargeMeetings {
            capacity: Capacity::P500,
            quantity: Quantity::new(2).unwrap(),
            cycle: BillingCycle::Monthly,
        },
    )
    .unwrap();
    acme
}

fn id(account: &Account, email: &str) -> UserId {
    account
        .user_by_email(&Email::parse(email).unwrap())
        .unwrap()
        .id
}

/// What a command asks of its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Needs {
    /// The owner, or an admin with the billing privilege.
    Billing,
    /// The owner or an admin.
    UserAdmin,
    /// Anyone of the account, for themselves (their meeting, their password).
    Themselves,
}

fn needs(command: &Command) -> Needs {
    match command {
        Command::PurchaseLargeMeetings { .. }
        | Command::AddBaseSeats { .. }
        | Command::ReduceLine { .. }
        | Command::CancelLine { .. }
        | Command::UndoPendingChange { .. } => Needs::Billing,
        Command::BulkAssignLargeMeetings { .. }
        | Command::BulkRemoveLargeMeetings { .. }
        | Command::EditUser { .. }
        | Command::AddUser { .. }
        | Command::ImportUsers { .. }
        | Command::RemoveUser { .. } => Needs::UserAdmin,
        Command::ScheduleMeeting { .. } | Command::ChangePassword { .. } => Needs::Themselves,
    }
}

/// One command of every kind, aimed at other users of the account (never at
/// the actor), so a refusal can only come from the actor's role.
fn every_command(account: &Account, actor: UserId) -> Vec<Command> {
    let liam = id(account, "liam.baker@acme.example");
    let emma = id(account, "emma.clark@acme.example");
    let new_user = |email: &str| NewUser {
        email: Email::parse(email).unwrap(),
        first_name: "New".into(),
        last_name: "Person".into(),
        license: BaseLicense::Basic,
        large_meetings: None,
        role: Role::Member,
    };
    vec![
        Command::PurchaseLargeMeetings {
            capacity: Capacity::P1000,
            quantity: Quantity::new(1).unwrap(),
            cycle: BillingCycle::Annual,
        },
        Command::AddBaseSeats {
            quantity: Quantity::new(1).unwrap(),
        },
        Command::ReduceLine {
            capacity: Capacity::P500,
            to: 1,
        },
        Command::CancelLine {
            capacity: Capacity::P500,
        },
        Command::UndoPendingChange {
            capacity: Capacity::P500,
        },
        Command::BulkAssignLargeMeetings {
            users: vec![liam, emma],
            capacity: Capacity::P500,
        },
        Command::BulkRemoveLargeMeetings { users: vec![liam] },
        Command::EditUser {
            user: liam,
            role: Role::Member,
            license: BaseLicense::Basic,
            large_meetings: None,
        },
        Command::EditUser {
            user: liam,
            role: Role::Member,
            license: BaseLicense::Licensed,
            large_meetings: Some(Capacity::P500),
        },
        Command::EditUser {
            user: liam,
            role: Role::Admin,
            license: BaseLicense::Licensed,
            large_meetings: None,
        },
        Command::AddUser {
            email: Email::parse("new@acme.example").unwrap(),
            first_name: "New".into(),
            last_name: "Person".into(),
            license: BaseLicense::Basic,
            role: Role::Member,
        },
        Command::ImportUsers {
            users: vec![new_user("one@acme.example"), new_user("two@acme.example")],
        },
        Command::RemoveUser {
            user: emma,
            meetings: Some(MeetingHandling::Cancel),
        },
        Command::ScheduleMeeting {
            host: actor,
            topic: "Planning".into(),
            start: now() + portal_domain::time::Duration::days(1),
            duration_minutes: 30,
        },
        Command::ChangePassword {
            current: Secret::new("Demo!2026"),
            new: Secret::new("a much longer passphrase"),
            repeat: Secret::new("a much longer passphrase"),
            salt: [3; 16],
        },
    ]
}

const ROLE_ERRORS: [DomainError; 3] = [
    DomainError::NeedsBillingPrivilege,
    DomainError::NeedsUserAdmin,
    DomainError::NotYourMeeting,
];

#[test]
fn every_command_refuses_an_actor_without_the_right_role_and_changes_nothing() {
    // (actor, may manage billing, may manage users)
    let actors = [
        ("owner@acme.example", true, true),
        ("admin@acme.example", true, true),
        ("ethan.hughes@acme.example", false, true),
        ("member@acme.example", false, false),
        ("basic@acme.example", false, false),
    ];
    let mut tried = 0;
    for (email, billing, users) in actors {
        let account = acme();
        let actor = id(&account, email);
        for command in every_command(&account, actor) {
            let rule = needs(&command);
            let mut changed = account.clone();
            let result = changed.execute(actor, now(), command.clone());
            let allowed = match rule {
                Needs::Billing => billing,
                Needs::UserAdmin => users,
                Needs::Themselves => true,
            };
            tried += 1;
            if allowed {
                if let Err(error) = &result {
                    assert!(
                        !ROLE_ERRORS.contains(error),
                        "{email} may {command:?} but was refused: {error}"
                    );
                }
            } else {
                let expected = match rule {
                    Needs::Billing => DomainError::NeedsBillingPrivilege,
                    _ => DomainError::NeedsUserAdmin,
                };
                assert_eq!(result, Err(expected), "{email}: {command:?}");
                assert_eq!(
                    changed, account,
                    "{email}: a refused {command:?} changed the account"
                );
            }
        }
    }
    assert_eq!(tried, 5 * 15);
}

#[test]
fn a_member_cannot_schedule_for_someone_else_and_nobody_acts_from_outside() {
    let account = acme();
    let member = id(&account, "member@acme.example");
    let liam = id(&account, "liam.baker@acme.example");
    let mut changed = account.clone();
    let result = changed.execute(
        member,
        now(),
        Command::ScheduleMeeting {
            host: liam,
            topic: "Not mine".into(),
            start: now() + portal_domain::time::Duration::days(1),
            duration_minutes: 30,
        },
    );
    assert_eq!(result, Err(DomainError::NotYourMeeting));
    assert_eq!(changed, account);

    for command in every_command(&account, UserId(999)) {
        let mut changed = account.clone();
        assert_eq!(
            changed.execute(UserId(999), now(), command),
            Err(DomainError::UnknownUser(UserId(999)))
        );
        assert_eq!(changed, account);
    }
}

#[test]
fn a_password_is_changed_only_with_the_current_one_and_a_new_one_of_twelve_characters() {
    let mut account = acme();
    let member = id(&account, "member@acme.example");
    let change = |current: &str, new: &str, repeat: &str| Command::ChangePassword {
        current: Secret::new(current),
        new: Secret::new(new),
        repeat: Secret::new(repeat),
        salt: [9; 16],
    };
    let cases = [
        (
            change("", "twelve chars", "twelve chars"),
            DomainError::CurrentPasswordMissing,
        ),
        (
            change("Demo!2026", "eleven char", "eleven char"),
            DomainError::PasswordTooShort { min: 12 },
        ),
        (
            change("Demo!2026", &"x".repeat(129), &"x".repeat(129)),
            DomainError::PasswordTooLong { max: 128 },
        ),
        (
            change("Demo!2026", "twelve chars", "twelve charz"),
            DomainError::PasswordsDiffer,
        ),
        (
            change("wrong one", "twelve chars", "twelve chars"),
            DomainError::WrongCurrentPassword,
        ),
        (
            change("Demo!2026", "Demo!2026", "Demo!2026"),
            DomainError::PasswordTooShort { min: 12 },
        ),
    ];
    for (command, expected) in cases {
        let before = account.clone();
        assert_eq!(
            account.execute(member, now(), command),
            Err(expected.clone())
        );
        assert_eq!(account, before, "{expected:?} changed the account");
    }
    // Twelve characters counted as characters, not bytes: "åäö" is three.
    let new = "åäö lösenord";
    assert_eq!(new.chars().count(), 12);
    let outcome = account
        .execute(member, now(), change("Demo!2026", new, new))
        .unwrap();
    assert_eq!(outcome.entries.len(), 1);
    assert_eq!(outcome.entries[0].target, "member@acme.example");
    assert_eq!(outcome.entries[0].action.describe(), "Password changed");
    let user = account.user(member).unwrap();
    let hash = user.password.as_ref().unwrap();
    assert!(hash.verify(new));
    assert!(!hash.verify("Demo!2026"));
    assert!(!hash.as_phc().contains(new));
    // The same one again is refused.
    assert_eq!(
        account.execute(member, now(), change(new, new, new)),
        Err(DomainError::PasswordUnchanged)
    );
    // A Secret never shows its text.
    assert_eq!(format!("{:?}", Secret::new(new)), "Secret(..)");
}
