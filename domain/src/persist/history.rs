//! The stored form of the meeting history: one key per month,
//! `lmp.account.<id>.history.<YYYY-MM>`, so that a held meeting rewrites
//! only its month, and a month summarised after a year is one key removed.
//!
//! Text: a first line of the month's meetings, then the month's topics, one
//! per line (a topic has no line breaks). The meetings are sorted by host, then start, and written
//! one after another with no separator, each as
//!
//! - the host's id as the difference to the previous meeting's host (the
//!   first to 0): a number in 5-bit digits, usually one (see [`push_number`]),
//! - the start in minutes from the month's first midnight: 3 fixed digits,
//! - the duration in minutes: 2 fixed digits,
//! - the peak participants: a number, two digits up to 1,023,
//! - the topic, an index into the topic record: a number, one digit up to 31,
//!
//! with 64 digits (`A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`): about 9 UTF-16
//! code units per meeting, so 200,000 meetings take about 1.8 million of
//! the 5.2 million Chromium gives a site.

use crate::history::{History, Month, MonthSummary, PastMeeting, MAX_DURATION_MINUTES, MAX_PEAK};
use crate::time::Duration;
use crate::{Account, AccountId, Timestamp, UserId};

const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Every history chunk key of account `id` starts with this.
pub fn history_key_prefix(id: AccountId) -> String {
    format!("lmp.account.{id}.history.")
}

pub fn history_key(id: AccountId, month: Month) -> String {
    format!("lmp.account.{id}.history.{month}")
}

/// The held meetings of one month, stored under one key.
#[derive(Clone, Copy, Debug)]
pub struct HistoryChunk<'a> {
    pub month: Month,
    /// In start order.
    pub meetings: &'a [PastMeeting],
    pub topics: &'a [String],
}

/// The account's history by month, oldest first. Each month's end is found
/// by a binary search (a save asks for the chunks twice; working out the
/// month of each of 200,000 meetings took 2.9 ms a time natively).
pub fn history_chunks(account: &Account) -> Vec<HistoryChunk<'_>> {
    let history = &account.history;
    let mut chunks = Vec::new();
    let mut rest = history.meetings.as_slice();
    while let Some(first) = rest.first() {
        let month = Month::of(first.start);
        let next = (month.add(1).first_day()).map_or(Timestamp(i64::MAX), |day| day.start());
        let (meetings, after) = rest.split_at(rest.partition_point(|m| m.start < next));
        chunks.push(HistoryChunk {
            month,
            meetings,
            topics: &history.topics,
        });
        rest = after;
    }
    chunks
}

/// A number in 5-bit digits, most significant first: digits `A`–`f` (0–31)
/// end it, `g`–`_` (32–63) say another follows.
fn push_number(out: &mut String, n: u32) {
    let mut digits = [0u8; 7];
    let mut len = 0;
    let mut rest = n;
    loop {
        digits[len] = (rest & 31) as u8;
        len += 1;
        rest >>= 5;
        if rest == 0 {
            break;
        }
    }
    for i in (0..len).rev() {
        let more = if i > 0 { 32 } else { 0 };
        out.push(DIGITS[usize::from(digits[i] + more)] as char);
    }
}

#[cfg(test)]
pub(super) fn push_number_for_tests(out: &mut String, n: u32) {
    push_number(out, n)
}

/// A number of `width` 6-bit digits.
fn push_fixed(out: &mut String, n: u32, width: u32) {
    for i in (0..width).rev() {
        out.push(DIGITS[((n >> (6 * i)) & 63) as usize] as char);
    }
}

impl HistoryChunk<'_> {
    pub fn key(&self, account: AccountId) -> String {
        history_key(account, self.month)
    }

    pub fn encode(&self) -> String {
        let month_start = self.month.first_day().map_or(Timestamp(0), |d| d.start());
        // The chunk's own topics, in the order its meetings first use them.
        let mut local: Vec<u32> = Vec::new();
        let mut order: Vec<usize> = (0..self.meetings.len()).collect();
        let mut topic_of = vec![0u32; self.meetings.len()];
        for (i, m) in self.meetings.iter().enumerate() {
            topic_of[i] = match local.iter().position(|t| *t == m.topic) {
                Some(at) => at as u32,
                None => {
                    local.push(m.topic);
                    local.len() as u32 - 1
                }
            };
        }
        crate::order::sort_by_key(&mut order, |i| {
            let m = &self.meetings[*i];
            crate::order::pair(m.host.0.into(), m.start.0 as u64)
        });
        let mut out = String::with_capacity(self.meetings.len() * 10 + 64);
        let mut previous = 0u32;
        for i in order {
            let m = &self.meetings[i];
            push_number(&mut out, m.host.0.wrapping_sub(previous));
            previous = m.host.0;
            let minutes = (m.start - month_start).millis() / Duration::minutes(1).millis();
            push_fixed(&mut out, minutes as u32, 3);
            push_fixed(&mut out, m.duration_minutes, 2);
            push_number(&mut out, m.peak);
            push_number(&mut out, topic_of[i]);
        }
        for t in local {
            out.push('\n');
            out.push_str(self.topics.get(t as usize).map_or("", String::as_str));
        }
        out
    }
}

/// Reads the digits of a stored chunk.
struct Digits<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Digits<'_> {
    fn digit(&mut self) -> Result<u32, String> {
        let byte = *self.bytes.get(self.at).ok_or("meeting cut short")?;
        self.at += 1;
        DIGITS
            .iter()
            .position(|d| *d == byte)
            .map(|p| p as u32)
            .ok_or_else(|| format!("bad digit at {}", self.at))
    }

    fn number(&mut self) -> Result<u32, String> {
        let mut n: u64 = 0;
        loop {
            let d = self.digit()?;
            n = n * 32 + u64::from(d & 31);
            if n > u64::from(u32::MAX) {
                return Err(format!("number too large at {}", self.at));
            }
            if d < 32 {
                return Ok(n as u32);
            }
        }
    }

    /// A month the calendar has.
    fn month(&mut self) -> Result<Month, String> {
        let month = Month(i32::try_from(self.number()?).map_err(|_| "month out of range")?);
        month.first_day().ok_or("month outside the calendar")?;
        Ok(month)
    }

    fn fixed(&mut self, width: u32) -> Result<u32, String> {
        let mut n = 0;
        for _ in 0..width {
            n = n * 64 + self.digit()?;
        }
        Ok(n)
    }
}

/// Appends the meetings of `month` stored as `text` to `history` (in
/// stored order: the caller sorts once all months are read).
pub(super) fn decode_history(
    text: &str,
    month: Month,
    history: &mut History,
) -> Result<(), String> {
    let (records, topics) = text.split_once('\n').ok_or("no meetings line")?;
    let local: Vec<u32> = topics.split('\n').map(|t| history.intern(t)).collect();
    let first = month.first_day().ok_or("month outside the calendar")?;
    let minutes_in_month = first.days_until(
        month
            .add(1)
            .first_day()
            .ok_or("month outside the calendar")?,
    ) * 24
        * 60;
    let mut digits = Digits {
        bytes: records.as_bytes(),
        at: 0,
    };
    let mut host = 0u32;
    while digits.at < digits.bytes.len() {
        host = host
            .checked_add(digits.number()?)
            .ok_or("host id too large")?;
        let minute = digits.fixed(3)?;
        let duration_minutes = digits.fixed(2)?;
        let peak = digits.number()?;
        let topic = digits.number()?;
        if minute >= minutes_in_month as u32
            || !(1..=MAX_DURATION_MINUTES).contains(&duration_minutes)
            || peak > MAX_PEAK
        {
            return Err(format!("meeting out of range before {}", digits.at));
        }
        let topic = *local
            .get(topic as usize)
            .ok_or_else(|| format!("no topic {topic}"))?;
        history.meetings.push(PastMeeting {
            start: first.start() + Duration::minutes(minute.into()),
            host: UserId(host),
            topic,
            duration_minutes,
            peak,
        });
    }
    Ok(())
}

/// The account record's `history` field: the number of held meetings, the
/// months stored (each under its own key), then the summaries of older
/// months (month, meetings, minutes, peak), all as numbers in digits.
pub fn encode_index(history: &History, months: &[Month]) -> String {
    let mut out = String::new();
    push_number(&mut out, history.meetings.len() as u32);
    push_number(&mut out, months.len() as u32);
    for month in months {
        push_number(&mut out, month.0 as u32);
    }
    for s in &history.summaries {
        for n in [s.month.0 as u32, s.meetings, s.minutes, s.peak] {
            push_number(&mut out, n);
        }
    }
    out
}

/// What [`encode_index`] wrote: (held meetings, months, summaries).
pub(super) fn decode_index(text: &str) -> Result<(usize, Vec<Month>, Vec<MonthSummary>), String> {
    if text.is_empty() {
        return Ok((0, Vec::new(), Vec::new()));
    }
    let mut digits = Digits {
        bytes: text.as_bytes(),
        at: 0,
    };
    let count = digits.number()? as usize;
    let months = digits.number()?;
    let mut list: Vec<Month> = Vec::new();
    for _ in 0..months {
        let month = digits.month()?;
        if list.last().is_some_and(|last| *last >= month) {
            return Err("months out of order".into());
        }
        list.push(month);
    }
    let mut summaries = Vec::new();
    while digits.at < digits.bytes.len() {
        summaries.push(MonthSummary {
            month: digits.month()?,
            meetings: digits.number()?,
            minutes: digits.number()?,
            peak: digits.number()?,
        });
    }
    Ok((count, list, summaries))
}

/// Puts meetings read month by month in the order the history keeps.
pub(super) fn sort_history(history: &mut History) {
    crate::order::sort_by_key(&mut history.meetings, |m| {
        crate::order::pair(crate::order::signed(m.start.0), m.host.0.into())
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_one_digit_per_five_bits() {
        let mut out = String::new();
        for n in [0, 31, 32, 1023, 1024, u32::MAX] {
            out.clear();
            push_number(&mut out, n);
            let expected = match n {
                0..=31 => 1,
                32..=1023 => 2,
                1024..=32767 => 3,
                _ => 7,
            };
            assert_eq!(out.len(), expected, "{n}");
            let mut digits = Digits {
                bytes: out.as_bytes(),
                at: 0,
            };
            assert_eq!(digits.number(), Ok(n));
        }
    }
}
