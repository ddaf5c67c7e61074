//! The reader: one document's text with its entity and date mentions marked by type.
//!
//! The text is rendered only as text nodes inside `<mark>` and `<span>` elements,
//! never as HTML, so nothing in a document can run or inject markup.

use leptos::prelude::*;

use crate::engine::{Anchoring, Corpus, Mark};

#[component]
pub fn Reader(
    corpus: StoredValue<Corpus>,
    version: ReadSignal<u64>,
    open: RwSignal<Option<usize>>,
) -> impl IntoView {
    let body = move || {
        version.get();
        let doc_idx = open.get()?;
        corpus.with_value(|c| {
            let doc = c.documents.get(doc_idx)?;
            let pieces = c
                .highlights(doc_idx)
                .into_iter()
                .map(|h| {
                    let text = doc.text[h.start..h.end].to_string();
                    match h.mark {
                        Mark::Plain => view! { <span>{text}</span> }.into_any(),
                        Mark::Entity(e) => {
                            let entity = &c.entities[e];
                            let code = entity.kind.code();
                            let tip = format!("{} · {}", entity.name, code);
                            view! { <mark class=format!("m {}", code.to_lowercase()) title=tip data-testid="mention">{text}</mark> }.into_any()
                        }
                        Mark::Date(m) => {
                            let date = &doc.dates[m];
                            let how = match date.anchoring {
                                Anchoring::Explicit => "written in full",
                                Anchoring::YearInferred => "year inferred",
                                Anchoring::Relative => "relative to the document date",
                                Anchoring::Unresolved => "unresolved: no document date",
                            };
                            let tip = format!("{} · {how}", date.value);
                            view! { <mark class="m date" title=tip data-testid="mention">{text}</mark> }.into_any()
                        }
                    }
                })
                .collect_view();
            let title = doc.title.clone();
            let meta = format!("{} · {}", doc.source, doc.date.map(|d| d.date.to_string()).unwrap_or_else(|| "undated".into()));
            Some(view! {
                <section class="reader" data-testid="reader" aria-label="Document">
                    <header>
                        <h2>{title}</h2>
                        <button class="close" on:click=move |_| open.set(None) data-testid="close-reader">"Close"</button>
                    </header>
                    <p class="meta">{meta}</p>
                    <div class="text">{pieces}</div>
                </section>
            })
        })
    };
    view! { {body} }
}
