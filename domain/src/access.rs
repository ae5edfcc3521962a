//! Who may see which area of the portal. The UI asks here for both its
//! navigation and its route guards, so the two can never disagree.

use crate::{Account, BillingPortal, User};

/// The areas of the portal, one per navigation entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Area {
    Profile,
    Meetings,
    /// User Management > Users.
    Users,
    /// Admin Activity Logs.
    ActivityLogs,
    /// Plans and Billing > Plan Management (new billing portal).
    PlanManagement,
    /// Account Management > Billing (classic billing portal).
    Billing,
}

impl Area {
    pub const ALL: [Area; 6] = [
        Area::PlanManagement,
        Area::Billing,
        Area::Users,
        Area::ActivityLogs,
        Area::Meetings,
        Area::Profile,
    ];
}

/// The answer to "may this user open this area?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    /// The user's role does not allow it.
    NotAuthorised,
    /// A billing area of the portal this account does not use; the account's
    /// own billing portal is named so the person can go there instead.
    OtherPortal(BillingPortal),
}

/// Decides whether `user` of `account` may open `area`.
pub fn decide(account: &Account, user: &User, area: Area) -> Decision {
    let billing_area = |portal: BillingPortal| {
        if !user.can_manage_billing() {
            Decision::NotAuthorised
        } else if account.billing_portal != portal {
            Decision::OtherPortal(account.billing_portal)
        } else {
            Decision::Allowed
        }
    };
    match area {
        Area::Profile | Area::Meetings => Decision::Allowed,
        Area::Users | Area::ActivityLogs if user.can_manage_users() => Decision::Allowed,
        Area::Users | Area::ActivityLogs => Decision::NotAuthorised,
        Area::PlanManagement => billing_area(BillingPortal::PlansAndBilling),
        Area::Billing => billing_area(BillingPortal::AccountManagement),
    }
}

/// The areas the navigation shows to `user`, in navigation order.
pub fn visible_areas(account: &Account, user: &User) -> Vec<Area> {
    Area::ALL
        .into_iter()
        .filter(|area| decide(account, user, *area) == Decision::Allowed)
        .collect()
}

/// Where to go after signing in: `next` if it is an address inside the
/// portal, otherwise the start page. Never another site, never the
/// sign-in page itself.
pub fn return_address(next: Option<&str>) -> &str {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.starts_with("/sign-in") =>
        {
            path
        }
        _ => "/",
    }
}

#[cfg(test)]
mod tests {
    use super::return_address;

    #[test]
    fn only_addresses_inside_the_portal_are_followed_after_sign_in() {
        assert_eq!(return_address(Some("/users")), "/users");
        assert_eq!(return_address(None), "/");
        assert_eq!(return_address(Some("https://evil.example/")), "/");
        assert_eq!(return_address(Some("//evil.example")), "/");
        assert_eq!(return_address(Some("/\\evil.example")), "/");
        assert_eq!(return_address(Some("/sign-in?next=/users")), "/");
    }
}
