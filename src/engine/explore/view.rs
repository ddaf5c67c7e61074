//! The explorer's view of a corpus: filters, conditional facet counts, the timeline, search with keyword in context, co-occurrence, and the view state as a URL fragment.
//!
//! Pure and index-free at its edges: a [`ViewState`] names entities by their
//! stable ids and documents by file and position, so that a state survives a
//! re-index, a reload and a copied link. Everything the UI shows is computed here
//! and tested natively; the UI only renders.

use std::collections::BTreeSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use jiff::civil::Date;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::engine::explore::places::PlaceFilter;
use crate::engine::index::corpus::Corpus;
use crate::engine::index::days::{date_of_day, day_number};
use crate::engine::recognize::entities::EntityType;
use crate::engine::recognize::lexicon::{lexicon, PlaceKind};
use crate::engine::Precision;

/// One value a user can include or exclude: an entity, or a country or region of the place list.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Value {
    /// An entity by its stable id.
    Entity(String),
    Place(PlaceFilter),
}

/// A document by the file it came from and its position among that file's articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocRef {
    pub source: String,
    pub part: usize,
}

/// Everything that decides what the explorer shows; it round-trips through the URL fragment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Included values, in the order chosen. Values of different facets combine with AND;
    /// within one facet with AND too, unless the facet is in `any_of`.
    pub include: Vec<Value>,
    /// Facets whose included values combine with OR.
    pub any_of: BTreeSet<EntityType>,
    /// Documents mentioning any of these are left out.
    pub exclude: Vec<Value>,
    /// Documents with a date mention overlapping these days (inclusive).
    pub range: Option<(Date, Date)>,
    /// Full-text search: every term must occur (a term starts a word; "quoted phrases" stay whole).
    pub search: String,
    /// The document open in the reader.
    pub open: Option<DocRef>,
}

impl ViewState {
    /// Includes a value, or removes it if it is already included (or excluded).
    pub fn toggle_include(&mut self, value: Value) {
        if let Some(pos) = self.include.iter().position(|v| *v == value) {
            self.include.remove(pos);
        } else {
            self.exclude.retain(|v| *v != value);
            self.include.push(value);
        }
    }

    /// Excludes a value, or removes the exclusion.
    pub fn toggle_exclude(&mut self, value: Value) {
        if let Some(pos) = self.exclude.iter().position(|v| *v == value) {
            self.exclude.remove(pos);
        } else {
            self.include.retain(|v| *v != value);
            self.exclude.push(value);
        }
    }

    /// Switches a facet between "all of" (AND) and "any of" (OR).
    pub fn toggle_any_of(&mut self, facet: EntityType) {
        if !self.any_of.remove(&facet) {
            self.any_of.insert(facet);
        }
    }

    /// Whether any filter narrows the documents.
    pub fn is_filtered(&self) -> bool {
        !self.include.is_empty()
            || !self.exclude.is_empty()
            || self.range.is_some()
            || !self.search.trim().is_empty()
    }

    /// Removes every filter; the open document stays open.
    pub fn clear_filters(&mut self) {
        let open = self.open.take();
        *self = ViewState {
            open,
            ..ViewState::default()
        };
    }
}

/// The facet a value belongs to: its entity's type; countries and regions are places.
pub fn facet_of(corpus: &Corpus, value: &Value) -> Option<EntityType> {
    match value {
        Value::Entity(id) => corpus.entity_by_id(id).map(|i| corpus.entities[i].kind),
        Value::Place(_) => Some(EntityType::Place),
    }
}

/// What a value shows as, in chips and headings.
pub fn value_label(corpus: &Corpus, value: &Value) -> String {
    let lex = lexicon();
    match value {
        Value::Entity(id) => corpus
            .entity_by_id(id)
            .map_or_else(|| "(gone)".to_string(), |i| corpus.entities[i].name.clone()),
        Value::Place(PlaceFilter::Country(iso)) => lex
            .country(iso)
            .map_or(iso.to_string(), |p| p.name.to_string()),
        Value::Place(PlaceFilter::Region(iso, admin1)) => lex
            .region(iso, admin1)
            .map_or(admin1.to_string(), |p| p.name.to_string()),
    }
}

/// The documents a value selects, ascending.
pub fn value_documents(corpus: &Corpus, value: &Value) -> Vec<usize> {
    match value {
        Value::Entity(id) => corpus
            .entity_by_id(id)
            .map(|i| corpus.entities[i].documents.clone())
            .unwrap_or_default(),
        Value::Place(p) => crate::engine::explore::places::filter_documents(corpus, p),
    }
}

/// A set of documents as one flag per document index.
pub type DocSet = Vec<bool>;

/// Whether `d` is in `set`. A document indexed after the set was made (a corpus
/// grows between refreshes while it loads) is not in it; the views read sets and
/// the growing corpus together, so a plain index could panic.
pub fn in_set(set: &[bool], d: usize) -> bool {
    set.get(d).copied().unwrap_or(false)
}

fn all_documents(n: usize) -> DocSet {
    vec![true; n]
}

fn set_of(n: usize, documents: &[usize]) -> DocSet {
    let mut set = vec![false; n];
    for &d in documents {
        if let Some(flag) = set.get_mut(d) {
            *flag = true;
        }
    }
    set
}

fn intersect(into: &mut DocSet, other: &DocSet) {
    for (a, b) in into.iter_mut().zip(other) {
        *a &= *b;
    }
}

/// Which part of the state a criterion comes from, so that a view can leave its own out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Facet(EntityType),
    Exclude,
    Range,
    Search,
}

/// A state evaluated against a corpus: one document set per criterion, combined on demand.
pub struct Evaluation {
    n_documents: usize,
    criteria: Vec<(Source, DocSet)>,
    /// Documents matching everything, ascending.
    pub matching: Vec<usize>,
    /// Search hits, if a search is active: needed again for keyword in context.
    pub search: Option<SearchHits>,
}

impl Evaluation {
    /// Evaluates `state`. `search` may carry hits computed earlier for the same
    /// corpus and search text (searching is the costly part; facets clicks reuse it).
    pub fn new(corpus: &Corpus, state: &ViewState, search: Option<SearchHits>) -> Evaluation {
        let n = corpus.documents.len();
        let mut criteria: Vec<(Source, DocSet)> = Vec::new();
        // Each included value with its facet (a value naming nothing counts as a place).
        let included: Vec<(EntityType, &Value)> = state
            .include
            .iter()
            .map(|v| (facet_of(corpus, v).unwrap_or(EntityType::Place), v))
            .collect();
        let facets: BTreeSet<EntityType> = included.iter().map(|(f, _)| *f).collect();
        for facet in facets {
            let values = included
                .iter()
                .filter(|(f, _)| *f == facet)
                .map(|(_, v)| *v);
            let set = if state.any_of.contains(&facet) {
                let mut set = vec![false; n];
                for v in values {
                    for d in value_documents(corpus, v) {
                        set[d] = true;
                    }
                }
                set
            } else {
                let mut set = all_documents(n);
                for v in values {
                    intersect(&mut set, &set_of(n, &value_documents(corpus, v)));
                }
                set
            };
            criteria.push((Source::Facet(facet), set));
        }
        if !state.exclude.is_empty() {
            let mut set = all_documents(n);
            for v in &state.exclude {
                for d in value_documents(corpus, v) {
                    set[d] = false;
                }
            }
            criteria.push((Source::Exclude, set));
        }
        if let Some((first, last)) = state.range {
            let set = corpus
                .documents
                .iter()
                .map(|doc| {
                    doc.dates
                        .iter()
                        .filter_map(|m| m.interval)
                        .any(|(a, b)| a <= last && b >= first)
                })
                .collect();
            criteria.push((Source::Range, set));
        }
        let search = if state.search.trim().is_empty() {
            None
        } else {
            let hits = match search {
                Some(h) if h.query == state.search && h.documents.len() == n => h,
                _ => SearchHits::new(corpus, &state.search),
            };
            criteria.push((Source::Search, hits.documents.clone()));
            Some(hits)
        };
        let mut evaluation = Evaluation {
            n_documents: n,
            criteria,
            matching: Vec::new(),
            search,
        };
        let all = evaluation.combined(|_| true);
        evaluation.matching = (0..n).filter(|&d| all[d]).collect();
        evaluation
    }

    fn combined(&self, keep: impl Fn(Source) -> bool) -> DocSet {
        let mut set = all_documents(self.n_documents);
        for (source, criterion) in &self.criteria {
            if keep(*source) {
                intersect(&mut set, criterion);
            }
        }
        set
    }

    /// The documents a facet's counts are taken over: everything but the facet's own
    /// values when they combine with OR (so that each count says what adding it gives).
    pub fn base_for_facet(&self, facet: EntityType, state: &ViewState) -> DocSet {
        let own_or = state.any_of.contains(&facet);
        self.combined(|s| !(own_or && s == Source::Facet(facet)))
    }

    /// The documents the timeline counts: everything but the date range, which it shows.
    pub fn base_for_timeline(&self) -> DocSet {
        self.combined(|s| s != Source::Range)
    }

    /// The documents matching everything, as a set.
    pub fn matching_set(&self) -> DocSet {
        set_of(self.n_documents, &self.matching)
    }
}

/// A facet value with its count of documents within the current filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCount {
    pub entity: usize,
    pub documents: usize,
}

/// The values of one facet within `base`, hidden entities and names `shown` rejects
/// left out, values with no document left out unless `keep` says they are in use;
/// by count, then name. Returns the first `limit` of them (then any kept value
/// further down) and how many there are in all: only the top is sorted, as a
/// facet of a large corpus holds tens of thousands of names.
pub fn facet_counts(
    corpus: &Corpus,
    facet: EntityType,
    base: &DocSet,
    keep: impl Fn(usize) -> bool,
    shown: impl Fn(&str) -> bool,
    limit: usize,
) -> (Vec<FacetCount>, usize) {
    let mut counts: Vec<FacetCount> = corpus
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == facet && !e.hidden && shown(&e.name))
        .map(|(i, e)| FacetCount {
            entity: i,
            documents: e.documents.iter().filter(|&&d| in_set(base, d)).count(),
        })
        .filter(|c| c.documents > 0 || keep(c.entity))
        .collect();
    let n_values = counts.len();
    let order = |a: &FacetCount, b: &FacetCount| {
        b.documents.cmp(&a.documents).then_with(|| {
            corpus.entities[a.entity]
                .name
                .cmp(&corpus.entities[b.entity].name)
        })
    };
    if counts.len() > limit {
        if limit > 0 {
            counts.select_nth_unstable_by(limit - 1, order);
        }
        let rest = counts.split_off(limit);
        counts.sort_by(order);
        let mut kept: Vec<FacetCount> = rest.into_iter().filter(|c| keep(c.entity)).collect();
        kept.sort_by(order);
        counts.extend(kept);
    } else {
        counts.sort_by(order);
    }
    (counts, n_values)
}

/// Every document in display order: by document date, undated documents last.
pub fn date_order(corpus: &Corpus) -> Vec<usize> {
    let mut sorted: Vec<usize> = (0..corpus.documents.len()).collect();
    sorted.sort_by_key(|&d| {
        let date = corpus.documents[d].date.map(|dd| dd.date);
        (date.is_none(), date, d)
    });
    sorted
}

/// The documents of `set` in `order` (all documents in display order, computed
/// once per corpus): a filtered list without sorting it.
pub fn in_order(order: &[usize], set: &DocSet) -> Vec<usize> {
    order.iter().copied().filter(|&d| in_set(set, d)).collect()
}

/// The entities that share the most documents with `entity`, visible ones only:
/// (entity index, shared documents), most first, then by name.
pub fn appears_with(corpus: &Corpus, entity: usize, limit: usize) -> Vec<(usize, usize)> {
    let Some(e) = corpus.entities.get(entity) else {
        return Vec::new();
    };
    let mut shared = vec![0usize; corpus.entities.len()];
    let mut seen_in_document = vec![usize::MAX; corpus.entities.len()];
    for &d in &e.documents {
        for &other in &corpus.mention_entities[d] {
            if other != entity && seen_in_document[other] != d {
                seen_in_document[other] = d;
                shared[other] += 1;
            }
        }
    }
    let mut top: Vec<(usize, usize)> = shared
        .into_iter()
        .enumerate()
        .filter(|&(i, n)| n > 0 && !corpus.entities[i].hidden)
        .collect();
    top.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| corpus.entities[a.0].name.cmp(&corpus.entities[b.0].name))
    });
    top.truncate(limit);
    top
}

// ---------------------------------------------------------------- search

/// The terms of a search: words and "quoted phrases", lowercased for matching.
pub fn search_terms(query: &str) -> Vec<String> {
    let mut terms = Vec::new();
    for (k, part) in query.split('"').enumerate() {
        if k % 2 == 1 {
            let phrase = part.split_whitespace().collect::<Vec<_>>().join(" ");
            if !phrase.is_empty() {
                terms.push(phrase.to_lowercase());
            }
        } else {
            terms.extend(part.split_whitespace().map(str::to_lowercase));
        }
    }
    terms.dedup();
    terms
}

/// Which documents hold every term of a search.
#[derive(Clone, Debug)]
pub struct SearchHits {
    pub query: String,
    pub documents: DocSet,
}

/// Builds the matcher for a search: every term, case-insensitive for ASCII letters;
/// a term with other letters also in its capitalised and upper-case forms.
fn search_matcher(terms: &[String]) -> Option<(AhoCorasick, Vec<usize>)> {
    let mut patterns: Vec<String> = Vec::new();
    let mut term_of: Vec<usize> = Vec::new();
    for (t, term) in terms.iter().enumerate() {
        let mut forms = vec![term.clone(), term.to_uppercase()];
        let mut chars = term.chars();
        if let Some(first) = chars.next() {
            forms.push(first.to_uppercase().chain(chars).collect());
        }
        forms.sort();
        forms.dedup();
        for form in forms {
            patterns.push(form);
            term_of.push(t);
        }
    }
    let matcher = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .ok()?;
    Some((matcher, term_of))
}

/// A match starts a word: the character before it is not a letter or digit.
fn starts_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

impl SearchHits {
    pub fn new(corpus: &Corpus, query: &str) -> SearchHits {
        let terms = search_terms(query);
        let n = corpus.documents.len();
        let documents = match search_matcher(&terms) {
            Some((matcher, term_of)) if !terms.is_empty() => corpus
                .documents
                .iter()
                .map(|doc| {
                    let mut found = vec![false; terms.len()];
                    let mut n_found = 0;
                    for (t, _, _) in term_matches(&matcher, &term_of, &doc.text) {
                        if !found[t] {
                            found[t] = true;
                            n_found += 1;
                            if n_found == terms.len() {
                                break;
                            }
                        }
                    }
                    n_found == terms.len()
                })
                .collect(),
            _ => all_documents(n),
        };
        SearchHits {
            query: query.to_string(),
            documents,
        }
    }
}

/// Every occurrence of a search pattern, overlapping ones included (so that
/// "peace" is found inside "peace talks" when both are terms): (term, start, end).
fn term_matches<'a>(
    matcher: &'a AhoCorasick,
    term_of: &'a [usize],
    text: &'a str,
) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
    matcher
        .find_overlapping_iter(text)
        .filter(move |m| starts_word(text, m.start()))
        .map(move |m| (term_of[m.pattern().as_usize()], m.start(), m.end()))
}

/// The byte range from `width` characters before `start` to `width` characters
/// after `end` (or the ends of the text): the neighbourhood of a span.
pub fn context_bounds(text: &str, start: usize, end: usize, width: usize) -> (usize, usize) {
    let left = text[..start]
        .char_indices()
        .rev()
        .nth(width.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let right = text[end..]
        .char_indices()
        .nth(width)
        .map_or(text.len(), |(i, _)| end + i);
    (left, right)
}

/// One search hit shown in context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeywordInContext {
    pub document: usize,
    /// Byte offsets of the hit in the document text.
    pub start: usize,
    pub end: usize,
    pub left: String,
    pub hit: String,
    pub right: String,
}

/// Up to `per_document` hits of the search's terms in each of `documents`, up to
/// `limit` lines in all, each with about `width` characters of context on each side.
pub fn keyword_in_context(
    corpus: &Corpus,
    query: &str,
    documents: &[usize],
    per_document: usize,
    limit: usize,
    width: usize,
) -> Vec<KeywordInContext> {
    let terms = search_terms(query);
    let Some((matcher, term_of)) = search_matcher(&terms) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for &d in documents {
        let text = &corpus.documents[d].text;
        let mut in_document = 0;
        let mut after = 0;
        for (_, start, end) in term_matches(&matcher, &term_of, text) {
            if start < after {
                continue;
            }
            after = end;
            let (left_start, right_end) = context_bounds(text, start, end, width);
            let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            // Whole words only at the outer edges of the context.
            let mut left = &text[left_start..start];
            if left_start > 0 && !starts_word(text, left_start) {
                left = left
                    .split_once(char::is_whitespace)
                    .map_or("", |(_, rest)| rest);
            }
            let mut right = &text[end..right_end];
            if text[right_end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            {
                right = right
                    .rsplit_once(char::is_whitespace)
                    .map_or("", |(kept, _)| kept);
            }
            lines.push(KeywordInContext {
                document: d,
                start,
                end,
                left: one_line(left),
                hit: text[start..end].to_string(),
                right: one_line(right),
            });
            in_document += 1;
            if lines.len() >= limit {
                return lines;
            }
            if in_document >= per_document {
                break;
            }
        }
    }
    lines
}

// ---------------------------------------------------------------- timeline

/// The width of a timeline bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Granularity {
    Day,
    Month,
    Year,
}

/// One bar: documents with a date mention in it. `precise` counts documents with a
/// mention that fits within the bar; `vague` those whose only mentions there span
/// more than one bar (a year-only mention on a month axis), drawn apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bin {
    pub first: Date,
    pub last: Date,
    pub precise: usize,
    pub vague: usize,
}

/// The timeline of a set of documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    pub granularity: Granularity,
    pub bins: Vec<Bin>,
    /// Documents with a mention before the first bar or after the last, and the
    /// extreme days found there (the outliers that would squash the axis).
    pub before: usize,
    pub after: usize,
    pub earliest: Option<Date>,
    pub latest: Option<Date>,
    /// Documents of the set with no resolved date mention.
    pub undated: usize,
}

/// Mentions this far from the middle half of all mentions still belong on the axis:
/// a generation either way is context, a date centuries off is an outlier.
const MIN_SPREAD_DAYS: i32 = 10 * 366;
const FENCE_SPREADS: i32 = 4;

/// More than this many years on the axis: one bar per year; more than this many
/// days: one bar per month; else one per day.
const YEAR_BARS_ABOVE_DAYS: i32 = 3 * 366;
const MONTH_BARS_ABOVE_DAYS: i32 = 62;

/// The axis bounds: all mentions, unless a few outliers lie far beyond the middle
/// half of them (beyond the fences); those go to the before/after buckets.
fn robust_bounds(mut starts: Vec<i32>, mut ends: Vec<i32>) -> Option<(i32, i32)> {
    if starts.is_empty() {
        return None;
    }
    // Quartiles by selection, not sorting: this runs on every click.
    let quantile = |v: &mut Vec<i32>, q: f64| {
        let k = ((v.len() - 1) as f64 * q).round() as usize;
        *v.select_nth_unstable(k).1
    };
    let (q1, q3) = (quantile(&mut starts, 0.25), quantile(&mut ends, 0.75));
    let spread = (q3 - q1).max(MIN_SPREAD_DAYS);
    let (low_fence, high_fence) = (q1 - FENCE_SPREADS * spread, q3 + FENCE_SPREADS * spread);
    let first = starts.iter().copied().filter(|&s| s >= low_fence).min()?;
    let last = ends.iter().copied().filter(|&e| e <= high_fence).max()?;
    Some((first.min(last), last.max(first)))
}

fn bin_start(d: Date, g: Granularity) -> Date {
    match g {
        Granularity::Day => d,
        Granularity::Month => d.first_of_month(),
        Granularity::Year => d.first_of_year(),
    }
}

fn bin_end(start: Date, g: Granularity) -> Date {
    match g {
        Granularity::Day => start,
        Granularity::Month => start.last_of_month(),
        Granularity::Year => start.last_of_year(),
    }
}

fn next_bin(start: Date, g: Granularity) -> Option<Date> {
    bin_end(start, g).tomorrow().ok()
}

/// The granularity for an axis of this many days.
pub fn granularity_for(days: i32) -> Granularity {
    if days > YEAR_BARS_ABOVE_DAYS {
        Granularity::Year
    } else if days > MONTH_BARS_ABOVE_DAYS {
        Granularity::Month
    } else {
        Granularity::Day
    }
}

/// The axis of a corpus's timeline: the days its date mentions span, outliers
/// apart; None without a resolved date. It depends on the corpus alone, so that
/// the bars stay in place while filters change what they count.
pub fn timeline_axis(corpus: &Corpus) -> Option<(Date, Date)> {
    let spans = corpus.all_day_spans();
    let (lo, hi) = robust_bounds(
        spans.iter().map(|s| s.0).collect(),
        spans.iter().map(|s| s.1).collect(),
    )?;
    Some((date_of_day(lo)?, date_of_day(hi)?))
}

/// The timeline of the documents in `set` on `axis`: the corpus's axis, or a
/// drill-down into part of it; mentions beyond it are counted apart.
///
/// Works on the corpus's day numbers: it runs on every click over every date
/// mention of the shown documents.
pub fn timeline(corpus: &Corpus, set: &DocSet, axis: Option<(Date, Date)>) -> Timeline {
    let shown = || (0..corpus.documents.len()).filter(|&d| in_set(set, d));
    let Some((first_day, last_day)) = axis else {
        return Timeline {
            granularity: Granularity::Year,
            bins: Vec::new(),
            before: 0,
            after: 0,
            earliest: None,
            latest: None,
            undated: shown().filter(|&d| corpus.day_spans(d).is_empty()).count(),
        };
    };
    let (lo, hi) = (day_number(first_day), day_number(last_day));
    let granularity = granularity_for(hi - lo);
    let mut bins: Vec<Bin> = Vec::new();
    let mut start = bin_start(first_day, granularity);
    while start <= last_day {
        bins.push(Bin {
            first: start,
            last: bin_end(start, granularity),
            precise: 0,
            vague: 0,
        });
        match next_bin(start, granularity) {
            Some(next) => start = next,
            None => break,
        }
    }
    // The bar of a day on the axis: the last bar starting on or before it.
    let bar_starts: Vec<i32> = bins.iter().map(|b| day_number(b.first)).collect();
    let bar_of = |day: i32| bar_starts.partition_point(|&s| s <= day).saturating_sub(1);
    // Per bar, the last document counted there.
    let mut last_counted: Vec<Option<usize>> = vec![None; bins.len()];
    let (mut before, mut after, mut undated) = (0, 0, 0);
    let (mut earliest, mut latest) = (None::<i32>, None::<i32>);
    for d in shown() {
        let spans = corpus.day_spans(d);
        if spans.is_empty() {
            undated += 1;
            continue;
        }
        let (mut is_before, mut is_after) = (false, false);
        // Within a document, precise mentions count first, so that a document
        // counted precisely in a bar is not also counted vague there.
        for want_precise in [true, false] {
            for &(a, b) in spans {
                if b < lo {
                    is_before = true;
                    earliest = Some(earliest.map_or(a, |e| e.min(a)));
                    continue;
                }
                if a > hi {
                    is_after = true;
                    latest = Some(latest.map_or(b, |l| l.max(b)));
                    continue;
                }
                let (a, b) = (a.max(lo), b.min(hi));
                let first = bar_of(a);
                // Most mentions are one day: one search.
                let last = if b == a { first } else { bar_of(b) };
                if (first == last) != want_precise {
                    continue;
                }
                for k in first..=last.min(bins.len().saturating_sub(1)) {
                    if last_counted[k] != Some(d) {
                        last_counted[k] = Some(d);
                        if want_precise {
                            bins[k].precise += 1;
                        } else {
                            bins[k].vague += 1;
                        }
                    }
                }
            }
        }
        before += usize::from(is_before);
        after += usize::from(is_after);
    }
    Timeline {
        granularity,
        bins,
        before,
        after,
        earliest: earliest.and_then(date_of_day),
        latest: latest.and_then(date_of_day),
        undated,
    }
}

/// The label of a bar: "2024", "2024-05", "2024-05-10".
pub fn bin_label(bin: &Bin, granularity: Granularity) -> String {
    match granularity {
        Granularity::Year => bin.first.year().to_string(),
        Granularity::Month => format!("{:04}-{:02}", bin.first.year(), bin.first.month()),
        Granularity::Day => bin.first.to_string(),
    }
}

// ---------------------------------------------------------------- URL fragment

/// Characters left as they are in a fragment value.
const FRAGMENT_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn encode_value(v: &Value) -> String {
    match v {
        Value::Entity(id) => format!("e.{id}"),
        Value::Place(PlaceFilter::Country(iso)) => format!("c.{iso}"),
        Value::Place(PlaceFilter::Region(iso, admin1)) => format!("r.{iso}.{admin1}"),
    }
}

fn decode_value(s: &str) -> Option<Value> {
    let lex = lexicon();
    let (kind, rest) = s.split_once('.')?;
    match kind {
        "e" if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_hexdigit()) => {
            Some(Value::Entity(rest.to_string()))
        }
        "c" => {
            let place = lex.country(rest)?;
            Some(Value::Place(PlaceFilter::Country(place.country)))
        }
        "r" => {
            let (iso, admin1) = rest.split_once('.')?;
            let place = lex.region(iso, admin1)?;
            (place.kind == PlaceKind::Region).then_some(Value::Place(PlaceFilter::Region(
                place.country,
                place.admin1,
            )))
        }
        _ => None,
    }
}

fn encode_list(values: &[Value]) -> String {
    values
        .iter()
        .map(encode_value)
        .collect::<Vec<_>>()
        .join(",")
}

fn decode_list(s: &str) -> Vec<Value> {
    s.split(',').filter_map(decode_value).collect()
}

/// The state as a URL fragment (without '#'): `in=e.1f2a,c.KZ&any=PER&not=…&from=…&to=…&q=…&doc=file~1`.
/// Empty parts are left out; an empty state gives an empty string.
pub fn to_fragment(state: &ViewState) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !state.include.is_empty() {
        parts.push(format!("in={}", encode_list(&state.include)));
    }
    if !state.any_of.is_empty() {
        let codes: Vec<&str> = state.any_of.iter().map(|f| f.code()).collect();
        parts.push(format!("any={}", codes.join(",")));
    }
    if !state.exclude.is_empty() {
        parts.push(format!("not={}", encode_list(&state.exclude)));
    }
    if let Some((first, last)) = state.range {
        parts.push(format!("from={first}&to={last}"));
    }
    if !state.search.trim().is_empty() {
        parts.push(format!(
            "q={}",
            utf8_percent_encode(state.search.trim(), FRAGMENT_VALUE)
        ));
    }
    if let Some(doc) = &state.open {
        parts.push(format!(
            "doc={}~{}",
            utf8_percent_encode(&doc.source, FRAGMENT_VALUE),
            doc.part
        ));
    }
    parts.join("&")
}

/// Reads a state from a URL fragment (with or without '#'). Unknown or malformed
/// parts are ignored: a link from a newer or older version still opens.
pub fn from_fragment(fragment: &str) -> ViewState {
    let mut state = ViewState::default();
    let (mut from, mut to) = (None, None);
    for part in fragment.trim_start_matches('#').split('&') {
        let Some((key, value)) = part.split_once('=') else {
            continue;
        };
        let text = || percent_decode_str(value).decode_utf8_lossy().into_owned();
        match key {
            "in" => state.include = decode_list(value),
            "not" => state.exclude = decode_list(value),
            "any" => state.any_of = value.split(',').filter_map(EntityType::from_code).collect(),
            "from" => from = value.parse::<Date>().ok(),
            "to" => to = value.parse::<Date>().ok(),
            "q" => state.search = text(),
            "doc" => {
                let decoded = text();
                if let Some((source, part)) = decoded.rsplit_once('~') {
                    if let Ok(part) = part.parse() {
                        state.open = Some(DocRef {
                            source: source.to_string(),
                            part,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (from, to) {
        state.range = Some((a.min(b), a.max(b)));
    }
    state
}

/// The index of the document a reference names, if it is loaded.
pub fn find_document(corpus: &Corpus, doc: &DocRef) -> Option<usize> {
    corpus
        .documents
        .iter()
        .position(|d| d.source == doc.source && d.part == doc.part)
}

/// The reference of a loaded document.
pub fn document_ref(corpus: &Corpus, d: usize) -> Option<DocRef> {
    corpus.documents.get(d).map(|doc| DocRef {
        source: doc.source.clone(),
        part: doc.part,
    })
}

/// How finely a mention is known, as a word for tooltips.
pub fn precision_word(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Quarter => "quarter",
        Precision::Season => "season",
        Precision::Year => "year",
        Precision::Decade => "decade",
        Precision::Vague => "vague",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::AnalysisOptions;

    /// Four one-article files: who met whom, where and when.
    const FILES: &[(&str, &str)] = &[
        (
            "almaty.txt",
            "Talks in Almaty\n\nForeign Minister Anna Petrova met David Miller in Almaty, Kazakhstan on May 10, 2024. The peace talks went on.\n",
        ),
        (
            "yerevan.txt",
            "Yerevan note\n\nAnna Petrova spoke in Yerevan, Armenia on June 3, 2024 about the border.\n",
        ),
        (
            "baku.txt",
            "Baku note\n\nDavid Miller spoke in Baku, Azerbaijan in March 2023 about peace.\n",
        ),
        (
            "history.txt",
            "A note on history\n\nThe abbey was founded in 1066, historians said. Nobody was named.\n",
        ),
    ];

    fn corpus() -> Corpus {
        let mut c = Corpus::new();
        for (name, text) in FILES {
            c.add_file(name, text.as_bytes(), &AnalysisOptions::default());
        }
        c
    }

    fn id(c: &Corpus, name: &str) -> String {
        let i = c
            .entities
            .iter()
            .position(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} not among {:?}", names(c)));
        c.entities[i].id.clone()
    }

    fn names(c: &Corpus) -> Vec<String> {
        c.entities.iter().map(|e| e.name.clone()).collect()
    }

    fn sources(c: &Corpus, documents: &[usize]) -> Vec<String> {
        let mut s: Vec<String> = documents
            .iter()
            .map(|&d| c.documents[d].source.trim_end_matches(".txt").to_string())
            .collect();
        s.sort();
        s
    }

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn views_read_a_set_made_before_the_corpus_grew() {
        // While a corpus loads, documents are indexed between refreshes of the views;
        // a view may pair the last evaluation with the grown corpus.
        let mut c = corpus();
        let evaluation = Evaluation::new(&c, &ViewState::default(), None);
        c.add_file(
            "later.txt",
            b"Anna Petrova met David Miller in Almaty on May 3, 2024.",
            &AnalysisOptions::default(),
        );
        let base = evaluation.base_for_facet(EntityType::Person, &ViewState::default());
        let (people, _) = facet_counts(&c, EntityType::Person, &base, |_| false, |_| true, 10);
        let petrova = c.entity_by_id(&id(&c, "Anna Petrova")).unwrap();
        let counted = people.iter().find(|f| f.entity == petrova).unwrap();
        assert_eq!(counted.documents, c.entities[petrova].documents.len() - 1);
        let before = c.documents.len() - 1;
        assert_eq!(
            in_order(&date_order(&c), &evaluation.matching_set()).len(),
            before
        );
        let t = timeline(&c, &evaluation.base_for_timeline(), timeline_axis(&c));
        assert!(t.bins.iter().map(|b| b.precise + b.vague).sum::<usize>() > 0);
        let _ = crate::engine::explore::places::place_tree_within(&c, Some(&base));
    }

    #[test]
    fn filters_combine_as_the_state_says() {
        let c = corpus();
        let petrova = Value::Entity(id(&c, "Anna Petrova"));
        let miller = Value::Entity(id(&c, "David Miller"));
        let kazakhstan = Value::Place(PlaceFilter::Country("KZ"));
        let state = |include: Vec<Value>, any_of: &[EntityType], exclude: Vec<Value>| ViewState {
            include,
            any_of: any_of.iter().copied().collect(),
            exclude,
            ..ViewState::default()
        };
        let cases: Vec<(&str, ViewState, Vec<&str>)> = vec![
            (
                "nothing chosen keeps all",
                ViewState::default(),
                vec!["almaty", "baku", "history", "yerevan"],
            ),
            (
                "one person",
                state(vec![petrova.clone()], &[], vec![]),
                vec!["almaty", "yerevan"],
            ),
            (
                "two people, all of",
                state(vec![petrova.clone(), miller.clone()], &[], vec![]),
                vec!["almaty"],
            ),
            (
                "two people, any of",
                state(
                    vec![petrova.clone(), miller.clone()],
                    &[EntityType::Person],
                    vec![],
                ),
                vec!["almaty", "baku", "yerevan"],
            ),
            (
                "a person and a country",
                state(vec![miller.clone(), kazakhstan.clone()], &[], vec![]),
                vec!["almaty"],
            ),
            (
                "a person but not a country",
                state(vec![miller.clone()], &[], vec![kazakhstan.clone()]),
                vec!["baku"],
            ),
            (
                "exclusion alone",
                state(vec![], &[], vec![petrova.clone()]),
                vec!["baku", "history"],
            ),
            (
                "a date range",
                ViewState {
                    range: Some((day("2024-05-01"), day("2024-06-30"))),
                    ..ViewState::default()
                },
                vec!["almaty", "yerevan"],
            ),
            (
                "a range overlapping a month-long mention",
                ViewState {
                    range: Some((day("2023-03-31"), day("2023-04-02"))),
                    ..ViewState::default()
                },
                vec!["baku"],
            ),
            (
                "search, two words",
                ViewState {
                    search: "peace spoke".into(),
                    ..ViewState::default()
                },
                vec!["baku"],
            ),
            (
                "search is case-insensitive",
                ViewState {
                    search: "PEACE".into(),
                    ..ViewState::default()
                },
                vec!["almaty", "baku"],
            ),
            (
                "search matches word starts",
                ViewState {
                    search: "bord".into(),
                    ..ViewState::default()
                },
                vec!["yerevan"],
            ),
            (
                "not inside a word",
                ViewState {
                    search: "order".into(),
                    ..ViewState::default()
                },
                vec![],
            ),
            (
                "a quoted phrase",
                ViewState {
                    search: "\"peace talks\"".into(),
                    ..ViewState::default()
                },
                vec!["almaty"],
            ),
            (
                "search and a facet",
                ViewState {
                    search: "peace".into(),
                    include: vec![petrova.clone()],
                    ..ViewState::default()
                },
                vec!["almaty"],
            ),
        ];
        for (name, state, expected) in cases {
            let evaluation = Evaluation::new(&c, &state, None);
            assert_eq!(sources(&c, &evaluation.matching), expected, "{name}");
        }
    }

    #[test]
    fn facet_counts_reflect_the_other_filters() {
        let c = corpus();
        let petrova = id(&c, "Anna Petrova");
        let miller = c.entity_by_id(&id(&c, "David Miller")).unwrap();
        let count = |state: &ViewState, entity: usize| {
            let e = Evaluation::new(&c, state, None);
            facet_counts(
                &c,
                EntityType::Person,
                &e.base_for_facet(EntityType::Person, state),
                |_| false,
                |_| true,
                usize::MAX,
            )
            .0
            .into_iter()
            .find(|f| f.entity == entity)
            .map_or(0, |f| f.documents)
        };
        let mut state = ViewState::default();
        assert_eq!(count(&state, miller), 2, "no filter: all its documents");
        state.toggle_include(Value::Entity(petrova.clone()));
        assert_eq!(
            count(&state, miller),
            1,
            "with Mirzoyan (AND): the documents they share"
        );
        state.toggle_any_of(EntityType::Person);
        assert_eq!(
            count(&state, miller),
            2,
            "OR within people: what adding him gives"
        );
        state.toggle_exclude(Value::Place(PlaceFilter::Country("AZ")));
        assert_eq!(
            count(&state, miller),
            1,
            "other facets still narrow an OR facet"
        );
    }

    #[test]
    fn a_facet_top_is_the_head_of_the_full_order() {
        let c = dated_corpus();
        let mut c2 = corpus();
        for (name, text) in FILES {
            c2.add_file(
                &format!("again-{name}"),
                format!("{text} Again.").as_bytes(),
                &AnalysisOptions::default(),
            );
        }
        for (name, corpus) in [("dated", &c), ("people", &c2)] {
            for facet in [EntityType::Person, EntityType::Place] {
                let all = vec![true; corpus.documents.len()];
                let (full, n) = facet_counts(corpus, facet, &all, |_| false, |_| true, usize::MAX);
                for limit in 0..=full.len() {
                    let (top, n_top) =
                        facet_counts(corpus, facet, &all, |_| false, |_| true, limit);
                    assert_eq!(
                        (&top[..], n_top),
                        (&full[..limit], n),
                        "{name} {facet:?} top {limit}"
                    );
                }
                // A value in use stays, after the top.
                if let Some(last) = full.last() {
                    let (top, _) =
                        facet_counts(corpus, facet, &all, |i| i == last.entity, |_| true, 1);
                    assert_eq!(top.last(), Some(last), "{name} {facet:?}: the kept value");
                }
            }
        }
    }

    #[test]
    fn toggling_moves_a_value_between_include_and_exclude() {
        let v = Value::Place(PlaceFilter::Country("KZ"));
        let mut s = ViewState::default();
        s.toggle_include(v.clone());
        assert_eq!((s.include.len(), s.exclude.len()), (1, 0));
        s.toggle_exclude(v.clone());
        assert_eq!((s.include.len(), s.exclude.len()), (0, 1));
        s.toggle_exclude(v.clone());
        assert!(!s.is_filtered());
        s.search = "x".into();
        s.open = Some(DocRef {
            source: "a".into(),
            part: 0,
        });
        s.clear_filters();
        assert!(!s.is_filtered());
        assert!(s.open.is_some(), "clearing filters keeps the open document");
    }

    #[test]
    fn keyword_in_context_shows_each_hit_with_its_neighbourhood() {
        let c = corpus();
        // (name, query, expected (left, hit, right) lines)
        type Case<'a> = (&'a str, &'a str, Vec<(&'a str, &'a str, &'a str)>);
        let cases: Vec<Case> = vec![
            (
                "one word",
                "peace",
                vec![
                    (
                        "met David Miller in Almaty, Kazakhstan on May 10, 2024. The",
                        "peace",
                        "talks went on.",
                    ),
                    (
                        "David Miller spoke in Baku, Azerbaijan in March 2023 about",
                        "peace",
                        ".",
                    ),
                ],
            ),
            (
                "case kept as written",
                "ALMATY",
                vec![
                    (
                        "Talks in",
                        "Almaty",
                        "Foreign Minister Anna Petrova met David Miller in Almaty,",
                    ),
                    (
                        "Almaty Foreign Minister Anna Petrova met David Miller in",
                        "Almaty",
                        ", Kazakhstan on May 10, 2024. The peace talks went on.",
                    ),
                ],
            ),
        ];
        for (name, query, expected) in cases {
            let hits = SearchHits::new(&c, query);
            let documents: Vec<usize> = (0..c.documents.len())
                .filter(|&d| hits.documents[d])
                .collect();
            let lines = keyword_in_context(&c, query, &documents, 5, 10, 60);
            let got: Vec<(&str, &str, &str)> = lines
                .iter()
                .map(|l| (l.left.as_str(), l.hit.as_str(), l.right.as_str()))
                .collect();
            assert_eq!(got, expected, "{name}");
            for l in &lines {
                assert_eq!(
                    &c.documents[l.document].text[l.start..l.end],
                    l.hit,
                    "{name}: offsets"
                );
            }
        }
        assert_eq!(
            search_terms("  Peace \"the  Talks\" peace "),
            ["peace", "the talks", "peace"]
        );
        assert_eq!(
            search_terms("peace peace"),
            ["peace"],
            "repeats next to each other fold"
        );
    }

    #[test]
    fn appears_with_lists_who_shares_most_documents() {
        let c = corpus();
        let petrova = c.entity_by_id(&id(&c, "Anna Petrova")).unwrap();
        let top: Vec<(String, usize)> = appears_with(&c, petrova, 20)
            .into_iter()
            .map(|(i, n)| (c.entities[i].name.clone(), n))
            .collect();
        assert!(top.contains(&("David Miller".to_string(), 1)), "{top:?}");
        assert!(top.contains(&("Yerevan".to_string(), 1)), "{top:?}");
        assert!(!top.iter().any(|(n, _)| n == "Baku"), "{top:?}");
        assert!(!top.iter().any(|(n, _)| n == "Anna Petrova"), "not itself");
    }

    fn dated_corpus() -> Corpus {
        let mut c = Corpus::new();
        let months = ["January", "March", "June", "September", "November"];
        for (k, year) in (2020..=2024).enumerate() {
            for (m, month) in months.iter().enumerate() {
                let text = format!(
                    "Report {k}-{m}\n\nThe meeting was held on {month} {}, {year}.\n",
                    m + 3
                );
                c.add_file(
                    &format!("r{k}{m}.txt"),
                    text.as_bytes(),
                    &AnalysisOptions::default(),
                );
            }
        }
        for (name, text) in [
            (
                "old.txt",
                "Old\n\nThe abbey was founded on October 14, 1066, they said.\n",
            ),
            (
                "far.txt",
                "Far\n\nA capsule is to be opened on January 1, 2999, they said.\n",
            ),
            (
                "vague.txt",
                "Vague\n\nThe plan was written in 2022 and never used.\n",
            ),
            ("none.txt", "Nothing\n\nNo date at all here.\n"),
        ] {
            c.add_file(name, text.as_bytes(), &AnalysisOptions::default());
        }
        c
    }

    #[test]
    fn the_timeline_keeps_outliers_apart_and_drills_down() {
        let c = dated_corpus();
        let all = vec![true; c.documents.len()];
        let t = timeline(&c, &all, timeline_axis(&c));
        assert_eq!(t.granularity, Granularity::Year);
        let labels: Vec<String> = t.bins.iter().map(|b| bin_label(b, t.granularity)).collect();
        assert_eq!(labels, ["2020", "2021", "2022", "2023", "2024"]);
        assert_eq!(
            (t.before, t.after, t.undated),
            (1, 1, 1),
            "1066 and 2999 are outside; one document has no date"
        );
        assert_eq!(
            (t.earliest, t.latest),
            (Some(day("1066-10-14")), Some(day("2999-01-01")))
        );
        assert_eq!(
            t.bins[2].precise, 6,
            "five reports and the year-only plan fit the year 2022"
        );

        let year = (day("2022-01-01"), day("2022-12-31"));
        let t = timeline(&c, &all, Some(year));
        assert_eq!(t.granularity, Granularity::Month);
        assert_eq!(t.bins.len(), 12);
        let counts: Vec<(usize, usize)> = t.bins.iter().map(|b| (b.precise, b.vague)).collect();
        assert_eq!(
            counts[0],
            (1, 1),
            "January: one report, and the plan dated only to the year"
        );
        assert_eq!(counts[1], (0, 1), "February: only the year-long mention");
        assert_eq!(
            t.before, 11,
            "the reports of 2020, 2021 and the abbey lie before"
        );

        let month = (day("2022-06-01"), day("2022-06-30"));
        let t = timeline(&c, &all, Some(month));
        assert_eq!(t.granularity, Granularity::Day);
        assert_eq!(t.bins.len(), 30);
        assert_eq!(t.bins[4].precise, 1, "June 5");

        let none = vec![false; c.documents.len()];
        let t = timeline(&c, &none, timeline_axis(&c));
        assert_eq!(t.bins.len(), 5, "the axis stays");
        assert!(t.bins.iter().all(|b| b.precise + b.vague == 0));
        assert_eq!((t.before, t.after, t.undated), (0, 0, 0));

        let t = timeline(&Corpus::new(), &Vec::new(), timeline_axis(&Corpus::new()));
        assert!(t.bins.is_empty() && t.undated == 0);
    }

    #[test]
    fn a_filtered_timeline_keeps_the_corpus_axis() {
        let c = dated_corpus();
        // Only the documents dated in 2022 (the plan and the reports of that year).
        let in_2022: DocSet = (0..c.documents.len())
            .map(|d| {
                c.documents[d]
                    .dates
                    .iter()
                    .any(|m| m.interval.is_some_and(|(a, _)| a.year() == 2022))
            })
            .collect();
        let t = timeline(&c, &in_2022, timeline_axis(&c));
        let labels: Vec<String> = t.bins.iter().map(|b| bin_label(b, t.granularity)).collect();
        assert_eq!(labels, ["2020", "2021", "2022", "2023", "2024"]);
        let counts: Vec<usize> = t.bins.iter().map(|b| b.precise + b.vague).collect();
        assert_eq!(counts, [0, 0, 6, 0, 0]);
        assert_eq!((t.before, t.after, t.undated), (0, 0, 0));
    }

    #[test]
    fn granularity_follows_the_span() {
        let cases = [
            ("a week", 7, Granularity::Day),
            ("two months", 61, Granularity::Day),
            ("a season", 92, Granularity::Month),
            ("two years", 730, Granularity::Month),
            ("a decade", 3653, Granularity::Year),
        ];
        for (name, days, expected) in cases {
            assert_eq!(granularity_for(days), expected, "{name}");
        }
    }

    #[test]
    fn the_view_state_round_trips_through_the_url_fragment() {
        let cases: Vec<(&str, ViewState)> = vec![
            ("empty", ViewState::default()),
            (
                "everything",
                ViewState {
                    include: vec![
                        Value::Entity("00ab12cd34ef".into()),
                        Value::Place(PlaceFilter::Country("KZ")),
                    ],
                    any_of: [EntityType::Person, EntityType::Place]
                        .into_iter()
                        .collect(),
                    exclude: vec![Value::Entity("0000000000ff".into())],
                    range: Some((day("2024-05-01"), day("2024-05-31"))),
                    search: "peace & \"talks\" #1 – Алматы".into(),
                    open: Some(DocRef {
                        source: "my file & co.txt".into(),
                        part: 2,
                    }),
                },
            ),
        ];
        for (name, state) in cases {
            let fragment = to_fragment(&state);
            assert!(
                !fragment.contains(' ') && !fragment.contains('"') && !fragment.contains('#'),
                "{name}: {fragment}"
            );
            assert_eq!(
                from_fragment(&format!("#{fragment}")),
                state,
                "{name}: {fragment}"
            );
        }
        let region = lexicon()
            .places_named("Almaty")
            .iter()
            .map(|&p| lexicon().place(p))
            .find(|p| p.kind == PlaceKind::Region);
        if let Some(r) = region {
            let state = ViewState {
                include: vec![Value::Place(PlaceFilter::Region(r.country, r.admin1))],
                ..ViewState::default()
            };
            assert_eq!(from_fragment(&to_fragment(&state)), state, "a region");
        }
    }

    #[test]
    fn a_malformed_fragment_gives_what_it_can() {
        let cases: Vec<(&str, &str, ViewState)> = vec![
            ("garbage", "#%%%&&==&x", ViewState::default()),
            (
                "unknown country dropped",
                "in=c.ZZ,c.KZ",
                ViewState {
                    include: vec![Value::Place(PlaceFilter::Country("KZ"))],
                    ..ViewState::default()
                },
            ),
            ("bad id dropped", "in=e.not-hex,e.", ViewState::default()),
            (
                "half a range ignored",
                "from=2024-01-01",
                ViewState::default(),
            ),
            (
                "reversed range put in order",
                "from=2024-02-01&to=2024-01-01",
                ViewState {
                    range: Some((day("2024-01-01"), day("2024-02-01"))),
                    ..ViewState::default()
                },
            ),
            (
                "impossible day ignored",
                "from=2024-02-30&to=2024-03-01",
                ViewState::default(),
            ),
            (
                "unknown facet ignored",
                "any=XYZ,ORG",
                ViewState {
                    any_of: [EntityType::Organisation].into_iter().collect(),
                    ..ViewState::default()
                },
            ),
        ];
        for (name, fragment, expected) in cases {
            assert_eq!(from_fragment(fragment), expected, "{name}");
        }
    }
}
