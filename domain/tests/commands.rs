//! Every rule and every refusal of the account's commands.

use portal_domain::audit::{AuditTarget, MeetingsAfterRemoval, RemovalReason};
use portal_domain::{
    Account, AuditAction, AuditCategory, AuditFilter, BaseLicense, BillingCycle, Capacity,
    CapacitySource, Command, Day, DomainError, Email, LineStatus, MeetingHandling, Money, NewUser,
    Role, UserId, UserProblem,
};

mod common;

use common::*;

fn assign(account: &mut Account, email: &str, capacity: Capacity) -> Result<(), DomainError> {
    let (admin, user) = (id(account, ADMIN), id(account, email));
    account
        .execute(
            admin,
            now(),
            edit_large_meetings(account, user, Some(capacity)),
        )
        .map(|_| ())
}

/// The log's target for the user with `email`.
fn user_target(email: &str) -> AuditTarget {
    AuditTarget::User(Email::parse(email).unwrap())
}

/// Runs the Edit User command `edit` makes from the account as it is; it
/// must be refused, and change nothing.
fn refused_edit(
    account: &mut Account,
    actor: &str,
    edit: impl FnOnce(&Account) -> Command,
) -> DomainError {
    let command = edit(account);
    refused(account, actor, command)
}

/// Runs a command that must be refused, and checks it changed nothing.
fn refused(account: &mut Account, actor: &str, command: Command) -> DomainError {
    let before = account.clone();
    let actor = id(account, actor);
    let error = account.execute(actor, now(), command).unwrap_err();
    assert_eq!(*account, before, "a refused command changed the account");
    error
}

#[test]
fn buying_a_new_line_shows_it_with_seats_order_and_log() {
    let mut acme = acme();
    let owner = id(&acme, OWNER);
    let outcome = acme
        .execute(
            owner,
            now(),
            Command::PurchaseLargeMeetings {
                capacity: Capacity::P1000,
                quantity: q(5),
                cycle: BillingCycle::Monthly,
            },
        )
        .unwrap();
    let line = acme.line(Capacity::P1000).unwrap();
    assert_eq!(line.quantity, 5);
    assert_eq!(line.status, LineStatus::Active);
    assert_eq!(line.term.renews_on(), Day::from_ymd(2026, 5, 1).unwrap());
    assert_eq!(line.renewal_amount(), Money::from_cents(45_000));
    let seats = acme.seats(Capacity::P1000);
    assert_eq!(
        (seats.purchased, seats.assigned, seats.available()),
        (5, 0, 5)
    );
    let order = &acme.orders[0];
    assert_eq!(Some(order), outcome.order.as_ref());
    assert_eq!(order.amount_due, Money::from_cents(45_000));
    assert_eq!(order.placed_by_email.as_str(), OWNER);
    assert_eq!(outcome.entries.len(), 1);
    assert_eq!(outcome.entries[0].category(), AuditCategory::Billing);
    assert_eq!(acme.audit, outcome.entries);
}

#[test]
fn annual_costs_ten_months() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 2, BillingCycle::Annual);
    assert_eq!(acme.orders[0].amount_due, Money::from_cents(2 * 50_000));
    assert_eq!(
        acme.line(Capacity::P500).unwrap().term.renews_on(),
        Day::from_ymd(2027, 4, 1).unwrap()
    );
}

#[test]
fn buying_a_capacity_already_owned_adds_prorated_seats_to_its_line() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P1000, 5, BillingCycle::Monthly);
    let owner = id(&acme, OWNER);
    let later = now() + portal_domain::time::Duration::days(15);
    let quote = acme
        .quote_large_meetings(Capacity::P1000, q(2), BillingCycle::Monthly, Day::of(later))
        .unwrap();
    assert!(quote.prorated);
    assert_eq!(quote.total_per_cycle, Money::from_cents(18_000));
    assert_eq!(
        quote.due_today,
        Money::from_cents(9_000),
        "15 of 30 days left"
    );
    assert_eq!(quote.quantity_after, 7);
    acme.execute(
        owner,
        later,
        Command::PurchaseLargeMeetings {
            capacity: Capacity::P1000,
            quantity: q(2),
            cycle: BillingCycle::Monthly,
        },
    )
    .unwrap();
    assert_eq!(acme.large_meetings.len(), 1, "still one line per capacity");
    assert_eq!(acme.line(Capacity::P1000).unwrap().quantity, 7);
    assert_eq!(acme.order_history()[0].amount_due, Money::from_cents(9_000));
    assert_eq!(
        acme.line(Capacity::P1000).unwrap().term.renews_on(),
        Day::from_ymd(2026, 5, 1).unwrap(),
        "the renewal date stays"
    );
}

#[test]
fn adding_to_a_line_on_another_cycle_is_refused() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P1000, 5, BillingCycle::Monthly);
    let error = refused(
        &mut acme,
        OWNER,
        Command::PurchaseLargeMeetings {
            capacity: Capacity::P1000,
            quantity: q(1),
            cycle: BillingCycle::Annual,
        },
    );
    assert_eq!(
        error,
        DomainError::CycleMismatch {
            capacity: Capacity::P1000,
            cycle: BillingCycle::Monthly
        }
    );
}

#[test]
fn only_the_owner_or_a_billing_admin_buys() {
    let mut acme = acme();
    let purchase = Command::PurchaseLargeMeetings {
        capacity: Capacity::P500,
        quantity: q(1),
        cycle: BillingCycle::Monthly,
    };
    assert_eq!(
        refused(&mut acme, MEMBER, purchase.clone()),
        DomainError::NeedsBillingPrivilege
    );
    let admin = id(&acme, ADMIN);
    acme.users
        .iter_mut()
        .find(|u| u.id == admin)
        .unwrap()
        .billing_privilege = false;
    assert_eq!(
        refused(&mut acme, ADMIN, purchase.clone()),
        DomainError::NeedsBillingPrivilege
    );
    for command in [
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
    ] {
        assert_eq!(
            refused(&mut acme, MEMBER, command),
            DomainError::NeedsBillingPrivilege
        );
    }
}

#[test]
fn more_base_seats_are_prorated_to_the_base_plans_renewal() {
    let mut acme = acme();
    let owner = id(&acme, OWNER);
    let quote = acme.quote_base_seats(q(3), Day::of(now())).unwrap();
    assert_eq!(
        quote.total_per_cycle,
        Money::from_cents(3 * 21_990),
        "annual Business seats"
    );
    assert!(quote.due_today < quote.total_per_cycle && quote.due_today > Money::ZERO);
    acme.execute(owner, now(), Command::AddBaseSeats { quantity: q(3) })
        .unwrap();
    assert_eq!(acme.base_plan.seats, 23);
    assert_eq!(acme.seats_available(), 7);
    assert_eq!(acme.orders[0].amount_due, quote.due_today);
}

#[test]
fn assigning_gives_every_meeting_of_the_host_the_larger_capacity_at_once() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P1000, 2, BillingCycle::Monthly);
    let maya = id(&acme, MEMBER);
    let town_hall = acme.meetings_hosted_by(maya)[0].clone();
    assert_eq!(acme.effective_capacity(&town_hall), Some(300));
    assign(&mut acme, MEMBER, Capacity::P1000).unwrap();
    assert_eq!(acme.effective_capacity(&town_hall), Some(1000));
    let host = acme.user(maya).unwrap();
    assert_eq!(
        acme.capacity_source(host),
        CapacitySource::LargeMeetings(Capacity::P1000)
    );
    assert_eq!(acme.seats(Capacity::P1000).assigned, 1);
    let entry = acme.audit.last().unwrap();
    assert_eq!(entry.category(), AuditCategory::License);
    assert_eq!(entry.target, user_target(MEMBER));
    assert_eq!(entry.actor_email.as_ref().unwrap().as_str(), ADMIN);

    let admin = id(&acme, ADMIN);
    acme.execute(admin, now(), edit_large_meetings(&acme, maya, None))
        .unwrap();
    assert_eq!(acme.effective_capacity(&town_hall), Some(300), "falls back");
    assert_eq!(acme.seats(Capacity::P1000).assigned, 0);
}

#[test]
fn only_paid_users_can_hold_large_meetings() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 3, BillingCycle::Monthly);
    let user = id(&acme, BASIC);
    let error = refused_edit(&mut acme, ADMIN, |a| {
        edit_large_meetings(a, user, Some(Capacity::P500))
    });
    assert_eq!(
        error,
        DomainError::OnlyPaidUsers {
            users: vec![Email::parse(BASIC).unwrap()]
        }
    );
}

#[test]
fn assigning_needs_an_owned_capacity_with_a_free_seat() {
    let mut acme = acme();
    let user = id(&acme, LIAM);
    assert_eq!(
        refused_edit(&mut acme, ADMIN, |a| edit_large_meetings(
            a,
            user,
            Some(Capacity::P3000)
        )),
        DomainError::CapacityNotOwned {
            capacity: Capacity::P3000
        }
    );
    buy(&mut acme, Capacity::P3000, 1, BillingCycle::Monthly);
    assign(&mut acme, EMMA, Capacity::P3000).unwrap();
    let error = refused_edit(&mut acme, ADMIN, |a| {
        edit_large_meetings(a, user, Some(Capacity::P3000))
    });
    assert_eq!(
        error,
        DomainError::NotEnoughSeats {
            capacity: Capacity::P3000,
            needed: 1,
            available: 0
        }
    );
}

#[test]
fn changing_capacity_moves_the_users_seat_and_never_stacks() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 1, BillingCycle::Monthly);
    buy(&mut acme, Capacity::P1000, 1, BillingCycle::Monthly);
    assign(&mut acme, LIAM, Capacity::P500).unwrap();
    assign(&mut acme, LIAM, Capacity::P1000).unwrap();
    assert_eq!(acme.seats(Capacity::P500).assigned, 0);
    assert_eq!(acme.seats(Capacity::P1000).assigned, 1);
    assert_eq!(
        acme.audit.last().unwrap().action,
        AuditAction::LargeMeetingsAssigned {
            capacity: Capacity::P1000,
            previous: Some(Capacity::P500)
        }
    );
    let entries = acme.audit.len();
    assign(&mut acme, LIAM, Capacity::P1000).unwrap();
    assert_eq!(
        acme.audit.len(),
        entries,
        "assigning what they have changes nothing"
    );
}

#[test]
fn removing_what_a_user_does_not_have_is_refused() {
    let mut acme = acme();
    let user = id(&acme, LIAM);
    // Change Licenses > Remove Large Meetings, for one selected user.
    let error = refused(
        &mut acme,
        ADMIN,
        Command::BulkRemoveLargeMeetings { users: vec![user] },
    );
    let liam = Email::parse(LIAM).unwrap();
    assert_eq!(
        error,
        DomainError::BulkRefused(vec![UserProblem {
            email: liam.clone(),
            error: DomainError::NoLargeMeetings(liam)
        }])
    );
}

#[test]
fn members_cannot_manage_licenses_or_users() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 1, BillingCycle::Monthly);
    let user = id(&acme, LIAM);
    for command in [
        edit_large_meetings(&acme, user, Some(Capacity::P500)),
        edit_large_meetings(&acme, user, None),
        Command::BulkAssignLargeMeetings {
            users: vec![user],
            capacity: Capacity::P500,
            until: None,
        },
        Command::BulkRemoveLargeMeetings { users: vec![user] },
        edit_license(&acme, user, BaseLicense::Basic),
        Command::AddUser {
            email: Email::parse("new@acme.example").unwrap(),
            first_name: "New".into(),
            last_name: "Person".into(),
            license: BaseLicense::Basic,
            role: Role::Member,
        },
    ] {
        assert_eq!(
            refused(&mut acme, MEMBER, command),
            DomainError::NeedsUserAdmin
        );
    }
}

#[test]
fn an_actor_from_outside_the_account_is_refused() {
    let mut acme = acme();
    let before = acme.clone();
    let error = acme
        .execute(UserId(999), now(), Command::AddBaseSeats { quantity: q(1) })
        .unwrap_err();
    assert_eq!(error, DomainError::UnknownUser(UserId(999)));
    assert_eq!(acme, before);
}

#[test]
fn bulk_assignment_refuses_everyone_if_any_selected_user_is_basic() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P1000, 10, BillingCycle::Monthly);
    let users = vec![
        id(&acme, LIAM),
        id(&acme, BASIC),
        id(&acme, EMMA),
        id(&acme, "zoe.patel@acme.example"),
    ];
    let error = refused(
        &mut acme,
        ADMIN,
        Command::BulkAssignLargeMeetings {
            users,
            capacity: Capacity::P1000,
            until: None,
        },
    );
    let DomainError::OnlyPaidUsers { users } = error else {
        panic!("{error:?}")
    };
    let named: Vec<&str> = users.iter().map(Email::as_str).collect();
    assert_eq!(named, [BASIC, "zoe.patel@acme.example"]);
}

#[test]
fn bulk_assignment_needs_a_seat_for_each_user_who_changes() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 2, BillingCycle::Monthly);
    assign(&mut acme, LIAM, Capacity::P500).unwrap();
    let three = vec![id(&acme, EMMA), id(&acme, MEMBER), id(&acme, ADMIN)];
    let error = refused(
        &mut acme,
        ADMIN,
        Command::BulkAssignLargeMeetings {
            users: three,
            capacity: Capacity::P500,
            until: None,
        },
    );
    assert_eq!(
        error,
        DomainError::NotEnoughSeats {
            capacity: Capacity::P500,
            needed: 3,
            available: 1
        }
    );
    // Liam already holds 500: he needs no seat, so Liam + Emma fit.
    let admin = id(&acme, ADMIN);
    let users = vec![id(&acme, LIAM), id(&acme, EMMA), id(&acme, EMMA)];
    let outcome = acme
        .execute(
            admin,
            now(),
            Command::BulkAssignLargeMeetings {
                users,
                capacity: Capacity::P500,
                until: None,
            },
        )
        .unwrap();
    assert_eq!(outcome.entries.len(), 1);
    assert_eq!(acme.seats(Capacity::P500).assigned, 2);
}

#[test]
fn bulk_removal_is_all_or_nothing_and_names_who_has_nothing_to_remove() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 2, BillingCycle::Monthly);
    assign(&mut acme, LIAM, Capacity::P500).unwrap();
    let users = vec![id(&acme, LIAM), id(&acme, EMMA)];
    let error = refused(
        &mut acme,
        ADMIN,
        Command::BulkRemoveLargeMeetings {
            users: users.clone(),
        },
    );
    let DomainError::BulkRefused(problems) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].email.as_str(), EMMA);
    let admin = id(&acme, ADMIN);
    acme.execute(
        admin,
        now(),
        Command::BulkRemoveLargeMeetings {
            users: vec![users[0]],
        },
    )
    .unwrap();
    assert_eq!(acme.seats(Capacity::P500).assigned, 0);
}

#[test]
fn a_bulk_change_needs_a_selection_of_known_users() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 2, BillingCycle::Monthly);
    assert_eq!(
        refused(
            &mut acme,
            ADMIN,
            Command::BulkAssignLargeMeetings {
                users: vec![],
                capacity: Capacity::P500,
                until: None,
            }
        ),
        DomainError::EmptySelection
    );
    assert_eq!(
        refused(
            &mut acme,
            ADMIN,
            Command::BulkRemoveLargeMeetings {
                users: vec![UserId(25)]
            }
        ),
        DomainError::UnknownUser(UserId(25)),
        "a Globex user is not in Acme"
    );
}

#[test]
fn making_a_user_basic_removes_large_meetings_and_says_so() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 1, BillingCycle::Monthly);
    assign(&mut acme, LIAM, Capacity::P500).unwrap();
    let (admin, user) = (id(&acme, ADMIN), id(&acme, LIAM));
    let outcome = acme
        .execute(admin, now(), edit_license(&acme, user, BaseLicense::Basic))
        .unwrap();
    let actions: Vec<_> = outcome.entries.iter().map(|e| e.action.clone()).collect();
    assert_eq!(
        actions,
        [
            AuditAction::LargeMeetingsRemoved {
                capacity: Capacity::P500,
                reason: RemovalReason::BecameBasic
            },
            AuditAction::BaseLicenseChanged {
                from: BaseLicense::Licensed,
                to: BaseLicense::Basic
            }
        ]
    );
    let liam = acme.user(user).unwrap();
    assert_eq!(
        (liam.license, liam.large_meetings),
        (BaseLicense::Basic, None)
    );
    assert_eq!(acme.seats(Capacity::P500).assigned, 0);
    assert_eq!(acme.seats_in_use(), 15);
}

#[test]
fn a_basic_user_gets_a_paid_seat_only_while_one_is_free() {
    let mut acme = acme();
    let (admin, basic) = (id(&acme, ADMIN), id(&acme, BASIC));
    acme.execute(
        admin,
        now(),
        edit_license(&acme, basic, BaseLicense::Licensed),
    )
    .unwrap();
    assert_eq!(acme.seats_in_use(), 17);
    acme.base_plan.seats = 17;
    let user = id(&acme, "zoe.patel@acme.example");
    let error = refused_edit(&mut acme, ADMIN, |a| {
        edit_license(a, user, BaseLicense::Licensed)
    });
    assert_eq!(error, DomainError::NoBaseSeatAvailable { seats: 17 });
    let owner = id(&acme, OWNER);
    assert_eq!(
        refused_edit(&mut acme, ADMIN, |a| edit_license(
            a,
            owner,
            BaseLicense::Basic
        )),
        DomainError::OwnerMustBeLicensed
    );
}

#[test]
fn a_reduction_waits_for_renewal_never_goes_below_assigned_and_can_be_undone() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P1000, 5, BillingCycle::Monthly);
    for email in [LIAM, EMMA, MEMBER] {
        assign(&mut acme, email, Capacity::P1000).unwrap();
    }
    let error = refused(
        &mut acme,
        OWNER,
        Command::ReduceLine {
            capacity: Capacity::P1000,
            to: 2,
        },
    );
    assert_eq!(
        error,
        DomainError::ReduceBelowAssigned {
            capacity: Capacity::P1000,
            assigned: 3,
            to: 2
        }
    );
    for to in [0, 5, 6] {
        assert!(matches!(
            refused(
                &mut acme,
                OWNER,
                Command::ReduceLine {
                    capacity: Capacity::P1000,
                    to
                }
            ),
            DomainError::NotAReduction { current: 5, .. }
        ));
    }
    let owner = id(&acme, OWNER);
    let reduce = Command::ReduceLine {
        capacity: Capacity::P1000,
        to: 3,
    };
    acme.execute(owner, now(), reduce).unwrap();
    let line = acme.line(Capacity::P1000).unwrap();
    assert_eq!(line.quantity, 5, "nothing changes before the renewal");
    assert_eq!(line.status, LineStatus::PendingDowngrade { to: 3 });
    assert_eq!(line.status.as_str(), "Pending Downgrade");
    assert_eq!(line.renewal_amount(), Money::from_cents(27_000));
    let user = id(&acme, ADMIN);
    assert!(matches!(
        refused_edit(&mut acme, ADMIN, |a| edit_large_meetings(
            a,
            user,
            Some(Capacity::P1000)
        )),
        DomainError::SeatsReserved { to: 3, .. }
    ));
    let undo = Command::UndoPendingChange {
        capacity: Capacity::P1000,
    };
    acme.execute(owner, now(), undo.clone()).unwrap();
    assert_eq!(
        acme.line(Capacity::P1000).unwrap().status,
        LineStatus::Active
    );
    assert_eq!(
        refused(&mut acme, OWNER, undo),
        DomainError::NothingToUndo {
            capacity: Capacity::P1000
        }
    );
}

#[test]
fn a_cancellation_waits_for_renewal_needs_no_assigned_seats_and_can_be_undone() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P5000, 1, BillingCycle::Annual);
    assign(&mut acme, LIAM, Capacity::P5000).unwrap();
    let cancel = Command::CancelLine {
        capacity: Capacity::P5000,
    };
    assert_eq!(
        refused(&mut acme, OWNER, cancel.clone()),
        DomainError::CancelWhileAssigned {
            capacity: Capacity::P5000,
            assigned: 1
        }
    );
    let (owner, admin, liam) = (id(&acme, OWNER), id(&acme, ADMIN), id(&acme, LIAM));
    acme.execute(admin, now(), edit_large_meetings(&acme, liam, None))
        .unwrap();
    acme.execute(owner, now(), cancel).unwrap();
    let line = acme.line(Capacity::P5000).unwrap();
    assert_eq!(line.status, LineStatus::PendingCancellation);
    assert_eq!(line.renewal_amount(), Money::ZERO);
    assert!(matches!(
        refused_edit(&mut acme, ADMIN, |a| edit_large_meetings(
            a,
            liam,
            Some(Capacity::P5000)
        )),
        DomainError::LineEnding { .. }
    ));
    acme.execute(
        owner,
        now(),
        Command::UndoPendingChange {
            capacity: Capacity::P5000,
        },
    )
    .unwrap();
    assign(&mut acme, LIAM, Capacity::P5000).unwrap();
    assert!(matches!(
        refused(
            &mut acme,
            OWNER,
            Command::CancelLine {
                capacity: Capacity::P500
            }
        ),
        DomainError::CapacityNotOwned { .. }
    ));
}

#[test]
fn renewals_apply_pending_changes_when_their_date_passes() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 4, BillingCycle::Monthly);
    buy(&mut acme, Capacity::P1000, 2, BillingCycle::Monthly);
    buy(&mut acme, Capacity::P3000, 1, BillingCycle::Monthly);
    let owner = id(&acme, OWNER);
    acme.execute(
        owner,
        now(),
        Command::ReduceLine {
            capacity: Capacity::P500,
            to: 1,
        },
    )
    .unwrap();
    acme.execute(
        owner,
        now(),
        Command::CancelLine {
            capacity: Capacity::P1000,
        },
    )
    .unwrap();

    let day_before = Day::from_ymd(2026, 4, 30).unwrap().start();
    assert!(acme.renew_due(day_before).is_empty());
    assert_eq!(acme.line(Capacity::P500).unwrap().quantity, 4);

    let renewal = Day::from_ymd(2026, 5, 1).unwrap().start();
    let entries = acme.renew_due(renewal);
    assert!(entries.iter().all(|e| e.actor.is_none()));
    assert_eq!(acme.line(Capacity::P500).unwrap().quantity, 1);
    assert_eq!(
        acme.line(Capacity::P500).unwrap().status,
        LineStatus::Active
    );
    assert!(
        acme.line(Capacity::P1000).is_none(),
        "the cancelled line ended"
    );
    assert_eq!(
        acme.line(Capacity::P3000).unwrap().term.renews_on(),
        Day::from_ymd(2026, 6, 1).unwrap()
    );
    assert!(entries.iter().any(|e| e.action
        == AuditAction::LineEnded {
            capacity: Capacity::P1000
        }));
    assert!(
        acme.renew_due(renewal).is_empty(),
        "renewing twice does nothing more"
    );

    // Months without a visit are caught up one period at a time.
    let entries = acme.renew_due(Day::from_ymd(2026, 8, 15).unwrap().start());
    assert_eq!(entries.len(), 6, "three periods for each of two lines");
    assert_eq!(
        acme.line(Capacity::P500).unwrap().term.renews_on(),
        Day::from_ymd(2026, 9, 1).unwrap()
    );
    assert!(acme.base_plan.term.renews_on() > Day::from_ymd(2026, 8, 15).unwrap());
}

#[test]
fn adding_users_is_validated() {
    let mut acme = acme();
    let add = |email: &str, first: &str, last: &str, license, role| Command::AddUser {
        email: Email::parse(email).unwrap(),
        first_name: first.into(),
        last_name: last.into(),
        license,
        role,
    };
    use BaseLicense::*;
    assert_eq!(
        refused(
            &mut acme,
            ADMIN,
            add("LIAM.baker@acme.example", "L", "B", Basic, Role::Member)
        ),
        DomainError::DuplicateEmail(Email::parse(LIAM).unwrap())
    );
    assert_eq!(
        refused(
            &mut acme,
            ADMIN,
            add("a@acme.example", " ", "B", Basic, Role::Member)
        ),
        DomainError::FirstNameMissing
    );
    assert_eq!(
        refused(
            &mut acme,
            ADMIN,
            add("a@acme.example", "A", "", Basic, Role::Member)
        ),
        DomainError::LastNameMissing
    );
    assert_eq!(
        refused(
            &mut acme,
            ADMIN,
            add("a@acme.example", "A", "B", Basic, Role::Owner)
        ),
        DomainError::SecondOwner
    );
    acme.base_plan.seats = 16;
    assert_eq!(
        refused(
            &mut acme,
            ADMIN,
            add("a@acme.example", "A", "B", Licensed, Role::Member)
        ),
        DomainError::NoBaseSeatAvailable { seats: 16 }
    );
    let admin = id(&acme, ADMIN);
    acme.execute(
        admin,
        now(),
        add(
            " New@Acme.example ",
            " Nora ",
            "Nilsson",
            Basic,
            Role::Admin,
        ),
    )
    .unwrap();
    let nora = acme
        .user_by_email(&Email::parse("new@acme.example").unwrap())
        .unwrap();
    assert_eq!(
        (nora.first_name.as_str(), nora.role, nora.password.is_none()),
        ("Nora", Role::Admin, true)
    );
    assert!(!nora.billing_privilege);
    assert_eq!(acme.audit.last().unwrap().category(), AuditCategory::User);
}

#[test]
fn meetings_are_scheduled_by_their_host_or_an_admin() {
    let mut acme = acme();
    let (member, liam, admin) = (id(&acme, MEMBER), id(&acme, LIAM), id(&acme, ADMIN));
    let later = now() + portal_domain::time::Duration::days(2);
    let schedule = |host, topic: &str, start, minutes| Command::ScheduleMeeting {
        host,
        topic: topic.into(),
        start,
        duration_minutes: minutes,
        expected_participants: None,
    };
    acme.execute(member, now(), schedule(member, " All hands ", later, 60))
        .unwrap();
    assert_eq!(acme.meetings_hosted_by(member).len(), 2);
    assert_eq!(
        refused(&mut acme, MEMBER, schedule(liam, "Not mine", later, 60)),
        DomainError::NotYourMeeting
    );
    acme.execute(admin, now(), schedule(liam, "For Liam", later, 30))
        .unwrap();
    assert_eq!(
        refused(&mut acme, MEMBER, schedule(member, "  ", later, 60)),
        DomainError::TopicMissing
    );
    for minutes in [0, 24 * 60 + 1] {
        assert_eq!(
            refused(&mut acme, MEMBER, schedule(member, "x", later, minutes)),
            DomainError::DurationOutOfRange
        );
    }
    assert_eq!(
        refused(&mut acme, MEMBER, schedule(member, "x", now(), 30)),
        DomainError::StartInPast
    );
    assert_eq!(
        acme.audit.last().unwrap().category(),
        AuditCategory::Meeting
    );
}

#[test]
fn the_activity_log_filters_by_date_category_and_email_and_exports_csv() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 2, BillingCycle::Monthly);
    let (admin, liam) = (id(&acme, ADMIN), id(&acme, LIAM));
    let next_week = now() + portal_domain::time::Duration::days(7);
    acme.execute(
        admin,
        next_week,
        edit_large_meetings(&acme, liam, Some(Capacity::P500)),
    )
    .unwrap();

    let all = acme.audit_log(&AuditFilter::default());
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].category(), AuditCategory::License, "newest first");
    let licenses = AuditFilter {
        category: Some(AuditCategory::License),
        ..Default::default()
    };
    assert_eq!(acme.audit_log(&licenses).len(), 1);
    let by_email = AuditFilter {
        email: Some("LIAM".into()),
        ..Default::default()
    };
    assert_eq!(acme.audit_log(&by_email).len(), 1);
    let by_actor = AuditFilter {
        email: Some("owner@".into()),
        ..Default::default()
    };
    assert_eq!(acme.audit_log(&by_actor).len(), 1);
    let first_day = AuditFilter {
        from: Some(Day::of(now())),
        to: Some(Day::of(now())),
        ..Default::default()
    };
    assert_eq!(acme.audit_log(&first_day).len(), 1);
    let after = AuditFilter {
        from: Some(Day::of(next_week)),
        ..Default::default()
    };
    assert_eq!(acme.audit_log(&after)[0].target, user_target(LIAM));

    // What the export's rows are worded from, newest first.
    let rows: Vec<_> = acme
        .audit_log(&AuditFilter::default())
        .into_iter()
        .map(|e| {
            (
                e.at.to_iso(),
                e.actor_email.as_ref().map(Email::as_str),
                e.category(),
                e.target.clone(),
                e.action.clone(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "2026-04-08T00:00:00Z".to_string(),
                Some(ADMIN),
                AuditCategory::License,
                user_target(LIAM),
                AuditAction::LargeMeetingsAssigned {
                    capacity: Capacity::P500,
                    previous: None
                }
            ),
            (
                "2026-04-01T00:00:00Z".to_string(),
                Some(OWNER),
                AuditCategory::Billing,
                AuditTarget::Line(Capacity::P500),
                AuditAction::LargeMeetingsPurchased {
                    capacity: Capacity::P500,
                    quantity: 2,
                    cycle: BillingCycle::Monthly,
                    amount: Money::from_cents(10_000),
                    added_to_line: false
                }
            ),
        ]
    );
}

#[test]
fn a_line_cannot_grow_past_what_the_portal_counts() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 9_999, BillingCycle::Monthly);
    acme.large_meetings[0].quantity = 999_999;
    let error = refused(
        &mut acme,
        OWNER,
        Command::PurchaseLargeMeetings {
            capacity: Capacity::P500,
            quantity: q(2),
            cycle: BillingCycle::Monthly,
        },
    );
    assert_eq!(error, DomainError::TooMany);
    acme.base_plan.seats = 999_999;
    assert_eq!(
        refused(
            &mut acme,
            OWNER,
            Command::AddBaseSeats { quantity: q(9_999) }
        ),
        DomainError::TooMany
    );
}

#[test]
fn the_edit_user_dialog_makes_a_basic_user_licensed_and_gives_large_meetings_in_one_save() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P1000, 1, BillingCycle::Monthly);
    let (admin, ben) = (id(&acme, ADMIN), id(&acme, BASIC));
    let outcome = acme
        .execute(
            admin,
            now(),
            edit_licenses(&acme, ben, BaseLicense::Licensed, Some(Capacity::P1000)),
        )
        .unwrap();
    let ben_now = acme.user(ben).unwrap();
    assert_eq!(
        (ben_now.license, ben_now.large_meetings),
        (BaseLicense::Licensed, Some(Capacity::P1000))
    );
    assert_eq!(
        outcome.entries.len(),
        2,
        "license change and assignment are both logged"
    );
    let book_club = acme.meetings_hosted_by(ben)[0].clone();
    assert_eq!(acme.effective_capacity(&book_club), Some(1000));
}

#[test]
fn the_edit_user_dialog_saves_both_changes_or_neither() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 1, BillingCycle::Monthly);
    assign(&mut acme, LIAM, Capacity::P500).unwrap();
    let ben = id(&acme, BASIC);
    // A free base seat but no free 500 seat: the license is not changed either.
    assert!(matches!(
        refused_edit(&mut acme, ADMIN, |a| edit_licenses(
            a,
            ben,
            BaseLicense::Licensed,
            Some(Capacity::P500)
        )),
        DomainError::NotEnoughSeats { .. }
    ));
    assert_eq!(
        refused_edit(&mut acme, ADMIN, |a| edit_licenses(
            a,
            ben,
            BaseLicense::Basic,
            Some(Capacity::P500)
        )),
        DomainError::OnlyPaidUsers {
            users: vec![Email::parse(BASIC).unwrap()]
        }
    );
    acme.base_plan.seats = 16;
    assert!(matches!(
        refused_edit(&mut acme, ADMIN, |a| edit_licenses(
            a,
            ben,
            BaseLicense::Licensed,
            None
        )),
        DomainError::NoBaseSeatAvailable { seats: 16 }
    ));
    let owner = id(&acme, OWNER);
    assert_eq!(
        refused_edit(&mut acme, ADMIN, |a| edit_licenses(
            a,
            owner,
            BaseLicense::Basic,
            None
        )),
        DomainError::OwnerMustBeLicensed
    );
    assert_eq!(
        refused_edit(&mut acme, MEMBER, |a| edit_licenses(
            a,
            ben,
            BaseLicense::Basic,
            None
        )),
        DomainError::NeedsUserAdmin
    );
}

#[test]
fn the_edit_user_dialog_turning_a_user_basic_removes_the_add_on_with_the_reason() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 1, BillingCycle::Monthly);
    assign(&mut acme, LIAM, Capacity::P500).unwrap();
    let (admin, liam) = (id(&acme, ADMIN), id(&acme, LIAM));
    let outcome = acme
        .execute(
            admin,
            now(),
            edit_licenses(&acme, liam, BaseLicense::Basic, None),
        )
        .unwrap();
    assert_eq!(
        outcome.entries[0].action,
        AuditAction::LargeMeetingsRemoved {
            capacity: Capacity::P500,
            reason: RemovalReason::BecameBasic
        }
    );
    assert_eq!(acme.seats(Capacity::P500).assigned, 0);
    let unchanged = acme.clone();
    let same = acme
        .execute(
            admin,
            now(),
            edit_licenses(&acme, liam, BaseLicense::Basic, None),
        )
        .unwrap();
    assert!(same.entries.is_empty());
    assert_eq!(acme, unchanged, "saving without a change changes nothing");
}

fn remove(user: UserId, meetings: Option<MeetingHandling>) -> Command {
    Command::RemoveUser { user, meetings }
}

#[test]
fn removing_a_user_returns_their_seats_and_is_logged() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P1000, 2, BillingCycle::Monthly);
    assign(&mut acme, NOAH, Capacity::P1000).unwrap();
    let (seats_free, lm_free) = (
        acme.seats_available(),
        acme.seats(Capacity::P1000).available(),
    );
    let noah = id(&acme, NOAH);
    assert!(
        acme.meetings_hosted_by(noah).is_empty(),
        "Noah hosts nothing"
    );
    let admin = id(&acme, ADMIN);
    let outcome = acme.execute(admin, now(), remove(noah, None)).unwrap();
    assert!(acme.user(noah).is_none());
    assert_eq!(acme.seats_available(), seats_free + 1);
    assert_eq!(acme.seats(Capacity::P1000).available(), lm_free + 1);
    let [entry] = outcome.entries.as_slice() else {
        panic!("one entry: {:?}", outcome.entries)
    };
    assert_eq!(entry.target, user_target(NOAH));
    assert_eq!(entry.action.category(), AuditCategory::User);
    assert_eq!(
        entry.action,
        AuditAction::UserRemoved {
            license: BaseLicense::Licensed,
            large_meetings: Some(Capacity::P1000),
            meetings: MeetingsAfterRemoval::None
        }
    );
}

#[test]
fn a_user_who_hosts_meetings_is_removed_only_once_the_meetings_are_handled() {
    let mut acme = acme();
    let member = id(&acme, MEMBER);
    let hosted = acme.meetings_hosted_by(member).len();
    assert!(hosted >= 1, "the demo member hosts the Quarterly Town Hall");
    assert_eq!(
        refused(&mut acme, ADMIN, remove(member, None)),
        DomainError::MeetingsNotHandled {
            email: Email::parse(MEMBER).unwrap(),
            count: hosted
        }
    );
    assert_eq!(
        refused(
            &mut acme,
            ADMIN,
            remove(member, Some(MeetingHandling::TransferTo(member)))
        ),
        DomainError::TransferToRemovedUser
    );
    assert_eq!(
        refused(
            &mut acme,
            ADMIN,
            remove(member, Some(MeetingHandling::TransferTo(UserId(999))))
        ),
        DomainError::UnknownUser(UserId(999))
    );

    // Moved: Emma hosts them now, and they take her capacity at once.
    buy(&mut acme, Capacity::P3000, 1, BillingCycle::Monthly);
    assign(&mut acme, EMMA, Capacity::P3000).unwrap();
    let emma = id(&acme, EMMA);
    let emma_had = acme.meetings_hosted_by(emma).len();
    let admin = id(&acme, ADMIN);
    let mut moved = acme.clone();
    let outcome = moved
        .execute(
            admin,
            now(),
            remove(member, Some(MeetingHandling::TransferTo(emma))),
        )
        .unwrap();
    let theirs = moved.meetings_hosted_by(emma);
    assert_eq!(theirs.len(), emma_had + hosted);
    let town_hall = theirs
        .iter()
        .find(|m| m.topic == "Quarterly Town Hall")
        .unwrap();
    assert_eq!(moved.effective_capacity(town_hall), Some(3000));
    let AuditAction::UserRemoved { meetings, .. } = &outcome.entries[0].action else {
        panic!("{:?}", outcome.entries)
    };
    assert_eq!(
        *meetings,
        MeetingsAfterRemoval::Transferred {
            count: hosted,
            to: Email::parse(EMMA).unwrap()
        }
    );

    // Cancelled: they are gone, nobody else's meetings are touched.
    let others = acme.meetings.len() - hosted;
    acme.execute(admin, now(), remove(member, Some(MeetingHandling::Cancel)))
        .unwrap();
    assert_eq!(acme.meetings.len(), others);
    assert!(acme.meetings.iter().all(|m| m.host != member));
}

#[test]
fn the_owner_yourself_and_members_cannot_remove() {
    let mut acme = acme();
    let (owner, admin, liam) = (id(&acme, OWNER), id(&acme, ADMIN), id(&acme, LIAM));
    let cancel = Some(MeetingHandling::Cancel);
    assert_eq!(
        refused(&mut acme, ADMIN, remove(owner, cancel)),
        DomainError::OwnerCannotBeRemoved
    );
    assert_eq!(
        refused(&mut acme, ADMIN, remove(admin, cancel)),
        DomainError::CannotRemoveYourself
    );
    assert_eq!(
        refused(&mut acme, MEMBER, remove(liam, cancel)),
        DomainError::NeedsUserAdmin
    );
    // The owner may remove an admin.
    acme.execute(owner, now(), remove(admin, cancel)).unwrap();
    assert!(acme.user(admin).is_none());
}

#[test]
fn a_removed_users_id_is_never_given_to_a_new_user() {
    let mut acme = acme();
    let admin = id(&acme, ADMIN);
    let newest = acme.users.iter().map(|u| u.id).max().unwrap();
    acme.execute(admin, now(), remove(newest, Some(MeetingHandling::Cancel)))
        .unwrap();
    acme.execute(
        admin,
        now(),
        Command::AddUser {
            email: Email::parse("new@acme.example").unwrap(),
            first_name: "New".into(),
            last_name: "Person".into(),
            license: BaseLicense::Basic,
            role: Role::Member,
        },
    )
    .unwrap();
    let added = id(&acme, "new@acme.example");
    assert!(added.0 > newest.0, "{added} reuses or precedes {newest}");
    // And it survives a save and load.
    let chunks = portal_domain::persist::user_chunks(&acme);
    let text = portal_domain::persist::encode_account(&acme, &chunks);
    let loaded: Account = portal_domain::json::from_str(&text).unwrap();
    assert_eq!(loaded.last_user_id, added.0);
}

fn edit(
    user: UserId,
    role: Role,
    license: BaseLicense,
    large_meetings: Option<Capacity>,
) -> Command {
    Command::EditUser {
        user,
        role,
        license,
        large_meetings,
        until: None,
    }
}

#[test]
fn the_edit_user_dialog_changes_the_role_with_the_licenses_and_logs_both() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 1, BillingCycle::Monthly);
    let (owner, liam) = (id(&acme, OWNER), id(&acme, LIAM));
    let outcome = acme
        .execute(
            owner,
            now(),
            edit(
                liam,
                Role::Admin,
                BaseLicense::Licensed,
                Some(Capacity::P500),
            ),
        )
        .unwrap();
    let user = acme.user(liam).unwrap();
    assert_eq!(
        (user.role, user.large_meetings),
        (Role::Admin, Some(Capacity::P500))
    );
    let actions: Vec<AuditAction> = outcome.entries.iter().map(|e| e.action.clone()).collect();
    assert_eq!(
        actions,
        [
            AuditAction::LargeMeetingsAssigned {
                capacity: Capacity::P500,
                previous: None
            },
            AuditAction::RoleChanged {
                from: Role::Member,
                to: Role::Admin
            }
        ]
    );
    assert_eq!(outcome.entries[1].action.category(), AuditCategory::User);
}

#[test]
fn a_demoted_admin_loses_the_billing_privilege() {
    let mut acme = acme();
    let (owner, admin) = (id(&acme, OWNER), id(&acme, ADMIN));
    assert!(acme.user(admin).unwrap().billing_privilege);
    acme.execute(
        owner,
        now(),
        edit(admin, Role::Member, BaseLicense::Licensed, None),
    )
    .unwrap();
    let user = acme.user(admin).unwrap();
    assert_eq!(user.role, Role::Member);
    assert!(!user.billing_privilege);
    assert!(!user.can_manage_billing());
}

#[test]
fn roles_the_owner_and_oneself_are_protected_and_a_refusal_keeps_the_role() {
    let mut acme = acme();
    let (owner, admin, liam, basic) = (
        id(&acme, OWNER),
        id(&acme, ADMIN),
        id(&acme, LIAM),
        id(&acme, BASIC),
    );
    use BaseLicense::*;
    assert_eq!(
        refused(&mut acme, ADMIN, edit(owner, Role::Admin, Licensed, None)),
        DomainError::OwnerRoleFixed
    );
    assert_eq!(
        refused(&mut acme, ADMIN, edit(liam, Role::Owner, Licensed, None)),
        DomainError::OwnerRoleFixed
    );
    assert_eq!(
        refused(&mut acme, ADMIN, edit(admin, Role::Member, Licensed, None)),
        DomainError::CannotChangeOwnRole
    );
    assert_eq!(
        refused(&mut acme, MEMBER, edit(liam, Role::Admin, Licensed, None)),
        DomainError::NeedsUserAdmin
    );
    // The license part is refused (no seats of 1000): the role is not changed either.
    assert_eq!(
        refused(
            &mut acme,
            ADMIN,
            edit(basic, Role::Admin, Licensed, Some(Capacity::P1000))
        ),
        DomainError::CapacityNotOwned {
            capacity: Capacity::P1000
        }
    );
    // Saving one's own dialog without a role change is fine.
    acme.execute(admin, now(), edit(admin, Role::Admin, Licensed, None))
        .unwrap();
}

fn new_user(email: &str, license: BaseLicense, large_meetings: Option<Capacity>) -> NewUser {
    NewUser {
        email: Email::parse(email).unwrap(),
        first_name: "New".into(),
        last_name: "Person".into(),
        license,
        large_meetings,
        role: Role::Member,
        group: None,
    }
}

#[test]
fn importing_users_adds_them_all_with_fresh_ids_and_one_log_entry() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P1000, 2, BillingCycle::Monthly);
    let before = acme.users.len();
    let newest = acme.users.iter().map(|u| u.id).max().unwrap();
    let users = vec![
        new_user(
            "one@acme.example",
            BaseLicense::Licensed,
            Some(Capacity::P1000),
        ),
        new_user("two@acme.example", BaseLicense::Basic, None),
    ];
    let admin = id(&acme, ADMIN);
    let outcome = acme
        .execute(admin, now(), Command::ImportUsers { users })
        .unwrap();
    assert_eq!(acme.users.len(), before + 2);
    let one = acme.user(id(&acme, "one@acme.example")).unwrap();
    assert!(one.id > newest);
    assert_eq!(one.large_meetings, Some(Capacity::P1000));
    assert_eq!(one.password, None);
    assert_eq!(acme.seats(Capacity::P1000).assigned, 1);
    assert_eq!(acme.last_user_id, id(&acme, "two@acme.example").0);
    assert_eq!(outcome.entries.len(), 1);
    assert_eq!(
        outcome.entries[0].action,
        AuditAction::UsersImported { count: 2 }
    );
    assert!(
        acme.users.windows(2).all(|w| w[0].id < w[1].id),
        "ids stay in order"
    );
}

#[test]
fn an_import_with_any_bad_user_changes_nothing() {
    let cases = [
        (
            vec![
                new_user("ok@acme.example", BaseLicense::Basic, None),
                new_user(LIAM, BaseLicense::Basic, None),
            ],
            DomainError::DuplicateEmail(Email::parse(LIAM).unwrap()),
        ),
        (
            vec![
                new_user("twice@acme.example", BaseLicense::Basic, None),
                new_user("TWICE@acme.example", BaseLicense::Basic, None),
            ],
            DomainError::DuplicateEmail(Email::parse("twice@acme.example").unwrap()),
        ),
        (
            vec![new_user(
                "big@acme.example",
                BaseLicense::Licensed,
                Some(Capacity::P5000),
            )],
            DomainError::CapacityNotOwned {
                capacity: Capacity::P5000,
            },
        ),
        (
            vec![NewUser {
                role: Role::Owner,
                ..new_user("boss@acme.example", BaseLicense::Licensed, None)
            }],
            DomainError::SecondOwner,
        ),
        (vec![], DomainError::EmptySelection),
    ];
    for (users, expected) in cases {
        let mut account = acme();
        let unchanged = account.clone();
        assert_eq!(
            refused(&mut account, ADMIN, Command::ImportUsers { users }),
            expected
        );
        assert_eq!(account, unchanged);
    }
    // More Licensed users than free seats.
    let mut account = acme();
    let free = account.seats_available();
    let users = (0..=free)
        .map(|i| new_user(&format!("u{i}@acme.example"), BaseLicense::Licensed, None))
        .collect();
    assert_eq!(
        refused(&mut account, ADMIN, Command::ImportUsers { users }),
        DomainError::NotEnoughBaseSeats {
            needed: free + 1,
            available: free
        }
    );
    // A member may not import.
    let users = vec![new_user("m@acme.example", BaseLicense::Basic, None)];
    assert_eq!(
        refused(&mut acme(), MEMBER, Command::ImportUsers { users }),
        DomainError::NeedsUserAdmin
    );
}

#[test]
fn names_and_topics_are_text_of_bounded_length_without_hidden_characters() {
    let mut acme = acme();
    let add = |first: &str| Command::AddUser {
        email: Email::parse("new@acme.example").unwrap(),
        first_name: first.into(),
        last_name: "Person".into(),
        license: BaseLicense::Basic,
        role: Role::Member,
    };
    assert_eq!(
        refused(&mut acme, ADMIN, add(&"x".repeat(10_000))),
        DomainError::NameTooLong { max: 64 }
    );
    for hidden in ["Eve\u{202E}gnp.exe", "Line\nbreak", "Bell\u{7}"] {
        assert_eq!(
            refused(&mut acme, ADMIN, add(hidden)),
            DomainError::HiddenCharacter
        );
    }
    let admin = id(&acme, ADMIN);
    acme.execute(admin, now(), add("<script>alert(1)</script>"))
        .unwrap();
    let added = acme
        .user_by_email(&Email::parse("new@acme.example").unwrap())
        .unwrap();
    assert_eq!(added.first_name, "<script>alert(1)</script>");

    let schedule = |topic: String| Command::ScheduleMeeting {
        host: admin,
        topic,
        start: now() + portal_domain::time::Duration::days(1),
        duration_minutes: 30,
        expected_participants: None,
    };
    assert_eq!(
        refused(&mut acme, ADMIN, schedule("t".repeat(201))),
        DomainError::TopicTooLong { max: 200 }
    );
    assert_eq!(
        refused(&mut acme, ADMIN, schedule("a\u{2066}b".into())),
        DomainError::HiddenCharacter
    );
    acme.execute(admin, now(), schedule("t".repeat(200)))
        .unwrap();
}

#[test]
fn seats_of_a_line_being_reduced_or_cancelled_are_not_offered_as_available() {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 3, BillingCycle::Monthly);
    assign(&mut acme, MEMBER, Capacity::P500).unwrap();
    let owner = id(&acme, OWNER);
    let p500 = |a: &Account| a.seats(Capacity::P500);
    assert_eq!(p500(&acme).available(), 2);

    // Reduced to 2 at renewal with 1 assigned: one more can be assigned.
    acme.execute(
        owner,
        now(),
        Command::ReduceLine {
            capacity: Capacity::P500,
            to: 2,
        },
    )
    .unwrap();
    assert_eq!((p500(&acme).purchased, p500(&acme).available()), (3, 1));
    assert_eq!(acme.check_seats(Capacity::P500, 1), Ok(()));
    assign(&mut acme, LIAM, Capacity::P500).unwrap();
    // Now none is offered, and the reason is the reduction.
    assert_eq!(p500(&acme).available(), 0);
    assert!(matches!(
        acme.check_seats(Capacity::P500, 1),
        Err(DomainError::SeatsReserved { to: 2, .. })
    ));
    assert!(matches!(
        assign(&mut acme, EMMA, Capacity::P500),
        Err(DomainError::SeatsReserved { .. })
    ));

    // A line being cancelled offers none at all.
    acme.execute(
        owner,
        now(),
        Command::UndoPendingChange {
            capacity: Capacity::P500,
        },
    )
    .unwrap();
    for email in [MEMBER, LIAM] {
        let user = id(&acme, email);
        acme.execute(
            owner,
            now(),
            edit_licenses(&acme, user, BaseLicense::Licensed, None),
        )
        .unwrap();
    }
    acme.execute(
        owner,
        now(),
        Command::CancelLine {
            capacity: Capacity::P500,
        },
    )
    .unwrap();
    assert_eq!((p500(&acme).purchased, p500(&acme).available()), (3, 0));
    assert!(matches!(
        acme.check_seats(Capacity::P500, 1),
        Err(DomainError::LineEnding { .. })
    ));
}

/// The values the messages are worded from (grouped numbers, days, the
/// singular for one): each language words them (`messages` in the app).
#[test]
fn refusals_and_log_details_carry_the_capacity_the_day_and_the_count_they_are_worded_from() {
    let mut acme = acme();
    let (owner, admin) = (id(&acme, OWNER), id(&acme, ADMIN));
    let day = |y, m, d| Day::from_ymd(y, m, d).unwrap();

    // A line cancelled at renewal cannot be assigned.
    buy(&mut acme, Capacity::P3000, 1, BillingCycle::Annual);
    let cancelled = acme
        .execute(
            owner,
            now(),
            Command::CancelLine {
                capacity: Capacity::P3000,
            },
        )
        .unwrap();
    assert_eq!(
        cancelled.entries[0].action,
        AuditAction::CancellationScheduled {
            capacity: Capacity::P3000,
            on: day(2027, 4, 1)
        }
    );
    assert_eq!(
        cancelled.entries[0].target,
        AuditTarget::Line(Capacity::P3000)
    );
    assert_eq!(
        assign(&mut acme, LIAM, Capacity::P3000),
        Err(DomainError::LineEnding {
            capacity: Capacity::P3000,
            ends_on: day(2027, 4, 1)
        })
    );

    // A line of one license assigned to one user.
    buy(&mut acme, Capacity::P5000, 1, BillingCycle::Monthly);
    assign(&mut acme, LIAM, Capacity::P5000).unwrap();
    assert_eq!(
        refused(
            &mut acme,
            OWNER,
            Command::CancelLine {
                capacity: Capacity::P5000
            }
        ),
        DomainError::CancelWhileAssigned {
            capacity: Capacity::P5000,
            assigned: 1
        }
    );
    assert_eq!(
        refused(
            &mut acme,
            OWNER,
            Command::ReduceLine {
                capacity: Capacity::P5000,
                to: 1
            }
        ),
        DomainError::NotAReduction {
            capacity: Capacity::P5000,
            current: 1
        }
    );

    // Reduced from 3 to 2.
    buy(&mut acme, Capacity::P1000, 3, BillingCycle::Monthly);
    let reduced = acme
        .execute(
            owner,
            now(),
            Command::ReduceLine {
                capacity: Capacity::P1000,
                to: 2,
            },
        )
        .unwrap();
    assert_eq!(
        reduced.entries[0].action,
        AuditAction::ReductionScheduled {
            capacity: Capacity::P1000,
            from: 3,
            to: 2,
            on: day(2026, 5, 1)
        }
    );

    // A user who hosts one meeting.
    let member = id(&acme, MEMBER);
    assert_eq!(acme.meetings_hosted_by(member).len(), 1);
    assert_eq!(
        refused(&mut acme, ADMIN, remove(member, None)),
        DomainError::MeetingsNotHandled {
            email: Email::parse(MEMBER).unwrap(),
            count: 1
        }
    );
    let removed = acme
        .execute(admin, now(), remove(member, Some(MeetingHandling::Cancel)))
        .unwrap();
    assert_eq!(
        removed.entries[0].action,
        AuditAction::UserRemoved {
            license: BaseLicense::Licensed,
            large_meetings: None,
            meetings: MeetingsAfterRemoval::Cancelled { count: 1 }
        }
    );

    // One user imported: the target and the details count 1 user.
    let imported = acme
        .execute(
            admin,
            now(),
            Command::ImportUsers {
                users: vec![new_user("solo@acme.example", BaseLicense::Basic, None)],
            },
        )
        .unwrap();
    let [entry] = imported.entries.as_slice() else {
        panic!("{:?}", imported.entries)
    };
    assert_eq!(
        (entry.category(), &entry.target, &entry.action),
        (
            AuditCategory::User,
            &AuditTarget::Imported { count: 1 },
            &AuditAction::UsersImported { count: 1 }
        )
    );
    assert_eq!(entry.target.stored(), "1 user");
    assert_eq!(
        (
            entry.at.to_iso(),
            entry.actor_email.as_ref().map(Email::as_str)
        ),
        ("2026-04-01T00:00:00Z".to_string(), Some(ADMIN))
    );
    // Logs stored before this wording said "1 users"; they read right too.
    assert_eq!(
        AuditTarget::parse("1 users"),
        AuditTarget::Imported { count: 1 }
    );
    assert_eq!(
        AuditTarget::parse("50000 users"),
        AuditTarget::Imported { count: 50_000 }
    );
    assert_eq!(AuditTarget::parse(MEMBER), user_target(MEMBER));
}
