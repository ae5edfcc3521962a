//! Why a command was refused: [`DomainError`], one variant per reason, with
//! the values a message needs. People read it worded in their language by
//! the UI (`messages::domain_error`).

use crate::words;
use crate::{BillingCycle, Capacity, Day, Email, UserId};
use thiserror::Error;

/// Why one user in a bulk change cannot be changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserProblem {
    pub email: Email,
    pub error: DomainError,
}

/// Why a command was refused. Each message says what to do.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("Only the account owner or an admin can manage users and licenses.")]
    NeedsUserAdmin,
    #[error("Only the account owner or an admin with the billing privilege can buy or change subscriptions.")]
    NeedsBillingPrivilege,
    #[error("Members can only schedule meetings they host themselves.")]
    NotYourMeeting,
    #[error("This user is not in your account.")]
    UnknownUser(UserId),
    #[error("Only paid users can enable this feature.")]
    OnlyPaidUsers { users: Vec<Email> },
    #[error("Your account has no Large Meetings {} licenses. Buy them in your billing portal first.", words::number(.capacity.participants()))]
    CapacityNotOwned { capacity: Capacity },
    #[error("Not enough Large Meetings {} licenses: {} needed, {} available. Buy more, or remove the add-on from other users.", words::number(.capacity.participants()), words::number(*.needed), words::number(*.available))]
    NotEnoughSeats {
        capacity: Capacity,
        needed: u32,
        available: u32,
    },
    #[error("Large Meetings {} is being cancelled on {}. Undo the cancellation before assigning it.", words::number(.capacity.participants()), words::day(*.ends_on))]
    LineEnding { capacity: Capacity, ends_on: Day },
    #[error("Large Meetings {} is being reduced to {} on {}, and {} already assigned. Undo the reduction to assign more.", words::number(.capacity.participants()), words::count(*.to, "license", "licenses"), words::day(*.on), if *.to == 1 { "it is".to_string() } else { format!("all {} are", words::number(*.to)) })]
    SeatsReserved {
        capacity: Capacity,
        to: u32,
        on: Day,
    },
    #[error("{} in use. Buy more seats, or make another user Basic.", if *.seats == 1 { "The only Zoom Workplace seat is".to_string() } else { format!("All {} Zoom Workplace seats are", words::number(*.seats)) })]
    NoBaseSeatAvailable { seats: u32 },
    #[error("{} a Zoom Workplace license but {}. Buy more licenses or import some users as Basic.", if *.needed == 1 { "1 user needs".to_string() } else { format!("{} users need", words::number(*.needed)) }, match *.available { 0 => "none is free".to_string(), 1 => "only 1 is free".to_string(), n => format!("only {} are free", words::number(n)) })]
    NotEnoughBaseSeats { needed: u32, available: u32 },
    #[error("{} of the selected users cannot be changed, so nobody was changed.", words::number(.0.len() as u64))]
    BulkRefused(Vec<UserProblem>),
    #[error("Select at least one user.")]
    EmptySelection,
    #[error("Large Meetings {} is assigned to {}. Remove the add-on from {} first, or keep at least {}.", words::number(.capacity.participants()), words::count(*.assigned, "user", "users"), words::count(.assigned.saturating_sub(*.to), "user", "users"), words::count(*.assigned, "license", "licenses"))]
    ReduceBelowAssigned {
        capacity: Capacity,
        assigned: u32,
        to: u32,
    },
    #[error("Large Meetings {} has {}; to end the line, cancel it.", words::number(.capacity.participants()), if *.current == 1 { "only 1 license, which cannot be reduced".to_string() } else { format!("{} licenses. Choose a smaller number, at least 1", words::number(*.current)) })]
    NotAReduction { capacity: Capacity, current: u32 },
    #[error("Large Meetings {} is assigned to {}. Remove it from {} before cancelling.", words::number(.capacity.participants()), words::count(*.assigned, "user", "users"), if *.assigned == 1 { "that user" } else { "them" })]
    CancelWhileAssigned { capacity: Capacity, assigned: u32 },
    #[error("Large Meetings {} has no pending change to undo.", words::number(.capacity.participants()))]
    NothingToUndo { capacity: Capacity },
    #[error("Your Large Meetings {} line is billed {}. New licenses join it on the same cycle.", words::number(.capacity.participants()), .cycle.as_str().to_lowercase())]
    CycleMismatch {
        capacity: Capacity,
        cycle: BillingCycle,
    },
    #[error("That would make more licenses than the portal can count.")]
    TooMany,
    #[error("{0} does not have Large Meetings.")]
    NoLargeMeetings(Email),
    #[error("A user with the email {0} already exists.")]
    DuplicateEmail(Email),
    #[error("Enter a first name.")]
    FirstNameMissing,
    #[error("Enter a last name.")]
    LastNameMissing,
    #[error("An account has exactly one owner; add the user as Admin or Member.")]
    SecondOwner,
    #[error("The owner keeps a paid Zoom Workplace license.")]
    OwnerMustBeLicensed,
    #[error("An account has exactly one owner: the owner's role stays Owner, and nobody else can be made owner.")]
    OwnerRoleFixed,
    #[error("You cannot change your own role; ask another admin or the owner.")]
    CannotChangeOwnRole,
    #[error("The account owner cannot be removed.")]
    OwnerCannotBeRemoved,
    #[error("You cannot remove yourself; ask another admin or the owner.")]
    CannotRemoveYourself,
    #[error("{email} hosts {}. Move {} to another user or cancel {} first.", words::count(*.count as u64, "scheduled meeting", "scheduled meetings"), if *.count == 1 { "it" } else { "them" }, if *.count == 1 { "it" } else { "them" })]
    MeetingsNotHandled { email: Email, count: usize },
    #[error(
        "Choose another user to host the meetings; they cannot move to the user being removed."
    )]
    TransferToRemovedUser,
    #[error("Enter a topic for the meeting.")]
    TopicMissing,
    #[error("A name can have at most {max} characters.")]
    NameTooLong { max: usize },
    #[error("A topic can have at most {max} characters.")]
    TopicTooLong { max: usize },
    #[error("Names and topics cannot contain line breaks, control characters or hidden text-direction characters.")]
    HiddenCharacter,
    #[error("A meeting lasts from 1 minute to 24 hours.")]
    DurationOutOfRange,
    #[error("Choose a start time in the future.")]
    StartInPast,
    #[error("Enter your current password.")]
    CurrentPasswordMissing,
    #[error("The current password is not correct.")]
    WrongCurrentPassword,
    #[error("The new password needs at least {min} characters.")]
    PasswordTooShort { min: usize },
    #[error("The new password can have at most {max} characters.")]
    PasswordTooLong { max: usize },
    #[error("The two new passwords are not the same.")]
    PasswordsDiffer,
    #[error("The new password is the same as the current one. Choose another.")]
    PasswordUnchanged,
    #[error("The new password could not be hashed; it was not changed. Try again.")]
    PasswordNotHashed,
}
