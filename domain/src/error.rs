//! Why a command was refused: [`DomainError`], one variant per reason, with
//! the values a message needs. People read it worded in their language by
//! the UI (`messages::domain_error`, from the locale files).

use crate::{BillingCycle, Capacity, Day, Email, GroupId, UserId};
use std::fmt;

/// Why one user in a bulk change cannot be changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserProblem {
    pub email: Email,
    pub error: DomainError,
}

/// Why a command was refused. The UI's message for each says what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DomainError {
    NeedsUserAdmin,
    NeedsBillingPrivilege,
    NotYourMeeting,
    UnknownUser(UserId),
    /// Large Meetings for Basic users (they are listed).
    OnlyPaidUsers {
        users: Vec<Email>,
    },
    CapacityNotOwned {
        capacity: Capacity,
    },
    NotEnoughSeats {
        capacity: Capacity,
        needed: u32,
        available: u32,
    },
    LineEnding {
        capacity: Capacity,
        ends_on: Day,
    },
    /// The line's free seats are held by a pending reduction to `to` on `on`.
    SeatsReserved {
        capacity: Capacity,
        to: u32,
        on: Day,
    },
    NoBaseSeatAvailable {
        seats: u32,
    },
    NotEnoughBaseSeats {
        needed: u32,
        available: u32,
    },
    /// Some selected users cannot be changed, so nobody was.
    BulkRefused(Vec<UserProblem>),
    EmptySelection,
    ReduceBelowAssigned {
        capacity: Capacity,
        assigned: u32,
        to: u32,
    },
    /// A reduction to 0, or to `current` or more.
    NotAReduction {
        capacity: Capacity,
        current: u32,
    },
    CancelWhileAssigned {
        capacity: Capacity,
        assigned: u32,
    },
    NothingToUndo {
        capacity: Capacity,
    },
    CycleMismatch {
        capacity: Capacity,
        cycle: BillingCycle,
    },
    /// More licenses or seats than the portal counts.
    TooMany,
    NoLargeMeetings(Email),
    DuplicateEmail(Email),
    FirstNameMissing,
    LastNameMissing,
    SecondOwner,
    OwnerMustBeLicensed,
    OwnerRoleFixed,
    CannotChangeOwnRole,
    OwnerCannotBeRemoved,
    CannotRemoveYourself,
    MeetingsNotHandled {
        email: Email,
        count: usize,
    },
    TransferToRemovedUser,
    TopicMissing,
    NameTooLong {
        max: usize,
    },
    TopicTooLong {
        max: usize,
    },
    HiddenCharacter,
    DurationOutOfRange,
    /// Expected participants must be 1 to `max`.
    ExpectedOutOfRange {
        max: u32,
    },
    StartInPast,
    /// Large Meetings given until a moment that is not after now.
    UntilNotAfterNow,
    /// An end given without Large Meetings to end.
    UntilWithoutLargeMeetings,
    CurrentPasswordMissing,
    WrongCurrentPassword,
    PasswordTooShort {
        min: usize,
    },
    PasswordTooLong {
        max: usize,
    },
    PasswordsDiffer,
    PasswordUnchanged,
    PasswordNotHashed,
    UnknownGroup(GroupId),
    GroupNameMissing,
    /// Another group has this name (any case): `name` as it is written there.
    GroupNameTaken {
        name: String,
    },
    /// Everyone selected is in the group already.
    AlreadyInGroup {
        group: String,
    },
    NotInGroup {
        user: Email,
        group: String,
    },
    /// The group has this rule already.
    RuleUnchanged {
        group: String,
    },
    /// Cancelling a line whose capacity a group's rule gives.
    CapacityInGroupRule {
        capacity: Capacity,
        group: String,
    },
    /// Large Meetings a group gives cannot be removed from the user: take
    /// the user out of the group or change the rule.
    InheritedLargeMeetings {
        user: Email,
        group: String,
    },
    /// An update that changes nobody: every user already has what it says.
    NothingToUpdate,
}

/// A developer's code for the refusal, for logs and tests: the variant and
/// its fields as `Debug` prints them (`NotEnoughSeats { capacity: P3000,
/// needed: 1, available: 0 }`). People read `messages::domain_error`.
impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for DomainError {}
