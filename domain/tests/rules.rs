//! The rules of the skeleton, as a person using the portal would notice them.

use portal_domain::access::{decide, visible_areas};
use portal_domain::demo::{ACME, DEMO_PASSWORD_HASH, GLOBEX};
use portal_domain::time::Duration;
use portal_domain::{
    Account, Area, BaseLicense, BillingPortal, Decision, Email, Portal, Role, SignInError,
    SignInThrottle, User,
};
use std::collections::HashSet;

mod common;

use common::{portal_at, LATER};

const PASSWORD: &str = "Demo!2026";

fn account(portal: &Portal, id: portal_domain::AccountId) -> &Account {
    portal.accounts.iter().find(|a| a.id == id).unwrap()
}

fn by_email<'a>(portal: &'a Portal, email: &str) -> (&'a Account, &'a User) {
    portal
        .find_by_email(&Email::parse(email).unwrap())
        .unwrap_or_else(|| panic!("{email} is a demo user"))
}

#[test]
fn acme_matches_the_demo_description() {
    let portal = portal_at(LATER);
    let acme = account(&portal, ACME);
    assert_eq!(acme.name, "Acme Inc.");
    assert_eq!(acme.billing_portal, BillingPortal::PlansAndBilling);
    assert_eq!(acme.base_plan.name, "Zoom Workplace Business");
    assert_eq!(acme.base_plan.meeting_capacity, 300);
    assert_eq!(acme.base_plan.seats, 20);
    assert_eq!(acme.seats_in_use(), 16);
    assert_eq!(acme.seats_available(), 4);
    assert_eq!(acme.users.len(), 20);
    let basic: Vec<_> = acme
        .users
        .iter()
        .filter(|u| u.license == BaseLicense::Basic)
        .collect();
    assert_eq!(basic.len(), 4);
    assert!(basic
        .iter()
        .any(|u| u.email.as_str() == "basic@acme.example"));
}

#[test]
fn globex_matches_the_demo_description() {
    let portal = portal_at(LATER);
    let globex = account(&portal, GLOBEX);
    assert_eq!(globex.name, "Globex AB");
    assert_eq!(globex.billing_portal, BillingPortal::AccountManagement);
    assert_eq!(globex.base_plan.name, "Zoom Workplace Pro");
    assert_eq!(globex.base_plan.meeting_capacity, 100);
    assert_eq!(globex.base_plan.seats, 10);
    assert_eq!(globex.seats_in_use(), 7);
    assert_eq!(globex.users.len(), 9);
    assert!(globex
        .users
        .iter()
        .any(|u| u.email.as_str() == "basic@globex.example" && u.license == BaseLicense::Basic));
}

#[test]
fn the_named_demo_users_have_their_roles_and_licenses() {
    let portal = portal_at(LATER);
    for (email, role, billing) in [
        ("owner@acme.example", Role::Owner, true),
        ("admin@acme.example", Role::Admin, true),
        ("member@acme.example", Role::Member, false),
        ("owner@globex.example", Role::Owner, true),
        ("admin@globex.example", Role::Admin, true),
        ("member@globex.example", Role::Member, false),
    ] {
        let (_, user) = by_email(&portal, email);
        assert_eq!(user.role, role, "{email}");
        assert_eq!(user.can_manage_billing(), billing, "{email}");
        assert_eq!(user.license, BaseLicense::Licensed, "{email}");
    }
    for account in &portal.accounts {
        let owners = account
            .users
            .iter()
            .filter(|u| u.role == Role::Owner)
            .count();
        assert_eq!(owners, 1, "{} has exactly one owner", account.name);
    }
}

#[test]
fn every_email_and_id_is_unique_across_the_portal() {
    let portal = portal_at(LATER);
    let users: Vec<&User> = portal.accounts.iter().flat_map(|a| &a.users).collect();
    let emails: HashSet<_> = users.iter().map(|u| &u.email).collect();
    let ids: HashSet<_> = users.iter().map(|u| u.id).collect();
    assert_eq!(emails.len(), users.len());
    assert_eq!(ids.len(), users.len());
}

#[test]
fn the_members_host_their_named_meetings_and_others_host_meetings_too() {
    let portal = portal_at(LATER);
    let (acme, maya) = by_email(&portal, "member@acme.example");
    let topics: Vec<_> = acme
        .meetings_hosted_by(maya.id)
        .iter()
        .map(|m| m.topic.clone())
        .collect();
    assert_eq!(topics, ["Quarterly Town Hall"]);
    let hosts: HashSet<_> = acme.meetings.iter().map(|m| m.host).collect();
    assert!(hosts.len() >= 3, "several Acme users host meetings");

    let (globex, maja) = by_email(&portal, "member@globex.example");
    let topics: Vec<_> = globex
        .meetings_hosted_by(maja.id)
        .iter()
        .map(|m| m.topic.clone())
        .collect();
    assert_eq!(topics, ["Styrelsemöte"]);
    for account in &portal.accounts {
        for meeting in &account.meetings {
            assert!(meeting.start > LATER, "demo meetings lie in the future");
            assert!(account.user(meeting.host).is_some());
        }
    }
}

#[test]
fn every_demo_user_signs_in_with_the_demo_password() {
    let portal = portal_at(LATER);
    for user in portal.accounts.iter().flat_map(|a| &a.users) {
        let session = portal
            .sign_in(
                &mut SignInThrottle::default(),
                user.email.as_str(),
                PASSWORD,
                LATER,
            )
            .unwrap_or_else(|e| panic!("{} cannot sign in: {e}", user.email));
        assert_eq!(session.user, user.id);
        assert_eq!(session.last_active, LATER);
    }
}

#[test]
fn demo_passwords_are_stored_only_as_a_salted_hash_and_a_changed_one_gets_its_own_salt() {
    assert!(DEMO_PASSWORD_HASH.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    assert!(!DEMO_PASSWORD_HASH.contains(PASSWORD));
    for (key, text) in portal_domain::persist::encode_all(&portal_at(LATER), 1, LATER) {
        assert!(!text.contains(PASSWORD), "{key}");
    }
    let mut portal = portal_at(LATER);
    let owner = portal.accounts[0].users[0].id;
    portal.accounts[0]
        .execute(
            owner,
            LATER,
            portal_domain::Command::ChangePassword {
                current: portal_domain::Secret::new(PASSWORD),
                new: portal_domain::Secret::new("a much longer passphrase"),
                repeat: portal_domain::Secret::new("a much longer passphrase"),
                salt: [7; 16],
            },
        )
        .unwrap();
    let salts: HashSet<&str> = (portal.accounts.iter().flat_map(|a| &a.users))
        .map(|u| {
            u.password
                .as_ref()
                .unwrap()
                .as_phc()
                .split('$')
                .nth(4)
                .unwrap()
        })
        .collect();
    assert_eq!(salts.len(), 2, "the changed password has a salt of its own");
}

#[test]
fn sign_in_ignores_email_case_and_surrounding_spaces() {
    let portal = portal_at(LATER);
    let session = portal
        .sign_in(
            &mut SignInThrottle::default(),
            "  Owner@ACME.example ",
            PASSWORD,
            LATER,
        )
        .unwrap();
    let (account, user) = portal.resolve(&session).unwrap();
    assert_eq!(account.id, ACME);
    assert_eq!(user.email.as_str(), "owner@acme.example");
}

#[test]
fn a_wrong_password_and_an_unknown_email_give_the_same_error() {
    let portal = portal_at(LATER);
    let wrong_password = portal.sign_in(
        &mut SignInThrottle::default(),
        "owner@acme.example",
        "demo!2026",
        LATER,
    );
    let unknown_email = portal.sign_in(
        &mut SignInThrottle::default(),
        "nobody@acme.example",
        PASSWORD,
        LATER,
    );
    let not_an_email = portal.sign_in(&mut SignInThrottle::default(), "owner", PASSWORD, LATER);
    assert_eq!(wrong_password, Err(SignInError::InvalidCredentials));
    assert_eq!(unknown_email, Err(SignInError::InvalidCredentials));
    assert_eq!(not_an_email, Err(SignInError::InvalidCredentials));
}

#[test]
fn five_failures_make_the_next_tries_wait_thirty_seconds_even_with_the_right_password() {
    let portal = portal_at(LATER);
    let mut throttle = SignInThrottle::default();
    let at = |s: i64| LATER + Duration::seconds(s);
    for i in 0..4 {
        assert_eq!(
            portal.sign_in(&mut throttle, "owner@acme.example", "guess", at(i)),
            Err(SignInError::InvalidCredentials)
        );
    }
    let fifth = portal.sign_in(&mut throttle, "Owner@acme.example", "guess", at(4));
    assert_eq!(fifth, Err(SignInError::TooManyAttempts { seconds: 30 }));
    assert_eq!(
        portal.sign_in(&mut throttle, "owner@acme.example", PASSWORD, at(20)),
        Err(SignInError::TooManyAttempts { seconds: 14 })
    );
    // Another address is not held up, and the wait ends after 30 seconds.
    assert!(portal
        .sign_in(&mut throttle, "admin@acme.example", PASSWORD, at(20))
        .is_ok());
    assert!(portal
        .sign_in(&mut throttle, "owner@acme.example", PASSWORD, at(34))
        .is_ok());
    assert!(throttle.is_empty(), "success clears the failures");
}

#[test]
fn unknown_addresses_wait_the_same_so_the_wait_reveals_nothing() {
    let portal = portal_at(LATER);
    let mut throttle = SignInThrottle::default();
    let results: Vec<_> = (0..5)
        .map(|_| portal.sign_in(&mut throttle, "nobody@acme.example", "guess", LATER))
        .collect();
    assert_eq!(results[3], Err(SignInError::InvalidCredentials));
    assert_eq!(
        results[4],
        Err(SignInError::TooManyAttempts { seconds: 30 })
    );
    // Empty fields are not tries.
    let mut throttle = SignInThrottle::default();
    for _ in 0..10 {
        let _ = portal.sign_in(&mut throttle, "owner@acme.example", "", LATER);
    }
    assert!(throttle.is_empty());
}

#[test]
fn empty_fields_are_named() {
    let portal = portal_at(LATER);
    assert_eq!(
        portal.sign_in(&mut SignInThrottle::default(), "  ", PASSWORD, LATER),
        Err(SignInError::MissingEmail)
    );
    assert_eq!(
        portal.sign_in(
            &mut SignInThrottle::default(),
            "owner@acme.example",
            "",
            LATER
        ),
        Err(SignInError::MissingPassword)
    );
}

#[test]
fn navigation_follows_role_and_billing_portal() {
    use Area::*;
    let portal = portal_at(LATER);
    let expected: [(&str, &[Area]); 6] = [
        (
            "owner@acme.example",
            &[PlanManagement, Users, ActivityLogs, Meetings, Profile],
        ),
        (
            "admin@acme.example",
            &[PlanManagement, Users, ActivityLogs, Meetings, Profile],
        ),
        ("member@acme.example", &[Meetings, Profile]),
        (
            "owner@globex.example",
            &[Billing, Users, ActivityLogs, Meetings, Profile],
        ),
        (
            "admin@globex.example",
            &[Billing, Users, ActivityLogs, Meetings, Profile],
        ),
        ("member@globex.example", &[Meetings, Profile]),
    ];
    for (email, areas) in expected {
        let (account, user) = by_email(&portal, email);
        assert_eq!(visible_areas(account, user), areas, "{email}");
    }
}

#[test]
fn members_are_refused_admin_areas_and_admins_without_billing_privilege_billing() {
    let mut portal = portal_at(LATER);
    {
        let (account, member) = by_email(&portal, "member@acme.example");
        for area in [
            Area::Users,
            Area::ActivityLogs,
            Area::PlanManagement,
            Area::Billing,
        ] {
            assert_eq!(
                decide(account, member, area),
                Decision::NotAuthorised,
                "{area:?}"
            );
        }
    }
    let acme = portal.accounts.iter_mut().find(|a| a.id == ACME).unwrap();
    let admin = acme
        .users
        .iter_mut()
        .find(|u| u.role == Role::Admin)
        .unwrap();
    admin.billing_privilege = false;
    let (account, admin) = by_email(&portal, "admin@acme.example");
    assert_eq!(decide(account, admin, Area::Users), Decision::Allowed);
    assert_eq!(
        decide(account, admin, Area::PlanManagement),
        Decision::NotAuthorised
    );
}

#[test]
fn acme_has_an_admin_without_the_billing_privilege() {
    use Area::*;
    let portal = portal_at(LATER);
    let (account, ethan) = by_email(&portal, "ethan.hughes@acme.example");
    assert_eq!((ethan.role, ethan.billing_privilege), (Role::Admin, false));
    assert_eq!(
        visible_areas(account, ethan),
        [Users, ActivityLogs, Meetings, Profile]
    );
    assert_eq!(
        decide(account, ethan, PlanManagement),
        Decision::NotAuthorised
    );
}

#[test]
fn the_other_billing_portal_points_to_the_accounts_own() {
    let portal = portal_at(LATER);
    let (acme, owner) = by_email(&portal, "owner@acme.example");
    assert_eq!(
        decide(acme, owner, Area::Billing),
        Decision::OtherPortal(BillingPortal::PlansAndBilling)
    );
    let (globex, owner) = by_email(&portal, "owner@globex.example");
    assert_eq!(
        decide(globex, owner, Area::PlanManagement),
        Decision::OtherPortal(BillingPortal::AccountManagement)
    );
}

#[test]
fn a_meetings_capacity_follows_its_hosts_license_at_the_time_of_asking() {
    let mut portal = portal_at(LATER);
    let acme = portal.accounts.iter_mut().find(|a| a.id == ACME).unwrap();
    let host = acme
        .users
        .iter()
        .find(|u| u.email.as_str() == "basic@acme.example")
        .unwrap()
        .id;
    let meeting = acme.meetings_hosted_by(host)[0].clone();
    assert_eq!(acme.effective_capacity(&meeting), Some(100));
    acme.users
        .iter_mut()
        .find(|u| u.id == host)
        .unwrap()
        .license = BaseLicense::Licensed;
    assert_eq!(
        acme.effective_capacity(&meeting),
        Some(300),
        "no edit of the meeting needed"
    );
}
