//! Import Users: many users from a CSV file, all or none. The file is read
//! and checked a slice of rows at a time, so the page stays responsive and
//! shows progress; only a file without problems changes the account.

mod report;

use super::status::Status;
use crate::i18n::*;
use crate::state::{use_signed_in, ActionError, SignedIn};
use crate::ui::components::dialog::{focus_by_id, Dialog, DialogActions};
use leptos::html;
use leptos::prelude::*;
use portal_domain::import::{FileProblem, ImportReport, Importer, MAX_FILE_BYTES};
use portal_domain::Command;
use report::{problems, progress, ImportFailure, Stopped};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Rows checked between two paints.
const ROWS_PER_SLICE: usize = 2_500;

/// What the dialog shows under the file field.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Idle,
    /// Reading: the percent done and the rows read.
    Reading(u32, usize),
    /// Nothing was imported, and why.
    Stopped(Stopped),
}

/// Lets the browser paint and handle input before the next slice.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}

/// The file chosen in `input`, read whole (after a size check).
async fn chosen_file(input: &web_sys::HtmlInputElement) -> Result<Vec<u8>, Stopped> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return Err(Stopped::Failed(ImportFailure::ChooseFile));
    };
    let bytes = file.size() as usize;
    if bytes > MAX_FILE_BYTES {
        let file = vec![FileProblem::TooLarge { bytes }];
        return Err(Stopped::Refused(ImportReport {
            file,
            ..ImportReport::default()
        }));
    }
    // The browser could not read it (moved, deleted, no permission).
    let unreadable = |error: wasm_bindgen::JsValue| {
        let message = js_sys::Reflect::get(&error, &"message".into()).ok();
        let reason = message
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| file.name());
        Stopped::Failed(ImportFailure::Unreadable(reason))
    };
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads, checks and imports the file chosen in `input`, showing progress
/// in `stage`; gives how many users were imported, or what stopped it.
/// `None` when the dialog was closed meanwhile.
async fn import(
    input: web_sys::HtmlInputElement,
    who: SignedIn,
    stage: RwSignal<Stage>,
    closed: Arc<AtomicBool>,
) -> Option<Result<u32, Stopped>> {
    let signed_out = || Stopped::Failed(ImportFailure::Refused(ActionError::SignedOut));
    // Reading from here on: a second Import is ignored until this ends.
    stage.set(Stage::Reading(0, 0));
    let bytes = chosen_file(&input).await;
    if closed.load(Ordering::Relaxed) {
        return None;
    }
    let started = match bytes {
        Ok(bytes) => who.with_untracked(|a, _| Some(Importer::new(a, bytes))),
        Err(stopped) => return Some(Err(stopped)),
    };
    let mut importer = match started {
        None => return Some(Err(signed_out())),
        Some(started) => match started {
            Ok(importer) => importer,
            Err(report) => return Some(Err(Stopped::Refused(report))),
        },
    };
    loop {
        next_frame().await;
        if closed.load(Ordering::Relaxed) {
            return None;
        }
        let done = importer.step(ROWS_PER_SLICE);
        stage.set(Stage::Reading(importer.percent_done(), importer.rows()));
        if done {
            break;
        }
    }
    // The account as it is now: another tab may have changed it meanwhile.
    who.app().take_in_other_tabs_changes();
    let users = match who.with_untracked(|a, _| Some(importer.finish(a))) {
        None => return Some(Err(signed_out())),
        Some(Err(report)) => return Some(Err(Stopped::Refused(report))),
        Some(Ok(users)) => users,
    };
    let count = users.len() as u32;
    Some(match who.dispatch(Command::ImportUsers { users }) {
        Ok(_) => Ok(count),
        Err(error) => Err(Stopped::Failed(ImportFailure::Refused(error))),
    })
}

#[component]
pub fn ImportUsersDialog(on_close: Callback<()>, on_saved: Callback<Status>) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let input = NodeRef::<html::Input>::new();
    let stage = RwSignal::new(Stage::Idle);
    // Set when the dialog closes, so a running import stops.
    let closed = Arc::new(AtomicBool::new(false));
    on_cleanup({
        let closed = closed.clone();
        move || closed.store(true, Ordering::Relaxed)
    });
    let run = move |closed| async move {
        let Some(element) = input.get_untracked() else {
            return;
        };
        match import(element.unchecked_into(), who, stage, closed).await {
            None => {}
            Some(Ok(count)) => on_saved.run(Status::Imported { count }),
            Some(Err(stopped)) => {
                stage.set(Stage::Stopped(stopped));
                focus_by_id("import-file");
            }
        }
    };
    let start = move || {
        if !matches!(stage.get_untracked(), Stage::Reading(..)) {
            leptos::task::spawn_local(run(closed.clone()));
        }
    };
    let reading = move || matches!(stage.get(), Stage::Reading(..));
    let has_error = move || matches!(stage.get(), Stage::Stopped(_));
    view! {
        <Dialog labelled_by="import-users-title" on_close>
            <h2 id="import-users-title">{tr!(i18n, users.import_users)}</h2>
            <form
                class="form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    start();
                }
            >
                <p class="form-hint">{tr!(i18n, users.import.intro)}</p>
                <div class="field">
                    <label for="import-file">{tr!(i18n, users.import.file)}</label>
                    <input
                        id="import-file"
                        type="file"
                        accept=".csv,text/csv"
                        node_ref=input
                        disabled=reading
                        aria-invalid=move || has_error().then_some("true")
                        aria-describedby=move || has_error().then_some("import-error")
                    />
                </div>
                {move || match stage.get() {
                    Stage::Reading(percent, rows) => Some(progress(percent, rows).into_any()),
                    Stage::Stopped(stopped) => Some(problems(stopped).into_any()),
                    Stage::Idle => None,
                }}
                <DialogActions
                    label=Signal::derive(move || t_string!(i18n, users.import.submit))
                    on_cancel=on_close
                />
            </form>
        </Dialog>
    }
}
