//! License Usage from meeting data: upcoming meetings at risk of
//! overflowing, right-sizing from the meeting history, and the weekly peaks
//! drawn against the capacities. The renewals and seat alerts are in
//! [`crate::forecast`].
//!
//! What a host needs is the larger of the peak of their meetings in the
//! period and the expected participants of their upcoming meetings, so a
//! suggestion to step down never puts an upcoming meeting at risk.

use crate::billing::LineStatus;
use crate::time::Duration;
use crate::{Account, BaseLicense, Capacity, Day, Meeting, Timestamp, User, UserId};
use std::collections::HashMap;

/// The periods right-sizing looks back over, in days.
pub const PERIODS: [u32; 2] = [30, 90];

/// What to do about a meeting at risk, or about a host's capacity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fix {
    /// Give the host this capacity: a license of it is free.
    Assign(Capacity),
    /// The host is a Basic user and a paid seat of the base plan is enough.
    Licensed,
    /// No owned capacity that fits has a free license: buy this one (the
    /// smallest that fits, or the largest there is).
    Buy(Capacity),
}

/// An upcoming meeting expecting more participants than its host will be
/// able to admit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AtRisk<'a> {
    pub meeting: &'a Meeting,
    pub expected: u32,
    /// What the meeting will admit, from the host's licenses then.
    pub capacity: u32,
    pub fix: Fix,
}

/// A right-sizing suggestion for one host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizing {
    pub user: UserId,
    /// The highest peak of their meetings in the period (0: none held).
    pub peak: u32,
    /// Their meetings held in the period.
    pub meetings: u32,
    /// The most participants their upcoming meetings expect.
    pub expected: u32,
    /// What their meetings admit now.
    pub capacity: u32,
    /// Their Large Meetings now.
    pub current: Option<Capacity>,
    pub change: Change,
}

impl Sizing {
    /// What the host needs: their peak or their largest upcoming meeting.
    pub fn needed(&self) -> u32 {
        self.peak.max(self.expected)
    }

    /// The Large Meetings the host holds after the change, if it can be
    /// applied now (a purchase is not).
    pub fn after(&self) -> Option<Option<Capacity>> {
        match self.change {
            Change::Up(Fix::Assign(c)) | Change::Down(c) => Some(Some(c)),
            Change::Remove | Change::Up(Fix::Licensed) => Some(None),
            Change::Up(Fix::Buy(_)) => None,
        }
    }
}

/// Which way a host's capacity should go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Their meetings outgrew what they hold.
    Up(Fix),
    /// A smaller capacity is enough.
    Down(Capacity),
    /// The base plan's capacity is enough: the license is idle.
    Remove,
}

/// The highest peak and the number of meetings of one week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekPeak {
    /// Its Monday.
    pub start: Day,
    pub meetings: u32,
    pub peak: u32,
}

/// The smallest Large Meetings capacity that admits `participants`, or the
/// largest there is.
pub fn fitting(participants: u32) -> Capacity {
    Capacity::ALL
        .into_iter()
        .find(|c| c.participants() >= participants)
        .unwrap_or(Capacity::P5000)
}

/// The Monday of the week `day` is in.
pub fn monday_of(day: Day) -> Day {
    // 1970-01-01 was a Thursday.
    let since_monday = (Day::from_days_since_epoch(0).days_until(day) + 3).rem_euclid(7);
    day.add_days(-since_monday)
}

impl Account {
    /// Licenses of `capacity` that can still be given: none while its line
    /// is being cancelled, and none beyond a pending reduction.
    pub fn free_licenses(&self, capacity: Capacity) -> u32 {
        match self.line(capacity).map(|l| l.status) {
            None | Some(LineStatus::PendingCancellation) => 0,
            Some(_) => self.seats(capacity).available(),
        }
    }

    /// Upcoming meetings (not yet ended at `now`) whose expected
    /// participants exceed what their host admits, earliest first, each
    /// with its fix: the smallest capacity that fits and has a free license,
    /// a paid seat, or the one to buy. (A line cannot be cancelled or
    /// reduced below the users holding it, so what a host admits now is
    /// what they will admit then.)
    pub fn at_risk(&self, now: Timestamp) -> Vec<AtRisk<'_>> {
        let mut risks = Vec::new();
        for meeting in &self.meetings {
            let Some(expected) = meeting.expected_participants else {
                continue;
            };
            let Some(host) = self.user(meeting.host) else {
                continue;
            };
            if meeting.end() <= now {
                continue;
            }
            let capacity = self.meeting_capacity_of(host);
            if expected <= capacity {
                continue;
            }
            let free = Capacity::ALL
                .into_iter()
                .find(|c| c.participants() >= expected && self.free_licenses(*c) > 0);
            let fix = if self.base_plan_fits(host, expected) {
                Fix::Licensed
            } else {
                free.map_or(Fix::Buy(fitting(expected)), Fix::Assign)
            };
            risks.push(AtRisk {
                meeting,
                expected,
                capacity,
                fix,
            });
        }
        crate::order::sort_by_key(&mut risks, |r| {
            crate::order::pair(
                crate::order::signed(r.meeting.start.0),
                r.meeting.id.0.into(),
            )
        });
        risks
    }

    /// Right-sizing over the `days` days before `now`: hosts whose peak (or
    /// upcoming meeting) needs more than they hold, and holders of Large
    /// Meetings given directly who need less, largest need first. An
    /// increase takes the smallest capacity that fits with a license free,
    /// counting the licenses the suggested decreases give back, so applying
    /// every suggestion together never needs more licenses than are owned.
    pub fn right_sizing(&self, now: Timestamp, days: u32) -> Vec<Sizing> {
        let from = Timestamp(now.0 - Duration::days(i64::from(days)).millis());
        let mut held: HashMap<u32, (u32, u32)> = HashMap::new();
        for meeting in self.history.since(from) {
            if meeting.start >= now {
                continue;
            }
            let entry = held.entry(meeting.host.0).or_default();
            entry.0 = entry.0.max(meeting.peak);
            entry.1 += 1;
        }
        let mut expected: HashMap<u32, u32> = HashMap::new();
        for meeting in &self.meetings {
            if let (Some(n), true) = (meeting.expected_participants, meeting.end() > now) {
                let entry = expected.entry(meeting.host.0).or_default();
                *entry = (*entry).max(n);
            }
        }
        let mut list = Vec::new();
        for user in &self.users {
            let (peak, meetings) = held.get(&user.id.0).copied().unwrap_or((0, 0));
            let expected = expected.get(&user.id.0).copied().unwrap_or(0);
            let needed = peak.max(expected);
            let capacity = self.meeting_capacity_of(user);
            let current = user.large_meetings;
            let change = if needed > capacity && self.base_plan_fits(user, needed) {
                Change::Up(Fix::Licensed)
            } else if needed > capacity && Some(fitting(needed)) > current {
                Change::Up(Fix::Buy(fitting(needed)))
            } else if needed > capacity {
                // They hold the largest there is.
                continue;
            } else if current.is_some() && user.direct_large_meetings() == current {
                // Only what was given directly can be taken back here.
                if needed <= self.base_plan.meeting_capacity {
                    Change::Remove
                } else if fitting(needed) < current.unwrap_or(Capacity::P5000) {
                    Change::Down(fitting(needed))
                } else {
                    continue;
                }
            } else {
                continue;
            };
            list.push(Sizing {
                user: user.id,
                peak,
                meetings,
                expected,
                capacity,
                current,
                change,
            });
        }
        crate::order::sort_by_key(&mut list, |s| {
            crate::order::pair(u128::from(u32::MAX - s.needed()), s.user.0.into())
        });
        self.allocate(&mut list);
        list
    }

    /// Gives the suggestions their capacities from the licenses free: first
    /// what the removals give back, then the increases (largest need
    /// first) and then the decreases, each taking the smallest capacity
    /// that fits with a license free and giving back the one it held; an
    /// increase with none free is a purchase, a decrease with none free is
    /// dropped (the license it would step down to is not there).
    fn allocate(&self, list: &mut Vec<Sizing>) {
        let mut free: [u32; 4] = Capacity::ALL.map(|c| self.free_licenses(c));
        // What a change gives back: the license the user was given directly.
        let gives = |s: &Sizing| s.current.filter(|c| self.direct_of(s.user) == Some(*c));
        for s in list.iter() {
            if let (Change::Remove, Some(c)) = (s.change, gives(s)) {
                free[c.index()] += u32::from(self.line_open(c));
            }
        }
        let take = |s: &mut Sizing, free: &mut [u32; 4]| {
            let (lowest, below) = match s.change {
                Change::Up(Fix::Buy(c)) => (c, Capacity::P5000),
                Change::Down(c) => (c, s.current.unwrap_or(Capacity::P500)),
                _ => return true,
            };
            let up = matches!(s.change, Change::Up(_));
            let found = Capacity::ALL.into_iter().find(|c| {
                *c >= lowest
                    && (if up { Some(*c) > s.current } else { *c < below })
                    && free[c.index()] > 0
            });
            let Some(c) = found else { return false };
            free[c.index()] -= 1;
            if let Some(back) = gives(s) {
                free[back.index()] += u32::from(self.line_open(back));
            }
            s.change = if up {
                Change::Up(Fix::Assign(c))
            } else {
                Change::Down(c)
            };
            true
        };
        for s in list.iter_mut() {
            if matches!(s.change, Change::Up(Fix::Buy(_))) {
                take(s, &mut free);
            }
        }
        list.retain_mut(|s| !matches!(s.change, Change::Down(_)) || take(s, &mut free));
        // Licenses the decreases gave back may fit an increase still waiting.
        for s in list.iter_mut() {
            if matches!(s.change, Change::Up(Fix::Buy(_))) {
                take(s, &mut free);
            }
        }
    }

    /// The Large Meetings `user` was given directly.
    fn direct_of(&self, user: UserId) -> Option<Capacity> {
        self.user(user).and_then(|u| u.direct_large_meetings())
    }

    /// Whether `user` is a Basic user whose `participants` a paid seat of
    /// the base plan admits.
    fn base_plan_fits(&self, user: &User, participants: u32) -> bool {
        user.license == BaseLicense::Basic && participants <= self.base_plan.meeting_capacity
    }

    /// Whether licenses of `capacity` can be given at all (its line is not
    /// being cancelled).
    fn line_open(&self, capacity: Capacity) -> bool {
        self.line(capacity)
            .is_some_and(|l| l.status != LineStatus::PendingCancellation)
    }

    /// The highest peak of each of the `weeks` weeks up to the one of
    /// `today` (Monday to Sunday), oldest first.
    pub fn weekly_peaks(&self, today: Day, weeks: u32) -> Vec<WeekPeak> {
        let last = monday_of(today);
        let first = last.add_days(-7 * (weeks as i32 - 1).max(0));
        let mut out: Vec<WeekPeak> = (0..weeks)
            .map(|w| WeekPeak {
                start: first.add_days(7 * w as i32),
                meetings: 0,
                peak: 0,
            })
            .collect();
        let end = last.add_days(7).start();
        for meeting in self.history.since(first.start()) {
            if meeting.start >= end {
                break;
            }
            let week = first.days_until(Day::of(meeting.start)) / 7;
            if let Some(w) = out.get_mut(week as usize) {
                w.meetings += 1;
                w.peak = w.peak.max(meeting.peak);
            }
        }
        out
    }
}
