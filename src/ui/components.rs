//! Building blocks shared by pages.

pub mod guard;
pub mod plans;
pub mod storage_banner;
