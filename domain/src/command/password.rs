//! The actor's own password (Profile).

use super::Log;
use crate::audit::{AuditAction, AuditTarget};
use crate::password::{Secret, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
use crate::{Account, DomainError, PasswordHash};

impl Account {
    /// Changes the actor's password: the current one, the new one twice,
    /// and the salt of the new hash.
    pub(super) fn change_password(
        &mut self,
        log: &mut Log,
        current: &Secret,
        new: &Secret,
        repeat: &Secret,
        salt: [u8; 16],
    ) -> Result<(), DomainError> {
        // The cheap checks come before the deliberately slow one.
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
        let verified = log
            .actor
            .password
            .as_ref()
            .is_some_and(|hash| hash.verify(current.expose()));
        if !verified {
            return Err(DomainError::WrongCurrentPassword);
        }
        if new == current {
            return Err(DomainError::PasswordUnchanged);
        }
        let hash =
            PasswordHash::create(new.expose(), salt).map_err(|_| DomainError::PasswordNotHashed)?;
        self.user_mut(log.actor.id).password = Some(hash);
        let target = AuditTarget::User(log.actor.email.clone());
        log.push(target, AuditAction::PasswordChanged);
        Ok(())
    }
}
