//! The sample corpus shipped with the app, for "Try the sample".

use crate::engine::{AnalysisOptions, Corpus};

/// Adds every sample article to `corpus`, analysed with `options`.
pub fn add_sample(corpus: &mut Corpus, options: &AnalysisOptions) {
    for (name, text) in SAMPLE_FILES {
        corpus.add_file(name, text.as_bytes(), options);
    }
}

/// (file name, text) of each sample article, embedded at build time.
pub const SAMPLE_FILES: &[(&str, &str)] = &[
    (
        "01-harbor-deal.txt",
        include_str!("../../../data/sample-corpus/01-harbor-deal.txt"),
    ),
    (
        "02-drought-kenya.txt",
        include_str!("../../../data/sample-corpus/02-drought-kenya.txt"),
    ),
    (
        "03-chip-plant.txt",
        include_str!("../../../data/sample-corpus/03-chip-plant.txt"),
    ),
    (
        "04-alpine-rescue.txt",
        include_str!("../../../data/sample-corpus/04-alpine-rescue.txt"),
    ),
    (
        "05-election-chile.txt",
        include_str!("../../../data/sample-corpus/05-election-chile.txt"),
    ),
    (
        "06-flood-pakistan.txt",
        include_str!("../../../data/sample-corpus/06-flood-pakistan.txt"),
    ),
    (
        "07-satellite-launch.txt",
        include_str!("../../../data/sample-corpus/07-satellite-launch.txt"),
    ),
    (
        "08-museum-return.txt",
        include_str!("../../../data/sample-corpus/08-museum-return.txt"),
    ),
    (
        "09-rail-strike.txt",
        include_str!("../../../data/sample-corpus/09-rail-strike.txt"),
    ),
    (
        "10-trade-talks.txt",
        include_str!("../../../data/sample-corpus/10-trade-talks.txt"),
    ),
];
