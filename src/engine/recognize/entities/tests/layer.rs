//! The trained layer as the product runs it: it drops what the rules typed by their fallback, outside news reports only.

use super::*;

const CONTRACT: &str = "Contracts for the Navy\n\nKestrel Marine Systems, Norfolk, Virginia, is \
    awarded a $45,000,000 modification to a previously awarded contract for ship repair. Work will \
    be performed in Norfolk, Virginia, and is expected to be completed by March 2027. Fiscal 2026 \
    operation and maintenance funds are obligated at the time of award. Work on the second hull \
    begins in May. The Naval Sea Systems Command is the contracting activity.";

#[test]
fn the_layer_drops_fallback_spans_outside_news_reports() {
    let report = format!("WASHINGTON — The Navy announced contracts on Friday.\n{CONTRACT}");
    check(&[
        (
            "a notice: the sentence-opening 'Work' the rules took for a name is dropped",
            CONTRACT,
            &[
                ("Navy", "ORG"),
                ("Kestrel Marine Systems", "ORG"),
                ("Norfolk", "LOC"),
                ("Virginia", "LOC"),
                ("Norfolk", "LOC"),
                ("Virginia", "LOC"),
                ("Naval Sea Systems Command", "ORG"),
            ],
        ),
        (
            "a news report (a dateline): the rules decide alone",
            &report,
            &[
                ("WASHINGTON", "LOC"),
                ("Navy", "ORG"),
                ("Navy", "ORG"),
                ("Kestrel Marine Systems", "ORG"),
                ("Norfolk", "LOC"),
                ("Virginia", "LOC"),
                ("Work", "ORG"),
                ("Norfolk", "LOC"),
                ("Virginia", "LOC"),
                ("Work", "ORG"),
                ("Naval Sea Systems Command", "ORG"),
            ],
        ),
    ]);
}
