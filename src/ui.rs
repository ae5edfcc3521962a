//! The user interface: the app, its shell and its pages.

pub mod app;
pub mod areas;
pub mod base;
pub mod components;
pub mod labels;
pub mod layout;
pub mod messages;
pub mod pages;

pub use app::App;
