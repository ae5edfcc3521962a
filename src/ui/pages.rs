//! One component per page.

mod activity_logs_page;
mod billing_page;
mod groups_page;
pub mod help_page;
mod meetings_page;
mod not_found_page;
mod payment_history_page;
mod plan_management_page;
mod profile_page;
mod sign_in_page;
mod users_page;

pub use activity_logs_page::ActivityLogsPage;
pub use billing_page::BillingPage;
pub use groups_page::GroupsPage;
pub use help_page::{BestPracticesHelpPage, BillingSettingsHelpPage, RequirementsHelpPage};
pub use meetings_page::MeetingsPage;
pub use not_found_page::NotFoundPage;
pub use payment_history_page::PaymentHistoryPage;
pub use plan_management_page::PlanManagementPage;
pub use profile_page::ProfilePage;
pub use sign_in_page::SignInPage;
pub(crate) use users_page::Said;
pub use users_page::UsersPage;
