//! Groups of users and their license rules.
//!
//! A group may carry one rule: Large Meetings of a capacity, optionally with
//! the paid Zoom Workplace license. What each user holds is then a function
//! of the account's facts alone: the licenses given to the user directly,
//! the groups the user is in, their rules and the licenses owned
//! ([`Account::coverage`]). The function is applied after every change
//! ([`Account::settle`]), so the order in which members join, rules are set
//! and licenses are bought never matters, and nothing is ever given beyond
//! what is owned.
//!
//! How licenses are shared when there are fewer than members want:
//!
//! 1. What was given directly comes first: a direct assignment always keeps
//!    its seat (commands check seats before they assign directly).
//! 2. Zoom Workplace seats left after the direct ones go to the members of
//!    groups whose rule includes it, lowest user id (longest in the
//!    account) first.
//! 3. Large Meetings, largest capacity first: the free licenses of a
//!    capacity go to the paid members whose rules ask for it (and who do
//!    not already hold as much directly), lowest user id first. A member
//!    who gets none of the largest capacity their rules name is tried for
//!    the next one their rules name.
//!
//! A member a rule cannot cover is *waiting* ([`Account::waiting`]), with
//! the reason; buying licenses, freeing them or making the member Licensed
//! covers them at the next change.

pub use crate::ids::GroupId;
use crate::{Account, BaseLicense, Capacity, UserId};
use serde::Serialize;

/// The most characters of a group's name.
pub const MAX_GROUP_NAME_CHARS: usize = 64;

/// What a group gives its members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct GroupRule {
    pub capacity: Capacity,
    /// Also the paid Zoom Workplace license, so Basic members are covered.
    pub workplace: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    pub id: GroupId,
    pub name: String,
    pub rule: Option<GroupRule>,
}

/// A user's groups and what the groups give them. The user's `license`
/// and `large_meetings` are what they hold; these fields say which part of
/// that comes from a group, and what was given directly underneath.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Membership {
    /// The groups the user is in, ascending.
    pub groups: Vec<GroupId>,
    /// The group whose rule gives the user Zoom Workplace (their own
    /// license is Basic).
    pub license_from: Option<GroupId>,
    /// The group whose rule gives the user their Large Meetings.
    pub large_meetings_from: Option<GroupId>,
    /// Large Meetings given directly, while a group gives a larger one.
    pub direct_large_meetings: Option<Capacity>,
    /// When the Large Meetings given directly end, if given for a time
    /// ([`crate::Account::expire_due`]); kept here with the rest of what
    /// was given and how.
    pub until: Option<crate::Timestamp>,
}

impl Membership {
    pub fn contains(&self, group: GroupId) -> bool {
        self.groups.binary_search(&group).is_ok()
    }

    /// Joins `group`, keeping the groups ascending; false if already in it.
    pub(crate) fn join(&mut self, group: GroupId) -> bool {
        match self.groups.binary_search(&group) {
            Ok(_) => false,
            Err(at) => {
                self.groups.insert(at, group);
                true
            }
        }
    }

    /// Leaves `group`; false if not in it.
    pub(crate) fn leave(&mut self, group: GroupId) -> bool {
        match self.groups.binary_search(&group) {
            Ok(at) => {
                self.groups.remove(at);
                true
            }
            Err(_) => false,
        }
    }
}

/// Why a member is not (fully) covered by their group's rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WaitReason {
    /// Every license of the capacity is taken: `capacity` is what the rule
    /// gives.
    NotEnoughLicenses,
    /// The member is Basic and the rule does not include Zoom Workplace:
    /// only paid users can enable this feature.
    PaidLicenseNeeded,
    /// The rule includes Zoom Workplace but every seat is taken.
    NoWorkplaceSeat,
}

/// A member a group's rule does not cover, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Waiting {
    pub group: GroupId,
    pub user: UserId,
    pub capacity: Capacity,
    pub reason: WaitReason,
}

/// What one user holds after the rules are applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Held {
    pub license: BaseLicense,
    pub license_from: Option<GroupId>,
    pub large_meetings: Option<Capacity>,
    pub large_meetings_from: Option<GroupId>,
}

/// How many users lose what, when a group stops giving (see
/// [`Account::losses_without`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Losses {
    /// Users who would become Basic.
    pub license: u32,
    /// Users who would lose Large Meetings or hold a smaller capacity.
    pub large_meetings: u32,
}

/// One user's holdings changed by [`Account::settle`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settled {
    pub user: UserId,
    pub before: Held,
    pub after: Held,
}

/// A bit per capacity (500 is bit 0).
fn bit(capacity: Capacity) -> u8 {
    1 << (Capacity::ALL
        .iter()
        .position(|c| *c == capacity)
        .unwrap_or(0))
}

impl crate::User {
    /// The Zoom Workplace license given to the user directly.
    pub fn direct_license(&self) -> BaseLicense {
        if self.membership.license_from.is_some() {
            BaseLicense::Basic
        } else {
            self.license
        }
    }

    /// The Large Meetings given to the user directly.
    pub fn direct_large_meetings(&self) -> Option<Capacity> {
        if self.membership.large_meetings_from.is_some() {
            self.membership.direct_large_meetings
        } else {
            self.large_meetings
        }
    }

    /// Whether the Large Meetings given to the user for a time have ended
    /// by `now` ([`crate::Account::expire_due`] takes them back).
    pub fn expires_by(&self, now: crate::Timestamp) -> bool {
        self.membership.until.is_some_and(|until| until <= now)
    }

    /// What the user holds now.
    pub fn held(&self) -> Held {
        Held {
            license: self.license,
            license_from: self.membership.license_from,
            large_meetings: self.large_meetings,
            large_meetings_from: self.membership.large_meetings_from,
        }
    }

    /// Sets what the user holds, keeping what was given directly.
    pub(crate) fn hold(&mut self, held: Held) {
        let direct = self.direct_large_meetings();
        self.license = held.license;
        self.large_meetings = held.large_meetings;
        self.membership.license_from = held.license_from;
        self.membership.large_meetings_from = held.large_meetings_from;
        self.membership.direct_large_meetings = if held.large_meetings_from.is_some() {
            direct
        } else {
            None
        };
    }

    /// Gives the user `capacity` directly (or takes the direct one away);
    /// what a group gives stays until the rules are applied again. Returns
    /// the direct assignment before.
    pub(crate) fn set_direct_large_meetings(
        &mut self,
        capacity: Option<Capacity>,
    ) -> Option<Capacity> {
        // A new direct assignment is for good until told otherwise.
        self.membership.until = None;
        if self.membership.large_meetings_from.is_some() {
            std::mem::replace(&mut self.membership.direct_large_meetings, capacity)
        } else {
            std::mem::replace(&mut self.large_meetings, capacity)
        }
    }

    /// Sets the Zoom Workplace license given directly.
    pub(crate) fn set_direct_license(&mut self, license: BaseLicense) {
        self.membership.license_from = None;
        self.license = license;
    }
}

impl Account {
    pub fn group(&self, id: GroupId) -> Option<&Group> {
        let at = self.groups.binary_search_by_key(&id, |g| g.id).ok()?;
        Some(&self.groups[at])
    }

    pub fn group_by_name(&self, name: &str) -> Option<&Group> {
        let name = crate::text::lowercase(name.trim());
        self.groups
            .iter()
            .find(|g| crate::text::lowercase(&g.name) == name)
    }

    /// The rule of `group`, if the group exists and has one (and is not
    /// the group `without`).
    fn rule(&self, group: GroupId, without: Option<GroupId>) -> Option<GroupRule> {
        if Some(group) == without {
            return None;
        }
        self.group(group).and_then(|g| g.rule)
    }

    /// The first of `user`'s groups (lowest id) whose rule `fits`.
    fn first_rule(
        &self,
        user: &crate::User,
        without: Option<GroupId>,
        fits: impl Fn(GroupRule) -> bool,
    ) -> Option<GroupId> {
        user.membership
            .groups
            .iter()
            .copied()
            .find(|g| self.rule(*g, without).is_some_and(&fits))
    }

    /// The group's members, in the order of `users`.
    pub fn members(&self, group: GroupId) -> impl Iterator<Item = &crate::User> {
        self.users
            .iter()
            .filter(move |u| u.membership.contains(group))
    }

    /// What users would lose if `group` gave nothing (its rule removed or
    /// the group deleted): how many would lose Zoom Workplace, and how many
    /// would lose Large Meetings or hold a smaller one. Other groups and
    /// direct assignments count, as when the change is made.
    pub fn losses_without(&self, group: GroupId) -> Losses {
        let mut losses = Losses::default();
        for (user, after) in self.users.iter().zip(self.coverage_without(Some(group))) {
            if user.license == BaseLicense::Licensed && after.license == BaseLicense::Basic {
                losses.license += 1;
            }
            if after.large_meetings < user.large_meetings {
                losses.large_meetings += 1;
            }
        }
        losses
    }

    /// How many users groups may give `capacity` to: what stays assignable
    /// on its line.
    fn group_limit(&self, capacity: Capacity) -> u32 {
        self.line(capacity)
            .map_or(0, |l| l.quantity_after_renewal())
    }

    /// What every user holds under the account's rules, in the order of
    /// `users`: a function of the direct licenses, the memberships, the
    /// rules and the licenses owned only (see the module's documentation).
    pub fn coverage(&self) -> Vec<Held> {
        self.coverage_without(None)
    }

    /// [`Account::coverage`] as if the group `without` had no rule.
    fn coverage_without(&self, without: Option<GroupId>) -> Vec<Held> {
        let mut held: Vec<Held> = self
            .users
            .iter()
            .map(|u| Held {
                license: u.direct_license(),
                license_from: None,
                large_meetings: None,
                large_meetings_from: None,
            })
            .collect();
        let rules = self
            .groups
            .iter()
            .any(|g| g.rule.is_some() && Some(g.id) != without);
        // Zoom Workplace from rules, after the direct seats.
        let direct_seats = held
            .iter()
            .filter(|h| h.license == BaseLicense::Licensed)
            .count() as u32;
        let mut free = self.base_plan.seats.saturating_sub(direct_seats);
        for (user, h) in self.users.iter().zip(held.iter_mut()) {
            if free == 0 || !rules {
                break;
            }
            if h.license == BaseLicense::Licensed {
                continue;
            }
            let giver = self.first_rule(user, without, |r| r.workplace);
            if let Some(group) = giver {
                h.license = BaseLicense::Licensed;
                h.license_from = Some(group);
                free -= 1;
            }
        }
        // Large Meetings given directly, to those who are paid now.
        for (user, h) in self.users.iter().zip(held.iter_mut()) {
            if h.license == BaseLicense::Licensed {
                h.large_meetings = user.direct_large_meetings();
            }
        }
        if !rules {
            return held;
        }
        // The capacities each paid user's rules ask for beyond what they
        // hold directly, as bits.
        let wants: Vec<u8> = self
            .users
            .iter()
            .zip(&held)
            .map(|(user, h)| {
                if h.license != BaseLicense::Licensed {
                    return 0;
                }
                let direct = h.large_meetings;
                user.membership
                    .groups
                    .iter()
                    .filter_map(|g| self.rule(*g, without))
                    .filter(|r| Some(r.capacity) > direct)
                    .fold(0, |bits, r| bits | bit(r.capacity))
            })
            .collect();
        let mut upgraded = vec![false; self.users.len()];
        for capacity in Capacity::ALL.into_iter().rev() {
            let direct = held
                .iter()
                .zip(&upgraded)
                .filter(|(h, up)| !**up && h.large_meetings == Some(capacity))
                .count() as u32;
            let mut free = self.group_limit(capacity).saturating_sub(direct);
            for (i, user) in self.users.iter().enumerate() {
                if free == 0 {
                    break;
                }
                if upgraded[i] || wants[i] & bit(capacity) == 0 {
                    continue;
                }
                let giver = self.first_rule(user, without, |r| r.capacity == capacity);
                upgraded[i] = true;
                held[i].large_meetings = Some(capacity);
                held[i].large_meetings_from = giver;
                free -= 1;
            }
        }
        held
    }

    /// Applies the rules: every user holds what [`Account::coverage`]
    /// says. Returns the users whose holdings changed.
    pub fn settle(&mut self) -> Vec<Settled> {
        // Without rules, and with nothing given by one, everyone holds what
        // they were given directly: nothing to do (a scan, no allocation).
        let needs_work = self.groups.iter().any(|g| g.rule.is_some())
            || self.users.iter().any(|u| {
                u.membership.license_from.is_some() || u.membership.large_meetings_from.is_some()
            });
        if !needs_work {
            return Vec::new();
        }
        let coverage = self.coverage();
        let mut changed = Vec::new();
        for (user, after) in self.users.iter_mut().zip(coverage) {
            let before = user.held();
            if before != after {
                // A Basic user loses a direct Large Meetings for good.
                if after.license == BaseLicense::Basic && after.large_meetings.is_none() {
                    user.set_direct_large_meetings(None);
                }
                user.hold(after);
                changed.push(Settled {
                    user: user.id,
                    before,
                    after,
                });
            }
        }
        changed
    }

    /// The members that a rule does not cover, and why, by group then user.
    pub fn waiting(&self) -> Vec<Waiting> {
        let mut out = Vec::new();
        for group in &self.groups {
            let Some(rule) = group.rule else { continue };
            for user in &self.users {
                if !user.membership.contains(group.id) {
                    continue;
                }
                let covered = user.license == BaseLicense::Licensed
                    && user.large_meetings >= Some(rule.capacity);
                if covered {
                    continue;
                }
                let reason = match (user.license, rule.workplace) {
                    (BaseLicense::Licensed, _) => WaitReason::NotEnoughLicenses,
                    (BaseLicense::Basic, false) => WaitReason::PaidLicenseNeeded,
                    (BaseLicense::Basic, true) => WaitReason::NoWorkplaceSeat,
                };
                out.push(Waiting {
                    group: group.id,
                    user: user.id,
                    capacity: rule.capacity,
                    reason,
                });
            }
        }
        out
    }

    /// How many users wait for `capacity` under some rule (each once).
    pub fn waiting_for(&self, capacity: Capacity) -> u32 {
        let users: std::collections::HashSet<UserId> = self
            .waiting()
            .into_iter()
            .filter(|w| w.capacity == capacity && w.reason == WaitReason::NotEnoughLicenses)
            .map(|w| w.user)
            .collect();
        users.len() as u32
    }
}

crate::json_struct!(GroupRule {
    capacity,
    workplace
});
crate::json_struct!(Group { id, name, rule });
