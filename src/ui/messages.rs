//! Every message that comes from the domain (refusals, input errors, the
//! activity log's details), worded in the chosen language.
//!
//! The domain hands over typed values (the `Display` of `DomainError`,
//! `SignInError` and `CapacityError` is a developer's code, not a sentence);
//! every sentence is worded here from the locale files, on the screen and in
//! the activity log's CSV export. In both languages numbers are grouped
//! ("3,000" / "3 000"), days are written as the page writes them ("Jan 4,
//! 2027" / "4 jan. 2027"), amounts as "$1,234.50" / "1 234,50 US$", and a
//! count of one takes the singular (the `*_one` keys).

use crate::format;
use crate::i18n::*;
use crate::state::{ActionError, UndoError};
use crate::storage::{Dropped, WriteProblem};
use crate::ui::labels;
use portal_domain::audit::{AuditCategory, AuditTarget, MeetingsAfterRemoval, RemovalReason};
use portal_domain::backup::RuleBreak;
use portal_domain::capacity::CapacityError;
use portal_domain::import::{FileProblem, RowError, RowProblem};
use portal_domain::persist::DecodeError;
use portal_domain::{
    AuditAction, AuditEntry, BillingCycle, Capacity, Day, DomainError, EmailError, Money,
    QuantityError, SignInError, UndoRefusal, WholeNumberError,
};

/// A message of the locale files with its `{name}` places filled in.
///
/// The messages worded here take their values at run time rather than
/// through leptos_i18n's interpolation, which compiles a builder per message
/// and language into the wasm: one loop serves them all.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (v, close))
        });
        match value {
            Some((value, close)) => {
                use std::fmt::Write;
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                // Tests run debug builds: a place without a value fails them.
                debug_assert!(false, "no value for a place in {template:?}");
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

// ---- Values inside messages ------------------------------------------------
//
// Formatted as the rest of the page formats them (`crate::format`).

/// A whole number: "3,000" or "3 000".
fn number(locale: Locale, n: u32) -> String {
    format::count_in(locale, n)
}

/// A count held as `usize` (list lengths, meeting counts).
fn size(locale: Locale, n: usize) -> String {
    match u32::try_from(n) {
        Ok(n) => format::count_in(locale, n),
        Err(_) => portal_domain::money::group_thousands(n as u64),
    }
}

/// A capacity: "3,000" or "3 000".
fn capacity(locale: Locale, capacity: Capacity) -> String {
    number(locale, capacity.participants())
}

/// A day: "Dec 27, 2026" or "27 dec. 2026".
fn day(locale: Locale, day: Day) -> String {
    format::day_in(locale, day)
}

/// An amount: "$1,234.50" or "1 234,50 US$".
fn money(locale: Locale, amount: Money) -> String {
    format::money_in(locale, amount)
}

/// "monthly" / "annual" (lower case, inside a sentence).
fn cycle(locale: Locale, cycle: BillingCycle) -> &'static str {
    match cycle {
        BillingCycle::Monthly => td_string!(locale, messages.cycle.monthly),
        BillingCycle::Annual => td_string!(locale, messages.cycle.annual),
    }
}

// ---- The one way a message reaches the screen --------------------------------

/// What the portal tells a person, kept as data (a typed refusal, notice or
/// confirmation) until it is shown, and worded then in the language chosen
/// at that moment: a language switch re-words what is already on screen.
///
/// Pages keep `Option<T: Wording>` in a signal and render
/// `move || notice.get().map(|n| n.words(i18n.get_locale()))`; they never
/// store a worded `String`.
pub trait Wording {
    fn words(&self, locale: Locale) -> String;
}

impl Wording for ActionError {
    fn words(&self, locale: Locale) -> String {
        action_error(locale, self)
    }
}

impl Wording for DomainError {
    fn words(&self, locale: Locale) -> String {
        domain_error(locale, self)
    }
}

// ---- Errors ------------------------------------------------------------------

/// A refused command, or a session that ended.
pub fn action_error(locale: Locale, error: &ActionError) -> String {
    match error {
        ActionError::Domain(e) => domain_error(locale, e),
        ActionError::SignedOut => td_string!(locale, messages.signed_out).to_string(),
    }
}

/// Why the domain refused a command.
///
/// Long on purpose: one exhaustive `match`, one arm per refusal, so the
/// compiler names any refusal that has no words yet; split up, the arms
/// would only be scattered.
///
/// `OnlyPaidUsers` and `BulkRefused` give the summary sentence only; the
/// caller lists the users, or each problem through this same function.
pub fn domain_error(locale: Locale, error: &DomainError) -> String {
    let cap = |c: Capacity| capacity(locale, c);
    match error {
        DomainError::NeedsUserAdmin => {
            td_string!(locale, messages.domain.needs_user_admin).to_string()
        }
        DomainError::NeedsBillingPrivilege => {
            td_string!(locale, messages.domain.needs_billing_privilege).to_string()
        }
        DomainError::NotYourMeeting => {
            td_string!(locale, messages.domain.not_your_meeting).to_string()
        }
        DomainError::UnknownUser(_) => td_string!(locale, messages.domain.unknown_user).to_string(),
        DomainError::OnlyPaidUsers { users: _ } => {
            td_string!(locale, messages.domain.only_paid_users).to_string()
        }
        DomainError::CapacityNotOwned { capacity } => fill(
            td_string!(locale, messages.domain.capacity_not_owned),
            &[("capacity", &cap(*capacity))],
        ),
        DomainError::NotEnoughSeats {
            capacity,
            needed,
            available,
        } => fill(
            td_string!(locale, messages.domain.not_enough_seats),
            &[
                ("capacity", &cap(*capacity)),
                ("needed", &number(locale, *needed)),
                ("available", &number(locale, *available)),
            ],
        ),
        DomainError::LineEnding { capacity, ends_on } => fill(
            td_string!(locale, messages.domain.line_ending),
            &[
                ("capacity", &cap(*capacity)),
                ("ends_on", &day(locale, *ends_on)),
            ],
        ),
        DomainError::SeatsReserved {
            capacity,
            to: 1,
            on,
        } => fill(
            td_string!(locale, messages.domain.seats_reserved_one),
            &[
                ("capacity", &cap(*capacity)),
                ("to", &number(locale, 1)),
                ("on", &day(locale, *on)),
            ],
        ),
        DomainError::SeatsReserved { capacity, to, on } => fill(
            td_string!(locale, messages.domain.seats_reserved_many),
            &[
                ("capacity", &cap(*capacity)),
                ("to", &number(locale, *to)),
                ("on", &day(locale, *on)),
            ],
        ),
        DomainError::NoBaseSeatAvailable { seats: 1 } => fill(
            td_string!(locale, messages.domain.no_base_seat_available_one),
            &[("seats", &number(locale, 1))],
        ),
        DomainError::NoBaseSeatAvailable { seats } => fill(
            td_string!(locale, messages.domain.no_base_seat_available_many),
            &[("seats", &number(locale, *seats))],
        ),
        DomainError::NotEnoughBaseSeats { needed, available } => {
            let count = number(locale, *needed);
            let needed = if *needed == 1 {
                fill(
                    td_string!(locale, messages.domain.base_seats_needed_one),
                    &[("count", &count)],
                )
            } else {
                fill(
                    td_string!(locale, messages.domain.base_seats_needed_many),
                    &[("count", &count)],
                )
            };
            let count = number(locale, *available);
            let free = match available {
                0 => td_string!(locale, messages.domain.base_seats_free_none).to_string(),
                1 => fill(
                    td_string!(locale, messages.domain.base_seats_free_one),
                    &[("count", &count)],
                ),
                _ => fill(
                    td_string!(locale, messages.domain.base_seats_free_many),
                    &[("count", &count)],
                ),
            };
            fill(
                td_string!(locale, messages.domain.not_enough_base_seats),
                &[("needed", &needed), ("free", &free)],
            )
        }
        DomainError::BulkRefused(problems) => fill(
            td_string!(locale, messages.domain.bulk_refused),
            &[("refused", &size(locale, problems.len()))],
        ),
        DomainError::EmptySelection => {
            td_string!(locale, messages.domain.empty_selection).to_string()
        }
        DomainError::ReduceBelowAssigned {
            capacity,
            assigned,
            to,
        } => {
            let (capacity, unassign) = (cap(*capacity), assigned.saturating_sub(*to));
            if unassign == 1 {
                fill(
                    td_string!(locale, messages.domain.reduce_below_assigned_one),
                    &[
                        ("capacity", &capacity),
                        ("assigned", &number(locale, *assigned)),
                        ("unassign", &number(locale, 1)),
                    ],
                )
            } else {
                fill(
                    td_string!(locale, messages.domain.reduce_below_assigned_many),
                    &[
                        ("capacity", &capacity),
                        ("assigned", &number(locale, *assigned)),
                        ("unassign", &number(locale, unassign)),
                    ],
                )
            }
        }
        DomainError::NotAReduction {
            capacity,
            current: 1,
        } => fill(
            td_string!(locale, messages.domain.not_a_reduction_one),
            &[
                ("capacity", &cap(*capacity)),
                ("current", &number(locale, 1)),
            ],
        ),
        DomainError::NotAReduction { capacity, current } => fill(
            td_string!(locale, messages.domain.not_a_reduction_many),
            &[
                ("capacity", &cap(*capacity)),
                ("current", &number(locale, *current)),
            ],
        ),
        DomainError::CancelWhileAssigned {
            capacity,
            assigned: 1,
        } => fill(
            td_string!(locale, messages.domain.one_user_cancel_while_assigned),
            &[
                ("capacity", &cap(*capacity)),
                ("assigned", &number(locale, 1)),
            ],
        ),
        DomainError::CancelWhileAssigned { capacity, assigned } => fill(
            td_string!(locale, messages.domain.cancel_while_assigned),
            &[
                ("capacity", &cap(*capacity)),
                ("assigned", &number(locale, *assigned)),
            ],
        ),
        DomainError::NothingToUndo { capacity } => fill(
            td_string!(locale, messages.domain.nothing_to_undo),
            &[("capacity", &cap(*capacity))],
        ),
        DomainError::CycleMismatch { capacity, cycle: c } => fill(
            td_string!(locale, messages.domain.cycle_mismatch),
            &[("capacity", &cap(*capacity)), ("cycle", &cycle(locale, *c))],
        ),
        DomainError::TooMany => td_string!(locale, messages.domain.too_many).to_string(),
        DomainError::NoLargeMeetings(email) => fill(
            td_string!(locale, messages.domain.no_large_meetings),
            &[("email", &email.to_string())],
        ),
        DomainError::DuplicateEmail(email) => fill(
            td_string!(locale, messages.domain.duplicate_email),
            &[("email", &email.to_string())],
        ),
        DomainError::FirstNameMissing => {
            td_string!(locale, messages.domain.first_name_missing).to_string()
        }
        DomainError::LastNameMissing => {
            td_string!(locale, messages.domain.last_name_missing).to_string()
        }
        DomainError::SecondOwner => td_string!(locale, messages.domain.second_owner).to_string(),
        DomainError::OwnerMustBeLicensed => {
            td_string!(locale, messages.domain.owner_must_be_licensed).to_string()
        }
        DomainError::OwnerRoleFixed => {
            td_string!(locale, messages.domain.owner_role_fixed).to_string()
        }
        DomainError::CannotChangeOwnRole => {
            td_string!(locale, messages.domain.cannot_change_own_role).to_string()
        }
        DomainError::OwnerCannotBeRemoved => {
            td_string!(locale, messages.domain.owner_cannot_be_removed).to_string()
        }
        DomainError::CannotRemoveYourself => {
            td_string!(locale, messages.domain.cannot_remove_yourself).to_string()
        }
        DomainError::MeetingsNotHandled { email, count: 1 } => fill(
            td_string!(locale, messages.domain.one_meeting_not_handled),
            &[
                ("email", &email.to_string()),
                ("meetings", &size(locale, 1)),
            ],
        ),
        DomainError::MeetingsNotHandled { email, count } => fill(
            td_string!(locale, messages.domain.meetings_not_handled),
            &[
                ("email", &email.to_string()),
                ("meetings", &size(locale, *count)),
            ],
        ),
        DomainError::TransferToRemovedUser => {
            td_string!(locale, messages.domain.transfer_to_removed_user).to_string()
        }
        DomainError::TopicMissing => td_string!(locale, messages.domain.topic_missing).to_string(),
        DomainError::DurationOutOfRange => {
            td_string!(locale, messages.domain.duration_out_of_range).to_string()
        }
        DomainError::ExpectedOutOfRange { max } => fill(
            td_string!(locale, messages.domain.expected_out_of_range),
            &[("max", &format::count_in(locale, *max))],
        ),
        DomainError::StartInPast => td_string!(locale, messages.domain.start_in_past).to_string(),
        DomainError::UntilNotAfterNow => {
            td_string!(locale, messages.domain.until_not_after_now).to_string()
        }
        DomainError::UntilWithoutLargeMeetings => {
            td_string!(locale, messages.domain.until_without_large_meetings).to_string()
        }
        DomainError::NameTooLong { max } => fill(
            td_string!(locale, messages.domain.name_too_long),
            &[("max", max)],
        )
        .to_string(),
        DomainError::TopicTooLong { max } => fill(
            td_string!(locale, messages.domain.topic_too_long),
            &[("max", max)],
        )
        .to_string(),
        DomainError::HiddenCharacter => {
            td_string!(locale, messages.domain.hidden_character).to_string()
        }
        DomainError::CurrentPasswordMissing => {
            td_string!(locale, messages.domain.current_password_missing).to_string()
        }
        DomainError::WrongCurrentPassword => {
            td_string!(locale, messages.domain.wrong_current_password).to_string()
        }
        DomainError::PasswordTooShort { min } => fill(
            td_string!(locale, messages.domain.password_too_short),
            &[("min", min)],
        )
        .to_string(),
        DomainError::PasswordTooLong { max } => fill(
            td_string!(locale, messages.domain.password_too_long),
            &[("max", max)],
        )
        .to_string(),
        DomainError::PasswordsDiffer => {
            td_string!(locale, messages.domain.passwords_differ).to_string()
        }
        DomainError::PasswordUnchanged => {
            td_string!(locale, messages.domain.password_unchanged).to_string()
        }
        DomainError::PasswordNotHashed => {
            td_string!(locale, messages.domain.password_not_hashed).to_string()
        }
        DomainError::UnknownGroup(_) => {
            td_string!(locale, messages.domain.unknown_group).to_string()
        }
        DomainError::GroupNameMissing => {
            td_string!(locale, messages.domain.group_name_missing).to_string()
        }
        DomainError::GroupNameTaken { name } => fill(
            td_string!(locale, messages.domain.group_name_taken),
            &[("name", &name.clone())],
        ),
        DomainError::AlreadyInGroup { group } => fill(
            td_string!(locale, messages.domain.already_in_group),
            &[("group", &group.clone())],
        ),
        DomainError::NotInGroup { user, group } => fill(
            td_string!(locale, messages.domain.not_in_group),
            &[("email", &user.to_string()), ("group", &group.clone())],
        ),
        DomainError::RuleUnchanged { group } => fill(
            td_string!(locale, messages.domain.rule_unchanged),
            &[("group", &group.clone())],
        ),
        DomainError::CapacityInGroupRule { capacity, group } => fill(
            td_string!(locale, messages.domain.capacity_in_group_rule),
            &[("capacity", &cap(*capacity)), ("group", &group.clone())],
        ),
        DomainError::InheritedLargeMeetings { user, group } => fill(
            td_string!(locale, messages.domain.inherited_large_meetings),
            &[("email", &user.to_string()), ("group", &group.clone())],
        ),
        DomainError::NothingToUpdate => {
            td_string!(locale, messages.domain.nothing_to_update).to_string()
        }
    }
}

pub fn email_error(locale: Locale, error: &EmailError) -> String {
    match error {
        EmailError::Empty => td_string!(locale, messages.email.empty),
        EmailError::TooLong => td_string!(locale, messages.email.too_long),
        EmailError::AtSign => td_string!(locale, messages.email.at_sign),
        EmailError::MissingLocalPart => td_string!(locale, messages.email.missing_local_part),
        EmailError::InvalidDomain => td_string!(locale, messages.email.invalid_domain),
        EmailError::InvalidCharacter => td_string!(locale, messages.email.invalid_character),
    }
    .to_string()
}

/// Why the saved data could not be read: which record, or which version
/// wrote it (the parser's own detail goes to the console, not to people).
pub fn decode_error(locale: Locale, problem: &DecodeError) -> String {
    match problem {
        DecodeError::Malformed { record, .. } => fill(
            td_string!(locale, common.storage.problem_damaged),
            &[("record", record)],
        ),
        DecodeError::NewerSchema { found, supported } => fill(
            td_string!(locale, common.storage.problem_newer),
            &[
                ("found", &number(locale, *found)),
                ("supported", &number(locale, *supported)),
            ],
        ),
    }
}

/// Why a save did not reach storage, inside a sentence.
pub fn write_problem(locale: Locale, problem: WriteProblem) -> &'static str {
    match problem {
        WriteProblem::Full => td_string!(locale, common.storage.problem_full),
        WriteProblem::Unavailable => td_string!(locale, common.storage.problem_unavailable),
        WriteProblem::Busy => td_string!(locale, common.storage.problem_busy),
        WriteProblem::Refused => td_string!(locale, common.storage.problem_refused),
    }
}

/// Why changes made in this tab were dropped, one sentence each.
pub fn dropped_changes(locale: Locale, dropped: &[Dropped]) -> String {
    dropped
        .iter()
        .map(|d| match d {
            Dropped::Refused(error) => domain_error(locale, error),
            Dropped::AccountGone => td_string!(locale, common.storage.account_gone).to_string(),
            Dropped::UndoRefused(refusal) => undo_refusal(locale, refusal, None),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a number field counts, for the wording of its refusals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    /// Large Meetings licenses of an order.
    Licenses,
    /// Zoom Workplace seats of the base plan.
    Seats,
}

/// What was typed, as quoted back in a refusal (long text shortened).
fn typed_back(typed: &str) -> String {
    const MAX: usize = 24;
    let typed = typed.trim();
    if typed.chars().count() <= MAX {
        typed.to_string()
    } else {
        let mut short: String = typed.chars().take(MAX - 1).collect();
        short.push('…');
        short
    }
}

/// Why the number typed into an order's quantity field (`typed`) is
/// refused, quoting what was read.
pub fn quantity_error(
    locale: Locale,
    error: &QuantityError,
    typed: &str,
    counted: Counted,
) -> String {
    let typed = typed_back(typed);
    match (counted, error) {
        (_, QuantityError::Grouping) => fill(
            td_string!(locale, messages.number.grouping),
            &[("typed", &typed)],
        ),
        (Counted::Licenses, QuantityError::Empty) => {
            td_string!(locale, messages.quantity.empty).to_string()
        }
        (Counted::Licenses, QuantityError::NotANumber) => fill(
            td_string!(locale, messages.quantity.not_a_number),
            &[("typed", &typed)],
        ),
        (Counted::Licenses, QuantityError::Fractional) => fill(
            td_string!(locale, messages.quantity.fractional),
            &[("typed", &typed)],
        ),
        (Counted::Licenses, QuantityError::Negative) => {
            td_string!(locale, messages.quantity.negative).to_string()
        }
        (Counted::Licenses, QuantityError::Zero) => {
            td_string!(locale, messages.quantity.below_one).to_string()
        }
        (Counted::Licenses, QuantityError::TooLarge) => fill(
            td_string!(locale, messages.quantity.too_large),
            &[("typed", &typed)],
        ),
        (Counted::Seats, QuantityError::Empty) => {
            td_string!(locale, messages.seats.empty).to_string()
        }
        (Counted::Seats, QuantityError::NotANumber) => fill(
            td_string!(locale, messages.seats.not_a_number),
            &[("typed", &typed)],
        ),
        (Counted::Seats, QuantityError::Fractional) => fill(
            td_string!(locale, messages.seats.fractional),
            &[("typed", &typed)],
        ),
        (Counted::Seats, QuantityError::Negative) => {
            td_string!(locale, messages.seats.negative).to_string()
        }
        (Counted::Seats, QuantityError::Zero) => {
            td_string!(locale, messages.seats.below_one).to_string()
        }
        (Counted::Seats, QuantityError::TooLarge) => fill(
            td_string!(locale, messages.seats.too_large),
            &[("typed", &typed)],
        ),
    }
}

/// Why the new number of licenses typed to reduce a line is refused; the
/// domain then says whether the number is a reduction it allows.
pub fn new_quantity_error(locale: Locale, error: &WholeNumberError, typed: &str) -> String {
    let typed = typed_back(typed);
    match error {
        WholeNumberError::Grouping => fill(
            td_string!(locale, messages.number.grouping),
            &[("typed", &typed)],
        ),
        WholeNumberError::Empty => td_string!(locale, messages.new_quantity.empty).to_string(),
        WholeNumberError::NotANumber => fill(
            td_string!(locale, messages.new_quantity.not_a_number),
            &[("typed", &typed)],
        ),
        WholeNumberError::Fractional => fill(
            td_string!(locale, messages.new_quantity.fractional),
            &[("typed", &typed)],
        ),
        WholeNumberError::Negative => {
            td_string!(locale, messages.new_quantity.negative).to_string()
        }
        WholeNumberError::TooLarge => fill(
            td_string!(locale, messages.new_quantity.too_large),
            &[("typed", &typed)],
        ),
    }
}

pub fn capacity_error(locale: Locale, error: &CapacityError) -> String {
    let CapacityError(participants) = error;
    fill(
        td_string!(locale, messages.capacity.not_offered),
        &[("participants", &number(locale, *participants))],
    )
}

pub fn sign_in_error(locale: Locale, error: &SignInError) -> String {
    match error {
        SignInError::MissingEmail => td_string!(locale, messages.sign_in.missing_email).into(),
        SignInError::MissingPassword => {
            td_string!(locale, messages.sign_in.missing_password).into()
        }
        SignInError::InvalidCredentials => {
            td_string!(locale, messages.sign_in.invalid_credentials).into()
        }
        SignInError::TooManyAttempts { seconds: 1 } => fill(
            td_string!(locale, messages.sign_in.too_many_attempts_one),
            &[("seconds", &1)],
        )
        .to_string(),
        SignInError::TooManyAttempts { seconds } => fill(
            td_string!(locale, messages.sign_in.too_many_attempts_many),
            &[("seconds", seconds)],
        )
        .to_string(),
    }
}

// ---- Admin Activity Logs -----------------------------------------------------

/// The details column of the Admin Activity Logs.
///
/// Long on purpose: one exhaustive `match`, one arm per kind of log entry,
/// so the compiler names any entry that has no words yet.
pub fn audit_details(locale: Locale, action: &AuditAction) -> String {
    let cap = |c: Capacity| capacity(locale, c);
    match action {
        AuditAction::LargeMeetingsPurchased {
            capacity,
            quantity,
            cycle: c,
            amount,
            added_to_line,
        } => {
            let (capacity, cycle, amount) =
                (cap(*capacity), cycle(locale, *c), money(locale, *amount));
            let quantity_text = number(locale, *quantity);
            match (*quantity == 1, *added_to_line) {
                (true, false) => fill(
                    td_string!(locale, messages.audit.one_large_meetings_purchased),
                    &[
                        ("quantity", &quantity_text),
                        ("capacity", &capacity),
                        ("cycle", &cycle),
                        ("amount", &amount),
                    ],
                ),
                (false, false) => fill(
                    td_string!(locale, messages.audit.large_meetings_purchased),
                    &[
                        ("quantity", &quantity_text),
                        ("capacity", &capacity),
                        ("cycle", &cycle),
                        ("amount", &amount),
                    ],
                ),
                (true, true) => fill(
                    td_string!(locale, messages.audit.one_large_meetings_added_to_line),
                    &[
                        ("quantity", &quantity_text),
                        ("capacity", &capacity),
                        ("cycle", &cycle),
                        ("amount", &amount),
                    ],
                ),
                (false, true) => fill(
                    td_string!(locale, messages.audit.large_meetings_added_to_line),
                    &[
                        ("quantity", &quantity_text),
                        ("capacity", &capacity),
                        ("cycle", &cycle),
                        ("amount", &amount),
                    ],
                ),
            }
        }
        AuditAction::BaseSeatsPurchased { quantity, amount } => {
            let amount = money(locale, *amount);
            if *quantity == 1 {
                fill(
                    td_string!(locale, messages.audit.one_base_seat_purchased),
                    &[("quantity", &number(locale, 1)), ("amount", &amount)],
                )
            } else {
                fill(
                    td_string!(locale, messages.audit.base_seats_purchased),
                    &[
                        ("quantity", &number(locale, *quantity)),
                        ("amount", &amount),
                    ],
                )
            }
        }
        AuditAction::LargeMeetingsAssigned {
            capacity,
            previous: None,
        } => fill(
            td_string!(locale, messages.audit.large_meetings_assigned),
            &[("capacity", &cap(*capacity))],
        ),
        AuditAction::LargeMeetingsAssigned {
            capacity,
            previous: Some(old),
        } => fill(
            td_string!(locale, messages.audit.large_meetings_changed),
            &[("from", &cap(*old)), ("to", &cap(*capacity))],
        ),
        AuditAction::LargeMeetingsRemoved {
            capacity,
            reason: RemovalReason::Requested,
        } => fill(
            td_string!(locale, messages.audit.large_meetings_removed),
            &[("capacity", &cap(*capacity))],
        ),
        AuditAction::LargeMeetingsRemoved {
            capacity,
            reason: RemovalReason::BecameBasic,
        } => fill(
            td_string!(locale, messages.audit.large_meetings_removed_became_basic),
            &[("capacity", &cap(*capacity))],
        ),
        AuditAction::LargeMeetingsRemoved {
            capacity,
            reason: RemovalReason::Expired,
        } => fill(
            td_string!(locale, messages.audit.large_meetings_expired),
            &[("capacity", &cap(*capacity))],
        ),
        AuditAction::LargeMeetingsAssignedUntil {
            capacity, until, ..
        } => fill(
            td_string!(locale, messages.audit.large_meetings_assigned_until),
            &[
                ("capacity", &cap(*capacity)),
                ("until", &format::date_time_in(locale, *until)),
            ],
        ),
        AuditAction::BaseLicenseChanged { from, to } => fill(
            td_string!(locale, messages.audit.base_license_changed),
            &[
                ("from", &labels::license(locale, *from)),
                ("to", &labels::license(locale, *to)),
            ],
        ),
        AuditAction::ReductionScheduled {
            capacity,
            from,
            to: 1,
            on,
        } => fill(
            td_string!(locale, messages.audit.one_reduction_scheduled),
            &[
                ("capacity", &cap(*capacity)),
                ("from", &number(locale, *from)),
                ("to", &number(locale, 1)),
                ("on", &day(locale, *on)),
            ],
        ),
        AuditAction::ReductionScheduled {
            capacity,
            from,
            to,
            on,
        } => fill(
            td_string!(locale, messages.audit.reduction_scheduled),
            &[
                ("capacity", &cap(*capacity)),
                ("from", &number(locale, *from)),
                ("to", &number(locale, *to)),
                ("on", &day(locale, *on)),
            ],
        ),
        AuditAction::CancellationScheduled { capacity, on } => fill(
            td_string!(locale, messages.audit.cancellation_scheduled),
            &[("capacity", &cap(*capacity)), ("on", &day(locale, *on))],
        ),
        AuditAction::PendingChangeUndone { capacity } => fill(
            td_string!(locale, messages.audit.pending_change_undone),
            &[("capacity", &cap(*capacity))],
        ),
        AuditAction::LineRenewed {
            capacity,
            quantity,
            amount,
        } => {
            let (capacity, amount) = (cap(*capacity), money(locale, *amount));
            if *quantity == 1 {
                fill(
                    td_string!(locale, messages.audit.one_license_renewed),
                    &[
                        ("capacity", &capacity),
                        ("quantity", &number(locale, 1)),
                        ("amount", &amount),
                    ],
                )
            } else {
                fill(
                    td_string!(locale, messages.audit.line_renewed),
                    &[
                        ("capacity", &capacity),
                        ("quantity", &number(locale, *quantity)),
                        ("amount", &amount),
                    ],
                )
            }
        }
        AuditAction::LineEnded { capacity } => fill(
            td_string!(locale, messages.audit.line_ended),
            &[("capacity", &cap(*capacity))],
        ),
        AuditAction::UserAdded {
            license: l,
            role: r,
        } => fill(
            td_string!(locale, messages.audit.user_added),
            &[
                ("license", &labels::license(locale, *l)),
                ("role", &labels::role(locale, *r)),
            ],
        ),
        AuditAction::RoleChanged { from, to } => fill(
            td_string!(locale, messages.audit.role_changed),
            &[
                ("from", &labels::role(locale, *from)),
                ("to", &labels::role(locale, *to)),
            ],
        ),
        AuditAction::UserRemoved {
            license: l,
            large_meetings,
            meetings,
        } => {
            let removed = match large_meetings {
                None => fill(
                    td_string!(locale, messages.audit.user_removed),
                    &[("license", &labels::license(locale, *l))],
                ),
                Some(capacity) => fill(
                    td_string!(locale, messages.audit.user_removed_large_meetings_returned),
                    &[
                        ("license", &labels::license(locale, *l)),
                        ("capacity", &cap(*capacity)),
                    ],
                ),
            };
            match meetings {
                MeetingsAfterRemoval::None => removed,
                MeetingsAfterRemoval::Transferred { count: 1, to } => fill(
                    td_string!(locale, messages.audit.one_meeting_moved),
                    &[
                        ("removed", &removed),
                        ("meetings", &size(locale, 1)),
                        ("email", &to.to_string()),
                    ],
                ),
                MeetingsAfterRemoval::Transferred { count, to } => fill(
                    td_string!(locale, messages.audit.meetings_moved),
                    &[
                        ("removed", &removed),
                        ("meetings", &size(locale, *count)),
                        ("email", &to.to_string()),
                    ],
                ),
                MeetingsAfterRemoval::Cancelled { count: 1 } => fill(
                    td_string!(locale, messages.audit.one_meeting_cancelled),
                    &[("removed", &removed), ("meetings", &size(locale, 1))],
                ),
                MeetingsAfterRemoval::Cancelled { count } => fill(
                    td_string!(locale, messages.audit.meetings_cancelled),
                    &[("removed", &removed), ("meetings", &size(locale, *count))],
                ),
            }
        }
        AuditAction::PasswordChanged => {
            td_string!(locale, messages.audit.password_changed).to_string()
        }
        AuditAction::MeetingScheduled { topic } => fill(
            td_string!(locale, messages.audit.meeting_scheduled),
            &[("topic", &topic.clone())],
        ),
        AuditAction::UsersImported { count: 1 } => fill(
            td_string!(locale, messages.audit.users_imported_one),
            &[("count", &number(locale, 1))],
        ),
        AuditAction::UsersImported { count } => fill(
            td_string!(locale, messages.audit.users_imported_many),
            &[("count", &number(locale, *count))],
        ),
        AuditAction::UsersUpdated { count: 1 } => fill(
            td_string!(locale, messages.audit.users_updated_one),
            &[("count", &number(locale, 1))],
        ),
        AuditAction::UsersUpdated { count } => fill(
            td_string!(locale, messages.audit.users_updated_many),
            &[("count", &number(locale, *count))],
        ),
        AuditAction::GroupCreated => td_string!(locale, messages.audit.group_created).to_string(),
        AuditAction::GroupRenamed { from } => fill(
            td_string!(locale, messages.audit.group_renamed),
            &[("from", &from.clone())],
        ),
        AuditAction::GroupDeleted { members: 1 } => fill(
            td_string!(locale, messages.audit.group_deleted_one),
            &[("members", &number(locale, 1))],
        ),
        AuditAction::GroupDeleted { members } => fill(
            td_string!(locale, messages.audit.group_deleted_many),
            &[("members", &number(locale, *members))],
        ),
        AuditAction::MembersAdded { count: 1 } => fill(
            td_string!(locale, messages.audit.members_added_one),
            &[("count", &number(locale, 1))],
        ),
        AuditAction::MembersAdded { count } => fill(
            td_string!(locale, messages.audit.members_added_many),
            &[("count", &number(locale, *count))],
        ),
        AuditAction::MembersRemoved { count: 1 } => fill(
            td_string!(locale, messages.audit.members_removed_one),
            &[("count", &number(locale, 1))],
        ),
        AuditAction::MembersRemoved { count } => fill(
            td_string!(locale, messages.audit.members_removed_many),
            &[("count", &number(locale, *count))],
        ),
        AuditAction::GroupRuleSet { rule: None } => {
            td_string!(locale, messages.audit.group_rule_removed).to_string()
        }
        AuditAction::GroupRuleSet { rule: Some(rule) } if rule.workplace => fill(
            td_string!(locale, messages.audit.group_rule_set_workplace),
            &[("capacity", &cap(rule.capacity))],
        ),
        AuditAction::GroupRuleSet { rule: Some(rule) } => fill(
            td_string!(locale, messages.audit.group_rule_set),
            &[("capacity", &cap(rule.capacity))],
        ),
        AuditAction::WorkplaceByGroup { group, license } => fill(
            td_string!(locale, messages.audit.workplace_by_group),
            &[
                ("license", &labels::license(locale, *license)),
                ("group", &group.clone()),
            ],
        ),
        AuditAction::LargeMeetingsByGroup {
            group,
            capacity: Some(to),
            previous: None,
        } => fill(
            td_string!(locale, messages.audit.large_meetings_by_group),
            &[("capacity", &cap(*to)), ("group", &group.clone())],
        ),
        AuditAction::LargeMeetingsByGroup {
            group,
            capacity: Some(to),
            previous: Some(from),
        } => fill(
            td_string!(locale, messages.audit.large_meetings_changed_by_group),
            &[
                ("from", &cap(*from)),
                ("to", &cap(*to)),
                ("group", &group.clone()),
            ],
        ),
        AuditAction::LargeMeetingsByGroup {
            group,
            capacity: None,
            previous,
        } => fill(
            td_string!(locale, messages.audit.large_meetings_removed_by_group),
            &[
                ("capacity", &previous.map(cap).unwrap_or_default()),
                ("group", &group.clone()),
            ],
        ),
        // The target column names what it was done to.
        AuditAction::Undone { .. } => td_string!(locale, messages.audit.undone).to_string(),
    }
}

/// A category of the Admin Activity Logs.
pub fn audit_category(locale: Locale, category: AuditCategory) -> String {
    match category {
        AuditCategory::Billing => td_string!(locale, messages.category.billing),
        AuditCategory::License => td_string!(locale, messages.category.license),
        AuditCategory::User => td_string!(locale, messages.category.user),
        AuditCategory::Meeting => td_string!(locale, messages.category.meeting),
    }
    .to_string()
}

/// The target column of the Admin Activity Logs: a user's email, a Large
/// Meetings line ("Large Meetings 3,000") or the users of an import
/// ("1 user", "50,000 users") in the chosen language, or a name as it is.
pub fn audit_target(locale: Locale, target: &AuditTarget) -> String {
    match target {
        AuditTarget::Line(capacity) => fill(
            td_string!(locale, messages.audit_target_line),
            &[(
                "capacity",
                &format::count_in(locale, capacity.participants()),
            )],
        ),
        AuditTarget::Imported { count: 1 } => fill(
            td_string!(locale, messages.audit_target_users_one),
            &[("count", &format::count_in(locale, 1))],
        ),
        AuditTarget::Imported { count } => fill(
            td_string!(locale, messages.audit_target_users_many),
            &[("count", &format::count_in(locale, *count))],
        ),
        AuditTarget::User(email) => email.to_string(),
        AuditTarget::Named(name) => name.clone(),
    }
}

/// The Admin Activity Logs as CSV, worded in the chosen language as the
/// page shows them: Time (UTC, ISO 8601, so a spreadsheet sorts it), who,
/// category, target and details.
pub fn audit_csv<'a>(locale: Locale, entries: impl IntoIterator<Item = &'a AuditEntry>) -> String {
    let portal = td_string!(locale, pages.activity_logs.portal);
    portal_domain::audit::csv_table(
        [
            td_string!(locale, messages.audit_csv.time),
            td_string!(locale, messages.audit_csv.actor),
            td_string!(locale, messages.audit_csv.category),
            td_string!(locale, messages.audit_csv.target),
            td_string!(locale, messages.audit_csv.details),
        ],
        entries.into_iter().map(|entry| {
            [
                entry.at.to_iso(),
                entry
                    .actor_email
                    .as_ref()
                    .map_or_else(|| portal.to_string(), |e| e.to_string()),
                audit_category(locale, entry.category()),
                audit_target(locale, &entry.target),
                audit_details(locale, &entry.action),
            ]
        }),
    )
}

// ---- Import Users ------------------------------------------------------------

/// One problem of an import file, with its row and column.
pub fn import_problem(locale: Locale, problem: &RowProblem) -> String {
    let reason = match &problem.error {
        RowError::FieldCount { expected, found } => fill(
            td_string!(locale, messages.import.field_count),
            &[
                ("found", &size(locale, *found)),
                ("expected", &size(locale, *expected)),
            ],
        ),
        RowError::NotText => td_string!(locale, messages.import.not_text).to_string(),
        RowError::Email(error) => email_error(locale, error),
        RowError::DuplicateInFile { first_row } => fill(
            td_string!(locale, messages.import.duplicate),
            &[("row", &first_row.to_string())],
        ),
        RowError::AlreadyUser => td_string!(locale, messages.import.already_user).to_string(),
        RowError::Empty => td_string!(locale, messages.import.empty).to_string(),
        RowError::UnknownUserType(value) => fill(
            td_string!(locale, messages.import.unknown_type),
            &[("value", &value.clone())],
        ),
        RowError::UnknownCapacity(value) => fill(
            td_string!(locale, messages.import.unknown_capacity),
            &[("value", &value.clone())],
        ),
        RowError::UnknownRole(value) => fill(
            td_string!(locale, messages.import.unknown_role),
            &[("value", &value.clone())],
        ),
        RowError::SecondOwner => td_string!(locale, messages.import.second_owner).to_string(),
        RowError::LargeMeetingsNeedsLicensed => {
            td_string!(locale, messages.import.needs_licensed).to_string()
        }
        RowError::TooLong { max } => fill(
            td_string!(locale, messages.import.too_long),
            &[("max", max)],
        )
        .to_string(),
        RowError::HiddenCharacter => {
            td_string!(locale, messages.import.hidden_character).to_string()
        }
        RowError::NotAUser => td_string!(locale, messages.import.not_a_user).to_string(),
        RowError::Refused(error) => domain_error(locale, error),
    };
    match problem.column {
        Some(column) => fill(
            td_string!(locale, messages.import.cell),
            &[
                ("row", &problem.row.to_string()),
                ("column", &column.heading()),
                ("reason", &reason),
            ],
        ),
        None => fill(
            td_string!(locale, messages.import.row),
            &[("row", &problem.row.to_string()), ("reason", &reason)],
        ),
    }
}

/// A problem with an import file as a whole.
pub fn import_file_problem(locale: Locale, problem: &FileProblem) -> String {
    match problem {
        FileProblem::TooLarge { bytes } => fill(
            td_string!(locale, messages.import.too_large),
            &[("size", &{
                // One decimal, without pulling float formatting into the wasm.
                let tenths = bytes * 10 / (1024 * 1024);
                match locale {
                    Locale::en => format!("{}.{}", tenths / 10, tenths % 10),
                    Locale::sv => format!("{},{}", tenths / 10, tenths % 10),
                }
            })],
        ),
        FileProblem::Empty => td_string!(locale, messages.import.no_users).to_string(),
        FileProblem::HeadingNotText => {
            td_string!(locale, messages.import.heading_not_text).to_string()
        }
        FileProblem::MissingColumn(column) => fill(
            td_string!(locale, messages.import.missing_column),
            &[("column", &column.heading())],
        ),
        FileProblem::UnknownColumn(column) => fill(
            td_string!(locale, messages.import.unknown_column),
            &[("column", &column.clone())],
        ),
        FileProblem::RepeatedColumn(column) => fill(
            td_string!(locale, messages.import.repeated_column),
            &[("column", &column.heading())],
        ),
        FileProblem::TooManyRows { rows } => fill(
            td_string!(locale, messages.import.too_many_rows),
            &[("rows", &size(locale, *rows))],
        ),
        FileProblem::Refused(error) => domain_error(locale, error),
    }
}

// ---- Undo ----------------------------------------------------------------------

/// An Undo that took a change back: how many log entries it undid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Undone {
    pub entries: usize,
}

impl Wording for Undone {
    fn words(&self, locale: Locale) -> String {
        let key = if self.entries == 1 {
            td_string!(locale, messages.undo.done_one)
        } else {
            td_string!(locale, messages.undo.done_many)
        };
        fill(key, &[("count", &number(locale, self.entries as u32))])
    }
}

impl Wording for UndoError {
    fn words(&self, locale: Locale) -> String {
        match self {
            UndoError::Refused { refusal, entry } => {
                undo_refusal(locale, refusal, entry.as_deref())
            }
            UndoError::SignedOut => td_string!(locale, messages.signed_out).to_string(),
        }
    }
}

/// Why an undo was refused; `entry` is the log entry the refusal names,
/// when it is known.
pub fn undo_refusal(locale: Locale, refusal: &UndoRefusal, entry: Option<&AuditEntry>) -> String {
    let when = |e: &AuditEntry| format::date_time_in(locale, e.at);
    match (refusal, entry) {
        (UndoRefusal::NotAllowed(error), _) => domain_error(locale, error),
        (UndoRefusal::NotUndoable, _) => td_string!(locale, messages.undo.not_undoable).to_string(),
        (UndoRefusal::AlreadyUndone { .. }, e) => fill(
            td_string!(locale, messages.undo.already_undone),
            &[("when", &e.map(when).unwrap_or_default())],
        ),
        (UndoRefusal::ChangedSince { target, .. }, Some(e)) => fill(
            td_string!(locale, messages.undo.changed_since),
            &[
                ("target", &audit_target(locale, target)),
                ("when", &when(e)),
                ("details", &audit_details(locale, &e.action)),
            ],
        ),
        (UndoRefusal::ChangedSince { target, .. }, None) => fill(
            td_string!(locale, messages.undo.changed_since_unnamed),
            &[("target", &audit_target(locale, target))],
        ),
        (UndoRefusal::UserRemoved { email, .. }, Some(e)) => fill(
            td_string!(locale, messages.undo.user_removed),
            &[("email", email), ("when", &when(e))],
        ),
        (UndoRefusal::UserRemoved { email, .. }, None) => fill(
            td_string!(locale, messages.undo.user_removed_unnamed),
            &[("email", email)],
        ),
        (UndoRefusal::EmailTaken { email }, _) => fill(
            td_string!(locale, messages.undo.email_taken),
            &[("email", email)],
        ),
        (UndoRefusal::GroupNameTaken { name }, _) => fill(
            td_string!(locale, messages.undo.group_name_taken),
            &[("name", name)],
        ),
        (UndoRefusal::HostsMeetings { email }, _) => fill(
            td_string!(locale, messages.undo.hosts_meetings),
            &[("email", email)],
        ),
        (UndoRefusal::LicenseTaken { capacity: c }, _) => fill(
            td_string!(locale, messages.undo.license_taken),
            &[("capacity", &capacity(locale, *c))],
        ),
        (UndoRefusal::LineReduced { capacity: c }, _) => fill(
            td_string!(locale, messages.undo.line_reduced),
            &[("capacity", &capacity(locale, *c))],
        ),
        (UndoRefusal::SeatTaken, _) => td_string!(locale, messages.undo.seat_taken).to_string(),
        (UndoRefusal::Rule(rule), _) => fill(
            td_string!(locale, messages.undo.rule),
            &[("rule", &rule_break(locale, rule))],
        ),
    }
}

/// A rule of the portal an account would break (an undo, a backup). One arm
/// per rule, so the compiler names a rule that has no words yet.
pub fn rule_break(locale: Locale, rule: &RuleBreak) -> String {
    // Most rules name one thing.
    let one = |key: &str, name: &str, value: &dyn std::fmt::Display| fill(key, &[(name, value)]);
    match rule {
        RuleBreak::UserIdsOutOfOrder { id } => {
            one(td_string!(locale, messages.rule.user_ids), "id", id)
        }
        RuleBreak::EmailTwice { email } => one(
            td_string!(locale, messages.rule.email_twice),
            "email",
            email,
        ),
        RuleBreak::OwnerCount { owners } => one(
            td_string!(locale, messages.rule.owner_count),
            "owners",
            owners,
        ),
        RuleBreak::OwnerNotLicensed { email } => one(
            td_string!(locale, messages.rule.owner_not_licensed),
            "email",
            email,
        ),
        RuleBreak::MemberWithBilling { email } => one(
            td_string!(locale, messages.rule.member_with_billing),
            "email",
            email,
        ),
        RuleBreak::BasicWithLargeMeetings { email } => one(
            td_string!(locale, messages.rule.basic_with_large_meetings),
            "email",
            email,
        ),
        RuleBreak::UntilWithoutLargeMeetings { email } => one(
            td_string!(locale, messages.rule.until_without_large_meetings),
            "email",
            email,
        ),
        RuleBreak::PaidSeatsOverUsed { used, seats } => fill(
            td_string!(locale, messages.rule.paid_seats),
            &[("used", used), ("seats", seats)],
        ),
        RuleBreak::LargeMeetingsOverOwned {
            capacity: c,
            assigned,
            owned,
        } => fill(
            td_string!(locale, messages.rule.large_meetings_over_owned),
            &[
                ("capacity", &capacity(locale, *c)),
                ("assigned", assigned),
                ("owned", owned),
            ],
        ),
        RuleBreak::LinesBroken { capacity: c } => one(
            td_string!(locale, messages.rule.lines_broken),
            "capacity",
            &capacity(locale, *c),
        ),
        RuleBreak::MeetingWithoutHost { topic } => one(
            td_string!(locale, messages.rule.meeting_without_host),
            "topic",
            topic,
        ),
        RuleBreak::GroupIdsOutOfOrder { id } => {
            one(td_string!(locale, messages.rule.group_ids), "id", id)
        }
        RuleBreak::GroupNameTwice { name } => one(
            td_string!(locale, messages.rule.group_name_twice),
            "name",
            name,
        ),
        RuleBreak::UnknownGroup { email } => one(
            td_string!(locale, messages.rule.unknown_group),
            "email",
            email,
        ),
        RuleBreak::GroupsNotSettled { email } => one(
            td_string!(locale, messages.rule.groups_not_settled),
            "email",
            email,
        ),
    }
}
