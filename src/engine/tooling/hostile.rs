//! Generated documents of hostile shapes (dense dates, capitals, endless names, huge
//! lines, deep JSON…), to check that analysis time grows linearly with the input.
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

/// The file name and text of a shape at about `bytes` bytes; `None` for an unknown shape.
pub fn hostile(shape: &str, bytes: usize) -> Option<(String, String)> {
    let mut text = String::with_capacity(bytes + 256);
    let mut k = 0usize;
    let mut fill = |text: &mut String, unit: &dyn Fn(usize) -> String| {
        while text.len() < bytes {
            text.push_str(&unit(k));
            k += 1;
        }
    };
    let name = match shape {
        "dense-dates" => {
            fill(&mut text, &|k| {
                let (m1, m2) = (MONTHS[k % 12], MONTHS[(k + 1) % 12]);
                let year = 1950 + k % 70;
                format!(
                    "{m1} {} {year} to {m2} {} {}, ",
                    1 + k % 28,
                    1 + (k + 3) % 28,
                    year + 1
                )
            });
            "dense-dates.txt"
        }
        "capitals-weekdays" => {
            fill(&mut text, &|k| {
                let who = person(k).to_uppercase();
                let day = WEEKDAYS[k % WEEKDAYS.len()];
                format!("THE PRESIDENT MET {who} IN LONDON ON {day}. ")
            });
            "capitals-weekdays.txt"
        }
        "name-after-name" => {
            fill(&mut text, &|k| format!("{} ", person(k * 7 + k / 400)));
            "name-after-name.txt"
        }
        "surname-aliases" => {
            // A new full name with the one surname each time: the aliases grow with the text.
            fill(&mut text, &|k| {
                format!("{} Smith met Smith again. ", invented_given_name(k))
            });
            "surname-aliases.txt"
        }
        "long-line" => {
            fill(&mut text, &|k| {
                format!(
                    "{} told reporters in Paris that talks would resume on May {}, ",
                    person(k),
                    1 + k % 28
                )
            });
            "long-line.txt"
        }
        "no-whitespace" => {
            fill(&mut text, &|k| format!("abc{}Def", k % 10));
            "no-whitespace.txt"
        }
        "word-per-line" => {
            fill(&mut text, &|k| {
                format!(
                    "{}\n",
                    ["The", "minister", "Paris", "met", "May", "Smith"][k % 6]
                )
            });
            "word-per-line.txt"
        }
        "nested-json" => {
            // Records nested as deep as a record may be, then side by side.
            let depth = 60;
            let open = "{\"items\":[".repeat(depth);
            let close = "]}".repeat(depth);
            text.push('[');
            fill(&mut text, &|k| {
                let comma = if k == 0 { "" } else { "," };
                format!(
                    "{comma}{open}{{\"text\":\"{} in Paris on May 3\"}}{close}",
                    person(k)
                )
            });
            text.push(']');
            "nested.json"
        }
        "wide-json" => {
            // One record with a text field and a great many other keys.
            text.push_str("{\"text\":\"Anna Adler arrived in Oslo on June 2.\"");
            fill(&mut text, &|k| {
                format!(",\"k{k}\":\"{} in Oslo\"", person(k))
            });
            text.push('}');
            "wide.json"
        }
        "csv-huge-field" => {
            text.push_str("id,text\n1,\"");
            fill(&mut text, &|k| {
                format!("{} visited Rome on June {}. ", person(k), 1 + k % 28)
            });
            text.push_str("\"\n");
            "huge-field.csv"
        }
        "csv-tiny-rows" => {
            text.push_str("id,text\n");
            fill(&mut text, &|k| format!("{k},{}\n", GIVEN[k % GIVEN.len()]));
            "tiny-rows.csv"
        }
        "html-tags" => {
            text.push_str("<html><body>");
            fill(&mut text, &|k| {
                format!(
                    "<span class=\"c{}\">{}</span>",
                    k % 9,
                    FAMILY[k % FAMILY.len()]
                )
            });
            text.push_str("</body></html>");
            "tags.html"
        }
        _ => return None,
    };
    Some((name.to_string(), text))
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
