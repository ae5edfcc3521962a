//! Shows a page only to those allowed to see it.

use crate::i18n::*;
use crate::state::use_signed_in;
use crate::ui::areas::{self, Page};
use crate::ui::base::href;
use crate::ui::labels;
use crate::ui::messages::fill;
use leptos::prelude::*;
use portal_domain::access;
use portal_domain::{BillingPortal, Decision};

/// Renders `children` if the signed-in user may open `area`; otherwise a
/// not-authorised page (or, for the billing portal the account does not
/// use, a pointer to the one it does). The page's content is never built
/// for someone who may not see it.
#[component]
pub fn Guard(
    /// The page, whose area decides who may open it.
    page: Page,
    children: ChildrenFn,
) -> impl IntoView {
    let Some(area) = page.area else {
        return children().into_any();
    };
    // A memo, so that changes to the portal's data that leave the decision
    // as it was do not rebuild the page (and lose what is typed in it).
    let decision =
        use_signed_in().memo(move |account, user| Some(access::decide(account, user, area)));
    (move || match decision.get() {
        Some(Decision::Allowed) => children().into_any(),
        Some(Decision::OtherPortal(portal)) => view! { <OtherPortalPage portal /> }.into_any(),
        _ => view! { <NotAuthorisedPage /> }.into_any(),
    })
    .into_any()
}

/// Shown instead of a page the user's role does not allow.
#[component]
pub fn NotAuthorisedPage() -> impl IntoView {
    let i18n = use_i18n();
    let role = use_signed_in().memo(|_, user| Some(user.role));
    let role = move || role.get().map(|r| labels::role(i18n.get_locale(), r));
    view! {
        <section class="page page--notice" aria-labelledby="page-title">
            <h1 id="page-title">{tr!(i18n, common.not_authorised.title)}</h1>
            <p>
                {move || {
                    let text = td_string!(i18n.get_locale(), common.not_authorised.text);
                    fill(text, &[("role", &role().unwrap_or_default())])
                }}
            </p>
            <p>
                <a href=href(areas::PROFILE.path)>{tr!(i18n, common.not_authorised.profile)}</a>
            </p>
        </section>
    }
}

/// Shown at the address of the billing portal the account does not use.
#[component]
fn OtherPortalPage(portal: BillingPortal) -> impl IntoView {
    let i18n = use_i18n();
    let account = use_signed_in().memo(|account, _| account.name.clone());
    let other = href(areas::billing_home(portal).path);
    let portal = move || labels::billing_portal(i18n.get_locale(), portal);
    view! {
        <section class="page page--notice" aria-labelledby="page-title">
            <h1 id="page-title">{tr!(i18n, common.other_portal.title)}</h1>
            <p>
                {move || {
                    let text = td_string!(i18n.get_locale(), common.other_portal.text);
                    fill(text, &[("account", &account.get()), ("portal", &portal())])
                }}
            </p>
            <p>
                <a href=other>
                    {move || {
                        fill(td_string!(i18n.get_locale(), common.other_portal.go), &[("portal", &portal())])
                    }}
                </a>
            </p>
        </section>
    }
}
