//! Building blocks shared by pages.

pub mod billing;
pub mod dialog;
pub mod download;
pub mod footer;
pub mod guard;
pub mod language;
pub mod reset_demo;
pub mod storage_banner;
pub mod table_scroll;
pub mod undo;
