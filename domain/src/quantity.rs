//! How many licenses one order buys: a whole number from 1 to 9,999.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Quantity(u16);

/// Why a typed number of licenses is not accepted; each says what is allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum QuantityError {
    #[error("Enter the number of licenses, a whole number from 1 to 9,999.")]
    Empty,
    #[error("Enter the number of licenses in digits, a whole number from 1 to 9,999.")]
    NotANumber,
    #[error("Licenses come whole: enter a whole number from 1 to 9,999.")]
    Fractional,
    #[error("The number of licenses cannot be negative: enter a whole number from 1 to 9,999.")]
    Negative,
    #[error("Order at least 1 license: enter a whole number from 1 to 9,999.")]
    Zero,
    #[error("At most 9,999 licenses per order.")]
    TooLarge,
}

impl Quantity {
    pub const MAX: u32 = 9_999;

    pub fn new(n: u32) -> Result<Self, QuantityError> {
        match n {
            0 => Err(QuantityError::Zero),
            n if n > Self::MAX => Err(QuantityError::TooLarge),
            n => Ok(Self(n as u16)),
        }
    }

    /// Parses what a person typed into a number field.
    pub fn parse(input: &str) -> Result<Self, QuantityError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(QuantityError::Empty);
        }
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let is_number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let fraction = digits
            .split_once(['.', ','])
            .filter(|(whole, part)| (whole.is_empty() || is_number(whole)) && is_number(part));
        if let Some((_, part)) = fraction {
            // "5.0" is still five; "5.5" is not a whole number.
            if !part.bytes().all(|b| b == b'0') {
                return Err(if negative {
                    QuantityError::Negative
                } else {
                    QuantityError::Fractional
                });
            }
        }
        let whole = fraction.map_or(digits, |(whole, _)| whole);
        if !is_number(whole) {
            return Err(QuantityError::NotANumber);
        }
        let value = whole.trim_start_matches('0');
        if negative && !value.is_empty() {
            return Err(QuantityError::Negative);
        }
        if value.len() > 4 {
            return Err(QuantityError::TooLarge);
        }
        Self::new(value.parse().unwrap_or(0))
    }

    pub const fn get(self) -> u32 {
        self.0 as u32
    }
}

impl TryFrom<u32> for Quantity {
    type Error = QuantityError;
    fn try_from(value: u32) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Quantity> for u32 {
    fn from(value: Quantity) -> u32 {
        value.get()
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_whole_numbers_from_1_to_9999() {
        assert_eq!(Quantity::parse("1").unwrap().get(), 1);
        assert_eq!(Quantity::parse(" 25 ").unwrap().get(), 25);
        assert_eq!(Quantity::parse("9999").unwrap().get(), 9999);
        assert_eq!(Quantity::parse("007").unwrap().get(), 7);
        assert_eq!(Quantity::parse("+3").unwrap().get(), 3);
        assert_eq!(Quantity::parse("5.0").unwrap().get(), 5);
    }

    #[test]
    fn each_bad_input_gets_its_own_reason() {
        assert_eq!(Quantity::parse(""), Err(QuantityError::Empty));
        assert_eq!(Quantity::parse("   "), Err(QuantityError::Empty));
        assert_eq!(Quantity::parse("0"), Err(QuantityError::Zero));
        assert_eq!(Quantity::parse("000"), Err(QuantityError::Zero));
        assert_eq!(Quantity::parse("-0"), Err(QuantityError::Zero));
        assert_eq!(Quantity::parse("-3"), Err(QuantityError::Negative));
        assert_eq!(Quantity::parse("-2.5"), Err(QuantityError::Negative));
        assert_eq!(Quantity::parse("2.5"), Err(QuantityError::Fractional));
        assert_eq!(Quantity::parse("2,5"), Err(QuantityError::Fractional));
        assert_eq!(Quantity::parse(".5"), Err(QuantityError::Fractional));
        assert_eq!(Quantity::parse("10000"), Err(QuantityError::TooLarge));
        assert_eq!(
            Quantity::parse("99999999999999999999999"),
            Err(QuantityError::TooLarge)
        );
        assert_eq!(Quantity::parse("ten"), Err(QuantityError::NotANumber));
        assert_eq!(Quantity::parse("1e3"), Err(QuantityError::NotANumber));
        assert_eq!(
            Quantity::parse("5 licenses"),
            Err(QuantityError::NotANumber)
        );
        assert_eq!(Quantity::parse("--5"), Err(QuantityError::NotANumber));
        assert_eq!(Quantity::parse("٣"), Err(QuantityError::NotANumber));
    }

    #[test]
    fn stored_quantities_outside_the_range_are_refused() {
        assert!(serde_json::from_str::<Quantity>("0").is_err());
        assert!(serde_json::from_str::<Quantity>("10000").is_err());
        assert_eq!(serde_json::from_str::<Quantity>("12").unwrap().get(), 12);
    }

    proptest! {
        #[test]
        fn every_number_in_range_round_trips_through_text(n in 1u32..=9999) {
            prop_assert_eq!(Quantity::parse(&n.to_string()).unwrap().get(), n);
        }

        #[test]
        fn parsing_any_text_never_panics_and_stays_in_range(text in "\\PC{0,12}") {
            if let Ok(q) = Quantity::parse(&text) {
                prop_assert!((1..=9999).contains(&q.get()));
            }
        }
    }
}
