//! Analysis and indexing time grows linearly with the input for every hostile shape: a complexity test, not a timing test.
//!
//! Each shape is analysed at two sizes four times apart within one run, and the
//! time ratio per doubling (the square root of the ratio over two doublings) must
//! stay ≤ 2.5: linear is 2, quadratic 4. Times are the best of three, so that a
//! busy machine slows both sizes rather than one, and a ratio above the limit is
//! measured again (up to three times, the lowest counts). `dossier bench --hostile` prints
//! the same shapes at megabyte sizes.

use std::time::Instant;

use dossier::engine::tooling::hostile::{hostile, SHAPES};
use dossier::engine::{AnalysisOptions, Corpus};

const SMALL: usize = 128 * 1024;
const LARGE: usize = 4 * SMALL;
const MOST_PER_DOUBLING: f64 = 2.5;

fn best_of_three(name: &str, text: &str) -> f64 {
    let options = AnalysisOptions::default();
    (0..3)
        .map(|_| {
            // Analysed and indexed, as a dropped file is: grouping the names is part of the cost.
            let started = Instant::now();
            let mut corpus = Corpus::new();
            corpus.add_file(name, text.as_bytes(), &options);
            std::hint::black_box(&corpus);
            started.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

#[test]
fn every_hostile_shape_costs_time_linear_in_its_size() {
    // Warm the lazily built tables so that the first shape is not charged for them.
    Corpus::new().add_file(
        "warm.txt",
        b"Almaty, Kazakhstan, May 3 2024.",
        &AnalysisOptions::default(),
    );
    let mut failures = Vec::new();
    for &shape in SHAPES {
        let (name, small) = hostile(shape, SMALL).expect(shape);
        let (_, large) = hostile(shape, LARGE).expect(shape);
        let measure = || (best_of_three(&name, &large) / best_of_three(&name, &small)).sqrt();
        // A busy machine can inflate one measurement; a super-linear cost inflates
        // every one (quadratic is 4 per doubling): up to three tries, the lowest counts.
        let mut per_doubling = measure();
        for _ in 0..2 {
            if per_doubling <= MOST_PER_DOUBLING {
                break;
            }
            per_doubling = per_doubling.min(measure());
        }
        eprintln!("{shape}: time ratio per doubling {per_doubling:.2}");
        if per_doubling > MOST_PER_DOUBLING {
            failures.push(format!("{shape}: {per_doubling:.2} per doubling"));
        }
    }
    assert!(failures.is_empty(), "super-linear: {failures:?}");
}
