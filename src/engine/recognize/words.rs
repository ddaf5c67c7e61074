//! Closed word classes the entity rules read, each in one place: function words, titles, name keywords, legal forms.
//!
//! These are properties of English, not of any corpus: they say which capitalised
//! words are titles ("Minister"), which end organisation names ("Ministry"), and
//! which are never names on their own ("The"). Place words ("Airport"), sports
//! words and words about people ("spokesman", "wife") live in `place_words.rs`,
//! `sports_words.rs` and `people_words.rs`, re-exported here.

/// Capitalised words that open sentences but are not names.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "above", "according", "across", "after", "afterwards", "again", "against", "ago",
    "all", "almost", "along", "already", "also", "although", "always", "amid", "among", "an",
    "and", "another", "any", "anyone", "anything", "are", "around", "as", "asked", "at", "back",
    "be", "because", "been", "before", "behind", "being", "below", "beside", "besides", "between",
    "beyond", "both", "but", "by", "can", "certainly", "clearly", "could", "currently", "despite",
    "did", "do", "does", "during", "each", "earlier", "either", "else", "even", "eventually",
    "ever", "every", "everyone", "except", "few", "finally", "first", "following", "for", "former",
    "from", "further", "furthermore", "given", "had", "has", "have", "having", "he", "hence",
    "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in",
    "including", "indeed", "inside", "instead", "into", "is", "it", "its", "itself", "just",
    "last", "late", "later", "lately", "least", "less", "let", "like", "likewise", "many", "may",
    "maybe", "meanwhile", "might", "more", "moreover", "most", "much", "must", "my", "near",
    "nearly", "neither", "never", "nevertheless", "new", "next", "no", "nobody", "none", "nor",
    "not", "nothing", "now", "of", "off", "often", "on", "once", "one", "only", "onto", "or",
    "other", "others", "otherwise", "our", "out", "over", "overall", "perhaps", "please", "plus",
    "previously", "quite", "rather", "recently", "regarding", "several", "shall", "she", "should",
    "similarly", "since", "so", "some", "someone", "something", "sometimes", "soon", "speaking",
    "still", "such", "than", "thanks", "that", "the", "their", "them", "themselves", "then",
    "there", "therefore", "these", "they", "this", "those", "though", "through", "throughout",
    "thus", "to", "today", "together", "tomorrow", "too", "toward", "towards", "two", "three",
    "under", "unless", "unlike", "until", "up", "upon", "us", "was", "we", "were", "what",
    "whatever", "when", "whenever", "where", "whereas", "whether", "which", "while", "who",
    "whoever", "whom", "whose", "why", "will", "with", "within", "without", "would", "yes",
    "yesterday", "yet", "you", "your",
];

/// Capitalised words that are never names by themselves: months, weekdays, and the like.
#[rustfmt::skip]
const NEVER_NAMES: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "I", "OK", "TV", "AM", "PM", "CEO", "CFO", "COO", "GMT", "UTC", "Q1",
    "Q2", "Q3", "Q4", "PhD", "Internet", "Web", "God", "Mr", "Mrs", "Ms", "Dr", "Prof", "Sir",
    "Spring", "Summer", "Autumn", "Fall", "Winter", "Christmas", "Easter", "Ramadan", "Eid",
    "Thanksgiving", "Hanukkah", "Diwali", "Passover", "Billion", "Million", "Trillion", "Percent",
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "INR", "RUB", "AUD", "CAD", "Yes", "No", "Oh",
    // Currencies written with a capital in contracts and tables.
    "Euro", "Euros", "Dollars", "Yen", "Yuan", "Renminbi", "Rupee", "Rupees", "Peso", "Pesos",
    "Rouble", "Roubles", "Ruble", "Rubles", "Dinar", "Dinars", "Dirham", "Dirhams",
    "Thank", "Thanks", "Please", "Hello", "Dear",
    // Abbreviations of common nouns: media, eras, time zones, measures, things.
    "CD", "CDs", "DVD", "DVDs", "EP", "EPs", "LP", "LPs", "DJ", "DJs", "KO", "KOs", "BC", "BCE",
    "AD", "GDP", "IPO", "IPOs", "EST", "PST", "CST", "EDT", "PDT", "CET", "BST", "ET", "CDT",
    "MDT", "MST", "CEST", "DNA", "RNA",
    "HIV", "MP3", "SUV", "SUVs", "GPS", "LCD", "LED", "PDF", "FAQ", "VIP", "MVP", "ERA",
    "RBI", "CPU", "PC", "PCs", "ATM", "ATMs",
    // Accounting standards, rates and measures of filings and business news.
    "GAAP", "IFRS", "EBITDA", "EBIT", "EPS", "LIBOR", "SOFR", "EURIBOR", "CPI", "PMI", "ROE", "ROI",
    "NAV", "ETF", "ETFs", "APR", "ESG", "CAGR", "YoY",
    // Days of the week in the plural ("on Tuesdays and Fridays").
    "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays",
    // Credit ratings ("cut to BBB+", "rated Baa2"; not "AAA" or "AA", which name
    // associations).
    "BBB", "BB", "CCC", "Aaa", "Aa1", "Aa2", "Aa3", "Baa1", "Baa2", "Baa3",
    "Ba1", "Ba2", "Ba3", "Caa1", "Caa2", "Caa3",
    // Labels of signature blocks, letters, memos and press releases ("By: /s/",
    // "Attn.", "Re:", "Media Contact:").
    "By", "Attn", "Re", "Cc", "Fax", "Tel", "Contact", "Contacts",
    // A wire desk's sign-off ("-- London Newsroom +44 171 542 7658"): the town is the place.
    "Newsroom", "Newsdesk",
    // "I" with a contraction, and the retweet mark of quoted posts.
    "I'm", "I've", "I'll", "I'd", "I\u{2019}m", "I\u{2019}ve", "I\u{2019}ll", "I\u{2019}d", "RT",
];

/// Titles and roles that precede a person's name and are kept out of it.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "President", "Vice", "Prime", "Minister", "Deputy", "Foreign", "Secretary", "Senator", "Sen",
    "Rep", "Representative", "Congressman", "Congresswoman", "Governor", "Gov", "Mayor", "King",
    "Queen", "Prince", "Princess", "Sheikh", "Emir", "Sultan", "Pope", "Cardinal", "Bishop",
    "Archbishop", "Rabbi", "Imam", "Ayatollah", "General", "Gen", "Lieutenant", "Lt", "Colonel",
    "Col", "Major", "Maj", "Captain", "Capt", "Sergeant", "Sgt", "Admiral", "Adm", "Commander",
    "Chief", "Chairman", "Chairwoman", "Chair", "CEO", "CFO", "COO", "Director", "Ambassador",
    "Envoy", "Judge", "Justice", "Speaker", "Chancellor", "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof",
    "Professor", "Sir", "Dame", "Lord", "Lady", "Spokesman", "Spokeswoman", "Spokesperson",
    "Executive", "Officer", "Founder", "Premier", "Leader", "Commissioner", "Attorney",
    "Inspector", "Detective", "Marshal", "Field", "Brigadier", "Brig", "Acting", "Interim", "Senior",
    "Assistant", "Associate", "Managing", "Presiding", "Former", "Crown", "Supreme", "Special",
    "High", "Defence", "Defense", "Interior", "Finance", "Economy", "Trade", "Health", "Affairs",
    "Head", "Analyst", "Economist", "Pastor", "Father", "Brother", "Sister", "Saint", "Reverend",
    "Rev", "Hon", "Dean", "Coach", "Secretary-General", "President-elect", "Co-founder",
    "Chairperson", "Minister-President", "Administrator", "Superintendent", "Comptroller",
    "Treasurer", "Provost", "Chaplain", "Warden", "Sheriff", "Constable", "Petty", "Private",
    "Pvt", "Pfc", "Spc", "Corporal", "Cpl", "Airman", "Seaman", "Ensign", "Gunnery", "Warrant",
    "Lance",
];

/// "2nd Class" in a rank ("Petty Officer 2nd Class", "Sgt. 1st Class", "Private First
/// Class"): the ordinal at `ordinal`, "Class" after it.
pub fn is_rank_class(ordinal: &str, class: &str) -> bool {
    class == "Class"
        && matches!(
            ordinal,
            "1st" | "2nd" | "3rd" | "First" | "Second" | "Third"
        )
}

/// Words after "Minister of" / "Secretary of" that name a portfolio, part of the title.
#[rustfmt::skip]
const PORTFOLIOS: &[&str] = &[
    "State", "Foreign", "Affairs", "Defence", "Defense", "Interior", "Finance", "Economy",
    "Infrastructure", "Digital", "Climate", "Water", "Fisheries", "Planning", "Immigration",
    "Mining", "Natural", "Resources", "Heritage", "Women", "Children", "Family", "Rural",
    "Justice", "Health", "Education", "Energy", "Treasury", "Commerce", "Agriculture", "Transport",
    "Transportation", "Labor", "Labour", "Trade", "Culture", "Environment", "Industry", "Tourism",
    "Homeland", "Security", "Internal", "External", "Economic", "Development", "Communications",
    "Information", "Emergency", "Situations", "Housing", "Science", "Technology", "Sport",
    "Sports", "Youth", "Public", "Works", "War", "Navy", "Army", "Air", "Force", "Veterans",
    "Social", "Welfare", "Home", "Relations", "International", "Farm",
    // Judges by their court: "U.S. District Judge", "Circuit Judge", "Bankruptcy Judge".
    "District", "Circuit", "Bankruptcy", "Magistrate", "Appeals",
    // A company's officers: "Chief Medical Officer", "Chief Financial Officer".
    "Financial", "Operating", "Medical", "Marketing", "Commercial", "Legal", "Scientific",
    "Accounting", "Investment", "Risk", "Compliance", "Strategy", "Product", "Revenue", "Human",
    "People", "Data", "Creative", "Investor",
    // A flag officer's grade: "Rear Adm.", "Rear Admiral" (no title alone: "Rear Window").
    "Rear",
];

/// Words that end (or, before "of", head) an organisation's name.
#[rustfmt::skip]
const ORG_KEYWORDS: &[&str] = &[
    "Ministry", "Department", "Council", "Inc", "Incorporated", "Corp", "Corporation", "Company",
    "Co", "Ltd", "Limited", "LLC", "LLP", "LP", "PLC", "Plc", "AG", "SA", "GmbH", "NV", "BV",
    "SpA", "Pty", "KGaA", "Group", "Bank",
    "University", "College", "Institute", "Party", "Army", "Navy", "Force", "Forces", "Corps",
    "Guard", "Commission", "Committee", "Agency", "Association", "Airlines", "Airways", "Motors",
    "Motor", "Times", "Post", "Journal", "News", "Press", "Network", "Foundation", "Fund",
    "Organization", "Organisation", "Court", "Parliament", "Senate", "Congress", "Assembly",
    "Office", "Service", "Services", "Police", "Federation", "Board", "Authority", "Reserve",
    "Exchange", "Systems", "Technologies", "Industries", "Holdings", "Partners", "Club", "Church",
    "Hospital", "School", "Academy", "Museum", "Society", "Alliance", "Coalition", "Front",
    "Movement", "Brigade", "Brigades", "Battalion", "Regiment", "Division", "Command", "Cabinet",
    "Administration", "Government", "Embassy", "Consulate", "Secretariat", "Tribunal", "Bureau",
    "Trust", "Securities", "Investments", "Petroleum", "Electric", "Electronics",
    "Pharmaceuticals", "Entertainment", "Media", "Communications", "Telecom", "Studios", "Records",
    "Labs", "Laboratories", "Enterprises", "International", "Worldwide", "Aviation", "Aerospace",
    "Automotive", "Insurance", "Capital", "Ventures", "Solutions", "Software", "Computer",
    "Computers", "Mining", "Steel", "Railways", "Railway", "Broadcasting", "Union", "League",
    "Directorate", "Ministries", "Mission", "Operations", "Unit", "Chamber", "Caucus",
    "Institution", "Initiative", "Program", "Programme", "Project", "Review",
    "Magazine", "Gazette", "Herald", "Tribune", "Nations", "Air", "Aircraft", "Courts", "Treasury", "Military", "Telegraph", "Guardian", "Observer", "Reuters",
    "Associates", "Brothers", "Bros", "Chemical", "Chemicals", "Foods", "Stores", "Markets",
    "Resources", "Energy", "Oil", "Gas", "Utilities", "Realty", "Bancorp", "Bancshares",
    "Financial", "Semiconductor", "Instruments", "Devices", "Networks", "Therapeutics",
    "Biosciences", "Pharma", "Logistics", "Shipping", "Lines", "National",
];

/// Words that end names of things we do not extract (documents, events, products).
#[rustfmt::skip]
const OTHER_NAME_KEYWORDS: &[&str] = &[
    "Declaration", "Agreement", "Treaty", "Accord", "Accords", "Act", "Protocol", "Convention",
    "Award", "Awards", "Prize", "Cup", "Games", "Olympics", "War", "Summit", "Conference", "Forum",
    "Festival", "Day", "Week", "Year", "Plan", "Doctrine", "Resolution", "Charter", "Bill", "Law",
    "Constitution", "Report", "Index", "Revolution", "Crisis", "Memorandum", "Show", "Expo",
    "Exhibition", "Fair", "Marathon", "Championship", "Championships", "Tournament", "Olympiad",
    "Election", "Elections", "Campaign", "Operation", "Open", "Prix", "Classic", "Invitational",
    "Trophy", "Bowl", "Derby", "Rally", "Amendment", "Medal", "Medals",
];

/// Lowercase particles that may stand inside a personal name.
#[rustfmt::skip]
const NAME_PARTICLES: &[&str] = &[
    "des", "do", "dela",
    "von", "van", "der", "den", "de", "da", "das", "dos", "du", "di", "del", "della", "la", "le",
    "bin", "bint", "ibn", "al", "el", "ben", "ter", "zu",
];

/// Verbs that, right after a name, mark it as a person who speaks.
#[rustfmt::skip]
const SAYING_VERBS: &[&str] = &[
    "said", "says", "told", "added", "noted", "stated", "explained", "wrote", "argued", "insisted",
    "warned", "stressed", "emphasized", "emphasised", "claimed", "asked", "replied", "recalled",
    "acknowledged", "admitted", "believes", "thinks", "thanked", "urged", "vowed", "announced",
    "tweeted", "remarked", "highlighted", "reiterated", "expressed",
];

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use crate::engine::recognize::token::lowered_in;
use crate::engine::recognize::word_shapes::WordShapes;

pub use super::people_words::*;
pub use super::place_words::*;
pub use super::sports_words::{is_result_noun, is_result_verb, is_team_role, is_team_word};

/// One closed word list as a set, built on first use.
pub(super) struct WordSet {
    list: &'static [&'static str],
    set: OnceLock<FilteredSet>,
}

/// A word list's set behind a filter of its words' shapes: most words asked are in
/// no list, and the filter turns nearly all of them away without hashing them (the
/// lists' look-ups were a twentieth of a pack build's processor time).
struct FilteredSet {
    /// 16,384 bits: every shape apart.
    shapes: WordShapes<256>,
    set: HashSet<&'static str>,
}

impl WordSet {
    pub(super) const fn new(list: &'static [&'static str]) -> Self {
        WordSet {
            list,
            set: OnceLock::new(),
        }
    }

    pub(super) fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| FilteredSet::of(self.list.iter().copied()))
            .holds(word)
    }
}

impl FilteredSet {
    fn of(words: impl Iterator<Item = &'static str>) -> Self {
        let set: HashSet<&'static str> = words.collect();
        let mut shapes = WordShapes::default();
        set.iter().for_each(|w| shapes.add(w));
        FilteredSet { shapes, set }
    }

    fn holds(&self, word: &str) -> bool {
        self.shapes.may_hold(word) && self.set.contains(word)
    }
}

static FUNCTION_SET: WordSet = WordSet::new(FUNCTION_WORDS);
static NEVER_SET: WordSet = WordSet::new(NEVER_NAMES);
static TITLE_SET: WordSet = WordSet::new(TITLES);
static PORTFOLIO_SET: WordSet = WordSet::new(PORTFOLIOS);
static ORG_SET: WordSet = WordSet::new(ORG_KEYWORDS);
static OTHER_SET: WordSet = WordSet::new(OTHER_NAME_KEYWORDS);
static PARTICLE_SET: WordSet = WordSet::new(NAME_PARTICLES);
static SAYING_SET: WordSet = WordSet::new(SAYING_VERBS);

pub(crate) fn strip_period(word: &str) -> &str {
    word.strip_suffix('.').unwrap_or(word)
}

/// A function word in lower case or sentence case ("The", not "US" for "us").
pub fn is_function_word(word: &str) -> bool {
    /// The function words with their first letter in capitals ("The"), so that a word
    /// in sentence case is looked up as written: lowering a copy first was a
    /// hundredth of a pack build. Built once and kept for the process's life.
    static SENTENCE_CASE: OnceLock<FilteredSet> = OnceLock::new();
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if word.len() > 12 || !chars.all(char::is_lowercase) {
        return false;
    }
    if first.is_lowercase() {
        return FUNCTION_SET.contains(word);
    }
    SENTENCE_CASE
        .get_or_init(|| {
            FilteredSet::of(
                FUNCTION_WORDS
                    .iter()
                    .map(|w| &*Box::leak(sentence_case(w).into_boxed_str())),
            )
        })
        .holds(word)
}

/// An ASCII word with its first letter in capitals ("the" → "The").
fn sentence_case(word: &str) -> String {
    let mut cased = word.to_string();
    if let Some(first) = cased.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    cased
}

pub fn is_never_name(word: &str) -> bool {
    NEVER_SET.contains(strip_period(word))
}

/// A month's full name ("May", "June"), which some people's names share.
pub fn is_month_name(word: &str) -> bool {
    matches!(
        word,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
    )
}

/// A weekday's name ("Wednesday"), which one club's name shares ("Sheffield Wednesday").
pub fn is_weekday_name(word: &str) -> bool {
    matches!(
        word,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

pub fn is_title(word: &str) -> bool {
    TITLE_SET.contains(strip_period(word))
}

pub fn is_portfolio(word: &str) -> bool {
    PORTFOLIO_SET.contains(word)
}

/// Words that open an organisation's name in languages that put the kind of
/// organisation first ("Banque Indosuez", "Grupo Televisa", "Société Générale").
pub fn is_org_opening_keyword(word: &str) -> bool {
    matches!(
        word,
        "Banque"
            | "Banco"
            | "Banca"
            | "Caisse"
            | "Compagnie"
            | "Compañía"
            | "Companhia"
            | "Société"
            | "Societe"
            | "Groupe"
            // "Royal Dutch Shell", "Royal Mail", "Royal Navy" (a given name too).
            | "Royal"
            | "Grupo"
            | "Gruppo"
            | "Sociedad"
            | "Fundación"
            | "Fondation"
            | "Stichting"
            | "Verein"
            | "Partido"
            | "Parti"
    )
}

pub fn is_org_keyword(word: &str) -> bool {
    ORG_SET.contains(strip_period(word))
}

/// Organisation keywords only companies end their names with ("Holdings",
/// "Motors"), unlike "University" or "Department".
pub fn is_company_keyword(word: &str) -> bool {
    matches!(
        word,
        "Holdings"
            | "Holding"
            | "Group"
            | "Corporation"
            | "Company"
            | "Industries"
            | "Technologies"
            | "Systems"
            | "Enterprises"
            | "Motors"
            | "Airlines"
            | "Airways"
            | "Foods"
            | "Sons"
            | "Stores"
            | "Pharmaceuticals"
            | "Bancorp"
            | "Bancshares"
            | "Semiconductor"
            | "Therapeutics"
            | "Biosciences"
            | "Networks"
            | "Electronics"
            | "Petroleum"
            | "Logistics"
    )
}

pub fn is_other_name_keyword(word: &str) -> bool {
    OTHER_SET.contains(word)
}

pub fn is_name_particle(word: &str) -> bool {
    PARTICLE_SET.contains(word)
}

pub fn is_saying_verb(word: &str) -> bool {
    SAYING_SET.contains(word)
}

/// Endings typical of surnames in many languages ("Bayramov", "Mirzoyan", "Kowalski").
pub fn has_surname_ending(word: &str) -> bool {
    #[rustfmt::skip]
const ENDINGS: &[&str] = &[
    "ov", "ova", "ev", "eva", "yan", "ian", "enko", "ski", "ska", "sky", "escu", "poulos", "vich",
    "vić", "ić", "wicz", "son", "sen", "stein", "berg", "ez", "uly", "ulu", "oglu", "oğlu",
    "zadeh", "shvili", "dze", "ani", "ashvili",
];
    const LONGEST: usize = 7;
    if word.chars().count() < 5 {
        return false;
    }
    // The word's last letters, lower-cased and reversed, on the stack: this runs for
    // every unfamiliar capitalised word.
    let mut tail = ['\0'; LONGEST];
    let mut n = 0;
    for (slot, c) in tail.iter_mut().zip(word.chars().rev()) {
        *slot = c.to_lowercase().next().unwrap_or(c);
        n += 1;
    }
    ENDINGS.iter().any(|ending| {
        let mut reversed = ending.chars().rev();
        let mut k = 0;
        reversed.all(|c| {
            let same = k < n && tail[k] == c;
            k += 1;
            same
        })
    })
}

/// Last words of government bodies, whose leading country is a place mention too
/// (read by the organisation keyword rule: "US Treasury").
#[rustfmt::skip]
const GOVERNMENT_KEYWORDS: &[&str] = &[
    "Senate", "Congress", "Parliament", "Treasury", "Court", "Reserve", "Force", "Army", "Navy",
    "Department", "Ministry", "Government", "Administration", "Embassy", "Police", "Guard",
    "Cabinet", "Military", "Forces", "Marines", "Coast",
];

/// Stock market indices, named in market news like organisations but not organisations
/// (read by the rule that skips names of things not extracted).
#[rustfmt::skip]
const MARKET_INDICES: &[&str] = &[
    "Dow", "Dow Jones", "Dow Jones Industrial Average", "DJIA", "Nasdaq", "NASDAQ", "S&P",
    "Standard & Poor", "FTSE", "Nikkei", "DAX", "CAC", "Hang Seng", "Sensex", "Nifty", "Kospi",
    "KOSPI", "Euro Stoxx", "Stoxx", "TSX", "ASX", "IBEX", "MSCI", "Russell",
    "Nasdaq Composite", "Shanghai Composite", "Topix", "TOPIX", "Bovespa", "Straits Times Index",
];

/// Words before "of" that keep it inside a name ("Republic of Korea", "Duke of
/// Edinburgh"), besides organisation and place keywords (read by the run cutter).
const OF_HEADS: &[&str] = &[
    "Republic", "Kingdom", "Bank", "Isle", "Duke", "Prince", "Princess", "Horn",
];

static GOVERNMENT_SET: WordSet = WordSet::new(GOVERNMENT_KEYWORDS);
static INDEX_SET: WordSet = WordSet::new(MARKET_INDICES);

/// A company's legal form ("Inc.", "CORP", "GmbH"), in any case: no name alone,
/// though the text writes it capitalised after names; read by the headline rules
/// and by `entities/legal_form.rs`.
pub fn is_legal_form(word: &str) -> bool {
    // Compared ignoring case, with no lowered copy: this runs for the last word of
    // every name, in every document.
    const LEGAL_FORMS: &[&str] = &[
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "llp",
        "plc",
        "ag",
        "sa",
        "gmbh",
        "nv",
        "lp",
        "n.a",
        "corporation",
        "incorporated",
        "limited",
        "company",
        "group",
    ];
    lowered_in(word.trim_end_matches('.'), LEGAL_FORMS)
}

/// Abbreviations that close a name and are written with a period: legal forms
/// and generational suffixes ("Inc.", "Jr."); read by the mentions' end in
/// `entities/mod.rs`.
pub fn is_name_closing_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Inc"
            | "Corp"
            | "Co"
            | "Cos"
            | "Ltd"
            | "Bros"
            | "Jr"
            | "Sr"
            | "INC"
            | "CORP"
            | "CO"
            | "LTD"
    )
}

/// A word after "it" that makes it an organisation's pronoun ("it said", "it would");
/// "It was a big game", "it rained" refer to nothing. Read by `entities/context.rs`.
pub fn acts_as_organisation(next: &str) -> bool {
    is_saying_verb(next)
        || matches!(
            next,
            "would"
                | "will"
                | "has"
                | "had"
                | "plans"
                | "planned"
                | "expects"
                | "reported"
                | "employs"
                | "owns"
                | "operates"
                | "agreed"
        )
}

pub fn is_government_keyword(w: &str) -> bool {
    GOVERNMENT_SET.contains(w)
}

/// A market index by name, or a name ending in "Index" or "Average".
pub fn is_market_index(name: &str) -> bool {
    INDEX_SET.contains(name) || name.ends_with(" Index") || name.ends_with(" Average")
}

pub fn is_of_head(w: &str) -> bool {
    OF_HEADS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::recognize::people_words::ROLE_NOUNS;
    use crate::engine::recognize::place_words::{COMPASS_WORDS, PLACE_KEYWORDS, PLACE_NOUNS};

    #[test]
    fn word_lists_have_no_duplicates_that_hide_typos() {
        for (name, list) in [
            ("function words", FUNCTION_WORDS),
            ("never names", NEVER_NAMES),
            ("particles", NAME_PARTICLES),
            ("role nouns", ROLE_NOUNS),
            ("government keywords", GOVERNMENT_KEYWORDS),
            ("market indices", MARKET_INDICES),
            ("place keywords", PLACE_KEYWORDS),
            ("place nouns", PLACE_NOUNS),
            ("compass words", COMPASS_WORDS),
        ] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            let n = sorted.len();
            sorted.dedup();
            assert_eq!(n, sorted.len(), "{name} has duplicates");
        }
    }

    #[test]
    fn a_word_set_answers_as_its_list_whatever_its_filter_turns_away() {
        static SET: WordSet = WordSet::new(&["the", "Minister", "Inc.", "é", "Straße", "I"]);
        let cases: &[(&str, &str, bool)] = &[
            ("a listed word", "the", true),
            ("a listed word with a period", "Inc.", true),
            ("one byte", "I", true),
            ("one non-ASCII character", "é", true),
            ("non-ASCII last byte", "Straße", true),
            ("another case", "The", false),
            ("same first and last bytes and length", "tie", false),
            ("same first and last bytes, other length", "thee", false),
            ("a prefix", "Minist", false),
            ("the empty word", "", false),
        ];
        for &(name, word, expected) in cases {
            assert_eq!(SET.contains(word), expected, "{name}: {word:?}");
        }
        // Every list's every word passes its filter.
        for (name, list) in [
            ("function words", FUNCTION_WORDS),
            ("never names", NEVER_NAMES),
            ("titles", TITLES),
            ("portfolios", PORTFOLIOS),
            ("organisation keywords", ORG_KEYWORDS),
            ("particles", NAME_PARTICLES),
            ("saying verbs", SAYING_VERBS),
        ] {
            let set = WordSet::new(list);
            for word in list {
                assert!(set.contains(word), "{name}: {word}");
            }
        }
    }

    #[test]
    fn function_words_in_lower_or_sentence_case_only() {
        let cases: &[(&str, &str, bool)] = &[
            ("lower case", "the", true),
            ("sentence case", "The", true),
            ("capitals", "THE", false),
            ("a capital inside", "tHe", false),
            ("a name", "Almaty", false),
            ("a digit first", "2nd", false),
            ("beyond ASCII", "Été", false),
            ("empty", "", false),
        ];
        for (name, word, expected) in cases {
            assert_eq!(is_function_word(word), *expected, "{name}");
        }
        // Every function word, in both cases.
        for word in FUNCTION_WORDS {
            assert!(is_function_word(word), "{word}");
            assert!(
                is_function_word(&sentence_case(word)),
                "{word}, capitalised"
            );
        }
    }

    #[test]
    fn classifies_words() {
        assert!(is_function_word("The"));
        assert!(is_title("Minister"));
        assert!(is_title("Dr."));
        assert!(is_org_keyword("Inc."));
        assert!(has_surname_ending("Bayramov"));
        assert!(has_surname_ending("Mirzoyan"));
        assert!(!has_surname_ending("Kazakhstan"));
    }

    #[test]
    fn surname_endings_in_any_case_and_script() {
        let cases: &[(&str, bool)] = &[
            ("ANDERSSON", true),
            ("Petrović", true),
            ("Öztürkoğlu", true),
            ("Abashvili", true),
            ("Ivanov", true),
            ("Ov", false),
            ("Mason", true),
            ("Jason", true),
            ("Kiev", false),
            ("Toledo", false),
            ("", false),
        ];
        for (word, expected) in cases {
            assert_eq!(has_surname_ending(word), *expected, "{word}");
        }
    }
}
