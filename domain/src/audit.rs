//! The Admin Activity Log: every change, who made it, when.

use crate::import::csv_cell;
use crate::{BaseLicense, BillingCycle, Capacity, Day, Email, Money, Role, Timestamp, UserId};
use serde::{Deserialize, Serialize};

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

    /// An English sentence for the log and its CSV export.
    pub fn describe(&self) -> String {
        match self {
            AuditAction::LargeMeetingsPurchased {
                capacity,
                quantity,
                cycle,
                amount,
                added_to_line,
            } => format!(
                "Bought {quantity} Large Meetings {capacity} license(s), {}, {amount} due{}",
                cycle.as_str().to_lowercase(),
                if *added_to_line {
                    " (prorated, added to the existing line)"
                } else {
                    ""
                }
            ),
            AuditAction::BaseSeatsPurchased { quantity, amount } => {
                format!("Bought {quantity} Zoom Workplace seat(s), {amount} due (prorated)")
            }
            AuditAction::LargeMeetingsAssigned {
                capacity,
                previous: None,
            } => {
                format!("Large Meetings {capacity} assigned")
            }
            AuditAction::LargeMeetingsAssigned {
                capacity,
                previous: Some(old),
            } => {
                format!("Large Meetings changed from {old} to {capacity}")
            }
            AuditAction::LargeMeetingsRemoved {
                capacity,
                reason: RemovalReason::Requested,
            } => {
                format!("Large Meetings {capacity} removed")
            }
            AuditAction::LargeMeetingsRemoved {
                capacity,
                reason: RemovalReason::BecameBasic,
            } => {
                format!("Large Meetings {capacity} removed because the user became Basic")
            }
            AuditAction::BaseLicenseChanged { from, to } => {
                format!(
                    "Zoom Workplace license changed from {} to {}",
                    from.as_str(),
                    to.as_str()
                )
            }
            AuditAction::ReductionScheduled {
                capacity,
                from,
                to,
                on,
            } => {
                format!(
                    "Large Meetings {capacity} to be reduced from {from} to {to} licenses on {on}"
                )
            }
            AuditAction::CancellationScheduled { capacity, on } => {
                format!("Large Meetings {capacity} to be cancelled on {on}")
            }
            AuditAction::PendingChangeUndone { capacity } => {
                format!("Pending change to Large Meetings {capacity} undone")
            }
            AuditAction::LineRenewed {
                capacity,
                quantity,
                amount,
            } => {
                format!("Large Meetings {capacity} renewed: {quantity} license(s), {amount}")
            }
            AuditAction::LineEnded { capacity } => format!("Large Meetings {capacity} ended"),
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
                    text.push_str(&format!(", Large Meetings {capacity} returned"));
                }
                text.push(')');
                match meetings {
                    MeetingsAfterRemoval::None => {}
                    MeetingsAfterRemoval::Transferred { count, to } => {
                        text.push_str(&format!("; {count} meeting(s) moved to {to}"));
                    }
                    MeetingsAfterRemoval::Cancelled { count } => {
                        text.push_str(&format!("; {count} meeting(s) cancelled"));
                    }
                }
                text
            }
            AuditAction::MeetingScheduled { topic } => format!("Meeting scheduled: {topic}"),
            AuditAction::UsersImported { count: 1 } => "1 user imported from a CSV file".into(),
            AuditAction::UsersImported { count } => {
                format!("{count} users imported from a CSV file")
            }
            AuditAction::PasswordChanged => "Password changed".into(),
        }
    }
}

/// One line of the Admin Activity Log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: Timestamp,
    /// Who did it; `None` for what the portal did by itself (renewals).
    pub actor: Option<UserId>,
    pub actor_email: Option<Email>,
    /// What it was done to: a user's email, or the subscription line.
    pub target: String,
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
                entry.target.to_lowercase().contains(&needle)
                    || entry
                        .actor_email
                        .as_ref()
                        .is_some_and(|a| a.as_str().contains(&needle))
            })
    }
}

/// The entries as CSV (newest first, as given): Time (UTC), Actor,
/// Category, Target, Details.
/// The log as CSV; cells a spreadsheet would run as formulas are defused
/// ([`crate::import::csv_cell`]).
pub fn to_csv<'a>(entries: impl IntoIterator<Item = &'a AuditEntry>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(["Time (UTC)", "Actor", "Category", "Target", "Details"]);
    for entry in entries {
        let actor = entry
            .actor_email
            .as_ref()
            .map_or("Portal".to_string(), |e| e.to_string());
        let _ = writer.write_record([
            entry.at.to_iso().as_str(),
            &csv_cell(&actor),
            entry.category().as_str(),
            &csv_cell(&entry.target),
            &csv_cell(&entry.action.describe()),
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
