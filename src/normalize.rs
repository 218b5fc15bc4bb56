//! Output normalization: what the clean copy contains, line by line.
//!
//! Scrapers leave invisible damage (NBSPs, zero-width spaces, soft hyphens,
//! `&amp;`, trailing blanks) that makes identical paragraphs look different and
//! shows up as noise in every downstream tool. This stage repairs it one line at
//! a time so each output line still maps to one input line. Typographic quotes
//! and dashes are the author's and stay; folding them is the comparison key's job.
//!
//! What is not damage stays as the user wrote it. Many scrapers now emit
//! Markdown, where spaces carry meaning: code blocks (fenced or indented) and
//! tables pass through untouched, and the two trailing spaces of a hard line
//! break are kept (segmentation puts them back inside a paragraph). Line
//! endings are the file's: the clean copy uses the input's most common one
//! unless [`LineEndings`] says otherwise.

use crate::decode::{EndingCounts, LineEnding, split_lines};
use std::borrow::Cow;
use std::ops::Range;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Which normalization steps run. Every repair is on by default, and the
/// input's line endings and Markdown are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NormalizeOptions {
    /// Decode HTML entities a scraper left in the text (`&amp;`, `&nbsp;`,
    /// `&#8217;`), to their fixed point: `&amp;amp;` is `&` in one run.
    pub html_entities: bool,
    /// Turn Unicode spaces (NBSP, thin, ideographic, tab...) into a plain space.
    pub unicode_spaces: bool,
    /// Remove zero-width spaces, word joiners, soft hyphens, BOMs and control characters.
    pub invisible: bool,
    /// Collapse runs of spaces inside a line to one (leading indentation is kept).
    pub collapse_spaces: bool,
    /// Remove whitespace at the end of each line.
    pub trim_trailing: bool,
    /// Compose to Unicode NFC, so `e` + combining acute and `é` are the same text.
    pub nfc: bool,
    /// Leave Markdown as written: fenced and indented code blocks and table
    /// rows are not normalized (and a code block is one paragraph, however
    /// many blank lines it holds), and a hard line break's trailing spaces
    /// stay.
    pub markdown: bool,
    /// The line endings of the clean copy.
    pub line_endings: LineEndings,
}

/// The line endings of the clean copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LineEndings {
    /// The input's most common ending (`\n`, `\r\n` or a lone `\r`), as
    /// black and ruff do: a clean CRLF file stays byte for byte the same.
    #[default]
    Keep,
    /// `\n` everywhere.
    Lf,
    /// `\r\n` everywhere.
    CrLf,
}

impl LineEndings {
    /// The ending to write for a text whose most common ending is `input`.
    pub fn resolve(self, input: LineEnding) -> LineEnding {
        match self {
            LineEndings::Keep => input,
            LineEndings::Lf => LineEnding::Lf,
            LineEndings::CrLf => LineEnding::CrLf,
        }
    }
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            html_entities: true,
            unicode_spaces: true,
            invisible: true,
            collapse_spaces: true,
            trim_trailing: true,
            nfc: true,
            markdown: true,
            line_endings: LineEndings::Keep,
        }
    }
}

/// A text's lines after normalization, with what segmentation and rendering
/// must know about them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NormalizedText<'a> {
    /// One entry per input line, without its ending.
    pub lines: Vec<Cow<'a, str>>,
    /// Line ranges (0-based, end exclusive), in order, of Markdown blocks
    /// that passed through untouched (code blocks, tables): segmentation
    /// never splits one.
    pub blocks: Vec<Range<usize>>,
    /// Lines that end in a Markdown hard break, with its trailing spaces
    /// (which normalization trimmed): put back when the next line is in
    /// the same paragraph.
    pub hard_breaks: Vec<(usize, &'a str)>,
    /// The indices into `blocks`, in order, of the indented code blocks:
    /// an indented line right after one continues it.
    pub indented_code: Vec<usize>,
    /// The lines of text (not in a block) that read as indented code where
    /// they start a block: after a blank line, first in the text, or right
    /// after indented code (a removal can put them there).
    pub indented_text: Vec<usize>,
    /// The input's most common line ending.
    pub ending: LineEnding,
}

/// Splits `text` into lines and normalizes each, leaving Markdown's
/// meaningful spaces alone when `options.markdown` is set.
pub(crate) fn normalize_text<'a>(text: &'a str, options: &NormalizeOptions) -> NormalizedText<'a> {
    let mut lines: Vec<Cow<'a, str>> =
        Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    let mut endings = EndingCounts::default();
    let mut markdown = Markdown::default();
    let mut start = 0;
    for (raw, end) in split_lines(text) {
        endings.add(text, start + raw.len(), end);
        start = end;
        let index = lines.len();
        let line = normalize_line(raw, options);
        if options.markdown && markdown.is_verbatim(index, raw, &line, || (text, options)) {
            markdown.previous_blank = raw.trim().is_empty();
            lines.push(Cow::Borrowed(raw));
            continue;
        }
        markdown.previous_blank = line.trim().is_empty();
        if options.markdown && !markdown.previous_blank {
            if let Some(spaces) = hard_break(raw) {
                markdown.hard_breaks.push((index, spaces));
            }
            // The clean copy writes this line as normalized, so that is
            // the form the next run reads.
            if reads_indented(&line) {
                markdown.indented_text.push(index);
            }
        }
        lines.push(line);
    }
    NormalizedText {
        lines,
        blocks: markdown.blocks,
        hard_breaks: markdown.hard_breaks,
        indented_code: markdown.indented_code,
        indented_text: markdown.indented_text,
        ending: endings.dominant(),
    }
}

/// The trailing spaces of a Markdown hard line break: two or more plain
/// spaces after text.
fn hard_break(raw: &str) -> Option<&str> {
    let content = raw.trim_end_matches(' ');
    let spaces = &raw[content.len()..];
    (spaces.len() >= 2 && !content.ends_with(char::is_whitespace) && !content.is_empty())
        .then_some(spaces)
}

/// What kind of Markdown block a line is in, line by line, as CommonMark
/// reads it (closely enough for text that a scraper wrote).
#[derive(Debug, Default)]
struct Markdown<'a> {
    /// Inside a fenced code block: its fence character and length.
    fence: Option<(u8, usize)>,
    /// The lines that can close a fence: a fence line opens a block only
    /// when one of them follows it. Read from the whole text at the first
    /// fence line, as most texts have none.
    closers: Option<FenceClosers>,
    /// The index in `blocks` of the indented code block the previous line
    /// belongs to. A blank line ends it: CommonMark runs the block on past
    /// blank lines to the next indented line, but then removing a paragraph
    /// between two indented chunks would join them on the next run and
    /// change how that run segments (not idempotent), so each chunk of
    /// lines in a row is a unit of its own.
    open_indented: Option<usize>,
    /// The index in `blocks` of the table the previous line belongs to.
    open_table: Option<usize>,
    /// The previous line was blank (after normalization).
    previous_blank: bool,
    /// No line yet: a code block may start at the first line.
    started: bool,
    blocks: Vec<Range<usize>>,
    hard_breaks: Vec<(usize, &'a str)>,
    indented_code: Vec<usize>,
    indented_text: Vec<usize>,
}

impl Markdown<'_> {
    /// Whether line `index` passes through untouched; records the block it
    /// belongs to. A line counts as a fence, a table row or indented code
    /// when it reads as one either as written (`raw`) or once normalized
    /// (`normalized`): a line that only normalization made a fence
    /// (`\u{a0}~~~` becomes ` ~~~`) would otherwise be written out as
    /// one, and the next run would read the lines after it differently
    /// (not idempotent). A verbatim line is written as it is, and any other
    /// line as normalized, which normalizes to itself, so the next run
    /// classifies every line as this one did.
    fn is_verbatim<'t>(
        &mut self,
        index: usize,
        raw: &str,
        normalized: &str,
        whole_text: impl FnOnce() -> (&'t str, &'t NormalizeOptions),
    ) -> bool {
        let at_start = !std::mem::replace(&mut self.started, true);
        let open_table = self.open_table.take();
        let open_indented = self.open_indented.take();
        let either = [raw, normalized];
        if let Some((fence_char, fence_len)) = self.fence {
            self.extend_last(index);
            if either.iter().any(|line| {
                closing_fence(line).is_some_and(|(c, len)| c == fence_char && len >= fence_len)
            }) {
                self.fence = None;
            }
            return true;
        }
        let opening = either.map(|line| {
            fence(line)
                .filter(|&(c, _, info)| !(c == b'`' && info.contains('`')))
                .map(|(c, len, _)| (c, len))
        });
        if opening.iter().any(Option::is_some) {
            let closers = self.closers.get_or_insert_with(|| {
                let (text, options) = whole_text();
                FenceClosers::of(text, options)
            });
            if let Some((c, len)) = opening
                .into_iter()
                .flatten()
                .find(|&(c, len)| closers.close_after(index, c, len))
            {
                self.fence = Some((c, len));
                self.blocks.push(index..index + 1);
                return true;
            }
        }
        if either
            .iter()
            .any(|line| line.trim_start_matches(' ').starts_with('|'))
        {
            match open_table {
                Some(block) => self.blocks[block].end = index + 1,
                None => self.blocks.push(index..index + 1),
            }
            self.open_table = Some(self.blocks.len() - 1);
            return true;
        }
        let indented = either.iter().any(|line| reads_indented(line));
        if indented && let Some(block) = open_indented {
            self.blocks[block].end = index + 1;
            self.open_indented = Some(block);
            return true;
        }
        if indented && (self.previous_blank || at_start) {
            self.indented_code.push(self.blocks.len());
            self.blocks.push(index..index + 1);
            self.open_indented = Some(self.blocks.len() - 1);
            return true;
        }
        false
    }

    fn extend_last(&mut self, index: usize) {
        if let Some(block) = self.blocks.last_mut() {
            block.end = index + 1;
        }
    }
}

/// Where a fence could close: the lines that read as a closing fence (a
/// fence line with nothing after its backticks or tildes), as written or
/// once normalized, each with the longest such fence of each character from
/// it to the end of the text.
///
/// CommonMark runs a fence that never closes to the end of the document. In
/// scraped text such a line is decoration (a product page's `~~~~~~~~~~~~~`
/// under its description), and reading it as an opening fence made the
/// rest of the page, its reviews, menus and footer, one verbatim paragraph
/// that no rule could take apart (`ext` page 0616: 1,139 lines). So a fence
/// line opens a block only when a fence that can close it follows; else it
/// is a line of text. No removal can change that for the next run: removing
/// lines adds no closing fence, and a line that can close a fence either
/// lies inside the block it closes, and goes only with it, or follows no
/// fence line it could close (it would have closed that one).
#[derive(Debug)]
struct FenceClosers {
    /// Line index, then the longest closing fence of backticks and of
    /// tildes at that line or after it, in line order.
    longest_from: Vec<(usize, [usize; 2])>,
}

impl FenceClosers {
    fn of(text: &str, options: &NormalizeOptions) -> Self {
        let mut closers = Vec::new();
        for (index, (raw, _)) in split_lines(text).enumerate() {
            // Up to three spaces and then the fence, once normalized: what
            // normalization removes or turns into a space may come first.
            let start = raw.trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c));
            if !start.starts_with(['`', '~', '&']) {
                continue;
            }
            let mut longest = [0; 2];
            for line in [Cow::Borrowed(raw), normalize_line(raw, options)] {
                if let Some((c, len)) = closing_fence(&line) {
                    let slot = &mut longest[usize::from(c == b'~')];
                    *slot = (*slot).max(len);
                }
            }
            if longest != [0; 2] {
                closers.push((index, longest));
            }
        }
        let mut after = [0; 2];
        for (_, longest) in closers.iter_mut().rev() {
            after = [after[0].max(longest[0]), after[1].max(longest[1])];
            *longest = after;
        }
        FenceClosers {
            longest_from: closers,
        }
    }

    /// Whether a fence of `len` characters `c` on line `index` is closed by
    /// a later line.
    fn close_after(&self, index: usize, c: u8, len: usize) -> bool {
        let next = self
            .longest_from
            .partition_point(|&(line, _)| line <= index);
        self.longest_from
            .get(next)
            .is_some_and(|(_, longest)| longest[usize::from(c == b'~')] >= len)
    }
}

/// Whether `line` is indented as a line of code: four spaces or a tab, then
/// text.
fn reads_indented(line: &str) -> bool {
    (line.starts_with("    ") || line.starts_with('\t')) && !line.trim().is_empty()
}

/// A code fence line: up to three spaces, then three or more backticks or
/// tildes; the fence character, its length and the rest of the line.
fn fence(raw: &str) -> Option<(u8, usize, &str)> {
    let text = raw.trim_start_matches(' ');
    if raw.len() - text.len() > 3 {
        return None;
    }
    let c = *text.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let len = text.bytes().take_while(|&b| b == c).count();
    (len >= 3).then(|| (c, len, &text[len..]))
}

/// A fence line that can close a fence: nothing after its backticks or
/// tildes. Its character and length.
fn closing_fence(line: &str) -> Option<(u8, usize)> {
    fence(line)
        .filter(|(_, _, info)| info.trim().is_empty())
        .map(|(c, len, _)| (c, len))
}

/// Normalizes one line (without its line ending). Borrows when nothing changes,
/// which is the common case for clean ASCII text.
pub fn normalize_line<'a>(line: &'a str, options: &NormalizeOptions) -> Cow<'a, str> {
    if is_already_normal(line) {
        return Cow::Borrowed(line);
    }
    apply_steps(line, options)
}

/// Every enabled step, in order; [`normalize_line`] skips them for a line
/// that none could change.
fn apply_steps<'a>(line: &'a str, options: &NormalizeOptions) -> Cow<'a, str> {
    let mut text: Cow<'a, str> = Cow::Borrowed(line);
    // Entities and characters to their joint fixed point: `&amp;amp;`
    // decodes to `&amp;`, then to `&`; removing an invisible character can
    // join `&` and `amp;` into a new entity (`&\u{1c}amp;`). A second run must
    // find nothing left to do. Each pass that changes the text shortens it,
    // so this ends.
    loop {
        let mut changed = false;
        if options.html_entities {
            while text.contains('&') {
                match html_escape::decode_html_entities(&text) {
                    Cow::Owned(decoded) if decoded != text => {
                        text = Cow::Owned(decoded);
                        changed = true;
                    }
                    _ => break,
                }
            }
        }
        if let Some(cleaned) = clean_characters(&text, options) {
            text = Cow::Owned(cleaned);
            changed = true;
        }
        if !changed || !options.html_entities || !text.contains('&') {
            break;
        }
    }
    if options.nfc && !text.is_ascii() && is_nfc_quick(text.chars()) != IsNormalized::Yes {
        text = Cow::Owned(text.nfc().collect());
    }
    text
}

/// True when no step, whatever the options, could change the line: no
/// control or invisible character, no Unicode space, no `&`, single spaces,
/// no trailing space, and already NFC. Almost every line of scraped text
/// passes, so this is the hot path: the bytes are checked eight at a time,
/// and only a line with non-ASCII characters (typographic quotes and accented
/// letters are common in clean text) has those looked at one by one.
fn is_already_normal(line: &str) -> bool {
    let bytes = line.as_bytes();
    if bytes.last() == Some(&b' ') {
        return false;
    }
    let mut chunks = bytes.chunks_exact(8);
    // High bit of each byte that a step would change; of each non-ASCII byte;
    // of the space that ended the previous chunk, if any.
    let (mut flagged, mut high, mut space_before) = (0u64, 0u64, 0u64);
    for chunk in chunks.by_ref() {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let spaces = bytes_equal(word, b' ');
        flagged |= bytes_below(word, 0x20)
            | bytes_equal(word, 0x7f)
            | bytes_equal(word, b'&')
            | (spaces & ((spaces << 8) | space_before));
        space_before = spaces >> 56;
        high |= word & HIGH_BITS;
    }
    let mut previous_was_space = space_before != 0;
    for &byte in chunks.remainder() {
        let is_space = byte == b' ';
        if byte < 0x20 || byte == 0x7f || byte == b'&' || (is_space && previous_was_space) {
            return false;
        }
        previous_was_space = is_space;
        high |= u64::from(byte & 0x80);
    }
    if flagged != 0 {
        return false;
    }
    if high == 0 {
        return true;
    }
    let mut may_need_nfc = false;
    for c in line.chars().filter(|c| !c.is_ascii()) {
        if is_unicode_space(c) || is_invisible(c) {
            return false;
        }
        may_need_nfc |= !is_nfc_starter(c);
    }
    !may_need_nfc || is_nfc_quick(line.chars()) == IsNormalized::Yes
}

/// The high bit of every byte of a word.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` that equals `byte`. Exact: no borrow
/// crosses from one byte into the next.
fn bytes_equal(word: u64, byte: u8) -> u64 {
    let differences = word ^ (u64::from(byte) * 0x0101_0101_0101_0101);
    !(((differences & !HIGH_BITS) + !HIGH_BITS) | differences) & HIGH_BITS
}

/// The high bit of each ASCII byte of `word` below `limit` (at most 0x80).
/// Exact: the sum in each byte stays below 0x100.
fn bytes_below(word: u64, limit: u8) -> u64 {
    let raised = (word & !HIGH_BITS) + u64::from(0x80 - limit) * 0x0101_0101_0101_0101;
    !raised & !word & HIGH_BITS
}

/// Characters that are NFC whatever surrounds them and that no mark
/// reorders around (quick check Yes, combining class 0): Latin-1 and Latin
/// Extended, Cyrillic letters, general punctuation (typographic quotes,
/// dashes), Hangul syllables. A line of only these is NFC.
fn is_nfc_starter(c: char) -> bool {
    matches!(c, '\0'..='\u{2ff}' | '\u{400}'..='\u{482}' | '\u{48a}'..='\u{52f}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}' | '\u{ac00}'..='\u{d7a3}')
}

/// Applies the character-level steps; `None` when the line is already clean.
fn clean_characters(line: &str, options: &NormalizeOptions) -> Option<String> {
    let mut out = String::with_capacity(line.len());
    let mut in_indentation = true;
    for c in line.chars() {
        let c = if options.unicode_spaces && is_unicode_space(c) {
            ' '
        } else {
            c
        };
        if options.invisible && is_invisible(c) {
            continue;
        }
        if c == ' ' {
            if options.collapse_spaces && !in_indentation && out.ends_with(' ') {
                continue;
            }
        } else {
            in_indentation = false;
        }
        out.push(c);
    }
    if options.trim_trailing {
        let trimmed = out.trim_end_matches([' ', '\t']).len();
        out.truncate(trimmed);
    }
    (out != line).then_some(out)
}

/// Spaces a scraper should have written as U+0020.
fn is_unicode_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{0b}' | '\u{0c}' | '\r' | '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// Characters that carry no visible text. ZWJ and ZWNJ are not here: they
/// change how emoji and Indic or Persian words render.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{180e}' | '\u{200b}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
    ) || (c.is_control() && c != '\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `clean` fuzz target: removing a control character joined
    /// `&` and `AMP;` into an entity that only a second run decoded.
    #[test]
    fn entities_joined_by_a_removed_character_decode_in_one_run() {
        let options = NormalizeOptions::default();
        let once = normalize_line("&\u{1c}AMP;", &options);
        assert_eq!(once, "&");
        assert_eq!(normalize_line(&once, &options), once);
    }

    fn normalize(line: &str) -> String {
        normalize_line(line, &NormalizeOptions::default()).into_owned()
    }

    #[test]
    fn each_step_repairs_its_damage() {
        let cases = [
            ("Amber\u{a0}Rudd", "Amber Rudd"),
            ("tea &amp; cake&nbsp;&#8217;", "tea & cake \u{2019}"),
            ("Tom &amp;amp; Jerry &amp;lt;3", "Tom & Jerry <3"),
            ("zero\u{200b}width soft\u{ad}hyphen", "zerowidth softhyphen"),
            ("\u{feff}bom", "bom"),
            ("many    spaces\there", "many spaces here"),
            ("trailing  \u{a0} ", "trailing"),
            ("  indented  text", "  indented text"),
            ("cafe\u{301}", "caf\u{e9}"),
            ("bell\u{7}", "bell"),
            (
                "\u{2018}quotes\u{2019} \u{2013} dashes",
                "\u{2018}quotes\u{2019} \u{2013} dashes",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize(input), expected, "input {input:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_check_never_skips_a_change(
            line in "[a-z &;#0-9\t\u{0}-\u{1f}\u{7f}-\u{a0}\u{ad}\u{300}-\u{36f}\u{400}-\u{4ff}\u{1100}-\u{1200}\u{ac00}-\u{ac40}\u{2000}-\u{2064}\u{feff}]{0,30}|\\PC{0,30}",
            html_entities: bool,
            unicode_spaces: bool,
            invisible: bool,
            collapse_spaces: bool,
            trim_trailing: bool,
            nfc: bool,
        ) {
            let options = NormalizeOptions { html_entities, unicode_spaces, invisible, collapse_spaces, trim_trailing, nfc, ..NormalizeOptions::default() };
            proptest::prop_assert_eq!(normalize_line(&line, &options), apply_steps(&line, &options));
        }
    }

    #[test]
    fn word_checks_agree_with_byte_checks() {
        let samples = [
            *b"a  &\t\x7f \xff",
            *b"\x1f\x20\x21\x25\x26\x27\x7e\x80",
            *b"        ",
        ];
        for bytes in samples {
            let word = u64::from_le_bytes(bytes);
            for (index, &byte) in bytes.iter().enumerate() {
                let bit = 0x80 << (8 * index);
                assert_eq!(
                    bytes_equal(word, b' ') & bit != 0,
                    byte == b' ',
                    "{bytes:?}"
                );
                assert_eq!(
                    bytes_equal(word, b'&') & bit != 0,
                    byte == b'&',
                    "{bytes:?}"
                );
                assert_eq!(bytes_below(word, 0x20) & bit != 0, byte < 0x20, "{bytes:?}");
            }
        }
    }

    #[test]
    fn nfc_starters_are_nfc_and_class_zero() {
        use unicode_normalization::char::canonical_combining_class;
        for c in (char::MIN..='\u{ffff}').filter(|&c| is_nfc_starter(c)) {
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", u32::from(c));
            assert_eq!(
                is_nfc_quick(std::iter::once(c)),
                IsNormalized::Yes,
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn accented_and_typographic_text_is_borrowed() {
        for line in [
            "Caf\u{e9} cr\u{e8}me",
            "Ms Rudd\u{2019}s \u{2018}soft\u{2019} Brexit \u{2013} yes",
        ] {
            assert!(matches!(
                normalize_line(line, &NormalizeOptions::default()),
                Cow::Borrowed(_)
            ));
        }
    }

    #[test]
    fn clean_ascii_is_borrowed() {
        assert!(matches!(
            normalize_line("Plain text.", &NormalizeOptions::default()),
            Cow::Borrowed(_)
        ));
    }

    /// The lines of `text` that pass through in a Markdown block.
    fn block_lines(text: &str) -> Vec<Range<usize>> {
        normalize_text(text, &NormalizeOptions::default()).blocks
    }

    #[test]
    fn a_fence_that_never_closes_is_a_line_of_text() {
        // `ext` 0616: a product description underlined with tildes, then
        // the page's reviews, menus and footer, none of it code.
        let page = "Size : medium\n~~~~~~~~~~~~~\nShare  this\n\nAdd to cart\n";
        assert!(block_lines(page).is_empty());
        let normalized = normalize_text(page, &NormalizeOptions::default());
        assert_eq!(normalized.lines[2], "Share this");
        // A closing fence as long as the opening one, or longer, closes it;
        // a shorter one, another character or a fence with an info string
        // does not.
        assert_eq!(
            block_lines("~~~~\n  x  \n~~~~~\n"),
            [Range { start: 0, end: 3 }]
        );
        assert!(block_lines("~~~~\nx\n~~~\n```\n~~~~ rust\n").is_empty());
        // The first fence of three closes at the second; the third opens
        // nothing.
        assert_eq!(
            block_lines("```\nlet  a = 1;\n```\nText.\n```\n  b\n"),
            [Range { start: 0, end: 3 }]
        );
        // A line that only normalization makes a closing fence closes one.
        assert_eq!(
            block_lines("```\ncode\n\u{a0}```\n"),
            [Range { start: 0, end: 3 }]
        );
        assert_eq!(
            block_lines("```\ncode\n&#96;&#96;&#96;\n"),
            [Range { start: 0, end: 3 }]
        );
    }

    #[test]
    fn steps_can_be_switched_off() {
        let options = NormalizeOptions {
            html_entities: false,
            unicode_spaces: false,
            ..NormalizeOptions::default()
        };
        assert_eq!(normalize_line("a &amp;\u{a0}b", &options), "a &amp;\u{a0}b");
    }
}
