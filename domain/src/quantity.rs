//! Whole numbers as people type them, and how many licenses one order
//! buys: a whole number from 1 to 9,999.
//!
//! One parser reads every number field of the portal. It accepts the digits
//! grouped the way the chosen language writes them ("1,000" in English,
//! "1 000" in Swedish) or not grouped at all, and refuses anything else with
//! a reason, so a number is never read as another than the one typed
//! ("1,000" is never 1, "1.000" is never 1 or 1,000).

use serde::Serialize;
use std::fmt;

/// How a language writes whole numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberStyle {
    /// "1,000": commas group thousands, a point starts decimals.
    English,
    /// "1 000": a space (or no-break space) groups thousands, a comma
    /// starts decimals.
    Swedish,
}

impl NumberStyle {
    fn is_group_separator(self, c: char) -> bool {
        match self {
            Self::English => c == ',',
            Self::Swedish => matches!(c, ' ' | '\u{a0}' | '\u{202f}'),
        }
    }

    fn is_decimal_separator(self, c: char) -> bool {
        match self {
            Self::English => c == '.',
            Self::Swedish => c == ',',
        }
    }
}

/// Why typed text is not a whole number of the chosen language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WholeNumberError {
    /// Nothing typed.
    Empty,
    /// Not digits.
    NotANumber,
    /// Digits, but grouped in another way than the language's (another
    /// language's separator, or groups not of three digits).
    Grouping,
    /// A decimal part.
    Fractional,
    /// A minus sign.
    Negative,
    /// More than a u32 holds.
    TooLarge,
}

/// For developers (logs, test failures); people read it worded in their
/// language by the UI (`src/ui/messages.rs`).
impl std::fmt::Display for WholeNumberError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for WholeNumberError {}

/// Reads a whole number typed in `style`: optional sign, then digits,
/// grouped by threes with the language's separator or not grouped at all.
/// Spaces around it are ignored; a decimal part is refused even when it is
/// zero ("5.0"), because in the other language the same text is a
/// thousands grouping.
pub fn parse_whole(input: &str, style: NumberStyle) -> Result<u32, WholeNumberError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(WholeNumberError::Empty);
    }
    let (negative, body) = match text.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    // Split off a decimal part at the language's decimal separator.
    let (whole, fraction) = match body.find(|c| style.is_decimal_separator(c)) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    if whole.is_empty() && fraction.is_none() {
        return Err(WholeNumberError::NotANumber);
    }
    let digits = if whole.is_empty() {
        String::new()
    } else {
        read_groups(whole, style)?
    };
    if let Some(fraction) = fraction {
        if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return Err(WholeNumberError::NotANumber);
        }
        // "1.000" in English, "1,000" in Swedish: the other language's
        // thousands, not a fraction.
        if fraction.len() == 3 && (1..=3).contains(&digits.len()) {
            return Err(WholeNumberError::Grouping);
        }
        return Err(if negative {
            WholeNumberError::Negative
        } else {
            WholeNumberError::Fractional
        });
    }
    let value = digits.trim_start_matches('0');
    if negative && !value.is_empty() {
        return Err(WholeNumberError::Negative);
    }
    if value.is_empty() {
        return Ok(0);
    }
    value.parse().map_err(|_| WholeNumberError::TooLarge)
}

/// The digits of `whole` without its group separators, if it is digits
/// grouped the language's way (or not grouped).
fn read_groups(whole: &str, style: NumberStyle) -> Result<String, WholeNumberError> {
    // Separators some language uses for thousands; only the chosen
    // language's own is accepted.
    let any_separator = |c: char| {
        matches!(
            c,
            ',' | '.' | ' ' | '\'' | '_' | '\u{a0}' | '\u{202f}' | '\u{2019}'
        )
    };
    let mut digits = String::new();
    let mut groups = vec![0usize];
    let mut foreign = false;
    for c in whole.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            *groups.last_mut().expect("one group at least") += 1;
        } else if any_separator(c) {
            foreign |= !style.is_group_separator(c);
            groups.push(0);
        } else {
            return Err(WholeNumberError::NotANumber);
        }
    }
    if digits.is_empty() {
        return Err(WholeNumberError::NotANumber);
    }
    let (first, rest) = groups.split_first().expect("one group at least");
    if foreign || (!rest.is_empty() && (!(1..=3).contains(first) || rest.iter().any(|n| *n != 3))) {
        return Err(WholeNumberError::Grouping);
    }
    Ok(digits)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Quantity(u16);

/// Why a typed number of licenses is not accepted (a whole number from 1 to
/// 9,999); each is worded with what is allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuantityError {
    /// Nothing typed.
    Empty,
    /// Not digits.
    NotANumber,
    /// Digits grouped in another way than the chosen language's.
    Grouping,
    /// A decimal part.
    Fractional,
    /// A minus sign.
    Negative,
    /// 0.
    Zero,
    /// More than 9,999.
    TooLarge,
}

/// For developers (logs, test failures); people read it worded in their
/// language by the UI (`src/ui/messages.rs`).
impl std::fmt::Display for QuantityError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for QuantityError {}

impl Quantity {
    pub const MAX: u32 = 9_999;

    pub fn new(n: u32) -> Result<Self, QuantityError> {
        match n {
            0 => Err(QuantityError::Zero),
            n if n > Self::MAX => Err(QuantityError::TooLarge),
            n => Ok(Self(n as u16)),
        }
    }

    /// Parses what a person typed into a number field, written in `style`.
    pub fn parse(input: &str, style: NumberStyle) -> Result<Self, QuantityError> {
        let n = parse_whole(input, style).map_err(|e| match e {
            WholeNumberError::Empty => QuantityError::Empty,
            WholeNumberError::NotANumber => QuantityError::NotANumber,
            WholeNumberError::Grouping => QuantityError::Grouping,
            WholeNumberError::Fractional => QuantityError::Fractional,
            WholeNumberError::Negative => QuantityError::Negative,
            WholeNumberError::TooLarge => QuantityError::TooLarge,
        })?;
        Self::new(n)
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

impl crate::json::Decode for Quantity {
    fn decode(r: &mut crate::json::Reader<'_>) -> crate::json::Result<Self> {
        match Quantity::try_from(u32::decode(r)?) {
            Ok(value) => Ok(value),
            Err(_) => r.error(crate::json::Problem::Invalid("quantity")),
        }
    }
}

impl crate::json::Encode for Quantity {
    fn encode(&self, out: &mut String) {
        u32::from(*self).encode(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use NumberStyle::{English, Swedish};

    fn en(text: &str) -> Result<u32, QuantityError> {
        Quantity::parse(text, English).map(Quantity::get)
    }

    fn sv(text: &str) -> Result<u32, QuantityError> {
        Quantity::parse(text, Swedish).map(Quantity::get)
    }

    #[test]
    fn accepts_whole_numbers_from_1_to_9999() {
        assert_eq!(en("1"), Ok(1));
        assert_eq!(en(" 25 "), Ok(25));
        assert_eq!(en("9999"), Ok(9999));
        assert_eq!(en("007"), Ok(7));
        assert_eq!(en("+3"), Ok(3));
    }

    #[test]
    fn digits_grouped_the_languages_way_are_read_as_typed() {
        assert_eq!(en("1,000"), Ok(1000));
        assert_eq!(en("9,999"), Ok(9999));
        assert_eq!(sv("1 000"), Ok(1000));
        assert_eq!(sv("1\u{a0}000"), Ok(1000));
        assert_eq!(sv("1\u{202f}000"), Ok(1000));
        assert_eq!(sv("1000"), Ok(1000));
        assert_eq!(parse_whole("1,234,567", English), Ok(1_234_567));
        assert_eq!(parse_whole("1 234 567", Swedish), Ok(1_234_567));
    }

    #[test]
    fn another_grouping_is_refused_never_read_as_another_number() {
        // The defect: "1,000" was read as 1 in English.
        for text in [
            "1 000", "1.000", "1,5", "10,00", "1,0000", ",000", "1,,000", "1_000",
        ] {
            assert_eq!(
                en(text),
                Err(QuantityError::Grouping),
                "{text:?} in English"
            );
        }
        for text in ["1,000", "1.000", "1.5", "10 00", "1 0000", "1'000"] {
            assert_eq!(
                sv(text),
                Err(QuantityError::Grouping),
                "{text:?} in Swedish"
            );
        }
    }

    #[test]
    fn each_bad_input_gets_its_own_reason() {
        assert_eq!(en(""), Err(QuantityError::Empty));
        assert_eq!(en("   "), Err(QuantityError::Empty));
        assert_eq!(en("0"), Err(QuantityError::Zero));
        assert_eq!(en("000"), Err(QuantityError::Zero));
        assert_eq!(en("-0"), Err(QuantityError::Zero));
        assert_eq!(en("-3"), Err(QuantityError::Negative));
        assert_eq!(sv("\u{2212}3"), Err(QuantityError::Negative));
        assert_eq!(en("-2.5"), Err(QuantityError::Negative));
        assert_eq!(en("2.5"), Err(QuantityError::Fractional));
        assert_eq!(en("5.0"), Err(QuantityError::Fractional));
        assert_eq!(sv("2,5"), Err(QuantityError::Fractional));
        assert_eq!(en(".5"), Err(QuantityError::Fractional));
        assert_eq!(en("10000"), Err(QuantityError::TooLarge));
        assert_eq!(en("10,000"), Err(QuantityError::TooLarge));
        assert_eq!(sv("10 000"), Err(QuantityError::TooLarge));
        assert_eq!(en("99999999999999999999999"), Err(QuantityError::TooLarge));
        for text in [
            "ten",
            "1e3",
            "5 licenses",
            "--5",
            "\u{663}",
            "-",
            ".",
            "5.",
            ",",
        ] {
            assert_eq!(en(text), Err(QuantityError::NotANumber), "{text:?}");
        }
    }

    #[test]
    fn stored_quantities_outside_the_range_are_refused() {
        assert!(crate::json::from_str::<Quantity>("0").is_err());
        assert!(crate::json::from_str::<Quantity>("10000").is_err());
        assert_eq!(crate::json::from_str::<Quantity>("12").unwrap().get(), 12);
    }

    /// `n` with its thousands grouped by `separator`.
    fn grouped(n: u32, separator: &str) -> String {
        crate::money::group_thousands(n.into()).replace(',', separator)
    }

    proptest! {
        #[test]
        fn every_number_round_trips_through_the_way_each_language_writes_it(n in 0u32..=u32::MAX) {
            prop_assert_eq!(parse_whole(&n.to_string(), English), Ok(n));
            prop_assert_eq!(parse_whole(&n.to_string(), Swedish), Ok(n));
            prop_assert_eq!(parse_whole(&grouped(n, ","), English), Ok(n));
            prop_assert_eq!(parse_whole(&grouped(n, "\u{a0}"), Swedish), Ok(n));
            prop_assert_eq!(parse_whole(&grouped(n, " "), Swedish), Ok(n));
        }

        #[test]
        fn a_number_is_never_read_as_another(text in "[0-9 ,.\u{a0}+-]{0,12}") {
            // Whatever is accepted has exactly the digits typed, in order.
            for style in [English, Swedish] {
                if let Ok(n) = parse_whole(&text, style) {
                    let typed: String = text.chars().filter(char::is_ascii_digit).collect();
                    let read = n.to_string();
                    prop_assert_eq!(typed.trim_start_matches('0'), read.trim_start_matches('0'));
                }
            }
        }

        #[test]
        fn parsing_any_text_never_panics_and_stays_in_range(text in "\\PC{0,12}") {
            for style in [English, Swedish] {
                if let Ok(q) = Quantity::parse(&text, style) {
                    prop_assert!((1..=9999).contains(&q.get()));
                }
            }
        }
    }
}
