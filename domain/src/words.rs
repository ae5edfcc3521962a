//! English words for numbers, counts and days, as the portal's pages show
//! them in English: "3,000", "1 user" / "2 users", "Jan 4, 2027".
//!
//! The domain's own English texts (refusals' `Display`, the activity log's
//! [`describe`](crate::AuditAction::describe) and its CSV export) use these,
//! so they read as the English page does; the UI words other languages from
//! its locale files.

use crate::Day;

/// A whole number with commas between thousands: `3,000`.
pub fn number(n: impl Into<u64>) -> String {
    crate::money::group_thousands(n.into())
}

/// A count and its noun, singular for exactly one: "1 license",
/// "3,000 licenses".
pub fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    let noun = if n == 1 { one } else { many };
    format!("{} {noun}", number(n))
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A day as the English pages show it (the browser's medium date in
/// en-US): "Jan 4, 2027".
pub fn day(day: Day) -> String {
    let (year, month, dom) = day.ymd();
    format!(
        "{} {dom}, {year}",
        MONTHS[usize::from(month.clamp(1, 12)) - 1]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_and_counts_take_their_plural() {
        assert_eq!(number(3000u32), "3,000");
        assert_eq!(number(999u32), "999");
        assert_eq!(count(1u32, "user", "users"), "1 user");
        assert_eq!(count(0u32, "user", "users"), "0 users");
        assert_eq!(count(2u32, "user", "users"), "2 users");
        assert_eq!(count(5000u32, "license", "licenses"), "5,000 licenses");
    }

    #[test]
    fn a_wait_of_one_second_says_second() {
        let wait = |seconds| crate::SignInError::TooManyAttempts { seconds }.to_string();
        assert!(wait(1).ends_with("Try again in 1 second."), "{}", wait(1));
        assert!(
            wait(30).ends_with("Try again in 30 seconds."),
            "{}",
            wait(30)
        );
    }

    #[test]
    fn days_read_as_the_english_page_shows_them() {
        assert_eq!(day(Day::from_ymd(2027, 1, 4).unwrap()), "Jan 4, 2027");
        assert_eq!(day(Day::from_ymd(2027, 12, 31).unwrap()), "Dec 31, 2027");
    }
}
