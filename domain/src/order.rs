//! Sorting by a number, with one copy of the sort in the whole program.
//!
//! Every `sort_by_key` with its own element type and closure compiles to its
//! own copy of the standard library's sort (about 3 KB of wasm each). Here the
//! keys are numbers: each call sorts `(key, position)` pairs, always the same
//! type, then moves the items into that order, which is the only per-type code.
//! Ties keep their order (the position is part of the key), as a stable sort.

/// Sorts `items` by `key`, smallest first; equal keys keep their order.
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_positions(items.iter().map(key).collect());
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .map(|i| taken[i].take().expect("each position once")),
    );
}

fn sorted_positions(keys: Vec<u128>) -> Vec<usize> {
    let mut pairs: Vec<(u128, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
    // The position makes every pair different: an unstable sort gives the
    // order a stable one would.
    pairs.sort_unstable();
    pairs.into_iter().map(|(_, i)| i).collect()
}

/// A signed number as a key that sorts in the same order.
pub const fn signed(n: i64) -> u128 {
    (n as u64 ^ (1 << 63)) as u128
}

/// Two numbers as one key: by the first, then the second.
pub const fn pair(first: u128, second: u64) -> u128 {
    first << 64 | second as u128
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_standard_stable_sort(items in proptest::collection::vec((-5i64..5, 0u8..255), 0..60)) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |(k, _)| signed(*k));
            let mut std = items;
            std.sort_by_key(|(k, _)| *k);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn pairs_sort_by_the_first_then_the_second(a in any::<i64>(), b in any::<u32>(), c in any::<i64>(), d in any::<u32>()) {
            let ours = pair(signed(a), b as u64).cmp(&pair(signed(c), d as u64));
            prop_assert_eq!(ours, (a, b).cmp(&(c, d)));
        }
    }
}
