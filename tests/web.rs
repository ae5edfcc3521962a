//! Component and storage tests in headless Chromium (wasm-bindgen-test).
//!
//! make test runs them with:
//! cargo test -p meetings-portal --target wasm32-unknown-unknown --test web
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use meetings_portal::i18n::I18nContextProvider;
use meetings_portal::state::{AppState, UndoError};
use meetings_portal::storage::{
    self, Mode, StorageNotice, WriteProblem, QUARANTINE_PREFIX, SESSION_KEY,
};
use meetings_portal::ui::areas;
use meetings_portal::ui::pages::SignInPage;
use meetings_portal::ui::router::Router;
use portal_domain::demo::ACME;
use portal_domain::persist::{DecodeError, LEGACY_STATE_KEY, META_KEY};
use portal_domain::time::Duration;
use portal_domain::{Command, Session, Timestamp, UndoRefusal, UserId};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

mod support;

use support::install_texts;

wasm_bindgen_test_configure!(run_in_browser);

const ACME_MEMBER: UserId = UserId(3);
const ACME_OWNER: UserId = UserId(1);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn get(key: &str) -> Option<String> {
    local_storage().get_item(key).unwrap()
}

fn keys() -> Vec<String> {
    let s = local_storage();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .collect()
}

fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Mounts the sign-in page on fresh storage and returns its host element.
fn mount_sign_in() -> (Element, impl Drop) {
    local_storage().clear().unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    install_texts();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), || {
        provide_context(AppState::load());
        view! {
            <I18nContextProvider>
                {
                    Router::provide();
                    view! { <SignInPage /> }
                }
            </I18nContextProvider>
        }
    });
    (host, handle)
}

fn input(host: &Element, selector: &str) -> HtmlInputElement {
    host.query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into()
}

fn submit(host: &Element, email: &str, password: &str) {
    input(host, "#sign-in-email").set_value(email);
    input(host, "#sign-in-password").set_value(password);
    host.query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
}

/// Waits (up to 10 s) until the page shows an alert, and returns every alert's text.
async fn alerts(host: &Element) -> Vec<String> {
    for _ in 0..200 {
        let found = host.query_selector_all("[role=alert]").unwrap();
        if found.length() > 0 {
            return (0..found.length())
                .filter_map(|i| found.item(i)?.text_content())
                .collect();
        }
        sleep(50).await;
    }
    Vec::new()
}

#[wasm_bindgen_test]
async fn a_wrong_password_shows_one_alert_and_starts_no_session() {
    let (host, handle) = mount_sign_in();
    assert!(
        get(META_KEY).is_some(),
        "the demo data is seeded on first start"
    );
    submit(&host, "owner@acme.example", "not-the-password");
    assert_eq!(alerts(&host).await, ["Incorrect email or password."]);
    assert_eq!(
        input(&host, "#sign-in-password").value(),
        "",
        "the password is cleared"
    );
    assert_eq!(input(&host, "#sign-in-email").value(), "owner@acme.example");
    assert!(get(SESSION_KEY).is_none());
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn an_unknown_email_gets_the_same_message_as_a_wrong_password() {
    let (host, handle) = mount_sign_in();
    submit(&host, "nobody@acme.example", "Demo!2026");
    assert_eq!(alerts(&host).await, ["Incorrect email or password."]);
    assert!(get(SESSION_KEY).is_none());
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn the_right_password_starts_a_session_without_any_alert() {
    let (host, handle) = mount_sign_in();
    submit(&host, "member@globex.example", "Demo!2026");
    for _ in 0..200 {
        if get(SESSION_KEY).is_some() {
            break;
        }
        sleep(50).await;
    }
    let session = get(SESSION_KEY);
    assert!(session.is_some(), "a session is stored");
    assert!(!session.unwrap().contains("Demo!2026"));
    assert_eq!(host.query_selector_all("[role=alert]").unwrap().length(), 0);
    drop(handle);
    host.remove();
}

// ---- storage -------------------------------------------------------------

/// An app state signed in as Acme's member, inside a reactive owner.
fn signed_in_state() -> (Owner, AppState) {
    let owner = Owner::new();
    let state = owner.with(AppState::load);
    state
        .session
        .set(Some(Session::start(ACME, ACME_MEMBER, now())));
    (owner, state)
}

fn schedule(topic: &str) -> Command {
    Command::ScheduleMeeting {
        host: ACME_MEMBER,
        topic: topic.into(),
        start: now() + Duration::days(3),
        duration_minutes: 30,
        expected_participants: None,
    }
}

fn stored_topics() -> Vec<String> {
    let (portal, _) = storage::reload().expect("readable data");
    portal.accounts[0]
        .meetings
        .iter()
        .map(|m| m.topic.clone())
        .collect()
}

#[wasm_bindgen_test]
fn the_first_start_stores_each_account_its_users_and_a_meta_record() {
    local_storage().clear().unwrap();
    let loaded = storage::load_or_seed(now());
    assert_eq!(loaded.mode, Mode::Writable);
    assert!(loaded.needs_save);
    let (_owner, _state) = signed_in_state();
    let mut stored = keys();
    stored.sort();
    // Each account's held meetings of the last 90 days: a key per month.
    let (portal, _) = storage::reload().expect("readable data");
    let mut expected: Vec<String> = [
        "lmp.account.1",
        "lmp.account.1.users.0",
        "lmp.account.2",
        "lmp.account.2.users.0",
        "lmp.meta",
    ]
    .map(String::from)
    .into();
    for account in &portal.accounts {
        let months = portal_domain::persist::history_chunks(account);
        assert!((3..=4).contains(&months.len()), "{} months", months.len());
        expected.extend(months.iter().map(|m| m.key(account.id)));
    }
    expected.sort();
    assert_eq!(stored, expected);
}

#[wasm_bindgen_test]
fn damaged_data_is_quarantined_unchanged_before_fresh_data_is_written() {
    local_storage().clear().unwrap();
    drop(signed_in_state());
    let good_meta = get(META_KEY).unwrap();
    local_storage()
        .set_item("lmp.account.2", "{\"id\":2, broken")
        .unwrap();
    let loaded = storage::load_or_seed(now());
    let Some(StorageNotice::Quarantined { key, problem }) = loaded.notice else {
        panic!("expected a quarantine notice");
    };
    assert!(key.starts_with(QUARANTINE_PREFIX));
    assert!(
        matches!(&problem, DecodeError::Malformed { record, .. } if record == "lmp.account.2"),
        "{problem:?}"
    );
    let kept: serde_json::Value = serde_json::from_str(&get(&key).unwrap()).unwrap();
    assert_eq!(kept["lmp.account.2"], "{\"id\":2, broken");
    assert_eq!(kept["lmp.meta"], good_meta.as_str());
    assert_eq!(storage::quarantined_text(&key), get(&key));
    assert_eq!(loaded.mode, Mode::Writable);
    assert_eq!(loaded.portal.accounts.len(), 2, "fresh demo data");
}

#[wasm_bindgen_test]
fn data_of_a_newer_version_is_left_untouched_and_nothing_is_saved() {
    local_storage().clear().unwrap();
    let newer = format!(
        r#"{{"schema":{},"revision":40,"saved_at":0,"accounts":[1]}}"#,
        portal_domain::persist::SCHEMA_VERSION + 1
    );
    let newer = newer.as_str();
    local_storage().set_item(META_KEY, newer).unwrap();
    local_storage()
        .set_item("lmp.account.1", "{\"future\":true}")
        .unwrap();
    let (_owner, state) = signed_in_state();
    assert!(matches!(
        state.notice.get_untracked(),
        Some(StorageNotice::NewerSchema { .. })
    ));
    state.dispatch(schedule("Only in memory")).unwrap();
    assert_eq!(get(META_KEY).as_deref(), Some(newer));
    assert_eq!(get("lmp.account.1").as_deref(), Some("{\"future\":true}"));
    assert!(keys().iter().all(|k| !k.starts_with(QUARANTINE_PREFIX)));
}

#[wasm_bindgen_test]
fn schema_1_data_is_migrated_and_saved_in_the_new_form() {
    local_storage().clear().unwrap();
    let v1 = include_str!("../domain/tests/fixtures/schema-v1.json");
    local_storage().set_item(LEGACY_STATE_KEY, v1).unwrap();
    let (_owner, state) = signed_in_state();
    assert_eq!(state.notice.get_untracked(), None);
    assert!(get(LEGACY_STATE_KEY).is_none(), "the old key is replaced");
    assert!(get(META_KEY).unwrap().contains("\"schema\":6"));
    assert!(stored_topics().contains(&"Quarterly Town Hall".to_string()));
}

#[wasm_bindgen_test]
fn a_full_storage_keeps_the_change_in_memory_damages_nothing_and_saves_on_retry() {
    local_storage().clear().unwrap();
    let (_owner, state) = signed_in_state();
    let before = get("lmp.account.1").unwrap();
    // Fill the quota with filler keys.
    let chunk = "x".repeat(512 * 1024);
    let mut filler = 0;
    while local_storage()
        .set_item(&format!("filler.{filler}"), &chunk)
        .is_ok()
    {
        filler += 1;
    }
    // Then smaller and smaller ones, down to the last few bytes.
    for size in [16 * 1024, 1024, 64, 1] {
        let mut n = 0;
        while local_storage()
            .set_item(&format!("s{size}.{n}"), &"y".repeat(size))
            .is_ok()
        {
            n += 1;
        }
    }
    state.dispatch(schedule("Saved later")).unwrap();
    let notice = state.notice.get_untracked();
    assert!(
        matches!(
            &notice,
            Some(StorageNotice::NotSaved {
                problem: WriteProblem::Full
            })
        ),
        "{notice:?}"
    );
    assert!(state.has_unsaved_changes());
    assert_eq!(
        get("lmp.account.1").unwrap(),
        before,
        "the stored account is intact"
    );
    let in_memory = state.portal.with_untracked(|p| {
        p.accounts[0]
            .meetings
            .iter()
            .any(|m| m.topic == "Saved later")
    });
    assert!(in_memory);

    for i in 0..filler {
        local_storage().remove_item(&format!("filler.{i}")).unwrap();
    }
    state.retry_unsaved();
    assert_eq!(state.notice.get_untracked(), None);
    assert!(!state.has_unsaved_changes());
    assert!(stored_topics().contains(&"Saved later".to_string()));
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn an_undo_takes_in_the_other_tabs_changes_first_is_saved_and_is_refused_a_second_time() {
    local_storage().clear().unwrap();
    let (_a_owner, tab_a) = signed_in_state();
    let (_b_owner, tab_b) = signed_in_state();
    tab_a.dispatch(schedule("Undone later")).unwrap();
    let change = tab_a
        .last_change
        .get_untracked()
        .expect("a scheduled meeting can be undone");
    tab_b.dispatch(schedule("From tab B")).unwrap();
    tab_a.undo(change.clone()).unwrap();
    let topics = stored_topics();
    assert!(!topics.contains(&"Undone later".to_string()), "{topics:?}");
    assert!(topics.contains(&"From tab B".to_string()), "{topics:?}");
    assert!(
        tab_a.last_change.get_untracked().is_some(),
        "the undo can be undone in turn"
    );
    // The same change again: refused, naming the undo; nothing is saved.
    let revision = storage::stored_revision();
    let again = tab_a.undo(change);
    assert!(
        matches!(
            &again,
            Err(UndoError::Refused {
                refusal: UndoRefusal::AlreadyUndone { .. },
                entry: Some(_),
            })
        ),
        "{again:?}"
    );
    assert_eq!(storage::stored_revision(), revision);
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_tab_never_saves_over_a_newer_revision_and_both_tabs_changes_survive() {
    local_storage().clear().unwrap();
    let (_a_owner, tab_a) = signed_in_state();
    let (_b_owner, tab_b) = signed_in_state();
    tab_b.dispatch(schedule("From tab B")).unwrap();
    tab_a.dispatch(schedule("From tab A")).unwrap();
    let topics = stored_topics();
    assert!(topics.contains(&"From tab A".to_string()), "{topics:?}");
    assert!(topics.contains(&"From tab B".to_string()), "{topics:?}");
    let shown_in_a = tab_a.portal.with_untracked(|p| {
        p.accounts[0]
            .meetings
            .iter()
            .any(|m| m.topic == "From tab B")
    });
    assert!(shown_in_a, "tab A took in tab B's change");
    assert_eq!(storage::stored_revision(), Some(3), "seed, B, A");
}

/// Runs `source` in the page (test set-up only).
fn run_js(source: &str) -> wasm_bindgen::JsValue {
    js_sys::Function::new_no_args(source)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap()
}

#[wasm_bindgen_test]
fn a_change_to_one_user_rewrites_only_that_users_chunk_and_the_last_log_chunk() {
    use portal_domain::{BaseLicense, Email, NewUser, Role};
    local_storage().clear().unwrap();
    let (_owner, state) = signed_in_state();
    state
        .session
        .set(Some(Session::start(ACME, ACME_OWNER, now())));
    let users = (0..3000)
        .map(|i| NewUser {
            email: Email::parse(&format!("user{i}@bulk.example")).unwrap(),
            first_name: "Bulk".into(),
            last_name: format!("User {i}"),
            license: BaseLicense::Basic,
            large_meetings: None,
            role: Role::Member,
            group: None,
        })
        .collect();
    state.dispatch(Command::ImportUsers { users }).unwrap();
    let mut chunks: Vec<String> = keys()
        .into_iter()
        .filter(|k| k.starts_with("lmp.account.1.users."))
        .collect();
    chunks.sort();
    assert_eq!(
        chunks.len(),
        4,
        "ids 1..=3020 in chunks of 1,000 ids: {chunks:?}"
    );

    run_js(
        "window.__writes = []; const set = Storage.prototype.setItem; \
         window.__set = set; Storage.prototype.setItem = function (k, v) { \
         window.__writes.push(k); return set.call(this, k, v); };",
    );
    let change = Command::EditUser {
        user: UserId(2500),
        role: Role::Admin,
        license: BaseLicense::Basic,
        large_meetings: None,
        until: None,
    };
    let result = state.dispatch(change);
    let writes =
        run_js("Storage.prototype.setItem = window.__set; return window.__writes.join(' ');");
    result.unwrap();
    assert_eq!(
        writes.as_string().unwrap(),
        "lmp.journal lmp.account.1.users.2 lmp.account.1.log.0 lmp.account.1 lmp.meta"
    );
    assert_eq!(
        local_storage().get_item("lmp.journal").unwrap(),
        None,
        "the journal is removed once the meta record is written"
    );
    let (portal, _) = storage::reload().unwrap();
    assert_eq!(
        portal.accounts[0].user(UserId(2500)).unwrap().role,
        Role::Admin
    );
    assert_eq!(portal.accounts[0].users.len(), 3020);
    local_storage().clear().unwrap();
}

/// Makes localStorage refuse a write, as a full quota does, whenever the JS
/// condition `refuse` holds; in it, `k` is the key and `n` counts the
/// portal's (`lmp.`) writes so far, this one included. [`allow_writes`] ends it.
fn refuse_writes_when(refuse: &str) {
    run_js(&format!(
        "const set = Storage.prototype.setItem; window.__set = set; let n = 0; \
         Storage.prototype.setItem = function (k, v) {{ \
         if (k.startsWith('lmp.')) n++; \
         if ({refuse}) throw new DOMException('full', 'QuotaExceededError'); \
         return set.call(this, k, v); }};"
    ));
}

fn allow_writes() {
    run_js("Storage.prototype.setItem = window.__set;");
}

#[wasm_bindgen_test]
fn failed_sign_ins_are_still_counted_when_storage_cannot_take_the_record() {
    use portal_domain::SignInError;
    local_storage().clear().unwrap();
    let (_owner, state) = signed_in_state();
    refuse_writes_when("k === 'lmp.sign-in-failures'");
    let tries: Vec<_> = (0..5)
        .map(|_| state.sign_in("owner@acme.example", "not the password"))
        .collect();
    let right = state.sign_in("owner@acme.example", "Demo!2026");
    allow_writes();
    assert_eq!(tries[3], Err(SignInError::InvalidCredentials));
    assert!(matches!(tries[4], Err(SignInError::TooManyAttempts { .. })));
    assert!(
        matches!(right, Err(SignInError::TooManyAttempts { .. })),
        "the wait holds although the record could not be stored"
    );
    assert_eq!(
        local_storage().get_item("lmp.sign-in-failures").unwrap(),
        None
    );
    local_storage().clear().unwrap();
}

/// Every stored key of the portal but the session, with its text.
fn stored_data() -> Vec<(String, Option<String>)> {
    let mut all: Vec<_> = keys()
        .into_iter()
        .filter(|k| k.starts_with("lmp.") && k != SESSION_KEY)
        .map(|k| {
            let text = get(&k);
            (k, text)
        })
        .collect();
    all.sort();
    all
}

#[wasm_bindgen_test]
fn reset_demo_data_that_storage_refuses_changes_nothing_stored_or_shown() {
    use meetings_portal::state::ResetError;
    local_storage().clear().unwrap();
    let (_owner, state) = signed_in_state();
    state
        .dispatch(schedule("Kept through a refused reset"))
        .unwrap();
    let before = stored_data();
    // The third write of the reset fails (the journal and the first chunk fit).
    refuse_writes_when("k.startsWith('lmp.') && n === 3");
    let result = state.reset_demo_data();
    allow_writes();
    assert_eq!(result, Err(ResetError::NotSaved(WriteProblem::Full)));
    assert_eq!(stored_data(), before, "what the reset wrote was put back");
    assert!(state.session.get_untracked().is_some(), "still signed in");
    let topics: Vec<String> = state.portal.with_untracked(|p| {
        p.accounts[0]
            .meetings
            .iter()
            .map(|m| m.topic.clone())
            .collect()
    });
    assert!(topics.contains(&"Kept through a refused reset".to_string()));

    // Once storage takes it, the reset stores a first start's data and signs out.
    state.reset_demo_data().unwrap();
    assert!(state.session.get_untracked().is_none());
    assert!(!stored_topics().contains(&"Kept through a refused reset".to_string()));
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn the_portals_own_path_is_found_under_the_base() {
    use meetings_portal::ui::base::{app_path, base_from_path};
    assert_eq!(base_from_path("/demo/"), "/demo");
    assert_eq!(base_from_path("/"), "");
    assert_eq!(app_path("/demo", "/demo/users"), "/users");
    assert_eq!(app_path("/demo", "/demo"), "/");
    assert_eq!(app_path("/demo", "/demo/"), "/");
    // A look-alike prefix is not the base.
    assert_eq!(app_path("/demo", "/demos/users"), "/demos/users");
    assert_eq!(app_path("", "/users"), "/users");
}

// ---- the table of pages ----------------------------------------------------

#[wasm_bindgen_test]
fn every_page_is_found_at_its_own_address_and_only_there() {
    for page in areas::ALL {
        assert_eq!(areas::at(page.path).map(|p| p.path), Some(page.path));
        assert_eq!(
            areas::at(&format!("{}/", page.path)).map(|p| p.path),
            Some(page.path)
        );
    }
    assert_eq!(areas::at("/").map(|p| p.path), Some(areas::PROFILE.path));
    assert!(areas::at("/user").is_none());
    assert!(areas::at("/users/extra").is_none());
}

#[wasm_bindgen_test]
fn every_area_is_in_the_navigation_once_and_every_linked_page_needs_it() {
    for area in portal_domain::Area::ALL {
        let entries: Vec<_> = areas::NAVIGATION
            .iter()
            .filter(|e| e.area == area)
            .collect();
        assert_eq!(entries.len(), 1, "{area:?}");
        for page in entries[0].pages {
            assert_eq!(page.area, Some(area), "{}", page.path);
        }
    }
}

/// The portal writes days itself (no `Intl` before the first page shows);
/// what it writes must be what the browser's medium date style writes, in
/// both languages, for every month and for days of one and two digits.
#[wasm_bindgen_test]
fn days_read_as_the_browser_writes_them() {
    install_texts();
    use meetings_portal::format::{bcp47, day_in};
    use meetings_portal::i18n::Locale;
    use portal_domain::Day;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into()).unwrap();
    js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into()).unwrap();
    let mut checked = 0;
    for locale in [Locale::en, Locale::sv] {
        for year in [1970, 2026, 2027, 2099] {
            for month in 1..=12 {
                for date in [1, 9, 10, 28] {
                    let day = Day::from_ymd(year, month, date).unwrap();
                    let js = js_sys::Date::new(&(day.start().millis() as f64).into());
                    let browser: String = js.to_locale_date_string(bcp47(locale), &options).into();
                    assert_eq!(
                        day_in(locale, day),
                        browser,
                        "{year}-{month}-{date} in {locale:?}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 384);
}

#[wasm_bindgen_test]
fn every_rule_an_undo_or_a_backup_would_break_is_worded_with_its_values_in_both_languages() {
    install_texts();
    use meetings_portal::i18n::Locale;
    use meetings_portal::ui::messages::rule_break;
    use portal_domain::backup::RuleBreak;
    use portal_domain::{Capacity, Email, GroupId};
    let email = Email::parse("liam.baker@acme.example").unwrap();
    let rules = [
        RuleBreak::UserIdsOutOfOrder { id: UserId(7) },
        RuleBreak::EmailTwice {
            email: email.clone(),
        },
        RuleBreak::OwnerCount { owners: 2 },
        RuleBreak::OwnerNotLicensed {
            email: email.clone(),
        },
        RuleBreak::MemberWithBilling {
            email: email.clone(),
        },
        RuleBreak::BasicWithLargeMeetings {
            email: email.clone(),
        },
        RuleBreak::UntilWithoutLargeMeetings {
            email: email.clone(),
        },
        RuleBreak::PaidSeatsOverUsed {
            used: 12,
            seats: 10,
        },
        RuleBreak::LargeMeetingsOverOwned {
            capacity: Capacity::P1000,
            assigned: 4,
            owned: 3,
        },
        RuleBreak::LinesBroken {
            capacity: Capacity::P3000,
        },
        RuleBreak::MeetingWithoutHost {
            topic: "Town hall".into(),
        },
        RuleBreak::GroupIdsOutOfOrder { id: GroupId(5) },
        RuleBreak::GroupNameTwice {
            name: "Sales".into(),
        },
        RuleBreak::UnknownGroup {
            email: email.clone(),
        },
        RuleBreak::GroupsNotSettled { email },
    ];
    for locale in [Locale::en, Locale::sv] {
        for rule in &rules {
            let words = rule_break(locale, rule);
            assert!(!words.contains('{'), "{locale:?} {rule:?}: {words}");
        }
    }
    let over = &rules[8];
    assert_eq!(
        rule_break(Locale::en, over),
        "4 users would have Large Meetings 1,000, with 3 licenses."
    );
    assert_eq!(
        rule_break(Locale::sv, over),
        "4 användare skulle ha Stora möten 1\u{a0}000, med 3 licenser."
    );
    assert_eq!(
        rule_break(Locale::en, &rules[1]),
        "liam.baker@acme.example would be there twice."
    );
}

#[wasm_bindgen_test]
fn a_message_is_filled_once_and_what_people_typed_stays_as_typed() {
    install_texts();
    use meetings_portal::i18n::{td_string, Locale};
    use meetings_portal::ui::messages::{domain_error, fill};
    let typed = "{name} {{ count }} %s $1";
    assert_eq!(
        fill("{name} was removed ({name}).", &[("name", &typed)]),
        format!("{typed} was removed ({typed}).")
    );
    assert_eq!(fill("no places", &[]), "no places");
    // A message of the locale files, in both languages.
    let taken = portal_domain::DomainError::GroupNameTaken {
        name: "Säljare {group}".into(),
    };
    assert_eq!(
        domain_error(Locale::en, &taken),
        "A group named Säljare {group} already exists. Choose another name."
    );
    assert_eq!(
        domain_error(Locale::sv, &taken),
        "Det finns redan en grupp som heter Säljare {group}. Välj ett annat namn."
    );
    assert!(td_string!(Locale::en, users.showing).contains("{total}"));
}
