//! The licensing rules of the Large Meetings portal.
//!
//! Pure Rust: nothing in this crate touches a browser, a clock or a random
//! number generator. Time (`now`) and randomness (salts) come in as
//! parameters, so every rule is tested natively in seconds.

pub mod access;
pub mod account;
pub mod demo;
pub mod email;
pub mod ids;
pub mod meeting;
pub mod password;
pub mod persist;
pub mod portal;
pub mod session;
pub mod time;
pub mod user;

pub use access::{Area, Decision};
pub use account::{Account, BasePlan, BillingPortal};
pub use email::{Email, EmailError};
pub use ids::{AccountId, MeetingId, UserId};
pub use meeting::Meeting;
pub use password::PasswordHash;
pub use portal::{Portal, SignInError};
pub use session::Session;
pub use time::Timestamp;
pub use user::{BaseLicense, Role, User};
