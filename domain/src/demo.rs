//! The demo data seeded on first start (and restorable later): two accounts
//! that use the two different billing portals.
//!
//! All demo users sign in with the password `Demo!2026`. Only a salted
//! Argon2id hash of it is in this file; it was made with
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

/// The demo users (their ids in this order).
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

/// The salted Argon2id hash of `Demo!2026` every demo user starts with.
/// One hash, not one per user: the password is published, so separate
/// salts would hide nothing, and 28 more hashes (random, incompressible)
/// were 1.4 KB of the first download. A password a user sets gets a salt of
/// its own.
pub const DEMO_PASSWORD_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$bUSnt5PybcYccHG78ps0eA$u9MKc7iPX4nCRaLaYTPWuIgabJ58qL+E6WY5AFI/Ksw";

/// (host email, topic, days from now, hour of day UTC, duration in
/// minutes, expected participants or 0)
const DEMO_MEETINGS: [(&str, &str, i64, i64, u32, u32); 9] = [
    (
        "member@acme.example",
        "Quarterly Town Hall",
        14,
        15,
        90,
        800,
    ),
    ("owner@acme.example", "Board review", 3, 9, 60, 12),
    ("admin@acme.example", "IT office hours", 1, 13, 30, 0),
    (
        "emma.clark@acme.example",
        "Customer webinar: spring release",
        10,
        16,
        60,
        0,
    ),
    ("liam.baker@acme.example", "Sales kick-off", 21, 8, 120, 450),
    ("basic@acme.example", "Book club", 5, 17, 45, 0),
    ("member@globex.example", "Styrelsemöte", 7, 10, 120, 9),
    ("owner@globex.example", "Kvartalsgenomgång", 12, 9, 60, 0),
    (
        "erik.holm@globex.example",
        "Produktdemo för kunder",
        4,
        14,
        45,
        180,
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
        history: Default::default(),
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
        history: Default::default(),
    };
    let password = PasswordHash::from_phc(DEMO_PASSWORD_HASH).expect("the demo hash is valid");
    for (index, demo) in DEMO_USERS.iter().enumerate() {
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
            password: Some(password.clone()),
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
    for (index, (host, topic, days, hour, minutes, expected)) in DEMO_MEETINGS.iter().enumerate() {
        let host = Email::parse(host).expect("demo emails are valid");
        for account in [&mut acme, &mut globex] {
            if let Some(user) = account.user_by_email(&host) {
                let meeting = Meeting {
                    id: MeetingId(index as u32 + 1),
                    host: user.id,
                    topic: (*topic).into(),
                    start: midnight + Duration::days(*days) + Duration::hours(*hour),
                    duration_minutes: *minutes,
                    expected_participants: (*expected > 0).then_some(*expected),
                };
                account.meetings.push(meeting);
            }
        }
    }
    for account in [&mut acme, &mut globex] {
        seed_history(account, midnight);
    }
    Portal {
        accounts: vec![acme, globex],
    }
}

/// Recurring topics of the demo history, by account language.
const HISTORY_TOPICS: [[&str; 6]; 2] = [
    [
        "Team sync",
        "Project stand-up",
        "Design review",
        "One-to-one",
        "Planning",
        "Customer call",
    ],
    [
        "Veckomöte",
        "Projektavstämning",
        "Designgenomgång",
        "Enskilt samtal",
        "Planering",
        "Kundsamtal",
    ],
];

/// Hosts whose demo history stands out: (email, topic, lowest peak,
/// highest peak). Liam's sales meetings outgrow Acme's 300 participants,
/// Emma's webinars never do (a Large Meetings license given to her would
/// sit idle), and Erik's demos outgrow Globex's 100.
const HISTORY_HOSTS: [(&str, &str, u32, u32); 3] = [
    ("liam.baker@acme.example", "Sales all-hands", 320, 460),
    ("emma.clark@acme.example", "Customer webinar", 150, 280),
    ("erik.holm@globex.example", "Produktdemo", 120, 240),
];

/// 90 days of held meetings before `midnight`: each user hosts one
/// recurring meeting a week, on a weekday and at an hour of their own, with
/// peaks drawn from a fixed seed (the same history every time).
fn seed_history(account: &mut Account, midnight: Timestamp) {
    let mut seed: u64 = 0x2026_1206 ^ u64::from(account.id.0);
    let mut next = move |below: u32| {
        // splitmix64
        seed = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % u64::from(below.max(1))) as u32
    };
    let topics =
        HISTORY_TOPICS[usize::from(account.billing_portal == BillingPortal::AccountManagement)];
    let hosts: Vec<(UserId, &str, u32, u32, u32)> = (account.users.iter().enumerate())
        .map(|(index, user)| {
            let special = HISTORY_HOSTS.iter().find(|h| h.0 == user.email.as_str());
            let (topic, low, high) = match special {
                Some((_, topic, low, high)) => (*topic, *low, *high),
                None if user.license == BaseLicense::Basic => (topics[index % 6], 3, 60),
                // Well inside the base plan's capacity.
                None => (
                    topics[index % 6],
                    4,
                    (20 + (index as u32 * 37) % 160)
                        .min(account.base_plan.meeting_capacity * 9 / 10),
                ),
            };
            (user.id, topic, index as u32 % 5, low, high)
        })
        .collect();
    for days_ago in (1..=90).rev() {
        let day = Day::of(midnight).add_days(-days_ago);
        let weekday = crate::usage::monday_of(day).days_until(day) as u32;
        for (n, (host, topic, on, low, high)) in hosts.iter().enumerate() {
            if weekday != *on {
                continue;
            }
            let hour = 8 + (n as i64 % 9);
            let start = day.start() + Duration::hours(hour);
            let minutes = [30, 45, 60, 90][n % 4];
            let peak = low + next(high - low + 1);
            account
                .history
                .record(*host, topic, start, minutes, peak)
                .expect("demo meetings are valid");
        }
    }
}
