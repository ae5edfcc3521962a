//! The seat summary above the Users table: base seats in use, and for each
//! Large Meetings capacity the seats assigned, purchased and available,
//! and how many members of groups wait for one.

use super::capacity_offer;
use crate::format;
use crate::i18n::*;
use crate::state::use_signed_in;
use leptos::prelude::*;
use portal_domain::{Account, LargeMeetingsLine};

pub fn seat_summary() -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let lines = move || {
        let locale = i18n.get_locale();
        who.with(|a, _| {
            let base = crate::ui::messages::fill(
                td_string!(locale, users.seats_base),
                &[
                    ("used", &format::count_in(locale, a.seats_in_use())),
                    ("total", &format::count_in(locale, a.base_plan.seats)),
                ],
            );
            std::iter::once(base)
                .chain(a.large_meetings.iter().map(|line| large(locale, a, line)))
                .map(|l| view! { <li>{l}</li> })
                .collect_view()
        })
    };
    view! {
        <ul class="seat-summary" aria-label=move || t_string!(i18n, users.seats_label)>
            {lines}
        </ul>
    }
}

/// "Large Meetings 1,000 participants: 1 of 2 assigned, 1 available".
fn large(locale: Locale, a: &Account, line: &LargeMeetingsLine) -> String {
    let seats = a.seats(line.capacity);
    let (capacity, assigned, purchased, available) = (
        format::participants_in(locale, line.capacity),
        format::count_in(locale, seats.assigned),
        format::count_in(locale, seats.purchased),
        format::count_in(locale, seats.available()),
    );
    let text = if seats.available() == 1 {
        crate::ui::messages::fill(
            td_string!(locale, users.seats_large_one_available),
            &[
                ("capacity", &capacity),
                ("assigned", &assigned),
                ("purchased", &purchased),
                ("available", &available),
            ],
        )
    } else {
        crate::ui::messages::fill(
            td_string!(locale, users.seats_large),
            &[
                ("capacity", &capacity),
                ("assigned", &assigned),
                ("purchased", &purchased),
                ("available", &available),
            ],
        )
    };
    // Unassigned seats of a line being cancelled or reduced are not free:
    // say why fewer are available than unassigned.
    let text = match capacity_offer::pending_note(locale, a, line.capacity) {
        Some(note) => crate::ui::messages::fill(
            td_string!(locale, users.seats_large_with_note),
            &[("seats", &text), ("note", &note)],
        ),
        None => text,
    };
    // Members a group's rule gives this capacity to once licenses are free.
    match a.waiting_for(line.capacity) {
        0 => text,
        waiting => crate::ui::messages::fill(
            td_string!(locale, users.seats_waiting),
            &[
                ("seats", &text),
                ("count", &format::count_in(locale, waiting)),
            ],
        ),
    }
}
