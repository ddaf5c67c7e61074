//! The reader: one document's text with its entity and date mentions marked by type; a mention filters by what it names.
//!
//! The text is rendered only as text nodes inside `<mark>` and `<span>` elements,
//! never as HTML, so nothing in a document can run or inject markup.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::engine::explore::{find_document, precision_word, Value};
use crate::engine::ingest::formats::pdf::PageBreaks;
use crate::engine::{Date, EntityType, Mark};
use crate::ui::model::card::date_note;
use crate::ui::state::explore::Explore;

/// What clicking a mention does: include its entity, or keep the days of its date.
#[derive(Clone)]
enum Action {
    Include(Value, EntityType),
    Range(Date, Date),
}

fn act(ex: Explore, action: &Action) {
    match action {
        Action::Include(value, facet) => ex.include(value.clone(), *facet, false),
        Action::Range(a, b) => ex.state.update(|s| s.range = Some((*a, *b))),
    }
}

/// Unmarked text; a PDF's page breaks (form feeds) shown as the number of the
/// page that starts there (`pages`: the document's breaks, found once).
fn plain_text(pages: &PageBreaks, start: usize, text: String) -> AnyView {
    if !text.contains('\u{c}') {
        return view! { <span>{text}</span> }.into_any();
    }
    let mut parts = Vec::new();
    let mut at = 0;
    for (offset, _) in text.match_indices('\u{c}') {
        parts.push(view! { <span>{text[at..offset].to_string()}</span> }.into_any());
        let page = pages.page_at(start + offset + 1);
        parts.push(
            view! { <span class="page-break" role="separator" data-testid="page-break">{format!("page {page}")}</span> }
                .into_any(),
        );
        at = offset + 1;
    }
    parts.push(view! { <span>{text[at..].to_string()}</span> }.into_any());
    parts.collect_view().into_any()
}

#[component]
pub fn Reader(ex: Explore) -> impl IntoView {
    let body = move || {
        ex.version.track();
        let open = ex.state.with(|s| s.open.clone())?;
        ex.corpus.with_value(|c| {
            let doc_idx = find_document(c, &open)?;
            let doc = &c.documents()[doc_idx];
            let pages = PageBreaks::of(&doc.text);
            let pieces = c
                .highlights(doc_idx)
                .into_iter()
                .map(|h| {
                    let text = doc.text[h.start..h.end].to_string();
                    let (class, tip, action) = match h.mark {
                        Mark::Entity(e) if !c.entities()[e].hidden => {
                            let entity = &c.entities()[e];
                            let code = entity.kind.code();
                            (
                                format!("m {}", code.to_lowercase()),
                                format!("{} · {code} · click to filter by it", entity.name),
                                Some(Action::Include(Value::Entity(entity.id.clone()), entity.kind)),
                            )
                        }
                        Mark::Date(m) => {
                            let date = &doc.dates[m];
                            let tip = format!(
                                "{} · {} · {}{}",
                                date.value,
                                precision_word(date.precision),
                                date_note(date, &text, doc.date.map(|d| d.date)),
                                if date.ambiguous { " · day and month order uncertain" } else { "" }
                            );
                            (
                                "m date".to_string(),
                                tip,
                                date.interval.map(|(a, b)| Action::Range(a, b)),
                            )
                        }
                        _ => return plain_text(&pages, h.start, text),
                    };
                    match action {
                        Some(action) => {
                            let on_key = action.clone();
                            view! {
                                <mark class=class title=tip tabindex="0" role="button" data-testid="mention"
                                    on:click=move |_| act(ex, &action)
                                    on:keydown=move |ev: KeyboardEvent| if ev.key() == "Enter" { act(ex, &on_key) }>
                                    {text}
                                </mark>
                            }
                            .into_any()
                        }
                        None => view! { <mark class=class title=tip data-testid="mention">{text}</mark> }.into_any(),
                    }
                })
                .collect_view();
            let title = doc.title.clone();
            let meta = format!("{} · {}", doc.source, doc.date.map(|d| d.date.to_string()).unwrap_or_else(|| "undated".into()));
            Some(view! {
                <section class="reader" data-testid="reader" aria-label="Document">
                    <header>
                        <h2>{title}</h2>
                        <button class="close" on:click=move |_| ex.state.update(|s| s.open = None) data-testid="close-reader">"Close"</button>
                    </header>
                    <p class="meta">{meta}</p>
                    <div class="text">{pieces}</div>
                </section>
            })
        })
    };
    view! { {body} }
}
