//! Licenses: the Edit User dialog's Save (role, Zoom Workplace license and
//! Large Meetings together) and Change Licenses for many users at once.

use super::{Log, UserProblem};
use crate::audit::AuditEntry;
use crate::audit::{AuditAction, AuditTarget, RemovalReason};
use crate::billing::LineStatus;
use crate::{Account, BaseLicense, Capacity, DomainError, Email, Role, Timestamp, User, UserId};

/// Refuses an end that is not after `now`, or one without Large Meetings.
fn check_until(
    until: Option<Timestamp>,
    large_meetings: Option<Capacity>,
    now: Timestamp,
) -> Result<(), DomainError> {
    match until {
        Some(_) if large_meetings.is_none() => Err(DomainError::UntilWithoutLargeMeetings),
        Some(until) if until <= now => Err(DomainError::UntilNotAfterNow),
        _ => Ok(()),
    }
}

impl Account {
    /// Edit User's Save: checks everything first, so a refusal changes
    /// neither the role nor the licenses.
    pub(super) fn edit_user(
        &mut self,
        log: &mut Log,
        user: UserId,
        role: Role,
        license: BaseLicense,
        large_meetings: (Option<Capacity>, Option<Timestamp>),
    ) -> Result<(), DomainError> {
        let target = self.member(user)?;
        let from = target.role;
        if from != role {
            if from == Role::Owner || role == Role::Owner {
                return Err(DomainError::OwnerRoleFixed);
            }
            if user == log.actor.id {
                return Err(DomainError::CannotChangeOwnRole);
            }
        }
        let email = AuditTarget::User(target.email.clone());
        // Refuses before changing anything, so the role stays too.
        self.update_licenses(user, license, large_meetings, log)?;
        if from != role {
            let target = self.user_mut(user);
            target.role = role;
            if role == Role::Member {
                target.billing_privilege = false;
            }
            log.push(email, AuditAction::RoleChanged { from, to: role });
        }
        Ok(())
    }

    /// Gives every selected user Large Meetings of `capacity`: all or none.
    pub(super) fn bulk_assign_large_meetings(
        &mut self,
        log: &mut Log,
        users: Vec<UserId>,
        capacity: Capacity,
        until: Option<Timestamp>,
    ) -> Result<(), DomainError> {
        check_until(until, Some(capacity), log.at)?;
        let users = self.distinct_members(users)?;
        let paid_only: Vec<Email> = users
            .iter()
            .filter(|u| u.license == BaseLicense::Basic)
            .map(|u| u.email.clone())
            .collect();
        if !paid_only.is_empty() {
            return Err(DomainError::OnlyPaidUsers { users: paid_only });
        }
        // A direct assignment takes its own license, even while a group
        // gives the user a larger one: it stays when the group's does not.
        // Those who hold it already keep their license, for the new time.
        let needed = (users.iter())
            .filter(|u| u.direct_large_meetings() != Some(capacity))
            .count() as u32;
        let changing: Vec<UserId> = (users.iter())
            .filter(|u| u.direct_large_meetings() != Some(capacity) || u.membership.until != until)
            .map(|u| u.id)
            .collect();
        if needed > 0 {
            self.check_seats(capacity, needed)?;
        }
        for user in changing {
            self.assign(user, capacity, until, log);
        }
        Ok(())
    }

    /// Removes Large Meetings from every selected user: all or none.
    pub(super) fn bulk_remove_large_meetings(
        &mut self,
        log: &mut Log,
        users: Vec<UserId>,
    ) -> Result<(), DomainError> {
        let users = self.distinct_members(users)?;
        let problems: Vec<UserProblem> = users
            .iter()
            .filter(|u| u.direct_large_meetings().is_none())
            .map(|u| UserProblem {
                email: u.email.clone(),
                error: self.no_direct_large_meetings(u),
            })
            .collect();
        if !problems.is_empty() {
            return Err(DomainError::BulkRefused(problems));
        }
        let ids: Vec<UserId> = users.iter().map(|u| u.id).collect();
        for user in ids {
            self.unassign(user, RemovalReason::Requested, log);
        }
        Ok(())
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
        (large_meetings, until): (Option<Capacity>, Option<Timestamp>),
        log: &mut Log,
    ) -> Result<(), DomainError> {
        check_until(until, large_meetings, log.at)?;
        let target = self.member(user)?;
        if license == BaseLicense::Basic && large_meetings.is_some() {
            return Err(DomainError::OnlyPaidUsers {
                users: vec![target.email.clone()],
            });
        }
        if license == BaseLicense::Basic && target.role == Role::Owner {
            return Err(DomainError::OwnerMustBeLicensed);
        }
        // What was given directly (and until when); a group may give more
        // on top.
        let (from, current) = (target.direct_license(), target.direct_large_meetings());
        let until_now = target.membership.until;
        if target.license == BaseLicense::Basic
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
        let email = AuditTarget::User(target.email.clone());
        if current.is_some() && large_meetings.is_none() {
            let reason = if license == BaseLicense::Basic {
                RemovalReason::BecameBasic
            } else {
                RemovalReason::Requested
            };
            self.unassign(user, reason, log);
        }
        if from != license {
            self.user_mut(user).set_direct_license(license);
            log.push(email, AuditAction::BaseLicenseChanged { from, to: license });
        }
        if let Some(capacity) = large_meetings.filter(|c| current != Some(*c) || until_now != until)
        {
            self.assign(user, capacity, until, log);
        }
        Ok(())
    }

    /// Gives `user` `capacity` directly, for good or `until` a moment
    /// (given again with another end, the license stays the same).
    fn assign(
        &mut self,
        user: UserId,
        capacity: Capacity,
        until: Option<Timestamp>,
        log: &mut Log,
    ) {
        let target = self.user_mut(user);
        let previous = target.set_direct_large_meetings(Some(capacity));
        target.membership.until = until;
        let email = AuditTarget::User(target.email.clone());
        // Given again for another time: not a change of capacity.
        let previous = previous.filter(|p| *p != capacity);
        let action = match until {
            None => AuditAction::LargeMeetingsAssigned { capacity, previous },
            Some(until) => AuditAction::LargeMeetingsAssignedUntil {
                capacity,
                previous,
                until,
            },
        };
        log.push(email, action);
    }

    fn unassign(&mut self, user: UserId, reason: RemovalReason, log: &mut Log) {
        let target = self.user_mut(user);
        if let Some(capacity) = target.set_direct_large_meetings(None) {
            let email = AuditTarget::User(target.email.clone());
            log.push(
                email,
                AuditAction::LargeMeetingsRemoved { capacity, reason },
            );
        }
    }

    /// Why `user`, who holds no Large Meetings given directly, cannot lose
    /// one: a group gives it, or they have none.
    pub fn no_direct_large_meetings(&self, user: &User) -> DomainError {
        match user
            .membership
            .large_meetings_from
            .and_then(|g| self.group(g))
        {
            Some(group) => DomainError::InheritedLargeMeetings {
                user: user.email.clone(),
                group: group.name.clone(),
            },
            None => DomainError::NoLargeMeetings(user.email.clone()),
        }
    }

    /// Takes back every Large Meetings given directly until a moment that
    /// has come (the portal does it by itself: no actor), logged as
    /// expired; what the groups' rules give follows. Run when the portal
    /// starts and while it runs, like [`Account::renew_due`].
    pub fn expire_due(&mut self, now: Timestamp) -> Vec<AuditEntry> {
        let mut entries = Vec::new();
        let mut record =
            |target: AuditTarget, action| entries.push(AuditEntry::by_portal(now, target, action));
        let mut expired = false;
        for user in &mut self.users {
            if user.expires_by(now) {
                if let Some(capacity) = user.set_direct_large_meetings(None) {
                    let reason = RemovalReason::Expired;
                    let action = AuditAction::LargeMeetingsRemoved { capacity, reason };
                    record(AuditTarget::User(user.email.clone()), action);
                    expired = true;
                }
            }
        }
        if expired {
            // What the rules give follows (a group's license, or a waiting
            // member covered by the license given back).
            let settled = self.settle();
            for (target, action) in self.settled_entries(&settled) {
                record(target, action);
            }
        }
        self.audit.extend(entries.iter().cloned());
        entries
    }

    /// The selected users, each once, all of this account.
    pub(super) fn distinct_members(&self, ids: Vec<UserId>) -> Result<Vec<&User>, DomainError> {
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
}
