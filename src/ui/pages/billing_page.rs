//! Account Management > Billing (the classic billing portal): tabs Current
//! Plans and Invoice History, and the three-step cart.

use crate::state::use_app;
use crate::ui::components::plans::{
    place_order, use_quote, CurrentPlans, Feedback, FeedbackView, OrderDraft, OrderFields,
    OrderHistory, PriceSummary,
};
use crate::ui::components::table_scroll::TableScroll;
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use portal_domain::Capacity;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    CurrentPlans,
    InvoiceHistory,
}

/// Where the cart is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Closed,
    Cart,
    Review,
    Confirm,
}

#[component]
pub fn BillingPage() -> impl IntoView {
    let (tab, set_tab) = signal(Tab::CurrentPlans);
    let plans_tab = NodeRef::<html::Button>::new();
    let invoices_tab = NodeRef::<html::Button>::new();
    let on_key = move |ev: KeyboardEvent| {
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowLeft" => match tab.get_untracked() {
                Tab::CurrentPlans => Tab::InvoiceHistory,
                Tab::InvoiceHistory => Tab::CurrentPlans,
            },
            "Home" => Tab::CurrentPlans,
            "End" => Tab::InvoiceHistory,
            _ => return,
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
    let selected = move |t: Tab| tab.get() == t;
    view! {
        <section class="page page--wide" aria-labelledby="page-title">
            <p class="page__trail">"Account Management"</p>
            <h1 id="page-title">"Billing"</h1>
            <div class="tabs" role="tablist" aria-label="Billing" on:keydown=on_key>
                <button
                    type="button"
                    role="tab"
                    id="tab-current-plans"
                    aria-controls="panel-current-plans"
                    aria-selected=move || selected(Tab::CurrentPlans).to_string()
                    tabindex=move || if selected(Tab::CurrentPlans) { "0" } else { "-1" }
                    node_ref=plans_tab
                    on:click=move |_| set_tab.set(Tab::CurrentPlans)
                >
                    "Current Plans"
                </button>
                <button
                    type="button"
                    role="tab"
                    id="tab-invoice-history"
                    aria-controls="panel-invoice-history"
                    aria-selected=move || selected(Tab::InvoiceHistory).to_string()
                    tabindex=move || if selected(Tab::InvoiceHistory) { "0" } else { "-1" }
                    node_ref=invoices_tab
                    on:click=move |_| set_tab.set(Tab::InvoiceHistory)
                >
                    "Invoice History"
                </button>
            </div>
            <div
                role="tabpanel"
                id="panel-current-plans"
                aria-labelledby="tab-current-plans"
                hidden=move || !selected(Tab::CurrentPlans)
            >
                <CurrentPlansTab />
            </div>
            <div
                role="tabpanel"
                id="panel-invoice-history"
                aria-labelledby="tab-invoice-history"
                hidden=move || !selected(Tab::InvoiceHistory)
            >
                <OrderHistory caption="Invoice History" />
            </div>
        </section>
    }
}

#[component]
fn CurrentPlansTab() -> impl IntoView {
    let state = use_app();
    let feedback = Feedback::new();
    let draft = OrderDraft::new();
    let (step, set_step) = signal(Step::Closed);
    let step_title = NodeRef::<html::H3>::new();
    let open_cart = move |capacity: Option<Capacity>| {
        draft.start(state, capacity);
        feedback.clear();
        set_step.set(Step::Cart);
    };
    // Each step starts at its heading, for keyboard and screen-reader users.
    Effect::new(move |_| {
        if step.get() != Step::Closed {
            if let Some(title) = step_title.get() {
                let _ = title.focus();
            }
        }
    });
    let quote = use_quote(draft);
    let go = move |to: Step| {
        feedback.error.set(None);
        set_step.set(to);
    };
    let continue_from_cart = move |_| {
        draft.checked.set(true);
        match quote.get_untracked() {
            Some(Ok(_)) => go(Step::Review),
            Some(Err(message)) => feedback.failed(message),
            None => feedback.failed("Check the order: some fields need attention.".into()),
        }
    };
    let place = move |_| match place_order(state, draft) {
        Ok(message) => {
            set_step.set(Step::Closed);
            feedback.done(message);
        }
        Err(message) => feedback.failed(message),
    };
    let due_today = move || {
        quote
            .get()
            .and_then(Result::ok)
            .map(|q| crate::format::money(q.due_today))
            .unwrap_or_default()
    };
    view! {
        <FeedbackView feedback />
        <h2>"Current Plans"</h2>
        <CurrentPlans feedback on_add_licenses=Callback::new(move |c| open_cart(Some(c))) />

        <h2 id="other-products-title">"Interested in other available products?"</h2>
        <TableScroll label="Products">
        <table class="table products">
            <caption class="visually-hidden">"Other available products"</caption>
            <thead>
                <tr>
                    <th scope="col">"Product"</th>
                    <th scope="col">"Description"</th>
                    <th scope="col">
                        <span class="visually-hidden">"Action"</span>
                    </th>
                </tr>
            </thead>
            <tbody>
                <tr>
                    <th scope="row">"Large Meetings"</th>
                    <td>"Meetings for up to 500, 1,000, 3,000 or 5,000 participants."</td>
                    <td>
                        <button
                            type="button"
                            class="button button--primary"
                            on:click=move |_| open_cart(None)
                        >
                            "Add to Cart"
                        </button>
                    </td>
                </tr>
            </tbody>
        </table>
        </TableScroll>

        {move || match step.get() {
            Step::Closed => ().into_any(),
            Step::Cart => {
                view! {
                    <section class="card order-form" aria-labelledby="cart-title">
                        <h3 id="cart-title" tabindex="-1" node_ref=step_title>"Cart: Large Meetings"</h3>
                        <p class="steps">"Step 1 of 3: choose"</p>
                        <OrderFields draft />
                        <div class="form-actions">
                            <button type="button" class="button button--primary" on:click=continue_from_cart>
                                "Save & Continue"
                            </button>
                            <button type="button" class="button" on:click=move |_| go(Step::Closed)>
                                "Cancel"
                            </button>
                        </div>
                    </section>
                }
                    .into_any()
            }
            Step::Review => {
                view! {
                    <section class="card order-form" aria-labelledby="review-title">
                        <h3 id="review-title" tabindex="-1" node_ref=step_title>"Review your changes"</h3>
                        <p class="steps">"Step 2 of 3: review"</p>
                        <PriceSummary draft />
                        <div class="form-actions">
                            <button type="button" class="button button--primary" on:click=move |_| go(Step::Confirm)>
                                "Save & Continue"
                            </button>
                            <button type="button" class="button" on:click=move |_| go(Step::Cart)>
                                "Back"
                            </button>
                        </div>
                    </section>
                }
                    .into_any()
            }
            Step::Confirm => {
                view! {
                    <section class="card order-form" aria-labelledby="confirm-title">
                        <h3 id="confirm-title" tabindex="-1" node_ref=step_title>"Place your order"</h3>
                        <p class="steps">"Step 3 of 3: order"</p>
                        <p>
                            {move || format!("{} is charged today to the card on file.", due_today())}
                            " (Demo: no payment is taken.)"
                        </p>
                        <div class="form-actions">
                            <button type="button" class="button button--primary" on:click=place>
                                "Place Order"
                            </button>
                            <button type="button" class="button" on:click=move |_| go(Step::Review)>
                                "Back"
                            </button>
                        </div>
                    </section>
                }
                    .into_any()
            }
        }}
    }
}
