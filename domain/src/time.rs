//! Points in time as milliseconds since the Unix epoch (UTC).
//!
//! The domain never reads a clock: callers pass `now`.

use serde::Serialize;
use std::ops::{Add, Sub};

/// A point in time, in milliseconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

/// A span of time in milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Duration(pub i64);

impl Duration {
    pub const fn seconds(n: i64) -> Self {
        Self(n * 1000)
    }
    pub const fn minutes(n: i64) -> Self {
        Self(n * 60_000)
    }
    pub const fn hours(n: i64) -> Self {
        Self(n * 3_600_000)
    }
    pub const fn days(n: i64) -> Self {
        Self(n * 86_400_000)
    }
    pub const fn millis(self) -> i64 {
        self.0
    }
}

impl Timestamp {
    /// Milliseconds since the epoch.
    pub const fn millis(self) -> i64 {
        self.0
    }

    /// `2026-11-27T14:05:09Z` (UTC, whole seconds).
    pub fn to_iso(self) -> String {
        let day = crate::Day::of(self);
        let ms = self.0 - day.start().0;
        let (h, m, s) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60);
        format!("{day}T{h:02}:{m:02}:{s:02}Z")
    }
}

impl Add<Duration> for Timestamp {
    type Output = Timestamp;
    fn add(self, rhs: Duration) -> Timestamp {
        Timestamp(self.0.saturating_add(rhs.0))
    }
}

impl Sub<Timestamp> for Timestamp {
    type Output = Duration;
    fn sub(self, rhs: Timestamp) -> Duration {
        Duration(self.0.saturating_sub(rhs.0))
    }
}

crate::json_transparent!(Timestamp);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_convert_to_milliseconds() {
        assert_eq!(Duration::minutes(1).0, 60_000);
        assert_eq!(Duration::hours(8).0, 28_800_000);
        assert_eq!(Duration::days(1), Duration::hours(24));
    }

    #[test]
    fn iso_form_is_utc_to_the_second() {
        assert_eq!(Timestamp(0).to_iso(), "1970-01-01T00:00:00Z");
        assert_eq!(
            Timestamp(1_795_787_109_999).to_iso(),
            "2026-11-27T13:45:09Z"
        );
    }

    #[test]
    fn arithmetic_saturates_instead_of_overflowing() {
        assert_eq!(Timestamp(i64::MAX) + Duration::days(1), Timestamp(i64::MAX));
        assert_eq!(Timestamp(10) - Timestamp(4), Duration(6));
    }
}
