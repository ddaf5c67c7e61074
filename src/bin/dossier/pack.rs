//! `dossier pack` (a corpus, a slice of one, or partial packs merged, written as a pack for static hosting), `dossier pack-figures` (what a client fetches from one) and `dossier generate` (a folder of generated articles).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use dossier::engine::explore::state::{Value, ViewState};
use dossier::engine::pack::{pack_view, Counted, FileSource, PackReader, PackSummary, PackWriter};
use dossier::engine::tooling::synthetic::news_document;
use dossier::engine::{AnalysedFile, AnalysisOptions, Corpus};

use crate::output::outln;

/// Text indexed into one corpus before it is written to the pack and dropped: memory
/// holds two slices' corpora (one indexed, one written; about four times their text)
/// and the sets.
const SLICE_TEXT_BYTES: usize = 64 << 20;

/// How far ahead of the file being indexed the analysing threads may run (files held in memory).
const LOOKAHEAD_FILES: usize = 256;

/// Files an analysing thread takes at once and hands over in one message: a message
/// per file woke the indexing thread per file (futex calls and the wake-ups were 8%
/// of a build's processor samples); at 16 a build of 100,000 files still switched
/// threads 14,000 to 56,000 times, at 64 about 5,000.
const FILES_PER_BATCH: usize = 64;

/// A batch's files are handed over before the batch is done once they hold this much
/// text, so that a batch of large files is not held whole.
const MESSAGE_TEXT_BYTES: usize = 1 << 20;

/// `dossier pack INPUT... -o DIR [--shard K/N]` or `dossier pack --merge PART... -o DIR`.
pub fn pack(inputs: &[&str], out: &str, flags: &[&str], options: &AnalysisOptions) -> ExitCode {
    let started = Instant::now();
    keep_freed_memory();
    let out = Path::new(out);
    let result = if flags.contains(&"--merge") {
        merge(inputs, out)
    } else {
        let shard = flags.iter().find_map(|f| f.strip_prefix("--shard="));
        build(inputs, out, shard, options)
    };
    match result {
        Ok(summary) => {
            report(out, &summary, started.elapsed().as_secs_f64());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

/// mimalloc's `mi_option_purge_delay`, which libmimalloc-sys does not name: its place
/// in `mi_option_e` (mimalloc.h, version 3).
#[cfg(not(target_arch = "wasm32"))]
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps memory the build frees in the allocator, for the next slice, instead of
/// giving it back to the system a second later: each slice's corpus (a quarter of a
/// gigabyte) was freed, given back and faulted in anew as zeroed pages, 2.5 million
/// page faults in a million-document build. Peak memory is the same bound.
#[cfg(not(target_arch = "wasm32"))]
fn keep_freed_memory() {
    // SAFETY: sets one of mimalloc's documented options (-1: never purge), which it
    // reads whenever it decides to purge; no memory is touched.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

/// The browser's build has its own allocator.
#[cfg(target_arch = "wasm32")]
fn keep_freed_memory() {}

fn report(out: &Path, summary: &PackSummary, seconds: f64) {
    let mb = |b: u64| b as f64 / 1e6;
    outln!(
        "{}: {} documents, {:.1} MB of text, {} keys, {} files, {:.1} MB ({:.2}× the text), largest file {:.1} MiB",
        out.display(),
        summary.documents,
        mb(summary.text_bytes),
        summary.keys,
        summary.files,
        mb(summary.bytes),
        summary.bytes as f64 / summary.text_bytes.max(1) as f64,
        summary.largest_file as f64 / (1 << 20) as f64,
    );
    outln!(
        "  {seconds:.1} s, {:.1} MB/s of text; peak memory {}; processor time {}",
        mb(summary.text_bytes) / seconds.max(1e-9),
        peak_memory().map_or("unknown".to_string(), |b| format!("{:.0} MB", mb(b))),
        processor_seconds().map_or("unknown".to_string(), |cpu| format!(
            "{cpu:.1} s ({:.2} cores busy)",
            cpu / seconds.max(1e-9)
        )),
    );
    if summary.cut_documents > 0 {
        eprintln!(
            "  {} documents were too long for one file and were cut",
            summary.cut_documents
        );
    }
}

/// The process's peak resident memory (Linux), in bytes.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// The processor time of the process's threads so far (Linux), user and system, in
/// seconds: a figure that varies less than the wall clock's with what else the
/// machine runs.
fn processor_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces, so split after its ')'):
    // utime and stime are the 12th and 13th, in clock ticks of 1/100 s (Linux's
    // USER_HZ on every architecture it runs on).
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

/// The files of a `K/N` slice of `paths` (K from 1): contiguous, so that merging the
/// partial packs in order keeps the name order.
fn shard_of<T: Clone>(paths: Vec<T>, shard: &str) -> Result<Vec<T>, String> {
    let (k, n) = shard
        .split_once('/')
        .and_then(|(k, n)| Some((k.parse::<usize>().ok()?, n.parse::<usize>().ok()?)))
        .filter(|&(k, n)| 1 <= k && k <= n)
        .ok_or_else(|| format!("--shard={shard}: expected K/N with 1 ≤ K ≤ N"))?;
    let (from, to) = (paths.len() * (k - 1) / n, paths.len() * k / n);
    Ok(paths[from..to].to_vec())
}

fn build(
    inputs: &[&str],
    out: &Path,
    shard: Option<&str>,
    options: &AnalysisOptions,
) -> Result<PackSummary, String> {
    build_in_slices(inputs, out, shard, options, SLICE_TEXT_BYTES)
}

/// [`build`], indexing `slice_text_bytes` of text into each corpus written.
fn build_in_slices(
    inputs: &[&str],
    out: &Path,
    shard: Option<&str>,
    options: &AnalysisOptions,
    slice_text_bytes: usize,
) -> Result<PackSummary, String> {
    let mut paths = Vec::new();
    for input in inputs {
        crate::reading::files_under(Path::new(input), &mut paths)
            .map_err(|e| format!("{input}: cannot read: {e}"))?;
        leave_out_pack(Path::new(input), out, &mut paths);
    }
    if let Some(shard) = shard {
        paths = shard_of(paths, shard)?;
    }
    let writer = PackWriter::create(out).map_err(|e| e.to_string())?;
    // Slices are written on a thread of their own, so that analysing and indexing
    // go on while a slice is written: in turn, they left the cores idle for a third
    // of a build. A rendezvous channel: memory holds at most two slices' corpora.
    let (to_writer, slices) = mpsc::sync_channel::<Corpus>(0);
    let written = std::thread::scope(|scope| {
        let writing = scope.spawn(move || -> std::io::Result<PackWriter> {
            let mut writer = writer;
            for slice in slices {
                writer.add_corpus(&slice)?;
            }
            Ok(writer)
        });
        let mut slice = Corpus::without_near_duplicates();
        let mut slice_bytes = 0;
        let mut writer_failed = false;
        // Each slice's corpus notes duplicates within it; this notes them across
        // slices: the first file with each content's hash, by its place in `paths`.
        // As in the page, only a file that loaded is an original: a copy of a
        // refused file is reported with its own error.
        let mut first_with: HashMap<u128, usize> = HashMap::new();
        analyse_in_order(&paths, options, |at, (file, hash)| {
            if writer_failed {
                return;
            }
            slice_bytes += file.size;
            let original = hash.and_then(|hash| match first_with.get(&hash) {
                Some(&first) => Some(first),
                None => {
                    if file.outcome.is_ok() {
                        first_with.insert(hash, at);
                    }
                    None
                }
            });
            let report = match original {
                Some(first) => slice.add_duplicate(file.name, file.size, &paths[first].name),
                None => slice.add_analysed(file),
            };
            if report.error.is_some() || report.duplicate_of.is_some() {
                eprintln!("{}", report.message());
            }
            if slice_bytes >= slice_text_bytes {
                let full = std::mem::replace(&mut slice, Corpus::without_near_duplicates());
                // A writer that failed has hung up; its error is reported below.
                writer_failed = to_writer.send(full).is_err();
                slice_bytes = 0;
            }
        });
        let _ = to_writer.send(slice);
        drop(to_writer);
        writing
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    });
    written
        .and_then(PackWriter::finish)
        .map_err(|e| e.to_string())
}

/// Leaves out of `paths` the files of the pack `out` when it lies inside the folder
/// `input`: a second build would read the first's pieces as input (its head as a
/// document, each piece a binary file refused). One path comparison per file.
fn leave_out_pack(input: &Path, out: &Path, paths: &mut Vec<crate::reading::InputFile>) {
    let resolved = |path: &Path| std::fs::canonicalize(path).ok();
    let (Some(input_resolved), Some(out_resolved)) = (resolved(input), resolved(out)) else {
        return;
    };
    // The input folder itself as the pack's folder: its files are the corpus.
    let Some(inside) = out_resolved
        .strip_prefix(&input_resolved)
        .ok()
        .filter(|inside| !inside.as_os_str().is_empty())
    else {
        return;
    };
    let pack = input.join(inside);
    let before = paths.len();
    paths.retain(|file| !file.path.starts_with(&pack));
    if paths.len() < before {
        eprintln!(
            "{}: inside {}: its {} files are not read as input",
            out.display(),
            input.display(),
            before - paths.len()
        );
    }
}

/// What a file read gave: its analysis, and the hash of its bytes when they could be read.
type ReadFile = (AnalysedFile, Option<u128>);

/// Analyses `paths` on every core and hands each file to `index` in path order,
/// with its place in `paths`.
fn analyse_in_order(
    paths: &[crate::reading::InputFile],
    options: &AnalysisOptions,
    mut index: impl FnMut(usize, ReadFile),
) {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let next = AtomicUsize::new(0);
    let indexed = AtomicUsize::new(0);
    let (send, receive) = mpsc::sync_channel::<(usize, Vec<ReadFile>)>(threads * 2);
    let stopped = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| crate::read_ahead::read_ahead(paths, &next, &stopped));
        let _stop_waiting_on_exit = SetOnDrop(&stopped);
        for _ in 0..threads {
            let send = send.clone();
            let (next, indexed, stopped) = (&next, &indexed, &stopped);
            scope.spawn(move || {
                let mut buffer = Vec::with_capacity(1 << 16);
                loop {
                    let from = next.fetch_add(FILES_PER_BATCH, Ordering::Relaxed);
                    let to = (from + FILES_PER_BATCH).min(paths.len());
                    let Some(batch) = paths.get(from..to).filter(|batch| !batch.is_empty()) else {
                        break;
                    };
                    // Wait while too far ahead of the indexing, so that memory stays bounded.
                    while from >= indexed.load(Ordering::Relaxed) + LOOKAHEAD_FILES {
                        if stopped.load(Ordering::Relaxed) {
                            return;
                        }
                        std::thread::sleep(std::time::Duration::from_millis(1));
                    }
                    // The files since `first`, handed over at the batch's end or once
                    // they hold enough text.
                    let (mut first, mut files, mut text) = (from, Vec::new(), 0);
                    for (at, file) in (from..).zip(batch) {
                        let read = analyse_path(file, &mut buffer, options);
                        text += read.0.size;
                        files.push(read);
                        if text >= MESSAGE_TEXT_BYTES || at + 1 == to {
                            if send.send((first, std::mem::take(&mut files))).is_err() {
                                return;
                            }
                            (first, text) = (at + 1, 0);
                        }
                    }
                }
            });
        }
        drop(send);
        let mut waiting: BTreeMap<usize, Vec<ReadFile>> = BTreeMap::new();
        let mut expected = 0;
        for (from, files) in receive {
            waiting.insert(from, files);
            while let Some(files) = waiting.remove(&expected) {
                let first = expected;
                expected += files.len();
                for (at, file) in (first..).zip(files) {
                    index(at, file);
                }
                indexed.store(expected, Ordering::Relaxed);
            }
        }
    });
}

/// Sets its flag when dropped: the threads waiting on the indexing stop even if the
/// indexing panicked, instead of waiting for it forever.
struct SetOnDrop<'a>(&'a AtomicBool);

impl Drop for SetOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// A reading buffer past this size is given back after its file.
const KEPT_BUFFER_BYTES: usize = 16 << 20;

/// Reads and analyses one file into `buffer`, an analysing thread's own, reused
/// from file to file: `fs::read` allocated anew and asked each file's status, two
/// calls more per file than opening and reading it.
fn analyse_path(
    file: &crate::reading::InputFile,
    buffer: &mut Vec<u8>,
    options: &AnalysisOptions,
) -> ReadFile {
    let analysed = match crate::reading::read_within_limit(&file.path, &file.name, buffer) {
        Ok(()) => {
            // A pack keeps no content hashes, so its build need not use the page's
            // (FNV-1a, a byte at a time): XXH3's 128 bits, at memory speed.
            let hash = xxhash_rust::xxh3::xxh3_128(buffer);
            let analysed =
                AnalysedFile::analyse_hashed(&file.name, buffer, format!("{hash:032x}"), options);
            (analysed, Some(hash))
        }
        Err(refusal) => (
            AnalysedFile::refused(&file.name, refusal.size(), refusal),
            None,
        ),
    };
    if buffer.capacity() > KEPT_BUFFER_BYTES {
        *buffer = Vec::new();
    }
    analysed
}

fn merge(parts: &[&str], out: &Path) -> Result<PackSummary, String> {
    let mut writer = PackWriter::create(out).map_err(|e| e.to_string())?;
    for part in parts {
        let reader = PackReader::open(FileSource {
            dir: PathBuf::from(part),
        })
        .map_err(|e| format!("{part} {e}"))?;
        writer
            .add_pack(&reader)
            .map_err(|e| format!("{part}: {e}"))?;
    }
    writer.finish().map_err(|e| e.to_string())
}

/// `dossier pack-figures DIR`: what a client reads from a pack for the first view, a
/// facet click, a document and a search, against the budgets of a static pack.
pub fn pack_figures(dir: &str) -> ExitCode {
    let source = Counted::new(FileSource {
        dir: PathBuf::from(dir),
    });
    let started = Instant::now();
    let pack = match PackReader::open(source) {
        Ok(pack) => pack,
        Err(e) => {
            eprintln!("{dir} {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = (|| -> Result<(), dossier::engine::pack::PackError> {
        // The head carries every count of the first view.
        line(&pack, "first view (the head)", started, 3_000_000, 0);
        let top = pack
            .head()
            .facets
            .first()
            .and_then(|f| f.top.get(1))
            .cloned();
        let Some(value) = top else {
            outln!("no facet value to click");
            return Ok(());
        };
        let started = Instant::now();
        let id = value.key.trim_start_matches("e:").to_string();
        let state = ViewState {
            include: vec![Value::Entity(id)],
            ..Default::default()
        };
        // What the pack page computes for a click: counts, timeline, the first cards.
        pack_view(&pack, &state, &BTreeSet::new())?;
        let what = format!("a value chosen alone ({})", value.label);
        line(&pack, &what, started, 1_000_000, 10);
        let second = pack
            .head()
            .facets
            .get(1)
            .and_then(|f| f.top.first())
            .cloned();
        if let Some(second) = second {
            let started = Instant::now();
            let mut state = state;
            let id = second.key.trim_start_matches("e:").to_string();
            state.include.push(Value::Entity(id));
            pack_view(&pack, &state, &BTreeSet::new())?;
            let what = format!("and a second ({})", second.label);
            line(&pack, &what, started, 1_000_000, 10);
        }
        let started = Instant::now();
        pack.document(pack.head().documents / 2)?;
        line(&pack, "open a document", started, 100_000, 0);
        let started = Instant::now();
        let found = pack.search("agreement official")?;
        line(
            &pack,
            &format!("search, {} documents", found.len()),
            started,
            1_000_000,
            0,
        );
        Ok(())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{dir} {e}");
            ExitCode::FAILURE
        }
    }
}

/// One figure: requests, bytes and time since `started`, against a byte (and request) budget.
fn line<S: dossier::engine::pack::RangeSource>(
    pack: &PackReader<Counted<S>>,
    what: &str,
    started: Instant,
    byte_budget: u64,
    request_budget: u64,
) {
    let (requests, bytes) = pack.source().take();
    let within = bytes <= byte_budget && (request_budget == 0 || requests <= request_budget);
    outln!(
        "{what:<52} {requests:>4} reads {:>9.1} KB {:>7.1} ms  {} (budget {:.0} KB{})",
        bytes as f64 / 1e3,
        started.elapsed().as_secs_f64() * 1e3,
        if within { "within" } else { "OVER" },
        byte_budget as f64 / 1e3,
        if request_budget > 0 {
            format!(", {request_budget} reads")
        } else {
            String::new()
        },
    );
}

/// `dossier generate N DIR [--kb K]`: N generated articles of about K KB (default 3)
/// as text files, a thousand to a folder.
pub fn generate(count: &str, dir: &str, flags: &[&str]) -> ExitCode {
    let kb = flags
        .iter()
        .find_map(|f| f.strip_prefix("--kb="))
        .and_then(|k| k.parse::<usize>().ok())
        .unwrap_or(3);
    let Ok(count) = count.parse::<u64>() else {
        eprintln!("generate: {count} is not a number of documents");
        return ExitCode::from(2);
    };
    for n in 0..count {
        let folder = Path::new(dir).join(format!("{:04}", n / 1000));
        if n % 1000 == 0 {
            if let Err(e) = std::fs::create_dir_all(&folder) {
                eprintln!("{}: {e}", folder.display());
                return ExitCode::FAILURE;
            }
        }
        let text = news_document(n, kb * 1000);
        if let Err(e) = std::fs::write(folder.join(format!("{n:07}.txt")), text) {
            eprintln!("{dir}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    type ShardCase = (&'static str, usize, &'static str, Result<Vec<usize>, ()>);

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn the_purge_delay_set_is_mimallocs_own_option() {
        // Its default is 1,000 ms in mimalloc 3 (-1 once a build in this process set
        // it); the options around it default to 0, 1, 2 or 100.
        // SAFETY: reads an option.
        let delay = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert!(
            matches!(delay, 1000 | -1),
            "option {MI_OPTION_PURGE_DELAY} is {delay}"
        );
    }

    #[test]
    fn a_build_loads_a_file_whose_bytes_it_has_seen_once() {
        let dir = std::env::temp_dir().join(format!("dossier-pack-dup-{}", std::process::id()));
        let (input, out) = (dir.join("in"), dir.join("pack"));
        std::fs::create_dir_all(&input).unwrap();
        let cases: &[(&str, &[u8])] = &[
            ("a.txt", b"Bayramov met Mirzoyan in Almaty on May 10, 2024."),
            ("b.txt", b"Bayramov met Mirzoyan in Almaty on May 10, 2024."),
            ("c.txt", b"Bayramov met Mirzoyan in Almaty on May 11, 2024."),
            ("d.txt", b"Bayramov met Mirzoyan in Almaty on May 10, 2024."),
            // Refused as binary, both: no original to repeat.
            ("e.bin", b"\x00\x01\x02binary\x00\x00"),
            ("f.bin", b"\x00\x01\x02binary\x00\x00"),
        ];
        for (name, bytes) in cases {
            std::fs::write(input.join(name), bytes).unwrap();
        }
        let input = input.to_string_lossy().to_string();
        // In one slice, and with every file in a slice of its own.
        for slice_text_bytes in [SLICE_TEXT_BYTES, 1] {
            let options = AnalysisOptions::default();
            let built = build_in_slices(&[&input], &out, None, &options, slice_text_bytes);
            let head = PackReader::open(FileSource { dir: out.clone() })
                .unwrap()
                .head()
                .clone();
            // a.txt and c.txt: b.txt and d.txt repeat a.txt's bytes. Every file is
            // counted, those that gave no document apart.
            let found = (
                built.unwrap().documents,
                head.files,
                head.files_without_documents,
            );
            assert_eq!(found, (2, 6, 4), "slices of {slice_text_bytes} bytes");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_pack_inside_its_input_folder_is_not_read_as_input() {
        let dir = std::env::temp_dir().join(format!("dossier-pack-inside-{}", std::process::id()));
        let out = dir.join("packs/news");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.txt"), "Bayramov met Mirzoyan in Almaty.").unwrap();
        let input = dir.to_string_lossy().to_string();
        let options = AnalysisOptions::default();
        let files_of_each_build: Vec<u32> = (0..2)
            .map(|_| {
                build_in_slices(&[&input], &out, None, &options, SLICE_TEXT_BYTES).unwrap();
                let reader = PackReader::open(FileSource { dir: out.clone() }).unwrap();
                reader.head().files
            })
            .collect();
        assert_eq!(
            files_of_each_build,
            [1, 1],
            "the second build reads a.txt alone"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn files_are_indexed_in_path_order_each_with_its_place() {
        let dir = std::env::temp_dir().join(format!("dossier-pack-order-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // Enough files for several batches on each thread; some large enough to be
        // handed over before their batch is done (blank lines: quick to analyse).
        let large = "\n".repeat(MESSAGE_TEXT_BYTES);
        for n in 0..(FILES_PER_BATCH * 5 + 3) {
            let text = if n % 50 == 7 {
                large.clone()
            } else {
                format!("Note {n}.")
            };
            std::fs::write(dir.join(format!("{n:04}.txt")), text).unwrap();
        }
        let mut paths = Vec::new();
        crate::reading::files_under(&dir, &mut paths).unwrap();
        let mut seen = Vec::new();
        analyse_in_order(&paths, &AnalysisOptions::default(), |at, (file, _)| {
            seen.push((at, file.name));
        });
        std::fs::remove_dir_all(&dir).unwrap();
        let expected: Vec<(usize, String)> = paths
            .iter()
            .enumerate()
            .map(|(at, p)| (at, p.name.clone()))
            .collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn shards_are_contiguous_slices_that_cover_the_files_once() {
        let cases: &[ShardCase] = &[
            ("the first of three", 10, "1/3", Ok(vec![0, 1, 2])),
            ("the last of three", 10, "3/3", Ok(vec![6, 7, 8, 9])),
            ("one of one", 4, "1/1", Ok(vec![0, 1, 2, 3])),
            ("more shards than files", 2, "2/4", Ok(vec![0])),
            ("K past N", 10, "4/3", Err(())),
            ("K of zero", 10, "0/3", Err(())),
            ("not a fraction", 10, "half", Err(())),
        ];
        for (name, n, shard, expected) in cases {
            let paths: Vec<PathBuf> = (0..*n).map(|i| PathBuf::from(i.to_string())).collect();
            let found = shard_of(paths, shard)
                .map(|p| {
                    p.iter()
                        .map(|p| p.to_string_lossy().parse().unwrap())
                        .collect()
                })
                .map_err(|_| ());
            assert_eq!(&found, expected, "{name}");
        }
        for n_shards in 1..=7 {
            let covered: Vec<PathBuf> = (1..=n_shards)
                .flat_map(|k| {
                    let paths = (0..20).map(|i| PathBuf::from(format!("{i:02}"))).collect();
                    shard_of(paths, &format!("{k}/{n_shards}")).unwrap()
                })
                .collect();
            let all: Vec<PathBuf> = (0..20).map(|i| PathBuf::from(format!("{i:02}"))).collect();
            assert_eq!(covered, all, "{n_shards} shards");
        }
    }
}
