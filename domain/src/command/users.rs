//! Users: adding one, importing many, removing one (and what becomes of
//! their meetings).

use super::{Log, Permission};
use crate::audit::{AuditAction, AuditTarget, MeetingsAfterRemoval, RemovalReason};
use crate::import::{NewUser, UserUpdate};
use crate::text::{self, TextProblem, MAX_NAME_CHARS};
use crate::{Account, BaseLicense, Capacity, DomainError, Email, Role, User, UserId};

/// What happens to the meetings of a user who is removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeetingHandling {
    /// Another user of the account hosts them from now on.
    TransferTo(UserId),
    /// They are cancelled (deleted).
    Cancel,
}

/// A first or last name without surrounding spaces, or why it is refused
/// (`missing` when it is empty).
pub(crate) fn check_name(name: &str, missing: DomainError) -> Result<&str, DomainError> {
    text::check(name, MAX_NAME_CHARS).map_err(|problem| match problem {
        TextProblem::Missing => missing,
        TextProblem::TooLong { max } => DomainError::NameTooLong { max },
        TextProblem::HiddenCharacter => DomainError::HiddenCharacter,
    })
}

impl Account {
    /// Whether `actor` may remove `user` at all, before anything about the
    /// user's meetings is asked: only owners and admins remove users, the
    /// owner is never removed, and nobody removes themselves.
    /// [`Command::RemoveUser`](super::Command::RemoveUser) is refused with
    /// the same error.
    pub fn check_removable(&self, actor: UserId, user: UserId) -> Result<(), DomainError> {
        Permission::ManageUsers.check(self.member(actor)?)?;
        if self.member(user)?.role == Role::Owner {
            return Err(DomainError::OwnerCannotBeRemoved);
        }
        if user == actor {
            return Err(DomainError::CannotRemoveYourself);
        }
        Ok(())
    }

    /// Adds one user (Add Users).
    pub(super) fn add_user(
        &mut self,
        log: &mut Log,
        email: Email,
        first_name: &str,
        last_name: &str,
        license: BaseLicense,
        role: Role,
    ) -> Result<(), DomainError> {
        let first_name = check_name(first_name, DomainError::FirstNameMissing)?;
        let last_name = check_name(last_name, DomainError::LastNameMissing)?;
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
            membership: Default::default(),
        });
        log.push(
            AuditTarget::User(email),
            AuditAction::UserAdded { license, role },
        );
        Ok(())
    }

    /// Adds many users at once (Import Users): all or none.
    pub(super) fn import_users(
        &mut self,
        log: &mut Log,
        users: Vec<NewUser>,
    ) -> Result<(), DomainError> {
        self.check_new_users(&users)?;
        self.check_room_for(&users)?;
        let count = users.len() as u32;
        let first = self.next_user_id().0;
        self.users.reserve(users.len());
        let mut joins = Vec::new();
        for (n, new) in (first..).zip(users) {
            if let Some(group) = new.group {
                joins.push((UserId(n), group));
            }
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
                membership: Default::default(),
            });
        }
        self.last_user_id = first + count - 1;
        log.push(
            AuditTarget::Imported { count },
            AuditAction::UsersImported { count },
        );
        self.join_named(log, joins);
        Ok(())
    }

    /// Changes many users at once (Import Users, Update existing users):
    /// every update is checked as Edit User would check it and the seats
    /// are counted for all of them together, so either all are made or
    /// none; refused when nothing would change.
    pub(super) fn update_users(
        &mut self,
        log: &mut Log,
        updates: Vec<UserUpdate>,
    ) -> Result<(), DomainError> {
        self.check_updates(log.actor.id, &updates)?;
        let mut joins = Vec::new();
        // Each user's role, license and add-on changes, logged as Edit User
        // logs them (or counted, for many: see `super::user_entries`).
        let mut changes: Vec<(Email, AuditAction)> = Vec::new();
        let mut count = 0;
        for mut update in updates {
            if let Some(group) = update.group.take() {
                joins.push((update.user, group));
            }
            count += u32::from(self.apply_update(update, &mut changes));
        }
        if count > 0 {
            log.push(
                AuditTarget::Imported { count },
                AuditAction::UsersUpdated { count },
            );
        }
        let each = changes.len() <= super::MAX_AUTOMATIC_ENTRIES;
        for (target, action) in super::user_entries(changes, each) {
            log.push(target, action);
        }
        self.join_named(log, joins);
        Ok(())
    }

    /// Refuses `updates` unless every one can be made by `actor`, each user
    /// once, something changes, and the seats and licenses they need
    /// (counted for all of them together) are free.
    fn check_updates(&self, actor: UserId, updates: &[UserUpdate]) -> Result<(), DomainError> {
        if updates.is_empty() {
            return Err(DomainError::EmptySelection);
        }
        let mut seen = std::collections::HashSet::new();
        // Seats: Zoom Workplace taken and freed; Large Meetings given and
        // taken back, per capacity.
        let (mut taken, mut freed) = (0u32, 0u32);
        let mut given = [0u32; 4];
        let mut returned = [0u32; 4];
        let mut changes = 0;
        for update in updates {
            let user = self.member(update.user)?;
            update.check(user, actor).map_err(|(_, e)| e)?;
            if !seen.insert(update.user) {
                return Err(DomainError::DuplicateEmail(user.email.clone()));
            }
            let (license, large_meetings) = update.licenses_of(user);
            taken +=
                u32::from(user.license == BaseLicense::Basic && license == BaseLicense::Licensed);
            freed += u32::from(
                user.direct_license() == BaseLicense::Licensed && license == BaseLicense::Basic,
            );
            let before = user.direct_large_meetings();
            if large_meetings != before {
                if let Some(c) = large_meetings {
                    given[c.index()] += 1;
                }
                // A grant hidden under a group's larger one holds no seat.
                if let Some(c) = before.filter(|_| user.membership.large_meetings_from.is_none()) {
                    returned[c.index()] += 1;
                }
            }
            let differs =
                |new: &Option<String>, old: &str| new.as_deref().is_some_and(|n| n.trim() != old);
            let changed = differs(&update.first_name, &user.first_name)
                || differs(&update.last_name, &user.last_name)
                || update.role.is_some_and(|r| r != user.role)
                || update.license.is_some_and(|l| l != user.direct_license())
                || large_meetings != before
                || update.group.as_ref().is_some_and(|g| {
                    !self
                        .group_by_name(g)
                        .is_some_and(|g| user.membership.contains(g.id))
                });
            changes += u32::from(changed);
        }
        if changes == 0 {
            return Err(DomainError::NothingToUpdate);
        }
        let available = self.seats_available() + freed;
        if taken > available {
            return Err(DomainError::NotEnoughBaseSeats {
                needed: taken,
                available,
            });
        }
        for (at, capacity) in Capacity::ALL.into_iter().enumerate() {
            if given[at] > 0 {
                self.check_seats(capacity, given[at].saturating_sub(returned[at]))?;
            }
        }
        Ok(())
    }

    /// License Usage's actions: each user ends up Licensed (a Basic user
    /// takes a paid seat) with the Large Meetings given directly, all or
    /// none, checked and logged as an update import's changes are (without
    /// its import entry). A license one user gives back can go to another
    /// in the same change.
    pub(super) fn set_large_meetings(
        &mut self,
        log: &mut Log,
        changes: Vec<(UserId, Option<Capacity>)>,
    ) -> Result<(), DomainError> {
        let updates: Vec<UserUpdate> = (changes.into_iter())
            .map(|(user, large_meetings)| UserUpdate {
                user,
                first_name: None,
                last_name: None,
                license: Some(BaseLicense::Licensed),
                large_meetings: Some(large_meetings),
                role: None,
                group: None,
            })
            .collect();
        self.check_updates(log.actor.id, &updates)?;
        let mut changes = Vec::new();
        for update in updates {
            self.apply_update(update, &mut changes);
        }
        let each = changes.len() <= super::MAX_AUTOMATIC_ENTRIES;
        for (target, action) in super::user_entries(changes, each) {
            log.push(target, action);
        }
        Ok(())
    }

    /// Makes one checked update (its group aside), adding its role,
    /// license and add-on changes to `changes`; whether anything changed.
    fn apply_update(
        &mut self,
        update: UserUpdate,
        changes: &mut Vec<(Email, AuditAction)>,
    ) -> bool {
        let user = self.user_mut(update.user);
        let (license, large_meetings) = update.licenses_of(user);
        let facts = |u: &User| {
            let names = (u.first_name.clone(), u.last_name.clone(), u.role);
            (names, u.direct_license(), u.direct_large_meetings())
        };
        let before = facts(user);
        if let Some(name) = update.first_name {
            user.first_name = name.trim().to_string();
        }
        if let Some(name) = update.last_name {
            user.last_name = name.trim().to_string();
        }
        let email = &user.email;
        if let Some(role) = update.role.filter(|r| *r != user.role) {
            let from = std::mem::replace(&mut user.role, role);
            changes.push((email.clone(), AuditAction::RoleChanged { from, to: role }));
            if role == Role::Member {
                user.billing_privilege = false;
            }
        }
        let from = user.direct_license();
        if update.license.is_some_and(|l| l != from) {
            changes.push((
                email.clone(),
                AuditAction::BaseLicenseChanged { from, to: license },
            ));
            user.set_direct_license(license);
        }
        let previous = user.set_direct_large_meetings(large_meetings);
        let action = match (previous, large_meetings) {
            (previous, Some(capacity)) if previous != Some(capacity) => {
                Some(AuditAction::LargeMeetingsAssigned { capacity, previous })
            }
            (Some(capacity), None) => Some(AuditAction::LargeMeetingsRemoved {
                capacity,
                reason: match license {
                    BaseLicense::Basic => RemovalReason::BecameBasic,
                    BaseLicense::Licensed => RemovalReason::Requested,
                },
            }),
            _ => None,
        };
        if let Some(action) = action {
            changes.push((user.email.clone(), action));
        }
        before != facts(user)
    }

    /// Removes a user; their seats return to the account and their
    /// meetings move to `meetings`' host or are cancelled.
    pub(super) fn remove_user(
        &mut self,
        log: &mut Log,
        user: UserId,
        meetings: Option<MeetingHandling>,
    ) -> Result<(), DomainError> {
        self.check_removable(log.actor.id, user)?;
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
            Some(MeetingHandling::Cancel) => MeetingsAfterRemoval::Cancelled { count: hosted },
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
            AuditTarget::User(target.email),
            AuditAction::UserRemoved {
                license: target.license,
                large_meetings: target.large_meetings,
                meetings: handled,
            },
        );
        Ok(())
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
            if let Some(group) = &new.group {
                super::check_group_text(group)?;
            }
        }
        Ok(())
    }

    /// A new user's id: never one a removed user had, so old sessions and
    /// log entries cannot point at somebody else.
    fn next_user_id(&self) -> UserId {
        let highest = self.users.iter().map(|u| u.id.0).max().unwrap_or(0);
        UserId(highest.max(self.last_user_id) + 1)
    }
}
