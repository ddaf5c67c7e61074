//! Named-case tables for the entity rules, one per rule family: runs and headlines, the peeling rules, typing (classify, vote, document-level passes), companies, contracts, wire copy and news.

use super::*;
use crate::engine::recognize::token::tokenize;

fn found(text: &str) -> Vec<(String, &'static str)> {
    let tokens = tokenize(text);
    recognize(text, &tokens)
        .iter()
        .map(|m| (text[m.start..m.end].to_string(), m.kind.code()))
        .collect()
}

/// (case name, text, expected [(span text, type code)])
type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

fn check(cases: &[Case]) {
    let mut names = std::collections::HashSet::new();
    for (name, text, expected) in cases {
        assert!(names.insert(name), "duplicate case name {name}");
        let got = found(text);
        let got: Vec<(&str, &str)> = got.iter().map(|(s, t)| (s.as_str(), *t)).collect();
        assert_eq!(&got, expected, "case {name}: {text}");
    }
}

mod companies;
mod contracts;
mod layer;
mod news;
mod peel;
mod runs;
mod typing;
mod wire;
