//! The native command-line tool: analyse files, produce evaluation predictions, and benchmark the engine.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use dossier::engine::tooling::extent::Extent;
use dossier::engine::tooling::{eval, train};
use dossier::engine::{AnalysisOptions, Corpus, NumericOrder, SplitOptions};
use serde_json::json;

use bench::bench;
use output::{out, outln};
use reading::{files_under, InputFile};

mod bench;
mod output;
mod pack;
mod read_ahead;
mod reading;

/// The command line's allocator: a pack build's analysing, indexing and writing
/// threads spent a sixth of their time in the system allocator. Built without its
/// transparent huge pages (`no_thp`): the kernel zeroed each fresh 2 MiB page whole,
/// 7% of a build's samples.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage:
  dossier analyze FILE... [--json] [--no-split] [--day-first|--month-first]
  dossier eval GOLD.jsonl [--extent phrase]
                                     prediction lines for the official scorer; --extent phrase:
                                     a name with the determiner of the noun phrase it heads, as
                                     gold annotated in whole noun phrases (MEANTIME) marks it
  dossier links GOLD.tsv TEXTS_DIR [DEV.jsonl]
                                     place-linking accuracy on an annotated test set
  dossier bench [--mb N] [--file F]  engine throughput on generated text (default 12 MB) or on a file
  dossier bench --hostile [--mb N] [--shape S]
                                     each hostile shape (or S) at 1, 2, 4 … N MB (default 8): MB/s
                                     and the time ratio per doubling (linear is 2)
  dossier snapshot PATH... -o FILE   analyse files (folders: every file in them) into a snapshot
                                     the web app opens (drop it, or ?corpus=URL)
  dossier pack PATH... -o DIR [--shard=K/N]
                                     analyse files (folders walked in name order) on every core
                                     into a pack for static hosting (?corpus=URL/); --shard: only
                                     the K-th of N slices of the files, a partial pack to merge
  dossier pack --merge PART... -o DIR
                                     partial packs, in order, merged into one
  dossier pack-figures DIR           what a client reads from a pack for the first view, a facet
                                     click, a document and a search, against their budgets
  dossier generate N DIR [--kb=K]    N generated news articles of about K KB (3) as text files
  dossier cv TRAIN_DIR [DEV.jsonl] [--parts]
                                     cross-validation of the entity recogniser on the corpora of
                                     TRAIN_DIR: the rules, and the rules with a trained layer (and
                                     on DEV, never trained on); --parts: each rule part left out
  dossier train-entities TRAIN_DIR OUT
                                     train the entity layer on the edited prose of TRAIN_DIR
                                     (../shared/train); write its quantised weights to OUT
  dossier train-names DATA_DIR WORDS OUT
                                     train the name-likeness model on the name lists of DATA_DIR
                                     (data/generated) and the English word list WORDS; write OUT
  dossier near-duplicates TRAIN_DIR  precision and recall of near-duplicate grouping on edited
                                     copies and distinct stories built from TRAIN_DIR's texts";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let flags: Vec<&str> = args[1..]
        .iter()
        .filter(|a| a.starts_with("--"))
        .map(String::as_str)
        .collect();
    let positional: Vec<&str> = args[1..]
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(String::as_str)
        .collect();
    let mut options = AnalysisOptions::default();
    if flags.contains(&"--no-split") {
        options.split = SplitOptions {
            split_articles: false,
        };
    }
    if flags.contains(&"--day-first") {
        options.numeric_order = NumericOrder::DayFirst;
    } else if flags.contains(&"--month-first") {
        options.numeric_order = NumericOrder::MonthFirst;
    }
    match command.as_str() {
        "analyze" | "analyse" if !positional.is_empty() => {
            analyze(&positional, flags.contains(&"--json"), &options)
        }
        "eval" => {
            // "--extent phrase" anywhere; the one other positional is the gold file.
            let extent = args
                .iter()
                .position(|a| a == "--extent")
                .map(|i| args.get(i + 1));
            let gold: Vec<&str> = match extent {
                Some(Some(value)) => positional.iter().copied().filter(|p| p != value).collect(),
                _ => positional.clone(),
            };
            match (extent, gold.as_slice()) {
                (None, [gold]) => run_eval(gold, &options, false),
                (Some(Some(value)), [gold]) if value == "phrase" => run_eval(gold, &options, true),
                _ => {
                    eprintln!("{USAGE}");
                    ExitCode::from(2)
                }
            }
        }
        "links" if (2..=3).contains(&positional.len()) => run_links(
            positional[0],
            positional[1],
            positional.get(2).copied(),
            &options,
        ),
        "bench" => bench(&args[1..], &options),
        "cv" if (1..=2).contains(&positional.len()) => run_cv(
            positional[0],
            positional.get(1).copied(),
            flags.contains(&"--parts"),
        ),
        "pack-figures" if positional.len() == 1 => pack::pack_figures(positional[0]),
        "generate" if positional.len() == 2 => pack::generate(positional[0], positional[1], &flags),
        "near-duplicates" if positional.len() == 1 => run_near_duplicates(positional[0]),
        "train-entities" if positional.len() == 2 => {
            run_train_entities(positional[0], positional[1])
        }
        "train-names" if positional.len() == 3 => {
            run_train_names(positional[0], positional[1], positional[2])
        }
        "pack" | "snapshot" => {
            let (inputs, out) = inputs_and_output(&args[1..]);
            match out {
                Some(out) if !inputs.is_empty() && command == "pack" => {
                    pack::pack(&inputs, out, &flags, &options)
                }
                Some(out) if !inputs.is_empty() => snapshot(&inputs, out, &options),
                _ => {
                    eprintln!("{USAGE}");
                    ExitCode::from(2)
                }
            }
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// The inputs and the output (`-o OUT`) of `pack` and `snapshot`, told apart by their
/// place: an input spelt as the output (`pack news -o news`) is still an input.
fn inputs_and_output(args: &[String]) -> (Vec<&str>, Option<&str>) {
    let mut inputs = Vec::new();
    let mut out = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-o" => out = rest.next().map(String::as_str),
            flag if flag.starts_with("--") => {}
            input => inputs.push(input),
        }
    }
    (inputs, out)
}

fn snapshot(inputs: &[&str], out: &str, options: &AnalysisOptions) -> ExitCode {
    let mut paths = Vec::new();
    for input in inputs {
        if let Err(e) = files_under(std::path::Path::new(input), &mut paths) {
            eprintln!("{input}: cannot read: {e}");
            return ExitCode::FAILURE;
        }
    }
    let mut corpus = Corpus::new();
    for InputFile { path, name } in &paths {
        match reading::read_file(path, name) {
            Ok(bytes) => {
                corpus.add_file(name, &bytes, options);
            }
            Err(refusal) => corpus.add_refused(name, refusal),
        }
    }
    let noted = corpus
        .files()
        .iter()
        .filter(|r| r.error.is_some() || r.duplicate_of.is_some());
    noted.for_each(|report| eprintln!("{}", report.message()));
    let json = dossier::engine::io::export::Snapshot::of(&corpus).to_json();
    if let Err(e) = std::fs::write(out, &json) {
        eprintln!("{out}: cannot write: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!(
        "{out}: {} files, {} documents, {} entities, {:.2} MB",
        corpus.files().len(),
        corpus.documents().len(),
        corpus.entities().len(),
        json.len() as f64 / 1e6
    );
    ExitCode::SUCCESS
}

fn analyze(paths: &[&str], as_json: bool, options: &AnalysisOptions) -> ExitCode {
    let mut corpus = Corpus::new();
    let mut failed = false;
    for path in paths {
        let name = std::path::Path::new(path)
            .file_name()
            .map_or(path.to_string(), |n| n.to_string_lossy().into_owned());
        match reading::read_file(std::path::Path::new(path), &name) {
            Ok(bytes) => {
                let report = corpus.add_file(&name, &bytes, options);
                if report.error.is_some()
                    || !report.warnings.is_empty()
                    || report.duplicate_of.is_some()
                {
                    eprintln!("{}", report.message());
                }
                failed |= report.error.is_some();
            }
            Err(refusal) => {
                eprintln!("{path} {refusal}");
                failed = true;
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if as_json {
        let documents: Vec<serde_json::Value> = corpus
            .documents()
            .iter()
            .enumerate()
            .map(|(d, doc)| {
                let mut counts: Vec<(usize, usize)> = Vec::new();
                for &e in corpus.mention_entities(d) {
                    match counts.iter_mut().find(|(i, _)| *i == e) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((e, 1)),
                    }
                }
                let entities: Vec<serde_json::Value> = counts
                    .iter()
                    .map(|&(e, n)| {
                        let entity = &corpus.entities()[e];
                        json!({"id": entity.id, "name": entity.name, "type": entity.kind.code(),
                               "aliases": entity.aliases, "roles": entity.roles, "mentions": n, "country": entity.country})
                    })
                    .collect();
                let dates: Vec<serde_json::Value> = doc
                    .dates
                    .iter()
                    .map(|m| {
                        json!({"text": &doc.text[m.start..m.end], "value": m.value,
                               "start": m.interval.map(|(a, _)| a.to_string()),
                               "end": m.interval.map(|(_, b)| b.to_string()),
                               "precision": m.precision, "anchoring": m.anchoring, "ambiguous": m.ambiguous})
                    })
                    .collect();
                json!({"title": doc.title, "source": doc.source, "part": doc.part,
                       "date": doc.date.map(|d| d.date.to_string()), "entities": entities, "dates": dates,
                       "text": doc.text})
            })
            .collect();
        let files: Vec<String> = corpus.files().iter().map(|f| f.message()).collect();
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&json!({"documents": documents, "files": files}))
                .unwrap_or_default()
        );
    } else {
        for (d, doc) in corpus.documents().iter().enumerate() {
            let date = doc
                .date
                .map(|d| d.date.to_string())
                .unwrap_or_else(|| "undated".into());
            let _ = writeln!(out, "# {} ({}, {date})", doc.title, doc.source);
            let mut seen = Vec::new();
            for &e in corpus.mention_entities(d) {
                if !seen.contains(&e) {
                    seen.push(e);
                    let entity = &corpus.entities()[e];
                    let _ = writeln!(out, "  {:<5} {}", entity.kind.code(), entity.name);
                }
            }
            for m in &doc.dates {
                let _ = writeln!(out, "  DATE  {:<24} {}", &doc.text[m.start..m.end], m.value);
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_eval(path: &str, options: &AnalysisOptions, phrase_extents: bool) -> ExitCode {
    let gold = match std::fs::read_to_string(path) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{path}: cannot read: {e}");
            return ExitCode::from(1);
        }
    };
    let mut out = String::new();
    let mut errors = Vec::new();
    let extent = if phrase_extents {
        Extent::Phrase
    } else {
        Extent::Name
    };
    eval::predict_jsonl(&gold, options, extent, &mut out, &mut errors);
    for e in &errors {
        eprintln!("{path}: {e}");
    }
    out!("{out}");
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Scores place linking on the test set: documents named `dev:ID` come from the gold
/// JSONL (analysed whole, as `eval` does), the others are files in `texts_dir`
/// (analysed as the app would, split into articles).
fn run_links(
    gold_path: &str,
    texts_dir: &str,
    dev_path: Option<&str>,
    options: &AnalysisOptions,
) -> ExitCode {
    let read =
        |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"));
    let result = (|| -> Result<eval::LinkScore, String> {
        let gold = eval::parse_gold_links(&read(gold_path)?)?;
        let mut dev = std::collections::HashMap::new();
        if let Some(path) = dev_path {
            for line in read(path)?.lines().filter(|l| !l.trim().is_empty()) {
                let doc: eval::GoldDocument =
                    serde_json::from_str(line).map_err(|e| format!("{path}: {e}"))?;
                dev.insert(doc.id.clone(), doc);
            }
        }
        let mut predicted: std::collections::HashMap<String, Vec<eval::PredictedLink>> =
            Default::default();
        let mut score = eval::LinkScore::default();
        for link in &gold {
            if !predicted.contains_key(&link.document) {
                let links = if let Some(id) = link.document.strip_prefix("dev:") {
                    // Without the dev file its rows are skipped, not counted wrong.
                    let Some(doc) = dev.get(id) else { continue };
                    let dct = doc.dct.as_deref().and_then(eval::parse_dct);
                    let analysed = dossier::engine::analyze_document(
                        id,
                        0,
                        id.to_string(),
                        doc.text.clone(),
                        dct,
                        None,
                        options,
                    );
                    eval::predicted_links(&doc.text, &[(0, &analysed)])
                } else {
                    let path = format!("{texts_dir}/{}", link.document);
                    let text = read(&path)?;
                    let documents = dossier::engine::analyze_text(&link.document, &text, options);
                    let mut parts = Vec::new();
                    for d in &documents {
                        let base = text.find(d.text.as_str()).ok_or_else(|| {
                            format!("{path}: part {} not found in the file", d.part)
                        })?;
                        parts.push((base, d));
                    }
                    eval::predicted_links(&text, &parts)
                };
                predicted.insert(link.document.clone(), links);
            }
            eval::score_link(&mut score, link, &predicted[&link.document]);
        }
        Ok(score)
    })();
    match result {
        Ok(score) => {
            for (g, keys) in &score.errors {
                let got = if keys.is_empty() {
                    "not recognised".to_string()
                } else {
                    keys.join(" ")
                };
                outln!(
                    "{}\t{}\texpected {}\tgot {got}",
                    g.document,
                    g.surface,
                    g.key
                );
            }
            let pct = |n: usize, d: usize| 100.0 * n as f64 / d.max(1) as f64;
            outln!(
                "place linking: {} gold mentions, {} recognised as places; accuracy {:.1} on recognised ({}/{}), {:.1} on all ({}/{})",
                score.total, score.recognised,
                pct(score.correct, score.recognised), score.correct, score.recognised,
                pct(score.correct, score.total), score.correct, score.total
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

/// Reads every corpus of `../shared/train` that is there, by name.
fn read_train_dir(dir: &str) -> Result<BTreeMap<String, Vec<train::TrainDocument>>, String> {
    let mut all = BTreeMap::new();
    for name in train::ALL_CORPORA {
        let path = std::path::Path::new(dir).join(format!("{name}.jsonl"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let docs = train::read_corpus(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        all.insert(name.to_string(), docs);
    }
    if all.is_empty() {
        return Err(format!("{dir}: no training corpus found"));
    }
    Ok(all)
}

/// Precision and recall of near-duplicate grouping on pairs built from the texts of
/// the open corpora (edited copies against distinct stories).
fn run_near_duplicates(dir: &str) -> ExitCode {
    use dossier::engine::tooling::duplicates_eval::{distinct_joined, pairs, report};
    match read_train_dir(dir) {
        Ok(all) => {
            let texts: Vec<&str> = all
                .values()
                .flat_map(|docs| docs.iter().map(|d| d.text.as_str()))
                .collect();
            let thresholds = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
            out!("{}", report(&pairs(&texts), &thresholds));
            let (joined, n) = distinct_joined(&texts);
            outln!(
                "the {n} texts of 80 words or more grouped together as one corpus: {joined} joined another's group"
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

/// Prints the cross-validation table of the entity layer.
fn run_cv(dir: &str, held_out: Option<&str>, parts_only: bool) -> ExitCode {
    let held_out = match held_out.map(|path| {
        std::fs::read_to_string(path)
            .map_err(|e| format!("{path}: {e}"))
            .and_then(|text| train::read_corpus(&text).map_err(|e| format!("{path}: {e}")))
    }) {
        Some(Err(e)) => {
            eprintln!("dossier cv: {e}");
            return ExitCode::FAILURE;
        }
        Some(Ok(docs)) => Some(docs),
        None => None,
    };
    match read_train_dir(dir) {
        Ok(all) if parts_only => {
            out!("{}", train::format_table(&train::contributions(&all)));
            ExitCode::SUCCESS
        }
        Ok(all) => {
            let started = Instant::now();
            let mut rows = train::cross_validate(&all);
            if let Some(test) = &held_out {
                rows.extend(train::held_out_rows(&all, test));
            }
            out!("{}", train::format_table(&rows));
            outln!(
                "(exact / overlap F1 in %, types each corpus annotates; trained on edited prose: {}; {:.0} s)",
                train::EDITED_PROSE.join(", "),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dossier cv: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run_train_entities(dir: &str, out: &str) -> ExitCode {
    let started = Instant::now();
    let all = match read_train_dir(dir) {
        Ok(all) => all,
        Err(e) => {
            eprintln!("dossier train-entities: {e}");
            return ExitCode::FAILURE;
        }
    };
    let bytes = train::shipped_layer(&all);
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("dossier train-entities: {out}: {e}");
        return ExitCode::FAILURE;
    }
    outln!(
        "entity layer: trained on {} in {:.1} s, {} bytes -> {out}",
        train::EDITED_PROSE.join(", "),
        started.elapsed().as_secs_f64(),
        bytes.len()
    );
    ExitCode::SUCCESS
}

fn run_train_names(data_dir: &str, words_path: &str, out: &str) -> ExitCode {
    use dossier::engine::recognize::namelike::NAME_CLASSES;
    use dossier::engine::tooling::train_names::{self, NameLists};
    let read = |name: &str| std::fs::read_to_string(format!("{data_dir}/{name}"));
    let (Ok(given), Ok(surnames), Ok(more), Ok(countries), Ok(places), Ok(cities), Ok(words)) = (
        read("given_names.txt"),
        read("surnames.txt"),
        read("name_training.tsv"),
        read("countries.tsv"),
        read("places.tsv"),
        read("cities.tsv"),
        std::fs::read_to_string(words_path),
    ) else {
        eprintln!("dossier train-names: cannot read the lists in {data_dir} or {words_path}");
        return ExitCode::FAILURE;
    };
    let lists = NameLists {
        given_names: &given,
        surnames: &surnames,
        more_names: &more,
        place_tables: vec![(&countries, 4), (&places, 5), (&cities, 5)],
        english_words: &words,
    };
    let started = Instant::now();
    let examples = train_names::examples(&lists);
    let held_out = train_names::held_out(&examples);
    let confusion = held_out.confusion;
    let percent = |part: usize, whole: usize| 100.0 * part as f64 / whole.max(1) as f64;
    for (i, class) in NAME_CLASSES.iter().enumerate() {
        let counted: usize = confusion[i].iter().sum();
        outln!(
            "held out, {class:?}: {:.1}% of {counted} right",
            percent(confusion[i][i], counted)
        );
    }
    // Given names and surnames are both "a person's name" to the recogniser.
    let person_row = |i: usize| confusion[i][0] + confusion[i][1];
    let persons: usize = confusion[..2].iter().flatten().sum();
    let others: usize = confusion[2..].iter().flatten().sum();
    outln!(
        "held out, a person's name or not: {:.1}% of {persons} names, {:.1}% of {others} others right",
        percent(person_row(0) + person_row(1), persons),
        percent(others - person_row(2) - person_row(3), others)
    );
    outln!(
        "held out, calibration: temperature {}, log loss {:.3} nats per word",
        held_out.temperature,
        held_out.log_loss
    );
    let mut model = train_names::train_name_likeness(&examples);
    model.set_temperature(held_out.temperature);
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("dossier train-names: {out}: {e}");
        return ExitCode::FAILURE;
    }
    outln!(
        "{} examples; wrote {out} ({} bytes) in {:.1} s",
        examples.len(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::inputs_and_output;

    /// A case's name, the arguments after the command, the inputs and the output.
    type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a str], Option<&'a str>);

    #[test]
    fn inputs_and_output_are_told_apart_by_their_place() {
        let cases: &[Case] = &[
            (
                "an input and an output",
                &["news", "-o", "packs/news"],
                &["news"],
                Some("packs/news"),
            ),
            (
                "the output first",
                &["-o", "out", "a", "b"],
                &["a", "b"],
                Some("out"),
            ),
            (
                "an input spelt as the output",
                &["news", "-o", "news"],
                &["news"],
                Some("news"),
            ),
            (
                "flags left out",
                &["--shard=1/2", "a", "-o", "o", "--merge"],
                &["a"],
                Some("o"),
            ),
            ("no output", &["a", "b"], &["a", "b"], None),
            ("-o last, with no value", &["a", "-o"], &["a"], None),
        ];
        for (name, args, inputs, out) in cases {
            let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
            assert_eq!(inputs_and_output(&args), (inputs.to_vec(), *out), "{name}");
        }
    }
}
