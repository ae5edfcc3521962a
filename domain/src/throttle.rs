//! Slowing down password guessing: after 5 failed sign-ins for one email
//! address, the next tries wait 30 seconds.
//!
//! Failures are counted per address as typed (trimmed, lower-cased), whether
//! or not a user has it, so the wait reveals nothing about which addresses
//! exist. A browser-only portal keeps this record in the browser: it slows
//! down guessing through the page, not someone who can clear the storage.

use crate::time::Duration;
use crate::Timestamp;
use serde::Serialize;

/// Failed sign-ins in a row that start a wait.
pub const MAX_FAILED_SIGN_INS: u32 = 5;
/// How long the wait lasts.
pub const LOCKOUT: Duration = Duration::seconds(30);
/// A run of failures is forgotten after this long without another one.
pub const FORGET_AFTER: Duration = Duration::hours(1);
/// At most this many addresses are remembered (the oldest go first), so the
/// record cannot grow without bound.
pub const MAX_REMEMBERED: usize = 200;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SignInThrottle {
    entries: Vec<Failures>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
struct Failures {
    email: String,
    count: u32,
    last: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    locked_until: Option<Timestamp>,
}

/// Sign-in for this address waits: whole seconds left, at least 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locked {
    pub seconds: u32,
}

fn key(email: &str) -> String {
    crate::text::lowercase(email.trim())
}

impl SignInThrottle {
    /// Whether a sign-in for `email` may be tried at `now`.
    pub fn check(&self, email: &str, now: Timestamp) -> Result<(), Locked> {
        let key = key(email);
        match self.entries.iter().find(|e| e.email == key) {
            Some(Failures {
                locked_until: Some(until),
                ..
            }) if *until > now => {
                let millis = (*until - now).millis();
                let seconds = u32::try_from((millis + 999) / 1000).unwrap_or(u32::MAX);
                Err(Locked {
                    seconds: seconds.max(1),
                })
            }
            _ => Ok(()),
        }
    }

    /// Records a failed sign-in for `email`. Returns the wait it starts, if
    /// this was the fifth failure in a row.
    pub fn record_failure(&mut self, email: &str, now: Timestamp) -> Option<Locked> {
        self.forget_old(now);
        let key = key(email);
        let index = match self.entries.iter().position(|e| e.email == key) {
            Some(index) => index,
            None => {
                if self.entries.len() >= MAX_REMEMBERED {
                    let oldest = (0..self.entries.len())
                        .min_by_key(|&i| self.entries[i].last)
                        .unwrap_or(0);
                    self.entries.swap_remove(oldest);
                }
                self.entries.push(Failures {
                    email: key,
                    count: 0,
                    last: now,
                    locked_until: None,
                });
                self.entries.len() - 1
            }
        };
        let entry = &mut self.entries[index];
        if entry.locked_until.is_some_and(|until| until <= now) {
            // The wait is over: a new run of tries starts.
            entry.count = 0;
            entry.locked_until = None;
        }
        entry.count += 1;
        entry.last = now;
        if entry.count >= MAX_FAILED_SIGN_INS {
            let until = now + LOCKOUT;
            entry.locked_until = Some(until);
            return Some(Locked {
                seconds: u32::try_from(LOCKOUT.millis() / 1000).unwrap_or(30),
            });
        }
        None
    }

    /// A successful sign-in clears the address's failures.
    pub fn record_success(&mut self, email: &str) {
        let key = key(email);
        self.entries.retain(|e| e.email != key);
    }

    /// Failed tries in the current run for `email`.
    pub fn failures(&self, email: &str) -> u32 {
        let key = key(email);
        self.entries
            .iter()
            .find(|e| e.email == key)
            .map_or(0, |e| e.count)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn forget_old(&mut self, now: Timestamp) {
        self.entries.retain(|e| {
            now - e.last < FORGET_AFTER || e.locked_until.is_some_and(|until| until > now)
        });
    }
}

crate::json_struct!(SignInThrottle { entries });

impl crate::json::Decode for Failures {
    fn decode(r: &mut crate::json::Reader<'_>) -> crate::json::Result<Self> {
        Ok(crate::decode_fields!(
            r,
            Failures {
                email,
                count,
                last,
                locked_until
            }
        ))
    }
}

/// `locked_until` is left out when there is none (as serde's
/// `skip_serializing_if` does).
impl crate::json::Encode for Failures {
    fn encode(&self, out: &mut String) {
        let mut object = crate::json::Object::new(out);
        object.field("email", &self.email);
        object.field("count", &self.count);
        object.field("last", &self.last);
        if let Some(until) = &self.locked_until {
            object.field("locked_until", until);
        }
        object.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: Timestamp = Timestamp(1_800_000_000_000);

    fn after(seconds: i64) -> Timestamp {
        T0 + Duration(seconds * 1000)
    }

    #[test]
    fn the_fifth_failure_starts_a_thirty_second_wait() {
        let mut throttle = SignInThrottle::default();
        for i in 0..4 {
            assert_eq!(throttle.record_failure("a@x.example", after(i)), None);
            assert_eq!(throttle.check("a@x.example", after(i)), Ok(()));
        }
        assert_eq!(
            throttle.record_failure("a@x.example", after(4)),
            Some(Locked { seconds: 30 })
        );
        assert_eq!(
            throttle.check("a@x.example", after(4)),
            Err(Locked { seconds: 30 })
        );
        assert_eq!(
            throttle.check("a@x.example", after(33) + Duration(1)),
            Err(Locked { seconds: 1 })
        );
        assert_eq!(throttle.check("a@x.example", after(34)), Ok(()));
    }

    #[test]
    fn addresses_are_counted_apart_and_as_typed_in_any_case() {
        let mut throttle = SignInThrottle::default();
        for i in 0..5 {
            throttle.record_failure(" A@X.example ", after(i));
        }
        assert!(throttle.check("a@x.example", after(5)).is_err());
        assert_eq!(throttle.check("b@x.example", after(5)), Ok(()));
        assert_eq!(throttle.failures("b@x.example"), 0);
    }

    #[test]
    fn after_the_wait_a_new_run_of_five_starts() {
        let mut throttle = SignInThrottle::default();
        for i in 0..5 {
            throttle.record_failure("a@x.example", after(i));
        }
        assert_eq!(throttle.record_failure("a@x.example", after(40)), None);
        assert_eq!(throttle.failures("a@x.example"), 1);
        assert_eq!(throttle.check("a@x.example", after(40)), Ok(()));
    }

    #[test]
    fn success_clears_and_old_failures_are_forgotten() {
        let mut throttle = SignInThrottle::default();
        for i in 0..4 {
            throttle.record_failure("a@x.example", after(i));
        }
        throttle.record_success("A@x.example");
        assert_eq!(throttle.failures("a@x.example"), 0);

        for i in 0..4 {
            throttle.record_failure("b@x.example", after(i));
        }
        throttle.record_failure("c@x.example", after(4000));
        assert_eq!(throttle.failures("b@x.example"), 0, "an hour later");
    }

    #[test]
    fn the_record_stays_bounded() {
        let mut throttle = SignInThrottle::default();
        for i in 0..(MAX_REMEMBERED as i64 + 50) {
            throttle.record_failure(&format!("u{i}@x.example"), after(i));
        }
        assert_eq!(throttle.entries.len(), MAX_REMEMBERED);
        assert_eq!(
            throttle.failures("u0@x.example"),
            0,
            "the oldest went first"
        );
        assert_eq!(
            throttle.failures(&format!("u{}@x.example", MAX_REMEMBERED + 49)),
            1
        );
    }
}
