//! The loader's schedule: how many files go to a worker at once, how long the page indexes before it yields, how often the views refresh, and the time left.

use std::collections::VecDeque;

/// Files and bytes a worker holds at once: enough that it never waits for the page,
/// few enough to bound memory (a folder of 10,000 files is not read all at once).
pub const IN_FLIGHT: usize = 128;
pub const IN_FLIGHT_BYTES: f64 = 16e6;
/// Files per message to a worker: few enough that the page's part of a message (a
/// loose file read, a folder's file cloned) stays a short task.
pub const BATCH: usize = 16;
/// Most workers started, whatever the number of cores.
pub const MAX_WORKERS: usize = 4;
/// Longest stretch of indexing on the main thread before it yields.
pub const SLICE_MS: f64 = 12.0;
/// Longest stretch of handing files to workers before the page yields.
pub const PUMP_SLICE_MS: f64 = 12.0;
/// How often the views are refreshed while files arrive, at most.
pub const REFRESH_MS: f64 = 150.0;
/// The views may take this share of the page's time while files arrive: a refresh
/// that took 40 ms waits 8 x 40 ms for the next (the cost grows with the corpus).
pub const REFRESH_COST_SHARE: f64 = 1.0 / 8.0;

/// A file analysed for longer than this is named in the progress line, with a
/// button that stops it alone.
pub const SLOW_FILE_MS: f64 = 2000.0;

/// How many of the queued files to send to a worker now, 0 to wait.
///
/// `queued` holds the sizes of the first queued files (at least [`BATCH`] of them
/// when there are that many) of `n_queued` in all; the worker holds `in_flight`
/// files of `in_flight_bytes`. A batch stops at [`BATCH`] files, [`IN_FLIGHT`]
/// files held or [`IN_FLIGHT_BYTES`] bytes held (an idle worker takes a first file
/// however large). While a worker is busy it gets full batches only (a worker read
/// is cheapest for many files at once; replies free room); an idle worker gets
/// whatever fits (large files, the last few).
pub fn batch_size(
    in_flight: usize,
    in_flight_bytes: f64,
    queued: &[f64],
    n_queued: usize,
) -> usize {
    let mut bytes = in_flight_bytes;
    let mut n = 0;
    while n < BATCH
        && n < queued.len()
        && in_flight + n < IN_FLIGHT
        && (in_flight == 0 && n == 0 || bytes < IN_FLIGHT_BYTES)
    {
        bytes += queued[n];
        n += 1;
    }
    let more_after = n_queued > n;
    if n == 0 || n < BATCH && more_after && in_flight > 0 {
        0
    } else {
        n
    }
}

/// A file at least this large takes its worker a while (a tenth of a second and
/// more): it is announced when its analysis starts, and answered alone.
pub const LONG_FILE_BYTES: usize = 1_000_000;
/// Bytes of large files a worker analyses from one batch; it hands the rest back.
pub const KEPT_LONG_BYTES: usize = 16_000_000;

/// Which files of a batch (their sizes, 0 for a file that will not be read) its
/// worker hands back to the page, for the next worker free: the large files past
/// the first [`KEPT_LONG_BYTES`] of them. The page makes batches without sizes (each
/// is a call into the browser), so two files of 45 MB could share a batch and run
/// one after the other, for seconds, while another worker sat idle. The first large
/// file is always kept, so that a file handed back makes progress wherever it goes.
pub fn handed_back(sizes: &[usize]) -> Vec<usize> {
    let mut kept = 0;
    let mut back = Vec::new();
    for (i, &size) in sizes.iter().enumerate() {
        if size < LONG_FILE_BYTES {
            continue;
        }
        if kept >= KEPT_LONG_BYTES {
            back.push(i);
        } else {
            kept += size;
        }
    }
    back
}

/// How long to wait before the next refresh of the views, given what the last took.
pub fn refresh_wait_ms(last_refresh_ms: f64) -> f64 {
    REFRESH_MS.max(last_refresh_ms / REFRESH_COST_SHARE)
}

/// The span of the recent past whose rate gives the time left.
pub const RATE_WINDOW_S: f64 = 5.0;

/// Files done over the last [`RATE_WINDOW_S`] seconds, for the time left. The rate
/// since the start would stay low long after what slowed it has ended: while a
/// folder is walked the browser's work for each file takes the cores, and analysis
/// runs at a third of its speed after the walk.
#[derive(Debug, Default)]
pub struct RecentRate {
    /// (seconds, files done), oldest first: the first is at or before the window.
    samples: VecDeque<(f64, f64)>,
}

impl RecentRate {
    /// A load starts: nothing done at `now_s`.
    pub fn start(&mut self, now_s: f64) {
        self.samples.clear();
        self.samples.push_back((now_s, 0.0));
    }

    /// Seconds left for `total - done` files at the recent rate, once files were
    /// done in the window.
    pub fn seconds_left(&mut self, now_s: f64, done: f64, total: f64) -> Option<f64> {
        self.samples.push_back((now_s, done));
        // Keep one sample at or before the window's start, so that it spans it whole.
        while self.samples.len() > 2 && now_s - self.samples[1].0 >= RATE_WINDOW_S {
            self.samples.pop_front();
        }
        let (since, done_then) = self.samples[0];
        let (seconds, files) = (now_s - since, done - done_then);
        (seconds > 0.0 && files > 0.0).then(|| (total - done).max(0.0) * seconds / files)
    }
}

/// How far the current batch of files has got.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    pub n_done: usize,
    pub n_files: usize,
    pub bytes_done: f64,
    /// Known only when reopening the kept corpus (its text's bytes).
    pub bytes_total: f64,
    /// At the recent rate; none while no file was done in its window.
    pub seconds_left: Option<f64>,
    /// A file in analysis for longer than [`SLOW_FILE_MS`].
    pub slow: Option<SlowFile>,
    /// The corpus kept in this browser is being read back (its bytes are its text's).
    pub reopening: bool,
    /// Dropped folders are still walked: more files may come, so no time is given.
    pub listing: bool,
}

/// A file whose analysis runs long, and for how long it has run.
#[derive(Clone, Debug, PartialEq)]
pub struct SlowFile {
    pub name: String,
    pub seconds: u32,
}

/// What a file is expected to weigh before its worker has read it: the mean of those
/// read so far, or this before any.
pub const FIRST_FILE_BYTES_GUESS: f64 = 64e3;

impl Progress {
    /// The mean size of the files analysed so far ([`FIRST_FILE_BYTES_GUESS`] before any).
    pub fn expected_file_bytes(&self) -> f64 {
        if self.n_done > 0 && self.bytes_done > 0.0 {
            self.bytes_done / self.n_done as f64
        } else {
            FIRST_FILE_BYTES_GUESS
        }
    }

    /// "Analysed 3 of 10 files (1.2 MB), about 5 s left" (the time once it is a second
    /// or more), then the file that runs long, if one does. The files' sizes are not
    /// known before the worker reads them, so the share done is in files.
    pub fn line(&self) -> String {
        if self.reopening && self.bytes_total == 0.0 {
            // The head is read first: its size of text comes at its end.
            return format!(
                "Reopening the corpus kept in this browser: reading the list of its {} files",
                self.n_files
            );
        }
        if self.reopening {
            return format!(
                "Reopening the corpus kept in this browser: {:.1} of {:.1} MB of text",
                self.bytes_done / 1e6,
                self.bytes_total / 1e6
            );
        }
        format!(
            "Analysed {} of {} files{} ({:.1} MB){}{}",
            self.n_done,
            self.n_files,
            if self.listing { " found so far" } else { "" },
            self.bytes_done / 1e6,
            self.seconds_left
                .filter(|s| *s >= 1.0 && !self.listing)
                .map(|s| format!(", about {} s left", s.round()))
                .unwrap_or_default(),
            self.slow
                .as_ref()
                .map(|f| format!("; still analysing {} ({} s)", f.name, f.seconds))
                .unwrap_or_default()
        )
    }
}

/// The wasm memory a tab may fill before loading stops: under the 4 GiB a 32-bit wasm
/// module can address (Chromium's limit too), with room for the views' work.
pub const MEMORY_CEILING_BYTES: f64 = 3.5 * 1024.0 * 1024.0 * 1024.0;

/// Memory a file takes once indexed, per byte of the file: the index measured at
/// about 4.2 times the text, and the analysis's transient copies on top.
pub const MEMORY_PER_FILE_BYTE: f64 = 6.0;

/// Whether a file of `file_bytes` can be indexed with `memory_bytes` of wasm memory
/// already in use, staying under [`MEMORY_CEILING_BYTES`].
pub fn fits_in_memory(memory_bytes: f64, file_bytes: f64) -> bool {
    memory_bytes + file_bytes * MEMORY_PER_FILE_BYTE <= MEMORY_CEILING_BYTES
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (case, files in flight, bytes in flight, first queued sizes, files queued, expected)
    type BatchCase<'a> = (&'a str, usize, f64, &'a [f64], usize, usize);

    #[test]
    fn batches_fill_a_worker_within_its_limits() {
        let small = [1e3; 100];
        let cases: &[BatchCase] = &[
            (
                "idle worker, many small files",
                0,
                0.0,
                &small[..BATCH],
                100,
                BATCH,
            ),
            ("idle worker, the last few", 0, 0.0, &small[..3], 3, 3),
            (
                "busy worker, a full batch",
                10,
                10e3,
                &small[..BATCH],
                100,
                BATCH,
            ),
            ("busy worker, the last few", 10, 10e3, &small[..3], 3, 3),
            (
                "busy worker, too few while more wait",
                IN_FLIGHT - BATCH / 2,
                100e3,
                &small[..BATCH],
                100,
                0,
            ),
            ("worker full", IN_FLIGHT, 1e3, &small[..BATCH], 100, 0),
            (
                "idle worker takes one huge file",
                0,
                0.0,
                &[40e6, 1e3],
                2,
                1,
            ),
            (
                "busy worker over its bytes",
                1,
                20e6,
                &small[..BATCH],
                100,
                0,
            ),
            ("nothing queued", 0, 0.0, &[], 0, 0),
        ];
        for (name, in_flight, bytes, queued, n_queued, expected) in cases {
            assert_eq!(
                batch_size(*in_flight, *bytes, queued, *n_queued),
                *expected,
                "{name}"
            );
        }
    }

    #[test]
    fn a_batch_hands_back_large_files_past_what_its_worker_keeps() {
        const MB: usize = 1_000_000;
        let cases: &[(&str, &[usize], &[usize])] = &[
            ("small files only", &[1_000; 16], &[]),
            (
                "one huge file among small ones",
                &[1_000, 45 * MB, 2_000],
                &[],
            ),
            (
                "two huge files: the second goes",
                &[1_000, 45 * MB, 45 * MB, 9],
                &[2],
            ),
            ("large files up to the kept bytes stay", &[2 * MB; 8], &[]),
            ("past the kept bytes they go", &[2 * MB; 10], &[8, 9]),
            (
                "a file not read weighs nothing",
                &[45 * MB, 0, 3 * MB],
                &[2],
            ),
            (
                "just under large is small",
                &[20 * MB, LONG_FILE_BYTES - 1],
                &[],
            ),
            ("nothing", &[], &[]),
        ];
        for (name, sizes, expected) in cases {
            assert_eq!(handed_back(sizes), *expected, "{name}");
        }
    }

    #[test]
    fn refreshes_slow_down_when_they_cost_more() {
        assert_eq!(refresh_wait_ms(0.0), REFRESH_MS);
        assert_eq!(refresh_wait_ms(10.0), REFRESH_MS, "cheap: the floor");
        assert_eq!(
            refresh_wait_ms(40.0),
            320.0,
            "a 40 ms refresh waits 8 x 40 ms"
        );
    }

    #[test]
    fn time_left_follows_the_rate_of_the_last_seconds() {
        // (name, refreshes as (seconds, files done), files in all, time left at the last)
        type Case<'c> = (&'c str, &'c [(f64, f64)], f64, Option<f64>);
        let cases: &[Case] = &[
            ("nothing done yet", &[(1.0, 0.0)], 100.0, None),
            ("no time passed", &[(0.0, 0.0)], 100.0, None),
            ("steady", &[(1.0, 10.0), (2.0, 20.0)], 100.0, Some(8.0)),
            ("all done", &[(2.0, 100.0)], 100.0, Some(0.0)),
            (
                // 10 files a second for 10 s (a walk), then 30: the rate since the
                // start (about 17 a second) would give 11 s for the last 180 files.
                "faster after a slow start",
                &[(5.0, 50.0), (10.0, 100.0), (11.0, 130.0), (15.0, 250.0)],
                430.0,
                Some(6.0),
            ),
            (
                "a window with no file done",
                &[(1.0, 10.0), (7.0, 10.0), (13.0, 10.0)],
                100.0,
                None,
            ),
        ];
        for (name, refreshes, total, expected) in cases {
            let mut rate = RecentRate::default();
            rate.start(0.0);
            let mut left = None;
            for &(now, done) in *refreshes {
                left = rate.seconds_left(now, done, *total);
            }
            assert_eq!(left, *expected, "{name}");
        }
    }

    #[test]
    fn the_progress_line_gives_the_time_left_once_it_is_a_second() {
        let p = Progress {
            n_done: 3,
            n_files: 10,
            bytes_done: 1.2e6,
            bytes_total: 4e6,
            seconds_left: Some(4.6),
            slow: None,
            reopening: false,
            listing: false,
        };
        assert_eq!(p.line(), "Analysed 3 of 10 files (1.2 MB), about 5 s left");
        let listing = Progress {
            listing: true,
            ..p.clone()
        };
        assert_eq!(
            listing.line(),
            "Analysed 3 of 10 files found so far (1.2 MB)",
            "no time while a folder is walked"
        );
        let soon = Progress {
            seconds_left: Some(0.4),
            ..p.clone()
        };
        assert_eq!(soon.line(), "Analysed 3 of 10 files (1.2 MB)");
        let stuck = Progress {
            slow: Some(SlowFile {
                name: "chronology.txt".into(),
                seconds: 7,
            }),
            ..p.clone()
        };
        assert_eq!(
            stuck.line(),
            "Analysed 3 of 10 files (1.2 MB), about 5 s left; still analysing chronology.txt (7 s)"
        );
        let reopening = Progress {
            reopening: true,
            ..p
        };
        assert_eq!(
            reopening.line(),
            "Reopening the corpus kept in this browser: 1.2 of 4.0 MB of text"
        );
        let reading_the_head = Progress {
            bytes_done: 0.0,
            bytes_total: 0.0,
            ..reopening
        };
        assert_eq!(
            reading_the_head.line(),
            "Reopening the corpus kept in this browser: reading the list of its 10 files"
        );
    }

    #[test]
    fn loading_stops_before_the_memory_a_tab_can_address() {
        let gib = 1024.0 * 1024.0 * 1024.0;
        let cases = [
            ("an empty tab, a small file", 64e6, 10e3, true),
            ("an empty tab, a 200 MB file", 64e6, 200e6, true),
            ("nearly full, a small file", 3.4 * gib, 10e3, true),
            ("nearly full, a 20 MB file", 3.4 * gib, 20e6, false),
            ("at the ceiling", MEMORY_CEILING_BYTES, 1.0, false),
        ];
        for (name, memory, file, fits) in cases {
            assert_eq!(fits_in_memory(memory, file), fits, "{name}");
        }
    }
}
