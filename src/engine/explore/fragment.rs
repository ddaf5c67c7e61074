//! The view state as a URL fragment and back: permalinks that survive other versions.

use jiff::civil::Date;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::engine::explore::places::PlaceFilter;
use crate::engine::explore::state::{DocRef, Value, ViewState};
use crate::engine::recognize::entities::EntityType;
use crate::engine::recognize::lexicon::{lexicon, PlaceKind};

/// Characters left as they are in a fragment value.
const FRAGMENT_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn encode_value(v: &Value) -> String {
    match v {
        Value::Entity(id) => format!("e.{id}"),
        Value::Place(PlaceFilter::Country(iso)) => format!("c.{iso}"),
        Value::Place(PlaceFilter::Region(iso, admin1)) => format!("r.{iso}.{admin1}"),
    }
}

fn decode_value(s: &str) -> Option<Value> {
    let lex = lexicon();
    let (kind, rest) = s.split_once('.')?;
    match kind {
        "e" if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_hexdigit()) => {
            Some(Value::Entity(rest.to_string()))
        }
        "c" => {
            let place = lex.country(rest)?;
            Some(Value::Place(PlaceFilter::Country(place.country)))
        }
        "r" => {
            let (iso, admin1) = rest.split_once('.')?;
            let place = lex.region(iso, admin1)?;
            (place.kind == PlaceKind::Region).then_some(Value::Place(PlaceFilter::Region(
                place.country,
                place.admin1,
            )))
        }
        _ => None,
    }
}

fn encode_list(values: &[Value]) -> String {
    values
        .iter()
        .map(encode_value)
        .collect::<Vec<_>>()
        .join(",")
}

fn decode_list(s: &str) -> Vec<Value> {
    s.split(',').filter_map(decode_value).collect()
}

/// Deepest zoom a link may ask for: each level is a drag on the timeline, so a
/// longer list is no link the page made.
const MAX_ZOOM_LEVELS: usize = 16;

/// Zoom levels, `2024-05-01~2024-06-30,2024-05-10~2024-05-20`: a level that does
/// not parse, or that does not lie within the one before, ends the list.
fn decode_zoom(value: &str) -> Vec<(Date, Date)> {
    let mut levels: Vec<(Date, Date)> = Vec::new();
    for level in value.split(',').take(MAX_ZOOM_LEVELS) {
        let Some((a, b)) = level.split_once('~') else {
            break;
        };
        let (Ok(a), Ok(b)) = (a.parse::<Date>(), b.parse::<Date>()) else {
            break;
        };
        let (a, b) = (a.min(b), a.max(b));
        if levels.last().is_some_and(|&(x, y)| a < x || b > y) {
            break;
        }
        levels.push((a, b));
    }
    levels
}

/// The state as a URL fragment (without '#'): `in=e.1f2a,c.KZ&any=PER&not=…&from=…&to=…&q=…&zoom=…~…&once=1&view=network&doc=file~1`.
/// Empty parts are left out; an empty state gives an empty string.
pub fn to_fragment(state: &ViewState) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !state.include.is_empty() {
        parts.push(format!("in={}", encode_list(&state.include)));
    }
    if !state.any_of.is_empty() {
        let codes: Vec<&str> = state.any_of.iter().map(|f| f.code()).collect();
        parts.push(format!("any={}", codes.join(",")));
    }
    if !state.exclude.is_empty() {
        parts.push(format!("not={}", encode_list(&state.exclude)));
    }
    if let Some((first, last)) = state.range {
        parts.push(format!("from={first}&to={last}"));
    }
    if !state.search.trim().is_empty() {
        parts.push(format!(
            "q={}",
            utf8_percent_encode(state.search.trim(), FRAGMENT_VALUE)
        ));
    }
    if !state.zoom.is_empty() {
        let levels: Vec<String> = state.zoom.iter().map(|(a, b)| format!("{a}~{b}")).collect();
        parts.push(format!("zoom={}", levels.join(",")));
    }
    if state.once {
        parts.push("once=1".to_string());
    }
    if state.network {
        parts.push("view=network".to_string());
    }
    if let Some(doc) = &state.open {
        parts.push(format!(
            "doc={}~{}",
            utf8_percent_encode(&doc.source, FRAGMENT_VALUE),
            doc.part
        ));
    }
    parts.join("&")
}

/// Reads a state from a URL fragment (with or without '#'). Unknown or malformed
/// parts are ignored: a link from a newer or older version still opens.
pub fn from_fragment(fragment: &str) -> ViewState {
    let mut state = ViewState::default();
    let (mut from, mut to) = (None, None);
    for part in fragment.trim_start_matches('#').split('&') {
        let Some((key, value)) = part.split_once('=') else {
            continue;
        };
        let text = || percent_decode_str(value).decode_utf8_lossy().into_owned();
        match key {
            "in" => state.include = decode_list(value),
            "not" => state.exclude = decode_list(value),
            "any" => state.any_of = value.split(',').filter_map(EntityType::from_code).collect(),
            "from" => from = value.parse::<Date>().ok(),
            "to" => to = value.parse::<Date>().ok(),
            "q" => state.search = text(),
            "zoom" => state.zoom = decode_zoom(value),
            "once" => state.once = value == "1",
            "view" => state.network = value == "network",
            "doc" => {
                let decoded = text();
                if let Some((source, part)) = decoded.rsplit_once('~') {
                    if let Ok(part) = part.parse() {
                        state.open = Some(DocRef {
                            source: source.to_string(),
                            part,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (from, to) {
        state.range = Some((a.min(b), a.max(b)));
    }
    state
}
