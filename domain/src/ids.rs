//! Identifiers. Each is its own type so an account id can never be passed
//! where a user id is expected.

use serde::Serialize;
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        crate::json_transparent!($name);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// An account (a company such as Acme Inc.).
    AccountId
);
id_type!(
    /// A user; unique within their account and never reused there.
    UserId
);
id_type!(
    /// A scheduled meeting.
    MeetingId
);
id_type!(
    /// A group of users; unique within its account and never reused there.
    GroupId
);
