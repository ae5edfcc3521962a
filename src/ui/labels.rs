//! Names of the domain's roles, licenses and billing portals in the
//! chosen language.

use crate::format;
use crate::i18n::*;
use portal_domain::{BaseLicense, BillingCycle, BillingPortal, Capacity, Role};

pub fn role(locale: Locale, role: Role) -> &'static str {
    match role {
        Role::Owner => td_string!(locale, common.role.owner),
        Role::Admin => td_string!(locale, common.role.admin),
        Role::Member => td_string!(locale, common.role.member),
    }
}

pub fn license(locale: Locale, license: BaseLicense) -> &'static str {
    match license {
        BaseLicense::Basic => td_string!(locale, common.license.basic),
        BaseLicense::Licensed => td_string!(locale, common.license.licensed),
    }
}

/// "Monthly" / "Månadsvis".
pub fn cycle(locale: Locale, cycle: BillingCycle) -> &'static str {
    match cycle {
        BillingCycle::Monthly => td_string!(locale, billing.cycle.monthly),
        BillingCycle::Annual => td_string!(locale, billing.cycle.annual),
    }
}

/// A Large Meetings line: "Large Meetings 1,000 participants" /
/// "Stora möten 1 000 deltagare".
pub fn line_name(locale: Locale, capacity: Capacity) -> String {
    crate::ui::messages::fill(
        td_string!(locale, billing.line.name),
        &[("count", &format::count_in(locale, capacity.participants()))],
    )
}

/// The navigation path to a billing portal: "Plans and Billing > Plan Management".
pub fn billing_portal(locale: Locale, portal: BillingPortal) -> &'static str {
    match portal {
        BillingPortal::PlansAndBilling => td_string!(locale, common.portal.plans_and_billing),
        BillingPortal::AccountManagement => td_string!(locale, common.portal.account_management),
    }
}
