//! Users of an account: who they are, what they may do, which license they hold.

use crate::{Capacity, Email, PasswordHash, UserId};
use serde::Serialize;

/// A user's role in their account. There is exactly one owner per account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Role {
    Owner,
    Admin,
    Member,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Owner, Role::Admin, Role::Member];

    /// The form value ("Owner"); read back with `str::parse`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "Owner",
            Role::Admin => "Admin",
            Role::Member => "Member",
        }
    }
}

/// The base (Zoom Workplace) license a user holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum BaseLicense {
    /// Free; meetings of at most [`BASIC_MEETING_CAPACITY`] participants.
    Basic,
    /// A paid seat of the account's base plan.
    Licensed,
}

impl BaseLicense {
    pub const ALL: [BaseLicense; 2] = [BaseLicense::Basic, BaseLicense::Licensed];

    /// The form value ("Licensed"); read back with `str::parse`.
    pub const fn as_str(self) -> &'static str {
        match self {
            BaseLicense::Basic => "Basic",
            BaseLicense::Licensed => "Licensed",
        }
    }
}

crate::choice::form_value!(Role);
crate::choice::form_value!(BaseLicense);

/// How many participants a Basic user's meeting admits.
pub const BASIC_MEETING_CAPACITY: u32 = 100;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: UserId,
    pub email: Email,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    /// Only meaningful for admins: may buy, change and cancel subscriptions.
    pub billing_privilege: bool,
    pub license: BaseLicense,
    /// The user's Large Meetings add-on; only Licensed users hold one.
    #[serde(default)]
    pub large_meetings: Option<Capacity>,
    /// `None` for users added by an admin who have not set a password.
    pub password: Option<PasswordHash>,
    /// The user's groups, and what of the licenses above they give; stored
    /// with the user's flags (see [`crate::persist`]), never as JSON.
    #[serde(skip_serializing)]
    pub membership: crate::Membership,
}

impl User {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    /// Owners and admins manage users and assign licenses.
    pub fn can_manage_users(&self) -> bool {
        matches!(self.role, Role::Owner | Role::Admin)
    }

    /// The owner, or an admin with the billing privilege, buys and changes subscriptions.
    pub fn can_manage_billing(&self) -> bool {
        match self.role {
            Role::Owner => true,
            Role::Admin => self.billing_privilege,
            Role::Member => false,
        }
    }
}

crate::json_enum!(Role {
    Owner,
    Admin,
    Member
});
crate::json_enum!(BaseLicense { Basic, Licensed });

crate::json_struct!(User {
    id,
    email,
    first_name,
    last_name,
    role,
    billing_privilege,
    license,
    large_meetings,
    password;
    skip: membership
});
