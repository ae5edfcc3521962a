//! Everything the portal stores: the accounts, and signing in to them.

use crate::{Account, Email, PasswordHash, Session, Timestamp, User};
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Portal {
    pub accounts: Vec<Account>,
}

/// Why a sign-in was refused. A wrong email and a wrong password give the
/// same error, so the message does not reveal which addresses exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum SignInError {
    #[error("Enter your email address.")]
    MissingEmail,
    #[error("Enter your password.")]
    MissingPassword,
    #[error("Incorrect email or password.")]
    InvalidCredentials,
}

impl Portal {
    /// Checks an email and password and starts a session at `now`.
    pub fn sign_in(
        &self,
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
        let found = Email::parse(email)
            .ok()
            .and_then(|email| self.find_by_email(&email));
        match found {
            Some((account, user)) => match &user.password {
                Some(hash) if hash.verify(password) => Ok(Session::start(account.id, user.id, now)),
                Some(_) => Err(SignInError::InvalidCredentials),
                None => {
                    PasswordHash::verify_decoy(password);
                    Err(SignInError::InvalidCredentials)
                }
            },
            None => {
                PasswordHash::verify_decoy(password);
                Err(SignInError::InvalidCredentials)
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
