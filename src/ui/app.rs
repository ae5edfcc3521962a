//! Providers and the route table.

use crate::i18n::I18nContextProvider;
use crate::state::AppState;
use crate::ui::base::router_base;
use crate::ui::components::guard::Guard;
use crate::ui::components::language::RememberedLocale;
use crate::ui::layout::Shell;
use crate::ui::pages::{
    ActivityLogsPage, BestPracticesHelpPage, BillingPage, BillingSettingsHelpPage, MeetingsPage,
    NotFoundPage, PaymentHistoryPage, PlanManagementPage, ProfilePage, RequirementsHelpPage,
    SignInPage, UsersPage,
};
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;
use portal_domain::Area;

/// The whole portal.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    state.start_background_work();
    provide_context(state);
    view! {
        <I18nContextProvider>
        <RememberedLocale />
        <Router base=router_base()>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/sign-in") view=SignInPage />
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("/") view=|| view! { <Redirect path="/profile" /> } />
                    <Route path=path!("/profile") view=ProfilePage />
                    <Route path=path!("/meetings") view=MeetingsPage />
                    <Route
                        path=path!("/users")
                        view=|| view! { <Guard area=Area::Users><UsersPage /></Guard> }
                    />
                    <Route
                        path=path!("/plan-management")
                        view=|| {
                            view! {
                                <Guard area=Area::PlanManagement>
                                    <PlanManagementPage />
                                </Guard>
                            }
                        }
                    />
                    <Route
                        path=path!("/activity-logs")
                        view=|| {
                            view! {
                                <Guard area=Area::ActivityLogs>
                                    <ActivityLogsPage />
                                </Guard>
                            }
                        }
                    />
                    <Route
                        path=path!("/payment-history")
                        view=|| {
                            view! {
                                <Guard area=Area::PlanManagement>
                                    <PaymentHistoryPage />
                                </Guard>
                            }
                        }
                    />
                    <Route
                        path=path!("/billing")
                        view=|| view! { <Guard area=Area::Billing><BillingPage /></Guard> }
                    />
                    <Route
                        path=path!("/help/large-meetings-requirements")
                        view=RequirementsHelpPage
                    />
                    <Route
                        path=path!("/help/large-meetings-best-practices")
                        view=BestPracticesHelpPage
                    />
                    <Route path=path!("/help/billing-settings") view=BillingSettingsHelpPage />
                    <Route path=path!("/*any") view=NotFoundPage />
                </ParentRoute>
            </Routes>
        </Router>
        </I18nContextProvider>
    }
}
