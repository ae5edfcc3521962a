//! Email addresses: parsed once, compared case-insensitively.

use serde::Serialize;
use std::fmt;

/// A syntactically valid email address, stored in lower case so that
/// `Ann@Acme.example` and `ann@acme.example` are the same user.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Email(String);

/// Why a text is not an email address (each worded with what to fix).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailError {
    /// Nothing typed.
    Empty,
    /// More than 254 characters.
    TooLong,
    /// Not exactly one @.
    AtSign,
    /// Nothing before the @.
    MissingLocalPart,
    /// No domain such as example.com after the @.
    InvalidDomain,
    /// A space or one of `( ) , : ; < > [ ] \ "`.
    InvalidCharacter,
}

/// For developers (logs, test failures); people read it worded in their
/// language by the UI (`src/ui/messages.rs`).
impl std::fmt::Display for EmailError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for EmailError {}

impl Email {
    /// Parses an address typed by a person. Surrounding spaces are ignored.
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(EmailError::Empty);
        }
        if text.chars().count() > 254 {
            return Err(EmailError::TooLong);
        }
        if text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "(),:;<>[]\\\"".contains(c))
        {
            return Err(EmailError::InvalidCharacter);
        }
        let mut parts = text.split('@');
        let (local, domain) = match (parts.next(), parts.next(), parts.next()) {
            (Some(local), Some(domain), None) => (local, domain),
            _ => return Err(EmailError::AtSign),
        };
        if local.is_empty() || local.len() > 64 {
            return Err(EmailError::MissingLocalPart);
        }
        let labels_ok = domain.contains('.')
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if !labels_ok {
            return Err(EmailError::InvalidDomain);
        }
        Ok(Self(crate::text::lowercase(text)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl crate::json::Decode for Email {
    fn decode(r: &mut crate::json::Reader<'_>) -> crate::json::Result<Self> {
        match Email::parse(&r.str()?) {
            Ok(value) => Ok(value),
            Err(_) => r.error(crate::json::Problem::Invalid("email address")),
        }
    }
}

impl crate::json::Encode for Email {
    fn encode(&self, out: &mut String) {
        crate::json::write_str(out, &self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses_and_lowercases_them() {
        let email = Email::parse("  Owner@Acme.Example ").unwrap();
        assert_eq!(email.as_str(), "owner@acme.example");
        assert_eq!(email, Email::parse("owner@acme.example").unwrap());
        assert!(Email::parse("a.b+tag@sub.example.co").is_ok());
        assert!(Email::parse("åsa@exempel.se").is_ok());
    }

    #[test]
    fn rejects_each_kind_of_bad_address_with_its_own_reason() {
        assert_eq!(Email::parse("   "), Err(EmailError::Empty));
        assert_eq!(Email::parse("owner.acme.example"), Err(EmailError::AtSign));
        assert_eq!(Email::parse("a@b@acme.example"), Err(EmailError::AtSign));
        assert_eq!(
            Email::parse("@acme.example"),
            Err(EmailError::MissingLocalPart)
        );
        assert_eq!(Email::parse("owner@acme"), Err(EmailError::InvalidDomain));
        assert_eq!(
            Email::parse("owner@acme..example"),
            Err(EmailError::InvalidDomain)
        );
        assert_eq!(
            Email::parse("owner@-acme.example"),
            Err(EmailError::InvalidDomain)
        );
        assert_eq!(
            Email::parse("own er@acme.example"),
            Err(EmailError::InvalidCharacter)
        );
        assert_eq!(
            Email::parse("<owner@acme.example>"),
            Err(EmailError::InvalidCharacter)
        );
        let long = format!("{}@acme.example", "a".repeat(250));
        assert_eq!(Email::parse(&long), Err(EmailError::TooLong));
        let long_local = format!("{}@acme.example", "a".repeat(65));
        assert_eq!(Email::parse(&long_local), Err(EmailError::MissingLocalPart));
    }

    #[test]
    fn deserializing_rejects_invalid_stored_addresses() {
        assert!(crate::json::from_str::<Email>("\"owner@acme.example\"").is_ok());
        assert!(crate::json::from_str::<Email>("\"not an email\"").is_err());
    }
}
