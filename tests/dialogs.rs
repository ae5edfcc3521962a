//! The Users page's dialogs in headless Chromium: what each lets the admin
//! do, what it refuses, and that a refusal changes nothing.
//!
//! make test runs them with:
//! cargo test -p meetings-portal --target wasm32-unknown-unknown --test dialogs
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use meetings_portal::i18n::I18nContextProvider;
use meetings_portal::state::{AppState, SignedIn};
use meetings_portal::ui::pages::UsersPage;
use meetings_portal::ui::router::Router;
use portal_domain::demo::ACME;
use portal_domain::{
    Account, BaseLicense, BillingCycle, Capacity, Command, Email, Quantity, Session, Timestamp,
    User,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};

mod support;

use support::install_texts;

wasm_bindgen_test_configure!(run_in_browser);

const ACME_ADMIN: portal_domain::UserId = portal_domain::UserId(2);

struct Page {
    host: Element,
    state: AppState,
    _handle: Box<dyn std::any::Any>,
    _owner: Owner,
}

impl Drop for Page {
    fn drop(&mut self) {
        self.host.remove();
    }
}

/// The Users page on fresh demo data, signed in as Acme's admin, after
/// `setup` ran as that admin.
fn users_page(setup: &[Command]) -> Page {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    let document = window.document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let owner = Owner::new();
    let state = owner.with(AppState::load);
    let now = Timestamp(js_sys::Date::now() as i64);
    state
        .session
        .set(Some(Session::start(ACME, ACME_ADMIN, now)));
    for command in setup {
        state.dispatch(command.clone()).unwrap();
    }
    install_texts();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        provide_context(state);
        provide_context(SignedIn::current(state).unwrap());
        view! {
            <I18nContextProvider>
                {
                    Router::provide();
                    view! { <UsersPage /> }
                }
            </I18nContextProvider>
        }
    });
    Page {
        host,
        state,
        _handle: Box::new(handle),
        _owner: owner,
    }
}

/// Lets the page re-render after an interaction.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn buy(capacity: Capacity, n: u32) -> Command {
    Command::PurchaseLargeMeetings {
        capacity,
        quantity: Quantity::new(n).unwrap(),
        cycle: BillingCycle::Monthly,
    }
}

impl Page {
    fn find(&self, selector: &str) -> Option<Element> {
        self.host.query_selector(selector).unwrap()
    }

    fn get<T: JsCast>(&self, selector: &str) -> T {
        self.find(selector)
            .unwrap_or_else(|| panic!("{selector} is on the page"))
            .unchecked_into()
    }

    async fn click(&self, selector: &str) {
        self.get::<HtmlElement>(selector).click();
        settle().await;
    }

    /// Clicks the button whose text is `text` inside `scope`.
    async fn click_text(&self, scope: &str, text: &str) {
        let buttons = self
            .host
            .query_selector_all(&format!("{scope} button"))
            .unwrap();
        let button = (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .find(|b| b.text_content().as_deref() == Some(text))
            .unwrap_or_else(|| panic!("a button {text:?} in {scope}"));
        button.unchecked_into::<HtmlElement>().click();
        settle().await;
    }

    fn fire(&self, selector: &str, kind: &str) {
        let init = EventInit::new();
        init.set_bubbles(true);
        let event = Event::new_with_event_init_dict(kind, &init).unwrap();
        self.get::<Element>(selector)
            .dispatch_event(&event)
            .unwrap();
    }

    async fn type_into(&self, selector: &str, text: &str) {
        self.get::<HtmlInputElement>(selector).set_value(text);
        self.fire(selector, "input");
        settle().await;
    }

    async fn choose(&self, selector: &str, value: &str) {
        self.get::<HtmlSelectElement>(selector).set_value(value);
        self.fire(selector, "change");
        settle().await;
    }

    async fn check(&self, selector: &str) {
        // A click toggles the box and sends `change`, as a person's would.
        self.click(selector).await;
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector)
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    fn account(&self) -> Account {
        self.state
            .portal
            .with_untracked(|p| p.accounts.iter().find(|a| a.id == ACME).unwrap().clone())
    }

    fn user(&self, email: &str) -> Option<User> {
        self.account()
            .user_by_email(&Email::parse(email).unwrap())
            .cloned()
    }

    async fn edit(&self, email: &str) {
        let id = self.user(email).unwrap().id;
        self.click(&format!("#edit-user-{id}")).await;
    }
}

#[wasm_bindgen_test]
async fn edit_user_enables_large_meetings_only_once_the_user_is_licensed_and_saves_both() {
    let page = users_page(&[buy(Capacity::P1000, 2)]);
    page.edit("basic@acme.example").await;
    let dialog = "[role=dialog]";
    assert_eq!(page.text(&format!("{dialog} h2")), "Edit User");
    let large = page.get::<HtmlInputElement>("#edit-large-meetings");
    assert!(large.disabled(), "Basic users cannot have the add-on");
    assert_eq!(
        page.text("#edit-large-meetings-note"),
        "Only paid users can enable this feature."
    );

    page.choose("#edit-zoom-workplace", "Licensed").await;
    assert!(!large.disabled(), "choosing the paid license enables it");
    assert_eq!(page.text("#edit-large-meetings-note"), "");
    page.check("#edit-large-meetings").await;
    let only = page.get::<HtmlInputElement>("#edit-lm-1000");
    assert!(only.checked(), "the one capacity owned is chosen");
    assert!(
        page.user("basic@acme.example")
            .unwrap()
            .large_meetings
            .is_none(),
        "nothing changes before Save"
    );

    page.click_text(dialog, "Save").await;
    assert!(page.find(dialog).is_none(), "the dialog closes");
    let user = page.user("basic@acme.example").unwrap();
    assert_eq!(user.license, BaseLicense::Licensed);
    assert_eq!(user.large_meetings, Some(Capacity::P1000));
    assert_eq!(page.text("[role=status]"), "Changes saved for Ben Brooks.");
}

#[wasm_bindgen_test]
async fn edit_user_back_to_basic_asks_first_and_cancel_changes_nothing() {
    let page = users_page(&[buy(Capacity::P500, 1)]);
    let liam = page.user("liam.baker@acme.example").unwrap();
    page.state
        .dispatch(Command::EditUser {
            user: liam.id,
            role: liam.role,
            license: liam.license,
            large_meetings: Some(Capacity::P500),
            until: None,
        })
        .unwrap();
    page.edit("liam.baker@acme.example").await;
    page.choose("#edit-zoom-workplace", "Basic").await;
    assert!(!page
        .get::<HtmlInputElement>("#edit-large-meetings")
        .checked());
    page.click_text("[role=dialog]", "Save").await;
    assert_eq!(
        page.text("[role=dialog] .confirm"),
        "Making Liam Baker Basic also removes their Large Meetings 500 participants license."
    );
    let before = page.account();
    page.click_text("[role=dialog]", "Cancel").await;
    assert!(page.find("[role=dialog]").is_none());
    assert_eq!(page.account(), before, "Cancel changes nothing");
    assert_eq!(
        page.user("liam.baker@acme.example").unwrap().large_meetings,
        Some(Capacity::P500)
    );
}

#[wasm_bindgen_test]
async fn add_users_marks_the_bad_field_says_why_and_adds_nobody() {
    let page = users_page(&[]);
    page.click("#add-users").await;
    let count = page.account().users.len();
    let submit = "[role=dialog] button[type=submit]";

    page.click(submit).await;
    assert_eq!(page.text("#add-user-error"), "Enter an email address.");
    let email = page.get::<HtmlInputElement>("#add-user-email");
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));

    page.type_into("#add-user-email", "not-an-email").await;
    page.click(submit).await;
    assert_eq!(
        page.text("#add-user-error"),
        "An email address contains exactly one @."
    );

    page.type_into("#add-user-email", "LIAM.Baker@acme.example")
        .await;
    page.type_into("#add-user-first-name", "Liam").await;
    page.type_into("#add-user-last-name", "Again").await;
    page.click(submit).await;
    assert_eq!(
        page.text("#add-user-error"),
        "A user with the email liam.baker@acme.example already exists."
    );

    page.type_into("#add-user-email", "new.person@acme.example")
        .await;
    page.type_into("#add-user-first-name", "  ").await;
    page.click(submit).await;
    assert_eq!(page.text("#add-user-error"), "Enter a first name.");
    let first = page.get::<HtmlInputElement>("#add-user-first-name");
    assert_eq!(first.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        email.get_attribute("aria-invalid"),
        None,
        "only the bad field"
    );
    assert_eq!(page.account().users.len(), count, "nobody was added");

    page.type_into("#add-user-first-name", "Nova").await;
    page.choose("#add-user-type", "Licensed").await;
    page.choose("#add-user-role", "Admin").await;
    page.click(submit).await;
    assert!(page.find("[role=dialog]").is_none());
    let added = page.user("new.person@acme.example").unwrap();
    assert_eq!(added.license, BaseLicense::Licensed);
    assert_eq!(added.role, portal_domain::Role::Admin);
    assert_eq!(
        page.text("[role=status]"),
        "Nova Again (new.person@acme.example) was added as a Licensed admin."
    );
}

#[wasm_bindgen_test]
async fn removing_a_host_needs_a_decision_about_their_meetings() {
    let page = users_page(&[]);
    let maya = page.user("member@acme.example").unwrap().id;
    page.click(&format!("#remove-user-{maya}")).await;
    assert_eq!(page.text("[role=dialog] h2"), "Remove User");
    assert!(page.text("[role=dialog]").contains("Quarterly Town Hall"));
    let before = page.account();

    page.click_text("[role=dialog]", "Remove user").await;
    assert_eq!(
        page.text("[role=dialog] [role=alert]"),
        "Choose what happens to their meetings: move them to another user or cancel them."
    );
    page.check("#remove-meetings-move").await;
    page.type_into("#remove-new-host", "nobody@acme.example")
        .await;
    page.click_text("[role=dialog]", "Remove user").await;
    assert_eq!(
        page.text("[role=dialog] [role=alert]"),
        "No user with the email \u{201c}nobody@acme.example\u{201d} is in your account."
    );
    assert_eq!(page.account(), before, "nothing changed yet");

    page.type_into("#remove-new-host", "emma.clark@acme.example")
        .await;
    page.click_text("[role=dialog]", "Remove user").await;
    assert!(page.find("[role=dialog]").is_none());
    let account = page.account();
    assert!(account.user(maya).is_none());
    let emma = page.user("emma.clark@acme.example").unwrap().id;
    assert!(account
        .meetings_hosted_by(emma)
        .iter()
        .any(|m| m.topic == "Quarterly Town Hall"));
    assert_eq!(page.text("[role=status]"), "Maya Moreno was removed.");
}

#[wasm_bindgen_test]
async fn edit_user_changes_the_role_but_never_the_admins_own() {
    let page = users_page(&[]);
    page.edit("admin@acme.example").await;
    let own = page.get::<HtmlSelectElement>("#edit-role");
    assert!(own.disabled(), "nobody changes their own role");
    page.click_text("[role=dialog]", "Cancel").await;

    page.edit("liam.baker@acme.example").await;
    let role = page.get::<HtmlSelectElement>("#edit-role");
    assert!(!role.disabled());
    assert_eq!(role.value(), "Member");
    page.choose("#edit-role", "Admin").await;
    page.click_text("[role=dialog]", "Save").await;
    assert_eq!(
        page.user("liam.baker@acme.example").unwrap().role,
        portal_domain::Role::Admin
    );
}
