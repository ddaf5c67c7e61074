//! Whether a document reads as a news report: the kind of text the rules were built on, where the trained layer measures worse than the rules alone.
//!
//! A news report opens with a dateline ("November 24, 2004", "WASHINGTON
//! (Reuters) -", "NEW YORK, May 3 /PRNewswire/ --") or reports what people said.
//! Encyclopaedic articles, interviews, travel guides, filings and posts do not;
//! there the trained layer decides the spans the rules typed by their fallback.

use crate::engine::recognize::dates;
use crate::engine::recognize::token::{Token, TokenKind};
use crate::engine::recognize::words::{is_month_name, is_weekday_name, strip_period};

/// Lines at the top of a document that may hold its dateline.
const DATELINE_LINES: usize = 3;
/// "said", "says", "told" per sentence-sized stretch of text that marks reported speech.
const REPORTED_SPEECH_PER_WORDS: usize = 150;

/// Tokens at a line's start within which a wire's name in parentheses makes a dateline.
const WIRE_WITHIN: usize = 12;
/// Words below which a text without a post's marks is too short to tell its kind.
const WORDS_TO_TELL: usize = 50;

/// Whether the document opens with a dateline or reports speech throughout, or is
/// too short to tell (a sentence or two, not a post): the rules alone decide there.
pub fn reads_as_news_report(text: &str, tokens: &[Token]) -> bool {
    if has_dateline(text, tokens) {
        return true;
    }
    let (words, speech) = words_and_speech(text, tokens);
    let reports_speech = speech >= 2 && speech * REPORTED_SPEECH_PER_WORDS >= words;
    reports_speech || (words < WORDS_TO_TELL && !has_post_marks(text, tokens))
}

/// The words of the text, and how many of them are "said", "says" or "told".
fn words_and_speech(text: &str, tokens: &[Token]) -> (usize, usize) {
    let mut words = 0;
    let mut speech = 0;
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        words += 1;
        speech += usize::from(matches!(token.text(text), "said" | "says" | "told"));
    }
    (words, speech)
}

/// A handle, a hashtag or a link: marks of a social-media post.
fn has_post_marks(text: &str, tokens: &[Token]) -> bool {
    tokens.windows(2).any(|w| {
        matches!(w[0].text(text), "@" | "#") && !w[1].space_before && w[1].kind == TokenKind::Word
    }) || text.contains("http://")
        || text.contains("https://")
}

/// A dateline among the first lines (see [`is_dateline`]).
fn has_dateline(text: &str, tokens: &[Token]) -> bool {
    tokens
        .chunk_by(|_, next| !next.line_start)
        .take(DATELINE_LINES)
        .any(|line| is_dateline(text, line))
}

/// A line that dates the story: only a date, perhaps after its place ("November
/// 24, 2004", "Berlin, 20 December 2024"); a wire's name in parentheses near its
/// start ("Jan 5 (Reuters) -"); a labelled publication date; or a place in capitals
/// and then the date, the wire or a dash ("WASHINGTON (Reuters) -", "NEW YORK, May
/// 3 /PRNewswire/", "BONN 1996-08-22").
fn is_dateline(text: &str, line: &[Token]) -> bool {
    is_date_line(text, line)
        || opens_with_wire(text, line)
        || is_labelled_date(text, line)
        || opens_with_capitals_place(text, line)
}

/// A month's name and a day number side by side, in either order.
fn has_month_day(text: &str, line: &[Token]) -> bool {
    let is_day = |t: &Token| t.kind == TokenKind::Number && t.text(text).len() <= 2;
    let is_month = |t: &Token| is_month_name(t.text(text));
    line.windows(2)
        .any(|w| is_month(&w[0]) && is_day(&w[1]) || is_day(&w[0]) && is_month(&w[1]))
}

/// "November 24, 2004", or after the place: "Santiago, 20 December 2024".
fn is_date_line(text: &str, line: &[Token]) -> bool {
    let word = |t: &Token| t.text(text);
    let is_date_word = |t: &Token| {
        t.kind != TokenKind::Word
            || is_month_name(strip_period(word(t)))
            || is_weekday_name(strip_period(word(t)))
    };
    let place_words = line
        .iter()
        .take(4)
        .take_while(|t| is_title_case(word(t)) && !is_month_word(word(t)))
        .count();
    let date_from = match line.get(place_words).map(word) {
        Some(",") if place_words > 0 => place_words + 1,
        _ => 0,
    };
    has_month_day(text, line) && line[date_from..].iter().all(is_date_word)
}

/// "Jan 5 (Reuters) -", "(Bloomberg) --": a wire's name in parentheses opens the line.
fn opens_with_wire(text: &str, line: &[Token]) -> bool {
    line[..line.len().min(WIRE_WITHIN)]
        .windows(2)
        .any(|w| w[0].text(text) == "(" && is_wire(w[1].text(text)))
}

/// "Published: March 3, 2024", "Updated 2024-05-10 14:02".
fn is_labelled_date(text: &str, line: &[Token]) -> bool {
    let labelled = line
        .first()
        .is_some_and(|t| matches!(t.text(text), "Published" | "Updated" | "Posted"));
    labelled
        && (has_month_day(text, line)
            || (0..line.len()).any(|i| is_year_first_date(text, &line[i..])))
}

/// A place in capitals, with its state or country after a comma ("ARMONK, N.Y.,",
/// "LAHORE, Pakistan"), then a dash, the wire in parentheses, or the date.
fn opens_with_capitals_place(text: &str, line: &[Token]) -> bool {
    let word = |t: &Token| t.text(text);
    let place_end = line
        .iter()
        .position(|t| match t.kind {
            TokenKind::Word => !is_capitals(word(t)),
            // A hyphen inside the place's name ("AL-AIN"), not one after it.
            _ => !(matches!(word(t), "," | ".") || word(t) == "-" && !t.space_before),
        })
        .unwrap_or(line.len());
    if place_end == 0 || line[0].kind != TokenKind::Word {
        return false;
    }
    let mut at = place_end;
    if word(&line[at - 1]) == "," {
        let region_words = line[at..]
            .iter()
            .take(4)
            .take_while(|t| {
                let w = word(t);
                w == "."
                    || (is_title_case(w) && !is_month_word(w) && !is_weekday_name(strip_period(w)))
            })
            .count();
        at += region_words;
    }
    let rest = &line[at..];
    let after_punctuation = rest
        .iter()
        .position(|t| !matches!(word(t), "," | "-" | "—" | "–"))
        .unwrap_or(rest.len());
    let dash = rest[..after_punctuation]
        .iter()
        .any(|t| matches!(word(t), "-" | "—" | "–"));
    let next = |k: usize| rest.get(after_punctuation + k).map(word);
    match next(0) {
        Some("(") => next(1).is_some_and(is_wire),
        Some(w) if is_month_word(w) => rest[after_punctuation + 1..]
            .iter()
            .find(|t| word(t) != ".")
            .is_some_and(|t| t.kind == TokenKind::Number),
        Some(w) if is_weekday_name(strip_period(w)) => true,
        // "BONN 1996-08-22": the date written as numbers, year first.
        Some(_) if rest[after_punctuation].kind == TokenKind::Number => {
            is_year_first_date(text, &rest[after_punctuation..])
        }
        Some(w) => dash && is_title_case(w),
        None => false,
    }
}

/// "1996-08-22", "2024/05/10": four digits of a year, a separator, a number.
fn is_year_first_date(text: &str, tokens: &[Token]) -> bool {
    match tokens {
        [year, separator, month, ..] => {
            let year = year.text(text);
            year.len() == 4
                && year.bytes().all(|b| b.is_ascii_digit())
                && matches!(separator.text(text), "-" | "/")
                && !separator.space_before
                && month.kind == TokenKind::Number
        }
        _ => false,
    }
}

fn is_title_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// A month's name or its abbreviation, capitalised ("January", "Jan.", "Sept"): the
/// date matchers' table.
fn is_month_word(word: &str) -> bool {
    let word = strip_period(word);
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && dates::is_month_word(&word.to_lowercase())
}

fn is_wire(name: &str) -> bool {
    matches!(
        name,
        "Reuters" | "AP" | "AFP" | "Bloomberg" | "PRNewswire" | "BUSINESS"
    )
}

fn is_capitals(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::recognize::token::tokenize;

    /// Named cases: a document's opening, and whether it reads as a news report.
    const CASES: &[(&str, &str, bool)] = &[
        ("wikinews dateline", "Boeing wins tanker deal\nNovember 24, 2004\nThe Pentagon chose Boeing.", true),
        ("a place and a date", "Talks end\nSantiago, November 17, 2025\nThe vote was close.", true),
        ("a place and a day-first date", "Bronzes returned\nBerlin, 20 December 2024\nThe museum gave back 21 bronzes.", true),
        ("a sentence with a date is no dateline", "Talks end\nIn Santiago, ministers met on November 17.", false),
        ("wire dateline", "WASHINGTON (Reuters) - The Senate voted on Tuesday.", true),
        ("press release", "NEW YORK, May 3, 2024 /PRNewswire/ -- Acme Corp. today announced results.", true),
        ("reported speech", "The minister said the talks had failed. Officials said more would follow. Mr Li told reporters he was hopeful.", true),
        ("encyclopaedic", "Lake Balaton is a freshwater lake in Hungary. It is the largest lake in Central Europe.", false),
        ("loan agreement", "CREDIT AGREEMENT dated as of March 1, 2010 among Acme Corp., as Borrower, and the Lenders.", false),
        ("agreement after a comma", "LOAN AGREEMENT\nTHIS LOAN AGREEMENT, dated as of September 1, 2003, is made.", false),
        ("state after the town", "ARMONK, N.Y., Jan. 5 /PRNewswire/ -- IBM said.", true),
        ("weekday dateline", "LONDON, Tuesday - Markets fell.", true),
        ("state in title case", "AUSTIN, Texas--(BUSINESS WIRE)--Oct. 30, 2024-- Zentrix Inc. reported.", true),
        ("country and agency", "LAHORE, Pakistan (AP) — Babar Azam scored.", true),
        ("abbreviated state and date", "SAN JOSE, Calif., Jan. 9, 2025 /PRNewswire/ -- Acme said.", true),
        ("place and a date in numbers", "German farm ministry warns\nBONN 1996-08-22\nThe ministry said.", true),
        ("place, region and a date in numbers", "SOCCER - JAPAN WIN\nAL-AIN, United Arab Emirates 1996-12-06\nJapan won.", true),
        ("a heading and a year", "ANNUAL REPORT 2023\nThe company grew.", false),
        ("a date and the wire", "Jan 5 (Reuters) - Oil prices rose on Friday.", true),
        ("the wire alone", "(Bloomberg) -- Stocks fell for a third day.", true),
        ("a publication date", "Ministers meet in Brussels\nPublished: 3 March 2024\nThe talks began.", true),
        ("a wire named later in the line", "The lake froze in the long winter of that year. Reports (Reuters) came later.", false),
        ("place and dash", "WASHINGTON — The Department of Defense announced contracts.", true),
        ("a heading and a number", "ITEM 1. Business\nAcme makes chairs.", false),
        ("a date in the title", "Talks resume on May 10\nThe ministers met.", false),
        ("a date later in the text", "The lake froze.\nIt thawed.\nIt froze again.\nOn May 3 it thawed.", false),
    ];

    /// Text that reads as no kind in particular, to make each case long enough to tell.
    const BODY: &str = "Its shores are lined with resorts, vineyards and villages, and its \
        water is shallow, warm and slightly alkaline. It was formed about fifteen thousand \
        years ago and is fed by many small streams and rivers from the hills around it, \
        which keep its level steady through the dry months of the long summer.";

    /// Texts too short to tell their kind, taken as they are.
    const SHORT_CASES: &[(&str, &str, bool)] = &[
        (
            "a sentence is too short to tell",
            "Air France Flight 447 crashed into the sea.",
            true,
        ),
        (
            "a short post has its marks",
            "@zentrix loving the new Kestrel phone #tech",
            false,
        ),
        (
            "a short post with a link",
            "new phone day https://example.com/x",
            false,
        ),
    ];

    #[test]
    fn genres() {
        assert!(
            !reads_as_news_report(BODY, &tokenize(BODY)),
            "the body alone"
        );
        for (name, text, expected) in CASES {
            let text = &format!("{text} {BODY}");
            assert_eq!(
                reads_as_news_report(text, &tokenize(text)),
                *expected,
                "{name}"
            );
        }
        for (name, text, expected) in SHORT_CASES {
            assert_eq!(
                reads_as_news_report(text, &tokenize(text)),
                *expected,
                "{name}"
            );
        }
    }
}
