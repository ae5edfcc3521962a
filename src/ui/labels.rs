//! Names of the domain's roles, licenses and billing portals in the
//! chosen language.

use crate::i18n::*;
use portal_domain::{BaseLicense, BillingPortal, Role};

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

/// The navigation path to a billing portal: "Plans and Billing > Plan Management".
pub fn billing_portal(locale: Locale, portal: BillingPortal) -> &'static str {
    match portal {
        BillingPortal::PlansAndBilling => td_string!(locale, common.portal.plans_and_billing),
        BillingPortal::AccountManagement => td_string!(locale, common.portal.account_management),
    }
}
