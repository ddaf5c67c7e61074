//! Lines the rules read apart from running text: Title Case headlines, lines in capitals, bylines and credits, results lines.

use super::shape::starts_upper;
use crate::engine::recognize::token::{Token, TokenKind};
use crate::engine::recognize::words::*;

/// Marks tokens on lines that read as Title Case headlines: at least three
/// words, no sentence-final period, and no lower-case word but short function words.
pub(super) fn headline_flags(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut flags = vec![false; tokens.len()];
    let mut line_first = 0;
    for i in 0..=tokens.len() {
        if i == tokens.len() || (tokens[i].line_start && i > line_first) {
            let line = &tokens[line_first..i];
            let ends_with_stop = line
                .last()
                .is_some_and(|t| matches!(t.text(text), "." | "!" | "?" | ":"));
            // Cheap tests first: most body lines end with a period.
            let is_headline = !ends_with_stop
                && !reads_as_results_line(text, line)
                && !reads_as_credit_line(text, line)
                && {
                    let mut words = line
                        .iter()
                        .filter(|t| t.kind == TokenKind::Word)
                        .map(|t| t.text(text));
                    let (mut n_words, mut n_upper) = (0, 0);
                    let all_known = words.all(|w| {
                        n_words += 1;
                        if starts_upper(w) {
                            n_upper += 1;
                            true
                        } else {
                            // "s" of a possessive ("Chile's Runoff …") is no content word.
                            is_function_word(w) || is_name_particle(w) || w == "s"
                        }
                    });
                    all_known && n_words >= 3 && n_upper >= 3
                };
            for f in &mut flags[line_first..i] {
                *f = is_headline;
            }
            line_first = i;
        }
    }
    flags
}

/// "By Nia Tamba", "(Reporting by Tatiana Ustinova; Editing by Alison Williams)": a
/// byline or a wire story's credits, whose capitalised words are people's names, not
/// a headline's words.
fn reads_as_credit_line(text: &str, line: &[Token]) -> bool {
    let mut words = line
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text));
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    // "By The Numbers" is a heading.
    first.eq_ignore_ascii_case("by") && !is_function_word(second)
        || second == "by" && is_credit_word(first)
}

/// "Hapoel Haifa 3 Maccabi Tel Aviv 1": a line ending with a goal count, with one
/// more inside, is a match result written in Title Case, not a headline; so is a
/// line opening with a rank or a score ("3. Mika Hakkinen (Finland) McLaren
/// 1:28:30", "65 Tiger Woods, Jeff Maggert").
fn reads_as_results_line(text: &str, line: &[Token]) -> bool {
    let goals = |t: &Token| t.kind == TokenKind::Number && t.text(text).len() <= 2;
    let opens_with_number = line.first().is_some_and(|t| t.kind == TokenKind::Number);
    let two_goal_counts = line.last().is_some_and(goals)
        && line.first().is_some_and(|t| t.kind == TokenKind::Word)
        && line.iter().filter(|t| goals(t)).count() == 2;
    opens_with_number || two_goal_counts
}

/// Marks tokens on lines written in capitals (headings, slugs, cables, filings): at
/// least three words with letters, four in five of them without a lower-case letter,
/// or a line of one or two words, all in capitals ("SOCCER").
pub(super) fn capitals_line_flags(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut flags = vec![false; tokens.len()];
    let mut line_first = 0;
    while line_first < tokens.len() {
        let line_end = (line_first + 1..tokens.len())
            .find(|&i| tokens[i].line_start)
            .unwrap_or(tokens.len());
        if line_in_capitals(text, &tokens[line_first..line_end]) {
            flags[line_first..line_end].fill(true);
        }
        line_first = line_end;
    }
    flags
}

/// Four words in five of the line are in capitals (of three words or more), or
/// the line is one or two words, both in capitals. A line of running text is
/// given up as soon as its other words outnumber what capitals could still come.
fn line_in_capitals(text: &str, line: &[Token]) -> bool {
    let (mut n_words, mut n_capitals) = (0, 0);
    for (k, t) in line.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let (has_letter, has_lowercase) = letters_and_lowercase(t.text(text));
        if !has_letter {
            continue;
        }
        n_words += 1;
        n_capitals += usize::from(!has_lowercase);
        let tokens_left = line.len() - k - 1;
        if n_capitals + tokens_left < 4 * (n_words - n_capitals) {
            return false;
        }
    }
    n_words >= 3 && n_capitals * 5 >= n_words * 4
        || (1..=2).contains(&n_words) && n_capitals == n_words && line.len() == n_words
}

/// Whether `word` has a letter, and a lower-case one: ASCII words in one pass over
/// their bytes (every line of every document is weighed this way).
fn letters_and_lowercase(word: &str) -> (bool, bool) {
    if word.is_ascii() {
        let bytes = word.as_bytes();
        let has_lowercase = bytes.iter().any(u8::is_ascii_lowercase);
        (
            has_lowercase || bytes.iter().any(u8::is_ascii_uppercase),
            has_lowercase,
        )
    } else {
        (
            word.chars().any(char::is_alphabetic),
            word.chars().any(char::is_lowercase),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{capitals_line_flags, letters_and_lowercase};
    use crate::engine::recognize::token::tokenize;

    #[test]
    fn lines_in_capitals_as_four_words_in_five_say() {
        let cases: &[(&str, &str, &[bool])] = &[
            (
                "a headline in capitals",
                "SOCCER - JAPAN GET LUCKY WIN",
                &[true],
            ),
            (
                "running text",
                "Bayramov met Mirzoyan in Almaty on May 10.",
                &[false],
            ),
            ("one word in capitals", "AGREEMENT", &[true]),
            ("two words and a comma", "ALMATY, KAZAKHSTAN", &[false]),
            ("two words in capitals", "ALMATY KAZAKHSTAN", &[true]),
            ("four in five", "ONE TWO THREE FOUR five", &[true]),
            ("three in four", "ONE TWO THREE four", &[false]),
            (
                "lower case first, capitals after",
                "a b ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT",
                &[true],
            ),
            (
                "lower case last, past what capitals could make up",
                "ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT a b c",
                &[false],
            ),
            ("numbers are no words", "TALKS 10 11 2024", &[false]),
            (
                "each line weighed alone",
                "ALMATY TALKS END\nThe talks ended.\nNEW ROUND SET",
                &[true, false, true],
            ),
        ];
        for (name, text, expected) in cases {
            let tokens = tokenize(text);
            let flags = capitals_line_flags(text, &tokens);
            let by_line: Vec<bool> = tokens
                .iter()
                .zip(&flags)
                .filter(|(t, _)| t.line_start)
                .map(|(_, &f)| f)
                .collect();
            assert_eq!(&by_line, expected, "{name}");
            // A line's tokens share its flag.
            let mut lines_begun = 0;
            for (t, &f) in tokens.iter().zip(&flags) {
                lines_begun += usize::from(t.line_start);
                assert_eq!(f, expected[lines_begun - 1], "{name}");
            }
        }
    }

    #[test]
    fn letters_and_lower_case_as_the_characters_say() {
        for word in [
            "", "SOCCER", "Talks", "talks", "1991", "10-11", "ÉTÉ", "été", "Ärzte", "ǅ", "ªº",
            "東京",
        ] {
            let expected = (
                word.chars().any(char::is_alphabetic),
                word.chars().any(char::is_lowercase),
            );
            assert_eq!(letters_and_lowercase(word), expected, "{word}");
        }
    }
}
