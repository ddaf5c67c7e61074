//! Defined terms and parts of contracts and filings: in a document written in the legal register ("shall", "hereof", "pursuant to"), a capitalised term the text uses after a determiner ("the Servicer", "such Loan Documents", "each Subsidiary") is a defined term, not a person or an organisation; anywhere, "Article IV" and "Exhibit A" are parts of a document.

use rustc_hash::FxHashSet as HashSet;

use super::shape::starts_upper;
use super::{DocumentView, EntityType, Evidence, Segment};
use crate::engine::recognize::lexicon::lexicon;
use crate::engine::recognize::namelike::name_likeness;
use crate::engine::recognize::token::{lowered_in, Lower, TokenKind};
use crate::engine::recognize::words::{is_function_word, is_org_keyword, WordSet};

/// Words of the legal register: frequent in agreements, indentures and filings,
/// rare in news (a quoted clause gives a few).
const LEGAL_REGISTER: &[&str] = &[
    "shall",
    "hereof",
    "herein",
    "hereunder",
    "hereto",
    "hereby",
    "thereof",
    "therein",
    "thereunder",
    "pursuant",
    "notwithstanding",
    "whereas",
];

/// Asked of every word of every document: a set behind a filter of bits turns
/// nearly every word away at once (a match of the list compared most of them).
fn is_legal_register_word(word: &str) -> bool {
    static REGISTER: WordSet = WordSet::new(LEGAL_REGISTER);
    REGISTER.contains(word)
}

/// Connectives of the register that open a clause in capitals ("IN WITNESS
/// WHEREOF", "NOW, THEREFORE") without being written in lower case elsewhere.
const LEGAL_CONNECTIVES: &[&str] = &["whereof", "witnesseth", "therefore", "now", "whereas"];

/// A document is in the legal register from this many register words…
const MIN_REGISTER_WORDS: usize = 8;
/// … making at least this share of its words, per thousand: the eight SEC loan
/// agreements have 2.6 to 24 (those written with "will" the least); no GUM or
/// wikigold document has more than one register word.
const MIN_REGISTER_PER_THOUSAND: usize = 2;

/// Determiners before a defined term.
const DETERMINERS: &[&str] = &[
    "the", "such", "each", "any", "all", "this", "that", "said", "every", "no",
];

/// The most tokens a filing's item heading holds after "Item N.NN" ("Departure of
/// Directors or Certain Officers; Election of Directors; …").
const ITEM_HEADING_TOKENS: usize = 32;

impl<'a> DocumentView<'a> {
    /// Whether the document is written in the legal register (counted once per document).
    pub(super) fn in_legal_register(&self) -> bool {
        let mut words = 0usize;
        let mut register = 0usize;
        for (t, &word) in self.tokens.iter().zip(&self.words) {
            if t.kind != TokenKind::Word {
                continue;
            }
            words += 1;
            if is_legal_register_word(word) {
                register += 1;
            }
        }
        register >= MIN_REGISTER_WORDS && register * 1000 >= words * MIN_REGISTER_PER_THOUSAND
    }

    /// In a document of the legal register, drops the names typed without strong
    /// evidence that the text writes after a determiner somewhere: every use of a
    /// defined term goes, a gazetteer place, an organisation by its keyword ("the
    /// Federal Reserve Board") or a titled person stays.
    pub(super) fn drop_defined_terms(&self, segments: &mut Vec<Segment>) {
        if !self.parts.defined_terms || !self.in_legal_register() {
            return;
        }
        // Strong evidence from the document vote alone does not keep a term ("the
        // Servicer" throughout a servicing agreement): a gazetteer place, an
        // organisation keyword last or a given name first does.
        let lex = lexicon();
        let weak = |s: &Segment| {
            s.evidence != Evidence::Strong
                || s.kind != EntityType::Place
                    && !is_org_keyword(self.word(s.end - 1))
                    && !lex.is_given_name(self.word(s.first))
                    && s.role.is_none()
        };
        let after_determiner: HashSet<String> = segments
            .iter()
            .filter(|s| weak(s) && s.first > 0)
            .filter(|s| DETERMINERS.contains(&self.word(s.first - 1).to_lowercase().as_str()))
            .map(|s| self.span_text(s.first, s.end).into_owned())
            .collect();
        segments.retain(|s| {
            let determiner_first =
                s.end - s.first > 1 && lowered_in(self.word(s.first), DETERMINERS);
            // "The Company", "The Bank": the determiner and a keyword alone.
            let determiner_and_keyword =
                determiner_first && s.end - s.first == 2 && is_org_keyword(self.word(s.first + 1));
            !determiner_and_keyword
                && (!weak(s)
                    || !after_determiner.contains(self.span_text(s.first, s.end).as_ref())
                        && !determiner_first
                        && !self.of_ordinary_words(s))
        });
    }

    /// Every word of the segment is one the document also writes in lower case,
    /// or a word of the register: headings and defined terms of a contract
    /// ("Permitted Investments", "Severability", "IN WITNESS WHEREOF", "NOW,
    /// THEREFORE") rather than names, which a contract does not write in lower case.
    fn of_ordinary_words(&self, s: &Segment) -> bool {
        let mut words = 0;
        for i in s.first..s.end {
            let w = self.word(i);
            if !w.chars().any(char::is_alphabetic) {
                continue;
            }
            let lower = w.to_lowercase();
            let ordinary = self.writes_in_lowercase(&lower)
                || is_legal_register_word(lower.as_str())
                || LEGAL_CONNECTIVES.contains(&lower.as_str());
            if !ordinary {
                return false;
            }
            words += 1;
        }
        words > 0
    }
}

/// Parts of a document named with their number or letter ("Article IV", "Exhibit
/// A", "Schedule 2"), in contracts, laws and filings.
const DOCUMENT_PARTS: &[&str] = &[
    "article",
    "articles",
    "section",
    "sections",
    "subsection",
    "exhibit",
    "exhibits",
    "schedule",
    "schedules",
    "annex",
    "appendix",
    "clause",
    "chapter",
    "paragraph",
];

/// A roman numeral in capitals ("IV", "XII") or a single capital letter ("A").
fn numbers_a_part(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 6
        && (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase())
            || word
                .chars()
                .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')))
}

/// Section headings of annual and quarterly reports (Forms 10-K and 10-Q, and the
/// like): a line of its own with one of them, in any case, is no name.
const FILING_HEADINGS: &[&str] = &[
    "Risk Factors",
    "Legal Proceedings",
    "Unresolved Staff Comments",
    "Mine Safety Disclosures",
    "Market Risk",
    "Controls and Procedures",
    "Forward-Looking Statements",
    "Results of Operations",
    "Liquidity and Capital Resources",
    "Critical Accounting Policies",
    "Critical Accounting Estimates",
    "Executive Compensation",
    "Financial Statements",
    "Selected Financial Data",
    "Recent Developments",
    "Other Information",
    "Signatures",
];

impl DocumentView<'_> {
    /// "Risk Factors", "RISK FACTORS": a report's section heading on a line of its own.
    pub(super) fn names_a_filing_heading(&self, first: usize, end: usize) -> bool {
        if !self.parts.defined_terms {
            return false;
        }
        let whole_line = self.tokens[first].line_start
            && (end == self.tokens.len()
                || self.new_line(end)
                || self.word(end) == "." && self.new_line(end + 1));
        whole_line && end - first <= 5 && {
            let heading = self.span_text(first, end);
            FILING_HEADINGS
                .iter()
                .any(|known| known.eq_ignore_ascii_case(&heading))
        }
    }

    /// "Article IV", "Exhibit A", "ARTICLE VII", and "Section" before its number:
    /// a part of the document, not an organisation.
    pub(super) fn names_a_document_part(&self, first: usize, end: usize) -> bool {
        // Asked of every piece: lower-cased on the stack.
        if !self.parts.defined_terms || !lowered_in(self.word(first), DOCUMENT_PARTS) {
            return false;
        }
        match end - first {
            1 => {
                let next = self.word(end);
                numbers_a_part(next)
                    || self
                        .tokens
                        .get(end)
                        .is_some_and(|t| t.kind == TokenKind::Number)
            }
            2 => numbers_a_part(self.word(first + 1)),
            _ => false,
        }
    }

    /// "Telephone: (619) 230-3029", "Beneficiary Name: …", "Source: OneCLE": a label
    /// of a form or signature block, made of words that look more like ordinary
    /// English words than like names (the name-likeness model: measured against
    /// P(word) ≥ 0.5, which kept "Name" and "Source"), followed by its colon. A
    /// personal name before a colon stays ("Anna Berg: we will appeal"); a name that
    /// reads as an English word does not ("Reuters:", a known cost).
    pub(super) fn names_a_form_label(&self, first: usize, end: usize) -> bool {
        if !self.parts.defined_terms || self.word(end) != ":" || !self.joined(end) {
            return false;
        }
        let model = name_likeness();
        (first..end).filter(|&i| self.is_word(i)).all(|i| {
            let w = self.word(i);
            // More like an ordinary word than like a given name, a surname or a place.
            let p = model.likeness(w);
            is_function_word(w) || p[3] >= p[0] && p[3] >= p[1] && p[3] >= p[2]
        })
    }

    /// "6.1 GOVERNMENT COMPLIANCE.", "Section 7.2 Indemnification.": the heading of a
    /// numbered section, right after its number ("6.1", at a line start, after
    /// "Section" or after another heading's semicolon) and ended by a period or a
    /// semicolon, or written in capitals. A rank ("3. Mika Hakkinen") has no number
    /// after its period.
    pub(super) fn names_a_numbered_heading(&self, first: usize, end: usize) -> bool {
        if !self.parts.defined_terms || first < 3 {
            return false;
        }
        if self.in_item_heading(first) {
            return true;
        }
        let number = |i: usize| self.tokens[i].kind == TokenKind::Number;
        let section_number = number(first - 3)
            && self.word(first - 2) == "."
            && self.joined(first - 2)
            && number(first - 1)
            && self.joined(first - 1);
        let numbered = section_number
            && (self.new_line(first - 3)
                || first >= 4
                    && matches!(
                        Lower::new(self.word(first - 4)).as_str(),
                        "section" | "article" | "\u{a7}" | ";"
                    ));
        if !numbered {
            return false;
        }
        let ended = matches!(self.word(end), "." | ";" | ":") && self.joined(end);
        let in_capitals = (first..end)
            .filter(|&i| self.is_word(i))
            .all(|i| !self.word(i).chars().any(char::is_lowercase));
        ended || in_capitals
    }

    /// "Item 5.02 Departure of Directors or Certain Officers.", "Item 9.01 Financial
    /// Statements and Exhibits.": every word of a filing's numbered item heading, a
    /// line of Title Case words after "Item N.NN" up to its period.
    fn in_item_heading(&self, first: usize) -> bool {
        let title_case = |i: usize| {
            let w = self.word(i);
            !self.is_word(i)
                || starts_upper(w)
                || matches!(w, "of" | "or" | "and" | "to" | "for" | "the" | "on" | "in")
        };
        // Back to the item number, over Title Case words only; an item heading is
        // short, so the walks are bounded (a long line in capitals stays linear).
        let mut k = first;
        while k > 0
            && first - k < ITEM_HEADING_TOKENS
            && !self.new_line(k)
            && title_case(k - 1)
            && self.tokens[k - 1].kind != TokenKind::Number
        {
            k -= 1;
        }
        let item_number = k >= 4
            && self.tokens[k - 1].kind == TokenKind::Number
            && self.word(k - 2) == "."
            && self.tokens[k - 3].kind == TokenKind::Number
            && self.word(k - 4).eq_ignore_ascii_case("item")
            && self.new_line(k - 4);
        if !item_number {
            return false;
        }
        // On to the heading's period, over Title Case words only.
        let mut j = first;
        while j < self.tokens.len() && !self.new_line(j) && self.word(j) != "." {
            if j - k >= ITEM_HEADING_TOKENS {
                return false;
            }
            if !title_case(j) {
                return false;
            }
            j += 1;
        }
        j < self.tokens.len() && self.word(j) == "."
    }
}
