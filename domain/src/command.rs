//! Commands on an account: each takes the acting user and `now`, and either
//! changes the account (returning what it wrote to the activity log) or is
//! refused with a typed error and changes nothing.
//!
//! Each command declares the permission it needs ([`Command::permission`]);
//! [`Account::execute`] checks it once and then runs the command, which is a
//! function of its own in the module of its area.

mod billing;
mod groups;
mod licenses;
mod meetings;
mod password;
pub mod undo;
mod users;

pub use crate::error::{DomainError, UserProblem};
pub(crate) use groups::check_group_text;
pub use groups::MAX_AUTOMATIC_ENTRIES;
pub use undo::{Change, Diff, UndoRefusal};
pub(crate) use users::check_name;
pub use users::MeetingHandling;

use crate::audit::{AuditAction, AuditEntry, AuditTarget};
use crate::billing::{LargeMeetingsLine, Order};
use crate::import::{NewUser, UserUpdate};
use crate::password::Secret;
use crate::{
    Account, BaseLicense, BillingCycle, Capacity, Email, GroupId, GroupRule, Quantity, Role,
    Timestamp, User, UserId,
};

/// Everything a user can ask an account to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Buy Large Meetings licenses: a new line, or more on the existing line
    /// of that capacity (prorated to its renewal date).
    PurchaseLargeMeetings {
        capacity: Capacity,
        quantity: Quantity,
        cycle: BillingCycle,
    },
    /// Buy more Zoom Workplace seats for the base plan (prorated).
    AddBaseSeats {
        quantity: Quantity,
    },
    /// Give every user Large Meetings of `capacity`: all or none; `until`
    /// a moment, for that long only (see [`Account::expire_due`]).
    BulkAssignLargeMeetings {
        users: Vec<UserId>,
        capacity: Capacity,
        until: Option<Timestamp>,
    },
    /// Remove Large Meetings from every user: all or none.
    BulkRemoveLargeMeetings {
        users: Vec<UserId>,
    },
    /// The Edit User dialog's Save: role, base license and Large Meetings
    /// together, all or nothing. Large Meetings given `until` a moment are
    /// taken back then (see [`Account::expire_due`]).
    EditUser {
        user: UserId,
        role: Role,
        license: BaseLicense,
        large_meetings: Option<Capacity>,
        until: Option<Timestamp>,
    },
    /// Lower a line's quantity at its renewal date.
    ReduceLine {
        capacity: Capacity,
        to: u32,
    },
    /// End a line at its renewal date.
    CancelLine {
        capacity: Capacity,
    },
    /// Undo a pending reduction or cancellation.
    UndoPendingChange {
        capacity: Capacity,
    },
    AddUser {
        email: Email,
        first_name: String,
        last_name: String,
        license: BaseLicense,
        role: Role,
    },
    /// Add many users at once (Import Users): all or none.
    ImportUsers {
        users: Vec<NewUser>,
    },
    /// Change many users at once (Import Users, Update existing users):
    /// all or none.
    UpdateUsers {
        updates: Vec<UserUpdate>,
    },
    /// Remove a user from the account: their Zoom Workplace seat and Large
    /// Meetings license return to the account. Their meetings must be
    /// handled first (`meetings`), or the command is refused.
    RemoveUser {
        user: UserId,
        meetings: Option<MeetingHandling>,
    },
    /// Schedule a meeting hosted by `host` (the actor, or anyone for admins).
    ScheduleMeeting {
        host: UserId,
        topic: String,
        start: Timestamp,
        duration_minutes: u32,
        expected_participants: Option<u32>,
    },
    /// License Usage's actions: each user ends up Licensed (a Basic user
    /// takes a paid seat) holding the Large Meetings given (`None`: none
    /// given directly), all or none.
    SetLargeMeetings {
        changes: Vec<(UserId, Option<Capacity>)>,
    },
    /// The actor changes their own password (Profile): the current one,
    /// the new one twice, and 16 random bytes of salt for the new hash.
    ChangePassword {
        current: Secret,
        new: Secret,
        repeat: Secret,
        salt: [u8; 16],
    },
    /// User Management > Groups: Add Group.
    CreateGroup {
        name: String,
    },
    RenameGroup {
        group: GroupId,
        name: String,
    },
    /// Members keep what they were given directly or by other groups.
    DeleteGroup {
        group: GroupId,
    },
    /// Add Members / Add to Group: all or none.
    AddToGroup {
        group: GroupId,
        users: Vec<UserId>,
    },
    RemoveFromGroup {
        group: GroupId,
        users: Vec<UserId>,
    },
    /// Set, change (`Some`) or remove (`None`) the group's license rule.
    SetGroupRule {
        group: GroupId,
        rule: Option<GroupRule>,
    },
}

/// What a command asks of the user who sends it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Anyone of the account, acting on themselves: a meeting they host,
    /// their own password.
    Themselves,
    /// The owner or an admin: users and their licenses.
    ManageUsers,
    /// The owner or an admin: a meeting hosted by somebody else.
    ManageOthersMeetings,
    /// The owner, or an admin with the billing privilege: subscriptions.
    ManageBilling,
}

impl Permission {
    /// Whether `user` holds this permission.
    pub fn granted_to(self, user: &User) -> bool {
        match self {
            Permission::Themselves => true,
            Permission::ManageUsers | Permission::ManageOthersMeetings => user.can_manage_users(),
            Permission::ManageBilling => user.can_manage_billing(),
        }
    }

    /// The refusal of a user who does not hold it.
    pub fn refusal(self) -> DomainError {
        match self {
            // Nobody lacks it; the arm keeps the match whole.
            Permission::Themselves | Permission::ManageUsers => DomainError::NeedsUserAdmin,
            Permission::ManageOthersMeetings => DomainError::NotYourMeeting,
            Permission::ManageBilling => DomainError::NeedsBillingPrivilege,
        }
    }

    /// `Ok` if `user` holds this permission, otherwise its refusal.
    pub fn check(self, user: &User) -> Result<(), DomainError> {
        if self.granted_to(user) {
            Ok(())
        } else {
            Err(self.refusal())
        }
    }
}

impl Command {
    /// The permission `actor` needs to send this command. Scheduling a
    /// meeting for yourself needs none; for another host it needs user
    /// management.
    pub fn permission(&self, actor: UserId) -> Permission {
        match self {
            Command::PurchaseLargeMeetings { .. }
            | Command::AddBaseSeats { .. }
            | Command::ReduceLine { .. }
            | Command::CancelLine { .. }
            | Command::UndoPendingChange { .. } => Permission::ManageBilling,
            Command::BulkAssignLargeMeetings { .. }
            | Command::BulkRemoveLargeMeetings { .. }
            | Command::EditUser { .. }
            | Command::AddUser { .. }
            | Command::ImportUsers { .. }
            | Command::UpdateUsers { .. }
            | Command::RemoveUser { .. }
            | Command::CreateGroup { .. }
            | Command::RenameGroup { .. }
            | Command::DeleteGroup { .. }
            | Command::AddToGroup { .. }
            | Command::RemoveFromGroup { .. }
            | Command::SetGroupRule { .. }
            | Command::SetLargeMeetings { .. } => Permission::ManageUsers,
            Command::ScheduleMeeting { host, .. } if *host != actor => {
                Permission::ManageOthersMeetings
            }
            Command::ScheduleMeeting { .. } | Command::ChangePassword { .. } => {
                Permission::Themselves
            }
        }
    }
}

/// What a command did.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Outcome {
    /// The activity-log entries it wrote, in order.
    pub entries: Vec<AuditEntry>,
    /// The order it placed, if it was a purchase: the confirmation shows
    /// this order's own amount (order ids are numbered per account).
    pub order: Option<Order>,
}

impl Outcome {
    /// How many users the change put in groups (Add Members, Add to Group,
    /// an import's Group column), as its log entries count them.
    pub fn members_added(&self) -> u32 {
        (self.entries.iter())
            .map(|e| match e.action {
                AuditAction::MembersAdded { count } => count,
                _ => 0,
            })
            .sum()
    }
}

impl Account {
    /// Runs `command` for `actor` at `now`: refused unless the actor holds
    /// the command's [`Permission`], and a refused command changes nothing.
    pub fn execute(
        &mut self,
        actor: UserId,
        now: Timestamp,
        command: Command,
    ) -> Result<Outcome, DomainError> {
        let actor_user = self.member(actor)?.clone();
        command.permission(actor).check(&actor_user)?;
        let mut log = Log {
            at: now,
            actor: &actor_user,
            entries: Vec::new(),
        };
        let mut order = None;
        match command {
            Command::PurchaseLargeMeetings {
                capacity,
                quantity,
                cycle,
            } => {
                let placed = self.purchase_large_meetings(&mut log, capacity, quantity, cycle)?;
                order = Some(placed);
            }
            Command::AddBaseSeats { quantity } => {
                order = Some(self.add_base_seats(&mut log, quantity)?);
            }
            Command::ReduceLine { capacity, to } => self.reduce_line(&mut log, capacity, to)?,
            Command::CancelLine { capacity } => self.cancel_line(&mut log, capacity)?,
            Command::UndoPendingChange { capacity } => {
                self.undo_pending_change(&mut log, capacity)?
            }
            Command::BulkAssignLargeMeetings {
                users,
                capacity,
                until,
            } => self.bulk_assign_large_meetings(&mut log, users, capacity, until)?,
            Command::BulkRemoveLargeMeetings { users } => {
                self.bulk_remove_large_meetings(&mut log, users)?
            }
            Command::EditUser {
                user,
                role,
                license,
                large_meetings,
                until,
            } => self.edit_user(&mut log, user, role, license, (large_meetings, until))?,
            Command::AddUser {
                email,
                first_name,
                last_name,
                license,
                role,
            } => self.add_user(&mut log, email, &first_name, &last_name, license, role)?,
            Command::ImportUsers { users } => self.import_users(&mut log, users)?,
            Command::UpdateUsers { updates } => self.update_users(&mut log, updates)?,
            Command::RemoveUser { user, meetings } => self.remove_user(&mut log, user, meetings)?,
            Command::ScheduleMeeting {
                host,
                topic,
                start,
                duration_minutes,
                expected_participants,
            } => self.schedule_meeting(
                &mut log,
                host,
                &topic,
                start,
                (duration_minutes, expected_participants),
            )?,
            Command::SetLargeMeetings { changes } => self.set_large_meetings(&mut log, changes)?,
            Command::ChangePassword {
                current,
                new,
                repeat,
                salt,
            } => self.change_password(&mut log, &current, &new, &repeat, salt)?,
            Command::CreateGroup { name } => self.create_group(&mut log, &name)?,
            Command::RenameGroup { group, name } => self.rename_group(&mut log, group, &name)?,
            Command::DeleteGroup { group } => self.delete_group(&mut log, group)?,
            Command::AddToGroup { group, users } => self.add_to_group(&mut log, group, users)?,
            Command::RemoveFromGroup { group, users } => {
                self.remove_from_group(&mut log, group, users)?
            }
            Command::SetGroupRule { group, rule } => self.set_group_rule(&mut log, group, rule)?,
        }
        // What the groups' rules give follows every change: a purchase
        // covers waiting members, a member leaving loses what the group gave.
        self.settle_and_log(&mut log);
        self.audit.extend(log.entries.iter().cloned());
        Ok(Outcome {
            entries: log.entries,
            order,
        })
    }

    /// The user `id` of this account, or an error naming it.
    fn member(&self, id: UserId) -> Result<&User, DomainError> {
        self.user(id).ok_or(DomainError::UnknownUser(id))
    }

    fn user_mut(&mut self, id: UserId) -> &mut User {
        let at = self
            .users
            .binary_search_by_key(&id, |u| u.id)
            .expect("checked before the change");
        &mut self.users[at]
    }

    pub fn line(&self, capacity: Capacity) -> Option<&LargeMeetingsLine> {
        self.large_meetings.iter().find(|l| l.capacity == capacity)
    }

    fn line_mut(&mut self, capacity: Capacity) -> Option<&mut LargeMeetingsLine> {
        self.large_meetings
            .iter_mut()
            .find(|l| l.capacity == capacity)
    }
}

/// The log entries of changes to users: one per change (`each`), or one
/// per kind of change with how many users had it, so a change of 50,000
/// users does not fill the browser's storage with log.
fn user_entries(changes: Vec<(Email, AuditAction)>, each: bool) -> Vec<(AuditTarget, AuditAction)> {
    if each {
        return (changes.into_iter())
            .map(|(email, action)| (AuditTarget::User(email), action))
            .collect();
    }
    let mut kinds: Vec<(AuditAction, u32)> = Vec::new();
    for (_, action) in changes {
        match kinds.iter_mut().find(|(a, _)| *a == action) {
            Some((_, n)) => *n += 1,
            None => kinds.push((action, 1)),
        }
    }
    (kinds.into_iter())
        .map(|(action, count)| (AuditTarget::Imported { count }, action))
        .collect()
}

/// Collects the activity-log entries of one command.
struct Log<'a> {
    at: Timestamp,
    actor: &'a User,
    entries: Vec<AuditEntry>,
}

impl Log<'_> {
    fn push(&mut self, target: AuditTarget, action: AuditAction) {
        self.entries.push(AuditEntry {
            at: self.at,
            actor: Some(self.actor.id),
            actor_email: Some(self.actor.email.clone()),
            target,
            action,
        });
    }
}
