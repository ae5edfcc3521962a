//! Held meetings: the account's meeting history (who hosted what, when, for
//! how long, and how many took part at the peak), kept in full for the last
//! [`KEPT_MONTHS`] months and summarised per month before that.
//!
//! A past meeting is 24 bytes in memory: its topic is an index into the
//! history's topic list (hosts repeat their topics week after week), so
//! 200,000 meetings take under 5 MB. The stored form is in
//! [`crate::persist`] (about 9 UTF-16 code units per meeting).

use crate::{Day, Timestamp, UserId};
use serde::Serialize;

/// Months kept meeting by meeting; older months are kept as a
/// [`MonthSummary`] each.
pub const KEPT_MONTHS: i32 = 12;
/// The most participants a past meeting can record.
pub const MAX_PEAK: u32 = 100_000;
/// The longest meeting, in minutes (as scheduling allows).
pub const MAX_DURATION_MINUTES: u32 = 24 * 60;

/// A calendar month (UTC), counted from year 0: `year * 12 + month - 1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Month(pub i32);

impl Month {
    pub fn of(at: Timestamp) -> Self {
        let (year, month, _) = Day::of(at).ymd();
        Self(year * 12 + i32::from(month) - 1)
    }

    /// (year, month 1-12)
    pub const fn ym(self) -> (i32, u8) {
        (self.0.div_euclid(12), (self.0.rem_euclid(12) + 1) as u8)
    }

    /// Its first day, if the calendar has it.
    pub fn first_day(self) -> Option<Day> {
        let (year, month) = self.ym();
        Day::from_ymd(year, month, 1)
    }

    pub const fn add(self, months: i32) -> Self {
        Self(self.0.saturating_add(months))
    }
}

/// `2026-11`
impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (year, month) = self.ym();
        write!(f, "{year:04}-{month:02}")
    }
}

/// One held meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PastMeeting {
    /// When it started, to the minute.
    pub start: Timestamp,
    /// Who hosted it (possibly a user removed since).
    pub host: UserId,
    /// Its topic: an index into [`History::topics`].
    pub topic: u32,
    pub duration_minutes: u32,
    /// The most participants in the meeting at one time.
    pub peak: u32,
}

/// What is kept of a month older than [`KEPT_MONTHS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MonthSummary {
    pub month: Month,
    pub meetings: u32,
    pub minutes: u32,
    /// The highest peak of the month.
    pub peak: u32,
}

/// A past meeting that cannot be recorded, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryError {
    /// More participants than [`MAX_PEAK`].
    Peak,
    /// Not 1 to [`MAX_DURATION_MINUTES`] minutes.
    Duration,
    /// Its start is not a whole minute, or outside the calendar.
    Start,
    /// Its topic holds a line break.
    Topic,
}

/// The account's held meetings. Two histories are equal when they hold the
/// same meetings with the same topics, however the topics are numbered.
#[derive(Clone, Debug, Default)]
pub struct History {
    /// Every topic a kept meeting has had; never more than one copy each.
    pub topics: Vec<String>,
    /// Oldest first (by start).
    pub meetings: Vec<PastMeeting>,
    /// The months before the kept ones, oldest first.
    pub summaries: Vec<MonthSummary>,
}

impl PartialEq for History {
    fn eq(&self, other: &Self) -> bool {
        self.summaries == other.summaries
            && self.meetings.len() == other.meetings.len()
            && (self.meetings.iter().zip(&other.meetings)).all(|(a, b)| {
                PastMeeting { topic: 0, ..*a } == PastMeeting { topic: 0, ..*b }
                    && self.topic(a) == other.topic(b)
            })
    }
}

impl Eq for History {}

impl History {
    /// The topic of a meeting of this history.
    pub fn topic(&self, meeting: &PastMeeting) -> &str {
        self.topics
            .get(meeting.topic as usize)
            .map_or("", String::as_str)
    }

    /// The index of `topic` in [`Self::topics`], adding it if new.
    pub fn intern(&mut self, topic: &str) -> u32 {
        match self.topics.iter().position(|t| t == topic) {
            Some(at) => at as u32,
            None => {
                self.topics.push(topic.to_string());
                self.topics.len() as u32 - 1
            }
        }
    }

    /// Adds a held meeting (in start order: usually at the end).
    pub fn record(
        &mut self,
        host: UserId,
        topic: &str,
        start: Timestamp,
        duration_minutes: u32,
        peak: u32,
    ) -> Result<(), HistoryError> {
        if peak > MAX_PEAK {
            return Err(HistoryError::Peak);
        }
        if !(1..=MAX_DURATION_MINUTES).contains(&duration_minutes) {
            return Err(HistoryError::Duration);
        }
        let minute = crate::time::Duration::minutes(1).millis();
        if start.millis() % minute != 0 || Month::of(start).first_day().is_none() {
            return Err(HistoryError::Start);
        }
        if topic.contains(['\n', '\r']) {
            return Err(HistoryError::Topic);
        }
        let topic = self.intern(topic);
        // By start, then host: the order the stored form reads back.
        let at = self
            .meetings
            .partition_point(|m| (m.start, m.host) <= (start, host));
        self.meetings.insert(
            at,
            PastMeeting {
                start,
                host,
                topic,
                duration_minutes,
                peak,
            },
        );
        Ok(())
    }

    /// The meetings that started at or after `from`, oldest first.
    pub fn since(&self, from: Timestamp) -> &[PastMeeting] {
        let at = self.meetings.partition_point(|m| m.start < from);
        &self.meetings[at..]
    }

    /// Keeps the meetings of the [`KEPT_MONTHS`] months up to and including
    /// the month of `today` one by one, and folds older ones into their
    /// month's summary. Whether anything changed.
    pub fn summarise(&mut self, today: Day) -> bool {
        let first_kept = Month::of(today.start()).add(1 - KEPT_MONTHS);
        let old = self
            .meetings
            .partition_point(|m| Month::of(m.start) < first_kept);
        if old == 0 {
            return false;
        }
        for meeting in self.meetings.drain(..old) {
            let month = Month::of(meeting.start);
            let summary = match self.summaries.iter().position(|s| s.month == month) {
                Some(at) => &mut self.summaries[at],
                None => {
                    let at = self.summaries.partition_point(|s| s.month < month);
                    self.summaries.insert(
                        at,
                        MonthSummary {
                            month,
                            meetings: 0,
                            minutes: 0,
                            peak: 0,
                        },
                    );
                    &mut self.summaries[at]
                }
            };
            summary.meetings = summary.meetings.saturating_add(1);
            summary.minutes = summary.minutes.saturating_add(meeting.duration_minutes);
            summary.peak = summary.peak.max(meeting.peak);
        }
        self.prune_topics();
        true
    }

    /// Drops topics no kept meeting has, renumbering the others.
    fn prune_topics(&mut self) {
        let mut used = vec![false; self.topics.len()];
        for m in &self.meetings {
            if let Some(u) = used.get_mut(m.topic as usize) {
                *u = true;
            }
        }
        if used.iter().all(|u| *u) {
            return;
        }
        let mut renumbered = vec![0u32; self.topics.len()];
        let mut kept = Vec::new();
        for (index, topic) in std::mem::take(&mut self.topics).into_iter().enumerate() {
            if used[index] {
                renumbered[index] = kept.len() as u32;
                kept.push(topic);
            }
        }
        self.topics = kept;
        for m in &mut self.meetings {
            m.topic = renumbered.get(m.topic as usize).copied().unwrap_or(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Duration;

    fn at(y: i32, m: u8, d: u8) -> Timestamp {
        Day::from_ymd(y, m, d).unwrap().start()
    }

    #[test]
    fn months_count_from_year_zero_and_print_as_iso() {
        let month = Month::of(at(2026, 11, 30) + Duration::hours(23));
        assert_eq!(month.ym(), (2026, 11));
        assert_eq!(month.to_string(), "2026-11");
        assert_eq!(month.add(2).to_string(), "2027-01");
        assert_eq!(month.first_day(), Day::from_ymd(2026, 11, 1));
    }

    #[test]
    fn meetings_are_kept_in_start_order_with_one_copy_of_each_topic() {
        let mut history = History::default();
        history
            .record(UserId(2), "Sync", at(2026, 11, 3), 30, 12)
            .unwrap();
        history
            .record(UserId(1), "Town hall", at(2026, 11, 1), 60, 450)
            .unwrap();
        history
            .record(UserId(2), "Sync", at(2026, 11, 2), 30, 9)
            .unwrap();
        assert_eq!(history.topics, ["Sync", "Town hall"]);
        let starts: Vec<_> = history.meetings.iter().map(|m| m.start).collect();
        assert_eq!(starts, [at(2026, 11, 1), at(2026, 11, 2), at(2026, 11, 3)]);
        assert_eq!(history.topic(&history.meetings[0]), "Town hall");
        assert_eq!(history.since(at(2026, 11, 2)).len(), 2);
    }

    #[test]
    fn impossible_meetings_are_refused() {
        let mut history = History::default();
        let start = at(2026, 11, 1);
        assert_eq!(
            history.record(UserId(1), "x", start, 30, MAX_PEAK + 1),
            Err(HistoryError::Peak)
        );
        assert_eq!(
            history.record(UserId(1), "x", start, 0, 1),
            Err(HistoryError::Duration)
        );
        assert_eq!(
            history.record(UserId(1), "x", start + Duration::seconds(1), 30, 1),
            Err(HistoryError::Start)
        );
        assert!(history.meetings.is_empty() && history.topics.is_empty());
    }

    #[test]
    fn months_older_than_a_year_are_summarised() {
        let mut history = History::default();
        history
            .record(UserId(1), "Old", at(2025, 10, 5), 30, 40)
            .unwrap();
        history
            .record(UserId(2), "Old", at(2025, 10, 9), 90, 700)
            .unwrap();
        history
            .record(UserId(1), "Kept", at(2025, 12, 1), 45, 20)
            .unwrap();
        assert!(!history.summarise(Day::from_ymd(2026, 9, 30).unwrap()));
        assert!(history.summarise(Day::from_ymd(2026, 10, 1).unwrap()));
        assert_eq!(
            history.summaries,
            [MonthSummary {
                month: Month::of(at(2025, 10, 1)),
                meetings: 2,
                minutes: 120,
                peak: 700
            }]
        );
        assert_eq!(history.meetings.len(), 1);
        assert_eq!(history.topics, ["Kept"]);
        assert_eq!(history.topic(&history.meetings[0]), "Kept");
    }
}
