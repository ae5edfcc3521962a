//! Every command, tried by every kind of actor: an actor without the
//! permission the command declares ([`Command::permission`]) is refused with
//! that permission's reason, and the account is left as it was; an actor
//! with it is never refused for their role.
//!
//! `kind` names the commands without a wildcard, so a new command does not
//! compile here until `every_command` tries it.

use portal_domain::import::UserUpdate;
use portal_domain::{
    Account, AuditAction, AuditTarget, BaseLicense, BillingCycle, Capacity, Command, DomainError,
    Email, GroupRule, MeetingHandling, NewUser, Permission, Role, Secret, UserId,
};
use std::collections::HashSet;

mod common;

use common::{acme_with_p500_line, id, now, q, ADMIN, BASIC, EMMA, LIAM, MEMBER, OWNER};

/// Which command this is, one number per kind.
fn kind(command: &Command) -> usize {
    match command {
        Command::PurchaseLargeMeetings { .. } => 0,
        Command::AddBaseSeats { .. } => 1,
        Command::BulkAssignLargeMeetings { .. } => 2,
        Command::BulkRemoveLargeMeetings { .. } => 3,
        Command::EditUser { .. } => 4,
        Command::ReduceLine { .. } => 5,
        Command::CancelLine { .. } => 6,
        Command::UndoPendingChange { .. } => 7,
        Command::AddUser { .. } => 8,
        Command::ImportUsers { .. } => 9,
        Command::RemoveUser { .. } => 10,
        Command::ScheduleMeeting { .. } => 11,
        Command::ChangePassword { .. } => 12,
        Command::CreateGroup { .. } => 13,
        Command::RenameGroup { .. } => 14,
        Command::DeleteGroup { .. } => 15,
        Command::AddToGroup { .. } => 16,
        Command::RemoveFromGroup { .. } => 17,
        Command::SetGroupRule { .. } => 18,
        Command::UpdateUsers { .. } => 19,
        Command::SetLargeMeetings { .. } => 20,
    }
}
const KINDS: usize = 21;

/// One command of every kind, aimed at other users of the account (never at
/// the actor), so a refusal can only come from the actor's role.
fn every_command(account: &Account, actor: UserId) -> Vec<Command> {
    let liam = id(account, LIAM);
    let emma = id(account, EMMA);
    let group = |name: &str| account.group_by_name(name).unwrap().id;
    let (events, sales) = (group("Events"), group("Sales"));
    let new_user = |email: &str| NewUser {
        email: Email::parse(email).unwrap(),
        first_name: "New".into(),
        last_name: "Person".into(),
        license: BaseLicense::Basic,
        large_meetings: None,
        role: Role::Member,
        group: None,
    };
    vec![
        Command::PurchaseLargeMeetings {
            capacity: Capacity::P1000,
            quantity: q(1),
            cycle: BillingCycle::Annual,
        },
        Command::AddBaseSeats { quantity: q(1) },
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
            until: None,
        },
        Command::BulkRemoveLargeMeetings { users: vec![liam] },
        Command::EditUser {
            user: liam,
            role: Role::Member,
            license: BaseLicense::Basic,
            large_meetings: None,
            until: None,
        },
        Command::EditUser {
            user: liam,
            role: Role::Member,
            license: BaseLicense::Licensed,
            large_meetings: Some(Capacity::P500),
            until: None,
        },
        Command::EditUser {
            user: liam,
            role: Role::Admin,
            license: BaseLicense::Licensed,
            large_meetings: None,
            until: None,
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
        Command::UpdateUsers {
            updates: vec![UserUpdate {
                user: liam,
                first_name: Some("Liam".into()),
                last_name: Some("Updated".into()),
                license: None,
                large_meetings: None,
                role: Some(Role::Admin),
                group: Some("Imported".into()),
            }],
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
            expected_participants: None,
        },
        Command::ChangePassword {
            current: Secret::new("Demo!2026"),
            new: Secret::new("a much longer passphrase"),
            repeat: Secret::new("a much longer passphrase"),
            salt: [3; 16],
        },
        Command::CreateGroup {
            name: "Webinar hosts".into(),
        },
        Command::RenameGroup {
            group: events,
            name: "Event hosts".into(),
        },
        Command::DeleteGroup { group: sales },
        Command::AddToGroup {
            group: sales,
            users: vec![emma],
        },
        Command::RemoveFromGroup {
            group: events,
            users: vec![liam],
        },
        Command::SetGroupRule {
            group: events,
            rule: Some(GroupRule {
                capacity: Capacity::P500,
                workplace: false,
            }),
        },
        Command::SetLargeMeetings {
            changes: vec![(liam, Some(Capacity::P500))],
        },
    ]
}

const ROLE_ERRORS: [DomainError; 3] = [
    DomainError::NeedsBillingPrivilege,
    DomainError::NeedsUserAdmin,
    DomainError::NotYourMeeting,
];

#[test]
fn every_command_refuses_exactly_the_actors_without_its_permission_and_changes_nothing() {
    // (actor, may manage billing, may manage users)
    let actors = [
        (OWNER, true, true),
        (ADMIN, true, true),
        ("ethan.hughes@acme.example", false, true),
        (MEMBER, false, false),
        (BASIC, false, false),
    ];
    let mut tried = 0;
    for (email, billing, users) in actors {
        let account = acme_with_p500_line();
        let actor = id(&account, email);
        let user = account.user(actor).unwrap();
        assert_eq!(
            Permission::ManageBilling.granted_to(user),
            billing,
            "{email}"
        );
        assert_eq!(Permission::ManageUsers.granted_to(user), users, "{email}");
        assert_eq!(
            Permission::ManageOthersMeetings.granted_to(user),
            users,
            "{email}"
        );
        assert!(Permission::Themselves.granted_to(user), "{email}");
        let commands = every_command(&account, actor);
        let kinds: HashSet<usize> = commands.iter().map(kind).collect();
        assert_eq!(kinds.len(), KINDS, "every kind of command is tried");
        for command in commands {
            let permission = command.permission(actor);
            let mut changed = account.clone();
            let result = changed.execute(actor, now(), command.clone());
            tried += 1;
            if permission.granted_to(user) {
                if let Err(error) = &result {
                    assert!(
                        !ROLE_ERRORS.contains(error),
                        "{email} may {command:?} but was refused: {error:?}"
                    );
                }
            } else {
                assert_eq!(result, Err(permission.refusal()), "{email}: {command:?}");
                assert_eq!(
                    changed, account,
                    "{email}: a refused {command:?} changed the account"
                );
            }
        }
    }
    assert_eq!(tried, 5 * 23);
}

#[test]
fn billing_needs_the_billing_privilege_users_need_an_admin_and_anyone_acts_for_themselves() {
    use Permission::*;
    let account = acme_with_p500_line();
    let member = id(&account, MEMBER);
    let declared: Vec<Permission> = every_command(&account, member)
        .iter()
        .map(|command| command.permission(member))
        .collect();
    assert_eq!(
        declared,
        [
            // Purchase, add seats, reduce, cancel, undo.
            [ManageBilling; 5].as_slice(),
            // Change Licenses (assign, remove), Edit User (three saves),
            // Add Users, Import Users (add, update), Remove User.
            &[ManageUsers; 9],
            // Their own meeting, their own password.
            &[Themselves; 2],
            // Groups: add, rename, delete, members in and out, the rule;
            // License Usage's actions.
            &[ManageUsers; 7],
        ]
        .concat()
    );
    assert_eq!(ManageBilling.refusal(), DomainError::NeedsBillingPrivilege);
    assert_eq!(ManageUsers.refusal(), DomainError::NeedsUserAdmin);
    assert_eq!(ManageOthersMeetings.refusal(), DomainError::NotYourMeeting);
    let liam = id(&account, LIAM);
    let for_liam = Command::ScheduleMeeting {
        host: liam,
        topic: "Planning".into(),
        start: now() + portal_domain::time::Duration::days(1),
        duration_minutes: 30,
        expected_participants: None,
    };
    assert_eq!(for_liam.permission(member), ManageOthersMeetings);
    assert_eq!(for_liam.permission(liam), Themselves);
}

#[test]
fn a_member_cannot_schedule_for_someone_else_and_nobody_acts_from_outside() {
    let account = acme_with_p500_line();
    let member = id(&account, MEMBER);
    let liam = id(&account, LIAM);
    let mut changed = account.clone();
    let result = changed.execute(
        member,
        now(),
        Command::ScheduleMeeting {
            host: liam,
            topic: "Not mine".into(),
            start: now() + portal_domain::time::Duration::days(1),
            duration_minutes: 30,
            expected_participants: None,
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
    let mut account = acme_with_p500_line();
    let member = id(&account, MEMBER);
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
    assert_eq!(
        outcome.entries[0].target,
        AuditTarget::User(Email::parse(MEMBER).unwrap())
    );
    assert_eq!(outcome.entries[0].action, AuditAction::PasswordChanged);
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
