//! What a document's dates are anchored to: the document date (dateline, metadata, latest full date), dates from metadata values, and year inference.

use jiff::civil::Date;

use super::calendar::valid;
use super::expr::{Expr, Found};
use super::scan::scan;
use super::{DocumentDate, DocumentDateSource, NumericOrder};
use crate::engine::recognize::token::{Token, TokenKind};

/// A date given in a file's metadata: `date:` in Markdown/YAML front matter, or the
/// `Date:` header of an e-mail. None when the file has neither.
pub fn metadata_date(text: &str) -> Option<Date> {
    let mut lines = text.lines().take(60);
    let first = lines.next()?.trim();
    let value = if first == "---" {
        lines.take_while(|l| l.trim() != "---").find_map(|l| {
            l.split_once(':')
                .filter(|(k, _)| k.trim().eq_ignore_ascii_case("date"))
                .map(|(_, v)| v)
        })
    } else {
        // E-mail headers: "Key: value" lines up to the first blank line, with a Date.
        let headers: Vec<&str> = std::iter::once(first)
            .chain(lines.take_while(|l| !l.trim().is_empty()))
            .collect();
        let is_header = |l: &&str| {
            l.starts_with([' ', '\t'])
                || l.split_once(':').is_some_and(|(k, _)| {
                    !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                })
        };
        let looks_like_mail = headers.iter().all(is_header)
            && headers
                .iter()
                .any(|l| l.starts_with("From:") || l.starts_with("Subject:"));
        if !looks_like_mail {
            return None;
        }
        headers.iter().find_map(|l| l.strip_prefix("Date:"))
    }?;
    date_from_value(value)
}

/// The day a metadata value names: an ISO date or timestamp ("2024-05-10",
/// "2024-05-10T09:00:00Z"), or a written full date ("Fri, 10 May 2024 09:00 +0000").
pub fn date_from_value(value: &str) -> Option<Date> {
    let value = value.trim().trim_matches(['"', '\'']);
    if let Some(date) = value.get(..10).and_then(|v| v.parse::<Date>().ok()) {
        return Some(date);
    }
    let tokens = crate::engine::recognize::token::tokenize(value);
    scan(value, &tokens, NumericOrder::Unknown)
        .into_iter()
        .find_map(|f| f.expr.full_date())
}

pub(super) fn explicit_year(expr: Expr) -> Option<i16> {
    match expr {
        Expr::Day { year, .. }
        | Expr::DayRange { year, .. }
        | Expr::Month { year, .. }
        | Expr::MonthRange { year, .. }
        | Expr::Quarter { year, .. }
        | Expr::Half { year, .. }
        | Expr::FirstMonths { year, .. }
        | Expr::Season { year, .. } => year,
        Expr::Year(y) => Some(y),
        _ => None,
    }
}

/// Dateline first, then metadata, then the latest full date written in the text.
pub(super) fn document_date(
    text: &str,
    tokens: &[Token],
    found: &[Found],
    metadata: Option<Date>,
    properties: Option<Date>,
) -> Option<DocumentDate> {
    if let Some(date) = dateline(text, tokens, found) {
        return Some(DocumentDate {
            date,
            source: DocumentDateSource::Dateline,
        });
    }
    if let Some(date) = metadata {
        return Some(DocumentDate {
            date,
            source: DocumentDateSource::Metadata,
        });
    }
    // Dates the text speaks of as to come ("to be completed by Sept. 30, 2027") say
    // the document was written before them, not on them.
    found
        .iter()
        .filter(|f| !f.future)
        .filter_map(|f| f.expr.full_date())
        .max()
        .map(|date| DocumentDate {
            date,
            source: DocumentDateSource::LatestInText,
        })
        .or_else(|| {
            properties.map(|date| DocumentDate {
                date,
                source: DocumentDateSource::FileProperties,
            })
        })
}

/// A dateline: the first full date of the first three lines that is most of its
/// line (at most 40 bytes besides the date).
fn dateline(text: &str, tokens: &[Token], found: &[Found]) -> Option<Date> {
    let mut line = 0;
    let first_three_lines = tokens
        .iter()
        .enumerate()
        .position(|(i, t)| {
            line += usize::from(t.line_start && i > 0);
            line >= 3
        })
        .unwrap_or(tokens.len());
    let bytes = text.as_bytes();
    // Each look for the line's ends goes no further than the longest line that can
    // qualify, so that a document of one endless line costs no more than its dates.
    let short_line = |f: &Found| {
        let start = tokens[f.first].start;
        let longest = tokens[f.end - 1].end - start + 40;
        let from = start.saturating_sub(longest);
        let line_start = match bytes[from..start].iter().rposition(|&b| b == b'\n') {
            Some(p) => from + p + 1,
            None if from == 0 => 0,
            None => return false,
        };
        let to = (start + longest + 1).min(bytes.len());
        let line_end = match bytes[start..to].iter().position(|&b| b == b'\n') {
            Some(p) => start + p,
            None if to == bytes.len() => to,
            None => return false,
        };
        line_end - line_start <= longest
    };
    let mut candidates: Vec<&Found> = found
        .iter()
        .filter(|f| f.first < first_three_lines)
        .collect();
    // The earliest date wins, as the text is read; one found per first token.
    candidates.sort_by_key(|f| f.first);
    candidates.dedup_by_key(|f| f.first);
    candidates.into_iter().find_map(|f| {
        f.expr
            .full_date()
            .filter(|_| short_line(f) || opens_wire_story(text, tokens, f))
    })
}

/// How many tokens a wire dateline's place may take before its date ("SAN JOSE,
/// Calif., Jan. 9, 2025"), and its service's mark after it ("/PRNewswire/ --").
const WIRE_PLACE_TOKENS: usize = 10;
const WIRE_MARK_TOKENS: usize = 8;

/// "SAN JOSE, Calif., Jan. 9, 2025 /PRNewswire/ -- Acme …", "NEW YORK, Jan. 09, 2025
/// (GLOBE NEWSWIRE) -- …": a press release's or wire story's dateline opens a long
/// paragraph; it is told by a line that opens with the place, the date, then a
/// wire service's mark or a dash.
fn opens_wire_story(text: &str, tokens: &[Token], f: &Found) -> bool {
    // The line opens with the place: capitalised words and punctuation only.
    let Some(line_start) = (0..=f.first)
        .rev()
        .take(WIRE_PLACE_TOKENS + 1)
        .find(|&i| tokens[i].line_start || i == 0)
    else {
        return false;
    };
    let place_only = tokens[line_start..f.first]
        .iter()
        .all(|t| t.kind != TokenKind::Word || t.text(text).starts_with(|c: char| c.is_uppercase()));
    if !place_only {
        return false;
    }
    tokens[f.end..]
        .iter()
        .take(WIRE_MARK_TOKENS)
        .take_while(|t| !t.line_start)
        .any(|t| {
            let w = t.text(text);
            matches!(w, "--" | "—" | "–")
                || w.eq_ignore_ascii_case("newswire")
                || w.eq_ignore_ascii_case("prnewswire")
                || w.eq_ignore_ascii_case("wire")
                || w.eq_ignore_ascii_case("reuters")
                || w == "AP"
                || w == "AFP"
        })
}

/// The year (of `hint` ± 1) that puts month-day closest to the anchor; the hint's year without an anchor.
pub(super) fn infer_year(
    anchor: Option<Date>,
    hint: Option<i16>,
    month: i8,
    day: i8,
) -> Option<i16> {
    let Some(anchor) = anchor else { return hint };
    let y = anchor.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|year| Some((year, valid(year, month, day.clamp(1, 28))?)))
        .min_by_key(|(_, d)| anchor.since(*d).map_or(i32::MAX, |s| s.get_days().abs()))
        .map(|(year, _)| year)
        .or(Some(y))
}
