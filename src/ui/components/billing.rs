//! The billing parts both portals share (Plans and Billing > Plan
//! Management, Account Management > Billing): the plans an account has with
//! what can be changed about them, the Large Meetings order with its live
//! price, the order history, and the page's feedback.

mod feedback;
mod history;
mod line_card;
mod order;
mod order_form;
mod plan_cards;
mod price_summary;

pub use feedback::{BillingNotice, Feedback, FeedbackView, Refusal};
pub use history::OrderHistory;
pub use order::{place_order, use_quote, OrderDraft};
pub use order_form::OrderFields;
pub use plan_cards::CurrentPlans;
pub use price_summary::PriceSummary;
