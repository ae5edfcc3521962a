//! Groups: create, rename, delete, members in and out, the license rule;
//! and what the rules then change for each user ([`Account::settle`]),
//! logged with the group that caused it.

use super::Log;
use crate::audit::{AuditAction, AuditTarget};
use crate::billing::LineStatus;
use crate::group::{Held, Settled, MAX_GROUP_NAME_CHARS};
use crate::text::{self, TextProblem};
use crate::{Account, DomainError, Group, GroupId, GroupRule, UserId};

/// Automatic changes logged one entry per user up to this many users per
/// change; beyond it, one entry per group and change with the count, so a
/// rule over 20,000 members does not fill the browser's storage with log.
pub const MAX_AUTOMATIC_ENTRIES: usize = 100;

/// A usable group name (used or not) without surrounding spaces.
pub(crate) fn check_group_text(name: &str) -> Result<&str, DomainError> {
    text::check(name, MAX_GROUP_NAME_CHARS).map_err(|problem| match problem {
        TextProblem::Missing => DomainError::GroupNameMissing,
        TextProblem::TooLong { max } => DomainError::NameTooLong { max },
        TextProblem::HiddenCharacter => DomainError::HiddenCharacter,
    })
}

impl Account {
    /// The group `id` of this account, or an error naming it.
    fn existing_group(&self, id: GroupId) -> Result<&Group, DomainError> {
        self.group(id).ok_or(DomainError::UnknownGroup(id))
    }

    /// A usable, unused group name (`except` may keep its own).
    pub fn check_group_name<'n>(
        &self,
        name: &'n str,
        except: Option<GroupId>,
    ) -> Result<&'n str, DomainError> {
        let name = check_group_text(name)?;
        match self.group_by_name(name) {
            Some(taken) if Some(taken.id) != except => Err(DomainError::GroupNameTaken {
                name: taken.name.clone(),
            }),
            _ => Ok(name),
        }
    }

    pub(super) fn create_group(&mut self, log: &mut Log, name: &str) -> Result<(), DomainError> {
        let name = self.check_group_name(name, None)?.to_string();
        self.new_group(log, name);
        Ok(())
    }

    /// Adds a group of a checked, unused name.
    fn new_group(&mut self, log: &mut Log, name: String) -> GroupId {
        self.last_group_id += 1;
        let id = GroupId(self.last_group_id);
        self.groups.push(Group {
            id,
            name: name.clone(),
            rule: None,
        });
        log.push(AuditTarget::Named(name), AuditAction::GroupCreated);
        id
    }

    /// Puts each user in the group of its name (any case), creating the
    /// groups the account does not have (names checked before); logs each
    /// group's new members. Returns how many joined.
    pub(super) fn join_named(&mut self, log: &mut Log, joins: Vec<(UserId, String)>) -> u32 {
        let mut ids: std::collections::HashMap<String, GroupId> = (self.groups.iter())
            .map(|g| (crate::text::lowercase(&g.name), g.id))
            .collect();
        // Per group, in the order first named: how many joined.
        let mut joined: Vec<(GroupId, u32)> = Vec::new();
        for (user, name) in joins {
            let name = name.trim();
            let id = match ids.get(&crate::text::lowercase(name)) {
                Some(id) => *id,
                None => {
                    let id = self.new_group(log, name.to_string());
                    ids.insert(crate::text::lowercase(name), id);
                    id
                }
            };
            let at = match joined.iter().position(|(g, _)| *g == id) {
                Some(at) => at,
                None => {
                    joined.push((id, 0));
                    joined.len() - 1
                }
            };
            if self.user_mut(user).membership.join(id) {
                joined[at].1 += 1;
            }
        }
        let mut total = 0;
        for (id, count) in joined.into_iter().filter(|(_, count)| *count > 0) {
            total += count;
            let name = self.group_mut(id).name.clone();
            log.push(
                AuditTarget::Named(name),
                AuditAction::MembersAdded { count },
            );
        }
        total
    }

    pub(super) fn rename_group(
        &mut self,
        log: &mut Log,
        id: GroupId,
        name: &str,
    ) -> Result<(), DomainError> {
        self.existing_group(id)?;
        let name = self.check_group_name(name, Some(id))?.to_string();
        let group = self.group_mut(id);
        if group.name == name {
            return Ok(());
        }
        let from = std::mem::replace(&mut group.name, name.clone());
        log.push(AuditTarget::Named(name), AuditAction::GroupRenamed { from });
        Ok(())
    }

    /// Deletes a group: its members leave it, and keep what they were
    /// given directly or by other groups.
    pub(super) fn delete_group(&mut self, log: &mut Log, id: GroupId) -> Result<(), DomainError> {
        let name = self.existing_group(id)?.name.clone();
        // What the rule gave goes first, logged while the name is known.
        self.group_mut(id).rule = None;
        self.settle_and_log(log);
        let mut members = 0;
        for user in &mut self.users {
            if user.membership.leave(id) {
                members += 1;
            }
        }
        self.groups.retain(|g| g.id != id);
        log.push(
            AuditTarget::Named(name),
            AuditAction::GroupDeleted { members },
        );
        Ok(())
    }

    /// Adds users to a group: all or none; users already in it are skipped,
    /// and refused only if all of them are.
    pub(super) fn add_to_group(
        &mut self,
        log: &mut Log,
        id: GroupId,
        users: Vec<UserId>,
    ) -> Result<(), DomainError> {
        let group = self.existing_group(id)?.name.clone();
        let members = self.distinct_members(users)?;
        let joining: Vec<UserId> = members
            .iter()
            .filter(|u| !u.membership.contains(id))
            .map(|u| u.id)
            .collect();
        if joining.is_empty() {
            return Err(DomainError::AlreadyInGroup { group });
        }
        for user in &joining {
            self.user_mut(*user).membership.join(id);
        }
        log.push(
            AuditTarget::Named(group),
            AuditAction::MembersAdded {
                count: joining.len() as u32,
            },
        );
        Ok(())
    }

    /// Takes users out of a group: all or none.
    pub(super) fn remove_from_group(
        &mut self,
        log: &mut Log,
        id: GroupId,
        users: Vec<UserId>,
    ) -> Result<(), DomainError> {
        let group = self.existing_group(id)?.name.clone();
        let members = self.distinct_members(users)?;
        if let Some(outsider) = members.iter().find(|u| !u.membership.contains(id)) {
            return Err(DomainError::NotInGroup {
                user: outsider.email.clone(),
                group,
            });
        }
        let leaving: Vec<UserId> = members.iter().map(|u| u.id).collect();
        for user in &leaving {
            self.user_mut(*user).membership.leave(id);
        }
        log.push(
            AuditTarget::Named(group),
            AuditAction::MembersRemoved {
                count: leaving.len() as u32,
            },
        );
        Ok(())
    }

    /// Sets, changes or removes a group's rule. The capacity must be owned
    /// and not ending; members it cannot cover wait (see [`Account::waiting`]).
    pub(super) fn set_group_rule(
        &mut self,
        log: &mut Log,
        id: GroupId,
        rule: Option<GroupRule>,
    ) -> Result<(), DomainError> {
        let group = self.existing_group(id)?;
        if group.rule == rule {
            return Err(DomainError::RuleUnchanged {
                group: group.name.clone(),
            });
        }
        if let Some(rule) = rule {
            let line = self
                .line(rule.capacity)
                .ok_or(DomainError::CapacityNotOwned {
                    capacity: rule.capacity,
                })?;
            if line.status == LineStatus::PendingCancellation {
                return Err(DomainError::LineEnding {
                    capacity: rule.capacity,
                    ends_on: line.term.renews_on(),
                });
            }
        }
        let group = self.group_mut(id);
        group.rule = rule;
        let name = group.name.clone();
        log.push(AuditTarget::Named(name), AuditAction::GroupRuleSet { rule });
        Ok(())
    }

    fn group_mut(&mut self, id: GroupId) -> &mut Group {
        let at = self
            .groups
            .binary_search_by_key(&id, |g| g.id)
            .expect("checked before the change");
        &mut self.groups[at]
    }

    /// The name of the group that caused a change from `before` to `after`.
    fn cause(&self, before: &Held, after: &Held) -> String {
        let group = after
            .large_meetings_from
            .or(before.large_meetings_from)
            .or(after.license_from)
            .or(before.license_from);
        group
            .and_then(|g| self.group(g))
            .map(|g| g.name.clone())
            .unwrap_or_default()
    }

    /// Applies the rules after a change and logs what they changed.
    pub(super) fn settle_and_log(&mut self, log: &mut Log) {
        let settled = self.settle();
        for (target, action) in self.settled_entries(&settled) {
            log.push(target, action);
        }
    }

    /// The log entries of what the rules changed: one per user and change,
    /// or per group and change with the count above
    /// [`MAX_AUTOMATIC_ENTRIES`] users.
    pub(super) fn settled_entries(&self, settled: &[Settled]) -> Vec<(AuditTarget, AuditAction)> {
        let mut changes = Vec::new();
        for change in settled {
            let Some(user) = self.user(change.user) else {
                continue;
            };
            let group = self.cause(&change.before, &change.after);
            if change.before.license != change.after.license {
                let action = AuditAction::WorkplaceByGroup {
                    group: group.clone(),
                    license: change.after.license,
                };
                changes.push((user.email.clone(), action));
            }
            if change.before.large_meetings != change.after.large_meetings {
                let action = AuditAction::LargeMeetingsByGroup {
                    group,
                    capacity: change.after.large_meetings,
                    previous: change.before.large_meetings,
                };
                changes.push((user.email.clone(), action));
            }
        }
        // The action names the group, so counting by action counts by group.
        super::user_entries(changes, settled.len() <= MAX_AUTOMATIC_ENTRIES)
    }
}
