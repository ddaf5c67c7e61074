//! The timeline: an SVG histogram of documents by date mention; drag to choose a range, zoom into it and back, outliers apart.

use leptos::ev::{FocusEvent, KeyboardEvent, PointerEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::explore::{timeline, timeline_axis};
use crate::engine::Date;
use crate::ui::model::timeline::{
    axis_labels, bar_at_fraction, bar_paths, bars, granularity_word, outliers, range_label,
    BarData, Bars, Outliers, BAR, HEIGHT,
};
use crate::ui::state::explore::{tick_after, Explore};

/// The bar under a pointer, from its position across the drawing.
fn bar_at(ev: &PointerEvent, n_bars: usize) -> Option<usize> {
    let target: web_sys::Element = event_target(ev);
    let svg = target.closest("svg").ok().flatten()?;
    let rect = svg.get_bounding_client_rect();
    if rect.width() <= 0.0 || n_bars == 0 {
        return None;
    }
    bar_at_fraction((ev.client_x() as f64 - rect.left()) / rect.width(), n_bars)
}

/// The bar an event happened on (its `data-k`), for the chart's delegated handlers.
fn bar_of(ev: &web_sys::Event) -> Option<usize> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    target
        .closest("[data-k]")
        .ok()??
        .get_attribute("data-k")?
        .parse()
        .ok()
}

/// The timeline's reactive parts, shared by its pieces (all `Copy` handles).
#[derive(Clone, Copy)]
struct Timeline {
    ex: Explore,
    /// While dragging: the bar where the drag began and the bar under the pointer.
    brush: RwSignal<Option<(usize, usize)>>,
    hovered: RwSignal<Option<String>>,
    data: Memo<crate::engine::explore::Timeline>,
    bars: Memo<Bars>,
}

impl Timeline {
    fn new(ex: Explore) -> Timeline {
        // Corpus changes arrive on the timeline's own tick, a task after the other views.
        // The axis follows the corpus (and the zoom), not the filters: bars stay in place
        // while a click changes what they count.
        let corpus_axis = Memo::new(move |_| {
            ex.timeline_tick.track();
            ex.corpus.with_value(timeline_axis)
        });
        // The axis is taken on that tick and the bars counted a task later: over
        // 100,000 documents each is 10 to 20 ms of the page's thread, too long together.
        let bars_tick = tick_after(move || {
            ex.timeline_tick.track();
            corpus_axis.with(|_| ());
        });
        let data = Memo::new(move |_| {
            bars_tick.track();
            ex.state.track();
            let evaluation = ex.evaluation.get_untracked();
            // The zoom is in the view state (and so in the address).
            let axis = ex
                .state
                .with(|s| s.zoom.last().copied())
                .or_else(|| corpus_axis.get());
            ex.corpus
                .with_value(|c| timeline(c, &evaluation.0.base_for_timeline(), axis))
        });
        Timeline {
            ex,
            brush: RwSignal::new(None),
            hovered: RwSignal::new(None),
            data,
            bars: Memo::new(move |_| data.with(bars)),
        }
    }

    fn n_bars(self) -> usize {
        self.data.with_untracked(|t| t.bins.len())
    }

    /// Chooses the days from bar a to bar b; choosing the range already chosen lets it go.
    fn select(self, a: usize, b: usize) {
        let (a, b) = (a.min(b), a.max(b));
        let range = self
            .data
            .with_untracked(|t| Some((t.bins.get(a)?.first, t.bins.get(b)?.last)));
        if let Some(range) = range {
            self.ex
                .state
                .update(|s| s.range = (s.range != Some(range)).then_some(range));
        }
    }

    /// Where the choice is shown: bars dragged over, or inside the chosen range.
    fn chosen(self, k: usize, (first, last): (Date, Date)) -> bool {
        match self.brush.get() {
            Some((a, z)) => (a.min(z)..=a.max(z)).contains(&k),
            None => self
                .ex
                .state
                .with(|s| s.range.is_some_and(|(a, z)| first <= z && last >= a)),
        }
    }

    fn summary_of(self, k: usize) -> Option<String> {
        self.bars
            .with_untracked(|v| v.list.get(k).map(|b| b.summary.clone()))
    }
}

#[component]
pub fn TimelineView(ex: Explore) -> impl IntoView {
    let t = Timeline::new(ex);
    let hovered = t.hovered;
    view! {
        <section class="timeline" aria-label="Timeline" data-testid="timeline">
            <div class="timeline-head">
                <h2>"When"</h2>
                {move || controls(t)}
            </div>
            <div class="timeline-body">{chart(t)}</div>
            <p class="timeline-foot">
                <span class="readout" role="status" data-testid="timeline-readout">{move || hovered.get().unwrap_or_else(|| "Drag across the bars to keep documents dated in that range; pale bars are dates known only to a longer period.".into())}</span>
                " " {move || outside(t)}
            </p>
        </section>
    }
}

/// The chart: focusable bars over four colour paths, and the axis labels. Hover,
/// focus and keys are handled once on the chart (delegated), not on each bar: a
/// chart of many bars builds faster and holds fewer closures.
fn chart(t: Timeline) -> impl IntoView {
    let Timeline {
        brush,
        hovered,
        data,
        bars,
        ..
    } = t;
    // The bars' colour, drawn as four paths rather than two shapes per bar: a
    // refresh or a click then changes four attributes, not hundreds.
    let paths = Memo::new(move |_| bars.with(|v| bar_paths(v, |k, days| t.chosen(k, days))));
    let axis_labels = Memo::new(move |_| data.with(axis_labels));
    let axis = move || {
        let [first, middle, last] = axis_labels.get();
        view! { <span>{first}</span><span>{middle}</span><span>{last}</span> }
    };
    let has_bars = Memo::new(move |_| data.with(|d| (!d.bins.is_empty(), d.undated > 0)));
    move || {
        let (any, undated) = has_bars.get();
        if !any {
            return view! {
                <p class="note" data-testid="timeline-empty">
                    {if undated { "No dates in these documents." } else { "No documents." }}
                </p>
            }
            .into_any();
        }
        view! {
            <svg class="histogram" viewBox=move || format!("0 0 {} {HEIGHT}", data.with(|d| d.bins.len()) as f64 * BAR) preserveAspectRatio="none"
                role="group" aria-label=move || format!("Documents by {} of their dates; drag across bars to choose a range", granularity_word(data.with(|d| d.granularity)))
                data-testid="timeline-chart"
                on:pointerdown=move |ev: PointerEvent| {
                    if let Some(k) = bar_at(&ev, t.n_bars()) {
                        let target: web_sys::Element = event_target(&ev);
                        let _ = target.set_pointer_capture(ev.pointer_id());
                        brush.set(Some((k, k)));
                    }
                }
                on:pointermove=move |ev: PointerEvent| {
                    if let (Some((a, _)), Some(k)) = (brush.get_untracked(), bar_at(&ev, t.n_bars())) {
                        if brush.get_untracked() != Some((a, k)) {
                            brush.set(Some((a, k)));
                        }
                    }
                }
                on:pointerup=move |ev: PointerEvent| {
                    if let Some((a, b)) = brush.get_untracked() {
                        let b = bar_at(&ev, t.n_bars()).unwrap_or(b);
                        brush.set(None);
                        t.select(a, b);
                    }
                }
                on:pointercancel=move |_| brush.set(None)
                on:pointerleave=move |_| hovered.set(None)
                on:pointerover=move |ev: PointerEvent| {
                    if let Some(k) = bar_of(&ev) {
                        hovered.set(t.summary_of(k));
                    }
                }
                on:focusin=move |ev: FocusEvent| {
                    if let Some(k) = bar_of(&ev) {
                        hovered.set(t.summary_of(k));
                    }
                }
                on:keydown=move |ev: KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        if let Some(k) = bar_of(&ev) {
                            ev.prevent_default();
                            t.select(k, k);
                        }
                    }
                }>
                <For each=move || bars.with(|v| v.list.clone()) key=|b| b.key children=move |b| bar(t, b)/>
                <path class="precise" d=move || paths.with(|p| p.precise.clone())></path>
                <path class="vague" d=move || paths.with(|p| p.vague.clone())></path>
                <path class="precise chosen" d=move || paths.with(|p| p.precise_chosen.clone())></path>
                <path class="vague chosen" d=move || paths.with(|p| p.vague_chosen.clone())></path>
            </svg>
            <div class="axis" aria-hidden="true">{axis}</div>
        }
        .into_any()
    }
}

/// One bar's focusable, labelled part (its colour is in the paths). Place and
/// wording follow the axis and the counts without re-creating the bar.
fn bar(t: Timeline, b: BarData) -> impl IntoView {
    let key = b.key;
    let (first, last) = b.days;
    let shape = Memo::new(move |_| {
        t.bars.with(|v| {
            v.position
                .get(&key)
                .map(|&k| (k, v.list[k].summary.clone()))
                .unwrap_or_default()
        })
    });
    let k = move || shape.with(|s| s.0);
    // Reactive: the bar keeps its element, and the focus, when the choice changes.
    let selected = move || t.chosen(k(), (first, last));
    view! {
        <g class="bar" class:selected=selected tabindex="0" role="button" aria-label=move || shape.with(|s| s.1.clone())
            data-testid="timeline-bar" data-label=b.label data-k=k>
            <rect class="hit" x=move || k() as f64 * BAR y="0" width=BAR height=HEIGHT></rect>
        </g>
    }
}

/// The buttons for documents dated outside the axis (a click chooses the days from
/// the extreme to the axis), and the count of undated documents.
fn outside(t: Timeline) -> impl IntoView {
    let ex = t.ex;
    let data = t.data.get();
    let (before, after) = outliers(&data);
    let bucket = move |o: Option<Outliers>, testid: &'static str, title: &'static str| {
        o.map(|o| {
            let days = o.days;
            view! {
                <button class="outside" data-testid=testid title=title
                    on:click=move |_| if let Some(range) = days { ex.state.update(|s| s.range = Some(range)) }>
                    {o.label}
                </button>
            }
        })
    };
    let before = bucket(
        before,
        "timeline-before",
        "Documents with a date before this axis",
    );
    let after = bucket(
        after,
        "timeline-after",
        "Documents with a date after this axis",
    );
    let undated = (data.undated > 0)
        .then(|| view! { <span class="note">{format!("{} without a date", data.undated)}</span> });
    view! { {before} {after} {undated} }
}

/// The granularity, the chosen range with its clear button, zoom in and out.
fn controls(t: Timeline) -> impl IntoView {
    let ex = t.ex;
    let range = ex.state.with(|s| s.range);
    let depth = ex.state.with(|s| s.zoom.len());
    let g = t.data.with(|d| d.granularity);
    let zoom_in = range.map(|r| view! {
        <button class="more" data-testid="timeline-zoom" on:click=move |_| ex.state.update(|s| s.zoom.push(r))>"Zoom into the range"</button>
    });
    let zoom_out = (depth > 0).then(|| view! {
        <button class="more" data-testid="timeline-back" on:click=move |_| { ex.state.update(|s| { s.zoom.pop(); }); }>"Zoom out"</button>
    });
    let clear = range.map(|(a, b)| view! {
        <span class="range" data-testid="timeline-range">{range_label((a, b))}</span>
        <button class="more" data-testid="timeline-clear" on:click=move |_| ex.state.update(|s| s.range = None)>"Clear range"</button>
    });
    view! {
        <span class="note">{format!("one bar per {}", granularity_word(g))}</span>
        {clear} {zoom_in} {zoom_out}
    }
}
