//! The app state, provided as context, and the actions that change it.
//!
//! Every change goes through [`AppState::dispatch`]: it first takes in what
//! other tabs saved, then runs the command in the domain, then saves. A change
//! that cannot be saved yet (storage full) stays in memory, is shown in a
//! banner and is retried; if another tab saved meanwhile, the change is
//! re-applied on top of that tab's data, so neither tab's work is lost.

use crate::format::now;
use crate::storage::{self, Dropped, ExternalChange, Mode, StorageNotice, WriteProblem};
use leptos::prelude::*;
use portal_domain::audit::AuditEntry;
use portal_domain::{
    Account, AccountId, Change, Command, DomainError, Outcome, Portal, Session, SignInError,
    Timestamp, UndoRefusal, User, UserId,
};
use std::sync::Arc;
use std::time::Duration;
use thiserror::Error;

/// Save the session's activity time at most this often (milliseconds).
const TOUCH_EVERY_MS: i64 = 30_000;
/// How often an unsaved change is retried.
const RETRY_EVERY: Duration = Duration::from_secs(5);
/// How often a running portal looks for Large Meetings whose time is up.
const EXPIRE_EVERY: Duration = Duration::from_secs(15);

/// Why the person was signed out; shown on the sign-in page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignOutReason {
    /// They pressed Sign Out.
    Requested,
    /// They signed out in another tab.
    OtherTab,
    /// 8 hours passed without activity.
    Expired,
    /// An admin removed their user from the account.
    Removed,
    /// Someone reset the demo data (Profile > Reset demo data).
    Reset,
}

/// Why an action did not happen.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ActionError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    /// Worded by `messages::action_error`; this text is for developers.
    #[error("signed out")]
    SignedOut,
}

/// Why an Undo did not happen; nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UndoError {
    /// The domain refused it; `entry` is the log entry the refusal names
    /// (a later change to undo first, a removal), as it reads.
    Refused {
        refusal: UndoRefusal,
        entry: Option<Box<AuditEntry>>,
    },
    SignedOut,
}

/// Why Reset demo data did not happen; nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResetError {
    /// The stored data belongs to a newer version and is left untouched.
    ReadOnly,
    /// Storage refused the demo data (the reason says why).
    NotSaved(WriteProblem),
}

/// A change not saved yet, kept so it can be re-applied on newer data.
#[derive(Clone, Debug)]
struct Pending {
    account: AccountId,
    actor: UserId,
    at: Timestamp,
    step: Step,
}

/// What a change was: a command, or the undo of an earlier change.
#[derive(Clone, Debug)]
enum Step {
    Command(Command),
    Undo(Arc<Change>),
}

impl Pending {
    /// Runs the change on `portal`: the log entries it wrote and, when it
    /// can be undone, what it did.
    fn apply(&self, portal: &mut Portal) -> Result<(Outcome, Option<Change>), Dropped> {
        let account = portal
            .account_mut(self.account)
            .ok_or(Dropped::AccountGone)?;
        match &self.step {
            Step::Command(command) => account
                .execute_undoable(self.actor, self.at, command.clone())
                .map_err(Dropped::Refused),
            Step::Undo(change) => account
                .undo(self.actor, self.at, change)
                .map(|(outcome, change)| (outcome, Some(change)))
                .map_err(Dropped::UndoRefused),
        }
    }
}

struct Persistence {
    mode: Mode,
    /// The stored revision this tab's data is based on.
    revision: u64,
    pending: Vec<Pending>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub portal: RwSignal<Portal>,
    pub session: RwSignal<Option<Session>>,
    /// A storage problem the banner reports.
    pub notice: RwSignal<Option<StorageNotice>>,
    /// Why the last session ended, for the sign-in page.
    pub signed_out: RwSignal<Option<SignOutReason>>,
    /// The last change made in this tab, if it can be undone: what a
    /// confirmation's Undo takes back.
    pub last_change: RwSignal<Option<Arc<Change>>>,
    persistence: StoredValue<Persistence>,
}

impl AppState {
    /// Loads the stored portal (seeding the demo data on first start) and
    /// the session of this browser, ending it if it has expired.
    pub fn load() -> Self {
        let now = now();
        let mut loaded = storage::load_or_seed(now);
        // Every account renews, not only until the first that did.
        let mut renewed = false;
        for account in &mut loaded.portal.accounts {
            renewed |= !account.renew_due(now).is_empty();
            // Large Meetings given until a moment that came while no tab
            // was open.
            renewed |= !account.expire_due(now).is_empty();
        }
        let mut signed_out = None;
        let session = match storage::load_session() {
            Some(session) if session.is_expired(now) => {
                storage::clear_session();
                signed_out = Some(SignOutReason::Expired);
                None
            }
            Some(session) if loaded.portal.resolve(&session).is_none() => {
                storage::clear_session();
                signed_out = Some(SignOutReason::Removed);
                None
            }
            other => other,
        };
        let state = Self {
            portal: RwSignal::new(loaded.portal),
            session: RwSignal::new(session),
            notice: RwSignal::new(loaded.notice),
            signed_out: RwSignal::new(signed_out),
            last_change: RwSignal::new(None),
            persistence: StoredValue::new(Persistence {
                mode: loaded.mode,
                revision: loaded.revision,
                pending: Vec::new(),
            }),
        };
        if loaded.needs_save || renewed {
            state.save(None);
        }
        state
    }

    /// Keeps this tab in step with the others and retries unsaved changes.
    /// Called once by the app; tests of single components need not.
    pub fn start_background_work(&self) {
        let state = *self;
        storage::watch_other_tabs(move |change| match change {
            ExternalChange::Data => state.take_in_other_tabs_changes(),
            ExternalChange::Session => state.take_in_other_tabs_session(),
        });
        let _ = set_interval_with_handle(move || state.retry_unsaved(), RETRY_EVERY);
        let _ = set_interval_with_handle(move || state.expire_due(), EXPIRE_EVERY);
    }

    /// Takes back Large Meetings given until a moment that has come while
    /// the portal runs (at start, [`AppState::load`] does), and saves.
    fn expire_due(&self) {
        let now = now();
        let due = self.portal.with_untracked(|p| {
            (p.accounts.iter())
                .flat_map(|a| &a.users)
                .any(|u| u.expires_by(now))
        });
        if !due {
            return;
        }
        self.take_in_other_tabs_changes();
        let mut changed = Vec::new();
        self.portal.update(|portal| {
            for account in &mut portal.accounts {
                if !account.expire_due(now).is_empty() {
                    changed.push(account.id);
                }
            }
        });
        if !changed.is_empty() {
            self.save(Some(&changed));
        }
    }

    /// Whether changes are currently kept only in this tab.
    pub fn has_unsaved_changes(&self) -> bool {
        self.persistence.with_value(|p| !p.pending.is_empty())
    }

    /// Runs `command` as the signed-in user and saves the result.
    pub fn dispatch(&self, command: Command) -> Result<Outcome, ActionError> {
        self.run(Step::Command(command))
            .map_err(|refused| match refused {
                Dropped::Refused(error) => ActionError::Domain(error),
                _ => ActionError::SignedOut,
            })
    }

    /// Takes back `change` (an earlier change of the signed-in account) as
    /// the signed-in user, and saves: the log entries the undo wrote.
    pub fn undo(&self, change: Arc<Change>) -> Result<Outcome, UndoError> {
        self.run(Step::Undo(change))
            .map_err(|refused| match refused {
                Dropped::UndoRefused(refusal) => {
                    let entry = match &refusal {
                        UndoRefusal::AlreadyUndone { entry } => Some(*entry),
                        UndoRefusal::ChangedSince { entry, .. }
                        | UndoRefusal::UserRemoved { entry, .. } => *entry,
                        _ => None,
                    };
                    let entry = entry.and_then(|at| self.entry(at)).map(Box::new);
                    UndoError::Refused { refusal, entry }
                }
                _ => UndoError::SignedOut,
            })
    }

    /// Log entry `at` of the signed-in account.
    fn entry(&self, at: usize) -> Option<AuditEntry> {
        let account = self.session.get_untracked()?.account;
        self.portal.with_untracked(|p| {
            (p.accounts.iter().find(|a| a.id == account)).and_then(|a| a.audit.get(at).cloned())
        })
    }

    /// Runs one change as the signed-in user and saves the result; keeps
    /// what it did for Undo.
    fn run(&self, step: Step) -> Result<Outcome, Dropped> {
        let session = self.session.get_untracked().ok_or(Dropped::AccountGone)?;
        self.take_in_other_tabs_changes();
        let now = now();
        let pending = Pending {
            account: session.account,
            actor: session.user,
            at: now,
            step,
        };
        let mut changed = false;
        let result = self.portal.try_update_untracked(|portal| {
            if let Some(account) = portal.account_mut(pending.account) {
                changed |= !account.renew_due(now).is_empty();
                changed |= !account.expire_due(now).is_empty();
            }
            let done = pending.apply(portal)?;
            changed = true;
            Ok(done)
        });
        let result = result.unwrap_or(Err(Dropped::AccountGone));
        if changed {
            let account = pending.account;
            if result.is_ok() {
                self.persistence.update_value(|p| p.pending.push(pending));
            }
            self.save(Some(&[account]));
            self.portal.notify();
        }
        let (outcome, change) = result?;
        self.last_change.set(change.map(Arc::new));
        Ok(outcome)
    }

    /// Saves the portal as the next revision; on failure keeps the change
    /// pending and says so.
    fn save(&self, changed: Option<&[AccountId]>) {
        let (mode, revision) = self.persistence.with_value(|p| (p.mode, p.revision));
        if mode != Mode::Writable {
            self.persistence.update_value(|p| p.pending.clear());
            return;
        }
        let next = revision + 1;
        let result = self
            .portal
            .with_untracked(|portal| storage::save(portal, changed, next, now()));
        match result {
            Ok(()) => {
                self.persistence.update_value(|p| {
                    p.revision = next;
                    p.pending.clear();
                });
                if matches!(
                    self.notice.get_untracked(),
                    Some(StorageNotice::NotSaved { .. })
                ) {
                    self.notice.set(None);
                }
            }
            Err(notice) => self.notice.set(Some(notice)),
        }
    }

    /// Retries saving changes that could not be saved before.
    pub fn retry_unsaved(&self) {
        if self.has_unsaved_changes() {
            self.take_in_other_tabs_changes();
            if self.has_unsaved_changes() {
                self.save(None);
            }
        }
    }

    /// If another tab saved a newer revision, takes it in and re-applies
    /// this tab's unsaved changes on top of it.
    pub fn take_in_other_tabs_changes(&self) {
        let (mode, revision) = self.persistence.with_value(|p| (p.mode, p.revision));
        if mode != Mode::Writable || storage::stored_revision().is_none_or(|r| r <= revision) {
            return;
        }
        let Some((mut portal, stored)) = storage::reload() else {
            return;
        };
        let pending = self
            .persistence
            .try_update_value(|p| std::mem::take(&mut p.pending))
            .unwrap_or_default();
        let mut kept = Vec::new();
        let mut dropped = Vec::new();
        for change in pending {
            match change.apply(&mut portal) {
                Ok(_) => kept.push(change),
                Err(why) => dropped.push(why),
            }
        }
        // What this tab's last change did is not what it does on the other
        // tab's data.
        if !kept.is_empty() || !dropped.is_empty() {
            self.last_change.set(None);
        }
        self.persistence.update_value(|p| {
            p.revision = stored;
            p.pending = kept;
        });
        self.portal.set(portal);
        let removed = self
            .session
            .get_untracked()
            .is_some_and(|s| self.portal.with_untracked(|p| p.resolve(&s).is_none()));
        if removed {
            self.sign_out(SignOutReason::Removed);
        }
        if !dropped.is_empty() {
            self.notice.set(Some(StorageNotice::Conflict { dropped }));
        }
        if self.has_unsaved_changes() {
            self.save(None);
        }
    }

    fn take_in_other_tabs_session(&self) {
        match storage::load_session() {
            None if self.session.get_untracked().is_some() => {
                self.signed_out.set(Some(SignOutReason::OtherTab));
                self.session.set(None);
            }
            Some(theirs) => {
                let same = self
                    .session
                    .get_untracked()
                    .is_some_and(|ours| (ours.account, ours.user) == (theirs.account, theirs.user));
                if same {
                    self.session.update_untracked(|s| *s = Some(theirs));
                } else if self.portal.with_untracked(|p| p.resolve(&theirs).is_some()) {
                    self.session.set(Some(theirs));
                }
            }
            None => {}
        }
    }

    /// Puts every account back to the demo data of a first start and signs
    /// out. The demo data is stored first, as one save: if storage refuses
    /// it, the stored data and this tab stay as they were. Other tabs take
    /// the new data in (and sign out, as the session is gone). Quarantined
    /// copies, the language choice and the sign-in wait record are kept.
    pub fn reset_demo_data(&self) -> Result<(), ResetError> {
        let now = now();
        let portal = portal_domain::demo::portal(now);
        let (mode, revision) = self.persistence.with_value(|p| (p.mode, p.revision));
        match mode {
            Mode::ReadOnly => return Err(ResetError::ReadOnly),
            Mode::Memory => {}
            Mode::Writable => {
                // Above any revision another tab stored, so every tab takes it in.
                let next = revision.max(storage::stored_revision().unwrap_or(0)) + 1;
                storage::save(&portal, None, next, now).map_err(|notice| match notice {
                    StorageNotice::NotSaved { problem } => ResetError::NotSaved(problem),
                    _ => ResetError::NotSaved(WriteProblem::Refused),
                })?;
                self.persistence.update_value(|p| p.revision = next);
            }
        }
        self.persistence.update_value(|p| p.pending.clear());
        self.last_change.set(None);
        self.portal.set(portal);
        if matches!(
            self.notice.get_untracked(),
            Some(StorageNotice::NotSaved { .. } | StorageNotice::Conflict { .. })
        ) {
            self.notice.set(None);
        }
        self.sign_out(SignOutReason::Reset);
        Ok(())
    }

    /// Checks the credentials and starts a session.
    pub fn sign_in(&self, email: &str, password: &str) -> Result<(), SignInError> {
        let mut failures = storage::load_sign_in_failures();
        let result = self
            .portal
            .with_untracked(|portal| portal.sign_in(&mut failures, email, password, now()));
        storage::save_sign_in_failures(&failures);
        let session = result?;
        storage::save_session(&session);
        self.signed_out.set(None);
        self.session.set(Some(session));
        Ok(())
    }

    pub fn sign_out(&self, reason: SignOutReason) {
        storage::clear_session();
        self.last_change.set(None);
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

/// The signed-in person and their account, provided once by the shell to
/// every page it shows (see [`use_signed_in`]).
///
/// Pages read what they need in place, never copying the account (with
/// 50,000 users a copy per change would cost more than the change itself):
/// [`SignedIn::memo`] for what a view shows, [`SignedIn::with_untracked`]
/// in event handlers, [`SignedIn::dispatch`] to change something.
///
/// The shell is rebuilt when a different person signs in, so the ids never
/// change for the pages under it. Between the moment this person's user is
/// removed (by an admin, in another tab) and the shell leaving for the
/// sign-in page, the reads give `R::default()`; nothing is changed then, as
/// [`SignedIn::dispatch`] re-checks the session in the domain.
#[derive(Clone, Copy)]
pub struct SignedIn {
    state: AppState,
    pub account: AccountId,
    pub user: UserId,
}

impl SignedIn {
    /// The person the session of `state` belongs to, if it still resolves.
    pub fn current(state: AppState) -> Option<Self> {
        let session = state.session.get()?;
        state
            .portal
            .with(|portal| portal.resolve(&session).map(|(a, u)| (a.id, u.id)))
            .map(|(account, user)| SignedIn {
                state,
                account,
                user,
            })
    }

    fn resolve<'p>(&self, portal: &'p Portal) -> Option<(&'p Account, &'p User)> {
        let account = portal.accounts.iter().find(|a| a.id == self.account)?;
        Some((account, account.user(self.user)?))
    }

    /// Runs `f` on the account and the person (tracked: memos and effects
    /// that call it re-run when the portal changes).
    pub fn with<R: Default>(&self, f: impl FnOnce(&Account, &User) -> R) -> R {
        self.state
            .portal
            .with(|portal| self.resolve(portal).map(|(a, u)| f(a, u)))
            .unwrap_or_default()
    }

    /// [`Self::with`] without tracking, for event handlers.
    pub fn with_untracked<R: Default>(&self, f: impl FnOnce(&Account, &User) -> R) -> R {
        self.state
            .portal
            .with_untracked(|portal| self.resolve(portal).map(|(a, u)| f(a, u)))
            .unwrap_or_default()
    }

    /// A value read from the account, recomputed when the portal changes and
    /// passed on only when it differs (so a change elsewhere in the account
    /// does not re-render what shows this value).
    pub fn memo<T>(&self, f: impl Fn(&Account, &User) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: Clone + Default + PartialEq + Send + Sync + 'static,
    {
        let this = *self;
        Memo::new(move |_| this.with(&f))
    }

    /// Runs `command` as this person and saves the result.
    pub fn dispatch(&self, command: Command) -> Result<Outcome, ActionError> {
        self.state.dispatch(command)
    }

    /// The app state, for what is not about the account (sign out, notices).
    pub fn app(&self) -> AppState {
        self.state
    }
}

impl PartialEq for SignedIn {
    fn eq(&self, other: &Self) -> bool {
        (self.account, self.user) == (other.account, other.user)
    }
}

/// The signed-in person, provided by the shell (`crate::ui::layout`).
pub fn use_signed_in() -> SignedIn {
    expect_context::<SignedIn>()
}

/// The app state provided by [`crate::ui::App`].
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
