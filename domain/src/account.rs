//! An account (a company) with its base plan, users and meetings.

use crate::audit::{AuditEntry, AuditFilter};
use crate::billing::{LargeMeetingsLine, Order, Term};
use crate::meeting::CapacityChange;
use crate::user::BASIC_MEETING_CAPACITY;
use crate::{AccountId, BaseLicense, Capacity, Email, Meeting, User, UserId};
use serde::Serialize;

/// Where an account buys and manages its subscriptions. Each account uses
/// exactly one of the two portals; the navigation shows only that one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum BillingPortal {
    /// The new portal: Plans and Billing > Plan Management.
    PlansAndBilling,
    /// The classic portal: Account Management > Billing.
    AccountManagement,
}

impl BillingPortal {
    /// The navigation path a person follows to reach this portal.
    pub const fn label(self) -> &'static str {
        match self {
            BillingPortal::PlansAndBilling => "Plans and Billing > Plan Management",
            BillingPortal::AccountManagement => "Account Management > Billing",
        }
    }
}

/// The account's base plan: a fixed number of paid Zoom Workplace seats.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BasePlan {
    /// The product name, e.g. "Zoom Workplace Business".
    pub name: String,
    pub seats: u32,
    /// Participants per meeting for a Licensed user.
    pub meeting_capacity: u32,
    pub term: Term,
}

/// Seats of one Large Meetings capacity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SeatCount {
    pub purchased: u32,
    pub assigned: u32,
    /// How many users may hold it: what is purchased, or what the line
    /// keeps after a pending reduction (none when it is being cancelled).
    /// A seat above this looks free but cannot be given to anyone.
    pub assignable: u32,
}

impl SeatCount {
    /// How many more users can be given this capacity now: what is offered
    /// as available is exactly what can be assigned.
    pub fn available(self) -> u32 {
        self.assignable.saturating_sub(self.assigned)
    }
}

/// Where a meeting's capacity comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CapacitySource {
    Basic,
    BasePlan,
    LargeMeetings(Capacity),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Account {
    pub id: AccountId,
    pub name: String,
    pub billing_portal: BillingPortal,
    pub base_plan: BasePlan,
    /// Ordered by id (new users get higher ids), so a user is found by
    /// binary search. Stored separately from the rest of the account
    /// (see [`crate::persist`]), so not part of its JSON.
    #[serde(default, skip_serializing)]
    pub users: Vec<User>,
    pub meetings: Vec<Meeting>,
    /// At most one line per capacity, ordered by capacity.
    #[serde(default)]
    pub large_meetings: Vec<LargeMeetingsLine>,
    #[serde(default)]
    pub orders: Vec<Order>,
    /// The Admin Activity Log, oldest first; only ever appended to. Stored
    /// apart from the rest of the account, like the users.
    #[serde(default, skip_serializing)]
    pub audit: Vec<AuditEntry>,
    /// The highest user id ever given out; removed users' ids are not reused.
    #[serde(default)]
    pub last_user_id: u32,
    /// Ordered by id; who is in which is kept with each user
    /// ([`crate::Membership`]).
    #[serde(default)]
    pub groups: Vec<crate::Group>,
    /// The highest group id ever given out.
    #[serde(default)]
    pub last_group_id: u32,
    /// Held meetings; stored apart from the rest of the account.
    #[serde(skip)]
    pub history: crate::History,
}

impl Account {
    pub fn user(&self, id: UserId) -> Option<&User> {
        let at = self.users.binary_search_by_key(&id, |u| u.id).ok()?;
        Some(&self.users[at])
    }

    pub fn user_by_email(&self, email: &Email) -> Option<&User> {
        self.users.iter().find(|u| &u.email == email)
    }

    /// The users with `emails`, in their order (`None`: no user of the
    /// account has it): one pass over the users, not one per email, so
    /// 20,000 pasted addresses in a 50,000-user account stay fast.
    pub fn users_by_email(&self, emails: &[Email]) -> Vec<Option<UserId>> {
        // The same map type as the import's, so no new code for it.
        let index: std::collections::HashMap<Email, u64> = self
            .users
            .iter()
            .map(|u| (u.email.clone(), u64::from(u.id.0)))
            .collect();
        emails
            .iter()
            .map(|e| index.get(e).map(|id| UserId(*id as u32)))
            .collect()
    }

    /// Paid Zoom Workplace seats held by users.
    pub fn seats_in_use(&self) -> u32 {
        self.users
            .iter()
            .filter(|u| u.license == BaseLicense::Licensed)
            .count() as u32
    }

    /// Paid seats nobody holds yet.
    pub fn seats_available(&self) -> u32 {
        self.base_plan.seats.saturating_sub(self.seats_in_use())
    }

    /// Seats purchased and assigned for `capacity`.
    pub fn seats(&self, capacity: Capacity) -> SeatCount {
        let line = self.large_meetings.iter().find(|l| l.capacity == capacity);
        SeatCount {
            purchased: line.map_or(0, |l| l.quantity),
            assignable: line.map_or(0, |l| l.quantity_after_renewal()),
            assigned: self
                .users
                .iter()
                .filter(|u| u.large_meetings == Some(capacity))
                .count() as u32,
        }
    }

    /// Where the capacity of meetings hosted by `user` comes from now.
    pub fn capacity_source(&self, user: &User) -> CapacitySource {
        match (user.license, user.large_meetings) {
            (BaseLicense::Basic, _) => CapacitySource::Basic,
            (BaseLicense::Licensed, Some(capacity)) => CapacitySource::LargeMeetings(capacity),
            (BaseLicense::Licensed, None) => CapacitySource::BasePlan,
        }
    }

    /// How many participants a meeting hosted by `user` admits, from the
    /// licenses the user holds now.
    pub fn meeting_capacity_of(&self, user: &User) -> u32 {
        match self.capacity_source(user) {
            CapacitySource::Basic => BASIC_MEETING_CAPACITY,
            CapacitySource::BasePlan => self.base_plan.meeting_capacity,
            CapacitySource::LargeMeetings(capacity) => capacity.participants(),
        }
    }

    /// A meeting's capacity, derived from its host's licenses at the moment
    /// of asking; it is never stored with the meeting.
    pub fn effective_capacity(&self, meeting: &Meeting) -> Option<u32> {
        self.user(meeting.host)
            .map(|host| self.meeting_capacity_of(host))
    }

    /// The meetings `host` hosts, earliest first.
    pub fn meetings_hosted_by(&self, host: UserId) -> Vec<&Meeting> {
        let mut list: Vec<&Meeting> = self.meetings.iter().filter(|m| m.host == host).collect();
        crate::order::sort_by_key(&mut list, |m| crate::order::signed(m.start.0));
        list
    }

    /// For each meeting `from` hosts (earliest first), the participants it
    /// admits now and would admit if `to` hosted it, from the licenses `to`
    /// holds now. `None` when either is not a user of the account.
    pub fn capacities_if_moved(&self, from: UserId, to: UserId) -> Option<Vec<CapacityChange<'_>>> {
        let before = self.meeting_capacity_of(self.user(from)?);
        let after = self.meeting_capacity_of(self.user(to)?);
        Some(
            self.meetings_hosted_by(from)
                .into_iter()
                .map(|meeting| CapacityChange {
                    meeting,
                    before,
                    after,
                })
                .collect(),
        )
    }
}

impl Account {
    /// Activity-log entries that match `filter`, newest first.
    pub fn audit_log(&self, filter: &AuditFilter) -> Vec<&AuditEntry> {
        self.audit
            .iter()
            .rev()
            .filter(|e| filter.matches(e))
            .collect()
    }

    /// Orders, newest first.
    pub fn order_history(&self) -> Vec<&Order> {
        self.orders.iter().rev().collect()
    }
}

crate::json_enum!(BillingPortal {
    PlansAndBilling,
    AccountManagement
});

impl crate::json::Decode for BasePlan {
    fn decode(r: &mut crate::json::Reader<'_>) -> crate::json::Result<Self> {
        let plan = crate::decode_fields!(
            r,
            StoredPlan {
                name,
                seats,
                meeting_capacity,
                term
            }
        );
        let term = match plan.term.or(r.legacy_term) {
            Some(term) => term,
            None => return r.error(crate::json::Problem::Missing("term")),
        };
        Ok(BasePlan {
            name: plan.name,
            seats: plan.seats,
            meeting_capacity: plan.meeting_capacity,
            term,
        })
    }
}

impl crate::json::Encode for BasePlan {
    fn encode(&self, out: &mut String) {
        let mut object = crate::json::Object::new(out);
        object.field("name", &self.name);
        object.field("seats", &self.seats);
        object.field("meeting_capacity", &self.meeting_capacity);
        object.field("term", &self.term);
        object.end();
    }
}

/// A base plan as stored: schema 1 had no term.
struct StoredPlan {
    name: String,
    seats: u32,
    meeting_capacity: u32,
    term: Option<Term>,
}

crate::json_struct!(Account {
    id, name, billing_portal, base_plan, meetings;
    default: large_meetings, orders, last_user_id, groups, last_group_id;
    read: users, audit;
    skip: history
});
