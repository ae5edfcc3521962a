//! Undo: a change to users, licenses, groups or meetings taken back, as a
//! change of its own.
//!
//! [`Account::execute_undoable`] runs a command like
//! [`Account::execute`] and also returns a [`Change`]: every user, group
//! and meeting the command changed (its direct effect and what the groups'
//! rules did after it), as it was before and after, and the log entries it
//! wrote. [`Account::undo`] puts back the `before` of each, all or nothing,
//! and logs one [`AuditAction::Undone`] per entry of the change, linked to
//! it. It is refused, changing nothing, when the account has moved on in a
//! way that conflicts:
//!
//! - a user, group or meeting of the change is not as the change left it
//!   (a later change to it, named by its log entry so that one can be
//!   undone first; or it was removed since);
//! - putting a license back needs one that is no longer free (taken since,
//!   or the line was reduced since), or a paid seat that is taken;
//! - a user to take away hosts meetings now, or an email or group name to
//!   bring back is used by someone else now;
//! - the change was undone already.
//!
//! Purchases and the billing commands are not undone (orders are billing;
//! a pending reduction or cancellation has its own undo), nor is a
//! password change. An undo is itself a change: it can be undone.

use super::{Command, Log, Outcome};
use crate::audit::{AuditAction, AuditTarget};
use crate::backup::{check_rules, RuleBreak};
use crate::{Account, Capacity, DomainError, Email, Group, Meeting, Timestamp, User, UserId};
use thiserror::Error;

/// One thing as a change found it and left it (`None`: not there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diff<T> {
    pub before: Option<T>,
    pub after: Option<T>,
}

impl<T> Diff<T> {
    /// The thing as the change left it, or as it found it if the change
    /// took it away (a diff has at least one side).
    fn side(&self) -> &T {
        self.after
            .as_ref()
            .or(self.before.as_ref())
            .expect("a diff has a side")
    }
}

/// What one change did: enough to take it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Its log entries are `audit[first_entry..first_entry + entries]`.
    pub first_entry: usize,
    pub entries: usize,
    /// The users, groups and meetings it changed, by id.
    pub users: Vec<Diff<User>>,
    pub groups: Vec<Diff<Group>>,
    pub meetings: Vec<Diff<Meeting>>,
    /// How many users each Large Meetings line let hold it then (a line
    /// reduced since is named as such when an undo needs its licenses).
    pub assignable: Vec<(Capacity, u32)>,
}

/// A change as stored, to undo it later: the users before and after as
/// user chunks (the stored form of users), groups and meetings as JSON.
struct Stored {
    first_entry: usize,
    entries: usize,
    users_before: Vec<(u32, String)>,
    users_after: Vec<(u32, String)>,
    groups: Vec<(Option<Group>, Option<Group>)>,
    meetings: Vec<(Option<Meeting>, Option<Meeting>)>,
    assignable: Vec<(Capacity, u32)>,
}

crate::json_struct!(Stored {
    first_entry,
    entries,
    users_before,
    users_after,
    groups,
    meetings,
    assignable
});

fn pairs<T: Clone>(diffs: &[Diff<T>]) -> Vec<(Option<T>, Option<T>)> {
    (diffs.iter())
        .map(|d| (d.before.clone(), d.after.clone()))
        .collect()
}

fn diffs<T>(pairs: Vec<(Option<T>, Option<T>)>) -> Result<Vec<Diff<T>>, String> {
    (pairs.into_iter())
        .map(|(before, after)| match (before, after) {
            (None, None) => Err("a diff without a side".to_string()),
            (before, after) => Ok(Diff { before, after }),
        })
        .collect()
}

impl Change {
    /// The stored form (JSON), read back by [`Change::decode`].
    pub fn encode(&self) -> String {
        let side = |after: bool| -> Vec<User> {
            (self.users.iter())
                .filter_map(|d| if after { &d.after } else { &d.before }.clone())
                .collect()
        };
        crate::json::to_string(&Stored {
            first_entry: self.first_entry,
            entries: self.entries,
            users_before: crate::persist::encode_users(&side(false)),
            users_after: crate::persist::encode_users(&side(true)),
            groups: pairs(&self.groups),
            meetings: pairs(&self.meetings),
            assignable: self.assignable.clone(),
        })
    }

    /// A change [`Change::encode`] stored; damaged text is refused.
    pub fn decode(text: &str) -> Result<Self, String> {
        let stored: Stored = crate::json::from_str(text).map_err(|e| e.to_string())?;
        let before = crate::persist::decode_user_chunks(&stored.users_before)?;
        let after = crate::persist::decode_user_chunks(&stored.users_after)?;
        Ok(Change {
            first_entry: stored.first_entry,
            entries: stored.entries,
            // Each side is ordered by id, and a change holds no user as it
            // was: pairing them up by id gives the change's users back.
            users: diff(&before, &after, |u| u.id),
            groups: diffs(stored.groups)?,
            meetings: diffs(stored.meetings)?,
            assignable: stored.assignable,
        })
    }
}

/// Why an undo is refused. Nothing changes when one is returned.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum UndoRefusal {
    /// The person may not make the change (or its undo).
    #[error("{0}")]
    NotAllowed(DomainError),
    /// Not a change that is undone: a purchase, a billing change, a
    /// password, or no change at all.
    #[error("not a change that can be undone")]
    NotUndoable,
    /// The log entry at `entry` undid it already.
    #[error("undone already by log entry {entry}")]
    AlreadyUndone { entry: usize },
    /// `target` was changed since; `entry` is the latest log entry about
    /// it, if one names it (undo that one first).
    #[error("{} changed since (log entry {entry:?})", target.stored())]
    ChangedSince {
        target: AuditTarget,
        entry: Option<usize>,
    },
    /// The user was removed since.
    #[error("{email} was removed since (log entry {entry:?})")]
    UserRemoved { email: Email, entry: Option<usize> },
    /// The email of a user to bring back belongs to someone else now.
    #[error("{email} is someone else's now")]
    EmailTaken { email: Email },
    /// The name of a group to bring back is another group's now.
    #[error("a group is named {name} now")]
    GroupNameTaken { name: String },
    /// A user the undo would take away hosts meetings now.
    #[error("{email} hosts meetings now")]
    HostsMeetings { email: Email },
    /// No license of `capacity` is free for a user to get back: the
    /// licenses were given to others since.
    #[error("no Large Meetings {capacity} license is free")]
    LicenseTaken { capacity: Capacity },
    /// The line of `capacity` was reduced (or is being cancelled) since.
    #[error("the Large Meetings {capacity} line was reduced since")]
    LineReduced { capacity: Capacity },
    /// No paid Zoom Workplace seat is free for a user to get back.
    #[error("no paid seat is free")]
    SeatTaken,
    /// Another rule of the portal would break.
    #[error("{0}")]
    Rule(RuleBreak),
}

impl Command {
    /// Whether the change this command makes can be undone.
    pub fn undoable(&self) -> bool {
        !matches!(
            self,
            Command::PurchaseLargeMeetings { .. }
                | Command::AddBaseSeats { .. }
                | Command::ReduceLine { .. }
                | Command::CancelLine { .. }
                | Command::UndoPendingChange { .. }
                | Command::ChangePassword { .. }
        )
    }
}

/// The things of `before` and `after` (both ordered by `key`) that differ.
fn diff<T: Clone + PartialEq, K: Ord>(
    before: &[T],
    after: &[T],
    key: impl Fn(&T) -> K,
) -> Vec<Diff<T>> {
    let mut out = Vec::new();
    let (mut b, mut a) = (before.iter().peekable(), after.iter().peekable());
    loop {
        let order = match (b.peek(), a.peek()) {
            (None, None) => break,
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some(x), Some(y)) => key(x).cmp(&key(y)),
        };
        let (before, after) = match order {
            std::cmp::Ordering::Less => (b.next(), None),
            std::cmp::Ordering::Greater => (None, a.next()),
            std::cmp::Ordering::Equal => (b.next(), a.next()),
        };
        if before != after {
            out.push(Diff {
                before: before.cloned(),
                after: after.cloned(),
            });
        }
    }
    out
}

/// Puts `value` (or nothing) in the place of the thing with `key` in
/// `list`, ordered by `key`.
fn put<T, K: Ord>(list: &mut Vec<T>, key: impl Fn(&T) -> K, id: K, value: Option<T>) {
    match (list.binary_search_by(|t| key(t).cmp(&id)), value) {
        (Ok(at), Some(value)) => list[at] = value,
        (Ok(at), None) => {
            list.remove(at);
        }
        (Err(at), Some(value)) => list.insert(at, value),
        (Err(_), None) => {}
    }
}

/// Meetings by id (the order they are kept in, checked rather than assumed;
/// ids are unique, so an unstable sort keeps the same order).
fn by_id(mut meetings: Vec<Meeting>) -> Vec<Meeting> {
    meetings.sort_unstable_by_key(|m| m.id);
    meetings
}

/// The account's users, groups and meetings, as a change starts.
struct Before {
    users: Vec<User>,
    groups: Vec<Group>,
    meetings: Vec<Meeting>,
    first_entry: usize,
    assignable: Vec<(Capacity, u32)>,
}

impl Account {
    fn before(&self) -> Before {
        Before {
            users: self.users.clone(),
            groups: self.groups.clone(),
            meetings: self.meetings.clone(),
            first_entry: self.audit.len(),
            assignable: (self.large_meetings.iter())
                .map(|l| (l.capacity, l.quantity_after_renewal()))
                .collect(),
        }
    }

    /// What changed since `before`.
    fn change_since(&self, before: Before) -> Change {
        Change {
            first_entry: before.first_entry,
            entries: self.audit.len() - before.first_entry,
            users: diff(&before.users, &self.users, |u| u.id),
            groups: diff(&before.groups, &self.groups, |g| g.id),
            meetings: diff(
                &by_id(before.meetings),
                &by_id(self.meetings.clone()),
                |m| m.id,
            ),
            assignable: before.assignable,
        }
    }

    /// Puts back what `before` holds, when a change is refused half-way.
    fn restore(&mut self, before: Before) {
        self.users = before.users;
        self.groups = before.groups;
        self.meetings = before.meetings;
        self.audit.truncate(before.first_entry);
    }

    /// [`Account::execute`], and what the change did, to undo it later
    /// (`None` for the changes that are not undone).
    pub fn execute_undoable(
        &mut self,
        actor: UserId,
        now: Timestamp,
        command: Command,
    ) -> Result<(Outcome, Option<Change>), DomainError> {
        if !command.undoable() {
            return self.execute(actor, now, command).map(|o| (o, None));
        }
        let before = self.before();
        let outcome = self.execute(actor, now, command)?;
        let change = self.change_since(before);
        Ok((outcome, Some(change)))
    }

    /// Takes `change` back for `actor` at `now` (see the module's
    /// documentation): what the undo wrote to the log, and the undo as a
    /// change of its own.
    pub fn undo(
        &mut self,
        actor: UserId,
        now: Timestamp,
        change: &Change,
    ) -> Result<(Outcome, Change), UndoRefusal> {
        let actor_user = self
            .user(actor)
            .ok_or(UndoRefusal::NotAllowed(DomainError::UnknownUser(actor)))?
            .clone();
        // Someone who may not make changes to users may only take back a
        // meeting of their own.
        let own_meetings = change.users.is_empty()
            && change.groups.is_empty()
            && (change.meetings.iter())
                .flat_map(|d| [&d.before, &d.after])
                .flatten()
                .all(|m| m.host == actor);
        if !own_meetings && !actor_user.can_manage_users() {
            return Err(UndoRefusal::NotAllowed(DomainError::NeedsUserAdmin));
        }
        let end = change.first_entry + change.entries;
        if change.entries == 0 || end > self.audit.len() {
            return Err(UndoRefusal::NotUndoable);
        }
        let undone = (self.audit[end..].iter().enumerate()).find(|(_, e)| {
            matches!(e.action, AuditAction::Undone { entry, .. }
                if (change.first_entry..end).contains(&(entry as usize)))
        });
        if let Some((at, _)) = undone {
            return Err(UndoRefusal::AlreadyUndone { entry: end + at });
        }
        self.check_unchanged(change, end)?;
        let before = self.before();
        match self.put_back(change, &actor_user, now) {
            Ok(()) => {
                let entries = self.audit[before.first_entry..].to_vec();
                let change = self.change_since(before);
                Ok((
                    Outcome {
                        entries,
                        order: None,
                    },
                    change,
                ))
            }
            Err(refusal) => {
                self.restore(before);
                Err(refusal)
            }
        }
    }

    /// The latest log entry after `from` about `target`.
    fn latest_about(&self, target: &AuditTarget, from: usize) -> Option<usize> {
        (from..self.audit.len())
            .rev()
            .find(|at| &self.audit[*at].target == target)
    }

    /// Refuses when a user, group or meeting of `change` is not as the
    /// change left it.
    fn check_unchanged(&self, change: &Change, end: usize) -> Result<(), UndoRefusal> {
        for d in &change.users {
            let now = self.user(d.side().id);
            if now == d.after.as_ref() {
                continue;
            }
            let email = d.side().email.clone();
            let entry = self.latest_about(&AuditTarget::User(email.clone()), end);
            return Err(match now {
                None => UndoRefusal::UserRemoved { email, entry },
                Some(_) => UndoRefusal::ChangedSince {
                    target: AuditTarget::User(email),
                    entry,
                },
            });
        }
        for d in &change.groups {
            let group = d.side();
            if self.group(group.id) != d.after.as_ref() {
                let target = AuditTarget::Named(group.name.clone());
                let entry = self.latest_about(&target, end);
                return Err(UndoRefusal::ChangedSince { target, entry });
            }
        }
        for d in &change.meetings {
            let meeting = d.side();
            let now = self.meetings.iter().find(|m| m.id == meeting.id);
            if now != d.after.as_ref() {
                let target = AuditTarget::Named(meeting.topic.clone());
                let entry = self.latest_about(&target, end);
                return Err(UndoRefusal::ChangedSince { target, entry });
            }
        }
        Ok(())
    }

    /// Puts each `before` of `change` back, settles the groups' rules and
    /// logs the undo; the caller restores the account if this refuses.
    fn put_back(
        &mut self,
        change: &Change,
        actor: &User,
        now: Timestamp,
    ) -> Result<(), UndoRefusal> {
        for d in &change.meetings {
            let id = d.side().id;
            // Meetings are kept in the order they were scheduled (by id).
            match (
                self.meetings.iter().position(|m| m.id == id),
                d.before.clone(),
            ) {
                (Some(at), Some(meeting)) => self.meetings[at] = meeting,
                (Some(at), None) => {
                    self.meetings.remove(at);
                }
                (None, Some(meeting)) => {
                    let at = (self.meetings.iter())
                        .position(|m| m.id > id)
                        .unwrap_or(self.meetings.len());
                    self.meetings.insert(at, meeting);
                }
                (None, None) => {}
            }
        }
        for d in &change.groups {
            put(&mut self.groups, |g| g.id, d.side().id, d.before.clone());
        }
        for d in &change.users {
            let id = d.side().id;
            if d.before.is_none() && self.meetings.iter().any(|m| m.host == id) {
                let email = d.side().email.clone();
                return Err(UndoRefusal::HostsMeetings { email });
            }
            put(&mut self.users, |u| u.id, id, d.before.clone());
        }
        let mut log = Log {
            at: now,
            actor,
            entries: Vec::new(),
        };
        for at in change.first_entry..change.first_entry + change.entries {
            let entry = &self.audit[at];
            let action = AuditAction::Undone {
                entry: at as u32,
                category: entry.category(),
            };
            log.push(entry.target.clone(), action);
        }
        self.settle_and_log(&mut log);
        check_rules(self).map_err(|rule| self.refusal(change, rule))?;
        self.audit.extend(log.entries);
        Ok(())
    }

    /// The refusal of an undo that would break `rule`.
    fn refusal(&self, change: &Change, rule: RuleBreak) -> UndoRefusal {
        match rule {
            RuleBreak::LargeMeetingsOverOwned { capacity, .. } => {
                let now = self
                    .line(capacity)
                    .map_or(0, |l| l.quantity_after_renewal());
                let then = (change.assignable.iter())
                    .find(|(c, _)| *c == capacity)
                    .map_or(0, |(_, n)| *n);
                if now < then {
                    UndoRefusal::LineReduced { capacity }
                } else {
                    UndoRefusal::LicenseTaken { capacity }
                }
            }
            RuleBreak::PaidSeatsOverUsed { .. } => UndoRefusal::SeatTaken,
            RuleBreak::EmailTwice { email } => UndoRefusal::EmailTaken { email },
            RuleBreak::GroupNameTwice { name } => UndoRefusal::GroupNameTaken { name },
            rule => UndoRefusal::Rule(rule),
        }
    }
}
