//! Amounts of money in integer minor units (cents). Never floats.

use serde::Serialize;
use std::fmt;

/// An amount in US cents. Arithmetic is checked and returns an error
/// instead of overflowing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Money(i64);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MoneyOverflow;

/// For developers (logs, test failures); people read it worded in their
/// language by the UI (`src/ui/messages.rs`).
impl std::fmt::Display for MoneyOverflow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for MoneyOverflow {}

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_cents(cents: i64) -> Self {
        Self(cents)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    pub fn checked_add(self, other: Money) -> Result<Money, MoneyOverflow> {
        self.0.checked_add(other.0).map(Money).ok_or(MoneyOverflow)
    }

    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyOverflow> {
        self.0.checked_sub(other.0).map(Money).ok_or(MoneyOverflow)
    }

    pub fn checked_mul(self, factor: u32) -> Result<Money, MoneyOverflow> {
        self.0
            .checked_mul(factor as i64)
            .map(Money)
            .ok_or(MoneyOverflow)
    }

    /// The share `part / whole` of this amount, rounded half up to the cent.
    /// `whole` must be positive; `part` is clamped to `0..=whole`.
    pub fn prorate(self, part: i64, whole: i64) -> Money {
        if whole <= 0 {
            return self;
        }
        let part = part.clamp(0, whole) as i128;
        let whole = whole as i128;
        let scaled = self.0 as i128 * part;
        let rounded = (2 * scaled + whole).div_euclid(2 * whole);
        Money(rounded as i64)
    }
}

/// A whole number with commas between thousands: `1,234,567`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// English form for logs and CSV: `$1,234.50`.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}${}.{:02}", group_thousands(abs / 100), abs % 100)
    }
}

crate::json_transparent!(Money);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn shows_dollars_and_cents_with_grouping() {
        assert_eq!(Money::from_cents(0).to_string(), "$0.00");
        assert_eq!(Money::from_cents(5).to_string(), "$0.05");
        assert_eq!(Money::from_cents(123_456_789).to_string(), "$1,234,567.89");
        assert_eq!(Money::from_cents(-1050).to_string(), "-$10.50");
    }

    #[test]
    fn overflow_is_an_error_not_a_wrap() {
        assert_eq!(
            Money::from_cents(i64::MAX).checked_add(Money::from_cents(1)),
            Err(MoneyOverflow)
        );
        assert_eq!(
            Money::from_cents(i64::MAX).checked_mul(2),
            Err(MoneyOverflow)
        );
        assert_eq!(
            Money::from_cents(i64::MIN).checked_sub(Money::from_cents(1)),
            Err(MoneyOverflow)
        );
    }

    #[test]
    fn proration_rounds_half_up_to_the_cent() {
        assert_eq!(
            Money::from_cents(10_000).prorate(15, 30),
            Money::from_cents(5_000)
        );
        assert_eq!(Money::from_cents(100).prorate(1, 3), Money::from_cents(33));
        assert_eq!(Money::from_cents(100).prorate(2, 3), Money::from_cents(67));
        assert_eq!(Money::from_cents(1).prorate(1, 2), Money::from_cents(1));
        assert_eq!(
            Money::from_cents(100).prorate(40, 30),
            Money::from_cents(100)
        );
        assert_eq!(Money::from_cents(100).prorate(-1, 30), Money::ZERO);
    }

    proptest! {
        #[test]
        fn addition_is_commutative_and_subtraction_undoes_it(a in -1_000_000_000i64..1_000_000_000, b in -1_000_000_000i64..1_000_000_000) {
            let (a, b) = (Money::from_cents(a), Money::from_cents(b));
            prop_assert_eq!(a.checked_add(b), b.checked_add(a));
            prop_assert_eq!(a.checked_add(b).unwrap().checked_sub(b).unwrap(), a);
        }

        #[test]
        fn a_prorated_share_never_exceeds_the_whole(cents in 0i64..10_000_000_000, part in 0i64..400, whole in 1i64..400) {
            let share = Money::from_cents(cents).prorate(part, whole);
            prop_assert!(share >= Money::ZERO);
            prop_assert!(share <= Money::from_cents(cents));
        }
    }
}
