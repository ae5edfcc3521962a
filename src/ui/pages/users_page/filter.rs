//! The license filter above the Users table: All, Basic, Licensed, any
//! Large Meetings, or one capacity.

use crate::format;
use crate::i18n::*;
use crate::ui::labels;
use portal_domain::{BaseLicense, Capacity, User};

/// The license filter above the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LicenseFilter {
    All,
    Basic,
    Licensed,
    AnyLargeMeetings,
    LargeMeetings(Capacity),
}

impl LicenseFilter {
    /// Every choice of the filter, in the order shown.
    pub fn options() -> Vec<Self> {
        let mut options = vec![
            Self::All,
            Self::Basic,
            Self::Licensed,
            Self::AnyLargeMeetings,
        ];
        options.extend(Capacity::ALL.into_iter().map(Self::LargeMeetings));
        options
    }

    /// The `<option>` value that `parse` reads back.
    pub fn value(self) -> String {
        match self {
            Self::All => "all".to_string(),
            Self::Basic => "basic".to_string(),
            Self::Licensed => "licensed".to_string(),
            Self::AnyLargeMeetings => "lm".to_string(),
            Self::LargeMeetings(c) => format!("lm{}", c.participants()),
        }
    }

    /// What the option says in `locale`: "Large Meetings 1,000", "Stora möten 1 000".
    pub fn label(self, locale: Locale) -> String {
        match self {
            Self::All => td_string!(locale, users.filter.all).to_string(),
            Self::Basic => labels::license(locale, BaseLicense::Basic).to_string(),
            Self::Licensed => labels::license(locale, BaseLicense::Licensed).to_string(),
            Self::AnyLargeMeetings => {
                td_string!(locale, users.filter.any_large_meetings).to_string()
            }
            Self::LargeMeetings(c) => crate::ui::messages::fill(
                td_string!(locale, users.filter.large_meetings),
                &[("count", &format::count_in(locale, c.participants()))],
            ),
        }
    }

    pub fn parse(value: &str) -> Self {
        match value {
            "basic" => Self::Basic,
            "licensed" => Self::Licensed,
            "lm" => Self::AnyLargeMeetings,
            other => other
                .strip_prefix("lm")
                .and_then(|n| n.parse().ok())
                .and_then(|n| Capacity::from_participants(n).ok())
                .map_or(Self::All, Self::LargeMeetings),
        }
    }

    pub fn matches(self, user: &User) -> bool {
        match self {
            Self::All => true,
            Self::Basic => user.license == BaseLicense::Basic,
            Self::Licensed => user.license == BaseLicense::Licensed,
            Self::AnyLargeMeetings => user.large_meetings.is_some(),
            Self::LargeMeetings(c) => user.large_meetings == Some(c),
        }
    }
}
