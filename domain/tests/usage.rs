//! License Usage from meeting data: meetings at risk, right-sizing, weekly
//! peaks and the command that applies their suggestions.

mod common;

use common::{acme, acme_with_p500_line, buy, id, now, ADMIN, BASIC, EMMA, LIAM, MEMBER};
use portal_domain::time::Duration;
use portal_domain::usage::{fitting, monday_of, Change, Fix};
use portal_domain::{
    Account, AuditAction, BaseLicense, BillingCycle, Capacity, Command, Day, DomainError, Meeting,
    MeetingId, Timestamp, UserId,
};
use proptest::prelude::*;

fn set(account: &mut Account, changes: Vec<(UserId, Option<Capacity>)>) -> Result<(), DomainError> {
    let admin = id(account, ADMIN);
    account
        .execute(admin, now(), Command::SetLargeMeetings { changes })
        .map(|_| ())
}

#[test]
fn the_demo_town_hall_is_at_risk_and_needs_a_purchase_until_a_fitting_license_is_free() {
    let mut acme = acme();
    let risks = acme.at_risk(now());
    assert_eq!(risks.len(), 2, "{risks:?}");
    let town_hall = risks
        .iter()
        .find(|r| r.meeting.topic == "Quarterly Town Hall")
        .unwrap();
    assert_eq!((town_hall.expected, town_hall.capacity), (800, 300));
    assert_eq!(town_hall.fix, Fix::Buy(Capacity::P1000));
    // Liam's Sales kick-off expects 450: Large Meetings 500 fits it.
    let kick_off = risks
        .iter()
        .find(|r| r.meeting.topic == "Sales kick-off")
        .unwrap();
    assert_eq!(kick_off.fix, Fix::Buy(Capacity::P500));

    buy(&mut acme, Capacity::P500, 1, BillingCycle::Monthly);
    buy(&mut acme, Capacity::P3000, 1, BillingCycle::Monthly);
    let fixes: Vec<Fix> = acme.at_risk(now()).iter().map(|r| r.fix).collect();
    // The smallest owned capacity that fits and has a free license.
    assert_eq!(
        fixes,
        [Fix::Assign(Capacity::P3000), Fix::Assign(Capacity::P500)]
    );

    let member = id(&acme, MEMBER);
    set(&mut acme, vec![(member, Some(Capacity::P3000))]).unwrap();
    let left: Vec<&str> = (acme.at_risk(now()).iter())
        .map(|r| r.meeting.topic.as_str())
        .collect();
    assert_eq!(left, ["Sales kick-off"]);
}

#[test]
fn a_meeting_that_has_ended_or_expects_no_number_is_never_at_risk() {
    let mut acme = acme();
    let member = id(&acme, MEMBER);
    acme.meetings.push(Meeting {
        id: MeetingId(99),
        host: member,
        topic: "Yesterday".into(),
        start: Timestamp(now().millis() - Duration::days(1).millis()),
        duration_minutes: 60,
        expected_participants: Some(5000),
    });
    let later = now() + Duration::days(60);
    assert!(acme.at_risk(later).is_empty());
    assert!(acme
        .at_risk(now())
        .iter()
        .all(|r| r.meeting.topic != "Yesterday"));
}

#[test]
fn a_basic_host_whose_meeting_fits_the_base_plan_needs_a_paid_seat_not_an_add_on() {
    let mut acme = acme();
    let basic = id(&acme, BASIC);
    let book_club = acme
        .meetings
        .iter_mut()
        .find(|m| m.topic == "Book club")
        .unwrap();
    book_club.expected_participants = Some(250);
    let risk = *acme
        .at_risk(now())
        .iter()
        .find(|r| r.meeting.host == basic)
        .unwrap();
    assert_eq!((risk.capacity, risk.fix), (100, Fix::Licensed));
    set(&mut acme, vec![(basic, None)]).unwrap();
    assert_eq!(acme.user(basic).unwrap().license, BaseLicense::Licensed);
    assert!(acme.at_risk(now()).iter().all(|r| r.meeting.host != basic));
}

#[test]
fn right_sizing_finds_the_host_who_outgrew_300_and_the_idle_license() {
    let mut acme = acme();
    let (liam, emma) = (id(&acme, LIAM), id(&acme, EMMA));
    let ninety = acme.right_sizing(now(), 90);
    let up = ninety.iter().find(|s| s.user == liam).unwrap();
    assert!(up.peak > 300 && up.peak <= 500, "{up:?}");
    assert_eq!(up.change, Change::Up(Fix::Buy(Capacity::P500)));
    let member = ninety.iter().find(|s| s.user == id(&acme, MEMBER)).unwrap();
    assert_eq!(
        (member.expected, member.change),
        (800, Change::Up(Fix::Buy(Capacity::P1000)))
    );
    assert!(
        ninety.iter().all(|s| s.user != emma),
        "Emma holds nothing yet"
    );

    buy(&mut acme, Capacity::P500, 2, BillingCycle::Monthly);
    set(&mut acme, vec![(emma, Some(Capacity::P500))]).unwrap();
    let ninety = acme.right_sizing(now(), 90);
    let idle = ninety.iter().find(|s| s.user == emma).unwrap();
    assert!(idle.peak <= 300 && idle.meetings > 0, "{idle:?}");
    assert_eq!(idle.change, Change::Remove);
    // One license of 500 is free: Liam gets it.
    let up = ninety.iter().find(|s| s.user == liam).unwrap();
    assert_eq!(up.change, Change::Up(Fix::Assign(Capacity::P500)));

    // Applying both in one change: Emma's license goes to Liam.
    let changes: Vec<_> = ninety
        .iter()
        .filter_map(|s| s.after().map(|a| (s.user, a)))
        .collect();
    set(&mut acme, changes).unwrap();
    assert_eq!(
        acme.user(liam).unwrap().large_meetings,
        Some(Capacity::P500)
    );
    assert_eq!(acme.user(emma).unwrap().large_meetings, None);
    assert!(acme
        .right_sizing(now(), 90)
        .iter()
        .all(|s| s.user != liam && s.user != emma));
}

#[test]
fn the_period_decides_which_peaks_count() {
    let mut acme = acme();
    let emma = id(&acme, EMMA);
    acme.history.meetings.retain(|m| m.host != emma);
    let start = Day::of(now()).add_days(-60).start() + Duration::hours(9);
    acme.history.record(emma, "Launch", start, 60, 900).unwrap();
    let in_ninety = acme.right_sizing(now(), 90);
    let sizing = in_ninety.iter().find(|s| s.user == emma).unwrap();
    assert_eq!((sizing.peak, sizing.meetings), (900, 1));
    assert_eq!(sizing.change, Change::Up(Fix::Buy(Capacity::P1000)));
    assert!(acme.right_sizing(now(), 30).iter().all(|s| s.user != emma));
}

#[test]
fn a_license_given_by_a_group_is_never_suggested_for_removal() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 3, BillingCycle::Monthly);
    let admin = id(&acme, ADMIN);
    let events = acme.groups.iter().find(|g| g.name == "Events").unwrap().id;
    acme.execute(
        admin,
        now(),
        Command::SetGroupRule {
            group: events,
            rule: Some(portal_domain::GroupRule {
                capacity: Capacity::P500,
                workplace: false,
            }),
        },
    )
    .unwrap();
    let emma = id(&acme, EMMA);
    assert_eq!(
        acme.user(emma).unwrap().large_meetings,
        Some(Capacity::P500)
    );
    assert!(acme.right_sizing(now(), 90).iter().all(|s| s.user != emma));
}

#[test]
fn set_large_meetings_is_all_or_nothing_and_logged_like_change_licenses() {
    let mut acme = acme_with_p500_line();
    let (liam, emma, member) = (id(&acme, LIAM), id(&acme, EMMA), id(&acme, MEMBER));
    let before = acme.clone();
    // Three licenses asked of a line of two.
    let refused = set(
        &mut acme,
        vec![
            (liam, Some(Capacity::P500)),
            (emma, Some(Capacity::P500)),
            (member, Some(Capacity::P500)),
        ],
    );
    assert!(
        matches!(
            refused,
            Err(DomainError::NotEnoughSeats {
                needed: 3,
                available: 2,
                ..
            })
        ),
        "{refused:?}"
    );
    assert_eq!(acme, before);
    // Nothing to change, or the same user twice, is refused.
    assert_eq!(
        set(&mut acme, vec![(emma, None)]),
        Err(DomainError::NothingToUpdate)
    );
    assert!(matches!(
        set(&mut acme, vec![(liam, Some(Capacity::P500)), (liam, None)]),
        Err(DomainError::DuplicateEmail(_))
    ));
    assert_eq!(acme, before);
    assert_eq!(set(&mut acme, Vec::new()), Err(DomainError::EmptySelection));

    set(
        &mut acme,
        vec![(liam, Some(Capacity::P500)), (emma, Some(Capacity::P500))],
    )
    .unwrap();
    let actions: Vec<&AuditAction> = acme.audit.iter().rev().take(2).map(|e| &e.action).collect();
    assert!(actions.iter().all(|a| matches!(
        a,
        AuditAction::LargeMeetingsAssigned {
            capacity: Capacity::P500,
            previous: None
        }
    )));
    // Full now, but Emma's license can pass to the member in one change.
    set(
        &mut acme,
        vec![(emma, None), (member, Some(Capacity::P500))],
    )
    .unwrap();
    assert_eq!(
        acme.user(member).unwrap().large_meetings,
        Some(Capacity::P500)
    );
    assert_eq!(acme.seats(Capacity::P500).assigned, 2);
}

#[test]
fn a_basic_user_given_large_meetings_takes_a_paid_seat_if_one_is_free() {
    let mut acme = acme_with_p500_line();
    let basic = id(&acme, BASIC);
    let seats = acme.seats_available();
    set(&mut acme, vec![(basic, Some(Capacity::P500))]).unwrap();
    let user = acme.user(basic).unwrap();
    assert_eq!(
        (user.license, user.large_meetings),
        (BaseLicense::Licensed, Some(Capacity::P500))
    );
    assert_eq!(acme.seats_available(), seats - 1);
    let mut full = acme_with_p500_line();
    full.base_plan.seats = full.seats_in_use();
    let before = full.clone();
    assert!(matches!(
        set(&mut full, vec![(basic, Some(Capacity::P500))]),
        Err(DomainError::NotEnoughBaseSeats {
            needed: 1,
            available: 0
        })
    ));
    assert_eq!(full, before);
}

#[test]
fn weekly_peaks_cover_monday_to_sunday_oldest_first() {
    let mut acme = acme();
    acme.history = Default::default();
    let today = Day::from_ymd(2026, 4, 1).unwrap(); // a Wednesday
    assert_eq!(monday_of(today), Day::from_ymd(2026, 3, 30).unwrap());
    let liam = id(&acme, LIAM);
    for (day, peak) in [
        ((2026, 3, 29), 40),
        ((2026, 3, 30), 310),
        ((2026, 4, 1), 120),
        ((2026, 3, 16), 7),
    ] {
        let at = Day::from_ymd(day.0, day.1, day.2).unwrap().start() + Duration::hours(10);
        acme.history.record(liam, "Sync", at, 30, peak).unwrap();
    }
    let weeks = acme.weekly_peaks(today, 3);
    let summary: Vec<(String, u32, u32)> = weeks
        .iter()
        .map(|w| (w.start.to_string(), w.meetings, w.peak))
        .collect();
    assert_eq!(
        summary,
        [
            ("2026-03-16".to_string(), 1, 7),
            ("2026-03-23".to_string(), 1, 40),
            ("2026-03-30".to_string(), 2, 310),
        ]
    );
}

#[test]
fn fitting_is_the_smallest_capacity_that_admits_everyone_or_the_largest() {
    assert_eq!(fitting(301), Capacity::P500);
    assert_eq!(fitting(500), Capacity::P500);
    assert_eq!(fitting(501), Capacity::P1000);
    assert_eq!(fitting(4000), Capacity::P5000);
    assert_eq!(fitting(90_000), Capacity::P5000);
}

/// An account of `hosts` Licensed users (Acme's plan) with lines of the
/// given sizes and meetings drawn by proptest.
fn generated(
    owned: [u32; 4],
    held: &[(usize, u32, i64)],
    upcoming: &[(usize, u32)],
    holders: &[(usize, usize)],
) -> Account {
    let mut account = acme();
    account.meetings.clear();
    account.history = Default::default();
    account.base_plan.seats = 100;
    let users: Vec<UserId> = account.users.iter().map(|u| u.id).collect();
    for (capacity, n) in Capacity::ALL.into_iter().zip(owned) {
        if n > 0 {
            buy(&mut account, capacity, n, BillingCycle::Monthly);
        }
    }
    for (host, peak, days_ago) in held {
        let at = Day::of(now()).add_days(-(*days_ago as i32)).start() + Duration::hours(9);
        account
            .history
            .record(users[host % users.len()], "Held", at, 30, *peak)
            .unwrap();
    }
    for (n, (host, expected)) in upcoming.iter().enumerate() {
        account.meetings.push(Meeting {
            id: MeetingId(n as u32 + 1),
            host: users[host % users.len()],
            topic: "Upcoming".into(),
            start: now() + Duration::days(3 + n as i64),
            duration_minutes: 60,
            expected_participants: Some(*expected),
        });
    }
    for (user, capacity) in holders {
        let user = users[user % users.len()];
        let capacity = Capacity::ALL[capacity % 4];
        // Ignore the ones there is no license for.
        let _ = set(&mut account, vec![(user, Some(capacity))]);
    }
    account
}

fn meetings() -> impl Strategy<Value = Vec<(usize, u32, i64)>> {
    prop::collection::vec((0usize..20, 0u32..6000, 0i64..120), 0..40)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Increases never take more licenses of a capacity than are free
    /// with what the decreases give back, and applying every applicable
    /// suggestion in one change is accepted.
    #[test]
    fn a_suggestion_never_exceeds_what_is_owned(
        owned in [0u32..3, 0u32..3, 0u32..2, 0u32..2],
        held in meetings(),
        upcoming in prop::collection::vec((0usize..20, 1u32..6000), 0..6),
        holders in prop::collection::vec((0usize..20, 0usize..4), 0..5),
        days in prop::sample::select(vec![30u32, 90]),
    ) {
        let account = generated(owned, &held, &upcoming, &holders);
        let suggestions = account.right_sizing(now(), days);
        for capacity in Capacity::ALL {
            let taking = suggestions.iter().filter(|s| s.after() == Some(Some(capacity)) && s.current != Some(capacity)).count() as u32;
            let giving = suggestions.iter().filter(|s| s.current == Some(capacity) && s.after().is_some_and(|a| a != Some(capacity))).count() as u32;
            prop_assert!(taking <= account.free_licenses(capacity) + giving, "{capacity:?}: {suggestions:?}");
            prop_assert!(taking == 0 || account.seats(capacity).purchased > 0);
        }
        let changes: Vec<_> = suggestions.iter().filter_map(|s| s.after().map(|a| (s.user, a))).collect();
        if !changes.is_empty() {
            let mut applied = account.clone();
            prop_assert_eq!(set(&mut applied, changes), Ok(()));
        }
    }

    /// With licenses of every capacity free for everyone, applying every
    /// suggestion leaves no upcoming meeting at risk (but those expecting
    /// more than the largest capacity), over either period.
    #[test]
    fn applying_all_suggestions_leaves_no_meeting_at_risk_when_licenses_are_free(
        held in meetings(),
        upcoming in prop::collection::vec((0usize..20, 1u32..6000), 0..6),
        holders in prop::collection::vec((0usize..20, 0usize..4), 0..5),
        days in prop::sample::select(vec![30u32, 90]),
    ) {
        let mut account = generated([20, 20, 20, 20], &held, &upcoming, &holders);
        let suggestions = account.right_sizing(now(), days);
        prop_assert!(suggestions.iter().all(|s| s.after().is_some()), "{suggestions:?}");
        let changes: Vec<_> = suggestions.iter().filter_map(|s| s.after().map(|a| (s.user, a))).collect();
        if !changes.is_empty() {
            prop_assert_eq!(set(&mut account, changes), Ok(()));
        }
        let left: Vec<u32> = account.at_risk(now()).iter().map(|r| r.expected).collect();
        prop_assert!(left.iter().all(|n| *n > 5000), "{left:?}");
        // Nothing more to suggest: the change settled every host.
        prop_assert!(account.right_sizing(now(), days).iter().all(|s| s.needed() > 5000), "{:?}", account.right_sizing(now(), days));
    }
}

#[test]
fn the_demo_history_is_a_few_hundred_meetings_over_90_days_the_same_every_time() {
    let acme = acme();
    let globex = common::portal_at(now()).accounts.remove(1);
    let total = acme.history.meetings.len() + globex.history.meetings.len();
    assert!((200..=600).contains(&total), "{total}");
    let first = acme.history.meetings.first().unwrap().start;
    assert!(now() - first <= Duration::days(90));
    assert!(acme.history.meetings.iter().all(|m| m.start < now()));
    assert_eq!(acme.history, common::acme().history);
    // Erik's demos outgrow Globex's 100.
    let erik = id(&globex, "erik.holm@globex.example");
    let sizing = globex.right_sizing(now(), 90);
    assert!(sizing.iter().any(|s| s.user == erik && s.peak > 100));
    let _: Timestamp = first;
}
