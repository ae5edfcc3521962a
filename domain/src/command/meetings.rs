//! Meetings: scheduling one.

use super::Log;
use crate::audit::{AuditAction, AuditTarget};
use crate::meeting::MAX_EXPECTED_PARTICIPANTS;
use crate::text::{self, TextProblem, MAX_TOPIC_CHARS};
use crate::{Account, DomainError, Meeting, MeetingId, Timestamp, UserId};

impl Account {
    /// Schedules a meeting hosted by `host`, starting after now.
    pub(super) fn schedule_meeting(
        &mut self,
        log: &mut Log,
        host: UserId,
        topic: &str,
        start: Timestamp,
        (duration_minutes, expected_participants): (u32, Option<u32>),
    ) -> Result<(), DomainError> {
        let host = self.member(host)?.id;
        let topic = match text::check(topic, MAX_TOPIC_CHARS) {
            Ok(topic) => topic,
            Err(TextProblem::Missing) => return Err(DomainError::TopicMissing),
            Err(TextProblem::TooLong { max }) => return Err(DomainError::TopicTooLong { max }),
            Err(TextProblem::HiddenCharacter) => return Err(DomainError::HiddenCharacter),
        };
        if !(1..=24 * 60).contains(&duration_minutes) {
            return Err(DomainError::DurationOutOfRange);
        }
        if expected_participants.is_some_and(|n| !(1..=MAX_EXPECTED_PARTICIPANTS).contains(&n)) {
            return Err(DomainError::ExpectedOutOfRange {
                max: MAX_EXPECTED_PARTICIPANTS,
            });
        }
        if start <= log.at {
            return Err(DomainError::StartInPast);
        }
        let id = MeetingId(self.meetings.iter().map(|m| m.id.0).max().unwrap_or(0) + 1);
        self.meetings.push(Meeting {
            id,
            host,
            topic: topic.to_string(),
            start,
            duration_minutes,
            expected_participants,
        });
        log.push(
            AuditTarget::Named(topic.to_string()),
            AuditAction::MeetingScheduled {
                topic: topic.to_string(),
            },
        );
        Ok(())
    }
}
