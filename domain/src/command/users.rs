//! Users: adding one, importing many, removing one (and what becomes of
//! their meetings).

use super::{Log, Permission};
use crate::audit::{AuditAction, AuditTarget, MeetingsAfterRemoval};
use crate::import::NewUser;
use crate::text::{self, TextProblem, MAX_NAME_CHARS};
use crate::{Account, BaseLicense, DomainError, Email, Role, User, UserId};

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
fn check_name(name: &str, missing: DomainError) -> Result<&str, DomainError> {
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
                membership: Default::default(),
            });
        }
        self.last_user_id = first + count - 1;
        log.push(
            AuditTarget::Imported { count },
            AuditAction::UsersImported { count },
        );
        Ok(())
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
