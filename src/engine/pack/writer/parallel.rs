//! The pack's last step shared among the machine's cores: its counts, pairs and sets are millions of set intersections and serialisations, which ran on one core after every document was analysed while the other cores idled.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Items a thread takes at a time: small enough that threads finish together
/// although items cost unevenly (a set of a million documents beside sets of ten).
const ITEMS_PER_TAKE: usize = 64;

/// Items made at once by [`map_in_parallel`], then written in order by the caller:
/// bounds what is held at a time.
pub(super) const ITEMS_PER_BLOCK: usize = 4096;

/// `work` applied to each of `items`, the results in the items' order, on as many
/// threads as the machine has cores: one where threads are unavailable (the
/// browser's wasm has none; `available_parallelism` then fails).
pub(super) fn map_in_parallel<T, R>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let takes = items.len().div_ceil(ITEMS_PER_TAKE);
    if threads < 2 || takes < 2 {
        return items.iter().map(work).collect();
    }
    let next_take = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, Vec<R>)>> = Mutex::new(Vec::with_capacity(takes));
    std::thread::scope(|scope| {
        for _ in 0..threads.min(takes) {
            scope.spawn(|| loop {
                let take = next_take.fetch_add(1, Ordering::Relaxed);
                let start = take * ITEMS_PER_TAKE;
                if start >= items.len() {
                    break;
                }
                let part = &items[start..items.len().min(start + ITEMS_PER_TAKE)];
                let results: Vec<R> = part.iter().map(&work).collect();
                // A poisoned lock means another thread panicked: the scope re-raises it.
                if let Ok(mut done) = done.lock() {
                    done.push((take, results));
                }
            });
        }
    });
    let mut done = done
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    done.sort_unstable_by_key(|(take, _)| *take);
    done.into_iter().flat_map(|(_, results)| results).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_items_order_whatever_the_count() {
        for count in [
            0,
            1,
            ITEMS_PER_TAKE - 1,
            ITEMS_PER_TAKE,
            10 * ITEMS_PER_TAKE + 3,
        ] {
            let items: Vec<u64> = (0..count as u64).collect();
            // The first item is slow, so that other threads' results come first.
            let squares = map_in_parallel(&items, |&n| {
                if n == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                n * n
            });
            let expected: Vec<u64> = items.iter().map(|n| n * n).collect();
            assert_eq!(squares, expected, "{count} items");
        }
    }
}
