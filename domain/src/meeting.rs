//! Scheduled meetings. A meeting stores who hosts it, never its capacity:
//! see [`crate::Account::effective_capacity`].

use crate::{MeetingId, Timestamp, UserId};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    pub host: UserId,
    pub topic: String,
    pub start: Timestamp,
    pub duration_minutes: u32,
}
