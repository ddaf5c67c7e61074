//! The root component: drop zone, loading, file messages, and the explorer's layout (facets, timeline, documents, reader).

use leptos::ev::DragEvent;
use leptos::prelude::*;
use web_sys::HtmlInputElement;

use crate::engine::explore::ViewState;
use crate::engine::{AnalysisOptions, Corpus, FileError, SplitOptions};
use crate::ui::components::explorer::Explorer;
use crate::ui::platform::keeping::{self, KeptNote};
use crate::ui::platform::loading::{
    cancel, load_again, load_files, prepare, stop_slow_file, Progress, Sinks,
};
use crate::ui::platform::packs::{is_pack_address, open_pack_page};
use crate::ui::platform::sample::add_sample;
use crate::ui::platform::sharing::{
    corpus_parameter, open_hosted_corpus, open_snapshot_files, split_snapshots,
};
use crate::ui::platform::to_load::{file_list, ToLoad};
use crate::ui::platform::warm_up::warm_up_explorer;
use crate::ui::platform::{folders, gazetteer, tables};
use crate::ui::state::explore::Explore;
use crate::ui::state::url_state::sync_with_address;

/// Files taken from a drop per task.
const INTAKE_SLICE: usize = 1000;

#[component]
pub fn App() -> impl IntoView {
    // A pack hosted as static files is explored where it lies, by the pack page.
    if let Some(url) = corpus_parameter().filter(|u| is_pack_address(u)) {
        open_pack_page(&url);
        return view! { <p class="progress" role="status">"Opening the pack…"</p> }.into_any();
    }
    let corpus = StoredValue::new(Corpus::new());
    // Bumped whenever the corpus changes; views read it to know when to recompute.
    let (version, set_version) = signal(0u64);
    let (dragging, set_dragging) = signal(false);
    let (progress, set_progress) = signal(None::<Progress>);
    // Dropped folders still walked: the progress line's count of files is not final.
    let (walks, set_walks) = signal(0usize);
    let (split_articles, set_split_articles) = signal(true);
    let state = RwSignal::new(ViewState::default());
    sync_with_address(state);
    let ex = Explore::new(corpus, version, set_version, state);
    gazetteer::start_loading();
    prepare();
    warm_up_explorer(corpus);

    let options = move || AnalysisOptions {
        split: SplitOptions {
            split_articles: split_articles.get_untracked(),
        },
        ..AnalysisOptions::default()
    };
    let sinks = Sinks {
        corpus,
        version: set_version,
        progress: set_progress,
    };
    // A table read again with the text column the user chose.
    let read_again = Callback::new(move |(name, column): (String, usize)| {
        if let Some(file) = tables::kept(&name) {
            let options = AnalysisOptions {
                text_column: Some(column),
                ..options()
            };
            load_again(file, sinks, options);
        }
    });
    // Snapshot files are opened as they are; everything else is analysed. A drop of
    // thousands of files is taken in slices (reading each name and size is a call
    // into the browser), so that taking them does not hold the page.
    let take = move |files: Vec<ToLoad>| {
        let options = options();
        leptos::task::spawn_local(async move {
            for (k, slice) in files.chunks(INTAKE_SLICE).enumerate() {
                if k > 0 {
                    gloo_timers::future::TimeoutFuture::new(0).await;
                }
                let (snapshots, files) = split_snapshots(slice.to_vec());
                open_snapshot_files(snapshots, sinks, options);
                load_files(files, sinks, options);
            }
        });
    };
    // Dropped folders are walked (in name order) and their files taken as they are found.
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        set_dragging.set(false);
        let Some(transfer) = ev.data_transfer() else {
            return;
        };
        let dropped = folders::dropped(&transfer);
        if dropped.files.is_empty() && dropped.folders.is_empty() {
            // A browser that gives no entries: its list of files.
            take(file_list(transfer.files()));
            return;
        }
        take(dropped.files);
        if !dropped.folders.is_empty() {
            set_walks.update(|n| *n += 1);
            leptos::task::spawn_local(async move {
                walk_folders(dropped.folders, take, corpus, set_version).await;
                set_walks.update(|n| *n -= 1);
            });
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        take(file_list(input.files()));
        input.set_value("");
    };
    // A hosted corpus named in the address (?corpus=URL), else the one kept in this browser.
    let kept = RwSignal::new(None::<String>);
    // When a load ends, names may have settled: listed cards are rebuilt once.
    Effect::new(move |was_loading: Option<bool>| {
        let loading = progress.with(Option::is_some);
        if was_loading == Some(true) && !loading {
            ex.names.update(|n| *n += 1);
        }
        loading
    });
    match corpus_parameter() {
        Some(url) => open_hosted_corpus(url, sinks, options()),
        None => keeping::restore(sinks, kept),
    }
    let load_sample = move |_| {
        let options = options();
        leptos::task::spawn_local(async move {
            gazetteer::ready().await;
            corpus.update_value(|c| add_sample(c, &options));
            set_version.update(|v| *v += 1);
        });
    };
    let is_empty = move || {
        version.get();
        corpus.with_value(|c| c.files().is_empty())
    };

    view! {
        <div
            class="app"
            class:dragging=dragging
            on:dragenter=move |ev: DragEvent| { ev.prevent_default(); set_dragging.set(true); }
            on:dragover=move |ev: DragEvent| { ev.prevent_default(); set_dragging.set(true); }
            on:dragleave=move |_| set_dragging.set(false)
            on:drop=on_drop
            data-testid="drop-zone"
        >
            <Header on_pick load_sample split_articles set_split_articles/>
            {move || progress.get().map(|p| {
                let p = Progress { listing: walks.get() > 0, ..p };
                view! { <ProgressLine progress=p/> }
            })}
            <KeptNote ex loading=progress status=kept/>
            <Show when=is_empty fallback=move || view! { <Explorer ex read_again/> }>
                <EmptyState/>
            </Show>
        </div>
    }
    .into_any()
}

/// Walks dropped folders one after the other, handing their files to `take` as they
/// are found; a file the browser would not give is listed as not loaded.
async fn walk_folders(
    folders: Vec<folders::DroppedFolder>,
    take: impl Fn(Vec<ToLoad>) + Clone + 'static,
    corpus: StoredValue<Corpus>,
    set_version: WriteSignal<u64>,
) {
    for folder in folders {
        let unreadable = folders::walk(folder, take.clone()).await;
        if unreadable.is_empty() {
            continue;
        }
        corpus.update_value(|c| {
            for name in &unreadable {
                c.add_refused(
                    name,
                    FileError::Unreadable {
                        reason: "the browser would not give it from the dropped folder".into(),
                    },
                )
            }
        });
        set_version.update(|v| *v += 1);
    }
}

/// While files load: how far it has got, a button to stop a file that runs long, Cancel.
#[component]
fn ProgressLine(progress: Progress) -> impl IntoView {
    view! {
        <p class="progress" role="status" data-testid="progress">
            {progress.line()} " "
            {progress.slow.map(|f| view! {
                <button class="clear" on:click=move |_| stop_slow_file() data-testid="stop-slow-file">
                    {format!("Stop {}", f.name)}
                </button>
                " "
            })}
            <button class="clear" on:click=move |_| cancel() data-testid="cancel-loading">"Cancel"</button>
        </p>
    }
}

/// The title, the file picker, the sample button and the split option.
#[component]
fn Header(
    on_pick: impl Fn(leptos::ev::Event) + 'static,
    load_sample: impl Fn(leptos::ev::MouseEvent) + 'static,
    split_articles: ReadSignal<bool>,
    set_split_articles: WriteSignal<bool>,
) -> impl IntoView {
    view! {
        <header class="top">
            <h1>"Dossier"</h1>
            <p class="tagline">"Who, where and when in your documents. Nothing leaves this tab."</p>
            <div class="actions">
                <label class="button">
                    "Open files"
                    <input type="file" multiple accept=".txt,.md,.text,.markdown,.html,.htm,.csv,.tsv,.json,.jsonl,.ndjson,.eml,.docx,.odt" on:change=on_pick data-testid="file-input"/>
                </label>
                <button class="button" on:click=load_sample data-testid="try-sample">"Try the sample"</button>
                <label class="option">
                    <input type="checkbox" prop:checked=split_articles
                        on:change=move |ev| set_split_articles.set(event_target_checked(&ev))/>
                    "Split files that hold several articles"
                </label>
            </div>
        </header>
    }
}

/// What the page says before anything is loaded.
#[component]
fn EmptyState() -> impl IntoView {
    view! {
        <section class="empty" data-testid="empty-state">
            <h2>"Drop text files anywhere on this page"</h2>
            <p>"Text, Markdown, HTML (its text only), CSV/TSV and JSON (a document per row or object) e-mail (.eml), PDF (with a text layer: a scan is an image), Word (.docx) and OpenDocument (.odt) files are read in your browser; people, organisations, places, nationalities and dates are listed as they load. A Dossier snapshot (.json) opens as the corpus it holds."</p>
            <p>"Or pick files with " <strong>"Open files"</strong> ", or press " <strong>"Try the sample"</strong> " for ten short example articles."</p>
        </section>
    }
}
