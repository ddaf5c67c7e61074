//! Sports results: teams named after towns ("Leeds beat Chelsea 2-1", "Lazio 1 Roma 1", "drew 1-1 with Benfica") are organisations there, nations stay places, players with their figures in brackets are persons, and neither score nor figure is a model number.

use super::known::is_nation;
use super::{DocumentView, EntityType, Evidence, Segment};
use crate::engine::recognize::lexicon::lexicon;
use crate::engine::recognize::namelike::name_likeness;
use crate::engine::recognize::token::TokenKind;
use crate::engine::recognize::words::{is_result_noun, is_result_verb, is_team_word};

/// How far from a name a results line is looked at, either side.
const RESULTS_LINE: usize = 24;

impl<'a> DocumentView<'a> {
    /// A goal count: a number of one or two digits.
    fn goals(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Number && t.end - t.start <= 2)
    }

    /// "2-1" at token `i`: goals, a dash and goals, written together; or a
    /// cricket score, runs and wickets ("231-7": up to three digits, then at most 10).
    pub(super) fn score_at(&self, i: usize) -> bool {
        let dash =
            matches!(self.word(i + 1), "-" | "–") && self.joined(i + 1) && self.joined(i + 2);
        dash && (self.goals(i) && self.goals(i + 2)
            || self.runs_and_wickets(i)
            || self.basketball_points(i))
    }

    /// "118-110": points of a basketball game around token `i + 1`, the winner's
    /// first: both 40 to 200 and at most 60 apart (an aircraft's "747-400" is none).
    fn basketball_points(&self, i: usize) -> bool {
        let points = |k: usize| {
            self.tokens
                .get(k)
                .filter(|t| t.kind == TokenKind::Number && t.end - t.start <= 3)
                .and_then(|_| self.word(k).parse::<u32>().ok())
                .filter(|p| (40..=200).contains(p))
        };
        matches!((points(i), points(i + 2)), (Some(a), Some(b)) if a >= b && a - b <= 60)
    }

    /// "231-7": runs (one to three digits) and wickets (0 to 10) around token `i + 1`.
    fn runs_and_wickets(&self, i: usize) -> bool {
        let number = |k: usize, digits: usize| {
            self.tokens
                .get(k)
                .filter(|t| t.kind == TokenKind::Number && t.end - t.start <= digits)
                .and_then(|_| self.word(k).parse::<u32>().ok())
        };
        number(i, 3).is_some() && number(i + 2, 2).is_some_and(|wickets| wickets <= 10)
    }

    /// The line of `first..end` reads "Team 1 Team 1": a name, goals, a name, goals,
    /// and nothing else but scorers in brackets ("Juventus 2 (Vieri 31) Parma 0").
    fn in_results_line(&self, first: usize, end: usize) -> bool {
        self.goals(end) && !self.in_brackets(first) && self.results_line_around(first, end)
    }

    /// The bounds of the line around `first..end`, if it is short: at most
    /// [`RESULTS_LINE`] tokens either side, so that a long line costs nothing per name.
    fn short_line_around(&self, first: usize, end: usize) -> Option<(usize, usize)> {
        let mut line_first = first;
        while !self.tokens[line_first].line_start {
            if line_first == 0 || first - line_first >= RESULTS_LINE {
                return None;
            }
            line_first -= 1;
        }
        let mut line_end = end;
        while line_end < self.tokens.len() && !self.new_line(line_end) {
            if line_end - end >= RESULTS_LINE {
                return None;
            }
            line_end += 1;
        }
        Some((line_first, line_end))
    }

    /// Whether the short line around `first..end` is a results line: outside
    /// brackets, two goal counts, the second last, names between.
    fn results_line_around(&self, first: usize, end: usize) -> bool {
        let Some((line_first, line_end)) = self.short_line_around(first, end) else {
            return false;
        };
        let mut depth = 0;
        let mut outside = Vec::with_capacity(line_end - line_first);
        for i in line_first..line_end {
            match self.word(i) {
                "(" => depth += 1,
                ")" if depth > 0 => depth -= 1,
                _ if depth == 0 => outside.push(i),
                _ => {}
            }
        }
        let numbers: Vec<usize> = outside.iter().copied().filter(|&i| self.goals(i)).collect();
        depth == 0
            && numbers.len() == 2
            && numbers[0] > line_first
            && numbers[1] == *outside.last().unwrap_or(&0)
            && numbers[1] > numbers[0] + 1
            && outside
                .iter()
                .filter(|&&i| !self.goals(i))
                .all(|&i| self.is_name_word(i) || matches!(self.word(i), "-" | "–" | "." | "&"))
    }

    /// Token `i` stands inside brackets opened on its line, within a few tokens.
    fn in_brackets(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 && i - k < RESULTS_LINE && !self.tokens[k].line_start {
            k -= 1;
            match self.word(k) {
                "(" => return true,
                ")" => return false,
                _ => {}
            }
        }
        false
    }

    /// A scorer: a name followed by the minute, in brackets on a results line
    /// ("(Vieri 31, Jugovic 77)") or on a "Scorers:" line; or a player of a cricket
    /// scorecard.
    pub(super) fn is_scorer(&self, first: usize, end: usize) -> bool {
        if self.in_cricket_scorecard(first, end) {
            return true;
        }
        let minute = self
            .tokens
            .get(end)
            .is_some_and(|t| t.kind == TokenKind::Number && t.end - t.start <= 3);
        if !minute {
            return false;
        }
        if self.in_brackets(first) {
            return self.results_line_around(first, end) || self.in_bracketed_figures(first, end);
        }
        let Some((line_first, _)) = self.short_line_around(first, end) else {
            return false;
        };
        matches!(self.word(line_first), "Scorers" | "Scorer" | "Goalscorers")
            && self.word(line_first + 1) == ":"
    }

    /// "Tom Price c Ravi Nair b Wesley Hart 45": in a cricket scorecard the fielder
    /// after "c" or "st", the bowler after "b", and the batsman opening a line before
    /// his dismissal ("c", "b", "lbw", "st", "run out", "not out") are persons.
    fn in_cricket_scorecard(&self, first: usize, end: usize) -> bool {
        let mark_before = first > 0
            && matches!(self.word(first - 1), "c" | "b" | "st")
            && !self.new_line(first - 1)
            && !self.tokens[first - 1].line_start;
        let dismissal_after = self.tokens[first].line_start
            && !self.new_line(end)
            && match self.word(end) {
                "c" | "b" | "lbw" | "st" => true,
                "run" | "not" => self.word(end + 1) == "out",
                _ => false,
            };
        mark_before || dismissal_after
    }

    /// "(Aravinda de Silva 66, Sanath Jayasuriya 45)": a list in brackets of names
    /// each followed by a figure (runs, a minute, a time); the name right after the
    /// bracket or a comma, the figure right before a comma or the closing bracket.
    /// Places are left out ("(Kenya 3, Uganda 2)" are teams), and a single word
    /// counts only on a line with a score ("Sales rose (Acme 12, Zentrix 15)" lists
    /// no players).
    fn in_bracketed_figures(&self, first: usize, end: usize) -> bool {
        first > 0
            && matches!(self.word(first - 1), "(" | ",")
            && matches!(self.word(end + 1), "," | ")")
            && !self.new_line(end + 1)
            && lexicon()
                .places_named(&self.span_text(first, end))
                .is_empty()
            && (end - first >= 2 || self.score_on_line(first, end))
    }

    /// A score on the short line around `first..end`.
    fn score_on_line(&self, first: usize, end: usize) -> bool {
        self.short_line_around(first, end)
            .is_some_and(|(line_first, line_end)| (line_first..line_end).any(|i| self.score_at(i)))
    }

    /// A name followed by a score, or standing in a results line or a standings
    /// table, is a team.
    pub(super) fn followed_by_score(&self, first: usize, end: usize) -> bool {
        self.score_at(end) || self.in_results_line(first, end) || self.in_standings_line(first, end)
    }

    /// "Newcastle 4 3 0 1 8 4 9": a name opening its line and followed by nothing but
    /// four to ten small numbers (played, won, drawn, lost, goals, points).
    fn in_standings_line(&self, first: usize, end: usize) -> bool {
        if !self.tokens[first].line_start {
            return false;
        }
        let small = |i: usize| {
            self.tokens
                .get(i)
                .is_some_and(|t| t.kind == TokenKind::Number && t.end - t.start <= 3)
        };
        let mut k = end;
        while k < self.tokens.len() && k - end < 10 && small(k) && !self.new_line(k) {
            k += 1;
        }
        k - end >= 4 && (k == self.tokens.len() || self.new_line(k))
    }

    /// A name before a result verb of a sentence with a score or a margin ("Leeds
    /// beat Chelsea 2-1", "Kent beat Essex by 39 runs").
    pub(super) fn before_result_verb(&self, end: usize) -> bool {
        is_result_verb(self.word(end)) && self.result_follows(end + 1)
    }

    /// A name right after a result verb, the sentence giving a score or a margin
    /// after it ("Leicestershire beat Somerset by an innings and 39 runs").
    fn after_result_verb(&self, first: usize, end: usize) -> bool {
        first > 0
            && is_result_verb(self.word(first - 1))
            && !self.tokens[first].line_start
            && self.result_follows(end)
    }

    /// "drew 1-1 with Benfica", "lost 3-1 to Ajax", "a 1-1 draw with Benfica", "a 2-0
    /// win over Syria": the opponent after a result verb and a score, or after a
    /// score and a result noun. ("at" is left out: it names the ground; a score
    /// alone says nothing: "the vote was 5-4 with Kennedy dissenting".)
    fn opponent_after_score(&self, first: usize) -> bool {
        // The score's three tokens ("1", "-", "1") end right before the preposition,
        // or before the result noun before it.
        first >= 5
            && matches!(
                self.word(first - 1),
                "with" | "over" | "against" | "to" | "by"
            )
            && !self.tokens[first].line_start
            && (self.score_at(first - 4)
                && (is_result_verb(self.word(first - 5)) || self.word(first - 5) == "won")
                || is_result_noun(self.word(first - 2)) && self.score_at(first - 5))
    }

    /// A score ("2-1") or a cricket margin ("by an innings", "by 39 runs", "by
    /// six wickets") within a dozen tokens from `from`, in the same sentence.
    fn result_follows(&self, from: usize) -> bool {
        (from..(from + 12).min(self.tokens.len()))
            .take_while(|&i| !self.tokens[i].sentence_start)
            .any(|i| self.score_at(i) || self.cricket_margin_at(i))
    }

    /// "by an innings", "by 39 runs", "by six wickets" at token `i`.
    fn cricket_margin_at(&self, i: usize) -> bool {
        self.word(i) == "by"
            && (self.word(i + 1) == "an" && self.word(i + 2) == "innings"
                || matches!(self.word(i + 2), "runs" | "wickets"))
    }

    /// "Mark Philippoussis", "Richard Krajicek": a given name of the lists, then a
    /// last word that reads as a surname and names no team ("Aston Villa", "Ipswich
    /// Town", "Crystal Palace" open with given names too).
    fn reads_as_player(&self, first: usize, end: usize) -> bool {
        let lex = lexicon();
        let last = self.word(end - 1);
        let n_words = (first..end).filter(|&i| self.is_word(i)).count();
        (2..=3).contains(&n_words)
            && lex.is_given_name(self.word(first))
            && !is_team_word(last)
            && lex.places_named(last).is_empty()
            && (lex.is_surname(last) || name_likeness().person_margin(last) > 0.0)
    }

    /// Places, organisations and weakly typed persons that play: typed as organisations, unlinked.
    pub(super) fn type_teams(&self, segments: &mut [Segment]) {
        for k in 0..segments.len() {
            let after_nationality = k > 0
                && segments[k - 1].kind == EntityType::Nationality
                && segments[k - 1].end == segments[k].first;
            let s = &mut segments[k];
            // A person only when typed weakly ("Chelsea" is a given name too) or named
            // like a club ("Aston Villa"), and not a player of tennis or golf
            // ("Australian Mark Philippoussis beat …").
            let may_play = match s.kind {
                // A country playing is its national team, named as the place is:
                // it stays in the place list (so do the home nations).
                EntityType::Place => !is_nation(&self.span_text(s.first, s.end)),
                EntityType::Organisation => true,
                EntityType::Person => {
                    (s.evidence < Evidence::Strong || is_team_word(self.word(s.end - 1)))
                        && !after_nationality
                        && !self.reads_as_player(s.first, s.end)
                }
                EntityType::Nationality => false,
            };
            if !may_play {
                continue;
            }
            let organisation_by_keyword =
                s.kind == EntityType::Organisation && s.evidence == Evidence::Strong;
            if !organisation_by_keyword && self.is_scorer(s.first, s.end) {
                s.kind = EntityType::Person;
                s.evidence = Evidence::Strong;
                s.place = None;
            } else if self.followed_by_score(s.first, s.end)
                || self.before_result_verb(s.end)
                || self.after_result_verb(s.first, s.end)
                || self.opponent_after_score(s.first)
            {
                s.kind = EntityType::Organisation;
                s.evidence = Evidence::Strong;
                s.place = None;
            }
        }
    }
}
