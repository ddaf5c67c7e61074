//! What the explorer shows of a pack for a view state: counts, the timeline, the first cards, the filters' names, the open document.

use std::collections::BTreeSet;

use roaring::RoaringBitmap;

use crate::engine::explore::state::{Value, ViewState};
use crate::engine::io::export::csv;
use crate::engine::pack::format::{counted_per_facet, DocumentRecord, TitleRecord};
use crate::engine::pack::reader::{value_key, PackError, PackReader, RangeSource};

/// Cards the list shows at most, and title blocks read for them.
pub const LISTED: usize = 50;
const LIST_BLOCKS: usize = 4;

/// A view of a pack, computed from fetched pieces only.
#[derive(Clone, Debug, Default)]
pub struct PackView {
    /// Documents matching the state.
    pub matching: u64,
    /// Per facet of the head (then the countries), its top values' documents among
    /// those matching (the first values only, unless the facet shows all).
    pub facet_counts: Vec<Vec<u64>>,
    /// Per year then month of the head's timeline, its documents among those matching
    /// everything but the date range (the timeline shows where the range could go).
    pub timeline_counts: Vec<u64>,
    /// When the counts were left out (`facet_counts` and `timeline_counts` empty):
    /// the bytes counting them would fetch, over the budget the view was given.
    pub uncounted: Option<u64>,
    /// The first matching documents' cards, in document order.
    pub listed: Vec<(u32, TitleRecord)>,
    /// Each chosen value with its name (included, then excluded).
    pub chosen: Vec<(Value, String, bool)>,
    /// The document open in the reader.
    pub open: Option<(u32, DocumentRecord)>,
}

/// Computes the view of `state`. With a prefetching source it fails with
/// `NotFetched` until every piece it needs has been handed in.
/// Facets count their first values, and every top value of those in `every_value`
/// (by position, the countries last: the facets whose "Show all" is open).
pub fn pack_view<S: RangeSource>(
    pack: &PackReader<S>,
    state: &ViewState,
    every_value: &BTreeSet<usize>,
) -> Result<PackView, PackError> {
    pack_view_within(pack, state, every_value, None)
}

/// [`pack_view`], leaving the counts out (see [`PackView::uncounted`]) when counting
/// them through the sets would fetch more than `count_budget` bytes not fetched
/// before: at a million documents, a search's counts are megabytes, which the
/// user is asked for rather than sent.
pub fn pack_view_within<S: RangeSource>(
    pack: &PackReader<S>,
    state: &ViewState,
    every_value: &BTreeSet<usize>,
    count_budget: Option<u64>,
) -> Result<PackView, PackError> {
    let matching = pack.matching(state)?;
    let undated_state = ViewState {
        range: None,
        ..state.clone()
    };
    let for_timeline = if state.range.is_some() && undated_state.is_filtered() {
        pack.matching(&undated_state)?
    } else {
        matching.clone()
    };
    let mut chosen = Vec::new();
    for (values, excluded) in [(&state.include, false), (&state.exclude, true)] {
        for value in values {
            chosen.push((value.clone(), label(pack, value)?, excluded));
        }
    }
    let open = match &state.open {
        Some(doc) => match pack.find(&doc.source, doc.part)? {
            Some(n) => Some((n, pack.document(n)?)),
            None => None,
        },
        None => None,
    };
    // Unfiltered, the head's counts are the counts: the first view fetches no set. One
    // or two values chosen: their entries and their pair carry the counts.
    let precounted = precounted(pack, state, every_value)?;
    let costly = match count_budget {
        Some(budget) if precounted.is_none() && state.is_filtered() => {
            Some(pack.counting_bytes(every_value)).filter(|&bytes| bytes > budget)
        }
        _ => None,
    };
    let (facet_counts, timeline_counts) = if let Some(counts) = precounted {
        split_counts(pack, &counts)
    } else if costly.is_some() {
        (Vec::new(), Vec::new())
    } else if state.is_filtered() {
        let timeline = if state.range.is_some() && !undated_state.is_filtered() {
            head_timeline_counts(pack)
        } else {
            pack.timeline_counts(&for_timeline)?
        };
        (pack.facet_counts(&matching, every_value)?, timeline)
    } else {
        let head = pack.head();
        let facets = head
            .facets
            .iter()
            .chain([&head.countries])
            .map(|f| f.top.iter().map(|v| v.documents as u64).collect())
            .collect();
        (facets, head_timeline_counts(pack))
    };
    Ok(PackView {
        matching: matching.len(),
        facet_counts,
        timeline_counts,
        uncounted: costly,
        listed: listed(pack, &matching)?,
        chosen,
        open,
    })
}

/// The counts of [`Head::counted`](crate::engine::pack::format::Head::counted) under
/// a state of one or two chosen values and nothing else, from counts the pack carries
/// (a value's own, a pair's), by inclusion and exclusion: A and B is the pair's; A or B
/// is A's plus B's less the pair's; A but not B is A's less the pair's; neither is
/// all less A's less B's plus the pair's. `None` when a count is not carried.
pub(crate) fn precounted<S: RangeSource>(
    pack: &PackReader<S>,
    state: &ViewState,
    every_value: &BTreeSet<usize>,
) -> Result<Option<Vec<u32>>, PackError> {
    let values_only =
        state.range.is_none() && state.search.trim().is_empty() && every_value.is_empty();
    let (include, exclude) = (&state.include, &state.exclude);
    if !values_only || include.len() + exclude.len() > 2 || include.len() + exclude.len() == 0 {
        return Ok(None);
    }
    let own = |value: &Value| pack.counts_within(&value_key(value));
    let pair = |a: &Value, b: &Value| pack.counts_within_pair(&value_key(a), &value_key(b));
    // Each term: its counts and its sign.
    let mut terms: Vec<(Option<Vec<u32>>, i64)> = Vec::new();
    match (include.as_slice(), exclude.as_slice()) {
        ([a], []) => terms.push((own(a)?, 1)),
        ([], [a]) => {
            terms.push((Some(pack.head_counted()), 1));
            terms.push((own(a)?, -1));
        }
        ([a, b], []) if pack.any_of_both(state, a, b)? => {
            terms.push((own(a)?, 1));
            terms.push((own(b)?, 1));
            terms.push((pair(a, b)?, -1));
        }
        ([a, b], []) => terms.push((pair(a, b)?, 1)),
        ([a], [b]) => {
            terms.push((own(a)?, 1));
            terms.push((pair(a, b)?, -1));
        }
        ([], [a, b]) => {
            terms.push((Some(pack.head_counted()), 1));
            terms.push((own(a)?, -1));
            terms.push((own(b)?, -1));
            terms.push((pair(a, b)?, 1));
        }
        _ => return Ok(None),
    }
    let mut total = vec![0i64; pack.head().counted.len()];
    for (counts, sign) in terms {
        let Some(counts) = counts else {
            return Ok(None);
        };
        for (t, c) in total.iter_mut().zip(counts) {
            *t += sign * c as i64;
        }
    }
    Ok(Some(total.into_iter().map(|t| t.max(0) as u32).collect()))
}

/// A key's counts of [`Head::counted`](crate::engine::pack::format::Head::counted) as
/// the view's facet counts (first-block values) and timeline counts.
fn split_counts<S: RangeSource>(pack: &PackReader<S>, counts: &[u32]) -> (Vec<Vec<u64>>, Vec<u64>) {
    let head = pack.head();
    let mut at = 0;
    let mut facets = Vec::new();
    for (_, n) in counted_per_facet(&head.facets, &head.countries) {
        facets.push(counts[at..at + n].iter().map(|&c| c as u64).collect());
        at += n;
    }
    let timeline = counts[at..].iter().map(|&c| c as u64).collect();
    (facets, timeline)
}

/// The timeline's counts over every document, as the head carries them.
fn head_timeline_counts<S: RangeSource>(pack: &PackReader<S>) -> Vec<u64> {
    let timeline = &pack.head().timeline;
    timeline
        .years
        .iter()
        .chain(&timeline.months)
        .map(|v| v.documents as u64)
        .collect()
}

fn listed<S: RangeSource>(
    pack: &PackReader<S>,
    matching: &RoaringBitmap,
) -> Result<Vec<(u32, TitleRecord)>, PackError> {
    pack.titles(matching.iter().take(LISTED), LIST_BLOCKS)
}

/// A chosen value's name: from the head if it is there, else from the directory.
fn label<S: RangeSource>(pack: &PackReader<S>, value: &Value) -> Result<String, PackError> {
    let key = value_key(value);
    let head = pack.head();
    let in_head = head
        .facets
        .iter()
        .chain([&head.countries])
        .flat_map(|f| &f.top)
        .find(|v| v.key == key);
    if let Some(value) = in_head {
        return Ok(value.label.clone());
    }
    Ok(pack
        .entry(&key)?
        .map_or_else(|| "a name this pack does not hold".to_string(), |e| e.label))
}

/// The counts a view shows as CSV (quoted, formula-safe): each facet's counted values
/// with their documents among those matching.
pub fn counts_csv<S: RangeSource>(pack: &PackReader<S>, view: &PackView) -> String {
    let head = pack.head();
    let facets = head.facets.iter().chain([&head.countries]);
    let rows = facets.zip(&view.facet_counts).flat_map(|(facet, counts)| {
        let facet_name = if std::ptr::eq(facet, &head.countries) {
            "country"
        } else {
            facet.kind.code()
        };
        facet
            .top
            .iter()
            .zip(counts)
            .filter(|(_, &n)| n > 0)
            .map(move |(value, n)| {
                vec![
                    facet_name.to_string(),
                    value.label.clone(),
                    value.key.clone(),
                    n.to_string(),
                ]
            })
    });
    csv(&["facet", "name", "key", "documents"], rows)
}

/// The documents a view lists as CSV: number in the pack, title, file, part, date.
pub fn listed_csv(view: &PackView) -> String {
    let rows = view.listed.iter().map(|(n, title)| {
        vec![
            n.to_string(),
            title.title.clone(),
            title.source.clone(),
            title.part.to_string(),
            title.date.clone().unwrap_or_default(),
        ]
    });
    csv(&["document", "title", "file", "part", "date"], rows)
}
