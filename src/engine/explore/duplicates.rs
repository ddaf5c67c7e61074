//! Near-duplicates in the views: one document of each group listed, counts that take a group once, and what differs between two versions.

use rustc_hash::FxHashMap as HashMap;
use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::engine::explore::docset::DocSet;
use crate::engine::index::corpus::Corpus;

/// A listed document and how many near-duplicates of it the list leaves out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Listed {
    pub document: usize,
    pub n_similar: usize,
}

/// The first document of each group of near-duplicates in `list` (in its order),
/// with the number of the group's other documents in `list`.
pub fn one_per_group(corpus: &Corpus, list: &[usize]) -> Vec<Listed> {
    let mut position_of_leader: HashMap<usize, usize> = HashMap::default();
    let mut listed: Vec<Listed> = Vec::new();
    for &document in list {
        let leader = corpus.group_leader(document);
        match position_of_leader.get(&leader) {
            Some(&p) => listed[p].n_similar += 1,
            None => {
                position_of_leader.insert(leader, listed.len());
                listed.push(Listed {
                    document,
                    n_similar: 0,
                });
            }
        }
    }
    listed
}

/// The documents of `set` with each group of near-duplicates kept once (its
/// first document in the set), so that counts over it take a republished story once.
/// `group_leaders` is [`Corpus::group_leaders`].
pub fn once_per_group(group_leaders: &[usize], set: &DocSet) -> DocSet {
    let mut seen_leaders = DocSet::none(set.n_documents());
    let mut kept = DocSet::none(set.n_documents());
    for d in set.iter() {
        let leader = group_leaders.get(d).copied().unwrap_or(d);
        if !seen_leaders.contains(leader) {
            seen_leaders.insert(leader);
            kept.insert(d);
        }
    }
    kept
}

/// A piece of a comparison of two texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// In both texts.
    Same(String),
    /// Only in the first.
    Removed(String),
    /// Only in the second.
    Added(String),
}

/// Tokens (words, spaces, punctuation) on each side of a changed run of lines
/// beyond which the run is shown removed and added whole rather than word by word:
/// a word diff costs up to the square of its length, so each one is kept small
/// and the whole comparison linear in the texts.
const MAX_REFINED_TOKENS: usize = 2_000;

/// What differs between two versions of a text: lines first, then word by word
/// within the lines that changed (whitespace and punctuation kept with the pieces).
/// Myers' algorithm with similar's bounded search: on texts that share little it
/// may report more than the fewest changes, but its work stays bounded.
pub fn compare(old: &str, new: &str) -> Vec<Change> {
    let (old_lines, new_lines) = (lines(old), lines(new));
    let mut changes = Pieces::default();
    for op in capture_diff_slices(Algorithm::Myers, &old_lines, &new_lines) {
        let (old_run, new_run) = match op {
            DiffOp::Equal { old_index, len, .. } => {
                changes.push(Change::Same(old_lines[old_index..old_index + len].concat()));
                continue;
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => (
                old_lines[old_index..old_index + old_len].concat(),
                String::new(),
            ),
            DiffOp::Insert {
                new_index, new_len, ..
            } => (
                String::new(),
                new_lines[new_index..new_index + new_len].concat(),
            ),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                old_lines[old_index..old_index + old_len].concat(),
                new_lines[new_index..new_index + new_len].concat(),
            ),
        };
        compare_words(&old_run, &new_run, &mut changes);
    }
    changes.0
}

/// The changes between two runs of lines, word by word when both are short enough.
fn compare_words(old: &str, new: &str, changes: &mut Pieces) {
    let (old_words, new_words) = (words(old), words(new));
    if old_words.len().max(new_words.len()) > MAX_REFINED_TOKENS {
        changes.push(Change::Removed(old.to_string()));
        changes.push(Change::Added(new.to_string()));
        return;
    }
    let joined = |words: &[&str]| words.concat();
    for op in capture_diff_slices(Algorithm::Myers, &old_words, &new_words) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                changes.push(Change::Same(joined(&old_words[old_index..old_index + len])));
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => changes.push(Change::Removed(joined(
                &old_words[old_index..old_index + old_len],
            ))),
            DiffOp::Insert {
                new_index, new_len, ..
            } => changes.push(Change::Added(joined(
                &new_words[new_index..new_index + new_len],
            ))),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                changes.push(Change::Removed(joined(
                    &old_words[old_index..old_index + old_len],
                )));
                changes.push(Change::Added(joined(
                    &new_words[new_index..new_index + new_len],
                )));
            }
        }
    }
}

/// Changes in order, neighbouring pieces of one kind joined and empty ones dropped.
#[derive(Default)]
struct Pieces(Vec<Change>);

impl Pieces {
    fn push(&mut self, change: Change) {
        match (self.0.last_mut(), change) {
            (_, Change::Same(t) | Change::Removed(t) | Change::Added(t)) if t.is_empty() => {}
            (Some(Change::Same(a)), Change::Same(b))
            | (Some(Change::Removed(a)), Change::Removed(b))
            | (Some(Change::Added(a)), Change::Added(b)) => a.push_str(&b),
            (_, change) => self.0.push(change),
        }
    }
}

/// The text cut into lines, each with its line break.
fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// The text cut into runs of letters and digits, runs of whitespace and single
/// other characters, so that a change of punctuation leaves its words equal and
/// the pieces put back together are the text.
fn words(text: &str) -> Vec<&str> {
    #[derive(PartialEq)]
    enum Kind {
        Word,
        Space,
        Other,
    }
    let kind = |c: char| match c {
        c if c.is_alphanumeric() => Kind::Word,
        c if c.is_whitespace() => Kind::Space,
        _ => Kind::Other,
    };
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous: Option<Kind> = None;
    for (i, c) in text.char_indices() {
        let k = kind(c);
        let continues = previous.as_ref() == Some(&k) && k != Kind::Other;
        if i > start && !continues {
            pieces.push(&text[start..i]);
            start = i;
        }
        previous = Some(k);
    }
    if start < text.len() {
        pieces.push(&text[start..]);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Document;

    fn corpus(texts: &[&str]) -> Corpus {
        let mut corpus = Corpus::new();
        for (part, text) in texts.iter().enumerate() {
            corpus.add_document(Document {
                source: "wire.txt".into(),
                part,
                title: format!("story {part}"),
                text: text.to_string(),
                date: None,
                entities: Vec::new(),
                dates: Vec::new(),
            });
        }
        corpus
    }

    const STORY: &str = "Armenian Foreign Minister Ararat Mirzoyan and his Azerbaijani \
        counterpart Jeyhun Bayramov held two days of talks in Almaty on Friday and Saturday, \
        hosted by Kazakh Foreign Minister Murat Nurtleu, and said progress had been made.";
    const OTHER: &str = "Shares of Acme Robotics rose 4 percent on Monday after the company \
        reported quarterly profit above forecasts and raised its outlook for the year.";

    /// A list and the (document, similar) pairs listed from it, named.
    type ListingCase = (&'static str, &'static [usize], &'static [(usize, usize)]);
    /// Two texts and the pieces of their comparison ('=' same, '-' removed, '+' added), named.
    type ComparisonCase = (
        &'static str,
        (&'static str, &'static str),
        &'static [(char, &'static str)],
    );

    #[test]
    fn a_group_is_listed_once_and_counted_once() {
        let edited = STORY.replace("Friday and Saturday", "Thursday and Friday");
        let c = corpus(&[OTHER, STORY, &edited, STORY]);
        // (name, list, expected (document, similar) pairs)
        let cases: &[ListingCase] = &[
            ("every document", &[0, 1, 2, 3], &[(0, 0), (1, 2)]),
            (
                "the list's order decides which shows",
                &[3, 0, 2],
                &[(3, 1), (0, 0)],
            ),
            ("a member alone", &[2], &[(2, 0)]),
            ("nothing", &[], &[]),
        ];
        for (name, list, expected) in cases {
            let listed: Vec<(usize, usize)> = one_per_group(&c, list)
                .into_iter()
                .map(|l| (l.document, l.n_similar))
                .collect();
            assert_eq!(listed, *expected, "{name}");
        }
        let once = once_per_group(c.group_leaders(), &DocSet::of(4, &[0, 2, 3]));
        assert_eq!(once.iter().collect::<Vec<_>>(), [0, 2]);
        assert_eq!(c.near_duplicates(3), [1, 2, 3]);
        assert_eq!(c.near_duplicates(0), [0]);
    }

    #[test]
    fn a_comparison_marks_what_each_version_alone_has() {
        // (name, old, new, expected pieces: '=' same, '-' removed, '+' added)
        let cases: &[ComparisonCase] = &[
            (
                "identical",
                ("Talks in Almaty.", "Talks in Almaty."),
                &[('=', "Talks in Almaty.")],
            ),
            (
                "a word replaced",
                ("Talks on Friday in Almaty.", "Talks on Monday in Almaty."),
                &[
                    ('=', "Talks on "),
                    ('-', "Friday"),
                    ('+', "Monday"),
                    ('=', " in Almaty."),
                ],
            ),
            (
                "a sentence added",
                ("Talks ended.", "Talks ended. They resume in May."),
                &[('=', "Talks ended."), ('+', " They resume in May.")],
            ),
            ("from nothing", ("", "New text"), &[('+', "New text")]),
            ("to nothing", ("Old", ""), &[('-', "Old")]),
        ];
        for (name, (old, new), expected) in cases {
            let got: Vec<(char, String)> = compare(old, new)
                .into_iter()
                .map(|c| match c {
                    Change::Same(t) => ('=', t),
                    Change::Removed(t) => ('-', t),
                    Change::Added(t) => ('+', t),
                })
                .collect();
            let expected: Vec<(char, String)> =
                expected.iter().map(|(k, t)| (*k, t.to_string())).collect();
            assert_eq!(got, expected, "{name}");
        }
    }

    #[test]
    fn the_pieces_put_together_are_the_text() {
        let text = "  Mr. O'Neil—said: «no»,\n\n 2024-05-10 … ok ";
        assert_eq!(words(text).concat(), text);
    }
}
