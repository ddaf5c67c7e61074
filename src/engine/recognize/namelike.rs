//! How much a single word looks like a given name, a surname, a place or an ordinary English word, from its letters alone.
//!
//! A linear model over hashed character n-grams (1 to 4 letters, with the word's
//! start and end marked), trained by `dossier train-names` (`make train`) on the
//! name lists of `data/generated/` and on Debian's English word list, and stored
//! as quantised bytes (`data/generated/name_likeness.bin`): embedded in the native
//! build, a separate asset of the web app (141 KB gzipped, fetched after first paint
//! with the small-city table and installed before the first analysis; until then the
//! model has no opinion of any word). It lets the rules type
//! a name that no list holds ("Adebisi" looks like a name, "Khanabad" like a
//! place, "Logistics" like a word) instead of defaulting to an organisation.

use std::sync::OnceLock;

/// What a word can look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameClass {
    GivenName,
    Surname,
    Place,
    Word,
}

pub const NAME_CLASSES: [NameClass; 4] = [
    NameClass::GivenName,
    NameClass::Surname,
    NameClass::Place,
    NameClass::Word,
];
pub const N_NAME_CLASSES: usize = NAME_CLASSES.len();

/// Hashed n-gram space: 2^16 buckets per class, 141 KB gzipped. Measured on held-out
/// list words, person-or-not accuracy: 2^14 72.3% / 84.8% (names / others, 44 KB),
/// 2^15 73.1% / 85.8% (84 KB), 2^16 73.5% / 85.9%; on the open corpora 2^16 gained
/// 0.3 points of overlap F1 on wikigold where 2^15 gained none (2^14 typed
/// "Adebisi" as a place, though the lists hold it as a surname).
pub const NAME_FEATURE_BITS: u32 = 16;
const N_BUCKETS: usize = 1 << NAME_FEATURE_BITS;
/// The longest n-gram counted, in letters.
const MAX_GRAM: usize = 4;
/// Longer words are scored on their first letters only (names are short; this
/// bounds the cost of a word built to be long).
const MAX_LETTERS: usize = 40;

const MAGIC: &[u8; 4] = b"DNL2";
#[cfg(not(target_arch = "wasm32"))]
const EMBEDDED: &[u8] = include_bytes!("../../../data/generated/name_likeness.bin");

/// The model supplied at run time (the web app's separate asset).
static INSTALLED: OnceLock<NameLikeness> = OnceLock::new();

/// The hashed n-gram features of a word (lower-cased; letters only count).
pub fn name_features(word: &str, out: &mut Vec<u32>) {
    out.clear();
    for_each_name_feature(word, |f| out.push(f));
}

/// Calls `feature` with each hashed n-gram of the word, without allocating: this
/// runs for every unfamiliar capitalised word.
fn for_each_name_feature(word: &str, mut feature: impl FnMut(u32)) {
    let mut buffer = ['^'; MAX_LETTERS + 2];
    let mut len = 1;
    let mut push = |c: char| {
        if len <= MAX_LETTERS {
            buffer[len] = c;
            len += 1;
        }
    };
    for c in word.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() || c == '\'' || c == '-' {
                push(c.to_ascii_lowercase());
            }
        } else if c.is_alphabetic() {
            c.to_lowercase().for_each(&mut push);
        }
    }
    buffer[len] = '$';
    let letters = &buffer[..=len];
    for n in 1..=MAX_GRAM {
        for gram in letters.windows(n) {
            if n == 1 && (gram[0] == '^' || gram[0] == '$') {
                continue;
            }
            // FNV-1a over the n-gram's characters.
            let mut hash: u32 = 0x811c_9dc5;
            for &c in gram {
                hash ^= c as u32;
                hash = hash.wrapping_mul(0x0100_0193);
            }
            feature(hash >> (32 - NAME_FEATURE_BITS));
        }
    }
}

/// The model: one weight per class per bucket.
#[derive(Clone, Debug, PartialEq)]
pub struct NameLikeness {
    /// `weights[bucket * N_NAME_CLASSES + class]`.
    weights: Vec<f32>,
    /// Scores are divided by this before the softmax, so that the probabilities
    /// are calibrated (fitted on held-out words by the trainer).
    temperature: f32,
}

impl NameLikeness {
    pub fn zeros() -> NameLikeness {
        NameLikeness {
            weights: vec![0.0; N_BUCKETS * N_NAME_CLASSES],
            temperature: 1.0,
        }
    }

    pub fn weights(&self) -> &[f32] {
        &self.weights
    }

    pub fn weights_mut(&mut self) -> &mut [f32] {
        &mut self.weights
    }

    pub fn set_temperature(&mut self, temperature: f32) {
        self.temperature = temperature;
    }

    /// The class scores of hashed features.
    pub fn scores_of(&self, features: &[u32]) -> [f32; N_NAME_CLASSES] {
        let mut scores = [0.0f32; N_NAME_CLASSES];
        for &f in features {
            self.add_row(f, &mut scores);
        }
        scores
    }

    /// The class scores of a word, normalised into probabilities (softmax).
    pub fn likeness(&self, word: &str) -> [f32; N_NAME_CLASSES] {
        let mut scores = [0.0f32; N_NAME_CLASSES];
        for_each_name_feature(word, |f| self.add_row(f, &mut scores));
        self.probabilities(&scores)
    }

    fn add_row(&self, feature: u32, scores: &mut [f32; N_NAME_CLASSES]) {
        let row = &self.weights[feature as usize * N_NAME_CLASSES..][..N_NAME_CLASSES];
        for (s, w) in scores.iter_mut().zip(row) {
            *s += w;
        }
    }

    /// Softmax of scores at the model's temperature.
    pub fn probabilities(&self, scores: &[f32; N_NAME_CLASSES]) -> [f32; N_NAME_CLASSES] {
        let top = scores.iter().copied().fold(f32::MIN, f32::max);
        let exp = scores.map(|s| ((s - top) / self.temperature).exp());
        let sum: f32 = exp.iter().sum();
        exp.map(|e| e / sum)
    }

    /// How much more the word looks like a personal name than like a place or a
    /// word: P(given) + P(surname) − P(place) − P(word), in −1..=1.
    pub fn person_margin(&self, word: &str) -> f32 {
        let [given, surname, place, common] = self.likeness(word);
        given + surname - place - common
    }

    /// P(place) of the word.
    pub fn place_likeness(&self, word: &str) -> f32 {
        self.likeness(word)[2]
    }

    /// The bytes embedded in the engine: magic, scale, temperature, then one signed
    /// byte per weight.
    pub fn to_bytes(&self) -> Vec<u8> {
        let largest = self.weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 { largest / 127.0 } else { 1.0 };
        let mut out = Vec::with_capacity(8 + self.weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&self.temperature.to_le_bytes());
        out.extend(
            self.weights
                .iter()
                .map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8 as u8),
        );
        out
    }

    /// Reads [`NameLikeness::to_bytes`]; `None` if the bytes are not such a model.
    pub fn from_bytes(bytes: &[u8]) -> Option<NameLikeness> {
        let body = bytes.strip_prefix(MAGIC)?;
        let (scale, body) = body.split_first_chunk::<4>()?;
        let (temperature, weights) = body.split_first_chunk::<4>()?;
        let temperature = f32::from_le_bytes(*temperature);
        let usable_temperature = temperature.is_finite() && temperature > 0.0;
        if weights.len() != N_BUCKETS * N_NAME_CLASSES || !usable_temperature {
            return None;
        }
        let scale = f32::from_le_bytes(*scale);
        Some(NameLikeness {
            weights: weights
                .iter()
                .map(|&b| f32::from(b as i8) * scale)
                .collect(),
            temperature,
        })
    }
}

/// Supplies the model's bytes (`name_likeness.bin`); returns whether they were a
/// model and it was not supplied already.
pub fn install_name_likeness(bytes: &[u8]) -> bool {
    NameLikeness::from_bytes(bytes).is_some_and(|model| INSTALLED.set(model).is_ok())
}

/// The model: the one installed, else (natively) the embedded one, else one with no
/// opinion (all weights zero) until the web app installs its asset.
pub fn name_likeness() -> &'static NameLikeness {
    #[cfg(not(target_arch = "wasm32"))]
    if INSTALLED.get().is_none() {
        let embedded = NameLikeness::from_bytes(EMBEDDED)
            .expect("data/generated/name_likeness.bin is a model");
        let _ = INSTALLED.set(embedded);
    }
    INSTALLED.get().unwrap_or_else(|| {
        static NO_OPINION: OnceLock<NameLikeness> = OnceLock::new();
        NO_OPINION.get_or_init(NameLikeness::zeros)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words in none of the lists the model was trained on (checked when the table
    /// was written): what the model says of them comes from their letters alone.
    #[test]
    fn unseen_words_look_like_what_they_are() {
        #[rustfmt::skip]
        let cases: &[(&str, &str, NameClass)] = &[
            ("an Indonesian given name", "Sutrisno", NameClass::GivenName),
            ("a Ukrainian surname", "Vasylenko", NameClass::GivenName),
            ("a Polish surname", "Sczaniecki", NameClass::Surname),
            ("a Ukrainian village", "Novopavlivka", NameClass::Place),
            ("a Crimean town", "Dzhankoi", NameClass::Place),
            ("a -ka village", "Chernivka", NameClass::Place),
            ("an industry word", "Biotherapeutics", NameClass::Word),
            ("a business word", "Reinsurance", NameClass::Word),
        ];
        let model = name_likeness();
        for (case, word, expected) in cases {
            let p = model.likeness(word);
            let best = NAME_CLASSES[(0..N_NAME_CLASSES)
                .max_by(|&a, &b| p[a].total_cmp(&p[b]))
                .unwrap()];
            // Given names and surnames are one "person" answer for the recogniser.
            let person = |c: NameClass| matches!(c, NameClass::GivenName | NameClass::Surname);
            assert!(
                best == *expected || person(best) && person(*expected),
                "{case}: {word} looks like {best:?} ({p:?})"
            );
            let margin = model.person_margin(word);
            assert_eq!(margin > 0.0, person(*expected), "{case}: margin {margin}");
        }
    }

    #[test]
    fn probabilities_sum_to_one_whatever_the_word() {
        let model = name_likeness();
        for word in [
            "",
            "-",
            "a",
            "Ω",
            "x".repeat(10_000).as_str(),
            "O'Neill-Smith",
        ] {
            let p = model.likeness(word);
            let sum: f32 = p.iter().sum();
            assert!((sum - 1.0).abs() < 1e-4, "{word:?}: {p:?}");
        }
    }

    #[test]
    fn the_bytes_round_trip_and_bad_bytes_are_refused() {
        let model = name_likeness();
        let again = NameLikeness::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(again.likeness("Sutrisno"), model.likeness("Sutrisno"));
        assert!(NameLikeness::from_bytes(b"DNL2").is_none());
        assert!(NameLikeness::from_bytes(&EMBEDDED[..EMBEDDED.len() - 1]).is_none());
        assert!(NameLikeness::from_bytes(b"XXXX\0\0\0\0\0\0\0\0").is_none());
    }

    #[test]
    fn features_are_bounded_for_long_words() {
        let mut features = Vec::new();
        name_features(&"a".repeat(100_000), &mut features);
        // 1- to 4-grams over at most MAX_LETTERS letters and two marks.
        assert!(
            features.len() <= 4 * (MAX_LETTERS + 2),
            "{}",
            features.len()
        );
        assert!(features.iter().all(|&f| (f as usize) < N_BUCKETS));
    }
}
