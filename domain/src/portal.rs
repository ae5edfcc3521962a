//! Everything the portal stores: the accounts, and signing in to them.

use crate::{Account, Email, PasswordHash, Session, SignInThrottle, Timestamp, User};
use serde::Serialize;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Portal {
    pub accounts: Vec<Account>,
}

/// Why a sign-in was refused. A wrong email and a wrong password give the
/// same error, so the message does not reveal which addresses exist.
/// People read it worded by the UI (`messages::sign_in_error`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInError {
    MissingEmail,
    MissingPassword,
    InvalidCredentials,
    /// Five failed sign-ins in a row for this address: wait `seconds`.
    TooManyAttempts {
        seconds: u32,
    },
}

/// A developer's code, for logs and tests: the variant as `Debug` prints it.
impl fmt::Display for SignInError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for SignInError {}

impl Portal {
    /// Checks an email and password and starts a session at `now`. Failures
    /// are counted in `throttle`: the fifth in a row for one address, and
    /// every try during the wait that follows, give `TooManyAttempts`
    /// (a try during the wait checks no password).
    pub fn sign_in(
        &self,
        throttle: &mut SignInThrottle,
        email: &str,
        password: &str,
        now: Timestamp,
    ) -> Result<Session, SignInError> {
        if email.trim().is_empty() {
            return Err(SignInError::MissingEmail);
        }
        if password.is_empty() {
            return Err(SignInError::MissingPassword);
        }
        if let Err(locked) = throttle.check(email, now) {
            return Err(SignInError::TooManyAttempts {
                seconds: locked.seconds,
            });
        }
        match self.check_credentials(email, password) {
            Some((account, user)) => {
                throttle.record_success(email);
                Ok(Session::start(account.id, user.id, now))
            }
            None => match throttle.record_failure(email, now) {
                Some(locked) => Err(SignInError::TooManyAttempts {
                    seconds: locked.seconds,
                }),
                None => Err(SignInError::InvalidCredentials),
            },
        }
    }

    /// The account and user with this email and password. Takes as long for
    /// an unknown address as for a known one.
    fn check_credentials(&self, email: &str, password: &str) -> Option<(&Account, &User)> {
        let found = Email::parse(email)
            .ok()
            .and_then(|email| self.find_by_email(&email));
        match found {
            Some((account, user)) => match &user.password {
                Some(hash) => hash.verify(password).then_some((account, user)),
                None => {
                    PasswordHash::verify_decoy(password);
                    None
                }
            },
            None => {
                PasswordHash::verify_decoy(password);
                None
            }
        }
    }

    /// The account and user a session belongs to, if both still exist.
    pub fn resolve(&self, session: &Session) -> Option<(&Account, &User)> {
        let account = self.accounts.iter().find(|a| a.id == session.account)?;
        let user = account.user(session.user)?;
        Some((account, user))
    }

    pub fn account_mut(&mut self, id: crate::AccountId) -> Option<&mut Account> {
        self.accounts.iter_mut().find(|a| a.id == id)
    }

    pub fn find_by_email(&self, email: &Email) -> Option<(&Account, &User)> {
        self.accounts
            .iter()
            .find_map(|account| account.user_by_email(email).map(|user| (account, user)))
    }
}
