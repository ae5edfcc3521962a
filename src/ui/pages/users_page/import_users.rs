//! Import Users: many users from a CSV file, all or none. The file is read
//! and checked a slice of rows at a time, so the page stays responsive and
//! shows progress; only a file without problems changes the account.

use crate::format;
use crate::i18n::*;
use crate::state::{use_app, ActionError};
use crate::ui::components::dialog::{focus_by_id, Dialog, DialogActions};
use crate::ui::messages::{action_error, domain_error, import_file_problem, import_problem};
use leptos::html;
use leptos::prelude::*;
use portal_domain::import::{ImportReport, Importer, MAX_FILE_BYTES};
use portal_domain::Command;
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
    /// A message that applies to the whole attempt (no file, unreadable).
    Failed(String),
    /// The file's problems; nothing was imported.
    Refused(ImportReport),
}

/// Lets the browser paint and handle input before the next slice.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}

/// What the file field holds.
enum Chosen {
    Nothing,
    TooLarge(usize),
    /// The browser could not read it (moved, deleted, no permission).
    Unreadable(String),
    Bytes(Vec<u8>),
}

/// The file chosen in `input`, read whole (after a size check).
async fn chosen_file(input: &web_sys::HtmlInputElement) -> Chosen {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return Chosen::Nothing;
    };
    let size = file.size() as usize;
    if size > MAX_FILE_BYTES {
        return Chosen::TooLarge(size);
    }
    match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Chosen::Bytes(js_sys::Uint8Array::new(&buffer).to_vec()),
        Err(error) => Chosen::Unreadable(
            js_sys::Reflect::get(&error, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| file.name()),
        ),
    }
}

#[component]
pub fn ImportUsersDialog(on_close: Callback<()>, on_saved: Callback<String>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let input = NodeRef::<html::Input>::new();
    let stage = RwSignal::new(Stage::Idle);
    // Set when the dialog closes, so a running import stops.
    let closed = Arc::new(AtomicBool::new(false));
    on_cleanup({
        let closed = closed.clone();
        move || closed.store(true, Ordering::Relaxed)
    });
    let refuse = move |report: ImportReport| {
        stage.set(Stage::Refused(report));
        focus_by_id("import-file");
    };
    let fail = move |message: String| {
        stage.set(Stage::Failed(message));
        focus_by_id("import-file");
    };
    let run = move |closed: Arc<AtomicBool>| async move {
        let locale = i18n.get_locale_untracked();
        let Some(element) = input.get_untracked() else {
            return;
        };
        let element: web_sys::HtmlInputElement = element.unchecked_into();
        // Reading from here on: a second Import is ignored until this ends.
        stage.set(Stage::Reading(0, 0));
        let chosen = chosen_file(&element).await;
        if closed.load(Ordering::Relaxed) {
            return;
        }
        let bytes = match chosen {
            Chosen::Nothing => {
                return fail(td_string!(locale, users.import.choose_file).to_string())
            }
            Chosen::TooLarge(bytes) => {
                return refuse(ImportReport {
                    file: vec![portal_domain::import::FileProblem::TooLarge { bytes }],
                    ..ImportReport::default()
                })
            }
            Chosen::Unreadable(reason) => {
                return fail(td_string!(locale, users.import.unreadable, reason))
            }
            Chosen::Bytes(bytes) => bytes,
        };
        let started = state.with_viewer_untracked(|account, _| Importer::new(account, bytes));
        let mut importer = match started {
            None => return fail(action_error(locale, &ActionError::SignedOut)),
            Some(Err(report)) => return refuse(report),
            Some(Ok(importer)) => importer,
        };
        loop {
            next_frame().await;
            if closed.load(Ordering::Relaxed) {
                return;
            }
            let done = importer.step(ROWS_PER_SLICE);
            stage.set(Stage::Reading(importer.percent_done(), importer.rows()));
            if done {
                break;
            }
        }
        // The account as it is now: another tab may have changed it meanwhile.
        state.take_in_other_tabs_changes();
        let checked = state.with_viewer_untracked(|account, _| importer.finish(account));
        let users = match checked {
            None => return fail(action_error(locale, &ActionError::SignedOut)),
            Some(Err(report)) => return refuse(report),
            Some(Ok(users)) => users,
        };
        let count = users.len() as u32;
        match state.dispatch(Command::ImportUsers { users }) {
            Ok(_) => {
                let shown = format::count_in(locale, count);
                on_saved.run(if count == 1 {
                    td_string!(locale, users.import.done_one, count = shown)
                } else {
                    td_string!(locale, users.import.done_many, count = shown)
                })
            }
            Err(ActionError::Domain(error)) => fail(domain_error(locale, &error)),
            Err(error) => fail(action_error(locale, &error)),
        }
    };
    let start = move || {
        if matches!(stage.get_untracked(), Stage::Reading(..)) {
            return;
        }
        leptos::task::spawn_local(run(closed.clone()));
    };
    let reading = move || matches!(stage.get(), Stage::Reading(..));
    let has_error = move || matches!(stage.get(), Stage::Failed(_) | Stage::Refused(_));
    let progress = move || match stage.get() {
        Stage::Reading(percent, rows) => {
            let locale = i18n.get_locale();
            Some(view! {
                <div class="import-progress">
                    <progress
                        max="100"
                        value=percent.to_string()
                        aria-label=td_string!(locale, users.import.progress)
                    ></progress>
                    <p>
                        {if rows == 1 {
                            td_string!(
                                locale,
                                users.import.reading_one,
                                rows = format::count_in(locale, 1)
                            )
                        } else {
                            td_string!(
                                locale,
                                users.import.reading_many,
                                rows = format::count_in(locale, rows as u32)
                            )
                        }}
                    </p>
                </div>
            })
        }
        _ => None,
    };
    let problems = move || {
        let locale = i18n.get_locale();
        let body = match stage.get() {
            Stage::Failed(message) => view! { <p>{message}</p> }.into_any(),
            Stage::Refused(report) => {
                // "3 problems in 2 rows": the problems, and the rows (CSV
                // records) that have at least one.
                let count = format::count_in(locale, report.row_problems as u32);
                let rows = format::count_in(locale, report.problem_rows as u32);
                let summary = match (report.row_problems, report.problem_rows) {
                    (0, _) => td_string!(locale, users.import.refused_file).to_string(),
                    (1, _) => td_string!(locale, users.import.refused_rows_one, count, rows),
                    (_, 1) => {
                        td_string!(locale, users.import.refused_rows_many_in_one, count, rows)
                    }
                    _ => td_string!(locale, users.import.refused_rows_many, count, rows),
                };
                let unlisted = report.row_problems - report.listed.len();
                let lines: Vec<String> = report
                    .file
                    .iter()
                    .map(|p| import_file_problem(locale, p))
                    .chain(report.listed.iter().map(|p| import_problem(locale, p)))
                    .collect();
                view! {
                    <p>{summary}</p>
                    <ul class="import-problems">
                        {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ul>
                    {(unlisted > 0)
                        .then(|| {
                            view! {
                                <p>
                                    {if unlisted == 1 {
                                        td_string!(
                                            locale,
                                            users.import.more_problems_one,
                                            count = format::count_in(locale, 1)
                                        )
                                    } else {
                                        td_string!(
                                            locale,
                                            users.import.more_problems_many,
                                            count = format::count_in(locale, unlisted as u32)
                                        )
                                    }}
                                </p>
                            }
                        })}
                }
                .into_any()
            }
            _ => return None,
        };
        Some(view! { <div id="import-error" class="form-error" role="alert">{body}</div> })
    };
    view! {
        <Dialog labelled_by="import-users-title" on_close>
            <h2 id="import-users-title">{t!(i18n, users.import_users)}</h2>
            <form
                class="form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    start();
                }
            >
                <p class="form-hint">{t!(i18n, users.import.intro)}</p>
                <div class="field">
                    <label for="import-file">{t!(i18n, users.import.file)}</label>
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
                {progress}
                {problems}
                <DialogActions
                    label=Signal::derive(move || t_string!(i18n, users.import.submit))
                    on_cancel=on_close
                />
            </form>
        </Dialog>
    }
}
