//! Text to documents: one file may hold several articles, each a headline followed by paragraphs.
//!
//! The rule is conservative: a file is split only when at least two headline
//! lines each open a block of at least [`MIN_ARTICLE_WORDS`] words, and the first
//! headline is the file's first line. A headline is a short line without
//! sentence-final punctuation, written in Title Case, that follows a paragraph
//! end (or the start) and is followed by a paragraph. A Markdown `# ` heading
//! counts as a headline. Anything else stays one document.

/// A block of text that is one document: byte range into the file text and its title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub start: usize,
    pub end: usize,
    /// The headline, if the block starts with one.
    pub title: Option<String>,
}

/// Options for splitting; `split_articles: false` keeps every file whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SplitOptions {
    pub split_articles: bool,
}

impl Default for SplitOptions {
    fn default() -> Self {
        SplitOptions {
            split_articles: true,
        }
    }
}

pub const MIN_ARTICLE_WORDS: usize = 40;
const MAX_HEADLINE_WORDS: usize = 20;

struct Line<'a> {
    start: usize,
    text: &'a str,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let content = piece.trim_end_matches(['\n', '\r']);
        out.push(Line {
            start,
            text: content,
        });
        start += piece.len();
    }
    out
}

fn is_title_case(line: &str) -> bool {
    let words: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 || words.len() > MAX_HEADLINE_WORDS {
        return false;
    }
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    let n_upper = long
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        .count();
    words[0].chars().next().is_some_and(char::is_uppercase) && n_upper * 10 >= long.len() * 8
}

fn is_headline(line: &str) -> bool {
    let t = line.trim();
    if let Some(heading) = t.strip_prefix("# ") {
        return !heading.trim().is_empty();
    }
    // Cheapest tests first: most lines are paragraphs ending in a period.
    !t.is_empty()
        && !t.ends_with(['.', ',', ';', ':', '!', '?', '"', '”'])
        && t.len() <= 4 * 150
        && t.chars().count() <= 150
        && is_title_case(t)
}

fn ends_paragraph(line: &str) -> bool {
    let t = line.trim_end();
    t.is_empty() || t.ends_with(['.', '!', '?', '"', '”', ')', '\''])
}

fn n_words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Splits a file's text into articles. Always returns at least one block covering the text.
pub fn split_articles(text: &str, options: SplitOptions) -> Vec<Article> {
    let whole = vec![Article {
        start: 0,
        end: text.len(),
        title: first_line_title(text),
    }];
    if !options.split_articles {
        return whole;
    }
    let lines = lines(text);
    let first_content = lines.iter().position(|l| !l.text.trim().is_empty());
    let Some(first_content) = first_content else {
        return whole;
    };
    let mut heads: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(first_content) {
        // The headline test first: it rejects long lines and sentences at once.
        if !is_headline(line.text) {
            continue;
        }
        let previous_ends = i == first_content
            || lines[..i]
                .iter()
                .rev()
                .find(|l| !l.text.trim().is_empty())
                .is_none_or(|l| ends_paragraph(l.text));
        let next_is_body = lines[i + 1..]
            .iter()
            .find(|l| !l.text.trim().is_empty())
            .is_some_and(|l| {
                n_words(l.text) > MAX_HEADLINE_WORDS
                    || ends_paragraph(l.text) && n_words(l.text) > 5
            });
        if previous_ends && next_is_body {
            heads.push(i);
        }
    }
    if heads.len() < 2 || heads[0] != first_content {
        return whole;
    }
    let mut articles = Vec::new();
    for (k, &h) in heads.iter().enumerate() {
        let start = lines[h].start;
        let end = heads
            .get(k + 1)
            .map_or(text.len(), |&next| lines[next].start);
        articles.push(Article {
            start,
            end,
            title: Some(lines[h].text.trim().trim_start_matches("# ").to_string()),
        });
    }
    if articles.iter().any(|a| {
        text[a.start..a.end]
            .split_whitespace()
            .take(MIN_ARTICLE_WORDS)
            .count()
            < MIN_ARTICLE_WORDS
    }) {
        return whole;
    }
    articles
}

fn first_line_title(text: &str) -> Option<String> {
    let line = text.lines().find(|l| !l.trim().is_empty())?.trim();
    let line = line.trim_start_matches("# ");
    (line.chars().count() <= 150 && !line.ends_with('.')).then(|| line.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "The ministers met on Friday to discuss the long list of open questions on the border, and they agreed that the work should go on at the level of experts before the next round of talks, which both sides expect to hold before the summer.";

    fn titles(text: &str, options: SplitOptions) -> Vec<Option<String>> {
        split_articles(text, options)
            .into_iter()
            .map(|a| a.title)
            .collect()
    }

    #[test]
    fn splits_only_clear_multi_article_files() {
        let two = format!(
            "First Talks Open in Almaty\n{BODY}\nUS Expresses Optimism Amid Talks\n{BODY}\n"
        );
        let one = format!("First Talks Open in Almaty\n{BODY}\n{BODY}\n");
        let short = format!("First Talks Open in Almaty\n{BODY}\nA Short Note Here\nToo short.\n");
        let not_first = format!("{BODY}\nUS Expresses Optimism Amid Talks\n{BODY}\n");
        let cases: &[(&str, &str, usize)] = &[
            ("two headlines", &two, 2),
            ("one headline", &one, 1),
            ("second block too short", &short, 1),
            ("no headline on top", &not_first, 1),
            (
                "markdown headings",
                &format!("# One\n{BODY}\n\n# Two\n{BODY}\n"),
                2,
            ),
            ("empty", "", 1),
        ];
        for (name, text, n) in cases {
            assert_eq!(
                split_articles(text, SplitOptions::default()).len(),
                *n,
                "case {name}"
            );
        }
        assert_eq!(
            titles(&two, SplitOptions::default()),
            [
                Some("First Talks Open in Almaty".to_string()),
                Some("US Expresses Optimism Amid Talks".to_string())
            ]
        );
        assert_eq!(
            split_articles(
                &two,
                SplitOptions {
                    split_articles: false
                }
            )
            .len(),
            1
        );
    }

    #[test]
    fn blocks_cover_the_text_in_order() {
        let two =
            format!("First Talks Open in Almaty\n{BODY}\nUS Expresses Optimism Amid Talks\n{BODY}");
        let articles = split_articles(&two, SplitOptions::default());
        assert_eq!(articles[0].start, 0);
        assert_eq!(articles[0].end, articles[1].start);
        assert_eq!(articles[1].end, two.len());
    }
}
