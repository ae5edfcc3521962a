//! The app state, provided as context, and the actions that change it.
//!
//! Actions call the domain, then persist through [`crate::storage`].

use crate::format::now;
use crate::storage::{self, StorageNotice};
use leptos::prelude::*;
use portal_domain::access::{self, Area, Decision};
use portal_domain::{Account, Portal, Session, SignInError, User};

/// Save the session's activity time at most this often (milliseconds).
const TOUCH_EVERY_MS: i64 = 30_000;

/// Why the person was signed out; shown on the sign-in page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignOutReason {
    /// They pressed Sign Out.
    Requested,
    /// 8 hours passed without activity.
    Expired,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub portal: RwSignal<Portal>,
    pub session: RwSignal<Option<Session>>,
    /// A storage problem the banner reports.
    pub notice: RwSignal<Option<StorageNotice>>,
    /// Why the last session ended, for the sign-in page.
    pub signed_out: RwSignal<Option<SignOutReason>>,
}

/// Who is signed in, with what they may see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Viewer {
    pub account: Account,
    pub user: User,
    pub areas: Vec<Area>,
}

impl Viewer {
    pub fn decide(&self, area: Area) -> Decision {
        access::decide(&self.account, &self.user, area)
    }
}

impl AppState {
    /// Loads the stored portal (seeding the demo data on first start) and
    /// the session of this browser, ending it if it has expired.
    pub fn load() -> Self {
        let now = now();
        let loaded = storage::load_or_seed(now);
        let mut signed_out = None;
        let session = match storage::load_session() {
            Some(session) if session.is_expired(now) => {
                storage::clear_session();
                signed_out = Some(SignOutReason::Expired);
                None
            }
            Some(session) if loaded.portal.resolve(&session).is_none() => {
                storage::clear_session();
                None
            }
            other => other,
        };
        Self {
            portal: RwSignal::new(loaded.portal),
            session: RwSignal::new(session),
            notice: RwSignal::new(loaded.notice),
            signed_out: RwSignal::new(signed_out),
        }
    }

    /// The signed-in person, derived from the session and the portal.
    pub fn viewer(&self) -> Option<Viewer> {
        let session = self.session.get()?;
        self.portal.with(|portal| {
            let (account, user) = portal.resolve(&session)?;
            Some(Viewer {
                areas: access::visible_areas(account, user),
                account: account.clone(),
                user: user.clone(),
            })
        })
    }

    /// Checks the credentials and starts a session.
    pub fn sign_in(&self, email: &str, password: &str) -> Result<(), SignInError> {
        let session = self
            .portal
            .with_untracked(|portal| portal.sign_in(email, password, now()))?;
        storage::save_session(&session);
        self.signed_out.set(None);
        self.session.set(Some(session));
        Ok(())
    }

    pub fn sign_out(&self, reason: SignOutReason) {
        storage::clear_session();
        self.signed_out.set(Some(reason));
        self.session.set(None);
    }

    /// Records activity; ends the session instead if it has already expired.
    pub fn touch(&self) {
        let Some(mut session) = self.session.get_untracked() else {
            return;
        };
        let now = now();
        if session.is_expired(now) {
            self.sign_out(SignOutReason::Expired);
        } else if now.millis() - session.last_active.millis() >= TOUCH_EVERY_MS {
            session.touch(now);
            storage::save_session(&session);
            // Untracked: activity must not re-render the pages.
            self.session.update_untracked(|s| *s = Some(session));
        }
    }

    /// Ends the session if 8 idle hours have passed; called by a timer.
    pub fn check_expiry(&self) {
        if let Some(session) = self.session.get_untracked() {
            if session.is_expired(now()) {
                self.sign_out(SignOutReason::Expired);
            }
        }
    }
}

/// The app state provided by [`crate::ui::App`].
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
