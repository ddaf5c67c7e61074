//! The timeline: an SVG histogram of documents by date mention; drag to choose a range, zoom into it and back, outliers apart.

use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::prelude::*;

use super::explore::Explore;
use crate::engine::view::{bin_label, timeline, Bin, Granularity, Timeline};
use crate::engine::Date;

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

#[component]
pub fn TimelineView(ex: Explore) -> impl IntoView {
    // Drill-down: the axis of each zoom level, innermost last.
    let zoom = RwSignal::new(Vec::<(Date, Date)>::new());
    // While dragging: the bar where the drag began and the bar under the pointer.
    let brush = RwSignal::new(None::<(usize, usize)>);
    let hovered = RwSignal::new(None::<String>);
    let data = Memo::new(move |_| {
        let evaluation = ex.evaluation.get();
        let axis = zoom.get().last().copied();
        ex.corpus
            .with_value(|c| timeline(c, &evaluation.0.base_for_timeline(), axis))
    });
    let select = move |t: &Timeline, a: usize, b: usize| {
        let (a, b) = (a.min(b), a.max(b));
        if let (Some(first), Some(last)) = (t.bins.get(a), t.bins.get(b)) {
            let range = (first.first, last.last);
            ex.state.update(|s| s.range = Some(range));
        }
    };
    let chart = move || {
        let t = data.get();
        if t.bins.is_empty() {
            return view! {
                <p class="note" data-testid="timeline-empty">
                    {if t.undated > 0 { "No dates in these documents." } else { "No documents." }}
                </p>
            }
            .into_any();
        }
        let n = t.bins.len();
        let max = t
            .bins
            .iter()
            .map(|b| b.precise + b.vague)
            .max()
            .unwrap_or(1)
            .max(1) as f64;
        let range = ex.state.with(|s| s.range);
        let dragging = brush.get();
        let in_selection = |k: usize, bin: &Bin| match dragging {
            Some((a, b)) => (a.min(b)..=a.max(b)).contains(&k),
            None => range.is_some_and(|(first, last)| bin.first <= last && bin.last >= first),
        };
        let bars = t
            .bins
            .iter()
            .enumerate()
            .map(|(k, bin)| {
                let x = k as f64 * BAR;
                let precise_h = bin.precise as f64 / max * (HEIGHT - 4.0);
                let vague_h = bin.vague as f64 / max * (HEIGHT - 4.0);
                let summary = bin_summary(bin, t.granularity);
                let selected = in_selection(k, bin);
                let t_key = t.clone();
                let hover_text = summary.clone();
                view! {
                    <g class="bar" class:selected=selected tabindex="0" role="button" aria-label=summary.clone()
                        data-testid="timeline-bar" data-label=bin_label(bin, t.granularity)
                        on:pointerenter=move |_| hovered.set(Some(hover_text.clone()))
                        on:focus=move |_| hovered.set(Some(summary.clone()))
                        on:keydown=move |ev: KeyboardEvent| {
                            if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
                                select(&t_key, k, k);
                            }
                        }>
                        <rect class="hit" x=x y="0" width=BAR height=HEIGHT></rect>
                        <rect class="precise" x=x + 1.0 y=HEIGHT - precise_h width=BAR - 2.0 height=precise_h></rect>
                        <rect class="vague" x=x + 1.0 y=HEIGHT - precise_h - vague_h width=BAR - 2.0 height=vague_h></rect>
                    </g>
                }
            })
            .collect_view();
        let (t_down, t_up) = (t.clone(), t.clone());
        let first_label = bin_label(&t.bins[0], t.granularity);
        let middle_label = bin_label(&t.bins[n / 2], t.granularity);
        let last_label = bin_label(&t.bins[n - 1], t.granularity);
        view! {
            <svg class="histogram" viewBox=format!("0 0 {} {HEIGHT}", n as f64 * BAR) preserveAspectRatio="none"
                role="group" aria-label=format!("Documents by {} of their dates; drag across bars to choose a range", granularity_word(t.granularity))
                data-testid="timeline-chart"
                on:pointerdown=move |ev: PointerEvent| {
                    if let Some(k) = bar_at(&ev, t_down.bins.len()) {
                        let target: web_sys::Element = event_target(&ev);
                        let _ = target.set_pointer_capture(ev.pointer_id());
                        brush.set(Some((k, k)));
                    }
                }
                on:pointermove=move |ev: PointerEvent| {
                    if let (Some((a, _)), Some(k)) = (brush.get_untracked(), bar_at(&ev, n)) {
                        brush.set(Some((a, k)));
                    }
                }
                on:pointerup=move |ev: PointerEvent| {
                    if let Some((a, b)) = brush.get_untracked() {
                        let b = bar_at(&ev, n).unwrap_or(b);
                        brush.set(None);
                        select(&t_up, a, b);
                    }
                }
                on:pointercancel=move |_| brush.set(None)
                on:pointerleave=move |_| hovered.set(None)>
                {bars}
            </svg>
            <div class="axis" aria-hidden="true"><span>{first_label}</span><span>{middle_label}</span><span>{last_label}</span></div>
        }
        .into_any()
    };
    let outside = move || {
        let t = data.get();
        let jump = move |range: (Date, Date)| ex.state.update(|s| s.range = Some(range));
        let before = (t.before > 0).then(|| {
            let earliest = t.earliest;
            let first_bin = t.bins.first().map(|b| b.first);
            let label = format!("{} earlier{}", t.before, earliest.map(|d| format!(" (from {})", d.year())).unwrap_or_default());
            view! {
                <button class="outside" data-testid="timeline-before" title="Documents with a date before this axis"
                    on:click=move |_| if let (Some(a), Some(b)) = (earliest, first_bin.and_then(|d| d.yesterday().ok())) { jump((a, b)) }>
                    {label}
                </button>
            }
        });
        let after = (t.after > 0).then(|| {
            let latest = t.latest;
            let last_bin = t.bins.last().map(|b| b.last);
            let label = format!("{} later{}", t.after, latest.map(|d| format!(" (to {})", d.year())).unwrap_or_default());
            view! {
                <button class="outside" data-testid="timeline-after" title="Documents with a date after this axis"
                    on:click=move |_| if let (Some(a), Some(b)) = (last_bin.and_then(|d| d.tomorrow().ok()), latest) { jump((a, b)) }>
                    {label}
                </button>
            }
        });
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
