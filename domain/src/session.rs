//! A signed-in session and its expiry after 8 hours without activity.

use crate::time::Duration;
use crate::{AccountId, Timestamp, UserId};
use serde::Serialize;

/// A session ends after this long without activity.
pub const IDLE_TIMEOUT: Duration = Duration::hours(8);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Session {
    pub account: AccountId,
    pub user: UserId,
    pub signed_in_at: Timestamp,
    pub last_active: Timestamp,
}

impl Session {
    pub fn start(account: AccountId, user: UserId, now: Timestamp) -> Self {
        Self {
            account,
            user,
            signed_in_at: now,
            last_active: now,
        }
    }

    /// Whether 8 hours or more have passed since the last activity.
    pub fn is_expired(&self, now: Timestamp) -> bool {
        now - self.last_active >= IDLE_TIMEOUT
    }

    /// Records activity at `now`. Time never runs backwards for a session.
    pub fn touch(&mut self, now: Timestamp) {
        if now > self.last_active {
            self.last_active = now;
        }
    }
}

crate::json_struct!(Session {
    account,
    user,
    signed_in_at,
    last_active
});

#[cfg(test)]
mod tests {
    use super::*;

    const T0: Timestamp = Timestamp(1_800_000_000_000);

    #[test]
    fn a_session_lasts_just_under_eight_idle_hours() {
        let session = Session::start(AccountId(1), UserId(1), T0);
        assert!(!session.is_expired(T0));
        assert!(!session.is_expired(T0 + Duration::hours(8) + Duration(-1)));
        assert!(session.is_expired(T0 + Duration::hours(8)));
        assert!(session.is_expired(T0 + Duration::days(3)));
    }

    #[test]
    fn activity_moves_the_deadline() {
        let mut session = Session::start(AccountId(1), UserId(1), T0);
        session.touch(T0 + Duration::hours(7));
        assert!(!session.is_expired(T0 + Duration::hours(14)));
        assert!(session.is_expired(T0 + Duration::hours(15)));
    }

    #[test]
    fn a_touch_from_the_past_does_not_rewind_the_session() {
        let mut session = Session::start(AccountId(1), UserId(1), T0);
        session.touch(T0 + Duration::hours(-5));
        assert_eq!(session.last_active, T0);
    }
}
