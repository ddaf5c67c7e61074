//! Training the name-likeness model (`recognize/namelike.rs`) from name lists, not from running text.
//!
//! Examples are the words of the given-name and surname lists, the words of every
//! place name in the gazetteer tables, and the lower-case words of an English word
//! list (Debian's wamerican), each labelled with its list. A word in two lists is
//! an example of both: the model learns that "Jordan" is ambiguous. An averaged
//! perceptron over the hashed n-grams, in a seeded order, so the bytes written are
//! the same on every run.

use super::perceptron::averaged_perceptron;
use crate::engine::recognize::namelike::{
    name_features, NameClass, NameLikeness, NAME_CLASSES, N_NAME_CLASSES,
};
use std::collections::BTreeSet;

/// Passes over the examples.
const EPOCHS: usize = 6;
/// Every `HELD_OUT_EVERY`-th example (in sorted order) is kept out of the
/// measuring run, to report accuracy on words the model did not see.
const HELD_OUT_EVERY: usize = 10;

/// The lists to learn from, as the text of their files.
pub struct NameLists<'a> {
    /// One name per line (`given_names.txt`, `surnames.txt`); `#` lines are comments.
    pub given_names: &'a str,
    pub surnames: &'a str,
    /// More names to learn from, `given\tName` or `surname\tName` per line
    /// (`name_training.tsv`: the name lists of many countries' Faker locales).
    pub more_names: &'a str,
    /// Gazetteer tables (`countries.tsv`, `places.tsv`, `cities.tsv`): the name is
    /// the field `name_field`, alternates `|`-separated in the next one.
    pub place_tables: Vec<(&'a str, usize)>,
    /// One word per line; only lower-case words count (capitalised entries of an
    /// English word list are names themselves).
    pub english_words: &'a str,
}

/// A word and the list it came from, lower-cased.
type Example = (String, usize);

fn class_index(class: NameClass) -> usize {
    NAME_CLASSES.iter().position(|&c| c == class).unwrap_or(0)
}

fn list_words(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Every labelled word, sorted and without repeats.
pub fn examples(lists: &NameLists) -> Vec<Example> {
    let mut set: BTreeSet<Example> = BTreeSet::new();
    let mut add = |word: &str, class: NameClass| {
        let lower = word.to_lowercase();
        if lower.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            set.insert((lower, class_index(class)));
        }
    };
    for name in list_words(lists.given_names) {
        add(name, NameClass::GivenName);
    }
    for name in list_words(lists.surnames) {
        add(name, NameClass::Surname);
    }
    for line in list_words(lists.more_names) {
        match line.split_once('\t') {
            Some(("given", name)) => add(name, NameClass::GivenName),
            Some(("surname", name)) => add(name, NameClass::Surname),
            _ => {}
        }
    }
    for &(table, name_field) in &lists.place_tables {
        for line in list_words(table) {
            let fields: Vec<&str> = line.split('\t').collect();
            let names = fields.get(name_field).into_iter().copied().chain(
                fields
                    .get(name_field + 1)
                    .into_iter()
                    .flat_map(|alternates| alternates.split('|')),
            );
            for word in names.flat_map(str::split_whitespace) {
                if word.chars().next().is_some_and(char::is_uppercase) {
                    add(word, NameClass::Place);
                }
            }
        }
    }
    for word in list_words(lists.english_words) {
        if word.chars().all(|c| c.is_ascii_lowercase()) {
            add(word, NameClass::Word);
        }
    }
    set.into_iter().collect()
}

/// An averaged perceptron over the examples.
pub fn train_name_likeness(examples: &[Example]) -> NameLikeness {
    let featurised: Vec<(Vec<u32>, usize)> = examples
        .iter()
        .map(|(word, class)| {
            let mut features = Vec::new();
            name_features(word, &mut features);
            (features, *class)
        })
        .collect();
    let borrowed: Vec<(&[u32], usize)> = featurised
        .iter()
        .map(|(features, class)| (features.as_slice(), *class))
        .collect();
    let mut model = NameLikeness::zeros();
    averaged_perceptron(
        model.weights_mut(),
        N_NAME_CLASSES,
        &borrowed,
        EPOCHS,
        0x2545_f491_4f6c_dd1d,
    );
    model
}

fn best(scores: &[f32; N_NAME_CLASSES]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// Held-out words counted by their list (row) and the model's best class (column).
pub type Confusion = [[usize; N_NAME_CLASSES]; N_NAME_CLASSES];

/// What training without every `HELD_OUT_EVERY`-th example shows on those.
pub struct HeldOut {
    pub confusion: Confusion,
    /// The softmax temperature that fits the held-out words best (least log loss).
    pub temperature: f32,
    /// Mean log loss (nats per word) at that temperature.
    pub log_loss: f64,
}

/// Trains without every `HELD_OUT_EVERY`-th example and measures on those.
pub fn held_out(examples: &[Example]) -> HeldOut {
    let (held_out, training): (Vec<_>, Vec<_>) = examples
        .iter()
        .enumerate()
        .partition(|(i, _)| i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1);
    let training: Vec<Example> = training.into_iter().map(|(_, e)| e.clone()).collect();
    let mut model = NameLikeness::from_bytes(&train_name_likeness(&training).to_bytes())
        .expect("a model reads its own bytes");
    let mut confusion = [[0; N_NAME_CLASSES]; N_NAME_CLASSES];
    let mut scored = Vec::with_capacity(held_out.len());
    let mut features = Vec::new();
    for (_, (word, class)) in held_out {
        name_features(word, &mut features);
        let scores = model.scores_of(&features);
        confusion[*class][best(&scores)] += 1;
        scored.push((scores, *class));
    }
    // Temperatures on a log grid from 1/16 to 1024 of the score unit.
    let mut fitted = (1.0f32, f64::INFINITY);
    for step in 0..=56 {
        let temperature = 2f32.powf(-4.0 + step as f32 * 0.25);
        model.set_temperature(temperature);
        let loss = scored
            .iter()
            .map(|(scores, class)| -f64::from(model.probabilities(scores)[*class].max(1e-9)).ln())
            .sum::<f64>()
            / scored.len().max(1) as f64;
        if loss < fitted.1 {
            fitted = (temperature, loss);
        }
    }
    HeldOut {
        confusion,
        temperature: fitted.0,
        log_loss: fitted.1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists() -> NameLists<'static> {
        NameLists {
            given_names: "# comment\nAnna\nMaria\nIvan\nOlga\nPavel\nElena\n",
            surnames: "Ivanov\nPetrov\nSidorov\n",
            more_names: "surname\tSmirnov\nsurname\tKuznetsov\nother\tIgnored\n",
            place_tables: vec![("0\tcity\tX\t0\t0\tNorthfield\tNorthburg|Northam\n", 5)],
            english_words: "table\nchair\nwindow\nthe\nCapitalised\ncan't\n",
        }
    }

    #[test]
    fn examples_take_every_list_lower_cased_and_only_lower_case_english_words() {
        let ex = examples(&lists());
        let of = |class: NameClass| {
            ex.iter()
                .filter(|(_, c)| *c == class_index(class))
                .map(|(w, _)| w.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(of(NameClass::Place), ["northam", "northburg", "northfield"]);
        assert_eq!(of(NameClass::Word), ["chair", "table", "the", "window"]);
        assert_eq!(of(NameClass::Surname).len(), 5);
        assert!(of(NameClass::GivenName).contains(&"olga"));
    }

    #[test]
    fn training_is_deterministic_and_learns_the_lists_endings() {
        let ex = examples(&lists());
        let a = train_name_likeness(&ex);
        assert_eq!(a.to_bytes(), train_name_likeness(&ex).to_bytes());
        // An unseen word with a surname's ending, and one with a place's.
        let surname = a.likeness("Volkov");
        assert!(
            surname[1] > surname[2] && surname[1] > surname[3],
            "{surname:?}"
        );
        let place = a.likeness("Northwick");
        assert!(place[2] > place[1], "{place:?}");
    }
}
