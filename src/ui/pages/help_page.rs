//! The help pages the article links to: what Large Meetings requires, how
//! to use it well, and where each billing portal keeps its settings.

use crate::i18n::*;
use crate::ui::base::href;
use leptos::prelude::*;

/// Where each help page lives.
pub const REQUIREMENTS: &str = "/help/large-meetings-requirements";
pub const BEST_PRACTICES: &str = "/help/large-meetings-best-practices";
pub const BILLING_SETTINGS: &str = "/help/billing-settings";

/// A link to the requirements page, for the places that assign or sell the add-on.
#[component]
pub fn RequirementsLink() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a href=href(REQUIREMENTS) class="help-link">{tr!(i18n, help.link_requirements)}</a>
    }
}

/// A link to the best-practices page, where the add-on is shown.
#[component]
pub fn BestPracticesLink() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a href=href(BEST_PRACTICES) class="help-link">{tr!(i18n, help.link_best_practices)}</a>
    }
}

/// A link to "Locate your billing settings", for the purchase pages.
#[component]
pub fn BillingSettingsLink() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a href=href(BILLING_SETTINGS) class="help-link">{tr!(i18n, help.link_billing_settings)}</a>
    }
}

/// The other help pages, at the foot of each.
#[component]
fn SeeAlso() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="help-see-also" aria-label=move || t_string!(i18n, help.help)>
            <ul>
                <li><RequirementsLink /></li>
                <li><BestPracticesLink /></li>
                <li><BillingSettingsLink /></li>
            </ul>
        </nav>
    }
}

#[component]
pub fn RequirementsHelpPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <article class="page help" aria-labelledby="page-title">
            <p class="page__trail">{tr!(i18n, help.help)}</p>
            <h1 id="page-title">{tr!(i18n, help.requirements.title)}</h1>
            <p class="page__lead">{tr!(i18n, help.requirements.intro)}</p>
            <h2>{tr!(i18n, help.requirements.privileges_title)}</h2>
            <ul>
                <li>{tr!(i18n, help.requirements.privileges_buy)}</li>
                <li>{tr!(i18n, help.requirements.privileges_assign)}</li>
            </ul>
            <h2>{tr!(i18n, help.requirements.licensed_title)}</h2>
            <p>{tr!(i18n, help.requirements.licensed_text)}</p>
            <p>{tr!(i18n, help.requirements.licensed_basic)}</p>
            <h2>{tr!(i18n, help.requirements.seats_title)}</h2>
            <p>{tr!(i18n, help.requirements.seats_text)}</p>
            <SeeAlso />
        </article>
    }
}

#[component]
pub fn BestPracticesHelpPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <article class="page help" aria-labelledby="page-title">
            <p class="page__trail">{tr!(i18n, help.help)}</p>
            <h1 id="page-title">{tr!(i18n, help.best_practices.title)}</h1>
            <p class="page__lead">{tr!(i18n, help.best_practices.intro)}</p>
            <h2>{tr!(i18n, help.best_practices.capacity_title)}</h2>
            <p>{tr!(i18n, help.best_practices.capacity_text)}</p>
            <h2>{tr!(i18n, help.best_practices.roles_title)}</h2>
            <p>{tr!(i18n, help.best_practices.roles_text)}</p>
            <h2>{tr!(i18n, help.best_practices.scheduled_title)}</h2>
            <p>{tr!(i18n, help.best_practices.scheduled_text)}</p>
            <h2>{tr!(i18n, help.best_practices.changes_title)}</h2>
            <p>{tr!(i18n, help.best_practices.changes_text)}</p>
            <SeeAlso />
        </article>
    }
}

#[component]
pub fn BillingSettingsHelpPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <article class="page help" aria-labelledby="page-title">
            <p class="page__trail">{tr!(i18n, help.help)}</p>
            <h1 id="page-title">{tr!(i18n, help.billing_settings.title)}</h1>
            <p class="page__lead">{tr!(i18n, help.billing_settings.intro)}</p>
            <h2>{tr!(i18n, help.billing_settings.new_title)}</h2>
            <p>{tr!(i18n, help.billing_settings.new_text)}</p>
            <h2>{tr!(i18n, help.billing_settings.classic_title)}</h2>
            <p>{tr!(i18n, help.billing_settings.classic_text)}</p>
            <h2>{tr!(i18n, help.billing_settings.who_title)}</h2>
            <p>{tr!(i18n, help.billing_settings.who_text)}</p>
            <SeeAlso />
        </article>
    }
}
