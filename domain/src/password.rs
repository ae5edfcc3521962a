//! Passwords are kept only as salted Argon2id hashes (PHC string format).
//!
//! The salt comes from the caller, so this module needs no random number
//! generator and stays pure.

use argon2::password_hash::{PasswordHash as Phc, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use serde::Serialize;
use std::fmt;
use thiserror::Error;

/// A salted Argon2id hash of a password. The password itself is never kept.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct PasswordHash(String);

#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("The password could not be hashed: {0}")]
pub struct PasswordError(String);

/// The fewest characters a new password may have.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The most characters a new password may have (hashing stays quick).
pub const MAX_PASSWORD_CHARS: usize = 128;

/// A password as typed. Its `Debug` shows nothing, so it cannot end up in a
/// log or an error message by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(..)")
    }
}

/// A hash of a password nobody knows, verified against when an email is
/// unknown so that a sign-in takes as long whether or not the email exists.
const DECOY: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$ZGVjb3lkZWNveWRlY295ZA$bx1hwD7Z0Q3sLtcCpaPcbYt1fo0fBvDp7J7o0rWgG4s";

impl PasswordHash {
    /// Hashes `password` with Argon2id (19 MiB, 2 passes, 1 lane: the OWASP
    /// recommendation) and a 16-byte random salt chosen by the caller.
    pub fn create(password: &str, salt: [u8; 16]) -> Result<Self, PasswordError> {
        let salt = SaltString::encode_b64(&salt).map_err(|e| PasswordError(e.to_string()))?;
        let phc = Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map_err(|e| PasswordError(e.to_string()))?;
        Ok(Self(phc.to_string()))
    }

    /// Wraps a stored PHC string after checking that it is one.
    pub fn from_phc(phc: &str) -> Result<Self, PasswordError> {
        Phc::new(phc).map_err(|e| PasswordError(e.to_string()))?;
        Ok(Self(phc.to_owned()))
    }

    /// Whether `password` is the one this hash was made from.
    pub fn verify(&self, password: &str) -> bool {
        match Phc::new(&self.0) {
            Ok(parsed) => Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok(),
            Err(_) => false,
        }
    }

    /// Spends the time of one verification and always fails.
    pub fn verify_decoy(password: &str) -> bool {
        let _ = Self(DECOY.to_owned()).verify(password);
        false
    }

    /// The PHC string (algorithm, parameters, salt and hash).
    pub fn as_phc(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHash(..)")
    }
}

impl crate::json::Decode for PasswordHash {
    fn decode(r: &mut crate::json::Reader<'_>) -> crate::json::Result<Self> {
        match PasswordHash::from_phc(&r.str()?) {
            Ok(value) => Ok(value),
            Err(_) => r.error(crate::json::Problem::Invalid("password hash")),
        }
    }
}

impl crate::json::Encode for PasswordHash {
    fn encode(&self, out: &mut String) {
        crate::json::write_str(out, &self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_own_password_and_no_other() {
        let hash = PasswordHash::create("Correct horse 9!", [7; 16]).unwrap();
        assert!(hash.verify("Correct horse 9!"));
        assert!(!hash.verify("correct horse 9!"));
        assert!(!hash.verify(""));
    }

    #[test]
    fn the_stored_form_is_a_salted_argon2id_string_without_the_password() {
        let hash = PasswordHash::create("Demo!2026", [1; 16]).unwrap();
        assert!(hash.as_phc().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(!hash.as_phc().contains("Demo!2026"));
        let other_salt = PasswordHash::create("Demo!2026", [2; 16]).unwrap();
        assert_ne!(hash, other_salt, "different salts give different hashes");
    }

    #[test]
    fn the_decoy_is_a_valid_hash_that_never_matches() {
        assert!(PasswordHash::from_phc(DECOY).is_ok());
        assert!(!PasswordHash::verify_decoy("Demo!2026"));
        assert!(!PasswordHash::verify_decoy(""));
    }

    #[test]
    fn stored_text_that_is_not_a_hash_is_refused() {
        assert!(PasswordHash::from_phc("Demo!2026").is_err());
        assert!(crate::json::from_str::<PasswordHash>("\"plain text\"").is_err());
    }

    #[test]
    fn debug_output_does_not_show_the_hash() {
        let hash = PasswordHash::create("x", [3; 16]).unwrap();
        assert_eq!(format!("{hash:?}"), "PasswordHash(..)");
    }
}
