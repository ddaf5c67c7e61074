//! Near-duplicate documents: a MinHash signature of each text's word shingles, and groups of documents whose signatures say they share most of their text (a wire story republished with edits, a press release sent twice).
//!
//! Each text becomes the set of its overlapping [`SHINGLE_WORDS`]-word sequences
//! (lower-cased words). Each shingle is hashed once; the hash picks one of
//! [`N_HASHES`] bins, which keeps its smallest value (one-permutation MinHash, empty
//! bins filled from their neighbours), and the fraction of equal bins between two
//! signatures estimates the Jaccard similarity of their sets. Candidate pairs come
//! from locality-sensitive hashing (signatures cut into [`N_BANDS`] bands: two
//! documents are compared only if one band is equal), so grouping costs the number
//! of documents, not its square, and [`Grouper`] groups each document as it is
//! indexed. Each group has a leader, its first document, and every other member
//! is at least the threshold similar to the leader.

use rustc_hash::FxHashMap as HashMap;

/// Words per shingle. Measured on edited copies against distinct stories
/// (`dossier near-duplicates`, at the best threshold of each, with a hash per bin;
/// one-permutation hashing measures 99.8 / 96.2 at 3 words): 3 words 99.7 %
/// precision and 95.1 % recall at 0.4, 4 words 99.5 / 89.3, 5 words 99.8 / 83.0 at
/// 0.4 (a changed word breaks as many shingles as it has words).
pub const SHINGLE_WORDS: usize = 3;
/// Hash functions per signature.
pub const N_HASHES: usize = 64;
/// Bands for the candidate search, of `N_HASHES / N_BANDS` values each: a pair with
/// Jaccard 0.4 shares a band with probability 1 - (1 - 0.4^2)^32 = 0.996, so the
/// search finds nearly every pair the threshold accepts.
pub const N_BANDS: usize = 32;
const ROWS: usize = N_HASHES / N_BANDS;
/// The estimated Jaccard similarity from which two documents are near-duplicates
/// (chosen on edited copies against distinct stories: `dossier near-duplicates`).
pub const THRESHOLD: f32 = 0.4;

/// Words a text needs to be grouped at all. Short notes written from a template
/// ("X spoke in Almaty on May 3 about item 12") share most of their shingles
/// while saying different things: below this length an edited copy cannot be
/// told from a sibling.
pub const MIN_WORDS: usize = 25;

/// A document's MinHash signature; empty for a text of fewer than [`MIN_WORDS`]
/// words (too short to tell).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Signature(Vec<u32>);

impl Signature {
    /// The signature of a text.
    pub fn of(text: &str) -> Signature {
        let words = word_hashes(text);
        if words.len() < MIN_WORDS {
            return Signature(Vec::new());
        }
        // One-permutation MinHash: each shingle is hashed once; the hash's top bits
        // choose one of the signature's bins and the rest compete for that bin's
        // minimum. A shingle costs one hash instead of one per bin (64 times less
        // work than a hash per bin, at the same precision and recall).
        let mut minimum = vec![u32::MAX; N_HASHES];
        for window in words.windows(SHINGLE_WORDS) {
            let shingle = mix(window
                .iter()
                .fold(0xcbf2_9ce4_8422_2325u64, |h, &w| mix(h ^ w)));
            let bin = (shingle >> (64 - BIN_BITS)) as usize;
            let value = shingle as u32;
            if value < minimum[bin] {
                minimum[bin] = value;
            }
        }
        densify(&mut minimum);
        Signature(minimum)
    }

    /// The estimated Jaccard similarity of the two texts' shingle sets (0 when
    /// either is too short).
    pub fn similarity(&self, other: &Signature) -> f32 {
        if self.0.is_empty() || other.0.is_empty() {
            return 0.0;
        }
        let equal = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        equal as f32 / N_HASHES as f32
    }
}

/// Bits of a shingle's hash that choose its bin (`2^BIN_BITS == N_HASHES`).
const BIN_BITS: u32 = N_HASHES.trailing_zeros();

/// Fills the bins no shingle fell into from the nearest filled bin to their right
/// (circularly), salted by the distance, so that two texts' empty bins agree
/// exactly when their neighbouring filled bins do (rotation densification).
fn densify(bins: &mut [u32]) {
    let n = bins.len();
    let Some(filled) = bins.iter().position(|&v| v != u32::MAX) else {
        return;
    };
    // Walk right to left from a filled bin so each empty bin sees its right neighbour.
    let mut nearest = (bins[filled], 0u64);
    for step in 1..=n {
        let j = (filled + n - step) % n;
        if bins[j] == u32::MAX {
            nearest.1 += 1;
            bins[j] =
                (mix(u64::from(nearest.0) ^ SALTS[nearest.1 as usize % N_HASHES]) >> 32) as u32;
        } else {
            nearest = (bins[j], 0);
        }
    }
}

/// The hash of each word (a run of alphanumeric characters), case folded: each
/// character lower-cased and mixed in. One pass over the text, ASCII without decoding
/// (splitting into words and hashing each took a sixth of analysing a document).
fn word_hashes(text: &str) -> Vec<u64> {
    const START: u64 = 0x8422_2325_cbf2_9ce4;
    let mut words = Vec::with_capacity(text.len() / 6);
    let mut hash = START;
    let mut in_word = false;
    let add = |c: char, hash: &mut u64| *hash = mix(*hash ^ u64::from(u32::from(c)));
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                add(c.to_ascii_lowercase(), &mut hash);
                in_word = true;
                continue;
            }
        } else if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                add(lower, &mut hash);
            }
            in_word = true;
            continue;
        }
        if in_word {
            words.push(hash);
            hash = START;
            in_word = false;
        }
    }
    if in_word {
        words.push(hash);
    }
    words
}

/// A 64-bit mixer (the finaliser of SplitMix64): every input bit moves every output bit.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// One salt per hash function, fixed so that signatures are the same on every machine.
const SALTS: [u64; N_HASHES] = {
    let mut salts = [0u64; N_HASHES];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut k = 0;
    while k < N_HASHES {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        salts[k] = state;
        k += 1;
    }
    salts
};

/// For each document, the first document of its group (itself when it has no
/// near-duplicate): [`Grouper`] over all of them, in order.
pub fn groups(signatures: &[Signature], threshold: f32) -> Vec<usize> {
    let mut grouper = Grouper::new(threshold);
    signatures
        .iter()
        .map(|s| grouper.add(s, signatures))
        .collect()
}

/// Groups documents as they arrive, so that a growing corpus never groups again.
///
/// A document joins the group of the first earlier document that leads a group
/// and is at least `threshold` similar to it; groups are not chained through
/// their members, so documents that share boilerplate with their neighbours do
/// not gather into one group by steps of 40 %.
#[derive(Clone, Debug)]
pub struct Grouper {
    threshold: f32,
    /// Leaders by band value.
    leaders: HashMap<(u8, u64), Vec<usize>>,
    n_documents: usize,
}

impl Default for Grouper {
    /// Grouping at [`THRESHOLD`].
    fn default() -> Grouper {
        Grouper::new(THRESHOLD)
    }
}

impl Grouper {
    pub fn new(threshold: f32) -> Grouper {
        Grouper {
            threshold,
            leaders: HashMap::default(),
            n_documents: 0,
        }
    }

    /// Groups the next document, whose signature is `signature`; `signatures` holds
    /// those of the documents added before (indexed by document). Returns the
    /// document that leads its group.
    pub fn add(&mut self, signature: &Signature, signatures: &[Signature]) -> usize {
        let doc = self.n_documents;
        self.n_documents += 1;
        if signature.0.is_empty() {
            return doc;
        }
        let keys: Vec<(u8, u64)> = signature
            .0
            .chunks(ROWS)
            .enumerate()
            .map(|(band, values)| {
                let key = values.iter().fold(0u64, |h, &v| mix(h ^ u64::from(v)));
                (band as u8, key)
            })
            .collect();
        let leader = keys.iter().find_map(|key| {
            self.leaders.get(key)?.iter().copied().find(|&leader| {
                signatures
                    .get(leader)
                    .is_some_and(|s| signature.similarity(s) >= self.threshold)
            })
        });
        if let Some(leader) = leader {
            return leader;
        }
        for key in keys {
            let bucket = self.leaders.entry(key).or_default();
            // A band value shared by many leaders (boilerplate) stops taking
            // more: a document is compared with a bounded number of leaders.
            if bucket.len() < MAX_LEADERS_PER_BUCKET {
                bucket.push(doc);
            }
        }
        doc
    }
}

/// How many leaders one band value keeps (bounds the cost of a document to
/// `N_BANDS` times this many comparisons).
const MAX_LEADERS_PER_BUCKET: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The words' hashes as first written: split, then each word folded.
    fn reference_word_hashes(text: &str) -> Vec<u64> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|word| {
                word.chars()
                    .flat_map(char::to_lowercase)
                    .fold(0x8422_2325_cbf2_9ce4u64, |h, c| {
                        mix(h ^ u64::from(u32::from(c)))
                    })
            })
            .collect()
    }

    proptest! {
        // Signatures are kept with a corpus: the one-pass hashing must give exactly
        // what the first one gave, for any text (İ lower-cases to two characters).
        #[test]
        fn word_hashes_are_those_of_split_words(text in "(\\PC|[İßΣ1-9 .,-]){0,80}") {
            prop_assert_eq!(word_hashes(&text), reference_word_hashes(&text));
        }
    }

    #[test]
    fn word_hashes_of_named_cases() {
        for (name, text) in [
            ("empty", ""),
            ("punctuation only", " ,.;-- "),
            ("ascii", "Ararat Mirzoyan met Jeyhun Bayramov, 10-11 May."),
            ("accents and capitals", "ÉCOLE Über İstanbul straße ΣΟΦΙΑ"),
            ("digits in words", "Q3 2024's A320neo"),
            ("cjk and marks", "東京 café\u{301} x\u{200d}y"),
        ] {
            assert_eq!(word_hashes(text), reference_word_hashes(text), "{name}");
        }
    }

    const STORY: &str = "Armenian Foreign Minister Ararat Mirzoyan and his Azerbaijani \
        counterpart Jeyhun Bayramov held two days of talks in Almaty on Friday and \
        Saturday, hosted by Kazakh Foreign Minister Murat Nurtleu. The ministers \
        discussed the text of a peace treaty and the delimitation of the border, \
        according to statements released after the meeting. Both sides said progress \
        had been made but that differences remained on several articles.";

    #[test]
    fn edited_copies_are_similar_and_other_stories_are_not() {
        let other = "Shares of Acme Robotics rose 4 percent on Monday after the company \
            reported quarterly profit above forecasts and raised its outlook for the \
            year, citing strong demand for warehouse machines in Europe and Asia.";
        // (name, text, whether it is a near-duplicate of STORY)
        let cases: &[(&str, String, bool)] = &[
            ("the same text", STORY.to_string(), true),
            ("case and punctuation", STORY.to_uppercase().replace(',', ""), true),
            (
                "a sentence dropped",
                STORY.replace(
                    "Both sides said progress had been made but that differences remained on several articles.",
                    "",
                ),
                true,
            ),
            (
                "a sentence added",
                format!("{STORY} Talks will resume next month in Geneva, officials said."),
                true,
            ),
            ("another story", other.to_string(), false),
            ("too short to tell", "Talks in Almaty.".to_string(), false),
        ];
        let story = Signature::of(STORY);
        for (name, text, expected) in cases {
            let similarity = story.similarity(&Signature::of(text));
            assert_eq!(similarity >= THRESHOLD, *expected, "{name}: {similarity}");
        }
    }

    #[test]
    fn groups_gather_copies_around_their_first_document() {
        let other = "Shares of Acme Robotics rose 4 percent on Monday after the company \
            reported quarterly profit above forecasts and raised its outlook.";
        let texts = [
            STORY.to_string(),
            other.to_string(),
            format!("{STORY} Talks will resume next month in Geneva."),
            "Short.".to_string(),
            STORY.replace("Friday and Saturday", "Thursday and Friday"),
        ];
        let signatures: Vec<Signature> = texts.iter().map(|t| Signature::of(t)).collect();
        assert_eq!(groups(&signatures, THRESHOLD), [0, 1, 0, 3, 0]);
        assert_eq!(groups(&[], THRESHOLD), Vec::<usize>::new());
    }

    #[test]
    fn short_notes_from_one_template_are_not_grouped() {
        let note =
            |k: usize| format!("Anna Petrova spoke in Almaty on May {k}, 2024 about item {k}.");
        let signatures: Vec<Signature> = (1..6).map(|k| Signature::of(&note(k))).collect();
        assert_eq!(groups(&signatures, THRESHOLD), [0, 1, 2, 3, 4]);
    }

    #[test]
    fn many_identical_documents_cost_a_bounded_number_of_comparisons() {
        let signatures = vec![Signature::of(STORY); 5_000];
        let group = groups(&signatures, THRESHOLD);
        assert!(group.iter().all(|&g| g == 0));
    }

    #[test]
    fn documents_sharing_boilerplate_with_their_neighbours_do_not_chain() {
        // Each text shares half its sentences with the next: a chain of pairs at
        // about 0.5, but the first and the last share nothing.
        let sentence = |k: usize| {
            format!("Statement number {k} was read aloud by clerk {k} before noon today. ")
        };
        let texts: Vec<String> = (0..6)
            .map(|k| (2 * k..2 * k + 4).map(sentence).collect())
            .collect();
        let signatures: Vec<Signature> = texts.iter().map(|t| Signature::of(t)).collect();
        let group = groups(&signatures, THRESHOLD);
        let first_group = group.iter().filter(|&&g| g == 0).count();
        assert!(first_group <= 2, "{group:?}");
    }
}
