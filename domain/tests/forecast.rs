//! License Usage's renewals forecast and seat alerts.

use portal_domain::forecast::{Renewal, DEFAULT_ALERT_PERCENT};
use portal_domain::{Account, BillingCycle, Capacity, Command, Day, Money};
use proptest::prelude::*;

mod common;

use common::{acme, buy, id, now, EMMA, LIAM, OWNER};

fn run(account: &mut Account, command: Command) {
    let owner = id(account, OWNER);
    account.execute(owner, now(), command).unwrap();
}

fn day(y: i32, m: u8, d: u8) -> Day {
    Day::from_ymd(y, m, d).unwrap()
}

fn per_license(account: &Account, capacity: Capacity) -> Money {
    account.line(capacity).unwrap().per_license()
}

fn cost(per: Money, n: u32) -> Money {
    per.checked_mul(n).unwrap()
}

#[test]
fn each_renewal_of_the_next_twelve_months_with_its_deadline_and_idle_licenses() {
    let mut account = acme();
    let today = Day::of(now()); // 2026-04-01
    buy(&mut account, Capacity::P1000, 3, BillingCycle::Monthly);
    buy(&mut account, Capacity::P500, 2, BillingCycle::Annual);
    let liam = id(&account, LIAM);
    run(
        &mut account,
        Command::BulkAssignLargeMeetings {
            users: vec![liam],
            capacity: Capacity::P1000,
            until: None,
        },
    );
    let forecast = account.renewals(today, 12);
    let monthly = per_license(&account, Capacity::P1000);
    let annual = per_license(&account, Capacity::P500);
    assert_eq!(
        forecast.renewals.len(),
        13,
        "12 monthly renewals and 1 annual"
    );
    assert_eq!(
        forecast.renewals[0],
        Renewal {
            capacity: Capacity::P1000,
            on: day(2026, 5, 1),
            licenses: 3,
            amount: cost(monthly, 3),
            change_by: day(2026, 4, 30),
            idle: 2,
            saving: cost(monthly, 2),
        }
    );
    // The last day has both lines, the smaller capacity first.
    let last: Vec<(Capacity, Day)> = forecast.renewals[11..]
        .iter()
        .map(|r| (r.capacity, r.on))
        .collect();
    assert_eq!(
        last,
        vec![
            (Capacity::P500, day(2027, 4, 1)),
            (Capacity::P1000, day(2027, 4, 1))
        ]
    );
    assert_eq!(forecast.renewals[11].idle, 2, "nobody holds the 500s");
    let total = cost(monthly, 3 * 12).checked_add(cost(annual, 2)).unwrap();
    assert_eq!(forecast.total, total);
    let saving = cost(monthly, 2 * 12).checked_add(cost(annual, 2)).unwrap();
    assert_eq!(forecast.saving, saving);
}

#[test]
fn a_pending_reduction_applies_from_the_next_renewal_and_a_cancelled_line_has_none() {
    let mut account = acme();
    let today = Day::of(now());
    buy(&mut account, Capacity::P1000, 3, BillingCycle::Monthly);
    buy(&mut account, Capacity::P500, 2, BillingCycle::Annual);
    run(
        &mut account,
        Command::ReduceLine {
            capacity: Capacity::P1000,
            to: 1,
        },
    );
    run(
        &mut account,
        Command::CancelLine {
            capacity: Capacity::P500,
        },
    );
    let forecast = account.renewals(today, 12);
    assert!(forecast
        .renewals
        .iter()
        .all(|r| r.capacity == Capacity::P1000));
    assert!(forecast
        .renewals
        .iter()
        .all(|r| r.licenses == 1 && r.idle == 1));
    // Three months ahead: three renewals.
    assert_eq!(account.renewals(today, 3).renewals.len(), 3);
}

#[test]
fn seat_alerts_name_capacities_with_no_or_few_free_licenses() {
    let mut account = acme();
    buy(&mut account, Capacity::P1000, 2, BillingCycle::Monthly);
    buy(&mut account, Capacity::P500, 30, BillingCycle::Monthly);
    assert_eq!(account.seat_alerts(DEFAULT_ALERT_PERCENT), vec![]);
    let (liam, emma) = (id(&account, LIAM), id(&account, EMMA));
    run(
        &mut account,
        Command::BulkAssignLargeMeetings {
            users: vec![liam, emma],
            capacity: Capacity::P1000,
            until: None,
        },
    );
    let alerts = account.seat_alerts(DEFAULT_ALERT_PERCENT);
    assert_eq!(alerts.len(), 1);
    assert_eq!(
        (
            alerts[0].capacity,
            alerts[0].available,
            alerts[0].assignable
        ),
        (Capacity::P1000, 0, 2)
    );
    // No free license is named even when the admin asks for no margin.
    let none_free = account.seat_alerts(0);
    assert_eq!(none_free.len(), 1);
    assert_eq!(none_free[0].capacity, Capacity::P1000);
    // 30 free of 30 is more than any share but all of them.
    assert!(account
        .seat_alerts(100)
        .iter()
        .all(|a| a.capacity != Capacity::P500));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Renewals fall in the period asked for, one per cycle of each line,
    /// in order, and the total is their sum.
    #[test]
    fn renewals_are_each_cycle_in_the_period_in_order(
        lines in proptest::collection::vec((0usize..4, 1u32..40, any::<bool>()), 1..4),
        months in 1u32..25,
        later in 0i32..400,
    ) {
        let mut account = acme();
        for (capacity, n, annual) in &lines {
            let capacity = Capacity::ALL[*capacity];
            if account.line(capacity).is_none() {
                let cycle = if *annual { BillingCycle::Annual } else { BillingCycle::Monthly };
                buy(&mut account, capacity, *n, cycle);
            }
        }
        let today = Day::of(now()).add_days(later);
        let until = today.add_months(months);
        let forecast = account.renewals(today, months);
        let mut sum = Money::ZERO;
        for pair in forecast.renewals.windows(2) {
            let key = |r: &Renewal| (r.on, r.capacity.participants());
            prop_assert!(key(&pair[0]) < key(&pair[1]));
        }
        for r in &forecast.renewals {
            prop_assert!(r.on > today && r.on <= until);
            prop_assert_eq!(r.change_by.add_days(1), r.on);
            prop_assert!(r.idle <= r.licenses);
            sum = sum.checked_add(r.amount).unwrap();
        }
        prop_assert_eq!(forecast.total, sum);
        for line in &account.large_meetings {
            let count = forecast.renewals.iter().filter(|r| r.capacity == line.capacity).count();
            let mut expected = 0;
            let mut term = line.term;
            while term.renews_on() <= until {
                expected += usize::from(term.renews_on() > today);
                term.periods += 1;
            }
            prop_assert_eq!(count, expected);
        }
    }

    /// A capacity is named exactly when none, or fewer than the share, of
    /// its licenses are free.
    #[test]
    fn a_seat_alert_is_exactly_a_capacity_under_the_share(
        n in 1u32..30,
        assigned in 0usize..12,
        percent in 0u32..101,
    ) {
        let mut account = acme();
        buy(&mut account, Capacity::P500, n, BillingCycle::Monthly);
        let paid: Vec<_> = account
            .users
            .iter()
            .filter(|u| u.license == portal_domain::BaseLicense::Licensed)
            .map(|u| u.id)
            .take(assigned.min(n as usize))
            .collect();
        if !paid.is_empty() {
            run(&mut account, Command::BulkAssignLargeMeetings { users: paid, capacity: Capacity::P500, until: None });
        }
        let seats = account.seats(Capacity::P500);
        let expected = seats.available() == 0 || seats.available() * 100 < seats.assignable * percent;
        prop_assert_eq!(!account.seat_alerts(percent).is_empty(), expected);
    }
}
