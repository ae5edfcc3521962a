//! Scheduled meetings. A meeting stores who hosts it, never its capacity:
//! see [`crate::Account::effective_capacity`].

use crate::{MeetingId, Timestamp, UserId};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Meeting {
    pub id: MeetingId,
    pub host: UserId,
    pub topic: String,
    pub start: Timestamp,
    pub duration_minutes: u32,
    /// How many the host expects (1 to [`MAX_EXPECTED_PARTICIPANTS`]), if
    /// they said: License Usage warns when it exceeds the capacity.
    pub expected_participants: Option<u32>,
}

impl Meeting {
    /// When it ends.
    pub fn end(&self) -> Timestamp {
        self.start + crate::time::Duration::minutes(self.duration_minutes.into())
    }
}

/// The most participants a meeting can be scheduled to expect.
pub const MAX_EXPECTED_PARTICIPANTS: u32 = 100_000;

/// What a meeting admits now, and would admit with another host (when a
/// removed user's meetings move): see [`crate::Account::capacities_if_moved`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CapacityChange<'a> {
    pub meeting: &'a Meeting,
    /// Participants with the current host.
    pub before: u32,
    /// Participants with the new host.
    pub after: u32,
}

impl CapacityChange<'_> {
    /// Whether the meeting would admit fewer participants than now.
    pub fn drops(&self) -> bool {
        self.after < self.before
    }
}

crate::json_struct!(Meeting {
    id,
    host,
    topic,
    start,
    duration_minutes;
    default: expected_participants
});
