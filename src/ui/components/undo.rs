//! Undo beside the confirmation of the last change, as long as the
//! confirmation is on screen: it takes back [`crate::state::AppState::last_change`]
//! as a change of its own (logged, and offered for undo in turn); a refusal
//! says why, naming the later change to undo first.

use crate::i18n::*;
use crate::state::{use_app, UndoError};
use crate::ui::messages::{Undone, Wording};
use crate::ui::pages::Said;
use leptos::prelude::*;
use portal_domain::{AuditAction, Outcome};

/// What an Undo did: the confirmation to show, or the refusal.
fn said(result: Result<Outcome, UndoError>) -> Said {
    match result {
        // The entries of the change taken back (the undo may log more: what
        // the groups' rules did after it).
        Ok(outcome) => Said::new(Undone {
            entries: (outcome.entries.iter())
                .filter(|e| matches!(e.action, AuditAction::Undone { .. }))
                .count(),
        }),
        Err(refused) => Said::refusal(refused),
    }
}

/// The Undo button that follows the confirmation in `status`, while it is
/// shown and the change it confirms can be undone. What the Undo did takes
/// the confirmation's place: "Change undone" (with Undo again, to take the
/// undo back), or why it was refused.
pub fn undo_last(status: RwSignal<Option<Said>>) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let undo = move |_| {
        if let Some(change) = app.last_change.get_untracked() {
            status.set(Some(said(app.undo(change))));
        }
    };
    // A memo, so that the button stays (and keeps focus) when one change
    // takes another's place.
    let shown =
        Memo::new(move |_| status.with(Option::is_some) && app.last_change.with(Option::is_some));
    move || {
        shown.get().then(|| {
            view! {
                <button type="button" class="button button--quiet undo" on:click=undo>
                    {tr!(i18n, messages.undo.button)}
                </button>
            }
        })
    }
}

/// A page's status line: what the last change did (a confirmation, or an
/// Undo refused, shown as an error), worded when shown, with the Undo that
/// follows it.
pub fn status_line(id: Option<&'static str>, status: RwSignal<Option<Said>>) -> impl IntoView {
    let words = crate::ui::worded(move |locale| {
        status.with(|s| s.as_ref().map(|s| s.words(locale)).unwrap_or_default())
    });
    view! {
        <p
            id=id
            class="form-status"
            class:form-status--refused=move || status.with(|s| s.as_ref().is_some_and(Said::is_refusal))
            role="status"
            tabindex="-1"
        >
            {words}
        </p>
        {undo_last(status)}
    }
}
