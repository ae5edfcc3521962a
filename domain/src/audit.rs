//! The Admin Activity Log: every change, who made it, when.

use crate::csv_out::CsvOut;
use crate::import::csv_cell;
use crate::words;
use crate::{BaseLicense, BillingCycle, Capacity, Day, Email, Money, Role, Timestamp, UserId};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RemovalReason {
    Requested,
    /// The user was made Basic, and only paid users may hold the add-on.
    BecameBasic,
}

/// What became of a removed user's meetings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MeetingsAfterRemoval {
    None,
    Transferred { count: usize, to: Email },
    Cancelled { count: usize },
}

/// What happened, as data; [`AuditAction::describe`] words it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    /// A person changed their own password (the target is their email).
    PasswordChanged,
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
            | AuditAction::LargeMeetingsRemoved { .. }
            | AuditAction::BaseLicenseChanged { .. } => AuditCategory::License,
            AuditAction::UserAdded { .. }
            | AuditAction::RoleChanged { .. }
            | AuditAction::UserRemoved { .. }
            | AuditAction::UsersImported { .. }
            | AuditAction::PasswordChanged => AuditCategory::User,
            AuditAction::MeetingScheduled { .. } => AuditCategory::Meeting,
        }
    }

    /// An English sentence for the log and its CSV export, worded as the
    /// English page words it: numbers grouped ("3,000"), days as the page
    /// shows them ("Jan 4, 2027"), singular for one ("1 meeting").
    pub fn describe(&self) -> String {
        let lm = |capacity: &Capacity| {
            format!("Large Meetings {}", words::number(capacity.participants()))
        };
        match self {
            AuditAction::LargeMeetingsPurchased {
                capacity,
                quantity,
                cycle,
                amount,
                added_to_line,
            } => format!(
                "Bought {} {} {}, {}, {amount} due{}",
                words::number(*quantity),
                lm(capacity),
                if *quantity == 1 {
                    "license"
                } else {
                    "licenses"
                },
                cycle.as_str().to_lowercase(),
                if *added_to_line {
                    " (prorated, added to the existing line)"
                } else {
                    ""
                }
            ),
            AuditAction::BaseSeatsPurchased { quantity, amount } => format!(
                "Bought {}, {amount} due (prorated)",
                words::count(*quantity, "Zoom Workplace seat", "Zoom Workplace seats")
            ),
            AuditAction::LargeMeetingsAssigned {
                capacity,
                previous: None,
            } => format!("{} assigned", lm(capacity)),
            AuditAction::LargeMeetingsAssigned {
                capacity,
                previous: Some(old),
            } => format!(
                "Large Meetings changed from {} to {}",
                words::number(old.participants()),
                words::number(capacity.participants())
            ),
            AuditAction::LargeMeetingsRemoved {
                capacity,
                reason: RemovalReason::Requested,
            } => format!("{} removed", lm(capacity)),
            AuditAction::LargeMeetingsRemoved {
                capacity,
                reason: RemovalReason::BecameBasic,
            } => format!("{} removed because the user became Basic", lm(capacity)),
            AuditAction::BaseLicenseChanged { from, to } => format!(
                "Zoom Workplace license changed from {} to {}",
                from.as_str(),
                to.as_str()
            ),
            AuditAction::ReductionScheduled {
                capacity,
                from,
                to,
                on,
            } => format!(
                "{} to be reduced from {} to {} on {}",
                lm(capacity),
                words::number(*from),
                words::count(*to, "license", "licenses"),
                words::day(*on)
            ),
            AuditAction::CancellationScheduled { capacity, on } => {
                format!("{} to be cancelled on {}", lm(capacity), words::day(*on))
            }
            AuditAction::PendingChangeUndone { capacity } => {
                format!("Pending change to {} undone", lm(capacity))
            }
            AuditAction::LineRenewed {
                capacity,
                quantity,
                amount,
            } => format!(
                "{} renewed: {}, {amount}",
                lm(capacity),
                words::count(*quantity, "license", "licenses")
            ),
            AuditAction::LineEnded { capacity } => format!("{} ended", lm(capacity)),
            AuditAction::UserAdded { license, role } => {
                format!("User added ({}, {})", license.as_str(), role.as_str())
            }
            AuditAction::RoleChanged { from, to } => {
                format!("Role changed from {} to {}", from.as_str(), to.as_str())
            }
            AuditAction::UserRemoved {
                license,
                large_meetings,
                meetings,
            } => {
                let mut text = format!("User removed ({}", license.as_str());
                if let Some(capacity) = large_meetings {
                    text.push_str(&format!(", {} returned", lm(capacity)));
                }
                text.push(')');
                match meetings {
                    MeetingsAfterRemoval::None => {}
                    MeetingsAfterRemoval::Transferred { count, to } => {
                        text.push_str(&format!(
                            "; {} moved to {to}",
                            words::count(*count as u64, "meeting", "meetings")
                        ));
                    }
                    MeetingsAfterRemoval::Cancelled { count } => {
                        text.push_str(&format!(
                            "; {} cancelled",
                            words::count(*count as u64, "meeting", "meetings")
                        ));
                    }
                }
                text
            }
            AuditAction::MeetingScheduled { topic } => format!("Meeting scheduled: {topic}"),
            AuditAction::UsersImported { count } => format!(
                "{} imported from a CSV file",
                words::count(*count, "user", "users")
            ),
            AuditAction::PasswordChanged => "Password changed".into(),
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

    /// In English, as the page shows it: "Large Meetings 3,000", "1 user",
    /// "50,000 users".
    pub fn english(&self) -> String {
        match self {
            AuditTarget::Line(capacity) => {
                format!("Large Meetings {}", words::number(capacity.participants()))
            }
            AuditTarget::Imported { count } => words::count(*count, "user", "users"),
            AuditTarget::User(email) => email.to_string(),
            AuditTarget::Named(name) => name.to_string(),
        }
    }
}

impl Serialize for AuditTarget {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.stored())
    }
}

impl<'de> Deserialize<'de> for AuditTarget {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let stored = String::deserialize(deserializer)?;
        Ok(AuditTarget::parse(&stored))
    }
}

/// One line of the Admin Activity Log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
                let needle = needle.to_lowercase();
                entry.target.stored().to_lowercase().contains(&needle)
                    || entry
                        .actor_email
                        .as_ref()
                        .is_some_and(|a| a.as_str().contains(&needle))
            })
    }
}

/// The headings of the English CSV export.
pub const CSV_HEADINGS: [&str; 5] = ["Time (UTC)", "Actor", "Category", "Target", "Details"];

/// The entries as CSV in English (newest first, as given): Time (UTC),
/// Actor, Category, Target, Details, worded as [`AuditAction::describe`]
/// and [`AuditTarget::english`] word them. The UI writes its export in the
/// chosen language through [`csv_table`].
pub fn to_csv<'a>(entries: impl IntoIterator<Item = &'a AuditEntry>) -> String {
    csv_table(
        CSV_HEADINGS,
        entries.into_iter().map(|entry| {
            [
                entry.at.to_iso(),
                entry
                    .actor_email
                    .as_ref()
                    .map_or("Portal".to_string(), |e| e.to_string()),
                entry.category().as_str().to_string(),
                entry.target.english(),
                entry.action.describe(),
            ]
        }),
    )
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
            assert_eq!(serde_json::from_str::<AuditTarget>(&json).unwrap(), target);
        }
        assert_eq!(
            AuditTarget::parse("Large Meetings 0500"),
            AuditTarget::Named("Large Meetings 0500".into())
        );
    }
}
