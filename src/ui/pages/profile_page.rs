//! The signed-in person's profile and their account's settings.

use crate::format;
use crate::i18n::*;
use crate::state::use_app;
use crate::ui::labels;
use leptos::prelude::*;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    move || {
        let locale = i18n.get_locale();
        state.with_viewer(|account, user| {
            let capacity = format::count_in(locale, account.meeting_capacity_of(user));
            view! {
                <section class="page" aria-labelledby="page-title">
                    <h1 id="page-title">{t!(i18n, common.profile.title)}</h1>
                    <dl class="facts">
                        <dt>{t!(i18n, common.profile.name)}</dt>
                        <dd>{user.full_name()}</dd>
                        <dt>{t!(i18n, common.profile.email)}</dt>
                        <dd>{user.email.to_string()}</dd>
                        <dt>{t!(i18n, common.profile.role)}</dt>
                        <dd>{labels::role(locale, user.role)}</dd>
                        <dt>"Zoom Workplace"</dt>
                        <dd>{labels::license(locale, user.license)}</dd>
                        <dt>{t!(i18n, common.profile.meeting_capacity)}</dt>
                        <dd>{td_string!(locale, common.participants, count = capacity)}</dd>
                    </dl>
                    <h2>{t!(i18n, common.profile.account)}</h2>
                    <dl class="facts">
                        <dt>{t!(i18n, common.profile.account_name)}</dt>
                        <dd>{account.name.clone()}</dd>
                        <dt>{t!(i18n, common.profile.base_plan)}</dt>
                        <dd>{account.base_plan.name.clone()}</dd>
                        <dt>{t!(i18n, common.profile.billing_portal)}</dt>
                        <dd>{labels::billing_portal(locale, account.billing_portal)}</dd>
                    </dl>
                </section>
            }
        })
    }
}
