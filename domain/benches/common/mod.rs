//! An account of 50,000 users, made the way a person would: through the
//! Import Users file, on the demo's Acme with enough seats bought.

use portal_domain::demo::{self, ACME};
use portal_domain::import::ImportMode;
use portal_domain::{
    Account, BillingCycle, Capacity, Command, Day, Email, Importer, Quantity, Timestamp, UserId,
};

pub const USERS: usize = 50_000;
/// The first rows of the file are Licensed, so bulk changes have users.
pub const LICENSED: usize = 20_000;

pub fn now() -> Timestamp {
    Day::from_ymd(2026, 4, 1).unwrap().start()
}

/// The import file: realistic names and emails, `LICENSED` Licensed users
/// first, the rest Basic.
pub fn csv(users: usize) -> String {
    let first = [
        "Anna", "Erik", "Maria", "Lars", "Karin", "James", "Olivia", "Noah", "Sofia", "Liam",
    ];
    let last = [
        "Lindqvist",
        "Andersson",
        "Johansson",
        "Smith",
        "Williams",
        "Nilsson",
        "Brown",
        "Berg",
    ];
    let mut text = String::from("Email,First Name,Last Name,User Type\n");
    for i in 0..users {
        let (f, l) = (first[i % first.len()], last[(i / 7) % last.len()]);
        let kind = if i < LICENSED { "Licensed" } else { "Basic" };
        text.push_str(&format!(
            "{}.{}.{i}@bench.example,{f},{l},{kind}\n",
            f.to_lowercase(),
            l.to_lowercase()
        ));
    }
    text
}

pub fn owner(account: &Account) -> UserId {
    account
        .user_by_email(&Email::parse("owner@acme.example").unwrap())
        .unwrap()
        .id
}

/// Acme with `USERS` more users and 2,000 Large Meetings 500 licenses.
pub fn big_acme() -> Account {
    let mut acme = demo::portal(now())
        .accounts
        .into_iter()
        .find(|a| a.id == ACME)
        .unwrap();
    acme.base_plan.seats = 60_000;
    let owner = owner(&acme);
    acme.execute(
        owner,
        now(),
        Command::PurchaseLargeMeetings {
            capacity: Capacity::P500,
            quantity: Quantity::new(2_000).unwrap(),
            cycle: BillingCycle::Monthly,
        },
    )
    .unwrap();
    let mode = ImportMode::Add;
    let mut importer = Importer::new(&acme, csv(USERS).into_bytes(), mode, owner).unwrap();
    while !importer.step(10_000) {}
    let command = importer.finish(&acme, now()).unwrap().command;
    acme.execute(owner, now(), command).unwrap();
    acme
}

/// `big_acme` with a group "Webinars" of `members` imported users (Licensed
/// first), 19,998 Large Meetings 1,000 licenses, and no rule yet.
pub fn with_group(mut acme: Account, members: usize) -> (Account, portal_domain::GroupId) {
    let owner = owner(&acme);
    let run = |acme: &mut Account, command| acme.execute(owner, now(), command).unwrap();
    // An order takes at most 9,999 licenses.
    for _ in 0..2 {
        run(
            &mut acme,
            Command::PurchaseLargeMeetings {
                capacity: Capacity::P1000,
                quantity: Quantity::new(9_999).unwrap(),
                cycle: BillingCycle::Monthly,
            },
        );
    }
    run(
        &mut acme,
        Command::CreateGroup {
            name: "Webinars".into(),
        },
    );
    let group = acme.group_by_name("Webinars").unwrap().id;
    let users: Vec<UserId> = acme
        .users
        .iter()
        .filter(|u| u.email.as_str().ends_with("@bench.example"))
        .take(members)
        .map(|u| u.id)
        .collect();
    run(&mut acme, Command::AddToGroup { group, users });
    (acme, group)
}

/// `meetings` held meetings over the year before [`now`], hosted by the
/// imported users (one in four hosts), in 40 recurring topics, with peaks
/// of up to 1,200: a year of a 50,000-user account's meetings.
pub fn with_history(mut account: Account, meetings: u32) -> Account {
    use portal_domain::time::Duration;
    let hosts: Vec<UserId> = account.users.iter().map(|u| u.id).step_by(4).collect();
    let topics: Vec<String> = (0..40).map(|i| format!("Recurring topic {i}")).collect();
    let year = Duration::days(365).millis();
    let step = year / i64::from(meetings);
    for i in 0..meetings {
        let at = now().millis() - year + i64::from(i) * step;
        let start = Timestamp(at - at.rem_euclid(60_000));
        let host = hosts[(i as usize * 7919) % hosts.len()];
        let peak = (i * 37) % 1_200;
        account
            .history
            .record(host, &topics[i as usize % 40], start, 15 + i % 120, peak)
            .unwrap();
    }
    account
}
