//! `dossier bench`: the engine's throughput on generated news text (plain and as office files), each hostile shape at doubling sizes, and what each view costs per facet click.

use std::process::ExitCode;
use std::time::Instant;

use dossier::engine::tooling::synthetic;
use dossier::engine::{AnalysisOptions, Corpus};

use crate::output::outln;

/// The value after `--flag` in the arguments, if any.
fn flag_value<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    let at = args.iter().position(|a| a == flag)?;
    args.get(at + 1).map(String::as_str)
}

pub(crate) fn bench(args: &[String], options: &AnalysisOptions) -> ExitCode {
    let mb = flag_value(args, "--mb").and_then(|v| v.parse().ok());
    if args.iter().any(|a| a == "--hostile") {
        return bench_hostile(mb.unwrap_or(8), flag_value(args, "--shape"), options);
    }
    if let Some(path) = flag_value(args, "--pdf") {
        return bench_pdf(path, options);
    }
    let mb: usize = mb.unwrap_or(12);
    let file = flag_value(args, "--file");
    let text = match file {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: cannot read: {e}");
                return ExitCode::from(1);
            }
        },
        None => synthetic::news_text(mb * 1_000_000),
    };
    // Warm the lazily built gazetteer so that it is not timed.
    let _ = dossier::engine::analyze_text("warm", "Almaty, Kazakhstan.", options);
    let mut best = f64::MAX;
    let mut documents = Vec::new();
    // Best of five: the figure is the engine's, not the shared machine's load.
    for _ in 0..5 {
        let started = Instant::now();
        documents = dossier::engine::analyze_text("bench.txt", &text, options);
        best = best.min(started.elapsed().as_secs_f64());
    }
    let n_entities: usize = documents.iter().map(|d| d.entities.len()).sum();
    let n_dates: usize = documents.iter().map(|d| d.dates.len()).sum();
    let size_mb = text.len() as f64 / 1e6;
    outln!("native engine: {size_mb:.1} MB in {best:.3} s = {:.1} MB/s (best of 5; {n_entities} entity and {n_dates} date mentions)", size_mb / best);
    bench_office(&text, options);
    let mut corpus = Corpus::new();
    for document in documents {
        corpus.add_document(document);
    }
    bench_views(&corpus);
    bench_keep(&corpus);
    bench_near_duplicates(&corpus);
    bench_comparison(&text);
    ExitCode::SUCCESS
}

/// Keeping the corpus in pieces (the browser's way across reloads) and reopening it:
/// MB of text per second each way, and the longest single chunk (the page's longest
/// step). Natively; wasm in Chromium runs about 1.5 to 2 times slower.
fn bench_keep(corpus: &Corpus) {
    use dossier::engine::io::keep::{KeepReader, KeepWriter};
    let text_mb = corpus
        .documents()
        .iter()
        .map(|d| d.text.len())
        .sum::<usize>() as f64
        / 1e6;
    let started = Instant::now();
    let mut writer = KeepWriter::new();
    let mut chunks = Vec::new();
    let mut longest_write = 0f64;
    loop {
        let step = Instant::now();
        let Some(chunk) = writer.next_chunk(corpus) else {
            break;
        };
        longest_write = longest_write.max(step.elapsed().as_secs_f64());
        chunks.push(chunk);
    }
    let head = writer.head(corpus);
    let write = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let mut longest_read = 0f64;
    let mut reader = KeepReader::new(&head).expect("our own head");
    for chunk in &chunks {
        let step = Instant::now();
        for document in reader.decode(chunk).expect("our own chunk") {
            reader.add(document);
        }
        reader.chunk_done();
        longest_read = longest_read.max(step.elapsed().as_secs_f64());
    }
    let back = reader.finish().expect("every chunk");
    let read = started.elapsed().as_secs_f64();
    let kept_mb = (head.len() + chunks.iter().map(Vec::len).sum::<usize>()) as f64 / 1e6;
    outln!(
        "native keep: {text_mb:.1} MB of text as {} chunks ({kept_mb:.1} MB) written in {write:.2} s = {:.0} MB/s (longest chunk {:.1} ms), reopened in {read:.2} s = {:.0} MB/s (longest chunk {:.1} ms), {} documents",
        chunks.len(),
        text_mb / write,
        longest_write * 1e3,
        text_mb / read,
        longest_read * 1e3,
        back.documents().len()
    );
}

/// A PDF read (best of 5) and analysed: pages per second and MB per second.
fn bench_pdf(path: &str, options: &AnalysisOptions) -> ExitCode {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: cannot read: {e}");
            return ExitCode::from(1);
        }
    };
    let _ = dossier::engine::analyze_text("warm", "Almaty, Kazakhstan.", options);
    let (mut read_best, mut whole_best) = (f64::MAX, f64::MAX);
    let mut pages = 0;
    let mut text_bytes = 0;
    for _ in 0..5 {
        let started = Instant::now();
        let read = dossier::engine::ingest::formats::pdf::read_pdf(&bytes);
        read_best = read_best.min(started.elapsed().as_secs_f64());
        let started = Instant::now();
        if let Ok(read) = &read {
            pages = read.pages.len();
            text_bytes = read.text().len();
        }
        let analysed = dossier::engine::analyze_file(path, &bytes, options);
        whole_best = whole_best.min(started.elapsed().as_secs_f64());
        if let Err(e) = analysed {
            eprintln!("{path} {e}");
            return ExitCode::from(1);
        }
    }
    let mb = bytes.len() as f64 / 1e6;
    outln!(
        "native PDF reader: {pages} pages, {mb:.2} MB file, {:.2} MB of text: read in {read_best:.3} s = {:.0} pages/s, {:.1} MB/s of file (best of 5)",
        text_bytes as f64 / 1e6,
        pages as f64 / read_best,
        mb / read_best
    );
    outln!(
        "native PDF read and analysed: {whole_best:.3} s = {:.0} pages/s, {:.1} MB/s of file (best of 5)",
        pages as f64 / whole_best,
        mb / whole_best
    );
    ExitCode::SUCCESS
}

/// The same text as a Word and an OpenDocument file: unzipping and reading the XML
/// on top of the analysis, in MB of text per second.
fn bench_office(text: &str, options: &AnalysisOptions) {
    for extension in ["docx", "odt"] {
        let file = synthetic::office_file(text, extension);
        let name = format!("bench.{extension}");
        let mut best = f64::MAX;
        for _ in 0..3 {
            let started = Instant::now();
            let read = dossier::engine::analyze_file(&name, &file, options);
            best = best.min(started.elapsed().as_secs_f64());
            if let Err(e) = read {
                eprintln!("{name} {e}");
                return;
            }
        }
        let size_mb = text.len() as f64 / 1e6;
        outln!(
            "native engine, as .{extension}: {size_mb:.1} MB of text ({:.1} MB file) in {best:.3} s = {:.1} MB/s of text (best of 3)",
            file.len() as f64 / 1e6,
            size_mb / best
        );
    }
}

/// Each hostile shape at doubling sizes up to `max_mb`, analysed and indexed:
/// seconds, MB/s and the time ratio per doubling (2 when the cost is linear), then
/// the MB/s of the analysis alone.
fn bench_hostile(max_mb: usize, only: Option<&str>, options: &AnalysisOptions) -> ExitCode {
    use dossier::engine::tooling::hostile::{hostile, SHAPES};
    let _ = dossier::engine::analyze_text("warm", "Almaty, Kazakhstan.", options);
    let mut sizes = vec![1usize];
    while sizes.last().is_some_and(|&s| s * 2 <= max_mb) {
        sizes.push(sizes.last().unwrap() * 2);
    }
    if sizes.last().is_some_and(|&s| s < max_mb) {
        sizes.push(max_mb);
    }
    outln!(
        "{:<18} {:>5} {:>8} {:>7} {:>6} {:>10}  outcome",
        "shape",
        "MB",
        "seconds",
        "MB/s",
        "ratio",
        "analysis"
    );
    for shape in SHAPES.iter().filter(|s| only.is_none_or(|o| o == **s)) {
        let mut previous: Option<(f64, f64)> = None;
        for &mb in &sizes {
            let (name, text) = hostile(shape, mb * 1_000_000).expect("a known shape");
            // Best of three below 3 s, so that one busy moment of a shared machine does
            // not skew a ratio (runs of one 8 MB file vary by half there).
            let mut seconds = f64::MAX;
            let mut outcome = String::new();
            for _ in 0..3 {
                // Analysed and indexed, as a dropped file is.
                let started = Instant::now();
                let mut corpus = Corpus::new();
                let report = corpus.add_file(&name, text.as_bytes(), options).clone();
                outcome = match report.error {
                    None => format!(
                        "{} documents, {} entities",
                        report.n_documents,
                        corpus.entities().len()
                    ),
                    Some(e) => format!("refused: {e}"),
                };
                seconds = seconds.min(started.elapsed().as_secs_f64());
                if seconds >= 3.0 {
                    break;
                }
            }
            // The analysis alone (no indexing), for the MB/s of that stage; best of
            // three below 3 s too.
            let mut analysis_seconds = f64::MAX;
            for _ in 0..3 {
                let started = Instant::now();
                let _ = std::hint::black_box(dossier::engine::analyze_file(
                    &name,
                    text.as_bytes(),
                    options,
                ));
                analysis_seconds = analysis_seconds.min(started.elapsed().as_secs_f64());
                if analysis_seconds >= 3.0 {
                    break;
                }
            }
            let analysis = text.len() as f64 / 1e6 / analysis_seconds;
            // Per doubling, also when the last step is not a doubling.
            let size = text.len() as f64;
            let ratio = previous.map_or(String::from("-"), |(p_size, p_seconds)| {
                let doublings = (size / p_size).log2();
                format!("{:.2}", (seconds / p_seconds).powf(1.0 / doublings))
            });
            outln!(
                "{shape:<18} {:>5.1} {seconds:>8.3} {:>7.1} {ratio:>6} {analysis:>5.1} MB/s  {outcome}",
                text.len() as f64 / 1e6,
                text.len() as f64 / 1e6 / seconds,
            );
            previous = Some((size, seconds));
        }
    }
    ExitCode::SUCCESS
}

/// What the explorer recomputes when a facet value is chosen, view by view, on a
/// corpus of the generated documents: median of 21 clicks on the most frequent person.
/// Near-duplicate grouping over the corpus's documents: the signatures (per
/// document and in MB/s of text) and the grouping (banded search and checks).
fn bench_near_duplicates(corpus: &Corpus) {
    use dossier::engine::index::near_duplicates::{groups, Signature, THRESHOLD};
    let documents = corpus.documents();
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let mut best = (f64::MAX, f64::MAX);
    let mut n_grouped = 0;
    for _ in 0..3 {
        let started = Instant::now();
        let signatures: Vec<Signature> = documents.iter().map(|d| Signature::of(&d.text)).collect();
        let signed = started.elapsed().as_secs_f64();
        let started = Instant::now();
        let group = groups(&signatures, THRESHOLD);
        let grouped = started.elapsed().as_secs_f64();
        best = (best.0.min(signed), best.1.min(grouped));
        n_grouped = group.iter().enumerate().filter(|&(d, &g)| d != g).count();
    }
    outln!(
        "native near-duplicates over {} documents ({:.1} MB): signatures {:.1} µs per document ({:.0} MB/s), grouping {:.1} ms; {n_grouped} documents joined an earlier one (best of 3)",
        documents.len(),
        bytes as f64 / 1e6,
        best.0 * 1e6 / documents.len().max(1) as f64,
        bytes as f64 / 1e6 / best.0,
        best.1 * 1e3
    );
}

/// Two versions of one long text compared word by word (the reader's comparison),
/// at doubling lengths: every 40th word of the second changed.
fn bench_comparison(text: &str) {
    for kb in [250usize, 500, 1000, 2000] {
        let mut end = (kb * 1000).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let old = &text[..end];
        let new: String = old
            .split(' ')
            .enumerate()
            .map(|(i, w)| if i % 40 == 39 { "changed" } else { w })
            .collect::<Vec<_>>()
            .join(" ");
        let started = Instant::now();
        let n_changes = dossier::engine::explore::compare(old, &new).len();
        outln!(
            "native comparison of two versions of {kb} KB: {:.1} ms ({n_changes} pieces)",
            started.elapsed().as_secs_f64() * 1e3
        );
    }
    // The worst case: the reader compares only near-duplicates, but two texts
    // sharing nothing but the words themselves must stay bounded too.
    for kb in [250usize, 500, 1000, 2000] {
        // Lines in reverse order: every line in both, hardly one in place.
        let shuffled: String = text[..kb * 1000]
            .lines()
            .rev()
            .collect::<Vec<_>>()
            .join("\n");
        let started = Instant::now();
        let n_changes = dossier::engine::explore::compare(&text[..kb * 1000], &shuffled).len();
        outln!(
            "native comparison of a {kb} KB text with its lines reversed: {:.1} ms ({n_changes} pieces)",
            started.elapsed().as_secs_f64() * 1e3
        );
    }
}

fn bench_views(corpus: &Corpus) {
    use dossier::engine::explore::{Value, ViewState};
    use dossier::engine::EntityType;
    let Some(person) = corpus
        .entities_by_document_count()
        .into_iter()
        .find(|&i| corpus.entities()[i].kind == EntityType::Person)
    else {
        return;
    };
    let mut click = ViewState::default();
    click.toggle_include(Value::Entity(corpus.entities()[person].id.clone()));
    let figures = view_costs(corpus, &click, person);
    outln!(
        "native views, one facet click over {} documents (median of 21, ms): {figures}",
        corpus.documents().len(),
    );
    let figures = view_costs(corpus, &ViewState::default(), person);
    outln!(
        "native views, a refresh while loading (no filter; the axis and the order anew) over {} documents (median of 21, ms): {figures}",
        corpus.documents().len(),
    );
}

/// What each view costs for `state`, the median of 21 laps, as "name ms, …".
fn view_costs(
    corpus: &Corpus,
    state: &dossier::engine::explore::ViewState,
    person: usize,
) -> String {
    use dossier::engine::explore::places::place_tree_within;
    use dossier::engine::explore::{
        appears_with, date_order, facet_counts, in_order, network, one_per_group, timeline,
        timeline_axis, Evaluation, ViewState,
    };
    use dossier::engine::EntityType;
    use dossier::ui::model::network::lay_out;
    let names = [
        "evaluate",
        "facets",
        "places",
        "timeline axis",
        "timeline",
        "date order",
        "document list",
        "appears-with",
        "network of 80 names laid out anew",
        "the same over every document",
    ];
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); names.len()];
    for _ in 0..21 {
        let mut lap = Instant::now();
        let mut take = |view: usize| {
            times[view].push(lap.elapsed().as_secs_f64() * 1e3);
            lap = Instant::now();
        };
        let evaluation = Evaluation::new(corpus, state, None);
        take(0);
        for kind in [
            EntityType::Person,
            EntityType::Organisation,
            EntityType::Nationality,
        ] {
            let base = evaluation.base_for_facet(kind, state);
            std::hint::black_box(facet_counts(corpus, kind, &base, |_| false, |_| true, 12));
        }
        take(1);
        let base = evaluation.base_for_facet(EntityType::Place, state);
        std::hint::black_box(place_tree_within(corpus, Some(&base)));
        take(2);
        // The axis and the order are per corpus change, not per click, as in the page.
        let axis = timeline_axis(corpus);
        take(3);
        std::hint::black_box(timeline(corpus, &evaluation.base_for_timeline(), axis));
        take(4);
        let order = date_order(corpus);
        take(5);
        let listed = in_order(&order, &evaluation.matching_set());
        std::hint::black_box(one_per_group(corpus, &listed));
        take(6);
        // The entity panel of the one value chosen.
        std::hint::black_box(appears_with(corpus, person, 8));
        take(7);
        // The network view at its largest, every node placed from scratch, over the
        // documents shown and over every document.
        let kinds = [EntityType::Person, EntityType::Organisation];
        let everything = Evaluation::new(corpus, &ViewState::default(), None);
        for (k, set) in [&evaluation, &everything].into_iter().enumerate() {
            let net = network(corpus, &set.counted_matching(), &kinds, 80, 160);
            std::hint::black_box(lay_out(corpus, &net, &Default::default()));
            take(8 + k);
        }
    }
    names
        .iter()
        .zip(&mut times)
        .map(|(name, t)| {
            t.sort_by(f64::total_cmp);
            format!("{name} {:.2}", t[t.len() / 2])
        })
        .collect::<Vec<_>>()
        .join(", ")
}
