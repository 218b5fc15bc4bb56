//! Bytes to text and back. Scraped files arrive as UTF-8 (sometimes with a
//! BOM), as UTF-16 with a BOM from Windows tools, as Windows-1252 from older
//! sites, or as something that is not text at all. This stage decides which,
//! so that later stages only ever see `&str`, and remembers it, so that the
//! clean copy and its diff can be written back in the file's own encoding:
//! the diff a user applies must match the bytes on disk, not our reading of
//! them.
//!
//! It also owns what a line is, since line endings are, like the encoding, a
//! property of the file's bytes: `\n`, `\r\n` and a lone `\r` (classic Mac OS)
//! each end a line.

use std::borrow::Cow;

/// How to read the input bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// A BOM names the encoding (UTF-8, UTF-16 LE or BE); without one, UTF-8,
    /// else Windows-1252 when the bytes are confidently Western text, else an
    /// error. Never a silent guess: a Shift-JIS file read as Windows-1252
    /// and written back is corrupted for good.
    #[default]
    Auto,
    /// UTF-8 only; invalid sequences are an error.
    Utf8,
    /// Windows-1252 regardless of content.
    Windows1252,
}

/// A character set the library reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// How a file's text is stored: the character set and whether it starts with
/// a byte order mark. The clean copy is written back in the input's
/// [`FileEncoding`] by default, so a file whose only change would be its
/// encoding is left alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileEncoding {
    pub charset: Charset,
    pub bom: bool,
}

impl FileEncoding {
    /// UTF-8 without a BOM: what the clean copy is written in when the user
    /// asks for UTF-8 output.
    pub const UTF8: FileEncoding = FileEncoding {
        charset: Charset::Utf8,
        bom: false,
    };

    /// A short name for messages: `UTF-8`, `UTF-8 with BOM`, `UTF-16LE`, ...
    pub fn name(self) -> &'static str {
        match (self.charset, self.bom) {
            (Charset::Utf8, false) => "UTF-8",
            (Charset::Utf8, true) => "UTF-8 with BOM",
            (Charset::Utf16Le, _) => "UTF-16LE",
            (Charset::Utf16Be, _) => "UTF-16BE",
            (Charset::Windows1252, _) => "Windows-1252",
        }
    }
}

/// Text decoded from a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text: every byte of the file decoded, a BOM included (as U+FEFF),
    /// so that [`encode`] of it in [`Decoded::encoding`] gives back the
    /// file's bytes exactly, and a diff of it matches the file line for
    /// line. Normalization drops the U+FEFF; writing with a BOM puts it back.
    /// Borrowed from the bytes when they are UTF-8.
    pub text: Cow<'a, str>,
    /// How the file was stored.
    pub encoding: FileEncoding,
    /// Set when the encoding was a guess (Windows-1252 for bytes that are not
    /// UTF-8): callers warn, naming the file.
    pub fell_back_to_windows_1252: bool,
}

/// Why a file could not be decoded. Such a file is never cleaned or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes contain NUL and no UTF-16 BOM: a binary file.
    Binary,
    /// `Encoding::Utf8` was forced, or the file has a UTF-8 BOM, and the bytes
    /// are not UTF-8; the offset of the first bad byte.
    InvalidUtf8 { offset: usize },
    /// A UTF-16 BOM, but an odd length or an unpaired surrogate.
    InvalidUtf16,
    /// Not UTF-8, and not confidently Western text: `guess` is the most
    /// likely legacy encoding (e.g. `Shift_JIS`, `GBK`), which is not read,
    /// because a wrong guess written back destroys the text.
    UnsupportedEncoding { guess: &'static str },
    /// A clean copy of a file read as Windows-1252 by a guess would read
    /// back otherwise ([`reads_back`]): as `name`.
    ReadsAs { name: &'static str },
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "binary file (contains NUL bytes), skipped"),
            DecodeError::InvalidUtf8 { offset } => {
                write!(
                    f,
                    "invalid UTF-8 at byte {offset}; if it is not UTF-8, force its encoding with --encoding"
                )
            }
            DecodeError::InvalidUtf16 => {
                write!(f, "invalid UTF-16 (odd length or unpaired surrogate)")
            }
            DecodeError::UnsupportedEncoding { guess } => write!(
                f,
                "not UTF-8 and not Windows-1252 text (looks like {guess}); \
                 convert it to UTF-8 first, or force one with --encoding"
            ),
            DecodeError::ReadsAs { name } => write!(
                f,
                "read as Windows-1252 by a guess, but its clean copy would read as {name}; \
                 force an encoding with --encoding, or write UTF-8 with --to-utf8"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// Decodes `bytes` as `encoding` says. NUL bytes mean binary, except in
/// UTF-16 (named by its BOM), where a decoded NUL character does.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<Decoded<'_>, DecodeError> {
    if encoding == Encoding::Auto {
        let utf16 = match bytes {
            [0xff, 0xfe, ..] => Some(Charset::Utf16Le),
            [0xfe, 0xff, ..] => Some(Charset::Utf16Be),
            _ => None,
        };
        if let Some(charset) = utf16 {
            return decode_utf16(bytes, charset);
        }
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    let windows_1252 = |bytes, guessed| {
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
        Decoded {
            text,
            encoding: FileEncoding {
                charset: Charset::Windows1252,
                bom: false,
            },
            fell_back_to_windows_1252: guessed,
        }
    };
    if encoding == Encoding::Windows1252 {
        return Ok(windows_1252(bytes, false));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: FileEncoding {
                charset: Charset::Utf8,
                bom: bytes.starts_with(UTF8_BOM),
            },
            fell_back_to_windows_1252: false,
        }),
        Err(err) if encoding == Encoding::Utf8 || bytes.starts_with(UTF8_BOM) => {
            Err(DecodeError::InvalidUtf8 {
                offset: err.valid_up_to(),
            })
        }
        Err(err) if mostly_utf8(bytes) => Err(DecodeError::InvalidUtf8 {
            offset: err.valid_up_to(),
        }),
        Err(_) => match legacy_guess(bytes) {
            None => Ok(windows_1252(bytes, true)),
            Some(guess) => Err(DecodeError::UnsupportedEncoding { guess }),
        },
    }
}

/// Whether `bytes`, a clean copy written in `encoding`, read back as this
/// run read its file: an error saying how the next run would read them
/// when that is otherwise. Only a guess can be lost: Windows-1252 is
/// guessed from the whole file's bytes, and a clean copy that lost some of
/// them can tip the guess to another legacy encoding (a line of `£` amounts
/// reads as Polish without the English paragraphs around it), or be valid
/// UTF-8 once the paragraph that held the only bytes UTF-8 refuses has
/// gone. Either way the next run reads other text from the same bytes,
/// cleans it otherwise, and a file cleaned once is not clean (or is
/// refused). Bytes all ASCII read alike in every encoding.
pub fn reads_back(bytes: &[u8], encoding: FileEncoding) -> Result<(), DecodeError> {
    if encoding.charset != Charset::Windows1252 || bytes.is_ascii() {
        return Ok(());
    }
    match decode(bytes, Encoding::Auto) {
        Ok(read) if read.encoding.charset == Charset::Windows1252 => Ok(()),
        Ok(read) => Err(DecodeError::ReadsAs {
            name: read.encoding.name(),
        }),
        Err(DecodeError::UnsupportedEncoding { guess }) => {
            Err(DecodeError::ReadsAs { name: guess })
        }
        Err(DecodeError::InvalidUtf8 { .. }) => Err(DecodeError::ReadsAs {
            name: "UTF-8 with a bad byte",
        }),
        Err(err) => Err(err),
    }
}

/// Whether bytes that are not UTF-8 hold more characters UTF-8 reads (of
/// two bytes or more) than stretches it cannot: UTF-8 with a few bad bytes
/// (a scraper's buffer cut a character in two), not a legacy encoding.
/// Read as Windows-1252, each of its characters would be two or three
/// symbols ("’" as "â€™"), and a clean copy without the bad bytes would be
/// UTF-8 to the next run. In Western text a legacy letter is mostly
/// followed by ASCII, which UTF-8 cannot read; the rare pair it can
/// ("É»" in «CAFÉ») is outnumbered.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut read, mut unread) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        read += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        unread += usize::from(!chunk.invalid().is_empty());
    }
    read > unread
}

/// Decodes UTF-16 that starts with its BOM, strictly: a malformed file would
/// not round-trip, so its diff could not match its bytes.
fn decode_utf16(bytes: &[u8], charset: Charset) -> Result<Decoded<'static>, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::InvalidUtf16);
    }
    let unit = |pair: &[u8]| {
        let pair = [pair[0], pair[1]];
        match charset {
            Charset::Utf16Be => u16::from_be_bytes(pair),
            _ => u16::from_le_bytes(pair),
        }
    };
    let text = char::decode_utf16(bytes.chunks_exact(2).map(unit))
        .collect::<Result<String, _>>()
        .map_err(|_| DecodeError::InvalidUtf16)?;
    if text.contains('\0') {
        return Err(DecodeError::Binary);
    }
    Ok(Decoded {
        text: Cow::Owned(text),
        encoding: FileEncoding { charset, bom: true },
        fell_back_to_windows_1252: false,
    })
}

/// `None` when bytes that are not UTF-8 are confidently Windows-1252 (Western
/// text), else the name of the legacy encoding they look like. chardetng
/// (Firefox's detector) ranks the candidates. Windows-1252 is accepted when
/// no byte is one that it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D:
/// Western text never has them, the lead bytes of Shift-JIS, GBK and Big5
/// often are) and either chardetng picks it, or, on the few non-ASCII bytes
/// of mostly English text where its statistics have little to go on (a lone
/// `£` reads as Polish `Ł`, a lone NBSP as Big5), all of these hold:
/// chardetng picks Windows-1252 for a page from a Western domain; the text
/// reads as English ([`reads_as_western`]); and, unless chardetng's first
/// pick was another Latin single-byte encoding, no two non-ASCII bytes are
/// adjacent, as the two bytes of a Chinese, Japanese or Korean character
/// mostly are. Central European text, dense with letters that Windows-1252
/// turns into symbols, stays an error, as does East Asian text.
fn legacy_guess(bytes: &[u8]) -> Option<&'static str> {
    let undefined = bytes
        .iter()
        .any(|byte| matches!(byte, 0x81 | 0x8d | 0x8f | 0x90 | 0x9d));
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let western = || {
        let latin = [
            encoding_rs::WINDOWS_1250,
            encoding_rs::WINDOWS_1254,
            encoding_rs::WINDOWS_1257,
            encoding_rs::ISO_8859_2,
            encoding_rs::ISO_8859_4,
            encoding_rs::ISO_8859_13,
            encoding_rs::ISO_8859_15,
        ];
        let isolated = || {
            !bytes
                .windows(2)
                .any(|pair| pair[0] >= 0x80 && pair[1] >= 0x80)
        };
        (latin.contains(&guess) || isolated())
            && detector.guess(Some(b"uk"), chardetng::Utf8Detection::Deny)
                == encoding_rs::WINDOWS_1252
            && reads_as_western(
                &encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(bytes)
                    .0,
            )
    };
    match guess {
        _ if undefined => Some(if guess == encoding_rs::WINDOWS_1252 {
            "an unknown encoding"
        } else {
            guess.name()
        }),
        _ if guess == encoding_rs::WINDOWS_1252 || western() => None,
        _ => Some(guess.name()),
    }
}

/// Whether `text` (bytes read as Windows-1252) looks like English with a
/// few borrowed characters: at most one character in twenty is non-ASCII,
/// and each is a Latin letter or common punctuation (`£ € “ ” ‘ ’ – — …`,
/// NBSP), never a symbol such as `³ ¹ ¦ ¤` that Central European letters
/// turn into.
fn reads_as_western(text: &str) -> bool {
    let (mut all, mut non_ascii) = (0usize, 0usize);
    for c in text.chars() {
        all += 1;
        if c.is_ascii() {
            continue;
        }
        non_ascii += 1;
        let ordinary = matches!(
            c,
            '\u{a0}'
                | '£'
                | '€'
                | '©'
                | '®'
                | '°'
                | '«'
                | '»'
                | '¡'
                | '¿'
                | '½'
                | '¼'
                | '¾'
                | '•'
                | '…'
                | '™'
                | '–'
                | '—'
                | '‘'
                | '’'
                | '‚'
                | '“'
                | '”'
                | '„'
        ) || (c.is_alphabetic() && c <= '\u{17f}' && !matches!(c, 'ª' | 'º'));
        if !ordinary {
            return false;
        }
    }
    non_ascii * 20 <= all
}

/// Encodes `text` in `encoding`, starting with a BOM when `encoding.bom`
/// says so (unless the text already starts with U+FEFF). Borrows for UTF-8.
///
/// A character that Windows-1252 cannot hold (only an HTML entity the
/// normalizer decoded can bring one in) is written as a decimal character
/// reference (`&#20013;`), which reads back as the same character, so a
/// second run writes the same bytes.
pub fn encode(text: &str, encoding: FileEncoding) -> Cow<'_, [u8]> {
    encode_lines(text, encoding).0
}

/// Whether a `\r` not followed by `\n` ends a line of `text`: then its lines
/// are not the lines that `patch` reads.
pub(crate) fn has_lone_cr(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'\r', bytes).any(|at| bytes.get(at + 1) != Some(&b'\n'))
}

/// [`encode`], and where each line of `text` (as [`split_lines`] finds them)
/// ends in the bytes: what the diff needs to map the text's lines onto the
/// lines that `patch` reads in the file. `None` when the two are the same
/// lines (see [`crate::diff::Encoded::line_ends`]).
pub(crate) fn encode_lines(
    text: &str,
    encoding: FileEncoding,
) -> (Cow<'_, [u8]>, Option<Vec<usize>>) {
    let map = matches!(encoding.charset, Charset::Utf16Le | Charset::Utf16Be) || has_lone_cr(text);
    let bom: &[u8] = match encoding.charset {
        _ if !encoding.bom || text.starts_with('\u{feff}') => b"",
        Charset::Utf8 => UTF8_BOM,
        Charset::Utf16Le => b"\xff\xfe",
        Charset::Utf16Be => b"\xfe\xff",
        Charset::Windows1252 => b"",
    };
    let mut ends = Vec::with_capacity(if map {
        memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1
    } else {
        0
    });
    if encoding.charset == Charset::Utf8 {
        if map {
            ends.extend(split_lines(text).map(|(_, end)| end + bom.len()));
        }
        let bytes = if bom.is_empty() {
            Cow::Borrowed(text.as_bytes())
        } else {
            Cow::Owned([bom, text.as_bytes()].concat())
        };
        return (bytes, map.then_some(ends));
    }
    let mut bytes = Vec::with_capacity(bom.len() + text.len() * 2);
    bytes.extend_from_slice(bom);
    let mut start = 0;
    for (_, end) in split_lines(text) {
        let line = &text[start..end];
        start = end;
        match encoding.charset {
            Charset::Utf16Le => bytes.extend(line.encode_utf16().flat_map(u16::to_le_bytes)),
            Charset::Utf16Be => bytes.extend(line.encode_utf16().flat_map(u16::to_be_bytes)),
            _ => bytes.extend_from_slice(&encoding_rs::WINDOWS_1252.encode(line).0),
        }
        if map {
            ends.push(bytes.len());
        }
    }
    (Cow::Owned(bytes), map.then_some(ends))
}

/// What ends a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LineEnding {
    /// `\n`: Unix, and most scrapers.
    #[default]
    Lf,
    /// `\r\n`: Windows.
    CrLf,
    /// A lone `\r`: classic Mac OS.
    Cr,
}

impl LineEnding {
    pub fn as_str(self) -> &'static str {
        match self {
            LineEnding::Lf => "\n",
            LineEnding::CrLf => "\r\n",
            LineEnding::Cr => "\r",
        }
    }
}

/// How many lines end each way; the most common ending is the file's.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct EndingCounts {
    counts: [usize; 3],
}

impl EndingCounts {
    /// Counts the ending of the line `text[content_end..end]` ends with.
    pub fn add(&mut self, text: &str, content_end: usize, end: usize) {
        let index = match &text.as_bytes()[content_end..end] {
            b"\r\n" => 1,
            b"\r" => 2,
            b"\n" => 0,
            _ => return,
        };
        self.counts[index] += 1;
    }

    /// The most common ending; a tie goes to `\n`, then `\r\n`. A text with
    /// no line ending at all gets `\n`.
    pub fn dominant(&self) -> LineEnding {
        let [lf, crlf, cr] = self.counts;
        if lf >= crlf && lf >= cr {
            LineEnding::Lf
        } else if crlf >= cr {
            LineEnding::CrLf
        } else {
            LineEnding::Cr
        }
    }
}

/// The lines of `text`, each as its content (without the ending) and the
/// offset just past its ending. `\n`, `\r\n` and a lone `\r` each end a line;
/// a final ending does not start another line.
pub(crate) fn split_lines(text: &str) -> impl Iterator<Item = (&str, usize)> {
    let bytes = text.as_bytes();
    // memchr's vectorized search: `str::split` looks for each newline a
    // word at a time, which showed in profiles of short-line text.
    let mut breaks = memchr::memchr2_iter(b'\n', b'\r', bytes);
    let mut start = 0;
    std::iter::from_fn(move || {
        for at in breaks.by_ref() {
            if at < start {
                continue; // the `\n` of a `\r\n`
            }
            let end = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            let line = &text[start..at];
            start = end;
            return Some((line, end));
        }
        (start < text.len()).then(|| {
            let line = &text[start..];
            start = text.len();
            (line, text.len())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_borrowed_and_keeps_its_bom() {
        let decoded = decode("\u{feff}Hello".as_bytes(), Encoding::Auto).unwrap();
        assert!(matches!(decoded.text, Cow::Borrowed("\u{feff}Hello")));
        assert!(!decoded.fell_back_to_windows_1252);
        assert_eq!(
            decoded.encoding,
            FileEncoding {
                charset: Charset::Utf8,
                bom: true
            }
        );
    }

    #[test]
    fn western_bytes_fall_back_to_windows_1252() {
        let decoded = decode(b"caf\xe9 \x93quoted\x94", Encoding::Auto).unwrap();
        assert_eq!(decoded.text, "caf\u{e9} \u{201c}quoted\u{201d}");
        assert!(decoded.fell_back_to_windows_1252);
        assert_eq!(decoded.encoding.charset, Charset::Windows1252);
    }

    /// Reliability script 02: Shift-JIS and GBK were read as Windows-1252,
    /// and `--in-place` wrote the mojibake back.
    #[test]
    fn east_asian_legacy_encodings_are_errors_not_mojibake() {
        let cases: [(&'static encoding_rs::Encoding, &str); 5] = [
            (
                encoding_rs::SHIFT_JIS,
                "委員会は火曜日に会合を開き、来年度の予算について議論し、承認することを決議しました。\n\n",
            ),
            (encoding_rs::GBK, "测试丂丄丅丆丏丒丗丟丠両这是一个段落。\n"),
            (
                encoding_rs::EUC_KR,
                "위원회는 화요일에 회의를 열어 내년도 예산을 논의했다.\n",
            ),
            (
                encoding_rs::WINDOWS_1250,
                "Zażółć gęślą jaźń, powiedział minister w czwartek.\n",
            ),
            (encoding_rs::WINDOWS_1251, "Комитет собрался во вторник.\n"),
        ];
        for (encoding, text) in cases {
            let (bytes, _, _) = encoding.encode(text);
            let error = decode(&bytes, Encoding::Auto).unwrap_err();
            assert!(
                matches!(error, DecodeError::UnsupportedEncoding { .. }),
                "{}: {error:?}",
                encoding.name()
            );
            assert!(error.to_string().contains("not UTF-8"), "{error}");
        }
    }

    #[test]
    fn a_guessed_clean_copy_reads_back_or_says_how_it_would_read() {
        let guessed = FileEncoding {
            charset: Charset::Windows1252,
            bom: false,
        };
        // French: Windows-1252 again. ASCII: alike in every encoding.
        let french = b"Le caf\xe9 est pr\xe8s de la for\xeat, o\xf9 l'\xe9t\xe9 est doux.";
        assert_eq!(reads_back(french, guessed), Ok(()));
        assert_eq!(reads_back(b"Plain text.", guessed), Ok(()));
        // Valid UTF-8 once the bytes UTF-8 refuses have gone.
        assert_eq!(
            reads_back("Une cr\u{e9}pe.".as_bytes(), guessed),
            Err(DecodeError::ReadsAs { name: "UTF-8" })
        );
        // More UTF-8 than not, but for a byte.
        let cut = ["It\u{2019}s \u{2026} \u{ae}".as_bytes(), b" \xe2\x80 end."].concat();
        assert_eq!(
            reads_back(&cut, guessed),
            Err(DecodeError::ReadsAs {
                name: "UTF-8 with a bad byte"
            })
        );
        // Not a guess: whatever the bytes, nothing to lose.
        assert_eq!(reads_back(&cut, FileEncoding::UTF8), Ok(()));
    }

    #[test]
    fn utf8_with_a_bad_byte_is_an_error_not_windows_1252() {
        // A curly quote, a registered sign and an ellipsis in UTF-8, and one
        // byte of a character cut in two: not Western text.
        let bytes = "It\u{2019}s the Crusher\u{ae} ANC 2\u{2026} for real".as_bytes();
        let bytes = [bytes, b" \xe2\x80 end."].concat();
        assert_eq!(
            decode(&bytes, Encoding::Auto),
            Err(DecodeError::InvalidUtf8 { offset: 39 })
        );
        // French in Windows-1252 with one pair that UTF-8 would read
        // ("\xc9\xbb", `É»`): a legacy letter among ASCII, many times over.
        let french = b"\xabCAF\xc9\xbb, dit-il. Le caf\xe9 est pr\xe8s de la for\xeat, o\xf9 l'\xe9t\xe9 est doux.";
        let decoded = decode(french, Encoding::Auto).unwrap();
        assert_eq!(decoded.encoding.charset, Charset::Windows1252);
        assert!(decoded.text.starts_with("«CAFÉ»"));
    }

    #[test]
    fn english_with_a_lone_pound_sign_is_windows_1252() {
        let text = "The project is now expected to cost \u{a3}48 million, almost twice the original estimate.\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let decoded = decode(&bytes, Encoding::Auto).unwrap();
        assert_eq!(decoded.text, text);
        assert!(decoded.fell_back_to_windows_1252);
    }

    #[test]
    fn utf16_with_a_bom_is_text() {
        let le: Vec<u8> = "\u{feff}caf\u{e9}\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "\u{feff}caf\u{e9}\r\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        for (bytes, charset) in [(le, Charset::Utf16Le), (be, Charset::Utf16Be)] {
            let decoded = decode(&bytes, Encoding::Auto).unwrap();
            assert_eq!(decoded.text, "\u{feff}caf\u{e9}\r\n");
            assert_eq!(decoded.encoding, FileEncoding { charset, bom: true });
            assert_eq!(encode(&decoded.text, decoded.encoding), bytes.as_slice());
        }
        assert_eq!(
            decode(b"\xff\xfea\x00b", Encoding::Auto),
            Err(DecodeError::InvalidUtf16)
        );
        assert_eq!(
            decode(b"\xff\xfe\x00\xd8a\x00", Encoding::Auto),
            Err(DecodeError::InvalidUtf16)
        );
    }

    #[test]
    fn every_decoding_round_trips_to_the_same_bytes() {
        let mut all_bytes: Vec<u8> = (1..=255).collect();
        all_bytes.extend_from_slice(b"\r\n");
        let decoded = decode(&all_bytes, Encoding::Windows1252).unwrap();
        assert_eq!(
            encode(&decoded.text, decoded.encoding),
            all_bytes.as_slice()
        );
        let decoded = decode("\u{feff}a\u{2019}b".as_bytes(), Encoding::Auto).unwrap();
        assert_eq!(
            encode(&decoded.text, decoded.encoding),
            "\u{feff}a\u{2019}b".as_bytes()
        );
    }

    #[test]
    fn encoding_adds_the_bom_once_and_escapes_what_windows_1252_lacks() {
        let utf8_bom = FileEncoding {
            charset: Charset::Utf8,
            bom: true,
        };
        assert_eq!(encode("a", utf8_bom), b"\xef\xbb\xbfa".as_slice());
        assert_eq!(encode("\u{feff}a", utf8_bom), b"\xef\xbb\xbfa".as_slice());
        let windows_1252 = FileEncoding {
            charset: Charset::Windows1252,
            bom: false,
        };
        assert_eq!(
            encode("caf\u{e9} \u{4e2d}", windows_1252),
            b"caf\xe9 &#20013;".as_slice()
        );
    }

    #[test]
    fn encoded_line_ends_count_the_bom_and_each_ending() {
        let utf16 = FileEncoding {
            charset: Charset::Utf16Be,
            bom: true,
        };
        let (bytes, ends) = encode_lines("ab\r\nc\rd", utf16);
        assert_eq!(bytes.len(), 2 + 2 * 7);
        assert_eq!(ends, Some(vec![2 + 8, 2 + 12, 2 + 14]));
        let (_, ends) = encode_lines("ab\r\nc\rd", FileEncoding::UTF8);
        assert_eq!(ends, Some(vec![4, 6, 7]));
        assert_eq!(encode_lines("ab\r\nc\nd", FileEncoding::UTF8).1, None);
    }

    #[test]
    fn forced_utf8_reports_the_offset() {
        assert_eq!(
            decode(b"ab\xffcd", Encoding::Utf8),
            Err(DecodeError::InvalidUtf8 { offset: 2 })
        );
        assert_eq!(
            decode(b"\xef\xbb\xbfab\xe9", Encoding::Auto),
            Err(DecodeError::InvalidUtf8 { offset: 5 })
        );
    }

    #[test]
    fn nul_means_binary_whatever_the_encoding() {
        for encoding in [Encoding::Auto, Encoding::Utf8, Encoding::Windows1252] {
            assert_eq!(decode(b"text\0more", encoding), Err(DecodeError::Binary));
        }
        assert_eq!(
            decode(b"\xff\xfea\x00\x00\x00", Encoding::Auto),
            Err(DecodeError::Binary)
        );
    }

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        let lines: Vec<(&str, usize)> = split_lines("a\r\nb\rc\n\nd").collect();
        assert_eq!(lines, [("a", 3), ("b", 5), ("c", 7), ("", 8), ("d", 9)]);
        assert_eq!(split_lines("a\r").collect::<Vec<_>>(), [("a", 2)]);
        assert_eq!(split_lines("").count(), 0);
        assert_eq!(
            split_lines("\r\r\n").collect::<Vec<_>>(),
            [("", 1), ("", 3)]
        );
    }

    #[test]
    fn the_most_common_ending_wins() {
        let dominant = |text: &str| {
            let mut counts = EndingCounts::default();
            for (line, end) in split_lines(text) {
                let content_end = line.as_ptr() as usize - text.as_ptr() as usize + line.len();
                counts.add(text, content_end, end);
            }
            counts.dominant()
        };
        assert_eq!(dominant("a\r\nb\r\nc\n"), LineEnding::CrLf);
        assert_eq!(dominant("a\rb\rc\n"), LineEnding::Cr);
        assert_eq!(dominant("a\nb\r\n"), LineEnding::Lf);
        assert_eq!(dominant("no ending"), LineEnding::Lf);
    }
}
