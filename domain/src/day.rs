//! Calendar days (UTC), for renewal dates and proration to the day.
//! Calendar arithmetic is done by the `time` crate.

use crate::Timestamp;
use serde::Serialize;
use std::fmt;
use time::{Date, Month};

/// A calendar day, stored as days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Day(i32);

const UNIX_EPOCH_JULIAN_DAY: i32 = 2_440_588;
const MILLIS_PER_DAY: i64 = 86_400_000;

impl Day {
    pub const fn from_days_since_epoch(days: i32) -> Self {
        Self(days)
    }

    /// The UTC day `at` falls on.
    pub fn of(at: Timestamp) -> Self {
        let days = at.millis().div_euclid(MILLIS_PER_DAY);
        Self(days.clamp(-1_000_000, 1_000_000) as i32)
    }

    /// A calendar date, if it exists.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        let month = Month::try_from(month).ok()?;
        let date = Date::from_calendar_date(year, month, day).ok()?;
        Some(Self(date.to_julian_day() - UNIX_EPOCH_JULIAN_DAY))
    }

    /// A day written `YYYY-MM-DD` (a date field's value, the build date),
    /// if it is one and exists: the inverse of `Display`.
    pub fn parse_iso(text: &str) -> Option<Self> {
        let mut parts = text.trim().split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        Self::from_ymd(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    fn date(self) -> Date {
        Date::from_julian_day(self.0 + UNIX_EPOCH_JULIAN_DAY).unwrap_or(Date::MIN)
    }

    /// (year, month 1-12, day of month)
    pub fn ymd(self) -> (i32, u8, u8) {
        let date = self.date();
        (date.year(), date.month() as u8, date.day())
    }

    /// The same day of the month `months` later, or the month's last day
    /// when it has no such day (31 January + 1 month = 28 or 29 February).
    pub fn add_months(self, months: u32) -> Self {
        let (year, month, day) = self.ymd();
        let index = year as i64 * 12 + (month as i64 - 1) + months as i64;
        let (year, month) = (
            index.div_euclid(12) as i32,
            (index.rem_euclid(12) + 1) as u8,
        );
        let month_enum = Month::try_from(month).unwrap_or(Month::January);
        let last = time::util::days_in_month(month_enum, year);
        Self::from_ymd(year, month, day.min(last)).unwrap_or(self)
    }

    pub const fn add_days(self, days: i32) -> Self {
        Self(self.0.saturating_add(days))
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub const fn days_until(self, later: Day) -> i32 {
        later.0 - self.0
    }

    /// The first moment of this day.
    pub const fn start(self) -> Timestamp {
        Timestamp(self.0 as i64 * MILLIS_PER_DAY)
    }
}

/// ISO 8601: `2026-12-27`.
impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

crate::json_transparent!(Day);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u8, d: u8) -> Day {
        Day::from_ymd(y, m, d).unwrap()
    }

    #[test]
    fn converts_between_timestamps_and_days() {
        assert_eq!(Day::of(Timestamp(0)), day(1970, 1, 1));
        assert_eq!(Day::of(Timestamp(-1)), day(1969, 12, 31));
        assert_eq!(
            Day::of(Timestamp(1_800_000_000_000)).to_string(),
            "2027-01-15"
        );
        assert_eq!(day(2026, 11, 27).start(), Timestamp(1_795_737_600_000));
    }

    #[test]
    fn months_are_added_on_the_calendar() {
        assert_eq!(day(2026, 1, 15).add_months(1), day(2026, 2, 15));
        assert_eq!(day(2026, 1, 31).add_months(1), day(2026, 2, 28));
        assert_eq!(day(2028, 1, 31).add_months(1), day(2028, 2, 29));
        assert_eq!(day(2026, 12, 5).add_months(1), day(2027, 1, 5));
        assert_eq!(day(2028, 2, 29).add_months(12), day(2029, 2, 28));
        assert_eq!(day(2026, 3, 31).add_months(0), day(2026, 3, 31));
    }

    #[test]
    fn counts_days_between() {
        assert_eq!(day(2026, 2, 1).days_until(day(2026, 3, 1)), 28);
        assert_eq!(day(2028, 2, 1).days_until(day(2028, 3, 1)), 29);
        assert_eq!(day(2026, 3, 1).days_until(day(2026, 2, 1)), -28);
        assert!(Day::from_ymd(2026, 2, 30).is_none());
        assert!(Day::from_ymd(2026, 13, 1).is_none());
    }

    #[test]
    fn parses_only_existing_iso_days() {
        assert_eq!(Day::parse_iso("2026-11-27"), Some(day(2026, 11, 27)));
        assert_eq!(Day::parse_iso(" 2026-04-01\n"), Some(day(2026, 4, 1)));
        for bad in [
            "",
            "2026",
            "2026-11",
            "2026-02-30",
            "2026-13-01",
            "2026-11-27-1",
            "27/11/2026",
            "yesterday",
        ] {
            assert_eq!(Day::parse_iso(bad), None, "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn a_written_day_reads_back(days in 0i32..2_000_000) {
            let written = Day::from_days_since_epoch(days - 700_000);
            if written.ymd().0 >= 0 {
                prop_assert_eq!(Day::parse_iso(&written.to_string()), Some(written));
            }
        }

        #[test]
        fn adding_months_moves_forward_by_28_to_31_days_each(start in 0i32..40_000, months in 1u32..36) {
            let from = Day::from_days_since_epoch(start);
            let to = from.add_months(months);
            let days = from.days_until(to);
            prop_assert!(days >= 28 * months as i32 && days <= 31 * months as i32);
        }
    }
}
