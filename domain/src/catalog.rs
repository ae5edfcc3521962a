//! The price catalog. DEMO PRICES: illustrative only, not anyone's real prices.

use crate::{Capacity, Money};
use serde::Serialize;

/// Shown wherever prices are: these are not real prices.
pub const DEMO_PRICE_NOTICE: &str = "Demo prices for illustration only.";

/// How often a subscription line is billed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum BillingCycle {
    Monthly,
    Annual,
}

impl BillingCycle {
    pub const ALL: [BillingCycle; 2] = [BillingCycle::Monthly, BillingCycle::Annual];

    pub const fn months(self) -> u32 {
        match self {
            BillingCycle::Monthly => 1,
            BillingCycle::Annual => 12,
        }
    }

    /// The form value ("Annual"); read back with `str::parse`.
    pub const fn as_str(self) -> &'static str {
        match self {
            BillingCycle::Monthly => "Monthly",
            BillingCycle::Annual => "Annual",
        }
    }

    /// The price of one license for one cycle: annual is 10 x monthly.
    pub fn price(self, monthly: Money) -> Money {
        match self {
            BillingCycle::Monthly => monthly,
            BillingCycle::Annual => Money::from_cents(monthly.cents() * 10),
        }
    }
}

crate::choice::form_value!(BillingCycle);

/// Monthly price of one Large Meetings license (demo prices).
pub const fn large_meetings_monthly(capacity: Capacity) -> Money {
    Money::from_cents(match capacity {
        Capacity::P500 => 5_000,
        Capacity::P1000 => 9_000,
        Capacity::P3000 => 25_000,
        Capacity::P5000 => 40_000,
    })
}

/// Monthly price of one Zoom Workplace seat of a base plan (demo prices).
pub fn base_seat_monthly(plan_name: &str) -> Money {
    Money::from_cents(if plan_name.ends_with("Business") {
        2_199
    } else {
        1_599
    })
}

crate::json_enum!(BillingCycle { Monthly, Annual });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annual_costs_ten_months() {
        for capacity in Capacity::ALL {
            let monthly = large_meetings_monthly(capacity);
            assert_eq!(
                BillingCycle::Annual.price(monthly).cents(),
                monthly.cents() * 10
            );
            assert_eq!(BillingCycle::Monthly.price(monthly), monthly);
        }
    }

    #[test]
    fn larger_capacities_cost_more() {
        let prices: Vec<_> = Capacity::ALL
            .into_iter()
            .map(large_meetings_monthly)
            .collect();
        assert!(prices.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn base_seats_are_priced_by_plan() {
        assert_eq!(base_seat_monthly("Zoom Workplace Business").cents(), 2_199);
        assert_eq!(base_seat_monthly("Zoom Workplace Pro").cents(), 1_599);
    }
}
