//! Commands on an account: each takes the acting user and `now`, and either
//! changes the account (returning what it wrote to the activity log) or is
//! refused with a typed error and changes nothing.

use crate::audit::{AuditAction, AuditEntry, AuditTarget, MeetingsAfterRemoval, RemovalReason};
use crate::billing::{LargeMeetingsLine, LineStatus, Order, OrderId, OrderItem, Quote, Term};
use crate::catalog::{base_seat_monthly, large_meetings_monthly};
use crate::import::NewUser;
use crate::password::{Secret, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
use crate::text::{self, TextProblem, MAX_NAME_CHARS, MAX_TOPIC_CHARS};
use crate::words;
use crate::{
    Account, BaseLicense, BillingCycle, Capacity, Day, Email, Meeting, MeetingId, PasswordHash,
    Quantity, Role, Timestamp, User, UserId,
};
use thiserror::Error;

/// Everything an owner or admin can ask an account to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Buy Large Meetings licenses: a new line, or more on the existing line
    /// of that capacity (prorated to its renewal date).
    PurchaseLargeMeetings {
        capacity: Capacity,
        quantity: Quantity,
        cycle: BillingCycle,
    },
    /// Buy more Zoom Workplace seats for the base plan (prorated).
    AddBaseSeats { quantity: Quantity },
    /// Give every user Large Meetings of `capacity`: all or none.
    BulkAssignLargeMeetings {
        users: Vec<UserId>,
        capacity: Capacity,
    },
    /// Remove Large Meetings from every user: all or none.
    BulkRemoveLargeMeetings { users: Vec<UserId> },
    /// The Edit User dialog's Save with the role as well: role, base
    /// license and Large Meetings together, all or nothing.
    EditUser {
        user: UserId,
        role: Role,
        license: BaseLicense,
        large_meetings: Option<Capacity>,
    },
    /// Lower a line's quantity at its renewal date.
    ReduceLine { capacity: Capacity, to: u32 },
    /// End a line at its renewal date.
    CancelLine { capacity: Capacity },
    /// Undo a pending reduction or cancellation.
    UndoPendingChange { capacity: Capacity },
    AddUser {
        email: Email,
        first_name: String,
        last_name: String,
        license: BaseLicense,
        role: Role,
    },
    /// Add many users at once (Import Users): all or none.
    ImportUsers { users: Vec<NewUser> },
    /// Remove a user from the account: their Zoom Workplace seat and Large
    /// Meetings license return to the account. Their meetings must be
    /// handled first (`meetings`), or the command is refused.
    RemoveUser {
        user: UserId,
        meetings: Option<MeetingHandling>,
    },
    /// Schedule a meeting hosted by `host` (the actor, or anyone for admins).
    ScheduleMeeting {
        host: UserId,
        topic: String,
        start: Timestamp,
        duration_minutes: u32,
    },
    /// The actor changes their own password (Profile): the current one,
    /// the new one twice, and 16 random bytes of salt for the new hash.
    ChangePassword {
        current: Secret,
        new: Secret,
        repeat: Secret,
        salt: [u8; 16],
    },
}

/// What happens to the meetings of a user who is removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeetingHandling {
    /// Another user of the account hosts them from now on.
    TransferTo(UserId),
    /// They are cancelled (deleted).
    Cancel,
}

/// What a command did.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Outcome {
    /// The activity-log entries it wrote, in order.
    pub entries: Vec<AuditEntry>,
    /// The order it placed, if it was a purchase: the confirmation shows
    /// this order's own amount (order ids are numbered per account).
    pub order: Option<Order>,
}

/// Why one user in a bulk change cannot be changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserProblem {
    pub email: Email,
    pub error: DomainError,
}

/// Why a command was refused. Each message says what to do.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("Only the account owner or an admin can manage users and licenses.")]
    NeedsUserAdmin,
    #[error("Only the account owner or an admin with the billing privilege can buy or change subscriptions.")]
    NeedsBillingPrivilege,
    #[error("Members can only schedule meetings they host themselves.")]
    NotYourMeeting,
    #[error("This user is not in your account.")]
    UnknownUser(UserId),
    #[error("Only paid users can enable this feature.")]
    OnlyPaidUsers { users: Vec<Email> },
    #[error("Your account has no Large Meetings {} licenses. Buy them in your billing portal first.", words::number(.capacity.participants()))]
    CapacityNotOwned { capacity: Capacity },
    #[error("Not enough Large Meetings {} licenses: {} needed, {} available. Buy more, or remove the add-on from other users.", words::number(.capacity.participants()), words::number(*.needed), words::number(*.available))]
    NotEnoughSeats {
        capacity: Capacity,
        needed: u32,
        available: u32,
    },
    #[error("Large Meetings {} is being cancelled on {}. Undo the cancellation before assigning it.", words::number(.capacity.participants()), words::day(*.ends_on))]
    LineEnding { capacity: Capacity, ends_on: Day },
    #[error("Large Meetings {} is being reduced to {} on {}, and {} already assigned. Undo the reduction to assign more.", words::number(.capacity.participants()), words::count(*.to, "license", "licenses"), words::day(*.on), if *.to == 1 { "it is".to_string() } else { format!("all {} are", words::number(*.to)) })]
    SeatsReserved {
        capacity: Capacity,
        to: u32,
        on: Day,
    },
    #[error("{} in use. Buy more seats, or make another user Basic.", if *.seats == 1 { "The only Zoom Workplace seat is".to_string() } else { format!("All {} Zoom Workplace seats are", words::number(*.seats)) })]
    NoBaseSeatAvailable { seats: u32 },
    #[error("{} a Zoom Workplace license but {}. Buy more licenses or import some users as Basic.", if *.needed == 1 { "1 user needs".to_string() } else { format!("{} users need", words::number(*.needed)) }, match *.available { 0 => "none is free".to_string(), 1 => "only 1 is free".to_string(), n => format!("only {} are free", words::number(n)) })]
    NotEnoughBaseSeats { needed: u32, available: u32 },
    #[error("{} of the selected users cannot be changed, so nobody was changed.", words::number(.0.len() as u64))]
    BulkRefused(Vec<UserProblem>),
    #[error("Select at least one user.")]
    EmptySelection,
    #[error("Large Meetings {} is assigned to {}. Remove the add-on from {} first, or keep at least {}.", words::number(.capacity.participants()), words::count(*.assigned, "user", "users"), words::count(.assigned.saturating_sub(*.to), "user", "users"), words::count(*.assigned, "license", "licenses"))]
    ReduceBelowAssigned {
        capacity: Capacity,
        assigned: u32,
        to: u32,
    },
    #[error("Large Meetings {} has {}; to end the line, cancel it.", words::number(.capacity.participants()), if *.current == 1 { "only 1 license, which cannot be reduced".to_string() } else { format!("{} licenses. Choose a smaller number, at least 1", words::number(*.current)) })]
    NotAReduction { capacity: Capacity, current: u32 },
    #[error("Large Meetings {} is assigned to {}. Remove it from {} before cancelling.", words::number(.capacity.participants()), words::count(*.assigned, "user", "users"), if *.assigned == 1 { "that user" } else { "them" })]
    CancelWhileAssigned { capacity: Capacity, assigned: u32 },
    #[error("Large Meetings {} has no pending change to undo.", words::number(.capacity.participants()))]
    NothingToUndo { capacity: Capacity },
    #[error("Your Large Meetings {} line is billed {}. New licenses join it on the same cycle.", words::number(.capacity.participants()), .cycle.as_str().to_lowercase())]
    CycleMismatch {
        capacity: Capacity,
        cycle: BillingCycle,
    },
    #[error("That would make more licenses than the portal can count.")]
    TooMany,
    #[error("{0} does not have Large Meetings.")]
    NoLargeMeetings(Email),
    #[error("A user with the email {0} already exists.")]
    DuplicateEmail(Email),
    #[error("Enter a first name.")]
    FirstNameMissing,
    #[error("Enter a last name.")]
    LastNameMissing,
    #[error("An account has exactly one owner; add the user as Admin or Member.")]
    SecondOwner,
    #[error("The owner keeps a paid Zoom Workplace license.")]
    OwnerMustBeLicensed,
    #[error("An account has exactly one owner: the owner's role stays Owner, and nobody else can be made owner.")]
    OwnerRoleFixed,
    #[error("You cannot change your own role; ask another admin or the owner.")]
    CannotChangeOwnRole,
    #[error("The account owner cannot be removed.")]
    OwnerCannotBeRemoved,
    #[error("You cannot remove yourself; ask another admin or the owner.")]
    CannotRemoveYourself,
    #[error("{email} hosts {}. Move {} to another user or cancel {} first.", words::count(*.count as u64, "scheduled meeting", "scheduled meetings"), if *.count == 1 { "it" } else { "them" }, if *.count == 1 { "it" } else { "them" })]
    MeetingsNotHandled { email: Email, count: usize },
    #[error(
        "Choose another user to host the meetings; they cannot move to the user being removed."
    )]
    TransferToRemovedUser,
    #[error("Enter a topic for the meeting.")]
    TopicMissing,
    #[error("A name can have at most {max} characters.")]
    NameTooLong { max: usize },
    #[error("A topic can have at most {max} characters.")]
    TopicTooLong { max: usize },
    #[error("Names and topics cannot contain line breaks, control characters or hidden text-direction characters.")]
    HiddenCharacter,
    #[error("A meeting lasts from 1 minute to 24 hours.")]
    DurationOutOfRange,
    #[error("Choose a start time in the future.")]
    StartInPast,
    #[error("Enter your current password.")]
    CurrentPasswordMissing,
    #[error("The current password is not correct.")]
    WrongCurrentPassword,
    #[error("The new password needs at least {min} characters.")]
    PasswordTooShort { min: usize },
    #[error("The new password can have at most {max} characters.")]
    PasswordTooLong { max: usize },
    #[error("The two new passwords are not the same.")]
    PasswordsDiffer,
    #[error("The new password is the same as the current one. Choose another.")]
    PasswordUnchanged,
    #[error("The new password could not be hashed; it was not changed. Try again.")]
    PasswordNotHashed,
}

const MAX_LINE_QUANTITY: u32 = 1_000_000;

/// A first or last name without surrounding spaces, or why it is refused
/// (`missing` when it is empty).
fn check_name(name: &str, missing: DomainError) -> Result<&str, DomainError> {
    text::check(name, MAX_NAME_CHARS).map_err(|problem| match problem {
        TextProblem::Missing => missing,
        TextProblem::TooLong { max } => DomainError::NameTooLong { max },
        TextProblem::HiddenCharacter => DomainError::HiddenCharacter,
    })
}

impl Account {
    /// The user `id` of this account, or an error naming it.
    fn member(&self, id: UserId) -> Result<&User, DomainError> {
        self.user(id).ok_or(DomainError::UnknownUser(id))
    }

    /// Whether `actor` may remove `user` at all, before anything about the
    /// user's meetings is asked: only owners and admins remove users, the
    /// owner is never removed, and nobody removes themselves.
    /// [`Command::RemoveUser`] is refused with the same error.
    pub fn check_removable(&self, actor: UserId, user: UserId) -> Result<(), DomainError> {
        if !self.member(actor)?.can_manage_users() {
            return Err(DomainError::NeedsUserAdmin);
        }
        if self.member(user)?.role == Role::Owner {
            return Err(DomainError::OwnerCannotBeRemoved);
        }
        if user == actor {
            return Err(DomainError::CannotRemoveYourself);
        }
        Ok(())
    }

    fn user_mut(&mut self, id: UserId) -> &mut User {
        let at = self
            .users
            .binary_search_by_key(&id, |u| u.id)
            .expect("checked before the change");
        &mut self.users[at]
    }

    pub fn line(&self, capacity: Capacity) -> Option<&LargeMeetingsLine> {
        self.large_meetings.iter().find(|l| l.capacity == capacity)
    }

    fn line_mut(&mut self, capacity: Capacity) -> Option<&mut LargeMeetingsLine> {
        self.large_meetings
            .iter_mut()
            .find(|l| l.capacity == capacity)
    }

    /// Prices an order of Large Meetings licenses without placing it.
    pub fn quote_large_meetings(
        &self,
        capacity: Capacity,
        quantity: Quantity,
        cycle: BillingCycle,
        today: Day,
    ) -> Result<Quote, DomainError> {
        let per_license = cycle.price(large_meetings_monthly(capacity));
        let total = per_license
            .checked_mul(quantity.get())
            .map_err(|_| DomainError::TooMany)?;
        let item = |added_to_line| OrderItem::LargeMeetings {
            capacity,
            added_to_line,
        };
        match self.line(capacity) {
            None => Ok(Quote {
                item: item(false),
                quantity,
                cycle,
                per_license,
                total_per_cycle: total,
                due_today: total,
                prorated: false,
                next_renewal: Term::start(cycle, today).renews_on(),
                quantity_after: quantity.get(),
            }),
            Some(line) if line.term.cycle != cycle => Err(DomainError::CycleMismatch {
                capacity,
                cycle: line.term.cycle,
            }),
            Some(line) => {
                let after = line
                    .quantity
                    .checked_add(quantity.get())
                    .filter(|n| *n <= MAX_LINE_QUANTITY)
                    .ok_or(DomainError::TooMany)?;
                Ok(Quote {
                    item: item(true),
                    quantity,
                    cycle,
                    per_license,
                    total_per_cycle: total,
                    due_today: line.term.prorate(total, today),
                    prorated: true,
                    next_renewal: line.term.renews_on(),
                    quantity_after: after,
                })
            }
        }
    }

    /// Prices more Zoom Workplace seats, prorated to the base plan's renewal.
    pub fn quote_base_seats(&self, quantity: Quantity, today: Day) -> Result<Quote, DomainError> {
        let plan = &self.base_plan;
        let per_license = plan.term.cycle.price(base_seat_monthly(&plan.name));
        let total = per_license
            .checked_mul(quantity.get())
            .map_err(|_| DomainError::TooMany)?;
        let after = plan
            .seats
            .checked_add(quantity.get())
            .filter(|n| *n <= MAX_LINE_QUANTITY)
            .ok_or(DomainError::TooMany)?;
        Ok(Quote {
            item: OrderItem::BaseSeats {
                plan: plan.name.clone(),
            },
            quantity,
            cycle: plan.term.cycle,
            per_license,
            total_per_cycle: total,
            due_today: plan.term.prorate(total, today),
            prorated: true,
            next_renewal: plan.term.renews_on(),
            quantity_after: after,
        })
    }

    /// Runs `command` for `actor` at `now`. A refused command changes nothing.
    pub fn execute(
        &mut self,
        actor: UserId,
        now: Timestamp,
        command: Command,
    ) -> Result<Outcome, DomainError> {
        let actor_user = self.member(actor)?.clone();
        let needs_users = || {
            actor_user
                .can_manage_users()
                .then_some(())
                .ok_or(DomainError::NeedsUserAdmin)
        };
        let needs_billing = || {
            actor_user
                .can_manage_billing()
                .then_some(())
                .ok_or(DomainError::NeedsBillingPrivilege)
        };
        let today = Day::of(now);
        let mut log = Log {
            at: now,
            actor: &actor_user,
            entries: Vec::new(),
        };
        let mut order = None;
        match command {
            Command::PurchaseLargeMeetings {
                capacity,
                quantity,
                cycle,
            } => {
                needs_billing()?;
                let quote = self.quote_large_meetings(capacity, quantity, cycle, today)?;
                match self.line_mut(capacity) {
                    Some(line) => line.quantity = quote.quantity_after,
                    None => {
                        self.large_meetings.push(LargeMeetingsLine {
                            capacity,
                            quantity: quantity.get(),
                            term: Term::start(cycle, today),
                            status: LineStatus::Active,
                        });
                        self.large_meetings.sort_by_key(|l| l.capacity);
                    }
                }
                log.push(
                    AuditTarget::Line(capacity).stored(),
                    AuditAction::LargeMeetingsPurchased {
                        capacity,
                        quantity: quantity.get(),
                        cycle,
                        amount: quote.due_today,
                        added_to_line: quote.prorated,
                    },
                );
                order = Some(self.place_order(&actor_user, now, quote));
            }
            Command::AddBaseSeats { quantity } => {
                needs_billing()?;
                let quote = self.quote_base_seats(quantity, today)?;
                self.base_plan.seats = quote.quantity_after;
                log.push(
                    self.base_plan.name.clone(),
                    AuditAction::BaseSeatsPurchased {
                        quantity: quantity.get(),
                        amount: quote.due_today,
                    },
                );
                order = Some(self.place_order(&actor_user, now, quote));
            }
            Command::BulkAssignLargeMeetings { users, capacity } => {
                needs_users()?;
                let users = self.distinct_members(users)?;
                let paid_only: Vec<Email> = users
                    .iter()
                    .filter(|u| u.license == BaseLicense::Basic)
                    .map(|u| u.email.clone())
                    .collect();
                if !paid_only.is_empty() {
                    return Err(DomainError::OnlyPaidUsers { users: paid_only });
                }
                let changing: Vec<UserId> = users
                    .iter()
                    .filter(|u| u.large_meetings != Some(capacity))
                    .map(|u| u.id)
                    .collect();
                if !changing.is_empty() {
                    self.check_seats(capacity, changing.len() as u32)?;
                }
                for user in changing {
                    self.assign(user, capacity, &mut log);
                }
            }
            Command::BulkRemoveLargeMeetings { users } => {
                needs_users()?;
                let users = self.distinct_members(users)?;
                let problems: Vec<UserProblem> = users
                    .iter()
                    .filter(|u| u.large_meetings.is_none())
                    .map(|u| UserProblem {
                        email: u.email.clone(),
                        error: DomainError::NoLargeMeetings(u.email.clone()),
                    })
                    .collect();
                if !problems.is_empty() {
                    return Err(DomainError::BulkRefused(problems));
                }
                let ids: Vec<UserId> = users.iter().map(|u| u.id).collect();
                for user in ids {
                    self.unassign(user, RemovalReason::Requested, &mut log);
                }
            }
            Command::EditUser {
                user,
                role,
                license,
                large_meetings,
            } => {
                needs_users()?;
                let target = self.member(user)?;
                let from = target.role;
                if from != role {
                    if from == Role::Owner || role == Role::Owner {
                        return Err(DomainError::OwnerRoleFixed);
                    }
                    if user == actor {
                        return Err(DomainError::CannotChangeOwnRole);
                    }
                }
                let email = target.email.to_string();
                // Refuses before changing anything, so the role stays too.
                self.update_licenses(user, license, large_meetings, &mut log)?;
                if from != role {
                    let target = self.user_mut(user);
                    target.role = role;
                    if role == Role::Member {
                        target.billing_privilege = false;
                    }
                    log.push(email, AuditAction::RoleChanged { from, to: role });
                }
            }
            Command::ReduceLine { capacity, to } => {
                needs_billing()?;
                let line = self
                    .line(capacity)
                    .ok_or(DomainError::CapacityNotOwned { capacity })?;
                if to == 0 || to >= line.quantity {
                    return Err(DomainError::NotAReduction {
                        capacity,
                        current: line.quantity,
                    });
                }
                let assigned = self.seats(capacity).assigned;
                if to < assigned {
                    return Err(DomainError::ReduceBelowAssigned {
                        capacity,
                        assigned,
                        to,
                    });
                }
                let (from, on) = (line.quantity, line.term.renews_on());
                if let Some(line) = self.line_mut(capacity) {
                    line.status = LineStatus::PendingDowngrade { to };
                }
                log.push(
                    AuditTarget::Line(capacity).stored(),
                    AuditAction::ReductionScheduled {
                        capacity,
                        from,
                        to,
                        on,
                    },
                );
            }
            Command::CancelLine { capacity } => {
                needs_billing()?;
                let line = self
                    .line(capacity)
                    .ok_or(DomainError::CapacityNotOwned { capacity })?;
                let on = line.term.renews_on();
                self.check_cancel_line(capacity)?;
                if let Some(line) = self.line_mut(capacity) {
                    line.status = LineStatus::PendingCancellation;
                }
                log.push(
                    AuditTarget::Line(capacity).stored(),
                    AuditAction::CancellationScheduled { capacity, on },
                );
            }
            Command::UndoPendingChange { capacity } => {
                needs_billing()?;
                let line = self
                    .line_mut(capacity)
                    .ok_or(DomainError::CapacityNotOwned { capacity })?;
                if line.status == LineStatus::Active {
                    return Err(DomainError::NothingToUndo { capacity });
                }
                line.status = LineStatus::Active;
                log.push(
                    AuditTarget::Line(capacity).stored(),
                    AuditAction::PendingChangeUndone { capacity },
                );
            }
            Command::AddUser {
                email,
                first_name,
                last_name,
                license,
                role,
            } => {
                needs_users()?;
                let first_name = check_name(&first_name, DomainError::FirstNameMissing)?;
                let last_name = check_name(&last_name, DomainError::LastNameMissing)?;
                if self.user_by_email(&email).is_some() {
                    return Err(DomainError::DuplicateEmail(email));
                }
                if role == Role::Owner {
                    return Err(DomainError::SecondOwner);
                }
                if license == BaseLicense::Licensed && self.seats_available() == 0 {
                    return Err(DomainError::NoBaseSeatAvailable {
                        seats: self.base_plan.seats,
                    });
                }
                let id = self.next_user_id();
                self.last_user_id = id.0;
                self.users.push(User {
                    id,
                    email: email.clone(),
                    first_name: first_name.to_string(),
                    last_name: last_name.to_string(),
                    role,
                    billing_privilege: false,
                    license,
                    large_meetings: None,
                    password: None,
                });
                log.push(email.to_string(), AuditAction::UserAdded { license, role });
            }
            Command::ImportUsers { users } => {
                needs_users()?;
                self.check_new_users(&users)?;
                self.check_room_for(&users)?;
                let count = users.len() as u32;
                let first = self.next_user_id().0;
                self.users.reserve(users.len());
                for (n, new) in (first..).zip(users) {
                    self.users.push(User {
                        id: UserId(n),
                        email: new.email,
                        first_name: new.first_name,
                        last_name: new.last_name,
                        role: new.role,
                        billing_privilege: false,
                        license: new.license,
                        large_meetings: new.large_meetings,
                        password: None,
                    });
                }
                self.last_user_id = first + count - 1;
                log.push(
                    AuditTarget::Imported { count }.stored(),
                    AuditAction::UsersImported { count },
                );
            }
            Command::RemoveUser { user, meetings } => {
                self.check_removable(actor, user)?;
                let target = self.member(user)?.clone();
                let hosted = self.meetings.iter().filter(|m| m.host == user).count();
                let handled = match meetings {
                    _ if hosted == 0 => MeetingsAfterRemoval::None,
                    None => {
                        return Err(DomainError::MeetingsNotHandled {
                            email: target.email,
                            count: hosted,
                        })
                    }
                    Some(MeetingHandling::TransferTo(to)) if to == user => {
                        return Err(DomainError::TransferToRemovedUser)
                    }
                    Some(MeetingHandling::TransferTo(to)) => {
                        let to = self.member(to)?.email.clone();
                        MeetingsAfterRemoval::Transferred { count: hosted, to }
                    }
                    Some(MeetingHandling::Cancel) => {
                        MeetingsAfterRemoval::Cancelled { count: hosted }
                    }
                };
                match meetings {
                    Some(MeetingHandling::TransferTo(to)) => self
                        .meetings
                        .iter_mut()
                        .filter(|m| m.host == user)
                        .for_each(|m| m.host = to),
                    _ => self.meetings.retain(|m| m.host != user),
                }
                self.last_user_id = self.last_user_id.max(user.0);
                self.users.retain(|u| u.id != user);
                log.push(
                    target.email.to_string(),
                    AuditAction::UserRemoved {
                        license: target.license,
                        large_meetings: target.large_meetings,
                        meetings: handled,
                    },
                );
            }
            Command::ChangePassword {
                current,
                new,
                repeat,
                salt,
            } => {
                // Anyone may change their own password; the cheap checks
                // come before the deliberately slow one.
                if current.expose().is_empty() {
                    return Err(DomainError::CurrentPasswordMissing);
                }
                let length = new.expose().chars().count();
                if length < MIN_PASSWORD_CHARS {
                    return Err(DomainError::PasswordTooShort {
                        min: MIN_PASSWORD_CHARS,
                    });
                }
                if length > MAX_PASSWORD_CHARS {
                    return Err(DomainError::PasswordTooLong {
                        max: MAX_PASSWORD_CHARS,
                    });
                }
                if new != repeat {
                    return Err(DomainError::PasswordsDiffer);
                }
                let verified = actor_user
                    .password
                    .as_ref()
                    .is_some_and(|hash| hash.verify(current.expose()));
                if !verified {
                    return Err(DomainError::WrongCurrentPassword);
                }
                if new == current {
                    return Err(DomainError::PasswordUnchanged);
                }
                let hash = PasswordHash::create(new.expose(), salt)
                    .map_err(|_| DomainError::PasswordNotHashed)?;
                self.user_mut(actor).password = Some(hash);
                log.push(actor_user.email.to_string(), AuditAction::PasswordChanged);
            }
            Command::ScheduleMeeting {
                host,
                topic,
                start,
                duration_minutes,
            } => {
                if host != actor {
                    needs_users().map_err(|_| DomainError::NotYourMeeting)?;
                }
                let host = self.member(host)?.id;
                let topic = match text::check(&topic, MAX_TOPIC_CHARS) {
                    Ok(topic) => topic,
                    Err(TextProblem::Missing) => return Err(DomainError::TopicMissing),
                    Err(TextProblem::TooLong { max }) => {
                        return Err(DomainError::TopicTooLong { max })
                    }
                    Err(TextProblem::HiddenCharacter) => return Err(DomainError::HiddenCharacter),
                };
                if !(1..=24 * 60).contains(&duration_minutes) {
                    return Err(DomainError::DurationOutOfRange);
                }
                if start <= now {
                    return Err(DomainError::StartInPast);
                }
                let id = MeetingId(self.meetings.iter().map(|m| m.id.0).max().unwrap_or(0) + 1);
                self.meetings.push(Meeting {
                    id,
                    host,
                    topic: topic.to_string(),
                    start,
                    duration_minutes,
                });
                log.push(
                    topic.to_string(),
                    AuditAction::MeetingScheduled {
                        topic: topic.to_string(),
                    },
                );
            }
        }
        self.audit.extend(log.entries.iter().cloned());
        Ok(Outcome {
            entries: log.entries,
            order,
        })
    }

    /// Applies what falls due on or before `now`: pending reductions and
    /// cancellations take effect and every term moves to its next period.
    pub fn renew_due(&mut self, now: Timestamp) -> Vec<AuditEntry> {
        let today = Day::of(now);
        let mut entries = Vec::new();
        let mut record = |target: String, action| {
            entries.push(AuditEntry {
                at: now,
                actor: None,
                actor_email: None,
                target,
                action,
            })
        };
        while self.base_plan.term.renews_on() <= today {
            self.base_plan.term.periods += 1;
        }
        let mut ended = Vec::new();
        for line in &mut self.large_meetings {
            while line.term.renews_on() <= today {
                let capacity = line.capacity;
                match line.status {
                    LineStatus::PendingCancellation => {
                        record(
                            AuditTarget::Line(capacity).stored(),
                            AuditAction::LineEnded { capacity },
                        );
                        ended.push(capacity);
                        break;
                    }
                    LineStatus::PendingDowngrade { to } => line.quantity = to,
                    LineStatus::Active => {}
                }
                line.status = LineStatus::Active;
                line.term.periods += 1;
                record(
                    AuditTarget::Line(capacity).stored(),
                    AuditAction::LineRenewed {
                        capacity,
                        quantity: line.quantity,
                        amount: line.renewal_amount(),
                    },
                );
            }
        }
        self.large_meetings.retain(|l| !ended.contains(&l.capacity));
        self.audit.extend(entries.iter().cloned());
        entries
    }

    /// Refuses cancelling the `capacity` line at renewal while users hold
    /// it. The line card asks this before it asks to confirm, so nobody
    /// confirms a cancellation that is then refused.
    pub fn check_cancel_line(&self, capacity: Capacity) -> Result<(), DomainError> {
        self.line(capacity)
            .ok_or(DomainError::CapacityNotOwned { capacity })?;
        match self.seats(capacity).assigned {
            0 => Ok(()),
            assigned => Err(DomainError::CancelWhileAssigned { capacity, assigned }),
        }
    }

    /// Refuses if `needed` more users cannot get `capacity`, saying why
    /// (not owned, being cancelled, reserved by a reduction, too few free).
    /// The dialogs ask this before offering a capacity, so what they offer
    /// is what Save accepts.
    pub fn check_seats(&self, capacity: Capacity, needed: u32) -> Result<(), DomainError> {
        let line = self
            .line(capacity)
            .ok_or(DomainError::CapacityNotOwned { capacity })?;
        let seats = self.seats(capacity);
        match line.status {
            LineStatus::PendingCancellation => Err(DomainError::LineEnding {
                capacity,
                ends_on: line.term.renews_on(),
            }),
            LineStatus::PendingDowngrade { to } if seats.assigned + needed > to => {
                Err(DomainError::SeatsReserved {
                    capacity,
                    to,
                    on: line.term.renews_on(),
                })
            }
            _ if needed > seats.available() => Err(DomainError::NotEnoughSeats {
                capacity,
                needed,
                available: seats.available(),
            }),
            _ => Ok(()),
        }
    }

    /// Sets a user's base license and Large Meetings together: checks
    /// everything first, so a refusal changes nothing.
    fn update_licenses(
        &mut self,
        user: UserId,
        license: BaseLicense,
        large_meetings: Option<Capacity>,
        log: &mut Log,
    ) -> Result<(), DomainError> {
        let target = self.member(user)?;
        if license == BaseLicense::Basic && large_meetings.is_some() {
            return Err(DomainError::OnlyPaidUsers {
                users: vec![target.email.clone()],
            });
        }
        if license == BaseLicense::Basic && target.role == Role::Owner {
            return Err(DomainError::OwnerMustBeLicensed);
        }
        let (from, current) = (target.license, target.large_meetings);
        if from == BaseLicense::Basic
            && license == BaseLicense::Licensed
            && self.seats_available() == 0
        {
            return Err(DomainError::NoBaseSeatAvailable {
                seats: self.base_plan.seats,
            });
        }
        if let Some(capacity) = large_meetings.filter(|c| current != Some(*c)) {
            self.check_seats(capacity, 1)?;
        }
        let email = target.email.to_string();
        if current.is_some() && large_meetings.is_none() {
            let reason = if license == BaseLicense::Basic {
                RemovalReason::BecameBasic
            } else {
                RemovalReason::Requested
            };
            self.unassign(user, reason, log);
        }
        if from != license {
            self.user_mut(user).license = license;
            log.push(email, AuditAction::BaseLicenseChanged { from, to: license });
        }
        if let Some(capacity) = large_meetings.filter(|c| current != Some(*c)) {
            self.assign(user, capacity, log);
        }
        Ok(())
    }

    fn assign(&mut self, user: UserId, capacity: Capacity, log: &mut Log) {
        let target = self.user_mut(user);
        let previous = target.large_meetings.replace(capacity);
        let email = target.email.to_string();
        log.push(
            email,
            AuditAction::LargeMeetingsAssigned { capacity, previous },
        );
    }

    fn unassign(&mut self, user: UserId, reason: RemovalReason, log: &mut Log) {
        let target = self.user_mut(user);
        if let Some(capacity) = target.large_meetings.take() {
            let email = target.email.to_string();
            log.push(
                email,
                AuditAction::LargeMeetingsRemoved { capacity, reason },
            );
        }
    }

    /// Refuses new users that could not be added one by one: a missing
    /// name, a second owner, an add-on for a Basic user, an email in use.
    fn check_new_users(&self, users: &[NewUser]) -> Result<(), DomainError> {
        if users.is_empty() {
            return Err(DomainError::EmptySelection);
        }
        let mut emails: std::collections::HashSet<&Email> =
            self.users.iter().map(|u| &u.email).collect();
        for new in users {
            check_name(&new.first_name, DomainError::FirstNameMissing)?;
            check_name(&new.last_name, DomainError::LastNameMissing)?;
            if new.role == Role::Owner {
                return Err(DomainError::SecondOwner);
            }
            if new.license == BaseLicense::Basic && new.large_meetings.is_some() {
                return Err(DomainError::OnlyPaidUsers {
                    users: vec![new.email.clone()],
                });
            }
            if !emails.insert(&new.email) {
                return Err(DomainError::DuplicateEmail(new.email.clone()));
            }
        }
        Ok(())
    }

    /// The selected users, each once, all of this account.
    fn distinct_members(&self, ids: Vec<UserId>) -> Result<Vec<&User>, DomainError> {
        if ids.is_empty() {
            return Err(DomainError::EmptySelection);
        }
        let mut seen = std::collections::HashSet::new();
        let mut users = Vec::new();
        for id in ids {
            if seen.insert(id) {
                users.push(self.member(id)?);
            }
        }
        Ok(users)
    }

    /// A new user's id: never one a removed user had, so old sessions and
    /// log entries cannot point at somebody else.
    fn next_user_id(&self) -> UserId {
        let highest = self.users.iter().map(|u| u.id.0).max().unwrap_or(0);
        UserId(highest.max(self.last_user_id) + 1)
    }

    fn place_order(&mut self, actor: &User, now: Timestamp, quote: Quote) -> Order {
        let id = OrderId(self.orders.iter().map(|o| o.id.0).max().unwrap_or(0) + 1);
        let order = Order {
            id,
            placed_at: now,
            placed_by: actor.id,
            placed_by_email: actor.email.clone(),
            portal: self.billing_portal,
            item: quote.item,
            quantity: quote.quantity,
            cycle: quote.cycle,
            per_license: quote.per_license,
            amount_due: quote.due_today,
            next_renewal: quote.next_renewal,
        };
        self.orders.push(order.clone());
        order
    }
}

/// Collects the activity-log entries of one command.
struct Log<'a> {
    at: Timestamp,
    actor: &'a User,
    entries: Vec<AuditEntry>,
}

impl Log<'_> {
    fn push(&mut self, target: String, action: AuditAction) {
        self.entries.push(AuditEntry {
            at: self.at,
            actor: Some(self.actor.id),
            actor_email: Some(self.actor.email.clone()),
            target,
            action,
        });
    }
}
