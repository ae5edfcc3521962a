//! A modal dialog: `role="dialog"`, `aria-modal`, named by its title; focus
//! moves in, stays in (Tab wraps), Escape closes, and the caller returns
//! focus to where it was.

use crate::i18n::*;
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const FOCUSABLE: &str = "button:not([disabled]), [href], input:not([disabled]), \
    select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

fn focusable(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Moves focus to the element with `id`, if it exists (for returning focus).
pub fn focus_by_id(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}

#[component]
pub fn Dialog(
    /// The id of the element holding the dialog's title.
    labelled_by: &'static str,
    /// The id of the element that says what the dialog is about, for a
    /// dialog that only tells something (read out with its title).
    #[prop(optional)]
    described_by: Option<&'static str>,
    /// Called on Escape.
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let panel = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            match focusable(&panel).into_iter().next() {
                Some(first) => {
                    let _ = first.focus();
                }
                None => {
                    let _ = panel.focus();
                }
            }
        }
    });
    // Listened to on the window, not the panel: when the focused control
    // inside is disabled or removed, focus falls to the page body, and
    // Escape and Tab must still work.
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            on_close.run(());
            return;
        }
        if ev.key() != "Tab" {
            return;
        }
        let Some(panel) = panel.get_untracked() else {
            return;
        };
        let items = focusable(&panel);
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            ev.prevent_default();
            return;
        };
        let active = document().active_element();
        let inside = active
            .as_ref()
            .is_some_and(|el| panel.contains(Some(el.unchecked_ref())));
        let at = |el: &web_sys::HtmlElement| active.as_ref() == Some(el.unchecked_ref());
        if !inside {
            ev.prevent_default();
            let _ = if ev.shift_key() {
                last.focus()
            } else {
                first.focus()
            };
        } else if ev.shift_key() && (at(first) || active.as_ref() == Some(panel.unchecked_ref())) {
            ev.prevent_default();
            let _ = last.focus();
        } else if !ev.shift_key() && at(last) {
            ev.prevent_default();
            let _ = first.focus();
        }
    };
    let listener = window_event_listener(leptos::ev::keydown, on_keydown);
    on_cleanup(move || listener.remove());
    view! {
        <div class="dialog-backdrop">
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby=labelled_by
                aria-describedby=described_by
                tabindex="-1"
                node_ref=panel
            >
                {children()}
            </div>
        </div>
    }
}

/// The row at the foot of a dialog: the action, then Cancel.
#[component]
pub fn DialogActions(
    /// The action button's text.
    #[prop(into)]
    label: Signal<&'static str>,
    /// Runs the action; `None` for a form's submit button.
    #[prop(optional)]
    on_save: Option<Callback<()>>,
    /// Shows the action in the danger style (removing something).
    #[prop(optional)]
    danger: bool,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = if danger {
        "button button--danger"
    } else {
        "button button--primary"
    };
    view! {
        <div class="form-actions">
            <button
                type=if on_save.is_some() { "button" } else { "submit" }
                class=class
                on:click=move |_| {
                    if let Some(save) = on_save {
                        save.run(());
                    }
                }
            >
                {label}
            </button>
            <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                {tr!(i18n, common.cancel)}
            </button>
        </div>
    }
}
