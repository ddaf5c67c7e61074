//! A PDF page's positioned glyphs to text in reading order: lines, columns, paragraphs, hyphenated line ends joined, ligatures spelled out.
//!
//! A PDF holds no text flow, only glyphs drawn at positions, in whatever order the
//! producer chose. Reading order is rebuilt from geometry alone: glyphs on one
//! baseline cut at spaces form words, a vertical band that almost no word enters is
//! a column gutter (left column read before the right), words on one baseline of a
//! column form a line, and a gap between lines wider than the usual leading ends a
//! paragraph.

/// One glyph as drawn: its baseline's left end in page space with y growing
/// downwards, its advance width and font size in the same units.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub size: f32,
    pub text: String,
}

/// A run of glyphs on one baseline: a word while columns are looked for, then a
/// line of one column.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
}

/// A gap wider than this many font sizes is a word space, even with no space glyph.
const WORD_GAP: f32 = 0.15;
/// Glyphs whose baselines differ by less than this many font sizes share a line.
const SAME_LINE: f32 = 0.35;
/// A gutter must be at least this wide, in font sizes.
const MIN_GUTTER: f32 = 0.8;
/// Nested columns deeper than this are read as one.
const MAX_COLUMN_DEPTH: usize = 3;
/// The most of a glyph's advance width believed, in font sizes: a reader falls
/// back on a font's default width for glyphs it has none for (a comma as wide as
/// an m), which would close a gutter.
const MAX_ADVANCE: f32 = 0.75;

/// Glyphs in drawing order to lines in reading order: columns left to right, lines
/// top to bottom within each.
///
/// Columns are found among words, not lines: a gutter is a vertical band that no
/// word of either column enters, while the spaces between words fall at different
/// places on every line, so no threshold on a gap's width has to tell a wide word
/// space of justified text from a narrow gutter.
pub fn page_segments(glyphs: &[Glyph]) -> Vec<Segment> {
    let mut sorted: Vec<&Glyph> = glyphs.iter().filter(|g| g.size > 0.0).collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut words = Vec::new();
    for line in baselines(sorted, |g| (g.y, g.size)) {
        cut_words(line, &mut words);
    }
    let mut lines = Vec::with_capacity(words.len() / 4);
    read_columns(words, 0, &mut lines);
    lines
}

/// Items sorted by y, grouped by baseline, each group sorted by x.
fn baselines<T>(sorted: Vec<T>, at: impl Fn(&T) -> (f32, f32)) -> Vec<Vec<T>> {
    let mut out: Vec<Vec<T>> = Vec::new();
    for item in sorted {
        let (y, size) = at(&item);
        let same = out.last().and_then(|l| l.first()).is_some_and(|first| {
            let (first_y, first_size) = at(first);
            (y - first_y).abs() <= SAME_LINE * first_size.max(size)
        });
        if same {
            out.last_mut().unwrap_or_else(|| unreachable!()).push(item);
        } else {
            out.push(vec![item]);
        }
    }
    out
}

/// One baseline's glyphs (sorted by y, then x) cut into words at spaces and gaps.
fn cut_words(mut line: Vec<&Glyph>, out: &mut Vec<Segment>) {
    line.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut current: Option<Segment> = None;
    let mut last: Option<&Glyph> = None;
    // Where the last glyph ends by its own width: word spaces are measured from it.
    let mut ink_end = f32::NEG_INFINITY;
    for glyph in line {
        // Fake bold: the same glyph drawn twice at almost the same place.
        let doubled =
            last.is_some_and(|p| p.text == glyph.text && (glyph.x - p.x).abs() < 0.1 * glyph.size);
        if doubled {
            continue;
        }
        last = Some(glyph);
        let end = glyph.x + glyph.width.min(MAX_ADVANCE * glyph.size);
        let gap = glyph.x - ink_end;
        ink_end = glyph.x + glyph.width;
        if glyph.text.trim().is_empty() {
            out.extend(current.take());
            continue;
        }
        match current.as_mut() {
            Some(word) if gap <= WORD_GAP * glyph.size => {
                word.text.push_str(&glyph.text);
                word.x1 = word.x1.max(end);
                word.size = word.size.max(glyph.size);
            }
            _ => {
                out.extend(current.take());
                current = Some(Segment {
                    x0: glyph.x,
                    x1: end,
                    y: glyph.y,
                    size: glyph.size,
                    text: glyph.text.trim().to_string(),
                });
            }
        }
    }
    out.extend(current);
}

/// Words to lines: grouped by baseline, joined by spaces.
fn join_lines(mut words: Vec<Segment>, out: &mut Vec<Segment>) {
    words.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    for line in baselines(words, |w| (w.y, w.size)) {
        out.push(join_words(line));
    }
}

fn join_words(mut line: Vec<Segment>) -> Segment {
    line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut joined = line[0].clone();
    for word in &line[1..] {
        joined.text.push(' ');
        joined.text.push_str(&word.text);
        joined.x1 = joined.x1.max(word.x1);
        joined.size = joined.size.max(word.size);
    }
    joined
}

/// Appends `words` to `out` as lines in reading order: where a gutter divides them,
/// the bands between lines that cross it are read column by column.
fn read_columns(words: Vec<Segment>, depth: usize, out: &mut Vec<Segment>) {
    let gutter = if depth < MAX_COLUMN_DEPTH {
        find_gutter(&words)
    } else {
        None
    };
    let Some((left_end, right_start)) = gutter else {
        join_lines(words, out);
        return;
    };
    let mut sorted = words;
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for line in baselines(sorted, |w| (w.y, w.size)) {
        let crosses = line.iter().any(|w| w.x0 < right_start && w.x1 > left_end);
        if crosses {
            // A line entering the gutter (a heading across both columns) is read
            // whole, and ends the band above it.
            read_columns(std::mem::take(&mut left), depth + 1, out);
            read_columns(std::mem::take(&mut right), depth + 1, out);
            out.push(join_words(line));
            continue;
        }
        for word in line {
            if word.x1 <= right_start {
                left.push(word);
            } else {
                right.push(word);
            }
        }
    }
    read_columns(left, depth + 1, out);
    read_columns(right, depth + 1, out);
}

/// The vertical band that the fewest words enter (at most a tenth, with at least a
/// fifth of them wholly on each side), the widest of those: (the left column's
/// end, the right column's start).
fn find_gutter(segments: &[Segment]) -> Option<(f32, f32)> {
    if segments.len() < 6 {
        return None;
    }
    let mut sizes: Vec<f32> = segments.iter().map(|s| s.size).collect();
    sizes.sort_by(f32::total_cmp);
    let size = sizes[sizes.len() / 2];
    // Candidate gutters start where a segment ends; counts by binary search, so
    // that a page of many short segments (a table) costs n log n, not n².
    let mut ends: Vec<f32> = segments.iter().map(|s| s.x1).collect();
    ends.sort_by(f32::total_cmp);
    let mut starts: Vec<f32> = segments.iter().map(|s| s.x0).collect();
    starts.sort_by(f32::total_cmp);
    let n = segments.len();
    let mut best: Option<(usize, f32, f32)> = None;
    let mut previous = f32::NAN;
    for &left_end in &ends {
        if left_end == previous {
            continue;
        }
        previous = left_end;
        let first_after = starts.partition_point(|&x| x <= left_end);
        let Some(&right_start) = starts.get(first_after) else {
            continue;
        };
        if right_start - left_end < MIN_GUTTER * size {
            continue;
        }
        // Words wholly on either side; the rest enter the band.
        let left = ends.partition_point(|&x| x <= left_end);
        let right = n - starts.partition_point(|&x| x < right_start);
        let crossing = n - left - right;
        if left * 5 < n || right * 5 < n || crossing * 10 > n {
            continue;
        }
        let better = best.is_none_or(|(c, l, r)| {
            crossing < c || crossing == c && right_start - left_end > r - l
        });
        if better {
            best = Some((crossing, left_end, right_start));
        }
    }
    best.map(|(_, l, r)| (l, r))
}

/// Segments in reading order to paragraphs: a new paragraph where the gap to the
/// previous line is wider than the usual leading, where the type size changes, or
/// where reading jumps back up (a new column).
pub fn paragraphs(segments: &[Segment]) -> Vec<String> {
    let leading = usual_leading(segments);
    let mut out: Vec<String> = Vec::new();
    let mut previous: Option<&Segment> = None;
    for segment in segments {
        let continues = previous.is_some_and(|p| {
            let gap = segment.y - p.y;
            let same_size = (segment.size - p.size).abs() <= 0.2 * p.size;
            gap > 0.0 && gap <= leading.unwrap_or(p.size * 1.5) * 1.3 && same_size
        });
        match out.last_mut() {
            Some(text) if continues => join_line(text, &segment.text),
            _ => out.push(segment.text.clone()),
        }
        previous = Some(segment);
    }
    out
}

/// The most common gap between consecutive baselines, if lines follow each other.
fn usual_leading(segments: &[Segment]) -> Option<f32> {
    let mut gaps: Vec<f32> = segments
        .windows(2)
        .map(|w| w[1].y - w[0].y)
        .filter(|g| *g > 0.0 && *g < 3.0 * segments[0].size.max(1.0))
        .collect();
    if gaps.is_empty() {
        return None;
    }
    gaps.sort_by(f32::total_cmp);
    Some(gaps[gaps.len() / 2])
}

/// Appends a line to a paragraph: a word cut with a hyphen at the line's end is
/// joined (the hyphen dropped before a lowercase letter, kept before a capital or
/// a word with a hyphen of its own: "Jean-Pierre", "free-and-fair").
pub fn join_line(paragraph: &mut String, line: &str) {
    let line = line.trim_start();
    let ends_cut = paragraph
        .strip_suffix('-')
        .or_else(|| paragraph.strip_suffix('\u{AD}'))
        .and_then(|rest| rest.chars().last())
        .is_some_and(char::is_alphabetic);
    if ends_cut {
        let soft = paragraph.ends_with('\u{AD}');
        let next_word = line.split_whitespace().next().unwrap_or("");
        let lower = next_word.chars().next().is_some_and(char::is_lowercase);
        if soft
            || lower
                && !next_word
                    .trim_end_matches(['.', ',', ';', ':'])
                    .contains('-')
        {
            paragraph.pop();
        }
        paragraph.push_str(line);
    } else {
        paragraph.push(' ');
        paragraph.push_str(line);
    }
}

/// Spells out typographic ligatures (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ, ﬅ, ﬆ) so that words match.
pub fn spell_ligatures(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| ('\u{FB00}'..='\u{FB06}').contains(&c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Lines repeated at the top or bottom of most pages (digits aside: "Page 3"),
/// set apart from the body by more than a line's leading, which are running
/// headers and footers, not body text. Needs three pages.
pub fn running_heads(pages: &[Vec<Segment>]) -> Vec<Vec<bool>> {
    let mut drop: Vec<Vec<bool>> = pages.iter().map(|p| vec![false; p.len()]).collect();
    if pages.len() < 3 {
        return drop;
    }
    let shape = |s: &Segment| -> String {
        s.text
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    // Candidates: the topmost and bottommost line of each page.
    for from_top in [true, false] {
        let ends: Vec<Option<usize>> = pages
            .iter()
            .map(|p| {
                let pick = p.iter().enumerate();
                let end = if from_top {
                    pick.min_by(|a, b| a.1.y.total_cmp(&b.1.y))
                } else {
                    pick.max_by(|a, b| a.1.y.total_cmp(&b.1.y))
                };
                end.map(|(i, _)| i).filter(|&i| set_apart(p, i))
            })
            .collect();
        let mut counts: std::collections::HashMap<String, usize> = Default::default();
        for (page, end) in pages.iter().zip(&ends) {
            if let Some(i) = end {
                *counts.entry(shape(&page[*i])).or_default() += 1;
            }
        }
        for ((page, end), flags) in pages.iter().zip(&ends).zip(drop.iter_mut()) {
            if let Some(i) = end {
                if counts[&shape(&page[*i])] * 2 >= pages.len() {
                    flags[*i] = true;
                }
            }
        }
    }
    drop
}

/// Whether a page's topmost or bottommost line stands apart from the rest by at
/// least one and a half of its size: a running head sits in the margin, while the
/// body's first and last lines follow their neighbours at the usual leading.
fn set_apart(page: &[Segment], end: usize) -> bool {
    let line = &page[end];
    let nearest = page
        .iter()
        .enumerate()
        .filter(|(i, s)| *i != end && (s.y - line.y).abs() > SAME_LINE * line.size)
        .map(|(_, s)| (s.y - line.y).abs())
        .fold(f32::INFINITY, f32::min);
    nearest >= 1.5 * line.size
}
