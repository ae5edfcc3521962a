//! Account Management > Billing (the classic billing portal): tabs Current
//! Plans and Invoice History, and the three-step cart.

use crate::i18n::*;
use crate::state::{use_signed_in, SignedIn};
use crate::ui::components::billing::{
    place_order, use_quote, CurrentPlans, Feedback, FeedbackView, OrderDraft, OrderFields,
    OrderHistory, PriceSummary, Refusal,
};
use crate::ui::components::table_scroll::TableScroll;
use crate::ui::pages::help_page::{BestPracticesLink, BillingSettingsLink, RequirementsLink};
use crate::ui::router::{use_router, Navigation, Router};
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use portal_domain::{BillingCycle, Capacity, DomainError, Quote};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    CurrentPlans,
    InvoiceHistory,
}

impl Tab {
    /// The id of the tab's button.
    fn id(self) -> &'static str {
        match self {
            Self::CurrentPlans => "tab-current-plans",
            Self::InvoiceHistory => "tab-invoice-history",
        }
    }

    /// The id of the tab's panel.
    fn panel(self) -> &'static str {
        match self {
            Self::CurrentPlans => "panel-current-plans",
            Self::InvoiceHistory => "panel-invoice-history",
        }
    }

    /// The tab a key moves to from this one (arrows go round, Home and End
    /// go to the first and the last).
    fn after_key(self, key: &str) -> Option<Self> {
        match key {
            "ArrowRight" | "ArrowLeft" => Some(match self {
                Self::CurrentPlans => Self::InvoiceHistory,
                Self::InvoiceHistory => Self::CurrentPlans,
            }),
            "Home" => Some(Self::CurrentPlans),
            "End" => Some(Self::InvoiceHistory),
            _ => None,
        }
    }
}

/// Where the cart is. Each step is an address of its own
/// (`/billing?cart=review&capacity=3000&licenses=2&cycle=Monthly`), so the
/// browser's Back and Forward move between steps with the values kept, and a
/// reload stays on the step.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Closed,
    Cart,
    Review,
    Confirm,
}

impl Step {
    fn from_query(value: Option<&str>) -> Self {
        match value {
            Some("choose") => Self::Cart,
            Some("review") => Self::Review,
            Some("order") => Self::Confirm,
            _ => Self::Closed,
        }
    }

    fn as_query(self) -> Option<&'static str> {
        match self {
            Self::Closed => None,
            Self::Cart => Some("choose"),
            Self::Review => Some("review"),
            Self::Confirm => Some("order"),
        }
    }
}

/// The portal's address of `step` with the draft's values.
fn cart_address(step: Step, draft: OrderDraft) -> String {
    let Some(step) = step.as_query() else {
        return "/billing".to_string();
    };
    let mut address = format!("/billing?cart={step}");
    if let Some(capacity) = draft.capacity.get_untracked() {
        address.push_str(&format!("&capacity={}", capacity.participants()));
    }
    let licenses: String = js_sys::encode_uri_component(&draft.quantity.get_untracked()).into();
    address.push_str(&format!(
        "&licenses={licenses}&cycle={}",
        draft.cycle.get_untracked()
    ));
    address
}

/// Takes the draft's values from the address (after Back, Forward or a
/// reload); values already there are left alone.
fn draft_from_query(draft: OrderDraft, query: Router) {
    let capacity = query
        .query("capacity")
        .and_then(|c| c.parse().ok())
        .and_then(|n| Capacity::from_participants(n).ok());
    if capacity.is_some() && draft.capacity.get_untracked() != capacity {
        draft.capacity.set(capacity);
    }
    if let Some(licenses) = query.query("licenses") {
        if draft.quantity.get_untracked() != licenses {
            draft.quantity.set(licenses);
        }
    }
    let cycle = query
        .query("cycle")
        .and_then(|c| c.parse::<BillingCycle>().ok());
    if let Some(cycle) = cycle.filter(|c| *c != draft.cycle.get_untracked()) {
        draft.cycle.set(cycle);
    }
}

#[component]
pub fn BillingPage() -> impl IntoView {
    let i18n = use_i18n();
    let (tab, set_tab) = signal(Tab::CurrentPlans);
    let plans_tab = NodeRef::<html::Button>::new();
    let invoices_tab = NodeRef::<html::Button>::new();
    let on_key = move |ev: KeyboardEvent| {
        let Some(next) = tab.get_untracked().after_key(&ev.key()) else {
            return;
        };
        ev.prevent_default();
        set_tab.set(next);
        let button = match next {
            Tab::CurrentPlans => plans_tab.get_untracked(),
            Tab::InvoiceHistory => invoices_tab.get_untracked(),
        };
        if let Some(button) = button {
            let _ = button.focus();
        }
    };
    let hidden = move |t: Tab| tab.get() != t;
    view! {
        <section class="page page--wide" aria-labelledby="page-title">
            <p class="page__trail">{tr!(i18n, billing.account_management)}</p>
            <h1 id="page-title">{tr!(i18n, billing.billing)}</h1>
            <div
                class="tabs"
                role="tablist"
                aria-label=move || t_string!(i18n, billing.billing)
                on:keydown=on_key
            >
                {tab_button(Tab::CurrentPlans, tab, set_tab, plans_tab, tr!(i18n, billing.current_plans))}
                {tab_button(Tab::InvoiceHistory, tab, set_tab, invoices_tab, tr!(i18n, billing.invoice_history))}
            </div>
            <div
                role="tabpanel"
                id=Tab::CurrentPlans.panel()
                aria-labelledby=Tab::CurrentPlans.id()
                hidden=move || hidden(Tab::CurrentPlans)
            >
                <CurrentPlansTab />
            </div>
            <div
                role="tabpanel"
                id=Tab::InvoiceHistory.panel()
                aria-labelledby=Tab::InvoiceHistory.id()
                hidden=move || hidden(Tab::InvoiceHistory)
            >
                <OrderHistory caption=Signal::derive(move || t_string!(i18n, billing.invoice_history)) />
            </div>
        </section>
    }
}

/// The button of tab `this`, named `label`; `tab` is the one selected.
fn tab_button(
    this: Tab,
    tab: ReadSignal<Tab>,
    set_tab: WriteSignal<Tab>,
    node: NodeRef<html::Button>,
    label: impl IntoView + 'static,
) -> impl IntoView {
    let selected = move || tab.get() == this;
    view! {
        <button
            type="button"
            role="tab"
            id=this.id()
            aria-controls=this.panel()
            aria-selected=move || selected().to_string()
            tabindex=move || if selected() { "0" } else { "-1" }
            node_ref=node
            on:click=move |_| set_tab.set(this)
        >
            {label}
        </button>
    }
}

/// The cart: the order being filled in, its price, and the way between
/// its steps (each an address of its own).
#[derive(Clone, Copy)]
struct Cart {
    who: SignedIn,
    draft: OrderDraft,
    feedback: Feedback,
    quote: Memo<Option<Result<Quote, DomainError>>>,
    /// Goes to a step; `true` replaces the current history entry.
    go_to: Callback<(Step, bool)>,
}

impl Cart {
    /// Goes to `to` as a new history entry.
    fn go(self, to: Step) {
        self.feedback.error.set(None);
        self.go_to.run((to, false));
    }

    /// Save and Continue from the first step: to the review if the order
    /// has a price, otherwise says why not.
    fn continue_from_cart(self) {
        self.draft.checked.set(true);
        match self.quote.get_untracked() {
            Some(Ok(_)) => {
                // Back from the review returns to the cart as filled in.
                keep_in_history(&cart_address(Step::Cart, self.draft));
                self.go(Step::Review)
            }
            Some(Err(e)) => self.feedback.failed(e),
            None => self.feedback.failed(Refusal::CheckOrder),
        }
    }

    /// Place Order: on success the cart's step leaves the address.
    fn place(self, locale: Locale) {
        match place_order(self.who, self.draft, locale) {
            Ok(notice) => {
                self.go_to.run((Step::Closed, true));
                if let Some(notice) = notice {
                    self.feedback.done(notice);
                }
            }
            Err(refusal) => self.feedback.failed(refusal),
        }
    }
}

#[component]
fn CurrentPlansTab() -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let feedback = Feedback::new();
    let draft = OrderDraft::new();
    let router = use_router();
    // The address says which step is open and what was chosen.
    Effect::new(move |_| draft_from_query(draft, router));
    let quote = use_quote(who, draft);
    let step = Memo::new(move |_| {
        let asked = Step::from_query(router.query("cart").as_deref());
        match asked {
            // A later step opened without a valid order (an edited address)
            // starts at the first.
            Step::Review | Step::Confirm if !matches!(quote.get(), Some(Ok(_))) => Step::Cart,
            step => step,
        }
    });
    let go_to = Callback::new(move |(to, replace): (Step, bool)| {
        router.navigate(
            &cart_address(to, draft),
            Navigation {
                replace,
                keep_scroll: true,
            },
        )
    });
    let cart = Cart {
        who,
        draft,
        feedback,
        quote,
        go_to,
    };
    let step_title = NodeRef::<html::H3>::new();
    let open_cart = move |capacity: Option<Capacity>| {
        draft.start(who, capacity);
        feedback.clear();
        go_to.run((Step::Cart, false));
    };
    // Each step starts at its heading, for keyboard and screen-reader users.
    Effect::new(move |_| {
        if step.get() != Step::Closed {
            if let Some(title) = step_title.get() {
                let _ = title.focus();
            }
        }
    });
    view! {
        <FeedbackView feedback />
        <h2>{tr!(i18n, billing.current_plans)}</h2>
        <CurrentPlans feedback on_add_licenses=Callback::new(move |c| open_cart(Some(c))) />
        <ul class="help-links">
            <li><RequirementsLink /></li>
            <li><BestPracticesLink /></li>
            <li><BillingSettingsLink /></li>
        </ul>
        <h2 id="other-products-title">{tr!(i18n, billing.other_products.title)}</h2>
        <OtherProducts on_add=Callback::new(move |_| open_cart(None)) />
        {move || cart_step(cart, step.get(), step_title)}
    }
}

/// The products the account can add (Large Meetings), each with Add to Cart.
#[component]
fn OtherProducts(on_add: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    // The scroll region's name is fixed when it is built, so the table is
    // rebuilt when the language changes.
    move || {
        let l = i18n.get_locale();
        view! {
            <TableScroll label=td_string!(l, billing.other_products.label)>
            <table class="table products">
                <caption class="visually-hidden">{td_string!(l, billing.other_products.caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{td_string!(l, billing.other_products.product)}</th>
                        <th scope="col">{td_string!(l, billing.other_products.description)}</th>
                        <th scope="col">
                            <span class="visually-hidden">{td_string!(l, billing.other_products.action)}</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    <tr>
                        <th scope="row">{td_string!(l, billing.large_meetings)}</th>
                        <td>{td_string!(l, billing.other_products.large_meetings_description)}</td>
                        <td>
                            <button
                                type="button"
                                class="button button--primary"
                                on:click=move |_| on_add.run(())
                            >
                                {td_string!(l, billing.other_products.add_to_cart)}
                            </button>
                        </td>
                    </tr>
                </tbody>
            </table>
            </TableScroll>
        }
    }
}

/// The open step of the cart: choose, review, or place the order.
fn cart_step(cart: Cart, step: Step, title: NodeRef<html::H3>) -> impl IntoView {
    let i18n = use_i18n();
    let draft = cart.draft;
    let due_today = move || {
        cart.quote
            .get()
            .and_then(Result::ok)
            .map(|q| crate::format::money_in(i18n.get_locale(), q.due_today))
            .unwrap_or_default()
    };
    match step {
        Step::Closed => ().into_any(),
        Step::Cart => view! {
            <section class="card order-form" aria-labelledby="cart-title">
                <h3 id="cart-title" tabindex="-1" node_ref=title>{tr!(i18n, billing.cart.title)}</h3>
                <p class="steps">{tr!(i18n, billing.cart.step_choose)}</p>
                <OrderFields draft />
                <div class="form-actions">
                    <button type="button" class="button button--primary" on:click=move |_| cart.continue_from_cart()>
                        {tr!(i18n, billing.cart.save_and_continue)}
                    </button>
                    <button type="button" class="button" on:click=move |_| cart.go(Step::Closed)>
                        {tr!(i18n, common.cancel)}
                    </button>
                </div>
            </section>
        }
        .into_any(),
        Step::Review => view! {
            <section class="card order-form" aria-labelledby="review-title">
                <h3 id="review-title" tabindex="-1" node_ref=title>{tr!(i18n, billing.cart.review_title)}</h3>
                <p class="steps">{tr!(i18n, billing.cart.step_review)}</p>
                <PriceSummary draft />
                <div class="form-actions">
                    <button type="button" class="button button--primary" on:click=move |_| cart.go(Step::Confirm)>
                        {tr!(i18n, billing.cart.save_and_continue)}
                    </button>
                    <button type="button" class="button" on:click=move |_| cart.go(Step::Cart)>
                        {tr!(i18n, billing.cart.back)}
                    </button>
                </div>
            </section>
        }
        .into_any(),
        Step::Confirm => view! {
            <section class="card order-form" aria-labelledby="confirm-title">
                <h3 id="confirm-title" tabindex="-1" node_ref=title>{tr!(i18n, billing.cart.confirm_title)}</h3>
                <p class="steps">{tr!(i18n, billing.cart.step_order)}</p>
                <p>
                    {move || {
                        let text = td_string!(i18n.get_locale(), billing.cart.charged_today);
                        crate::ui::messages::fill(text, &[("amount", &due_today())])
                    }}
                </p>
                <div class="form-actions">
                    <button
                        type="button"
                        class="button button--primary"
                        on:click=move |_| cart.place(i18n.get_locale_untracked())
                    >
                        {tr!(i18n, billing.cart.place_order)}
                    </button>
                    <button type="button" class="button" on:click=move |_| cart.go(Step::Review)>
                        {tr!(i18n, billing.cart.back)}
                    </button>
                </div>
            </section>
        }
        .into_any(),
    }
}

/// Puts the values of the step being left into its history entry, so Back
/// returns to them (the router itself adds an entry only when navigating).
fn keep_in_history(address: &str) {
    let full = crate::ui::base::href(address);
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&full));
    }
}
