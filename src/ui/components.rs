//! Building blocks shared by pages.

pub mod guard;
pub mod storage_banner;
