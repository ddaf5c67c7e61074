//! The timeline: an SVG histogram of documents by date mention; drag to choose a range, zoom into it and back, outliers apart.

use leptos::ev::{FocusEvent, KeyboardEvent, PointerEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use rustc_hash::FxHashMap;

use crate::engine::explore::{bin_label, timeline, timeline_axis, Bin, Granularity};
use crate::engine::Date;
use crate::ui::state::explore::Explore;

/// Height of the drawing in SVG units; bars are 10 units wide.
const HEIGHT: f64 = 100.0;
const BAR: f64 = 10.0;

fn granularity_word(g: Granularity) -> &'static str {
    match g {
        Granularity::Year => "year",
        Granularity::Month => "month",
        Granularity::Day => "day",
    }
}

fn bin_summary(bin: &Bin, g: Granularity) -> String {
    let mut s = format!(
        "{}: {} document{}",
        bin_label(bin, g),
        bin.precise + bin.vague,
        if bin.precise + bin.vague == 1 {
            ""
        } else {
            "s"
        }
    );
    if bin.vague > 0 {
        s.push_str(&format!(
            " ({} only by a date longer than a {})",
            bin.vague,
            granularity_word(g)
        ));
    }
    s
}

/// The bars' coloured parts as SVG path data, one path per kind of part.
#[derive(Clone, Default, PartialEq)]
struct BarPaths {
    precise: String,
    vague: String,
    precise_chosen: String,
    vague_chosen: String,
}

/// Adds a bar's part (x, top, height; one bar wide, less a gap) to a path.
fn push_rect(path: &mut String, x: f64, top: f64, height: f64) {
    use std::fmt::Write;
    if height > 0.0 {
        let _ = write!(
            path,
            "M{x:.1} {top:.2}h{w}v{height:.2}h-{w}z",
            w = BAR - 2.0
        );
    }
}

/// The bars, and where each one's key is among them.
#[derive(Clone, Default, PartialEq)]
struct Bars {
    list: Vec<BarData>,
    position: FxHashMap<u64, usize>,
}

/// The bar under a pointer, from its position across the drawing.
fn bar_at(ev: &PointerEvent, n_bars: usize) -> Option<usize> {
    let target: web_sys::Element = event_target(ev);
    let svg = target.closest("svg").ok().flatten()?;
    let rect = svg.get_bounding_client_rect();
    if rect.width() <= 0.0 || n_bars == 0 {
        return None;
    }
    let x = (ev.client_x() as f64 - rect.left()) / rect.width();
    Some(((x * n_bars as f64).floor().max(0.0) as usize).min(n_bars - 1))
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

/// One bar as data, with the key of what it shows.
#[derive(Clone, PartialEq)]
struct BarData {
    /// The bar's period: a bar keeps its element (and the focus) while its counts
    /// and its place change, as they do on every refresh while a corpus loads and
    /// whenever a filter moves the ends of the axis.
    key: u64,
    k: usize,
    precise_h: f64,
    vague_h: f64,
    summary: String,
    label: String,
    /// The bar's first and last day.
    days: (Date, Date),
}

#[component]
pub fn TimelineView(ex: Explore) -> impl IntoView {
    // Drill-down: the axis of each zoom level, innermost last.
    let zoom = RwSignal::new(Vec::<(Date, Date)>::new());
    // While dragging: the bar where the drag began and the bar under the pointer.
    let brush = RwSignal::new(None::<(usize, usize)>);
    let hovered = RwSignal::new(None::<String>);
    // Corpus changes arrive on the timeline's own tick, a task after the other views.
    // The axis follows the corpus (and the zoom), not the filters: bars stay in place
    // while a click changes what they count.
    let corpus_axis = Memo::new(move |_| {
        ex.timeline_tick.track();
        ex.corpus.with_value(timeline_axis)
    });
    let data = Memo::new(move |_| {
        ex.timeline_tick.track();
        ex.state.track();
        let evaluation = ex.evaluation.get_untracked();
        let axis = zoom
            .with(|z| z.last().copied())
            .or_else(|| corpus_axis.get());
        ex.corpus
            .with_value(|c| timeline(c, &evaluation.0.base_for_timeline(), axis))
    });
    // Chooses the days from bar a to bar b; choosing the range already chosen lets it go.
    let select = move |a: usize, b: usize| {
        let (a, b) = (a.min(b), a.max(b));
        let range = data.with_untracked(|t| Some((t.bins.get(a)?.first, t.bins.get(b)?.last)));
        if let Some(range) = range {
            ex.state
                .update(|s| s.range = (s.range != Some(range)).then_some(range));
        }
    };
    let bars = Memo::new(move |_| {
        let list: Vec<BarData> = data.with(|t| {
            let max = t
                .bins
                .iter()
                .map(|b| b.precise + b.vague)
                .max()
                .unwrap_or(1)
                .max(1);
            let scale = (HEIGHT - 4.0) / max as f64;
            t.bins
                .iter()
                .enumerate()
                .map(|(k, bin)| {
                    let label = bin_label(bin, t.granularity);
                    BarData {
                        key: crate::ui::state::explore::row_key(&label),
                        k,
                        precise_h: bin.precise as f64 * scale,
                        vague_h: bin.vague as f64 * scale,
                        summary: bin_summary(bin, t.granularity),
                        label,
                        days: (bin.first, bin.last),
                    }
                })
                .collect()
        });
        let position = list.iter().map(|b| (b.key, b.k)).collect();
        Bars { list, position }
    });
    let n_bars = move || data.with(|t| t.bins.len());
    // The first, middle and last bars' labels (they change with the axis, not the counts).
    let axis_labels = Memo::new(move |_| {
        data.with(|t| {
            let n = t.bins.len();
            let label = |k: usize| {
                t.bins
                    .get(k)
                    .map(|b| bin_label(b, t.granularity))
                    .unwrap_or_default()
            };
            [label(0), label(n / 2), label(n.saturating_sub(1))]
        })
    });
    let axis = move || {
        let [first, middle, last] = axis_labels.get();
        view! { <span>{first}</span><span>{middle}</span><span>{last}</span> }
    };
    // Where the choice is shown: bars dragged over, or inside the chosen range.
    let chosen = move |k: usize, (first, last): (Date, Date)| match brush.get() {
        Some((a, z)) => (a.min(z)..=a.max(z)).contains(&k),
        None => ex
            .state
            .with(|s| s.range.is_some_and(|(a, z)| first <= z && last >= a)),
    };
    // The bars' colour, drawn as four paths (counted to the day or only to a longer
    // period; chosen or not) rather than two shapes per bar: a refresh or a click
    // then changes four attributes, not hundreds.
    let paths = Memo::new(move |_| {
        bars.with(|v| {
            let mut paths = BarPaths::default();
            for b in &v.list {
                let is_chosen = chosen(b.k, b.days);
                let (precise, vague) = if is_chosen {
                    (&mut paths.precise_chosen, &mut paths.vague_chosen)
                } else {
                    (&mut paths.precise, &mut paths.vague)
                };
                let x = b.k as f64 * BAR + 1.0;
                push_rect(precise, x, HEIGHT - b.precise_h, b.precise_h);
                push_rect(vague, x, HEIGHT - b.precise_h - b.vague_h, b.vague_h);
            }
            paths
        })
    });
    // Hover, focus and keys are handled once on the chart (delegated), not on each
    // bar: a chart of many bars builds faster and holds fewer closures.
    let summary_of =
        move |k: usize| bars.with_untracked(|v| v.list.get(k).map(|b| b.summary.clone()));
    let bar = move |b: BarData| {
        let key = b.key;
        let (first, last) = b.days;
        // Place and wording follow the axis and the counts without re-creating the
        // bar (the focusable, labelled part: its colour is in the paths).
        let shape = Memo::new(move |_| {
            bars.with(|v| {
                v.position
                    .get(&key)
                    .map(|&k| (k, v.list[k].summary.clone()))
                    .unwrap_or_default()
            })
        });
        let k = move || shape.with(|s| s.0);
        // Reactive: the bar keeps its element, and the focus, when the choice changes.
        let selected = move || chosen(k(), (first, last));
        view! {
            <g class="bar" class:selected=selected tabindex="0" role="button" aria-label=move || shape.with(|s| s.1.clone())
                data-testid="timeline-bar" data-label=b.label data-k=k>
                <rect class="hit" x=move || k() as f64 * BAR y="0" width=BAR height=HEIGHT></rect>
            </g>
        }
    };
    let has_bars = Memo::new(move |_| data.with(|t| (!t.bins.is_empty(), t.undated > 0)));
    let chart = move || {
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
            <svg class="histogram" viewBox=move || format!("0 0 {} {HEIGHT}", n_bars() as f64 * BAR) preserveAspectRatio="none"
                role="group" aria-label=move || format!("Documents by {} of their dates; drag across bars to choose a range", granularity_word(data.with(|t| t.granularity)))
                data-testid="timeline-chart"
                on:pointerdown=move |ev: PointerEvent| {
                    if let Some(k) = bar_at(&ev, data.with_untracked(|t| t.bins.len())) {
                        let target: web_sys::Element = event_target(&ev);
                        let _ = target.set_pointer_capture(ev.pointer_id());
                        brush.set(Some((k, k)));
                    }
                }
                on:pointermove=move |ev: PointerEvent| {
                    if let (Some((a, _)), Some(k)) = (brush.get_untracked(), bar_at(&ev, data.with_untracked(|t| t.bins.len()))) {
                        if brush.get_untracked() != Some((a, k)) {
                            brush.set(Some((a, k)));
                        }
                    }
                }
                on:pointerup=move |ev: PointerEvent| {
                    if let Some((a, b)) = brush.get_untracked() {
                        let b = bar_at(&ev, data.with_untracked(|t| t.bins.len())).unwrap_or(b);
                        brush.set(None);
                        select(a, b);
                    }
                }
                on:pointercancel=move |_| brush.set(None)
                on:pointerleave=move |_| hovered.set(None)
                on:pointerover=move |ev: PointerEvent| {
                    if let Some(k) = bar_of(&ev) {
                        hovered.set(summary_of(k));
                    }
                }
                on:focusin=move |ev: FocusEvent| {
                    if let Some(k) = bar_of(&ev) {
                        hovered.set(summary_of(k));
                    }
                }
                on:keydown=move |ev: KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        if let Some(k) = bar_of(&ev) {
                            ev.prevent_default();
                            select(k, k);
                        }
                    }
                }>
                <For each=move || bars.with(|v| v.list.clone()) key=|b| b.key children=bar/>
                <path class="precise" d=move || paths.with(|p| p.precise.clone())></path>
                <path class="vague" d=move || paths.with(|p| p.vague.clone())></path>
                <path class="precise chosen" d=move || paths.with(|p| p.precise_chosen.clone())></path>
                <path class="vague chosen" d=move || paths.with(|p| p.vague_chosen.clone())></path>
            </svg>
            <div class="axis" aria-hidden="true">{axis}</div>
        }
        .into_any()
    };
    let outside = move || {
        let t = data.get();
        // A bucket of outliers: its count, and the days from its extreme to the axis.
        let bucket = move |n: usize,
                           label: String,
                           days: Option<(Date, Date)>,
                           testid: &'static str,
                           title: &'static str| {
            (n > 0).then(|| view! {
                <button class="outside" data-testid=testid title=title
                    on:click=move |_| if let Some(range) = days { ex.state.update(|s| s.range = Some(range)) }>
                    {label}
                </button>
            })
        };
        let before = bucket(
            t.before,
            format!(
                "{} earlier{}",
                t.before,
                t.earliest
                    .map(|d| format!(" (from {})", d.year()))
                    .unwrap_or_default()
            ),
            t.earliest
                .zip(t.bins.first().and_then(|b| b.first.yesterday().ok())),
            "timeline-before",
            "Documents with a date before this axis",
        );
        let after = bucket(
            t.after,
            format!(
                "{} later{}",
                t.after,
                t.latest
                    .map(|d| format!(" (to {})", d.year()))
                    .unwrap_or_default()
            ),
            t.bins
                .last()
                .and_then(|b| b.last.tomorrow().ok())
                .zip(t.latest),
            "timeline-after",
            "Documents with a date after this axis",
        );
        let undated = (t.undated > 0)
            .then(|| view! { <span class="note">{format!("{} without a date", t.undated)}</span> });
        view! { {before} {after} {undated} }
    };
    let controls = move || {
        let range = ex.state.with(|s| s.range);
        let depth = zoom.with(Vec::len);
        let g = data.with(|t| t.granularity);
        let zoom_in = range.map(|r| view! {
            <button class="more" data-testid="timeline-zoom" on:click=move |_| zoom.update(|z| z.push(r))>"Zoom into the range"</button>
        });
        let zoom_out = (depth > 0).then(|| view! {
            <button class="more" data-testid="timeline-back" on:click=move |_| { zoom.update(|z| { z.pop(); }); }>"Zoom out"</button>
        });
        let clear = range.map(|(a, b)| view! {
            <span class="range" data-testid="timeline-range">{if a == b { a.to_string() } else { format!("{a} to {b}") }}</span>
            <button class="more" data-testid="timeline-clear" on:click=move |_| ex.state.update(|s| s.range = None)>"Clear range"</button>
        });
        view! {
            <span class="note">{format!("one bar per {}", granularity_word(g))}</span>
            {clear} {zoom_in} {zoom_out}
        }
    };
    view! {
        <section class="timeline" aria-label="Timeline" data-testid="timeline">
            <div class="timeline-head">
                <h2>"When"</h2>
                {controls}
            </div>
            <div class="timeline-body">{chart}</div>
            <p class="timeline-foot">
                <span class="readout" role="status" data-testid="timeline-readout">{move || hovered.get().unwrap_or_else(|| "Drag across the bars to keep documents dated in that range; pale bars are dates known only to a longer period.".into())}</span>
                " " {outside}
            </p>
        </section>
    }
}
