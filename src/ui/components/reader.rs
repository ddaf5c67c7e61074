//! The reader: one document's text with its entity and date mentions marked by type; a mention filters by what it names.
//!
//! The text is rendered only as text nodes inside `<mark>` and `<span>` elements,
//! never as HTML, so nothing in a document can run or inject markup.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::engine::explore::{
    compare, document_ref, find_document, precision_word, Change, DocRef, Value,
};
use crate::engine::index::corpus::Corpus;
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

/// The other versions of document `doc_idx` (its near-duplicates), each to open
/// or to compare with it; `compared` is the one compared, if any.
fn similar_versions(
    ex: Explore,
    c: &Corpus,
    doc_idx: usize,
    compared: RwSignal<Option<DocRef>>,
) -> Option<AnyView> {
    let others: Vec<usize> = c
        .near_duplicates(doc_idx)
        .into_iter()
        .filter(|&d| d != doc_idx)
        .collect();
    if others.is_empty() {
        return None;
    }
    let n = others.len();
    let items = others
        .into_iter()
        .filter_map(|d| {
            let reference = document_ref(c, d)?;
            let doc = &c.documents()[d];
            let label = format!(
                "{} · {} · {}",
                doc.title,
                doc.source,
                doc.date.map(|d| d.date.to_string()).unwrap_or_else(|| "undated".into())
            );
            let (to_compare, to_open, is_compared) = (reference.clone(), reference.clone(), reference);
            Some(view! {
                <li data-testid="similar-version">
                    <span class="label">{label}</span>
                    <button aria-pressed=move || (compared.get().as_ref() == Some(&is_compared)).to_string()
                        on:click=move |_| compared.set(Some(to_compare.clone())) data-testid="compare">"Compare"</button>
                    <button on:click=move |_| ex.state.update(|s| s.open = Some(to_open.clone())) data-testid="open-version">"Open"</button>
                </li>
            })
        })
        .collect_view();
    let summary = if n == 1 {
        "1 near-duplicate".to_string()
    } else {
        format!("{n} near-duplicates")
    };
    Some(
        view! {
            <details class="similar" data-testid="similar" open=compared.get_untracked().is_some()>
                <summary>{summary}</summary>
                <ul>{items}</ul>
            </details>
        }
        .into_any(),
    )
}

/// The open document against another version: what only the open one has is
/// struck through, what only the other has underlined (text nodes only).
fn comparison(
    c: &Corpus,
    doc_idx: usize,
    other: usize,
    compared: RwSignal<Option<DocRef>>,
) -> AnyView {
    let (doc, version) = (&c.documents()[doc_idx], &c.documents()[other]);
    let pieces = compare(&doc.text, &version.text)
        .into_iter()
        .map(|change| match change {
            Change::Same(t) => view! { <span>{t}</span> }.into_any(),
            Change::Removed(t) => view! { <del data-testid="removed">{t}</del> }.into_any(),
            Change::Added(t) => view! { <ins data-testid="added">{t}</ins> }.into_any(),
        })
        .collect_view();
    view! {
        <p class="diff-legend" data-testid="diff-legend">
            "Compared with “" {version.title.clone()} "” (" {version.source.clone()} "): "
            <del>"only in this document"</del> ", " <ins>"only in the other"</ins> ". "
            <button on:click=move |_| compared.set(None) data-testid="end-compare">"Back to the text"</button>
        </p>
        <div class="text diff" data-testid="diff">{pieces}</div>
    }
    .into_any()
}

#[component]
pub fn Reader(ex: Explore) -> impl IntoView {
    // The version compared with the open document; another document opened ends it.
    let compared: RwSignal<Option<DocRef>> = RwSignal::new(None);
    let opened = Memo::new(move |_| ex.state.with(|s| s.open.clone()));
    Effect::new(move |_| {
        opened.track();
        compared.set(None);
    });
    let body = move || {
        ex.version.track();
        let open = opened.get()?;
        ex.corpus.with_value(|c| {
            let doc_idx = find_document(c, &open)?;
            let doc = &c.documents()[doc_idx];
            let similar = similar_versions(ex, c, doc_idx, compared);
            if let Some(other) = compared.get().and_then(|r| find_document(c, &r)) {
                let title = doc.title.clone();
                return Some(view! {
                    <section class="reader" data-testid="reader" aria-label="Document">
                        <header>
                            <h2>{title}</h2>
                            <button class="close" on:click=move |_| ex.state.update(|s| s.open = None) data-testid="close-reader">"Close"</button>
                        </header>
                        {similar}
                        {comparison(c, doc_idx, other, compared)}
                    </section>
                }.into_any());
            }
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
                    {similar}
                    <div class="text">{pieces}</div>
                </section>
            }.into_any())
        })
    };
    view! { {body} }
}
