//! Sports results: teams named after places ("Leeds beat Chelsea 2-1", "Lazio 1 Roma 1") are organisations there, and the score is no model number.

use super::{DocumentView, EntityType, Evidence, Segment};
use crate::engine::recognize::token::TokenKind;
use crate::engine::recognize::words::is_result_verb;

impl<'a> DocumentView<'a> {
    /// A goal count: a number of one or two digits.
    fn goals(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Number && t.end - t.start <= 2)
    }

    /// "2-1" at token `i`: goals, a dash and goals, written together.
    pub(super) fn score_at(&self, i: usize) -> bool {
        self.goals(i)
            && matches!(self.word(i + 1), "-" | "–")
            && self.joined(i + 1)
            && self.joined(i + 2)
            && self.goals(i + 2)
    }

    /// The line of `first..end` reads "Team 1 Team 1": a name, goals, a name, goals,
    /// and nothing else. Only short lines are looked at (at most [`RESULTS_LINE`]
    /// tokens either side), so that a long line costs nothing per name.
    fn in_results_line(&self, first: usize, end: usize) -> bool {
        const RESULTS_LINE: usize = 12;
        if !self.goals(end) {
            return false;
        }
        let mut line_first = first;
        while !self.tokens[line_first].line_start {
            if line_first == 0 || first - line_first >= RESULTS_LINE {
                return false;
            }
            line_first -= 1;
        }
        let mut line_end = end;
        while line_end < self.tokens.len() && !self.new_line(line_end) {
            if line_end - end >= RESULTS_LINE {
                return false;
            }
            line_end += 1;
        }
        let numbers: Vec<usize> = (line_first..line_end).filter(|&i| self.goals(i)).collect();
        numbers.len() == 2
            && numbers[0] > line_first
            && numbers[1] == line_end - 1
            && numbers[1] > numbers[0] + 1
            && (line_first..line_end)
                .filter(|&i| !self.goals(i))
                .all(|i| self.is_name_word(i) || matches!(self.word(i), "-" | "–" | "." | "&"))
    }

    /// A name followed by a score, or standing in a results line, is a team.
    pub(super) fn followed_by_score(&self, first: usize, end: usize) -> bool {
        self.score_at(end) || self.in_results_line(first, end)
    }

    /// A name before a result verb of a sentence with a score ("Leeds beat Chelsea 2-1").
    fn before_result_verb(&self, end: usize) -> bool {
        if !is_result_verb(self.word(end)) {
            return false;
        }
        (end + 1..(end + 12).min(self.tokens.len()))
            .take_while(|&i| !self.tokens[i].sentence_start)
            .any(|i| self.score_at(i))
    }

    /// Places, organisations and weakly typed persons that play: typed as organisations, unlinked.
    pub(super) fn type_teams(&self, segments: &mut [Segment]) {
        for s in segments.iter_mut() {
            // A person only when typed weakly ("Chelsea" is a given name too).
            let may_play = match s.kind {
                EntityType::Place | EntityType::Organisation => true,
                EntityType::Person => s.evidence < Evidence::Strong,
                EntityType::Nationality => false,
            };
            if !may_play {
                continue;
            }
            if self.followed_by_score(s.first, s.end) || self.before_result_verb(s.end) {
                s.kind = EntityType::Organisation;
                s.evidence = Evidence::Strong;
                s.place = None;
            }
        }
    }
}
