//! Providers and the route table.

use crate::i18n::I18nContextProvider;
use crate::state::AppState;
use crate::ui::areas;
use crate::ui::base::router_base;
use crate::ui::components::guard::Guard;
use crate::ui::components::language::RememberedLocale;
use crate::ui::layout::{start_at_sign_in_if_signed_out, Shell};
use crate::ui::pages::{
    ActivityLogsPage, BestPracticesHelpPage, BillingPage, BillingSettingsHelpPage, MeetingsPage,
    NotFoundPage, PaymentHistoryPage, PlanManagementPage, ProfilePage, RequirementsHelpPage,
    SignInPage, UsersPage,
};
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

/// The whole portal.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    state.start_background_work();
    provide_context(state);
    start_at_sign_in_if_signed_out(state);
    view! {
        <I18nContextProvider>
        <RememberedLocale />
        <Router base=router_base()>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/sign-in") view=SignInPage />
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("/") view=|| view! { <Redirect path=areas::PROFILE.path /> } />
                    <Route path=areas::PROFILE.segment() view=ProfilePage />
                    <Route path=areas::MEETINGS.segment() view=MeetingsPage />
                    <Route
                        path=areas::USERS.segment()
                        view=|| view! { <Guard page=areas::USERS><UsersPage /></Guard> }
                    />
                    <Route
                        path=areas::PLAN_MANAGEMENT.segment()
                        view=|| {
                            view! {
                                <Guard page=areas::PLAN_MANAGEMENT>
                                    <PlanManagementPage />
                                </Guard>
                            }
                        }
                    />
                    <Route
                        path=areas::ACTIVITY_LOGS.segment()
                        view=|| {
                            view! {
                                <Guard page=areas::ACTIVITY_LOGS>
                                    <ActivityLogsPage />
                                </Guard>
                            }
                        }
                    />
                    <Route
                        path=areas::PAYMENT_HISTORY.segment()
                        view=|| {
                            view! {
                                <Guard page=areas::PAYMENT_HISTORY>
                                    <PaymentHistoryPage />
                                </Guard>
                            }
                        }
                    />
                    <Route
                        path=areas::BILLING.segment()
                        view=|| view! { <Guard page=areas::BILLING><BillingPage /></Guard> }
                    />
                    <Route
                        path=areas::HELP_REQUIREMENTS.segments()
                        view=RequirementsHelpPage
                    />
                    <Route
                        path=areas::HELP_BEST_PRACTICES.segments()
                        view=BestPracticesHelpPage
                    />
                    <Route
                        path=areas::HELP_BILLING_SETTINGS.segments()
                        view=BillingSettingsHelpPage
                    />
                    <Route path=path!("/*any") view=NotFoundPage />
                </ParentRoute>
            </Routes>
        </Router>
        </I18nContextProvider>
    }
}
