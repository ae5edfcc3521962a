//! Providers and the route table.

use crate::i18n::I18nContextProvider;
use crate::state::AppState;
use crate::ui::areas::{self, Page};
use crate::ui::components::guard::Guard;
use crate::ui::layout::{start_at_sign_in_if_signed_out, Shell};
use crate::ui::pages::{
    ActivityLogsPage, BestPracticesHelpPage, BillingPage, BillingSettingsHelpPage, GroupsPage,
    MeetingsPage, NotFoundPage, PaymentHistoryPage, PlanManagementPage, ProfilePage,
    RequirementsHelpPage, SignInPage, UsersPage,
};
use crate::ui::router::{redirect, Router};
use leptos::prelude::*;

/// The whole portal.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    state.start_background_work();
    provide_context(state);
    start_at_sign_in_if_signed_out(state);
    let router = Router::provide();
    // Sign In stands alone; every other address is a page of the shell.
    let sign_in = Memo::new(move |_| router.with_path(|path| path == "/sign-in"));
    view! {
        <I18nContextProvider>
            {move || {
                if sign_in.get() {
                    view! { <SignInPage /> }.into_any()
                } else {
                    view! { <Shell /> }.into_any()
                }
            }}
        </I18nContextProvider>
    }
}

/// What the shell shows at the portal's path: rebuilt when the path names
/// another page, never for a change of the query alone (the billing page's
/// steps live there).
#[derive(Clone, Copy, PartialEq)]
enum Route {
    /// "/": the start, which is the profile.
    Start,
    Page(&'static str),
    NotFound,
}

/// The page of the shell at the router's path (see [`Route`]).
#[component]
pub fn Routed() -> impl IntoView {
    let router = crate::ui::router::use_router();
    let route = Memo::new(move |_| {
        router.with_path(|path| match path.trim_end_matches('/') {
            "" => Route::Start,
            path => areas::ALL
                .iter()
                .find(|page| page.path == path)
                .map_or(Route::NotFound, |page| Route::Page(page.path)),
        })
    });
    move || match route.get() {
        Route::Start => {
            redirect(areas::PROFILE.path);
            ().into_any()
        }
        Route::NotFound => view! { <NotFoundPage /> }.into_any(),
        Route::Page(path) => page_view(path),
    }
}

/// A page behind the [`Guard`] of its area.
fn guarded(page: Page, children: fn() -> AnyView) -> AnyView {
    view! { <Guard page>{children()}</Guard> }.into_any()
}

fn page_view(path: &'static str) -> AnyView {
    use areas::*;
    match path {
        p if p == PROFILE.path => view! { <ProfilePage /> }.into_any(),
        p if p == MEETINGS.path => view! { <MeetingsPage /> }.into_any(),
        p if p == USERS.path => guarded(USERS, || view! { <UsersPage /> }.into_any()),
        p if p == GROUPS.path => guarded(GROUPS, || view! { <GroupsPage /> }.into_any()),
        p if p == PLAN_MANAGEMENT.path => guarded(PLAN_MANAGEMENT, || {
            view! { <PlanManagementPage /> }.into_any()
        }),
        p if p == ACTIVITY_LOGS.path => {
            guarded(ACTIVITY_LOGS, || view! { <ActivityLogsPage /> }.into_any())
        }
        p if p == PAYMENT_HISTORY.path => guarded(PAYMENT_HISTORY, || {
            view! { <PaymentHistoryPage /> }.into_any()
        }),
        p if p == BILLING.path => guarded(BILLING, || view! { <BillingPage /> }.into_any()),
        p if p == HELP_REQUIREMENTS.path => view! { <RequirementsHelpPage /> }.into_any(),
        p if p == HELP_BEST_PRACTICES.path => view! { <BestPracticesHelpPage /> }.into_any(),
        p if p == HELP_BILLING_SETTINGS.path => view! { <BillingSettingsHelpPage /> }.into_any(),
        _ => view! { <NotFoundPage /> }.into_any(),
    }
}
