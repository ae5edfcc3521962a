//! Every order placed, newest first (Payment History / Invoice History).

use crate::format;
use crate::i18n::*;
use crate::state::use_signed_in;
use crate::ui::components::table_scroll::TableScroll;
use crate::ui::labels::{self, line_name};
use leptos::prelude::*;
use portal_domain::billing::OrderItem;
use portal_domain::Order;

/// One order as its row reads: date, item, quantity, cycle, amount, placed by.
type Row = [String; 6];

fn row(l: Locale, o: &Order) -> Row {
    let item = match &o.item {
        OrderItem::LargeMeetings {
            capacity,
            added_to_line: true,
        } => crate::ui::messages::fill(
            td_string!(l, billing.history.large_meetings_added),
            &[("count", &format::count_in(l, capacity.participants()))],
        ),
        OrderItem::LargeMeetings { capacity, .. } => line_name(l, *capacity),
        OrderItem::BaseSeats { plan } => crate::ui::messages::fill(
            td_string!(l, billing.history.base_seats),
            &[("plan", &plan)],
        ),
    };
    [
        format::date_time_in(l, o.placed_at),
        item,
        format::count_in(l, o.quantity.get()),
        labels::cycle(l, o.cycle).to_string(),
        format::money_in(l, o.amount_due),
        o.placed_by_email.to_string(),
    ]
}

/// Every order placed, newest first.
#[component]
pub fn OrderHistory(
    /// The table's caption ("Payment History" or "Invoice History"), in
    /// the chosen language.
    caption: Signal<&'static str>,
) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let rows = move || {
        let l = i18n.get_locale();
        who.with(|account, _| {
            account
                .order_history()
                .into_iter()
                .map(|o| row(l, o))
                .collect()
        })
    };
    move || {
        let rows: Vec<Row> = rows();
        let l = i18n.get_locale();
        if rows.is_empty() {
            return view! { <p>{td_string!(l, billing.history.empty)}</p> }.into_any();
        }
        view! {
            <TableScroll label=td_string!(l, billing.history.label)>
                <table class="table">
                    <caption class="visually-hidden">{move || caption.get()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(l, billing.history.date)}</th>
                            <th scope="col">{td_string!(l, billing.history.item)}</th>
                            <th scope="col">{td_string!(l, billing.history.quantity)}</th>
                            <th scope="col">{td_string!(l, billing.history.billing_cycle)}</th>
                            <th scope="col">{td_string!(l, billing.history.amount)}</th>
                            <th scope="col">{td_string!(l, billing.history.placed_by)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|[date, item, quantity, cycle, amount, by]| {
                                view! {
                                    <tr>
                                        <td>{date}</td>
                                        <td>{item}</td>
                                        <td>{quantity}</td>
                                        <td>{cycle}</td>
                                        <td>{amount}</td>
                                        <td>{by}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </TableScroll>
        }
        .into_any()
    }
}
