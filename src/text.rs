//! What a paragraph's text looks like: the few shape tests (a finished
//! sentence, a line of code) that several stages ask, in one place so that
//! they all answer alike.

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
