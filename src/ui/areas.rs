//! The portal's pages in one table: each page's address, its name (the
//! navigation link and the window title) and the area whose permission it
//! needs. The router, the navigation, the guard and the window title all
//! read it, so adding a page is one entry here plus its view in
//! `ui::app::page_view`.

use crate::i18n::*;
use portal_domain::{Area, BillingPortal};

/// One page of the signed-in portal.
#[derive(Clone, Copy, Debug)]
pub struct Page {
    /// The address under the site's base, e.g. "/users".
    pub path: &'static str,
    /// Its name in a language: the navigation link and the window title.
    pub title: fn(Locale) -> &'static str,
    /// The area whose permission opening it needs (`None`: anyone signed in).
    pub area: Option<Area>,
}

pub const PROFILE: Page = Page {
    path: "/profile",
    title: |l| td_string!(l, common.profile.title),
    area: Some(Area::Profile),
};
pub const MEETINGS: Page = Page {
    path: "/meetings",
    title: |l| td_string!(l, common.nav.meetings),
    area: Some(Area::Meetings),
};
pub const USERS: Page = Page {
    path: "/users",
    title: |l| td_string!(l, common.nav.users),
    area: Some(Area::Users),
};
pub const GROUPS: Page = Page {
    path: "/groups",
    title: |l| td_string!(l, common.nav.groups),
    area: Some(Area::Users),
};
pub const ACTIVITY_LOGS: Page = Page {
    path: "/activity-logs",
    title: |l| td_string!(l, common.nav.activity_logs),
    area: Some(Area::ActivityLogs),
};
pub const PLAN_MANAGEMENT: Page = Page {
    path: "/plan-management",
    title: |l| td_string!(l, common.nav.plan_management),
    area: Some(Area::PlanManagement),
};
pub const PAYMENT_HISTORY: Page = Page {
    path: "/payment-history",
    title: |l| td_string!(l, common.nav.payment_history),
    area: Some(Area::PlanManagement),
};
pub const BILLING: Page = Page {
    path: "/billing",
    title: |l| td_string!(l, common.nav.billing),
    area: Some(Area::Billing),
};
pub const HELP_REQUIREMENTS: Page = Page {
    path: "/help/large-meetings-requirements",
    title: |l| td_string!(l, help.requirements.title),
    area: None,
};
pub const HELP_BEST_PRACTICES: Page = Page {
    path: "/help/large-meetings-best-practices",
    title: |l| td_string!(l, help.best_practices.title),
    area: None,
};
pub const HELP_BILLING_SETTINGS: Page = Page {
    path: "/help/billing-settings",
    title: |l| td_string!(l, help.billing_settings.title),
    area: None,
};

/// Every page, for looking one up by its address.
pub const ALL: [Page; 11] = [
    PROFILE,
    MEETINGS,
    USERS,
    GROUPS,
    ACTIVITY_LOGS,
    PLAN_MANAGEMENT,
    PAYMENT_HISTORY,
    BILLING,
    HELP_REQUIREMENTS,
    HELP_BEST_PRACTICES,
    HELP_BILLING_SETTINGS,
];

/// The page at `path` (under the base; "/" is the profile).
pub fn at(path: &str) -> Option<&'static Page> {
    let path = match path.trim_end_matches('/') {
        "" => PROFILE.path,
        path => path,
    };
    ALL.iter().find(|page| page.path == path)
}

/// An entry of the navigation: a group with a heading, or one link.
pub struct NavEntry {
    /// The group's heading ("Plans and Billing"); `None` for a lone link.
    pub heading: Option<fn(Locale) -> &'static str>,
    /// Shown to those who may open this area.
    pub area: Area,
    pub pages: &'static [Page],
}

/// The navigation, top to bottom.
pub const NAVIGATION: [NavEntry; 6] = [
    NavEntry {
        heading: Some(|l| td_string!(l, common.nav.plans_and_billing)),
        area: Area::PlanManagement,
        pages: &[PLAN_MANAGEMENT, PAYMENT_HISTORY],
    },
    NavEntry {
        heading: Some(|l| td_string!(l, common.nav.account_management)),
        area: Area::Billing,
        pages: &[BILLING],
    },
    NavEntry {
        heading: Some(|l| td_string!(l, common.nav.user_management)),
        area: Area::Users,
        pages: &[USERS, GROUPS],
    },
    NavEntry {
        heading: None,
        area: Area::ActivityLogs,
        pages: &[ACTIVITY_LOGS],
    },
    NavEntry {
        heading: None,
        area: Area::Meetings,
        pages: &[MEETINGS],
    },
    NavEntry {
        heading: None,
        area: Area::Profile,
        pages: &[PROFILE],
    },
];

/// The page where an account buys and manages its plans.
pub fn billing_home(portal: BillingPortal) -> &'static Page {
    match portal {
        BillingPortal::PlansAndBilling => &PLAN_MANAGEMENT,
        BillingPortal::AccountManagement => &BILLING,
    }
}
