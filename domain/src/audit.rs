//! The Admin Activity Log: every change, who made it, when.

use crate::csv_out::CsvOut;
use crate::import::csv_cell;
use crate::{
    BaseLicense, BillingCycle, Capacity, Day, Email, GroupRule, Money, Role, Timestamp, UserId,
};
use serde::{Serialize, Serializer};
use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum AuditCategory {
    /// Purchases, plan changes, renewals.
    Billing,
    /// Assigning and removing licenses.
    License,
    /// Adding users, changing roles.
    User,
    /// Scheduling meetings.
    Meeting,
}

impl AuditCategory {
    pub const ALL: [AuditCategory; 4] = [
        AuditCategory::Billing,
        AuditCategory::License,
        AuditCategory::User,
        AuditCategory::Meeting,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            AuditCategory::Billing => "Billing",
            AuditCategory::License => "License",
            AuditCategory::User => "User",
            AuditCategory::Meeting => "Meeting",
        }
    }
}

/// Why a user's Large Meetings license was removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum RemovalReason {
    Requested,
    /// The user was made Basic, and only paid users may hold the add-on.
    BecameBasic,
    /// It was given until a moment that has come.
    Expired,
}

/// What became of a removed user's meetings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum MeetingsAfterRemoval {
    None,
    Transferred { count: usize, to: Email },
    Cancelled { count: usize },
}

/// What happened, as data; the UI words it in the reader's language
/// (`messages::audit_details`), on screen and in the CSV export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum AuditAction {
    LargeMeetingsPurchased {
        capacity: Capacity,
        quantity: u32,
        cycle: BillingCycle,
        amount: Money,
        added_to_line: bool,
    },
    BaseSeatsPurchased {
        quantity: u32,
        amount: Money,
    },
    LargeMeetingsAssigned {
        capacity: Capacity,
        previous: Option<Capacity>,
    },
    /// Given until a moment (taken back then, logged as removed with
    /// [`RemovalReason::Expired`]).
    LargeMeetingsAssignedUntil {
        capacity: Capacity,
        previous: Option<Capacity>,
        until: Timestamp,
    },
    LargeMeetingsRemoved {
        capacity: Capacity,
        reason: RemovalReason,
    },
    BaseLicenseChanged {
        from: BaseLicense,
        to: BaseLicense,
    },
    ReductionScheduled {
        capacity: Capacity,
        from: u32,
        to: u32,
        on: Day,
    },
    CancellationScheduled {
        capacity: Capacity,
        on: Day,
    },
    PendingChangeUndone {
        capacity: Capacity,
    },
    LineRenewed {
        capacity: Capacity,
        quantity: u32,
        amount: Money,
    },
    LineEnded {
        capacity: Capacity,
    },
    UserAdded {
        license: BaseLicense,
        role: Role,
    },
    RoleChanged {
        from: Role,
        to: Role,
    },
    UserRemoved {
        license: BaseLicense,
        large_meetings: Option<Capacity>,
        meetings: MeetingsAfterRemoval,
    },
    MeetingScheduled {
        topic: String,
    },
    UsersImported {
        count: u32,
    },
    /// Users changed by an update import (the target counts them).
    UsersUpdated {
        count: u32,
    },
    /// A person changed their own password (the target is their email).
    PasswordChanged,
    /// The target is the group's name, here and below.
    GroupCreated,
    GroupRenamed {
        from: String,
    },
    GroupDeleted {
        members: u32,
    },
    MembersAdded {
        count: u32,
    },
    MembersRemoved {
        count: u32,
    },
    /// `None`: the rule was removed.
    GroupRuleSet {
        rule: Option<GroupRule>,
    },
    /// A user's Zoom Workplace license, given or taken by `group`'s rule.
    WorkplaceByGroup {
        group: String,
        license: BaseLicense,
    },
    /// A user's Large Meetings, changed by `group`'s rule (or by what the
    /// rules left when the group stopped giving it).
    LargeMeetingsByGroup {
        group: String,
        capacity: Option<Capacity>,
        previous: Option<Capacity>,
    },
    /// The log entry at index `entry` was undone (see
    /// [`crate::command::undo`]); its category is kept for the log's filter.
    /// An undo is worded from the entry it undoes.
    Undone {
        entry: u32,
        category: AuditCategory,
    },
}

impl AuditAction {
    pub const fn category(&self) -> AuditCategory {
        match self {
            AuditAction::LargeMeetingsPurchased { .. }
            | AuditAction::BaseSeatsPurchased { .. }
            | AuditAction::ReductionScheduled { .. }
            | AuditAction::CancellationScheduled { .. }
            | AuditAction::PendingChangeUndone { .. }
            | AuditAction::LineRenewed { .. }
            | AuditAction::LineEnded { .. } => AuditCategory::Billing,
            AuditAction::LargeMeetingsAssigned { .. }
            | AuditAction::LargeMeetingsAssignedUntil { .. }
            | AuditAction::LargeMeetingsRemoved { .. }
            | AuditAction::BaseLicenseChanged { .. }
            | AuditAction::WorkplaceByGroup { .. }
            | AuditAction::LargeMeetingsByGroup { .. } => AuditCategory::License,
            AuditAction::UserAdded { .. }
            | AuditAction::RoleChanged { .. }
            | AuditAction::UserRemoved { .. }
            | AuditAction::UsersImported { .. }
            | AuditAction::UsersUpdated { .. }
            | AuditAction::PasswordChanged
            | AuditAction::GroupCreated
            | AuditAction::GroupRenamed { .. }
            | AuditAction::GroupDeleted { .. }
            | AuditAction::MembersAdded { .. }
            | AuditAction::MembersRemoved { .. }
            | AuditAction::GroupRuleSet { .. } => AuditCategory::User,
            AuditAction::MeetingScheduled { .. } => AuditCategory::Meeting,
            AuditAction::Undone { category, .. } => *category,
        }
    }
}

/// What a log entry was done to.
///
/// Stored as the text earlier versions stored in its place ("Large Meetings
/// 3000", "1 user", "50000 users", an email, a plan's name, a meeting's
/// topic) and read back through [`AuditTarget::parse`], so logs written
/// before and after it was typed both load.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum AuditTarget {
    /// A Large Meetings line.
    Line(Capacity),
    /// The users of an import.
    Imported { count: u32 },
    /// A user, by email.
    User(Email),
    /// Anything else, by its name: the base plan, a meeting's topic.
    Named(String),
}

impl AuditTarget {
    /// The target as stored: "Large Meetings 3000", "1 user", "50000 users",
    /// an email or a name as it is.
    pub fn stored(&self) -> Cow<'_, str> {
        match self {
            AuditTarget::Line(capacity) => {
                format!("Large Meetings {}", capacity.participants()).into()
            }
            AuditTarget::Imported { count: 1 } => "1 user".into(),
            AuditTarget::Imported { count } => format!("{count} users").into(),
            AuditTarget::User(email) => email.as_str().into(),
            AuditTarget::Named(name) => name.as_str().into(),
        }
    }

    /// Reads a stored target. Text that a typed target would store
    /// differently stays [`AuditTarget::Named`], so every stored text is
    /// written back as it was read; only the "1 users" of older logs is
    /// read as one imported user.
    pub fn parse(stored: &str) -> Self {
        if stored == "1 users" {
            return AuditTarget::Imported { count: 1 };
        }
        let line = stored
            .strip_prefix("Large Meetings ")
            .and_then(|n| n.parse::<u32>().ok())
            .and_then(|n| Capacity::from_participants(n).ok());
        let imported = || {
            stored
                .strip_suffix(" users")
                .or_else(|| stored.strip_suffix(" user"))
                .and_then(|n| n.parse::<u32>().ok())
        };
        let typed = match (line, imported()) {
            (Some(capacity), _) => AuditTarget::Line(capacity),
            (None, Some(count)) => AuditTarget::Imported { count },
            (None, None) => match Email::parse(stored) {
                Ok(email) => AuditTarget::User(email),
                Err(_) => return AuditTarget::Named(stored.to_string()),
            },
        };
        if typed.stored() == stored {
            typed
        } else {
            AuditTarget::Named(stored.to_string())
        }
    }
}

impl Serialize for AuditTarget {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.stored())
    }
}

/// One line of the Admin Activity Log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub at: Timestamp,
    /// Who did it; `None` for what the portal did by itself (renewals).
    pub actor: Option<UserId>,
    pub actor_email: Option<Email>,
    /// What it was done to: a user, a Large Meetings line, an import...
    pub target: AuditTarget,
    pub action: AuditAction,
}

impl AuditEntry {
    pub fn category(&self) -> AuditCategory {
        self.action.category()
    }

    /// What the portal did by itself at `at` (a renewal, an expiry): no
    /// actor.
    pub fn by_portal(at: Timestamp, target: AuditTarget, action: AuditAction) -> Self {
        AuditEntry {
            at,
            actor: None,
            actor_email: None,
            target,
            action,
        }
    }
}

/// Which log entries to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// First day shown (inclusive, UTC).
    pub from: Option<Day>,
    /// Last day shown (inclusive, UTC).
    pub to: Option<Day>,
    pub category: Option<AuditCategory>,
    /// Part of the actor's or the target's email, any case.
    pub email: Option<String>,
}

impl AuditFilter {
    pub fn matches(&self, entry: &AuditEntry) -> bool {
        let day = Day::of(entry.at);
        let email = self
            .email
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty());
        self.from.is_none_or(|from| day >= from)
            && self.to.is_none_or(|to| day <= to)
            && self.category.is_none_or(|c| entry.category() == c)
            && email.is_none_or(|needle| {
                let needle = crate::text::lowercase(needle);
                crate::text::lowercase(&entry.target.stored()).contains(&needle)
                    || entry
                        .actor_email
                        .as_ref()
                        .is_some_and(|a| a.as_str().contains(&needle))
            })
    }
}

/// A table as CSV: a heading row, then the rows. Cells a spreadsheet would
/// run as formulas are defused ([`crate::import::csv_cell`]).
pub fn csv_table<const N: usize>(
    headings: [&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> String {
    let mut writer = CsvOut::new();
    writer.record(headings.map(csv_cell));
    for row in rows {
        writer.record(row.iter().map(|cell| csv_cell(cell)));
    }
    writer.into_string()
}

crate::json_enum!(RemovalReason {
    Requested,
    BecameBasic,
    Expired
});

crate::json_enum!(MeetingsAfterRemoval {
    None,
    Transferred { count, to },
    Cancelled { count },
});

crate::json_enum!(AuditAction {
    LargeMeetingsPurchased { capacity, quantity, cycle, amount, added_to_line },
    BaseSeatsPurchased { quantity, amount },
    LargeMeetingsAssigned { capacity, previous },
    LargeMeetingsAssignedUntil { capacity, previous, until },
    LargeMeetingsRemoved { capacity, reason },
    BaseLicenseChanged { from, to },
    ReductionScheduled { capacity, from, to, on },
    CancellationScheduled { capacity, on },
    PendingChangeUndone { capacity },
    LineRenewed { capacity, quantity, amount },
    LineEnded { capacity },
    UserAdded { license, role },
    RoleChanged { from, to },
    UserRemoved { license, large_meetings, meetings },
    MeetingScheduled { topic },
    UsersImported { count },
    PasswordChanged,
    UsersUpdated { count },
    GroupCreated,
    GroupRenamed { from },
    GroupDeleted { members },
    MembersAdded { count },
    MembersRemoved { count },
    GroupRuleSet { rule },
    WorkplaceByGroup { group, license },
    LargeMeetingsByGroup { group, capacity, previous },
    Undone { entry, category },
});

crate::json_enum!(AuditCategory {
    Billing,
    License,
    User,
    Meeting
});

impl crate::json::Decode for AuditTarget {
    fn decode(r: &mut crate::json::Reader<'_>) -> crate::json::Result<Self> {
        Ok(AuditTarget::parse(&r.str()?))
    }
}

impl crate::json::Encode for AuditTarget {
    fn encode(&self, out: &mut String) {
        crate::json::write_str(out, &self.stored())
    }
}

crate::json_struct!(AuditEntry {
    at,
    actor,
    actor_email,
    target,
    action
});

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(target: AuditTarget) -> AuditEntry {
        AuditEntry {
            at: Timestamp(1_800_000_000_000),
            actor: Some(UserId(1)),
            actor_email: Some(Email::parse("owner@acme.example").unwrap()),
            target,
            action: AuditAction::PasswordChanged,
        }
    }

    /// One of each action, as the stored log holds them; the match below
    /// has no wildcard, so a new action fails to compile until it is here.
    fn one_of_each_action() -> Vec<AuditAction> {
        use AuditAction as A;
        let email = Email::parse("liam@acme.example").unwrap();
        let actions = vec![
            A::LargeMeetingsPurchased {
                capacity: Capacity::P1000,
                quantity: 3,
                cycle: BillingCycle::Annual,
                amount: Money::from_cents(-12_345),
                added_to_line: true,
            },
            A::BaseSeatsPurchased {
                quantity: 2,
                amount: Money::from_cents(99),
            },
            A::LargeMeetingsAssigned {
                capacity: Capacity::P500,
                previous: None,
            },
            A::LargeMeetingsAssigned {
                capacity: Capacity::P5000,
                previous: Some(Capacity::P3000),
            },
            A::LargeMeetingsAssignedUntil {
                capacity: Capacity::P1000,
                previous: Some(Capacity::P500),
                until: Timestamp(1_800_003_600_000),
            },
            A::LargeMeetingsRemoved {
                capacity: Capacity::P500,
                reason: RemovalReason::BecameBasic,
            },
            A::LargeMeetingsRemoved {
                capacity: Capacity::P1000,
                reason: RemovalReason::Expired,
            },
            A::BaseLicenseChanged {
                from: BaseLicense::Basic,
                to: BaseLicense::Licensed,
            },
            A::ReductionScheduled {
                capacity: Capacity::P3000,
                from: 5,
                to: 2,
                on: Day::from_days_since_epoch(20_000),
            },
            A::CancellationScheduled {
                capacity: Capacity::P1000,
                on: Day::from_days_since_epoch(-3),
            },
            A::PendingChangeUndone {
                capacity: Capacity::P1000,
            },
            A::LineRenewed {
                capacity: Capacity::P500,
                quantity: 1,
                amount: Money::from_cents(0),
            },
            A::LineEnded {
                capacity: Capacity::P5000,
            },
            A::UserAdded {
                license: BaseLicense::Licensed,
                role: Role::Admin,
            },
            A::RoleChanged {
                from: Role::Member,
                to: Role::Owner,
            },
            A::UserRemoved {
                license: BaseLicense::Basic,
                large_meetings: None,
                meetings: MeetingsAfterRemoval::None,
            },
            A::UserRemoved {
                license: BaseLicense::Licensed,
                large_meetings: Some(Capacity::P1000),
                meetings: MeetingsAfterRemoval::Transferred {
                    count: 2,
                    to: email,
                },
            },
            A::UserRemoved {
                license: BaseLicense::Licensed,
                large_meetings: None,
                meetings: MeetingsAfterRemoval::Cancelled { count: 4 },
            },
            A::MeetingScheduled {
                topic: "Town \"Hall\" \u{1F4E3}\nÅr".into(),
            },
            A::UsersImported { count: 50_000 },
            A::UsersUpdated { count: 3 },
            A::PasswordChanged,
            A::GroupCreated,
            A::GroupRenamed {
                from: "Säljare \"Nord\"".into(),
            },
            A::GroupDeleted { members: 20_000 },
            A::MembersAdded { count: 3 },
            A::MembersRemoved { count: 1 },
            A::GroupRuleSet {
                rule: Some(GroupRule {
                    capacity: Capacity::P1000,
                    workplace: true,
                }),
            },
            A::WorkplaceByGroup {
                group: "Events".into(),
                license: BaseLicense::Licensed,
            },
            A::LargeMeetingsByGroup {
                group: "Events".into(),
                capacity: None,
                previous: Some(Capacity::P3000),
            },
            A::Undone {
                entry: 41,
                category: AuditCategory::License,
            },
        ];
        for action in &actions {
            match action {
                A::LargeMeetingsPurchased { .. }
                | A::BaseSeatsPurchased { .. }
                | A::LargeMeetingsAssigned { .. }
                | A::LargeMeetingsAssignedUntil { .. }
                | A::LargeMeetingsRemoved { .. }
                | A::BaseLicenseChanged { .. }
                | A::ReductionScheduled { .. }
                | A::CancellationScheduled { .. }
                | A::PendingChangeUndone { .. }
                | A::LineRenewed { .. }
                | A::LineEnded { .. }
                | A::UserAdded { .. }
                | A::RoleChanged { .. }
                | A::UserRemoved { .. }
                | A::MeetingScheduled { .. }
                | A::UsersImported { .. }
                | A::UsersUpdated { .. }
                | A::PasswordChanged
                | A::GroupCreated
                | A::GroupRenamed { .. }
                | A::GroupDeleted { .. }
                | A::MembersAdded { .. }
                | A::MembersRemoved { .. }
                | A::GroupRuleSet { .. }
                | A::WorkplaceByGroup { .. }
                | A::LargeMeetingsByGroup { .. }
                | A::Undone { .. } => {}
            }
        }
        actions
    }

    #[test]
    fn every_action_is_written_as_serde_writes_it_and_read_back() {
        let actions = one_of_each_action();
        let kinds: std::collections::HashSet<_> =
            actions.iter().map(std::mem::discriminant).collect();
        assert_eq!(kinds.len(), 27, "one sample of each of the 27 actions");
        let entries: Vec<AuditEntry> = actions
            .into_iter()
            .map(|action| AuditEntry {
                actor: None,
                actor_email: None,
                action,
                ..entry(AuditTarget::Imported { count: 3 })
            })
            .collect();
        let text = serde_json::to_string(&entries).unwrap();
        assert_eq!(crate::json::to_string(&entries), text);
        assert_eq!(
            crate::json::from_str::<Vec<AuditEntry>>(&text).unwrap(),
            entries
        );
    }

    #[test]
    fn an_unknown_or_malformed_action_is_refused() {
        for text in [
            r#""Teleported""#,
            r#""LineEnded""#,
            r#"{"PasswordChanged":{}}"#,
            r#"{"LineEnded":{"capacity":700}}"#,
            r#"{"LineEnded":{}}"#,
            r#"{"LineEnded":{"capacity":500},"extra":1}"#,
        ] {
            assert!(
                crate::json::from_str::<AuditAction>(text).is_err(),
                "{text}"
            );
        }
    }

    fn search(text: &str) -> AuditFilter {
        AuditFilter {
            email: Some(text.into()),
            ..AuditFilter::default()
        }
    }

    #[test]
    fn the_search_finds_the_target_as_its_text_reads() {
        let line = entry(AuditTarget::Line(Capacity::P3000));
        let user = entry(AuditTarget::User(
            Email::parse("liam@acme.example").unwrap(),
        ));
        let import = entry(AuditTarget::Imported { count: 12 });
        let topic = entry(AuditTarget::Named("Town Hall".into()));
        for (text, found) in [
            ("Large Meetings 3000", [true, false, false, false]),
            ("3000", [true, false, false, false]),
            ("LIAM@", [false, true, false, false]),
            ("12 users", [false, false, true, false]),
            ("town hall", [false, false, false, true]),
            ("owner@acme", [true, true, true, true]),
            ("  ", [true, true, true, true]),
        ] {
            let filter = search(text);
            let matched = [&line, &user, &import, &topic].map(|e| filter.matches(e));
            assert_eq!(matched, found, "{text:?}");
        }
    }

    #[test]
    fn a_target_is_stored_as_the_text_it_is_read_from() {
        for text in [
            "Large Meetings 500",
            "1 user",
            "2 users",
            "member@acme.example",
            "Zoom Workplace Business",
            "Large Meetings 0500",
            "Member@Acme.example",
            "",
        ] {
            let target = AuditTarget::parse(text);
            assert_eq!(target.stored(), text);
            let json = serde_json::to_string(&target).unwrap();
            assert_eq!(json, serde_json::to_string(text).unwrap());
            assert_eq!(crate::json::from_str::<AuditTarget>(&json).unwrap(), target);
        }
        assert_eq!(
            AuditTarget::parse("Large Meetings 0500"),
            AuditTarget::Named("Large Meetings 0500".into())
        );
    }
}
