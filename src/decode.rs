//! Bytes to text. Scraped files arrive as UTF-8 (sometimes with a BOM), as
//! Windows-1252 from older sites, or as something that is not text at all; this
//! stage decides which, so that later stages only ever see `&str`.

use std::borrow::Cow;

/// How to read the input bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8, falling back to Windows-1252 (with a warning) when the bytes are not valid UTF-8.
    #[default]
    Auto,
    /// UTF-8 only; invalid sequences are an error.
    Utf8,
    /// Windows-1252 regardless of content.
    Windows1252,
}

/// Text decoded from a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text, byte-for-byte the input when it was UTF-8 (a BOM stays, as U+FEFF,
    /// so the diff's context lines match the file; normalization drops it).
    pub text: Cow<'a, str>,
    /// Set when the bytes were not valid UTF-8 and were read as Windows-1252.
    pub fell_back_to_windows_1252: bool,
}

/// Why a file could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes contain NUL: a binary file, never cleaned or written.
    Binary,
    /// `Encoding::Utf8` was forced and the bytes are not UTF-8; the offset of the first bad byte.
    InvalidUtf8 { offset: usize },
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "binary file (contains NUL bytes), skipped"),
            DecodeError::InvalidUtf8 { offset } => {
                write!(f, "invalid UTF-8 at byte {offset}")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes `bytes` as `encoding` says. NUL bytes always mean binary.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<Decoded<'_>, DecodeError> {
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    let windows_1252 = |bytes| {
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
        text
    };
    match encoding {
        Encoding::Windows1252 => Ok(Decoded {
            text: windows_1252(bytes),
            fell_back_to_windows_1252: false,
        }),
        Encoding::Utf8 | Encoding::Auto => match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Decoded {
                text: Cow::Borrowed(text),
                fell_back_to_windows_1252: false,
            }),
            Err(err) if encoding == Encoding::Utf8 => Err(DecodeError::InvalidUtf8 {
                offset: err.valid_up_to(),
            }),
            Err(_) => Ok(Decoded {
                text: windows_1252(bytes),
                fell_back_to_windows_1252: true,
            }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_borrowed_and_keeps_its_bom() {
        let decoded = decode("\u{feff}Hello".as_bytes(), Encoding::Auto).unwrap();
        assert!(matches!(decoded.text, Cow::Borrowed("\u{feff}Hello")));
        assert!(!decoded.fell_back_to_windows_1252);
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        let decoded = decode(b"caf\xe9 \x93quoted\x94", Encoding::Auto).unwrap();
        assert_eq!(decoded.text, "caf\u{e9} \u{201c}quoted\u{201d}");
        assert!(decoded.fell_back_to_windows_1252);
    }

    #[test]
    fn forced_utf8_reports_the_offset() {
        assert_eq!(
            decode(b"ab\xffcd", Encoding::Utf8),
            Err(DecodeError::InvalidUtf8 { offset: 2 })
        );
    }

    #[test]
    fn nul_means_binary_whatever_the_encoding() {
        for encoding in [Encoding::Auto, Encoding::Utf8, Encoding::Windows1252] {
            assert_eq!(decode(b"text\0more", encoding), Err(DecodeError::Binary));
        }
    }
}
