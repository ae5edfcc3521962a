//! The values forms carry for the domain's choices (a `<select>`'s
//! `value`): each choice is written with `Display` ("Licensed", "Annual")
//! and read back with `FromStr`, so a page never compares strings itself.

use std::fmt;

/// A form value that names none of the choices (e.g. a tampered form).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownChoice(pub String);

impl fmt::Display for UnknownChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown choice {:?}", self.0)
    }
}

impl std::error::Error for UnknownChoice {}

/// Reads `text` as the one of `all` whose value it is.
pub fn parse<T: Copy>(
    all: &[T],
    value: fn(T) -> &'static str,
    text: &str,
) -> Result<T, UnknownChoice> {
    all.iter()
        .copied()
        .find(|choice| value(*choice) == text)
        .ok_or_else(|| UnknownChoice(text.to_string()))
}

/// `Display` and `FromStr` for a choice with `ALL` and `as_str`.
macro_rules! form_value {
    ($choice:ty) => {
        impl std::fmt::Display for $choice {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $choice {
            type Err = $crate::choice::UnknownChoice;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                $crate::choice::parse(&<$choice>::ALL, <$choice>::as_str, text)
            }
        }
    };
}
pub(crate) use form_value;

#[cfg(test)]
mod tests {
    use crate::{BaseLicense, BillingCycle, Role};

    #[test]
    fn every_choice_reads_back_from_its_form_value() {
        for role in Role::ALL {
            assert_eq!(role.to_string().parse(), Ok(role));
        }
        for license in BaseLicense::ALL {
            assert_eq!(license.to_string().parse(), Ok(license));
        }
        for cycle in BillingCycle::ALL {
            assert_eq!(cycle.to_string().parse(), Ok(cycle));
        }
    }

    #[test]
    fn an_unknown_or_differently_written_value_is_refused() {
        assert!("admin".parse::<Role>().is_err());
        assert!("Licensed ".parse::<BaseLicense>().is_err());
        assert!("Yearly".parse::<BillingCycle>().is_err());
        assert!("".parse::<Role>().is_err());
    }
}
