//! Generated documents of hostile shapes (dense dates, capitals, endless names, huge
//! lines, deep JSON, crowded PDF pages…), to check that analysis time grows linearly
//! with the input.
//!
//! Each shape is a file name (its extension picks the reader, as for a dropped
//! file) and a deterministic text of about the asked size, made by repeating a
//! unit that varies with its index so that nothing can be cached by its string.

/// The hostile shapes, by name.
pub const SHAPES: &[&str] = &[
    "dense-dates",
    "capitals-weekdays",
    "name-after-name",
    "surname-aliases",
    "long-line",
    "no-whitespace",
    "word-per-line",
    "nested-json",
    "wide-json",
    "csv-huge-field",
    "csv-tiny-rows",
    "html-tags",
    "pdf-crowded-page",
    "pdf-many-pages",
];

const GIVEN: &[&str] = &[
    "Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas",
    "Kemal", "Lucia", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tariq",
];
const FAMILY: &[&str] = &[
    "Adler",
    "Bauer",
    "Castro",
    "Dumas",
    "Eriksen",
    "Fischer",
    "Gallo",
    "Horvat",
    "Ivanova",
    "Jensen",
    "Kowalczyk",
    "Laine",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Quinn",
    "Rossi",
    "Silva",
    "Tanaka",
];
const MONTHS: &[&str] = &[
    "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
];
const WEEKDAYS: &[&str] = &["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"];

/// A name that differs with `k` for many thousands of values.
fn person(k: usize) -> String {
    let given = GIVEN[k % GIVEN.len()];
    let family = FAMILY[(k / GIVEN.len()) % FAMILY.len()];
    format!("{given} {family}")
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "re", "po", "li", "ma", "ne", "to", "ba",
];

/// A given name of invented syllables, different for each of the first 65,536 values of `k`.
fn invented_given_name(k: usize) -> String {
    let mut name: String = (0..4).map(|d| SYLLABLES[(k >> (4 * d)) % 16]).collect();
    name[..1].make_ascii_uppercase();
    name
}

/// How a shape's text is made: a head, then units (each varying with its index)
/// until the size is reached, then a tail.
struct Shape {
    file: &'static str,
    head: String,
    unit: Box<dyn Fn(usize) -> String>,
    tail: &'static str,
}

impl Shape {
    fn new(file: &'static str, unit: impl Fn(usize) -> String + 'static) -> Shape {
        Shape {
            file,
            head: String::new(),
            unit: Box::new(unit),
            tail: "",
        }
    }

    fn framed(mut self, head: &str, tail: &'static str) -> Shape {
        self.head = head.to_string();
        self.tail = tail;
        self
    }
}

/// The file name and text of a shape at about `bytes` bytes; `None` for an unknown shape.
pub fn hostile(shape: &str, bytes: usize) -> Option<(String, String)> {
    if let Some(pdf) = pdf_shape(shape, bytes) {
        return Some(("hostile.pdf".to_string(), pdf));
    }
    let shape = prose_shape(shape).or_else(|| format_shape(shape))?;
    let mut text = String::with_capacity(bytes + 256);
    text.push_str(&shape.head);
    let mut k = 0;
    while text.len() < bytes {
        text.push_str(&(shape.unit)(k));
        k += 1;
    }
    text.push_str(shape.tail);
    Some((shape.file.to_string(), text))
}

/// The shapes of plain text: dates, capitals, names, lines.
fn prose_shape(name: &str) -> Option<Shape> {
    Some(match name {
        "dense-dates" => Shape::new("dense-dates.txt", |k| {
            let (m1, m2) = (MONTHS[k % 12], MONTHS[(k + 1) % 12]);
            let year = 1950 + k % 70;
            format!(
                "{m1} {} {year} to {m2} {} {}, ",
                1 + k % 28,
                1 + (k + 3) % 28,
                year + 1
            )
        }),
        "capitals-weekdays" => Shape::new("capitals-weekdays.txt", |k| {
            let who = person(k).to_uppercase();
            let day = WEEKDAYS[k % WEEKDAYS.len()];
            format!("THE PRESIDENT MET {who} IN LONDON ON {day}. ")
        }),
        "name-after-name" => Shape::new("name-after-name.txt", |k| {
            format!("{} ", person(k * 7 + k / 400))
        }),
        // A new full name with the one surname each time: the aliases grow with the text.
        "surname-aliases" => Shape::new("surname-aliases.txt", |k| {
            format!("{} Smith met Smith again. ", invented_given_name(k))
        }),
        "long-line" => Shape::new("long-line.txt", |k| {
            format!(
                "{} told reporters in Paris that talks would resume on May {}, ",
                person(k),
                1 + k % 28
            )
        }),
        "no-whitespace" => Shape::new("no-whitespace.txt", |k| format!("abc{}Def", k % 10)),
        "word-per-line" => Shape::new("word-per-line.txt", |k| {
            let words = ["The", "minister", "Paris", "met", "May", "Smith"];
            format!("{}\n", words[k % 6])
        }),
        _ => return None,
    })
}

/// The shapes of the structured readers: JSON, CSV, HTML.
fn format_shape(name: &str) -> Option<Shape> {
    Some(match name {
        // Records nested as deep as a record may be, then side by side.
        "nested-json" => {
            let depth = 60;
            let open = "{\"items\":[".repeat(depth);
            let close = "]}".repeat(depth);
            Shape::new("nested.json", move |k| {
                let comma = if k == 0 { "" } else { "," };
                format!(
                    "{comma}{open}{{\"text\":\"{} in Paris on May 3\"}}{close}",
                    person(k)
                )
            })
            .framed("[", "]")
        }
        // One record with a text field and a great many other keys.
        "wide-json" => Shape::new("wide.json", |k| {
            format!(",\"k{k}\":\"{} in Oslo\"", person(k))
        })
        .framed("{\"text\":\"Anna Adler arrived in Oslo on June 2.\"", "}"),
        "csv-huge-field" => Shape::new("huge-field.csv", |k| {
            format!("{} visited Rome on June {}. ", person(k), 1 + k % 28)
        })
        .framed("id,text\n1,\"", "\"\n"),
        "csv-tiny-rows" => Shape::new("tiny-rows.csv", |k| {
            format!("{k},{}\n", GIVEN[k % GIVEN.len()])
        })
        .framed("id,text\n", ""),
        "html-tags" => Shape::new("tags.html", |k| {
            format!(
                "<span class=\"c{}\">{}</span>",
                k % 9,
                FAMILY[k % FAMILY.len()]
            )
        })
        .framed("<html><body>", "</body></html>"),
        _ => return None,
    })
}

/// PDFs (plain-text content streams, so the file is a string): one page crowded
/// with words on hundreds of lines, columns of them side by side (the layout's
/// word, line and gutter steps), or thousands of pages of a few lines each (a
/// stream per page: the bomb guard's scan, the page loop).
fn pdf_shape(name: &str, bytes: usize) -> Option<String> {
    let mut pages: Vec<String> = Vec::new();
    match name {
        "pdf-crowded-page" => {
            let mut content = String::from("BT /F1 4 Tf ");
            let mut k = 0;
            while content.len() < bytes {
                // Four columns of words, a line of each per row, rows 5 points apart.
                let (row, column) = (k / 4, k % 4);
                let y = 800.0 - (row % 3000) as f64 * 0.25;
                content.push_str(&format!(
                    "1 0 0 1 {} {y:.2} Tm ({} met {} in Oslo) Tj ",
                    20 + column * 140,
                    person(k),
                    person(k + 7)
                ));
                k += 1;
            }
            content.push_str("ET");
            pages.push(content);
        }
        "pdf-many-pages" => {
            let mut total = 0;
            let mut k = 0;
            while total < bytes {
                let mut content = String::from("BT /F1 11 Tf 72 760 Td 14 TL ");
                for line in 0..6 {
                    content.push_str(&format!(
                        "T* ({} arrived in Rome on June {}.) Tj ",
                        person(k + line),
                        1 + (k + line) % 28
                    ));
                }
                content.push_str("ET");
                total += content.len() + 230;
                pages.push(content);
                k += 1;
            }
        }
        _ => return None,
    }
    Some(pdf_document(&pages))
}

/// A well-formed PDF of the given content streams, one page each, in Helvetica
/// (also the starting point of the property test that damages PDFs).
pub fn pdf_document(contents: &[String]) -> String {
    let n = contents.len();
    // Objects: 1 catalog, 2 pages, 3 font, then a page and its content per page.
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    for (i, content) in contents.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents {} 0 R /Resources << /Font << /F1 3 0 R >> >> >>",
            5 + 2 * i
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ));
    }
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{object}\nendobj\n", i + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for offset in offsets {
        pdf.push_str(&format!("{offset:010} 00000 n \n"));
    }
    pdf.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    pdf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_is_generated_at_about_the_asked_size() {
        for &shape in SHAPES {
            let (name, text) = hostile(shape, 10_000).expect(shape);
            assert!(
                text.len() >= 10_000 && text.len() < 11_000,
                "{shape}: {}",
                text.len()
            );
            assert!(name.contains('.'), "{shape}");
        }
        assert!(hostile("no such shape", 10).is_none());
        assert_eq!(invented_given_name(0), "Kakakaka");
        assert_ne!(invented_given_name(1), invented_given_name(16));
    }
}
