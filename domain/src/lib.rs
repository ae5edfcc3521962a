//! The licensing rules of the Large Meetings portal.
//!
//! Pure Rust: nothing in this crate touches a browser, a clock or a random
//! number generator. Time (`now`) and randomness (salts) come in as
//! parameters, so every rule is tested natively in seconds.

pub mod access;
pub mod account;
pub mod audit;
pub mod backup;
pub mod billing;
pub mod capacity;
pub mod catalog;
pub mod choice;
pub mod command;
pub mod csv_in;
pub mod csv_out;
pub mod day;
pub mod demo;
pub mod directory;
pub mod email;
pub mod error;
pub mod forecast;
pub mod group;
pub mod history;
pub mod ids;
pub mod import;
pub mod json;
pub mod meeting;
pub mod money;
pub mod order;
pub mod password;
pub mod persist;
pub mod portal;
pub mod quantity;
pub mod session;
pub mod text;
pub mod throttle;
pub mod time;
pub mod usage;
pub mod user;

pub use access::{Area, Decision};
pub use account::{Account, BasePlan, BillingPortal, CapacitySource, SeatCount};
pub use audit::{AuditAction, AuditCategory, AuditEntry, AuditFilter, AuditTarget};
pub use billing::{LargeMeetingsLine, LineStatus, Order, OrderId, Quote, Term};
pub use capacity::Capacity;
pub use catalog::BillingCycle;
pub use command::{Change, Command, MeetingHandling, Outcome, Permission, UndoRefusal};
pub use day::Day;
pub use email::{Email, EmailError};
pub use error::{DomainError, UserProblem};
pub use group::{Group, GroupId, GroupRule, Held, Losses, Membership, WaitReason, Waiting};
pub use history::{History, Month, PastMeeting};
pub use ids::{AccountId, MeetingId, UserId};
pub use import::{ImportReport, Importer, NewUser};
pub use meeting::{CapacityChange, Meeting};
pub use money::Money;
pub use password::{PasswordHash, Secret};
pub use portal::{Portal, SignInError};
pub use quantity::{parse_whole, NumberStyle, Quantity, QuantityError, WholeNumberError};
pub use session::Session;
pub use throttle::{Locked, SignInThrottle};
pub use time::Timestamp;
pub use user::{BaseLicense, Role, User};
