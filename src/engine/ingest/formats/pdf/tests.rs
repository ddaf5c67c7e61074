//! Reading order, paragraphs, hyphens, ligatures and running heads from glyph positions, and the PDF bomb guard, as tables of named cases.

use super::*;

/// Glyphs for `text` set from (x, y) in a 10-point font, 5 points per character.
fn line(x: f32, y: f32, text: &str) -> Vec<Glyph> {
    text.chars()
        .enumerate()
        .map(|(i, c)| Glyph {
            x: x + 5.0 * i as f32,
            y,
            width: 5.0,
            size: 10.0,
            text: c.to_string(),
        })
        .collect()
}

fn read(glyphs: Vec<Glyph>) -> String {
    paragraphs(&page_segments(&glyphs)).join("\n")
}

#[test]
fn reading_order_from_positions() {
    let left = ["Left one", "left two", "left three", "left four"];
    let right = ["Right one", "right two", "right three", "right four"];
    // Two columns drawn line by line across the page, as some producers do.
    let interleaved: Vec<Glyph> = (0..4)
        .flat_map(|i| {
            let y = 100.0 + 12.0 * i as f32;
            let mut both = line(50.0, y, left[i]);
            both.extend(line(300.0, y, right[i]));
            both
        })
        .collect();
    let mut heading = line(50.0, 70.0, "A heading across both columns of the page here");
    heading.extend(interleaved.clone());
    let reversed: Vec<Glyph> = line(50.0, 100.0, "first line")
        .into_iter()
        .rev()
        .chain(line(50.0, 112.0, "second line"))
        .collect();
    let cases: Vec<(&str, Vec<Glyph>, &str)> = vec![
        ("one line", line(50.0, 100.0, "Hello world"), "Hello world"),
        ("lines of a paragraph join", [line(50.0, 100.0, "The first"), line(50.0, 112.0, "and second")].concat(), "The first and second"),
        ("a wide gap between lines ends a paragraph", [line(50.0, 100.0, "One."), line(50.0, 140.0, "Two.")].concat(), "One.\nTwo."),
        ("drawn out of order", reversed, "first line second line"),
        ("two columns: left read before right", interleaved, "Left one left two left three left four\nRight one right two right three right four"),
        ("a heading above two columns", heading, "A heading across both columns of the page here\nLeft one left two left three left four\nRight one right two right three right four"),
    ];
    for (name, glyphs, want) in cases {
        assert_eq!(read(glyphs), want, "{name}");
    }
}

#[test]
fn words_from_gaps_and_spaces() {
    let mut spaced = line(50.0, 100.0, "ab");
    spaced.extend(line(70.0, 100.0, "cd"));
    let mut bold = line(50.0, 100.0, "Bold");
    bold.extend(line(50.2, 100.0, "Bold"));
    let cases: Vec<(&str, Vec<Glyph>, &str)> = vec![
        ("a space glyph", line(50.0, 100.0, "ab cd"), "ab cd"),
        ("a gap without a space glyph", spaced, "ab cd"),
        ("fake bold drawn twice", bold, "Bold"),
    ];
    for (name, glyphs, want) in cases {
        assert_eq!(read(glyphs), want, "{name}");
    }
}

#[test]
fn hyphenated_line_ends() {
    let cases = [
        (
            "a word cut at the line's end",
            "the inter-",
            "national observers",
            "the international observers",
        ),
        (
            "a capital after the hyphen keeps it",
            "Jean-",
            "Pierre said",
            "Jean-Pierre said",
        ),
        (
            "a compound with a hyphen of its own",
            "free-",
            "and-fair vote",
            "free-and-fair vote",
        ),
        (
            "a soft hyphen",
            "certi\u{AD}",
            "fied copy",
            "certified copy",
        ),
        (
            "a dash after a space is not a cut",
            "yes -",
            "no",
            "yes - no",
        ),
        ("no hyphen: a space", "one", "two", "one two"),
    ];
    for (name, first, second, want) in cases {
        let mut paragraph = first.to_string();
        join_line(&mut paragraph, second);
        assert_eq!(paragraph, want, "{name}");
    }
}

#[test]
fn ligatures_spelled_out() {
    let cases = [
        ("fi and fl", "\u{FB01}nal \u{FB02}ood", "final flood"),
        ("ffi", "o\u{FB03}ce", "office"),
        ("none", "plain", "plain"),
    ];
    for (name, text, want) in cases {
        assert_eq!(spell_ligatures(text), want, "{name}");
    }
}

#[test]
fn running_heads_are_dropped() {
    let page = |n: usize| -> Vec<Segment> {
        let mut glyphs = line(50.0, 20.0, "Annual Report 2024");
        glyphs.extend(line(50.0, 100.0, &format!("Body text of page {n}.")));
        glyphs.extend(line(50.0, 800.0, &format!("Page {n}")));
        page_segments(&glyphs)
    };
    let three: Vec<Vec<Segment>> = (1..=3).map(page).collect();
    let kept: Vec<Vec<String>> = three
        .iter()
        .zip(running_heads(&three))
        .map(|(p, d)| {
            p.iter()
                .zip(d)
                .filter(|(_, d)| !d)
                .map(|(s, _)| s.text.clone())
                .collect()
        })
        .collect();
    assert_eq!(kept[1], vec!["Body text of page 2."]);
    // A body line that ends most pages, at the usual leading, is not a running head.
    let repeated_end = |n: usize| -> Vec<Segment> {
        let mut glyphs = line(50.0, 100.0, &format!("Body text of page {n}."));
        glyphs.extend(line(50.0, 112.0, "The same closing line."));
        page_segments(&glyphs)
    };
    let ends: Vec<Vec<Segment>> = (1..=3).map(repeated_end).collect();
    assert!(running_heads(&ends).iter().flatten().all(|d| !d));
    // Two pages are too few to tell a running head from a title.
    let two: Vec<Vec<Segment>> = (1..=2).map(page).collect();
    assert!(running_heads(&two).iter().flatten().all(|d| !d));
}

#[test]
fn pages_and_properties() {
    let pdf = PdfText {
        pages: vec!["one".into(), "two".into(), "three".into()],
        title: None,
        date: None,
    };
    let text = pdf.text();
    let breaks = PageBreaks::of(&text);
    let cases = [
        ("first page", 0, 1),
        ("second page", text.find("two").unwrap(), 2),
        ("last page", text.len(), 3),
    ];
    for (name, offset, want) in cases {
        assert_eq!(breaks.page_at(offset), want, "{name}");
    }
    assert_eq!(
        pdf_date("D:20240510093000+02'00'"),
        Date::new(2024, 5, 10).ok()
    );
    assert_eq!(pdf_date("garbage"), None);
    assert_eq!(text_string(b"\xFE\xFF\x00A\x00b"), "Ab");
}

/// A minimal PDF whose one content stream inflates to `unpacked` bytes of spaces.
fn pdf_with_stream(unpacked: usize) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&vec![b' '; unpacked]).unwrap();
    let data = encoder.finish().unwrap();
    let mut pdf = b"%PDF-1.4\n1 0 obj\n<< /Length ".to_vec();
    pdf.extend(format!("{} /Filter /FlateDecode >>\nstream\n", data.len()).as_bytes());
    pdf.extend(&data);
    pdf.extend(b"\nendstream\nendobj\n");
    pdf
}

#[test]
fn unpacked_size_limit() {
    let limit = 1024 * 1024;
    let cases = [
        ("well within", 1000, true),
        ("just under", limit as usize, true),
        ("past the limit", 2 * limit as usize, false),
    ];
    for (name, unpacked, ok) in cases {
        let checked = check_unpacked_size(&pdf_with_stream(unpacked), limit);
        assert_eq!(checked.is_ok(), ok, "{name}: {checked:?}");
        if let Err(e) = checked {
            assert!(e.to_string().contains("unpacks past 1 MB"), "{name}: {e}");
        }
    }
}

#[test]
fn what_cannot_be_read_says_why() {
    let cases = [
        (
            "not a PDF at all",
            b"%PDF-1.7 and nothing else".to_vec(),
            "not a valid PDF",
        ),
        ("empty", Vec::new(), "not a valid PDF"),
    ];
    for (name, bytes, want) in cases {
        let error = read_pdf(&bytes).unwrap_err().to_string();
        assert!(error.contains(want), "{name}: {error}");
    }
}
