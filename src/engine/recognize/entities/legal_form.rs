//! A company's legal form standing alone ("Acme Robotics, Inc." gives "Inc") is no name.

use super::{DocumentView, Segment};
use crate::engine::recognize::words::is_legal_form;

impl DocumentView<'_> {
    /// Drops a legal form ("Inc", "Ltd", "LLC"…) that stands as a name of its own,
    /// as after a comma. The organisation before it keeps its span without the form:
    /// measured on the SEC filings, whose gold leaves ", Inc." out (extending the
    /// span over it cost 1.5 points of exact ORG F1 there).
    pub(super) fn drop_lone_legal_forms(&self, segments: &mut Vec<Segment>) {
        segments.retain(|s| {
            let mut words = (s.first..s.end).filter(|&i| self.is_word(i));
            let lone = match (words.next(), words.next()) {
                (Some(only), None) => is_legal_form(self.word(only)),
                _ => false,
            };
            !lone
        });
    }
}
