//! The demo data seeded on first start (and restorable later): two accounts
//! that use the two different billing portals.
//!
//! All demo users sign in with the password `Demo!2026`. Only salted
//! Argon2id hashes of it are in this file; they were made with
//! `cargo run --release -p portal-domain --example demo_hashes`.

use crate::time::Duration;
use crate::{
    Account, AccountId, BaseLicense, BasePlan, BillingCycle, BillingPortal, Day, Email, Group,
    GroupId, Meeting, MeetingId, PasswordHash, Portal, Role, Term, Timestamp, User, UserId,
};

/// One demo user: email, first name, last name, role, billing privilege, license.
pub struct DemoUser {
    pub account: AccountId,
    pub email: &'static str,
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub role: Role,
    pub billing_privilege: bool,
    pub license: BaseLicense,
}

pub const ACME: AccountId = AccountId(1);
pub const GLOBEX: AccountId = AccountId(2);

const fn user(
    account: AccountId,
    email: &'static str,
    first_name: &'static str,
    last_name: &'static str,
    role: Role,
    license: BaseLicense,
) -> DemoUser {
    DemoUser {
        account,
        email,
        first_name,
        last_name,
        billing_privilege: matches!(role, Role::Owner | Role::Admin),
        role,
        license,
    }
}

use BaseLicense::{Basic, Licensed};
use Role::{Admin, Member, Owner};

/// The demo users, in the order of [`DEMO_PASSWORD_HASHES`].
pub const DEMO_USERS: [DemoUser; 29] = [
    user(
        ACME,
        "owner@acme.example",
        "Olivia",
        "Owens",
        Owner,
        Licensed,
    ),
    user(
        ACME,
        "admin@acme.example",
        "Adam",
        "Atkins",
        Admin,
        Licensed,
    ),
    user(
        ACME,
        "member@acme.example",
        "Maya",
        "Moreno",
        Member,
        Licensed,
    ),
    user(
        ACME,
        "liam.baker@acme.example",
        "Liam",
        "Baker",
        Member,
        Licensed,
    ),
    user(
        ACME,
        "emma.clark@acme.example",
        "Emma",
        "Clark",
        Member,
        Licensed,
    ),
    user(
        ACME,
        "noah.davis@acme.example",
        "Noah",
        "Davis",
        Member,
        Licensed,
    ),
    user(
        ACME,
        "ava.evans@acme.example",
        "Ava",
        "Evans",
        Member,
        Licensed,
    ),
    user(
        ACME,
        "lucas.foster@acme.example",
        "Lucas",
        "Foster",
        Member,
        Licensed,
    ),
    user(
        ACME,
        "mia.garcia@acme.example",
        "Mia",
        "Garcia",
        Member,
        Licensed,
    ),
    // An admin who manages users but not billing.
    DemoUser {
        billing_privilege: false,
        ..user(
            ACME,
            "ethan.hughes@acme.example",
            "Ethan",
            "Hughes",
            Admin,
            Licensed,
        )
    },
    user(
        ACME,
        "sofia.ito@acme.example",
        "Sofia",
        "Ito",
        Member,
        Licensed,
    ),
    user(
        ACME,
        "james.jones@acme.example",
        "James",
        "Jones",
        Member,
        Licensed,
    ),
    user(
        ACME,
        "chloe.kim@acme.example",
        "Chloe",
        "Kim",
        Member,
        Licensed,
    ),
    user(
        ACME,
        "henry.lopez@acme.example",
        "Henry",
        "Lopez",
        Member,
        Licensed,
    ),
    user(
        ACME,
        "grace.miller@acme.example",
        "Grace",
        "Miller",
        Member,
        Licensed,
    ),
    user(
        ACME,
        "oscar.nguyen@acme.example",
        "Oscar",
        "Nguyen",
        Member,
        Licensed,
    ),
    user(ACME, "basic@acme.example", "Ben", "Brooks", Member, Basic),
    user(
        ACME,
        "zoe.patel@acme.example",
        "Zoe",
        "Patel",
        Member,
        Basic,
    ),
    user(
        ACME,
        "leo.quinn@acme.example",
        "Leo",
        "Quinn",
        Member,
        Basic,
    ),
    user(
        ACME,
        "ruby.reed@acme.example",
        "Ruby",
        "Reed",
        Member,
        Basic,
    ),
    user(
        GLOBEX,
        "owner@globex.example",
        "Greta",
        "Gustafsson",
        Owner,
        Licensed,
    ),
    user(
        GLOBEX,
        "admin@globex.example",
        "Anders",
        "Berg",
        Admin,
        Licensed,
    ),
    user(
        GLOBEX,
        "member@globex.example",
        "Maja",
        "Lindqvist",
        Member,
        Licensed,
    ),
    user(
        GLOBEX,
        "erik.holm@globex.example",
        "Erik",
        "Holm",
        Member,
        Licensed,
    ),
    user(
        GLOBEX,
        "sara.nilsson@globex.example",
        "Sara",
        "Nilsson",
        Member,
        Licensed,
    ),
    user(
        GLOBEX,
        "johan.ek@globex.example",
        "Johan",
        "Ek",
        Member,
        Licensed,
    ),
    user(
        GLOBEX,
        "elin.sandberg@globex.example",
        "Elin",
        "Sandberg",
        Member,
        Licensed,
    ),
    user(
        GLOBEX,
        "basic@globex.example",
        "Bo",
        "Bergström",
        Member,
        Basic,
    ),
    user(
        GLOBEX,
        "linnea.wall@globex.example",
        "Linnea",
        "Wall",
        Member,
        Basic,
    ),
];

/// Argon2id hashes of `Demo!2026`, each with its own random salt, in the
/// order of [`DEMO_USERS`].
pub const DEMO_PASSWORD_HASHES: [&str; 29] = include!("demo_hashes.in");

/// (host email, topic, days from now, hour of day UTC, duration in minutes)
const DEMO_MEETINGS: [(&str, &str, i64, i64, u32); 9] = [
    ("member@acme.example", "Quarterly Town Hall", 14, 15, 90),
    ("owner@acme.example", "Board review", 3, 9, 60),
    ("admin@acme.example", "IT office hours", 1, 13, 30),
    (
        "emma.clark@acme.example",
        "Customer webinar: spring release",
        10,
        16,
        60,
    ),
    ("liam.baker@acme.example", "Sales kick-off", 21, 8, 120),
    ("basic@acme.example", "Book club", 5, 17, 45),
    ("member@globex.example", "Styrelsemöte", 7, 10, 120),
    ("owner@globex.example", "Kvartalsgenomgång", 12, 9, 60),
    (
        "erik.holm@globex.example",
        "Produktdemo för kunder",
        4,
        14,
        45,
    ),
];

/// The demo groups: account, name, members. No rules: the admin sets them.
const DEMO_GROUPS: &[(AccountId, &str, &[&str])] = &[
    (
        ACME,
        "Events",
        &[
            "member@acme.example",
            "emma.clark@acme.example",
            "liam.baker@acme.example",
        ],
    ),
    (
        ACME,
        "Sales",
        &["liam.baker@acme.example", "zoe.patel@acme.example"],
    ),
    (
        GLOBEX,
        "Styrelsen",
        &["owner@globex.example", "member@globex.example"],
    ),
];

/// Builds the demo portal; meetings are scheduled relative to `now`.
pub fn portal(now: Timestamp) -> Portal {
    let today = Day::of(now);
    let mut acme = Account {
        id: ACME,
        name: "Acme Inc.".into(),
        billing_portal: BillingPortal::PlansAndBilling,
        base_plan: BasePlan {
            name: "Zoom Workplace Business".into(),
            seats: 20,
            meeting_capacity: 300,
            term: Term {
                cycle: BillingCycle::Annual,
                started_on: today.add_days(-150),
                periods: 1,
            },
        },
        users: Vec::new(),
        meetings: Vec::new(),
        large_meetings: Vec::new(),
        orders: Vec::new(),
        audit: Vec::new(),
        last_user_id: 0,
        groups: Vec::new(),
        last_group_id: 0,
    };
    let mut globex = Account {
        id: GLOBEX,
        name: "Globex AB".into(),
        billing_portal: BillingPortal::AccountManagement,
        base_plan: BasePlan {
            name: "Zoom Workplace Pro".into(),
            seats: 10,
            meeting_capacity: 100,
            term: Term {
                cycle: BillingCycle::Monthly,
                started_on: today.add_days(-18),
                periods: 1,
            },
        },
        users: Vec::new(),
        meetings: Vec::new(),
        large_meetings: Vec::new(),
        orders: Vec::new(),
        audit: Vec::new(),
        last_user_id: 0,
        groups: Vec::new(),
        last_group_id: 0,
    };
    for (index, (demo, phc)) in DEMO_USERS.iter().zip(DEMO_PASSWORD_HASHES).enumerate() {
        let account = if demo.account == ACME {
            &mut acme
        } else {
            &mut globex
        };
        account.users.push(User {
            id: UserId(index as u32 + 1),
            email: Email::parse(demo.email).expect("demo emails are valid"),
            first_name: demo.first_name.into(),
            last_name: demo.last_name.into(),
            role: demo.role,
            billing_privilege: demo.billing_privilege,
            license: demo.license,
            large_meetings: None,
            password: Some(PasswordHash::from_phc(phc).expect("demo hashes are valid")),
            membership: Default::default(),
        });
    }
    for (account, name, members) in DEMO_GROUPS {
        let account = if *account == ACME {
            &mut acme
        } else {
            &mut globex
        };
        account.last_group_id += 1;
        let id = GroupId(account.last_group_id);
        account.groups.push(Group {
            id,
            name: (*name).into(),
            rule: None,
        });
        for email in *members {
            let email = Email::parse(email).expect("demo emails are valid");
            let user = account
                .users
                .iter_mut()
                .find(|u| u.email == email)
                .expect("demo group members are demo users");
            user.membership.join(id);
        }
    }
    let midnight = Timestamp(now.millis() - now.millis().rem_euclid(Duration::days(1).0));
    for (index, (host, topic, days, hour, minutes)) in DEMO_MEETINGS.iter().enumerate() {
        let host = Email::parse(host).expect("demo emails are valid");
        for account in [&mut acme, &mut globex] {
            if let Some(user) = account.user_by_email(&host) {
                let meeting = Meeting {
                    id: MeetingId(index as u32 + 1),
                    host: user.id,
                    topic: (*topic).into(),
                    start: midnight + Duration::days(*days) + Duration::hours(*hour),
                    duration_minutes: *minutes,
                };
                account.meetings.push(meeting);
            }
        }
    }
    Portal {
        accounts: vec![acme, globex],
    }
}
