//! Quoted titles and defined terms: a name standing alone between quotation marks ("A Beautiful Lie", (the "Borrower")) names a work, a code name or a defined term, not a person, organisation or place — and so does the same term wherever else the document uses it.

use rustc_hash::FxHashSet as HashSet;

use super::{DocumentView, Evidence, Segment};

impl DocumentView<'_> {
    /// Drops the segments the rules typed without strong evidence that fill a pair
    /// of quotation marks exactly (a closing comma or period may stand inside the
    /// marks, as American usage puts it), and, for a term the rules typed by their
    /// fallback only, the other segments of the document with the same text: a filing that defines (the "Company") then speaks of
    /// "the Company" throughout. A gazetteer place or a name with an organisation
    /// keyword stays ("the "United Nations"" is still the UN), and so does a short
    /// name defined for the organisation named right before it (Acme Holdings Inc.
    /// ("Acme")).
    pub(super) fn drop_quoted_titles(&self, segments: &mut Vec<Segment>) {
        let mut defined: HashSet<String> = HashSet::default();
        let mut quoted = Vec::with_capacity(segments.len());
        // The name just before: a short name is defined right after its organisation
        // (one look back keeps this linear in the segments).
        let mut previous = String::new();
        for s in segments.iter() {
            let text = self.span_text(s.first, s.end).into_owned();
            let short_name = previous.contains(text.as_str());
            let is_quoted = s.evidence != Evidence::Strong && self.fills_quotes(s) && !short_name;
            // Only what nothing typed defines a term: a quoted given name
            // (known as "Hassan") is dropped there but not elsewhere.
            if is_quoted && s.evidence == Evidence::Default {
                defined.insert(text.clone());
            }
            quoted.push(is_quoted);
            previous = text;
        }
        let mut quoted = quoted.into_iter();
        segments.retain(|s| {
            let is_quoted = quoted.next().unwrap_or(false);
            s.evidence == Evidence::Strong
                || !is_quoted && !defined.contains(self.span_text(s.first, s.end).as_ref())
        });
    }

    fn fills_quotes(&self, s: &Segment) -> bool {
        let start = self.tokens[s.first].start;
        let end = self.tokens[s.end - 1].end;
        let opens = self.text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '"' | '\u{201c}' | '\u{2018}' | '\''));
        let mut after = self.text[end..].chars();
        let closes = match after.next() {
            Some('"' | '\u{201d}' | '\u{2019}' | '\'') => true,
            Some(',' | '.') => matches!(after.next(), Some('"' | '\u{201d}' | '\u{2019}')),
            _ => false,
        };
        opens && closes
    }
}
