//! Every `dedupe: error: NAME: ...` and `dedupe: warning: NAME: ...` line, in
//! one place and one shape, with the name escaped so that it cannot break
//! the line (see [`escape_name`]).

use std::fmt::Display;
use std::io::{self, Write};

/// ANSI colours, or none.
#[derive(Debug, Clone, Copy)]
pub struct Paint(pub bool);

impl Paint {
    /// Colour for a stream as anstream decides it, the way clap, cargo and
    /// ripgrep do: `--color` (set as the global choice), then `NO_COLOR`,
    /// `CLICOLOR_FORCE`, `CLICOLOR`, and whether the stream is a terminal.
    pub fn for_stream(stream: &impl anstream::stream::RawStream) -> Self {
        Paint(anstream::AutoStream::choice(stream) != anstream::ColorChoice::Never)
    }

    fn paint(self, style: anstyle::Style, text: &str) -> String {
        if self.0 {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    pub fn bold(self, text: &str) -> String {
        self.paint(anstyle::Style::new().bold(), text)
    }
    pub fn red(self, text: &str) -> String {
        self.paint(anstyle::AnsiColor::Red.on_default(), text)
    }
    pub fn green(self, text: &str) -> String {
        self.paint(anstyle::AnsiColor::Green.on_default(), text)
    }
    pub fn yellow(self, text: &str) -> String {
        self.paint(anstyle::AnsiColor::Yellow.on_default(), text)
    }
    pub fn cyan(self, text: &str) -> String {
        self.paint(anstyle::AnsiColor::Cyan.on_default(), text)
    }
}

/// `dedupe: error: NAME: PROBLEM`.
pub fn error(
    err: &mut impl Write,
    paint: Paint,
    name: &str,
    problem: impl Display,
) -> io::Result<()> {
    line(err, &paint.red("error"), name, problem)
}

/// `dedupe: warning: NAME: PROBLEM`.
pub fn warning(
    err: &mut impl Write,
    paint: Paint,
    name: &str,
    problem: impl Display,
) -> io::Result<()> {
    line(err, &paint.yellow("warning"), name, problem)
}

fn line(err: &mut impl Write, level: &str, name: &str, problem: impl Display) -> io::Result<()> {
    writeln!(err, "dedupe: {level}: {}: {problem}", escape_name(name))
}

/// A file name as the text report prints it: control characters (a newline,
/// a tab, an escape) written as `\n`, `\t`, `\u{1b}`, as ripgrep and `ls`
/// escape them, so a name can never start a line of its own (a fake summary,
/// or a CI workflow command) or drive the terminal.
pub fn escape_name(name: &str) -> std::borrow::Cow<'_, str> {
    if !name.chars().any(char::is_control) {
        return name.into();
    }
    name.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_never_break_a_line_of_the_text_report() {
        assert_eq!(escape_name("a b/é.txt"), "a b/é.txt");
        assert_eq!(
            escape_name("x\n::error file=R::y\t\u{1b}[31m.txt"),
            "x\\n::error file=R::y\\t\\u{1b}[31m.txt"
        );
        let mut line = Vec::new();
        error(&mut line, Paint(false), "a\nb.txt", "no such file").unwrap();
        assert_eq!(
            String::from_utf8(line).unwrap(),
            "dedupe: error: a\\nb.txt: no such file\n"
        );
    }

    #[test]
    fn no_colour_without_a_terminal() {
        assert_eq!(Paint(true).red("x"), "\x1b[31mx\x1b[0m");
        assert_eq!(Paint(true).bold("x"), "\x1b[1mx\x1b[0m");
        assert_eq!(Paint(false).red("x"), "x");
    }
}
