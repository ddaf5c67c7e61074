//! Quoted titles: a name standing alone between quotation marks ("A Beautiful Lie", "Jupiter") names a work, a code name or a slogan, not a person, organisation or place.

use super::{DocumentView, Evidence, Segment};

impl DocumentView<'_> {
    /// Drops the segments the rules typed without strong evidence that fill a pair
    /// of quotation marks exactly (a closing comma or period may stand inside the
    /// marks, as American usage puts it). A gazetteer place or a name with an
    /// organisation keyword stays: "the "United Nations"" is still the UN.
    pub(super) fn drop_quoted_titles(&self, segments: &mut Vec<Segment>) {
        segments.retain(|s| s.evidence == Evidence::Strong || !self.fills_quotes(s));
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
