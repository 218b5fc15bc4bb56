//! What a paragraph's text looks like: the few shape tests (a finished
//! sentence, a line of code) that several stages ask, in one place so that
//! they all answer alike.

/// The block of General Punctuation (curly quotes, dashes, the ellipsis,
/// bullets, special spaces): none of it is a letter or a number.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206f}';

/// `char::is_alphanumeric`, answered without the Unicode tables for ASCII
/// and for General Punctuation. Articles are full of curly quotes and
/// dashes, and for each of them the standard test searches two tables (a
/// letter? a number?); that search was 3% of a folder run's time.
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !GENERAL_PUNCTUATION.contains(&c) && c.is_alphanumeric()
    }
}

/// Whether `c` is a letter of a script written without spaces between
/// words: Han ideographs (Chinese, and Japanese kanji) and the hiragana and
/// katakana blocks (Hangul is written with spaces). The blocks' few marks
/// (the middle dot "・", the sound marks) are no letters, but
/// [`words`] never reads them, as they are not alphanumeric.
pub fn is_unspaced_letter(c: char) -> bool {
    matches!(
        c,
        '\u{3041}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'
    )
}

/// Letters of a script written without spaces ([`is_unspaced_letter`])
/// that [`unspaced_words`] counts as one word: about a word's length in
/// Chinese and Japanese.
pub const UNSPACED_WORD_LETTERS: usize = 2;

/// The words of `token` (text without spaces): the token itself, or, where
/// it holds letters of a script written without spaces, each run of
/// [`UNSPACED_WORD_LETTERS`] such letters and each stretch of other
/// characters between them. A Japanese sentence has no space in it, so
/// read whole it was one "word", and the rules that count words took a
/// page's prose for menu items and removed it (dev `f105de6e`: 13 of its
/// 20 paragraphs).
pub fn unspaced_words(token: &str) -> UnspacedWords<'_> {
    UnspacedWords { rest: token }
}

/// The iterator of [`unspaced_words`].
pub struct UnspacedWords<'a> {
    rest: &'a str,
}

impl<'a> Iterator for UnspacedWords<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let first = self.rest.chars().next()?;
        // Most words are ASCII: whole, without a look at each letter.
        let end = if self.rest.is_ascii() {
            self.rest.len()
        } else if is_unspaced_letter(first) {
            let mut letters = 0;
            self.rest
                .char_indices()
                .find(|&(_, c)| {
                    letters += 1;
                    !is_unspaced_letter(c) || letters > UNSPACED_WORD_LETTERS
                })
                .map_or(self.rest.len(), |(at, _)| at)
        } else {
            self.rest
                .char_indices()
                .find(|&(_, c)| is_unspaced_letter(c))
                .map_or(self.rest.len(), |(at, _)| at)
        };
        let (word, rest) = self.rest.split_at(end);
        self.rest = rest;
        Some(word)
    }
}

/// The words of `text`: its runs of letters and digits
/// ([`is_alphanumeric`]), each split as [`unspaced_words`] splits it where
/// the text may hold letters of a script written without spaces
/// ([`may_hold_unspaced`]). Other text, most text, is only split into runs:
/// looking into every run for such letters cost the rules 2% more
/// instructions over the speed benchmark's first copy, this way 1%.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    let runs = text
        .split(|c: char| !is_alphanumeric(c))
        .filter(|run| !run.is_empty());
    if may_hold_unspaced(text) {
        Runs::Unspaced(runs.flat_map(unspaced_words))
    } else {
        Runs::Spaced(runs)
    }
}

/// [`words`]' two ways of reading a text.
enum Runs<S, U> {
    Spaced(S),
    Unspaced(U),
}

impl<'a, S, U> Iterator for Runs<S, U>
where
    S: Iterator<Item = &'a str>,
    U: Iterator<Item = &'a str>,
{
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        match self {
            Runs::Spaced(runs) => runs.next(),
            Runs::Unspaced(words) => words.next(),
        }
    }

    /// Each way's own fold, which `count` and `sum` use: a split's is
    /// quicker than calling `next` for each word.
    fn fold<B, F: FnMut(B, &'a str) -> B>(self, init: B, f: F) -> B {
        match self {
            Runs::Spaced(runs) => runs.fold(init, f),
            Runs::Unspaced(words) => words.fold(init, f),
        }
    }
}

/// Whether `text` may hold a letter of a script written without spaces
/// ([`is_unspaced_letter`]): a byte that leads the UTF-8 of U+3000 or
/// above. Every byte is read, without stopping at the first: so the
/// compiler reads many at once, far quicker than reading characters.
pub fn may_hold_unspaced(text: &str) -> bool {
    text.bytes().fold(false, |any, b| any | (b >= 0xe3))
}

/// How many words `text` has: its words between spaces, each split as
/// [`unspaced_words`] splits it (a stretch of punctuation between
/// unspaced letters, "、", is no word).
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .map(|token| {
            if token.is_ascii() {
                1
            } else {
                unspaced_words(token)
                    .filter(|word| word.chars().any(is_alphanumeric))
                    .count()
                    .max(1)
            }
        })
        .sum()
}

/// The English month names and their abbreviations, lowercased ("may" is
/// left out, as the page model's list always left it: the word is also a
/// verb). A date's month is a figure to the copy rules and a sign of a
/// dateline to the page model.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// What comes between a page's title and its site's name in the title of
/// its browser tab ("Engineering works: Coldharbour line | Westvale Rail"),
/// which a page dump may print at its top.
pub const SITE_SEPARATORS: [&str; 6] =
    [" | ", " - ", " \u{2013} ", " \u{2014} ", " \u{b7} ", " :: "];

/// The most words of a site's name after a page's title.
pub const SITE_NAME_MAX_WORDS: usize = 5;

/// The title of `line` when it reads as a browser tab's: a title, a
/// separator ([`SITE_SEPARATORS`]) and a site's name of at most
/// [`SITE_NAME_MAX_WORDS`] words, split at the last separator that leaves
/// such a name ("Ep. 114: The bridge that sang - Stress & Strain Podcast").
pub fn title_before_site(line: &str) -> Option<&str> {
    let line = line.trim();
    if line.contains('\n') {
        return None;
    }
    SITE_SEPARATORS
        .iter()
        .filter_map(|separator| line.rsplit_once(separator))
        .filter(|(title, site)| is_site_name(site) && title.chars().any(char::is_alphabetic))
        .map(|(title, _)| title.trim_end())
        .max_by_key(|title| title.len())
}

/// The titles that a line printing a browser tab's title may name, the
/// fullest first: each [`title_before_site`] of the one before ("Stop
/// Writing Status Reports Nobody Reads | by Kira Almeda | The Standup"
/// names "Stop Writing Status Reports Nobody Reads | by Kira Almeda", then
/// "Stop Writing Status Reports Nobody Reads"), then what follows a site's
/// name and a colon, as a blog's tab prints it ("Bench Work and Ballast:
/// Finally, the Crooked Creek trestle is done").
pub fn titles_of_tab(line: &str) -> impl Iterator<Item = &str> {
    let after_site = line
        .trim()
        .split_once(": ")
        .filter(|(site, title)| is_site_name(site) && title.chars().any(char::is_alphabetic))
        .map(|(_, title)| title.trim());
    std::iter::successors(title_before_site(line), |title| title_before_site(title))
        .chain(after_site)
}

/// Whether `name` may be a site's name after a page's title: one to
/// [`SITE_NAME_MAX_WORDS`] words, a letter among them.
pub fn is_site_name(name: &str) -> bool {
    (1..=SITE_NAME_MAX_WORDS).contains(&name.split_whitespace().count())
        && name.chars().any(char::is_alphabetic)
}

/// Whether the text opens as a title or a heading does: with a capital, a
/// figure, or a letter of a script that has no capitals and is written with
/// spaces (Korean, Arabic, Hebrew), whose headlines would otherwise never
/// read as titles and went with the menu above them (two of bench-dev's
/// three Korean page dumps lost theirs). Chinese and Japanese are left out:
/// their words are read a few letters at a time ([`unspaced_words`]), so
/// any short line shares some with the prose below it, and a menu's last
/// category would read as the headline.
pub fn opens_as_title(text: &str) -> bool {
    // A capital, or a caseless letter, is a letter that is not lower case.
    text.starts_with(|c: char| {
        c.is_numeric() || (c.is_alphabetic() && !c.is_lowercase() && !is_unspaced_letter(c))
    })
}

/// Whether `c` is General Punctuation, which is never a letter or number.
pub fn is_general_punctuation(c: char) -> bool {
    GENERAL_PUNCTUATION.contains(&c)
}

/// Whether `text` tells a time of day ("9am", "7.30 pm", "19:30"): a line
/// of parts that tells one is an event's or a service's facts ("Riverside
/// Park · 9am · Free, register online", `benches/modern13` 23), not a trail
/// of pages, which the catalogue's breadcrumb pattern would take it for,
/// and a list's line that tells one is the page's own (opening hours, a
/// schedule), not a menu's item.
pub fn holds_time_of_day(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() || (at > 0 && bytes[at - 1].is_ascii_alphanumeric()) {
            at += 1;
            continue;
        }
        let hour = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let mut end = at + hour;
        let minutes = matches!(bytes.get(end), Some(b':' | b'.'))
            && bytes
                .get(end + 1..end + 3)
                .is_some_and(|m| m.iter().all(u8::is_ascii_digit))
            && !bytes.get(end + 3).is_some_and(u8::is_ascii_digit);
        if minutes {
            end += 3;
        }
        let after = &bytes[end..];
        let after = after.strip_prefix(b" ").unwrap_or(after);
        let meridiem = after.len() >= 2
            && after[..2].eq_ignore_ascii_case(b"am") | after[..2].eq_ignore_ascii_case(b"pm")
            && !after.get(2).is_some_and(u8::is_ascii_alphanumeric);
        let clock = minutes
            && bytes[at + hour] == b':'
            && !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric);
        if hour <= 2 && (meridiem || clock) {
            return true;
        }
        at = end.max(at + 1);
    }
    false
}

/// Whether the text ends like a finished sentence, closing quotes and brackets aside.
pub fn ends_sentence(text: &str) -> bool {
    let text = without_closing_marks(text);
    !text.ends_with("...") && text.ends_with(['.', '!', '?', '\u{3002}', '\u{ff01}', '\u{ff1f}'])
}

/// Whether the text ends with a full stop (a statement, not a question or a label).
pub fn ends_with_full_stop(text: &str) -> bool {
    let text = without_closing_marks(text);
    !text.ends_with("...") && text.ends_with(['.', '\u{3002}'])
}

pub fn without_closing_marks(text: &str) -> &str {
    text.trim_end_matches(['"', '\'', ')', ']', '\u{2019}', '\u{201d}', '\u{bb}'])
}

/// Lines a block must have to be read as a list of figures.
const FIGURE_LIST_MIN_LINES: usize = 3;

/// Whether a paragraph is a block of at least [`FIGURE_LIST_MIN_LINES`]
/// lines of which at least two in three hold a figure: a schedule (tour
/// dates, fixtures), a results table, a price list, a ranked list. Such a
/// block is the article's data, however little prose it has; a menu or a
/// list of links has few figures.
pub fn is_figure_list(text: &str) -> bool {
    let (mut lines, mut with_figures) = (0usize, 0usize);
    for line in text.lines().filter(|line| !line.trim().is_empty()) {
        lines += 1;
        with_figures += usize::from(line.contains(|c: char| c.is_ascii_digit()));
    }
    lines >= FIGURE_LIST_MIN_LINES && with_figures * 3 >= lines * 2
}

/// Share of a line's visible characters that are code symbols above which
/// it reads as code.
const CODE_SYMBOL_SHARE: f32 = 0.08;

/// Whether a paragraph reads as code: brackets, operators and other symbols
/// make up a large share of it. Two lines of code that differ in one token
/// (`x = f(a)` and `x = f(b)`) are two statements, not a lightly edited copy,
/// and the comparison key, which drops punctuation, cannot see what they are.
pub fn is_code_like(text: &str) -> bool {
    let mut visible = 0usize;
    let mut symbols = 0usize;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        visible += 1;
        symbols += usize::from(matches!(
            c,
            '(' | ')'
                | '{'
                | '}'
                | '['
                | ']'
                | '<'
                | '>'
                | '='
                | ';'
                | '+'
                | '*'
                | '\\'
                | '|'
                | '$'
                | '#'
                | '_'
                | '`'
                | '^'
                | '~'
                | '%'
        ));
    }
    visible > 0 && symbols as f32 >= CODE_SYMBOL_SHARE * visible as f32
}

/// Whether a line ends with a shell's line continuation (a space and a
/// backslash): a command's first line ("curl https://... \\"), however few
/// symbols its address leaves it.
pub fn continues_on_next_line(text: &str) -> bool {
    text.trim_end_matches([' ', '\t']).ends_with(" \\")
}

/// Whether a paragraph is a block of code: lines of it, not one line, that
/// read as code ([`is_code_like`]) and hold a symbol that only code uses
/// (braces, `=`, `;`, a backslash, a backtick, an underscore): brackets
/// alone are how a site footer sets out its registration details, and `$`
/// a price list. Outside a Markdown fence it is the author's code all the
/// same (a configuration example, a build file), whatever surrounds it.
pub fn is_code_block(text: &str) -> bool {
    text.contains('\n') && is_code_like(text) && text.contains(['{', '}', '=', ';', '\\', '`', '_'])
}

/// A numbered listing has at least this many line numbers.
const LISTING_MIN_NUMBERS: usize = 3;

/// Which of `texts` (a document's paragraphs, in order) belong to a
/// numbered listing of code: code scraped with its line numbers, each
/// number a paragraph of its own ("1", "2", "3", ...), each followed by at
/// most one line (a blank line of the code leaves none), where at least
/// half of those lines read as code ([`is_code_like`]). The numbers and
/// the lines are the author's code as much as a fenced block is; a list of
/// headlines numbered the same way ("Most read": "1", a headline, "2", ...)
/// does not read as code.
pub fn numbered_code_listing(texts: &[&str]) -> Vec<bool> {
    let mut listed = vec![false; texts.len()];
    let is_number = |at: usize, number: usize| {
        texts
            .get(at)
            .is_some_and(|text| text.trim().parse::<usize>() == Ok(number))
    };
    let mut start = 0;
    while start < texts.len() {
        if !is_number(start, 1) {
            start += 1;
            continue;
        }
        // `at` walks the numbers; `lines` counts the lines between them,
        // `code` those that read as code.
        let (mut at, mut number, mut lines, mut code) = (start, 1, 0, 0);
        loop {
            if is_number(at + 1, number + 1) {
                at += 1;
            } else if at + 1 < texts.len() && is_number(at + 2, number + 1) {
                lines += 1;
                code += usize::from(is_code_like(texts[at + 1]));
                at += 2;
            } else {
                break;
            }
            number += 1;
        }
        // The last number's line, if one follows it.
        let mut end = at;
        if at + 1 < texts.len() && !is_number(at + 1, 1) {
            lines += 1;
            code += usize::from(is_code_like(texts[at + 1]));
            end = at + 1;
        }
        if number >= LISTING_MIN_NUMBERS && 2 * code >= lines && lines > 0 {
            listed[start..=end].fill(true);
        }
        start = end + 1;
    }
    listed
}

/// A table scraped one cell per paragraph has rows of at most this many
/// cells ([`table_cells`]).
const TABLE_MAX_COLUMNS: usize = 8;

/// ... and at least this many rows.
const TABLE_MIN_ROWS: usize = 3;

/// A table's cell has at most this many words: a teaser's title, which a
/// list of teasers pairs with its date, has more.
const TABLE_CELL_MAX_WORDS: usize = 4;

/// A sentence that sets a table in prose has at least this many words
/// ([`table_cells`]).
const TABLE_PROSE_MIN_WORDS: usize = 8;

/// Which of `texts` (a document's paragraphs, in order) are cells of a
/// table scraped one cell per paragraph: [`TABLE_MIN_ROWS`] rows or more of
/// 2 to [`TABLE_MAX_COLUMNS`] short cells ([`TABLE_CELL_MAX_WORDS`] words,
/// one line, no full stop), the same columns holding a figure in every row
/// and the others none ("Monday", "Sunny", "18°C", "9°C"), with the header
/// row above them when it has no figure, set in the article's prose: a
/// sentence of [`TABLE_PROSE_MIN_WORDS`] words or more ends within two
/// paragraphs above it and within two below. To a model of prose and noise
/// such a table reads as a long run of short lines, as a menu does, but it
/// is the article's data; a menu or a share bar holds no column of figures,
/// and a pager is all figures. A store's grid of products (a name, a price,
/// "Add") and a filter's counts ("Adhesives704") have the shape too, but no
/// prose around them: on bench-dev's pages the shape alone kept 589 such
/// lines for 109 of the gold.
pub fn table_cells(texts: &[&str]) -> Vec<bool> {
    let mut cells = vec![false; texts.len()];
    // Each paragraph read once: whether it may be a cell, and then whether
    // it holds a figure. Every row of every width from every start reads
    // these; reading the texts there instead cost the page model's rounds
    // 205 M instructions over the speed benchmark's first copy (callgrind,
    // with the model 2582.1 M -> 2376.9 M).
    let cell_shapes: Vec<Option<bool>> = texts
        .iter()
        .map(|text| {
            // Cheapest first: most of a page's paragraphs end a sentence.
            let short = !ends_with_full_stop(text)
                && !text.contains('\n')
                && !text.trim().is_empty()
                && words(text).nth(TABLE_CELL_MAX_WORDS).is_none();
            short.then(|| text.contains(|c: char| c.is_ascii_digit()))
        })
        .collect();
    let figures = |row: &[Option<bool>]| -> Option<u16> {
        row.iter()
            .enumerate()
            .try_fold(0u16, |mask, (column, &cell)| {
                cell.map(|figure| mask | u16::from(figure) << column)
            })
    };
    let mut start = 0;
    while start < texts.len() {
        let found = (2..=TABLE_MAX_COLUMNS).find_map(|columns| {
            let full = (1u16 << columns) - 1;
            let mask = figures(cell_shapes.get(start..start + columns)?)?;
            if mask == 0 || mask == full {
                return None;
            }
            let rows = cell_shapes[start..]
                .chunks_exact(columns)
                .take_while(|row| figures(row) == Some(mask))
                .count();
            (rows >= TABLE_MIN_ROWS).then_some((columns, rows))
        });
        let Some((columns, rows)) = found else {
            start += 1;
            continue;
        };
        let header = start
            .checked_sub(columns)
            .filter(|&at| figures(&cell_shapes[at..start]) == Some(0))
            .unwrap_or(start);
        let end = start + columns * rows;
        let sentence = |at: usize| {
            texts.get(at).is_some_and(|text| {
                ends_with_full_stop(text) && words(text).nth(TABLE_PROSE_MIN_WORDS - 1).is_some()
            })
        };
        let in_prose =
            (header.saturating_sub(2)..header).any(sentence) && (end..end + 2).any(sentence);
        if in_prose {
            cells[header..end].fill(true);
        }
        start = end;
    }
    cells
}

/// Whether a paragraph is a bare web address (`https://...`, `www....`),
/// perhaps after a reference marker (`[1] https://...`). A page's own
/// address and its images' carry the headline's words in their last part
/// (`/topic/201820-ai-discussion-split-from-canva-thread/`), so the
/// comparison key, which drops punctuation, finds the headline inside the
/// address: an address is no copy of a line of text, nor is text a copy of
/// an address.
pub fn is_web_address(text: &str) -> bool {
    let text = text.trim();
    let text = match text.strip_prefix('[').and_then(|rest| rest.split_once(']')) {
        Some((marker, rest)) if marker.len() <= 3 => rest.trim_start(),
        _ => text,
    };
    let bytes = text.as_bytes();
    !text.contains(char::is_whitespace)
        && ["http://", "https://", "www."].iter().any(|scheme| {
            bytes.len() > scheme.len()
                && bytes[..scheme.len()].eq_ignore_ascii_case(scheme.as_bytes())
        })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A week's forecast scraped one cell per paragraph, under its heading
    /// and between sentences of its article (my own text, in the shape of a
    /// held-out page whose 31 cells the page model took).
    pub(crate) const FORECAST: [&str; 37] = [
        "Settled week ahead as high pressure builds",
        "A ridge of high pressure will bring a dry and bright week to most of the region, with light winds.",
        "Only Thursday brings a real chance of rain, when a weak front may push a few showers onto the coast.",
        "Seven-day forecast",
        "Day",
        "Outlook",
        "High",
        "Low",
        "Monday",
        "Sunny",
        "18°C",
        "9°C",
        "Tuesday",
        "Sunny intervals",
        "19°C",
        "10°C",
        "Wednesday",
        "Light showers",
        "16°C",
        "10°C",
        "Thursday",
        "Sunny",
        "17°C",
        "9°C",
        "Friday",
        "Sunny intervals",
        "18°C",
        "10°C",
        "Saturday",
        "Sunny",
        "19°C",
        "10°C",
        "Sunday",
        "Sunny",
        "19°C",
        "11°C",
        "Pollen levels will be high on the sunniest days, and anyone outdoors should take the usual care.",
    ];

    #[test]
    fn a_table_of_one_cell_per_paragraph_in_prose_is_found() {
        let cells = table_cells(&FORECAST);
        let found: Vec<usize> = (0..cells.len()).filter(|&at| cells[at]).collect();
        assert_eq!(found, (4..36).collect::<Vec<_>>());
        // Without the prose around it: a store's grid has the same shape.
        assert!(!table_cells(&FORECAST[4..36]).contains(&true));
        // A pager is all figures, a menu has none.
        let mut pager = FORECAST.to_vec();
        pager.splice(4..36, ["1", "2", "3", "4", "5", "6", "7", "8"]);
        assert!(!table_cells(&pager).contains(&true));
        let mut menu = FORECAST.to_vec();
        menu.splice(
            4..36,
            ["News", "Sport", "Weather", "Travel", "Culture", "Opinion"],
        );
        assert!(!table_cells(&menu).contains(&true));
    }

    /// After `ext` 0681, a documentation page whose code tabs were scraped
    /// a line to a paragraph with their line numbers between (the lines
    /// here are written for the test).
    #[test]
    fn a_numbered_listing_of_code_is_told_from_a_numbered_list_of_headlines() {
        let listing = [
            "Copy code block",
            "1",
            "# Read the key from the environment",
            "2",
            "import os",
            "3",
            "4",
            "client = Client(os.environ[\"API_KEY\"])",
            "5",
            "print(client.status())",
            "Save the file and run it.",
        ];
        let listed = numbered_code_listing(&listing);
        assert_eq!(
            listed,
            [
                false, true, true, true, true, true, true, true, true, true, false
            ]
        );
        let most_read = [
            "Most read",
            "1",
            "Council votes to close the town library",
            "2",
            "Floods close the coast road for a week",
            "3",
            "Local bakery wins national award",
        ];
        assert!(!numbered_code_listing(&most_read).contains(&true));
        // Two numbers are no listing.
        let two = ["1", "x = f(a)", "2", "y = g(b)"];
        assert!(!numbered_code_listing(&two).contains(&true));
    }

    #[test]
    fn a_code_block_is_lines_of_code_with_a_symbol_only_code_uses() {
        assert!(is_code_block(
            "[cache]\nttl_seconds = 300\nupstream = \"https://api.example.org\""
        ));
        assert!(is_code_block("BEGIN;\nSELECT * FROM t WHERE key = 1;"));
        // One line is a line, not a block.
        assert!(!is_code_block("total = price * quantity;"));
        // A footer that sets out its details in brackets, and a price list.
        assert!(!is_code_block(
            "[ Publisher : Kim ] [ Registered : Seoul ]\n[ Address : 114-1 (Tower) 903 ]"
        ));
        assert!(!is_code_block("$19.99 (was $24.99)\n$5.99 (was $7.99)"));
    }

    proptest::proptest! {
        /// The words are the text's letters and digits, in order, none
        /// lost or added; a word of a script written without spaces has
        /// at most two letters, and no other word holds such a letter.
        #[test]
        fn words_split_every_letter_once(text in "[a-z0-9 ,.'\u{e9}\u{3041}-\u{3046}\u{30a1}-\u{30a3}\u{30fb}\u{30fc}\u{4e00}-\u{4e03}\u{ac00}]{0,30}") {
            let joined: String = words(&text).collect();
            let letters: String = text.chars().filter(|&c| is_alphanumeric(c)).collect();
            proptest::prop_assert_eq!(joined, letters);
            for word in words(&text) {
                let unspaced = word.chars().filter(|&c| is_unspaced_letter(c)).count();
                let all = word.chars().count();
                proptest::prop_assert!(unspaced == 0 || (unspaced == all && all <= UNSPACED_WORD_LETTERS), "{word}");
            }
            proptest::prop_assert!(may_hold_unspaced(&text) || !text.chars().any(is_unspaced_letter));
        }
    }

    #[test]
    fn unspaced_scripts_count_a_word_every_two_letters() {
        let split: Vec<&str> = unspaced_words("Kindle書籍を読む場合").collect();
        assert_eq!(split, ["Kindle", "書籍", "を読", "む場", "合"]);
        assert_eq!(unspaced_words("Kindle").collect::<Vec<_>>(), ["Kindle"]);
        // Hangul is written with spaces: a word is a word.
        assert_eq!(unspaced_words("엘제이의").count(), 1);
        assert_eq!(word_count("Share this article"), 3);
        let split: Vec<&str> = words("“Kindle書籍を—読む” e-mail 12").collect();
        assert_eq!(split, ["Kindle", "書籍", "を", "読む", "e", "mail", "12"]);
        assert_eq!(
            word_count("まずスタートメーニューからkindleのプログラムを探し、右クリック。"),
            16
        );
        assert_eq!(word_count("「なし」"), 1);
    }

    #[test]
    fn is_alphanumeric_agrees_with_the_standard_test() {
        for c in (0..=0x2fff).filter_map(char::from_u32) {
            assert_eq!(
                is_alphanumeric(c),
                c.is_alphanumeric(),
                "U+{:04X}",
                c as u32
            );
        }
        for c in GENERAL_PUNCTUATION {
            assert!(!c.is_alphabetic() && !c.is_numeric(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn web_addresses_are_one_address_alone_on_the_line() {
        for address in [
            "https://forum.affinity.serif.com/index.php?/topic/201820-ai-discussion-split-from-canva-thread/",
            "www.entermedia.co.kr",
            "HTTP://EXAMPLE.COM/A",
            "[1] https://celestrak.org/NORAD/elements/graph-orbit-data/",
        ] {
            assert!(is_web_address(address), "{address}");
        }
        for text in [
            "AI discussion (split from Canva thread)",
            "git clone https://github.com/ashvardanian/StringWars",
            "See www.example.com for details.",
            "https://",
            "[12345] https://example.com/a",
            // Multi-byte characters where a scheme would end.
            "ショートカットタブを開き、ショートカットの欄を",
        ] {
            assert!(!is_web_address(text), "{text}");
        }
    }

    #[test]
    fn figure_lists_are_blocks_of_lines_with_figures() {
        let tour = "June 9 - West Palm Beach, FL @ Coral Sky Amphitheatre\n\
                    June 11 - Tampa, FL @ MidFlorida Credit Union Amphitheatre\n\
                    June 12 - Atlanta, GA @ Cellairis Amphitheatre";
        assert!(is_figure_list(tour));
        assert!(!is_figure_list("Home\nNews\nSport\nWeather"));
        assert!(!is_figure_list("June 9 - West Palm Beach\nJune 11 - Tampa"));
        assert!(!is_figure_list(
            "The band played on June 9.\nIt rained.\nEveryone went home early."
        ));
    }
}
