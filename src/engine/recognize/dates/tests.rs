//! Named-case tables for the date forms, each case with its document date.

use super::*;
use crate::engine::recognize::token::tokenize;

/// (case name, document date or "", text, expected [(matched text, value)])
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

fn run(cases: &[Case]) {
    let mut names = std::collections::HashSet::new();
    for (name, dct, text, expected) in cases {
        assert!(names.insert(name), "duplicate case name {name}");
        let metadata_date = (!dct.is_empty()).then(|| dct.parse::<Date>().unwrap());
        let tokens = tokenize(text);
        let context = DateContext {
            metadata_date,
            ..DateContext::default()
        };
        let (mentions, _) = recognize(text, &tokens, context);
        let got: Vec<(&str, &str)> = mentions
            .iter()
            .map(|m| (&text[m.start..m.end], m.value.as_str()))
            .collect();
        assert_eq!(&got, expected, "case {name}: {text}");
    }
}

#[test]
#[rustfmt::skip]
fn full_dates() {
    run(&[
        ("month day year", "", "signed on April 19, 2024.", &[("April 19, 2024", "2024-04-19")]),
        ("day month year", "", "on 19 April 2024 it", &[("19 April 2024", "2024-04-19")]),
        ("abbreviated month", "2024-05-01", "on Apr. 19 they", &[("Apr. 19", "2024-04-19")]),
        ("iso", "", "dated 2024-04-19.", &[("2024-04-19", "2024-04-19")]),
        ("day first numeric", "", "on 19/04/2024", &[("19/04/2024", "2024-04-19")]),
        ("month first numeric", "", "on 04/19/2024", &[("04/19/2024", "2024-04-19")]),
        ("weekday prefix", "", "Friday, May 10, 2024 was", &[("Friday, May 10, 2024", "2024-05-10")]),
        ("ordinal", "2024-05-20", "on May 10th they", &[("May 10th", "2024-05-10")]),
        ("zero padded day", "", "June 01, 2009", &[("June 01, 2009", "2009-06-01")]),
        ("leap day", "", "February 29, 2024", &[("February 29, 2024", "2024-02-29")]),
        ("not a leap day", "", "February 29, 2023 x", &[("February", "2023-02"), ("2023", "2023")]),
    ]);
}

#[test]
#[rustfmt::skip]
fn partial_and_vague_dates() {
    run(&[
        ("month day, year from document", "2024-05-14", "on May 13 he", &[("May 13", "2024-05-13")]),
        ("day range", "2024-05-12", "held on May 10-11 in", &[("May 10-11", "2024-05-10")]),
        ("day range before month", "2024-05-12", "on 10-12 May the", &[("10-12 May", "2024-05-10")]),
        ("between", "2024-05-12", "between May 10 and 12", &[("May 10 and 12", "2024-05-10")]),
        ("month range", "", "from April to June 2024", &[("April to June 2024", "2024-04")]),
        ("in month", "2024-08-01", "in May the", &[("May", "2024-05")]),
        ("month year", "", "in May 2024", &[("May 2024", "2024-05")]),
        ("year", "", "signed in 1991.", &[("1991", "1991")]),
        ("decade", "", "in the 1990s", &[("1990s", "199")]),
        ("early year", "", "early 2009", &[("early 2009", "2009")]),
        ("mid year", "", "by mid-2010", &[("mid-2010", "2010")]),
        ("quarter with year", "", "the fourth quarter of 2005", &[("the fourth quarter of 2005", "2005-Q4")]),
        ("quarter from document", "2006-11-01", "in the fourth quarter", &[("the fourth quarter", "2006-Q4")]),
        ("q notation", "", "Q4 2006 results", &[("Q4 2006", "2006-Q4")]),
        ("last summer", "2010-01-10", "last summer", &[("last summer", "2009-SU")]),
        ("this year", "2010-03-01", "this year", &[("this year", "2010")]),
        ("end of month", "2010-03-05", "by the end of the month", &[("the end of the month", "2010-03")]),
        ("late month", "2024-06-01", "in late March", &[("late March", "2024-03")]),
        ("month after the document date is last year's", "2024-02-01", "sold in October", &[("October", "2023-10")]),
        ("future month", "2024-02-01", "will open in October", &[("October", "2024-10")]),
        ("future day past the nearest", "2024-02-01", "The vote is due on Sept. 10.", &[("Sept. 10", "2024-09-10")]),
        ("past day nearest", "2024-02-01", "It was signed on Sept. 10.", &[("Sept. 10", "2023-09-10")]),
        ("future day early next year", "2024-11-20", "Talks will resume on Jan. 5.", &[("Jan. 5", "2025-01-05")]),
        ("future day range", "2024-02-01", "Talks are scheduled for Sept. 10-11.", &[("Sept. 10-11", "2024-09-10")]),
        ("month of next year", "2009-05-15", "after October of next year", &[("October of next year", "2010-10")]),
        ("past decade", "2011-01-17", "over the past decade", &[("the past decade", "200")]),
        ("two-digit decade", "", "music of the 80s", &[("80s", "198")]),
        ("apostrophe year", "", "the class of '82", &[("'82", "1982")]),
        ("hyphenated quarter", "2009-11-03", "third-quarter profit", &[("third-quarter", "2009-Q3")]),
    ]);
}

/// Issue 20, class 1: the tense of the clause, before or after the date, decides
/// the direction of a month, weekday or named day without a year.
#[test]
#[rustfmt::skip]
fn the_tense_of_the_clause_decides_the_direction() {
    run(&[
        ("cue after the date", "2024-04-16", "Memorial Day weekend will be busy.", &[("Memorial Day", "2024-05-27")]),
        ("past cue after the date", "2024-08-20", "In October sales fell 3%.", &[("October", "2023-10")]),
        ("future cue after the date", "2024-08-20", "In October sales will rise.", &[("October", "2024-10")]),
        ("no cue from the sentence before", "2024-05-14", "It will be done. Sales fell in January.", &[("January", "2024-01")]),
        ("the nearer cue wins", "2024-05-14", "The firm said on Friday it will close the plant in October.", &[("Friday", "2024-05-10"), ("October", "2024-10")]),
        ("a passive takes its time from the auxiliary", "2024-05-14", "The plant will be closed in October.", &[("October", "2024-10")]),
        ("a past passive", "2024-05-14", "The plant was closed in October.", &[("October", "2023-10")]),
        ("modal may", "2024-05-14", "The bank may cut rates in September.", &[("September", "2024-09")]),
        ("the month May is no modal", "2024-08-14", "Talks held in May ended.", &[("May", "2024-05")]),
        ("reported future", "2024-05-14", "It said it would open a plant in November.", &[("November", "2024-11")]),
        ("weekday in a past sentence", "2024-05-14", "Shares fell on Thursday.", &[("Thursday", "2024-05-09")]),
        ("a later clause says nothing of the date", "2024-01-12", "He visited Nairobi in December and plans to return.", &[("December", "2023-12")]),
        ("a past verb and an infinitive look ahead", "2024-04-16", "They agreed to meet again in June.", &[("June", "2024-06")]),
        ("a past verb and a place do not", "2024-04-16", "He returned to London in June.", &[("June", "2023-06")]),
        ("expect", "2024-11-20", "Airlines expect crowds over Thanksgiving.", &[("Thanksgiving", "2024-11-28")]),
        ("ahead of", "2024-03-06", "Lawmakers are divided ahead of Friday's vote.", &[("Friday", "2024-03-08")]),
        ("a quarter not begun, in the past tense", "1990-01-19", "Profit for the fourth quarter was $310 million.", &[("the fourth quarter", "1989-Q4")]),
        ("a quarter not begun, in the future tense", "1990-01-19", "Profit for the fourth quarter will rise.", &[("the fourth quarter", "1990-Q4")]),
        ("an intention", "2024-05-14", "The union hopes to sign a deal by July.", &[("July", "2024-07")]),
        ("an intention, in the past", "2024-05-14", "The union hoped to sign a deal in July.", &[("July", "2024-07")]),
        ("set for, in a headline", "2025-11-17", "Runoff Set for December as Turnout Hits Record", &[("December", "2025-12")]),
        ("weekday, cue after", "2024-05-14", "On Thursday the board will vote.", &[("Thursday", "2024-05-16")]),
    ]);
}

/// Issue 20, class 3: months from a year's start, the year so far, and the turn of a century.
#[test]
#[rustfmt::skip]
fn periods_from_the_start_of_a_year_and_century_turns() {
    run(&[
        ("first nine months of a year", "", "in the first nine months of 1989", &[("the first nine months of 1989", "1989-01/1989-09")]),
        ("first months, reported after they ended", "1989-10-24", "Profit in the first nine months rose.", &[("the first nine months", "1989-01/1989-09")]),
        ("first months, reported before they ended", "1990-02-06", "Profit in the first nine months rose.", &[("the first nine months", "1989-01/1989-09")]),
        ("first months in digits", "2024-08-01", "the first 6 months", &[("the first 6 months", "2024-01/2024-06")]),
        ("not a count of months", "2024-08-01", "the first months of the war", &[]),
        ("year-to-date", "2024-05-14", "Year-to-date sales rose.", &[("Year-to-date", "2024")]),
        ("year to date", "2024-05-14", "sales for the year to date", &[("year to date", "2024")]),
        ("a year is not year-to-date", "2024-05-14", "a year to remember", &[]),
        ("turn of the century, past", "2024-05-14", "Built at the turn of the century, it", &[("the turn of the century", "2000")]),
        ("turn of the century, before it", "1989-05-14", "It was built at the turn of the century.", &[("the turn of the century", "1900")]),
        ("turn of the century, ahead", "1989-05-14", "It will be done by the turn of the century.", &[("the turn of the century", "2000")]),
    ]);
}

/// A period without a year takes the year written for a period of its sentence.
#[test]
#[rustfmt::skip]
fn a_period_takes_the_year_written_in_its_sentence() {
    run(&[
        ("halves", "2013-02-06", "Revenue in the second half of 2012 grew faster than in the first half.", &[("the second half of 2012", "2012-H2"), ("the first half", "2012-H1")]),
        ("quarters", "2013-02-06", "Net rose in the fourth quarter of 2012 after falling in the third quarter.", &[("the fourth quarter of 2012", "2012-Q4"), ("the third quarter", "2012-Q3")]),
        ("months", "2024-05-14", "Sales in March 2009 rose after falling in February.", &[("March 2009", "2009-03"), ("February", "2009-02")]),
        ("a bare year says nothing of a month", "2024-05-14", "Founded in 1998, the firm reported sales in March.", &[("1998", "1998"), ("March", "2024-03")]),
        ("not across sentences", "2024-05-14", "Sales fell in March 2009. Sales rose in February.", &[("March 2009", "2009-03"), ("February", "2024-02")]),
    ]);
}

/// (case name, document date, text, expected [(matched text, value, first day, last day)])
type IntervalCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, &'static str, &'static str)],
);

/// Issue 20, class 4: a vague part keeps the period's TIMEX value and narrows its interval.
#[test]
#[rustfmt::skip]
fn vague_parts_of_a_period_narrow_its_interval() {
    let cases: &[IntervalCase] = &[
        ("later this year is the rest of it", "2024-05-14", "It will finish later this year.", &[("later this year", "2024", "2024-05-15", "2024-12-31")]),
        ("earlier this year is up to the document date", "2024-05-14", "Earlier this year it fell.", &[("Earlier this year", "2024", "2024-01-01", "2024-05-14")]),
        ("so far this year", "2024-05-14", "Sales so far this year rose.", &[("so far this year", "2024", "2024-01-01", "2024-05-14")]),
        ("early next year", "2024-05-14", "Prices may rise early next year.", &[("early next year", "2025", "2025-01-01", "2025-04-30")]),
        ("late with a year", "", "In late 2023 the deal closed.", &[("late 2023", "2023", "2023-09-01", "2023-12-31")]),
        ("mid with a year", "", "by mid-2010", &[("mid-2010", "2010", "2010-05-01", "2010-08-31")]),
        ("the end of the month", "2010-03-05", "by the end of the month", &[("the end of the month", "2010-03", "2010-03-22", "2010-03-31")]),
        ("the beginning of a year", "", "at the beginning of 2011", &[("the beginning of 2011", "2011", "2011-01-01", "2011-04-30")]),
        ("early month", "2009-07-01", "in early June", &[("early June", "2009-06", "2009-06-01", "2009-06-10")]),
        ("mid decade", "", "the mid-1990s boom", &[("mid-1990s", "199", "1993-05-01", "1996-08-31")]),
        ("late decade", "", "in the late 1980s", &[("late 1980s", "198", "1986-09-01", "1989-12-31")]),
        ("a part of a day is no part", "2024-05-14", "late on May 3", &[("May 3", "2024-05-03", "2024-05-03", "2024-05-03")]),
        ("year-to-date runs to the document date", "2024-05-14", "Year-to-date sales rose.", &[("Year-to-date", "2024", "2024-01-01", "2024-05-14")]),
        ("the end of the year", "2024-05-14", "by the end of the year", &[("the end of the year", "2024", "2024-09-01", "2024-12-31")]),
    ];
    for (name, dct, text, expected) in cases {
        let metadata_date = (!dct.is_empty()).then(|| dct.parse::<Date>().unwrap());
        let tokens = tokenize(text);
        let context = DateContext { metadata_date, ..DateContext::default() };
        let (mentions, _) = recognize(text, &tokens, context);
        let got: Vec<(&str, &str, String, String)> = mentions
            .iter()
            .map(|m| {
                let (a, b) = m.interval.map_or((String::new(), String::new()), |(a, b)| (a.to_string(), b.to_string()));
                (&text[m.start..m.end], m.value.as_str(), a, b)
            })
            .collect();
        let expected: Vec<(&str, &str, String, String)> =
            expected.iter().map(|&(t, v, a, b)| (t, v, a.to_string(), b.to_string())).collect();
        assert_eq!(got, expected, "case {name}: {text}");
    }
}

#[test]
#[rustfmt::skip]
fn relative_dates() {
    run(&[
        ("today", "2024-05-13", "said today", &[("today", "2024-05-13")]),
        ("yesterday", "2010-06-08", "Yesterday it", &[("Yesterday", "2010-06-07")]),
        ("past weekday", "2007-03-21", "announced on Monday", &[("Monday", "2007-03-19")]),
        ("weekday same day", "2007-03-19", "on Monday", &[("Monday", "2007-03-19")]),
        ("future weekday", "2007-03-21", "will meet on Friday", &[("Friday", "2007-03-23")]),
        ("last week", "2004-11-24", "last week", &[("last week", "2004-W47")]),
        ("next month", "2011-08-25", "next month", &[("next month", "2011-09")]),
        ("years ago", "2024-05-13", "two years ago", &[("two years ago", "2022")]),
        ("earlier this year", "2024-05-13", "earlier this year", &[("earlier this year", "2024")]),
        ("last year", "2006-01-23", "last year", &[("last year", "2005")]),
        ("now", "2006-01-23", "it is now over", &[("now", "2006-01-23")]),
        ("now hyphen", "2006-01-23", "the now-cancelled deal", &[]),
        ("currently", "2006-01-23", "currently under way", &[("currently", "PRESENT_REF")]),
        ("the same day", "2009-04-04", "on the same day", &[("the same day", "2009-04-04")]),
        ("a week ago", "2011-03-18", "a week ago", &[("a week ago", "2011-03-11")]),
        ("until weekday", "2008-09-18", "closed until Friday", &[("Friday", "2008-09-19")]),
        ("next weekday on that weekday is a week on", "1989-10-24", "Next Tuesday it votes.", &[("Next Tuesday", "1989-10-31")]),
        ("last weekday on that weekday is a week back", "1989-10-24", "Last Tuesday it voted.", &[("Last Tuesday", "1989-10-17")]),
        ("last night", "1989-10-24", "Last night it said so.", &[("Last night", "1989-10-23")]),
    ]);
}

/// Issue 20, class 2: "a year ago/earlier" right after a month or a quarter of the
/// same sentence is that period a year before; elsewhere it stays a year.
#[test]
#[rustfmt::skip]
fn comparison_periods() {
    run(&[
        ("a year ago after a month", "2024-04-16", "Sales in March rose 7% from a year ago.",
            &[("March", "2024-03"), ("a year ago", "2023-03")]),
        ("a decimal point does not end the sentence", "2024-04-16", "Sales in March rose 0.7% from a year ago.",
            &[("March", "2024-03"), ("a year ago", "2023-03")]),
        ("a year earlier after a quarter", "2024-04-16", "Profit in the first quarter rose from a year earlier.",
            &[("the first quarter", "2024-Q1"), ("a year earlier", "2023-Q1")]),
        ("the same month a year ago", "2024-04-16", "Starts in March were below the same month a year ago.",
            &[("March", "2024-03"), ("the same month a year ago", "2023-03")]),
        ("the year before after a month", "2010-06-01", "In May 2010 sales rose from the year before.",
            &[("May 2010", "2010-05"), ("the year before", "2009-05")]),
        ("alone it is the year before the document's", "2024-04-16", "A year ago it was smaller.",
            &[("A year ago", "2023")]),
        ("a month of another sentence is not compared", "2024-04-16", "Sales fell in March. A year ago they rose.",
            &[("March", "2024-03"), ("A year ago", "2023")]),
        ("a day is no period compared", "2009-04-04", "On March 3, 2009 it rose from a year earlier.",
            &[("March 3, 2009", "2009-03-03"), ("a year earlier", "2008")]),
        ("two years ago is not a comparison", "2024-04-16", "In March it said it left two years ago.",
            &[("March", "2024-03"), ("two years ago", "2022")]),
        ("the year-earlier quarter", "2024-04-16", "Profit in the first quarter beat the year-earlier quarter.",
            &[("the first quarter", "2024-Q1"), ("the year-earlier quarter", "2023-Q1")]),
        ("the year-ago level", "2024-04-16", "Sales in March were above the year-ago level.",
            &[("March", "2024-03"), ("the year-ago level", "2023-03")]),
        ("the same period last year", "2024-04-16", "Revenue in March rose from the same period last year.",
            &[("March", "2024-03"), ("the same period last year", "2023-03")]),
        ("the same period last year, no period named", "2024-04-16", "Revenue rose from the same period last year.",
            &[("the same period last year", "2023")]),
        ("the same quarter a year ago", "1989-10-24", "In the third quarter net rose from the same quarter a year ago.",
            &[("the third quarter", "1989-Q3"), ("the same quarter a year ago", "1988-Q3")]),
    ]);
}

/// Issue 20, class 3: financial calendars — halves, the current quarter, a year
/// that owns its period.
#[test]
#[rustfmt::skip]
fn financial_calendars() {
    run(&[
        ("first half from the document", "1989-10-24", "For the first half, revenue was flat.", &[("the first half", "1989-H1")]),
        ("second half with its year", "", "In the second half of 1989 it rose.", &[("the second half of 1989", "1989-H2")]),
        ("hyphenated half", "1990-02-01", "first-half profit", &[("first-half", "1990-H1")]),
        ("half then a year", "", "the first half 1991 results", &[("the first half 1991", "1991-H1")]),
        ("a half of a match is no period", "2024-01-01", "the second half of the match", &[]),
        ("a goal in a half of a match", "2024-01-01", "a first-half header from Nuno Serrano", &[]),
        ("the current quarter", "1989-10-24", "The current quarter looks weak.", &[("The current quarter", "1989-Q4")]),
        ("this quarter", "1989-02-10", "this quarter", &[("this quarter", "1989-Q1")]),
        ("the previous quarter across a year", "1990-01-15", "from the previous quarter", &[("the previous quarter", "1989-Q4")]),
        ("next quarter", "1989-11-01", "next quarter", &[("next quarter", "1990-Q1")]),
        ("a fiscal year owns its quarter", "1989-10-24", "In fiscal 1990's second quarter it expects a gain.", &[("fiscal 1990's second quarter", "1990-Q2")]),
        ("a year owns its half", "", "1991's first half was weak", &[("1991's first half", "1991-H1")]),
        ("a year's other noun is the year", "", "1991's results were weak", &[("1991", "1991")]),
    ]);
}

/// Issue 20, class 5: named days, movable feasts computed, the year from the text or
/// the document date (the latest one up to it; the next one when the sentence
/// speaks of the future).
#[test]
#[rustfmt::skip]
fn holidays_and_named_days() {
    run(&[
        ("Christmas Eve, past", "2024-04-16", "On Christmas Eve the shops closed.", &[("Christmas Eve", "2023-12-24")]),
        ("Christmas Day, future", "2024-04-16", "Shops will close on Christmas Day.", &[("Christmas Day", "2024-12-25")]),
        ("New Year's Day just past", "2024-04-16", "New Year's Day was quiet.", &[("New Year's Day", "2024-01-01")]),
        ("curly apostrophe", "2024-04-16", "New Year’s Eve parties ended.", &[("New Year’s Eve", "2023-12-31")]),
        ("Thanksgiving, future", "2024-04-16", "Stores will open on Thanksgiving.", &[("Thanksgiving", "2024-11-28")]),
        ("Easter with its year", "", "Easter 2024 fell early.", &[("Easter 2024", "2024-03-31")]),
        ("Easter of 2000", "", "Easter 2000 was late.", &[("Easter 2000", "2000-04-23")]),
        ("Good Friday", "2019-05-01", "Sales on Good Friday rose.", &[("Good Friday", "2019-04-19")]),
        ("Election Day with its year", "", "The vote on Election Day 2020 was close.", &[("Election Day 2020", "2020-11-03")]),
        ("Memorial Day, the last Monday", "2024-06-10", "Memorial Day was busy.", &[("Memorial Day", "2024-05-27")]),
        ("Labor Day, the first Monday", "2023-09-20", "after Labor Day", &[("Labor Day", "2023-09-04")]),
        ("the day itself", "2023-12-25", "Christmas Day was calm.", &[("Christmas Day", "2023-12-25")]),
        ("a holiday in lower case is a word", "2024-04-16", "the christmas tree", &[]),
        ("a longer name is not a holiday", "2024-04-16", "Eastern Europe and Newcastle", &[]),
        ("no document date: the year of the text", "", "In 1999, Christmas Eve was cold.", &[("1999", "1999"), ("Christmas Eve", "1999-12-24")]),
    ]);
}

#[test]
#[rustfmt::skip]
fn dates_counted_from_the_last_one_spoken_of() {
    run(&[
        ("days later", "2007-07-01", "It opened on June 10, 2007; three days later it shut.",
            &[("June 10, 2007", "2007-06-10"), ("three days later", "2007-06-13")]),
        ("weeks earlier", "2007-07-01", "on June 10, 2007, two weeks earlier than planned",
            &[("June 10, 2007", "2007-06-10"), ("two weeks earlier", "2007-05-27")]),
        ("a year later", "", "Founded in 1991, a year later it grew.", &[("1991", "1991"), ("a year later", "1992")]),
        ("months after at a phrase end", "", "in May 2020 and six months after, it", &[("May 2020", "2020-05"), ("six months after", "2020-11")]),
        ("that day", "2011-06-20", "due on June 10. That day was calm.", &[("June 10", "2011-06-10"), ("That day", "2011-06-10")]),
        ("later that day", "2011-06-20", "on June 10; later that day it fell", &[("June 10", "2011-06-10"), ("later that day", "2011-06-10")]),
        ("that year", "", "In 1998 prices rose; that year was hard.", &[("1998", "1998"), ("that year", "1998")]),
        ("that week with no day to count from", "2009-03-05", "in 1998; that week", &[("1998", "1998"), ("that week", "2009-W10")]),
        ("the next day", "2009-04-04", "on March 3, 2009 and the next day", &[("March 3, 2009", "2009-03-03"), ("the next day", "2009-03-04")]),
        ("the following month", "", "in May 2020. The following month", &[("May 2020", "2020-05"), ("The following month", "2020-06")]),
        ("the same day", "2009-04-04", "on March 3, 2009 and on the same day", &[("March 3, 2009", "2009-03-03"), ("the same day", "2009-03-03")]),
        ("the day before at a phrase end", "", "on March 3, 2009, and the day before.", &[("March 3, 2009", "2009-03-03"), ("the day before", "2009-03-02")]),
        ("the year previous", "2009-02-10", "in 2008, down from the year previous", &[("2008", "2008"), ("the year previous", "2007")]),
        ("the whole year", "2006-01-20", "a loss in 2005 for the whole year", &[("2005", "2005"), ("the whole year", "2005")]),
        ("late in the day", "2007-08-10", "it rebounded late in the day", &[("late in the day", "2007-08-10")]),
        ("by that time", "2011-06-01", "by June 10. By that time", &[("June 10", "2011-06-10"), ("that time", "2011-06-10")]),
        ("no date before: the document date", "2007-08-10", "Two days later it fell", &[("Two days later", "2007-08-12")]),
        ("nothing to count from", "", "Two days later it fell", &[("Two days later", "XXXX-XX-XX")]),
        ("coordinated decades", "", "cars of the 70s and 80s", &[("70s", "197"), ("80s", "198")]),
        ("decade range", "", "from the 1960s to 80s", &[("1960s", "196"), ("80s", "198")]),
        ("this financial year", "2007-01-18", "the start of this financial year", &[("this financial year", "FY2007")]),
        ("last fiscal year", "2007-01-18", "in the last fiscal year", &[("the last fiscal year", "FY2006")]),
    ]);
}

#[test]
#[rustfmt::skip]
fn not_dates() {
    run(&[
        ("duration", "2024-05-13", "for three weeks", &[]),
        ("money", "", "cost $16 and $2024", &[]),
        ("percent", "", "rose 4% to 2020%", &[]),
        ("age", "", "at the age of 56", &[]),
        ("fraction", "", "scored 20/24 points", &[]),
        ("thousands", "", "some 1,991 people", &[]),
        ("may as verb", "", "They May go.", &[]),
        ("count", "", "cut 2000 jobs", &[]),
        ("index name", "", "the Russell 2000 Index", &[]),
        ("weekday across a line", "", "until Friday\nNothing else", &[("Friday", "XXXX-XX-XX")]),
        ("the day before an event", "", "the day before the vote", &[]),
        ("the year after an event", "", "the year after the war", &[]),
        ("days as a duration", "", "for three days and more", &[]),
        ("plural units after that", "", "that years of work", &[]),
        ("a version after a name", "", "iLife '11 and Windows '95", &[]),
        ("fiscal year with its year is the year", "", "fiscal year 2008", &[("2008", "2008")]),
    ]);
}

#[test]
fn ambiguous_numeric_dates_are_flagged_not_guessed_silently() {
    let text = "on 03/04/2024";
    let tokens = tokenize(text);
    let (m, _) = recognize(text, &tokens, DateContext::default());
    assert!(m[0].ambiguous);
    let (m, _) = recognize(
        text,
        &tokens,
        DateContext {
            order: NumericOrder::DayFirst,
            ..DateContext::default()
        },
    );
    assert!(!m[0].ambiguous);
    assert_eq!(m[0].value, "2024-04-03");
}

#[test]
#[rustfmt::skip]
fn relative_dates_without_a_document_date_stay_unresolved() {
    let text = "He left yesterday.";
    let tokens = tokenize(text);
    let (m, doc_date) = recognize(text, &tokens, DateContext::default());
    assert_eq!(doc_date, None);
    assert_eq!(m[0].anchoring, Anchoring::Unresolved);
    assert_eq!(m[0].interval, None);
}

#[test]
fn anchoring_prefers_dateline_then_metadata_then_latest_date() {
    let text = "Talks End\nMay 7, 2005\nThe deal of April 1, 2005 was signed on Monday.";
    let tokens = tokenize(text);
    let (m, doc_date) = recognize(text, &tokens, DateContext::default());
    let doc_date = doc_date.unwrap();
    assert_eq!(doc_date.source, DocumentDateSource::Dateline);
    assert_eq!(doc_date.date, Date::new(2005, 5, 7).unwrap());
    assert_eq!(m.last().unwrap().value, "2005-05-02");

    let text = "Signed on April 19, 2024. Talks will be held on May 10-11.";
    let tokens = tokenize(text);
    let (m, doc_date) = recognize(text, &tokens, DateContext::default());
    let doc_date = doc_date.unwrap();
    assert_eq!(doc_date.source, DocumentDateSource::LatestInText);
    assert_eq!(doc_date.date, Date::new(2024, 4, 19).unwrap());
    assert_eq!(
        m[1].interval,
        Some((
            Date::new(2024, 5, 10).unwrap(),
            Date::new(2024, 5, 11).unwrap()
        ))
    );
    assert_eq!(m[1].anchoring, Anchoring::YearInferred);
}

/// (case name, text, expected document date and how it was found)
type DocumentDateCase = (
    &'static str,
    &'static str,
    Option<(&'static str, DocumentDateSource)>,
);

/// Issue 20, class 6: a report is not older than the latest past event it reports.
#[test]
fn a_document_dated_from_its_text_is_not_older_than_the_events_it_reports() {
    let cases: &[DocumentDateCase] = &[
        (
            "past event after the latest full date",
            "The meeting held on May 10-11 has concluded. A protocol was signed on April 19, 2024.",
            Some(("2024-05-11", DocumentDateSource::LatestPastEvent)),
        ),
        (
            "future event does not move it",
            "A protocol was signed on April 19, 2024. Talks will be held on May 10-11.",
            Some(("2024-04-19", DocumentDateSource::LatestInText)),
        ),
        (
            "relative dates do not move it",
            "A protocol was signed on April 19, 2024. Two weeks later it took effect.",
            Some(("2024-04-19", DocumentDateSource::LatestInText)),
        ),
        (
            "a dateline stands",
            "Talks End\nMay 7, 2005\nThe talks of June 10 ended.",
            Some(("2005-05-07", DocumentDateSource::Dateline)),
        ),
        (
            "a press release's dateline opens its first paragraph",
            "Acme Names CFO\nSAN JOSE, Calif., Jan. 9, 2025 /PRNewswire/ -- Acme Robotics today \
             announced that Ann Lowe becomes CFO, effective February 1, 2025.",
            Some(("2025-01-09", DocumentDateSource::Dateline)),
        ),
        (
            "a newswire's mark in brackets",
            "NEW YORK, Jan. 09, 2025 (GLOBE NEWSWIRE) -- Zentrix Inc. said it had hired \
             bankers, as agreed on March 3, 2025.",
            Some(("2025-01-09", DocumentDateSource::Dateline)),
        ),
        (
            "a sentence that opens with a date and a dash is no dateline",
            "The deal of April 1, 2005 -- signed in haste -- was undone on May 7, 2005 after \
             talks that lasted for weeks on end and went nowhere at all.",
            Some(("2005-05-07", DocumentDateSource::LatestInText)),
        ),
        (
            "a date to come does not date the text",
            "The Navy today awarded the contract. Work is expected to be completed by \
             Sept. 30, 2027.",
            None,
        ),
        (
            "nothing bounds an undated text",
            "The talks of May 10-11 ended.",
            None,
        ),
    ];
    for (name, text, expected) in cases {
        let tokens = tokenize(text);
        let (_, doc_date) = recognize(text, &tokens, DateContext::default());
        let got = doc_date.map(|d| (d.date.to_string(), d.source));
        let expected = expected.map(|(d, s)| (d.to_string(), s));
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn a_document_settles_the_day_month_order_itself() {
    let text = "Signed 25/03/2024, reviewed 03/04/2024.";
    let tokens = tokenize(text);
    let (m, _) = recognize(text, &tokens, DateContext::default());
    assert_eq!(m[1].value, "2024-04-03");
    assert!(!m[1].ambiguous);
}

#[test]
#[rustfmt::skip]
fn metadata_dates_from_front_matter_and_mail_headers() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("front matter iso", "---\ntitle: Talks\ndate: 2024-05-13\n---\nText.", Some("2024-05-13")),
        ("front matter words", "---\nDate: \"May 13, 2024\"\n---\nText.", Some("2024-05-13")),
        ("mail header", "From: a@b.c\nSubject: Talks\nDate: Mon, 13 May 2024 10:00:00 +0000\n\nBody.", Some("2024-05-13")),
        ("no metadata", "Talks\nDate: tomorrow, or so we hope.\n", None),
        ("unterminated front matter", "---\nno date here", None),
    ];
    for (name, text, expected) in cases {
        let got = metadata_date(text).map(|d| d.to_string());
        assert_eq!(got.as_deref(), *expected, "case {name}");
    }
}

/// The scanner's quick test is derived from the tables: every word of a table can
/// open a form, and words of no table cannot.
#[test]
fn only_table_words_and_numbers_can_start_a_date() {
    let cases: &[(&str, bool)] = &[
        ("january", true),
        ("sept", true),
        ("friday", true),
        ("several", true),
        ("fourth", true),
        ("fall", true),
        ("tonight", true),
        ("nowadays", true),
        ("between", true),
        ("q3", true),
        ("’", true),
        ("minister", false),
        ("said", false),
        ("quarter", false),
        ("", false),
    ];
    for (word, expected) in cases {
        assert_eq!(tables::could_start(word), *expected, "{word:?}");
    }
}
