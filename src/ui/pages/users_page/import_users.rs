//! Import Users: many users from a CSV file, added or updated, all or
//! none. The file is read and checked a slice of rows at a time, so the
//! page stays responsive and shows progress; a file without problems is
//! shown as what it will change (the preview), and Import applies it.

mod report;

use super::status::Status;
use crate::i18n::*;
use crate::state::{use_signed_in, ActionError, SignedIn};
use crate::ui::components::dialog::{focus_by_id, Dialog, DialogActions};
use leptos::html;
use leptos::prelude::*;
use portal_domain::import::{
    Checked, FileProblem, ImportMode, ImportReport, Importer, MAX_FILE_BYTES,
};
use report::{preview, problems, progress, ImportFailure, Stopped};
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
    /// The file is fine: the change Import makes, and what it will change.
    Ready(Arc<Checked>),
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

/// Reads and checks the file chosen in `input` for `mode`, showing
/// progress in `stage`; gives what it will change, or what stopped it.
/// `None` when the dialog was closed meanwhile.
async fn check(
    input: web_sys::HtmlInputElement,
    mode: ImportMode,
    who: SignedIn,
    stage: RwSignal<Stage>,
    closed: Arc<AtomicBool>,
) -> Option<Result<Checked, Stopped>> {
    let signed_out = || Stopped::Failed(ImportFailure::Refused(ActionError::SignedOut));
    // Reading from here on: a second Import is ignored until this ends.
    stage.set(Stage::Reading(0, 0));
    let bytes = chosen_file(&input).await;
    if closed.load(Ordering::Relaxed) {
        return None;
    }
    let started = match bytes {
        Ok(bytes) => who.with_untracked(|a, me| Some(Importer::new(a, bytes, mode, me.id))),
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
    let now = crate::format::now();
    Some(
        match who.with_untracked(|a, _| Some(importer.finish(a, now))) {
            None => Err(signed_out()),
            Some(checked) => checked.map_err(Stopped::Refused),
        },
    )
}

#[component]
pub fn ImportUsersDialog(on_close: Callback<()>, on_saved: Callback<Status>) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let input = NodeRef::<html::Input>::new();
    let mode = RwSignal::new(ImportMode::Add);
    let stage = RwSignal::new(Stage::Idle);
    // Set when the dialog closes, so a running check stops.
    let closed = Arc::new(AtomicBool::new(false));
    on_cleanup({
        let closed = closed.clone();
        move || closed.store(true, Ordering::Relaxed)
    });
    let stop = move |stopped| {
        stage.set(Stage::Stopped(stopped));
        focus_by_id("import-file");
    };
    let run = move |closed| async move {
        let Some(element) = input.get_untracked() else {
            return;
        };
        let mode = mode.get_untracked();
        match check(element.unchecked_into(), mode, who, stage, closed).await {
            None => {}
            Some(Ok(checked)) => stage.set(Stage::Ready(Arc::new(checked))),
            Some(Err(stopped)) => stop(stopped),
        }
    };
    // Check File reads the file; once it is fine, Import applies it.
    let submit = move || {
        match stage.get_untracked() {
            Stage::Reading(..) => return,
            Stage::Ready(_) => {}
            _ => return leptos::task::spawn_local(run(closed.clone())),
        }
        // Taken out of the stage (the only holder then), so it is sent once.
        let taken = stage.try_update(|s| std::mem::replace(s, Stage::Idle));
        let Some(Stage::Ready(checked)) = taken else {
            return;
        };
        let Some(Checked { command, preview }) = Arc::into_inner(checked) else {
            return;
        };
        let (added, changed) = (preview.added, preview.changed);
        let adding = matches!(command, portal_domain::Command::ImportUsers { .. });
        match who.dispatch(command) {
            Ok(_) if adding => on_saved.run(Status::Imported { count: added }),
            Ok(_) => on_saved.run(Status::Updated { count: changed }),
            Err(error) => stop(Stopped::Failed(ImportFailure::Refused(error))),
        }
    };
    // Another file or mode is checked again.
    let reset = move || {
        if !matches!(stage.get_untracked(), Stage::Reading(..)) {
            stage.set(Stage::Idle)
        }
    };
    let reading = move || matches!(stage.get(), Stage::Reading(..));
    let has_error = move || matches!(stage.get(), Stage::Stopped(_));
    let label = Signal::derive(move || match stage.get() {
        Stage::Ready(_) => t_string!(i18n, users.import.submit),
        _ => t_string!(i18n, users.import.check),
    });
    let choice = move |value: ImportMode, id: &'static str| {
        view! {
            <div class="choice">
                <input
                    type="radio"
                    name="import-mode"
                    id=id
                    disabled=reading
                    prop:checked=move || mode.get() == value
                    on:change=move |_| {
                        mode.set(value);
                        reset();
                    }
                />
                <label for=id>
                    {move || match value {
                        ImportMode::Add => t_string!(i18n, users.import.mode_add),
                        ImportMode::Update => t_string!(i18n, users.import.mode_update),
                    }}
                </label>
            </div>
        }
    };
    view! {
        <Dialog labelled_by="import-users-title" on_close>
            <h2 id="import-users-title">{tr!(i18n, users.import_users)}</h2>
            <form
                class="form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    submit();
                }
            >
                <fieldset class="fieldset">
                    <legend>{tr!(i18n, users.import.mode)}</legend>
                    {choice(ImportMode::Add, "import-mode-add")}
                    {choice(ImportMode::Update, "import-mode-update")}
                </fieldset>
                <p class="form-hint">
                    {move || match mode.get() {
                        ImportMode::Add => t_string!(i18n, users.import.intro),
                        ImportMode::Update => t_string!(i18n, users.import.intro_update),
                    }}
                </p>
                <div class="field">
                    <label for="import-file">{tr!(i18n, users.import.file)}</label>
                    <input
                        id="import-file"
                        type="file"
                        accept=".csv,text/csv"
                        node_ref=input
                        disabled=reading
                        // Opening the file chooser starts again: the same
                        // file picked again (edited meanwhile) sends no change.
                        on:click=move |_| reset()
                        on:change=move |_| reset()
                        aria-invalid=move || has_error().then_some("true")
                        aria-describedby=move || has_error().then_some("import-error")
                    />
                </div>
                {move || match stage.get() {
                    Stage::Reading(percent, rows) => Some(progress(percent, rows).into_any()),
                    Stage::Stopped(stopped) => Some(problems(stopped).into_any()),
                    _ => None,
                }}
                // Always on the page, so what appears in it is announced.
                <div id="import-preview" class="import-preview" role="status">
                    {move || match stage.get() {
                        Stage::Ready(checked) => Some(preview(i18n.get_locale(), &checked.preview)),
                        _ => None,
                    }}
                </div>
                <DialogActions label on_cancel=on_close />
            </form>
        </Dialog>
    }
}
