//! Quoted titles and defined terms: a name standing alone between quotation marks ("A Beautiful Lie", (the "Borrower")) names a work, a code name or a defined term, not a person, organisation or place — and so does the same term wherever else the document uses it.

use std::borrow::Cow;

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
        if !segments.iter().any(|s| self.fills_quotes(s)) {
            return;
        }
        let texts: Vec<Cow<str>> = segments
            .iter()
            .map(|s| self.span_text(s.first, s.end))
            .collect();
        let mut defined: HashSet<&str> = HashSet::default();
        let quoted: Vec<bool> = segments
            .iter()
            .enumerate()
            .map(|(k, s)| {
                // A short name is defined right after its organisation (one look
                // back keeps this linear in the segments).
                let short_name = k > 0 && texts[k - 1].contains(texts[k].as_ref());
                let is_quoted =
                    s.evidence != Evidence::Strong && !short_name && self.fills_quotes(s);
                // Only what nothing typed defines a term: a quoted given name
                // (known as "Hassan") is dropped there but not elsewhere.
                if is_quoted && s.evidence == Evidence::Default {
                    defined.insert(texts[k].as_ref());
                }
                is_quoted
            })
            .collect();
        let mut k = 0;
        segments.retain(|s| {
            let keep = s.evidence == Evidence::Strong
                || !quoted[k] && !defined.contains(texts[k].as_ref());
            k += 1;
            keep
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
