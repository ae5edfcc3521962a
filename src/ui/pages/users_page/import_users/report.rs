//! What Import Users shows while it reads (progress) and when it stops
//! (the file's problems, or why nothing could be read).

use crate::format;
use crate::i18n::*;
use crate::state::ActionError;
use crate::ui::messages::{import_file_problem, import_problem, Wording};
use leptos::prelude::*;
use portal_domain::import::{ImportPreview, ImportReport};

/// Why nothing was imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stopped {
    /// Nothing could be checked.
    Failed(ImportFailure),
    /// The file's problems.
    Refused(ImportReport),
}

/// What stopped the whole attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportFailure {
    /// Import pressed with no file chosen.
    ChooseFile,
    /// The browser could not read the file; its reason.
    Unreadable(String),
    /// The domain refused the users, or the session ended.
    Refused(ActionError),
}

impl Wording for ImportFailure {
    fn words(&self, locale: Locale) -> String {
        match self {
            Self::ChooseFile => td_string!(locale, users.import.choose_file).to_string(),
            Self::Unreadable(reason) => crate::ui::messages::fill(
                td_string!(locale, users.import.unreadable),
                &[("reason", &reason)],
            ),
            Self::Refused(error) => error.words(locale),
        }
    }
}

/// The progress bar and "Reading row 2,500…".
pub fn progress(percent: u32, rows: usize) -> impl IntoView {
    let i18n = use_i18n();
    let read = move || {
        let locale = i18n.get_locale();
        let count = format::count_in(locale, rows as u32);
        if rows == 1 {
            crate::ui::messages::fill(
                td_string!(locale, users.import.reading_one),
                &[("rows", &count)],
            )
        } else {
            crate::ui::messages::fill(
                td_string!(locale, users.import.reading_many),
                &[("rows", &count)],
            )
        }
    };
    view! {
        <div class="import-progress">
            <progress
                max="100"
                value=percent.to_string()
                aria-label=move || t_string!(i18n, users.import.progress)
            ></progress>
            <p>{read}</p>
        </div>
    }
}

/// "3 problems in 2 rows": the problems, and the rows (CSV records) that
/// have at least one; then each problem listed, and how many more are not.
fn report_lines(locale: Locale, report: &ImportReport) -> (String, Vec<String>, Option<String>) {
    let count = format::count_in(locale, report.row_problems as u32);
    let rows = format::count_in(locale, report.problem_rows as u32);
    let summary = match (report.row_problems, report.problem_rows) {
        (0, _) => td_string!(locale, users.import.refused_file).to_string(),
        (1, _) => crate::ui::messages::fill(
            td_string!(locale, users.import.refused_rows_one),
            &[("count", &count), ("rows", &rows)],
        ),
        (_, 1) => crate::ui::messages::fill(
            td_string!(locale, users.import.refused_rows_many_in_one),
            &[("count", &count), ("rows", &rows)],
        ),
        _ => crate::ui::messages::fill(
            td_string!(locale, users.import.refused_rows_many),
            &[("count", &count), ("rows", &rows)],
        ),
    };
    let lines = report
        .file
        .iter()
        .map(|p| import_file_problem(locale, p))
        .chain(report.listed.iter().map(|p| import_problem(locale, p)))
        .collect();
    let unlisted = report.row_problems - report.listed.len();
    let count = format::count_in(locale, unlisted as u32);
    let more = match unlisted {
        0 => None,
        1 => Some(crate::ui::messages::fill(
            td_string!(locale, users.import.more_problems_one),
            &[("count", &count)],
        )),
        _ => Some(crate::ui::messages::fill(
            td_string!(locale, users.import.more_problems_many),
            &[("count", &count)],
        )),
    };
    (summary, lines, more)
}

/// The alert under the file field: a failure, or the file's problems.
pub fn problems(stopped: Stopped) -> impl IntoView {
    let i18n = use_i18n();
    let body = move || {
        let locale = i18n.get_locale();
        let report = match &stopped {
            Stopped::Failed(failure) => return view! { <p>{failure.words(locale)}</p> }.into_any(),
            Stopped::Refused(report) => report,
        };
        let (summary, lines, more) = report_lines(locale, report);
        view! {
            <p>{summary}</p>
            <ul class="import-problems">
                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
            {more.map(|more| view! { <p>{more}</p> })}
        }
        .into_any()
    };
    view! { <div id="import-error" class="form-error" role="alert">{body}</div> }
}

/// What a checked file will change: how many users, then each kind of
/// change with its count, and the groups it creates.
fn preview_lines(locale: Locale, p: &ImportPreview) -> (String, Vec<String>) {
    let n = |count: u32| format::count_in(locale, count);
    let fill = crate::ui::messages::fill;
    let summary = match (p.added, p.changed) {
        (1, _) => fill(
            td_string!(locale, users.import.ready_add_one),
            &[("count", &n(1))],
        ),
        (added @ 2.., _) => fill(
            td_string!(locale, users.import.ready_add_many),
            &[("count", &n(added))],
        ),
        (_, changed) => fill(
            td_string!(locale, users.import.ready_update),
            &[("count", &n(changed)), ("rows", &n(p.rows))],
        ),
    };
    let mut lines: Vec<String> = [
        (td_string!(locale, users.import.change_names), p.names),
        (td_string!(locale, users.import.change_licenses), p.licenses),
        (
            td_string!(locale, users.import.change_large_meetings),
            p.large_meetings,
        ),
        (td_string!(locale, users.import.change_roles), p.roles),
        (td_string!(locale, users.import.change_groups), p.groups),
    ]
    .into_iter()
    .filter(|(_, count)| *count > 0)
    .map(|(what, count)| {
        fill(
            td_string!(locale, users.import.change),
            &[("what", &what), ("count", &n(count))],
        )
    })
    .collect();
    if !p.new_groups.is_empty() {
        let names = p.new_groups.join(", ");
        lines.push(fill(
            td_string!(locale, users.import.new_groups),
            &[("names", &names)],
        ));
    }
    (summary, lines)
}

/// What the preview region under the file field shows, in `locale`.
pub fn preview(locale: Locale, p: &ImportPreview) -> impl IntoView {
    let (summary, lines) = preview_lines(locale, p);
    let list = (!lines.is_empty()).then(|| {
        view! { <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }
    });
    view! {
        <p>{summary}</p>
        {list}
    }
}
