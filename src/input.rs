//! Bytes of unknown kind → what they are: a PDF, text in some encoding, or a file this crate
//! cannot read (an Office document, an image, an executable…), told apart by their first
//! bytes before anything is parsed.

use crate::error::Error;
use std::borrow::Cow;

/// What [`sniff`] found.
#[derive(Debug)]
pub(crate) enum Input<'a> {
    /// `%PDF-` in the first KiB (where readers look for it; junk may come before it).
    Pdf,
    /// Text, decoded.
    Text(Text<'a>),
}

/// Text decoded from bytes.
#[derive(Debug)]
pub(crate) struct Text<'a> {
    /// The text; borrowed when the bytes were UTF-8 without a byte-order mark.
    pub(crate) text: Cow<'a, str>,
    /// How the bytes were decoded.
    pub(crate) encoding: Encoding,
    /// The offset in `text` of the first character decoded other than as UTF-8 would have
    /// (Windows-1252 input), or that replaced a broken sequence (U+FFFD).
    pub(crate) first_odd: Option<usize>,
}

/// How text bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// UTF-8 (a leading byte-order mark is dropped).
    Utf8,
    /// UTF-16, little-endian, known by its byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, known by its byte-order mark.
    Utf16Be,
    /// Not UTF-8: each byte read as Windows-1252 (a superset of Latin-1 in which `0x93` and
    /// `0x94` are curly quotes), the usual encoding of old Windows text files.
    Windows1252,
}

impl Encoding {
    /// The encoding's name, as the diagnostics say it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// How far into a file the `%PDF-` header may be found.
const PDF_HEADER_WITHIN: usize = 1024;
/// How much of a file is looked at to tell text from binary data.
const BINARY_PROBE: usize = 8192;

/// What to do with a scanned image.
const OCR: &str =
    "run OCR on it and parse the text (this crate reads text and PDFs with a text layer)";
/// What to do with a document of another format.
const SAVE_AS: &str = "save it as PDF or plain text and parse that";
/// What to do with compressed data.
const DECOMPRESS: &str = "decompress it first";

/// Files known by their first bytes that are neither text nor PDF: magic, what, advice.
const REFUSED: &[(&[u8], &str, &str)] = &[
    (
        b"PK\x03\x04",
        "a Word document or ZIP archive",
        "save it as PDF or plain text, or unzip it, and parse that",
    ),
    (
        b"PK\x05\x06",
        "an empty ZIP archive",
        "give the letter itself, as PDF or text",
    ),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "an old-format Word or Office document",
        SAVE_AS,
    ),
    (b"{\\rtf", "an RTF document", SAVE_AS),
    (b"\x89PNG", "a PNG image", OCR),
    (b"\xFF\xD8\xFF", "a JPEG image", OCR),
    (b"GIF8", "a GIF image", OCR),
    (b"II*\0", "a TIFF image", OCR),
    (b"MM\0*", "a TIFF image", OCR),
    (
        b"\x7FELF",
        "an executable (ELF)",
        "give a letter's text or PDF",
    ),
    (b"\x1F\x8B", "gzip-compressed data", DECOMPRESS),
    (b"\xFD7zXZ\0", "xz-compressed data", DECOMPRESS),
    (b"\x28\xB5\x2F\xFD", "zstd-compressed data", DECOMPRESS),
    (
        b"7z\xBC\xAF\x27\x1C",
        "a 7-Zip archive",
        "extract the letter first",
    ),
    (b"\xFF\xFE\0\0", "UTF-32 text", "convert it to UTF-8"),
    (b"\0\0\xFE\xFF", "UTF-32 text", "convert it to UTF-8"),
];

/// What `bytes` are. Text comes back decoded; files this crate cannot read are an
/// [`Error::UnsupportedInput`] that says what they are and what to do.
pub(crate) fn sniff(bytes: &[u8]) -> Result<Input<'_>, Error> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::UnsupportedInput {
            what: if bytes.is_empty() {
                "an empty file"
            } else {
                "a file of white space only"
            },
            advice: "give a letter's text or PDF",
        });
    }
    let head = bytes.get(..PDF_HEADER_WITHIN).unwrap_or(bytes);
    if memchr::memmem::find(head, b"%PDF-").is_some() {
        return Ok(Input::Pdf);
    }
    if let Some(&(_, what, advice)) = REFUSED.iter().find(|(magic, ..)| bytes.starts_with(magic)) {
        return Err(Error::UnsupportedInput { what, advice });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(Input::Text(utf16(
            rest,
            u16::from_le_bytes,
            Encoding::Utf16Le,
        )));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(Input::Text(utf16(
            rest,
            u16::from_be_bytes,
            Encoding::Utf16Be,
        )));
    }
    let (bytes, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    if let Some(encoding) = utf16_without_bom(bytes) {
        let decode = match encoding {
            Encoding::Utf16Be => u16::from_be_bytes,
            _ => u16::from_le_bytes,
        };
        return Ok(Input::Text(utf16(bytes, decode, encoding)));
    }
    if is_binary(bytes) {
        return Err(Error::UnsupportedInput {
            what: "binary data",
            advice: "give a letter's text (UTF-8, UTF-16 or Windows-1252) or its PDF",
        });
    }
    Ok(Input::Text(match std::str::from_utf8(bytes) {
        Ok(text) => Text {
            text: if bom {
                Cow::Owned(text.to_owned())
            } else {
                Cow::Borrowed(text)
            },
            encoding: Encoding::Utf8,
            first_odd: None,
        },
        Err(e) => not_utf8(bytes, e.valid_up_to()),
    }))
}

/// UTF-16 without a byte-order mark: NUL bytes in most odd (little-endian) or even
/// (big-endian) places of the first KiB and hardly any in the others, as ASCII text encoded
/// in UTF-16 has.
fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    let probe = bytes.get(..PDF_HEADER_WITHIN).unwrap_or(bytes);
    let pairs = probe.len() / 2;
    if pairs < 8 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in probe.chunks_exact(2) {
        even += usize::from(pair.first() == Some(&0));
        odd += usize::from(pair.get(1) == Some(&0));
    }
    let most = pairs * 3 / 4;
    let few = pairs / 20;
    if odd >= most && even <= few {
        Some(Encoding::Utf16Le)
    } else if even >= most && odd <= few {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// Binary data: a NUL byte or more than one byte in twenty a control character other than
/// tab, line feed, form feed and carriage return, in the first 8 KiB.
fn is_binary(bytes: &[u8]) -> bool {
    let probe = bytes.get(..BINARY_PROBE).unwrap_or(bytes);
    if memchr::memchr(0, probe).is_some() {
        return true;
    }
    let controls = probe
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r')) || b == 0x7F)
        .count();
    controls * 20 > probe.len()
}

/// UTF-16 code units → text; an unpaired surrogate (or an odd last byte) becomes U+FFFD.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, encoding: Encoding) -> Text<'static> {
    let units = bytes.chunks_exact(2).map(|pair| match *pair {
        [a, b] => unit([a, b]),
        _ => 0xFFFD,
    });
    let mut text = String::with_capacity(bytes.len() / 2 + bytes.len() / 8);
    let mut first_odd = None;
    for c in char::decode_utf16(units) {
        let c = c.unwrap_or_else(|_| {
            first_odd.get_or_insert(text.len());
            char::REPLACEMENT_CHARACTER
        });
        text.push(c);
    }
    if bytes.len() % 2 == 1 {
        first_odd.get_or_insert(text.len());
        text.push(char::REPLACEMENT_CHARACTER);
    }
    Text {
        text: Cow::Owned(text),
        encoding,
        first_odd,
    }
}

/// Windows-1252's characters for the bytes 0x80–0x9F (where it differs from Latin-1; the
/// five bytes it leaves undefined read as the C1 controls Latin-1 has there).
const CP1252_80_9F: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Bytes that are not UTF-8, where the first bad byte comes after `valid_up_to` valid ones.
/// Behind an ASCII prefix they are Windows-1252, one character per byte: old Windows text. After
/// well-formed multi-byte UTF-8 they are UTF-8 with a broken sequence (a cut or a stray byte),
/// which becomes U+FFFD: a file is read in one encoding, not two.
fn not_utf8(bytes: &[u8], valid_up_to: usize) -> Text<'_> {
    let prefix = bytes.get(..valid_up_to).unwrap_or(bytes);
    if !prefix.is_ascii() {
        return Text {
            text: String::from_utf8_lossy(bytes),
            encoding: Encoding::Utf8,
            first_odd: Some(valid_up_to),
        };
    }
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 4);
    text.push_str(std::str::from_utf8(prefix).unwrap_or_default());
    for &b in bytes.get(valid_up_to..).unwrap_or_default() {
        text.push(match b {
            0x80..=0x9F => CP1252_80_9F
                .get(usize::from(b - 0x80))
                .copied()
                .unwrap_or(char::REPLACEMENT_CHARACTER),
            _ => char::from(b),
        });
    }
    Text {
        text: Cow::Owned(text),
        encoding: Encoding::Windows1252,
        first_odd: Some(valid_up_to),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> (String, Encoding, Option<usize>) {
        match sniff(bytes) {
            Ok(Input::Text(t)) => (t.text.into_owned(), t.encoding, t.first_odd),
            other => panic!("{other:?}"),
        }
    }

    fn refused(bytes: &[u8]) -> &'static str {
        match sniff(bytes) {
            Err(Error::UnsupportedInput { what, .. }) => what,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn pdf_header_anywhere_in_the_first_kib() {
        assert!(matches!(sniff(b"%PDF-1.7\n..."), Ok(Input::Pdf)));
        let mut junk = vec![b' '; 1000];
        junk.extend_from_slice(b"%PDF-1.4");
        assert!(matches!(sniff(&junk), Ok(Input::Pdf)));
        let mut late = vec![b'x'; 2000];
        late.extend_from_slice(b"%PDF-1.4");
        assert!(matches!(sniff(&late), Ok(Input::Text(_))));
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(text("Dear Sir — ok".as_bytes()).1, Encoding::Utf8);
        let (t, e, odd) = text(b"\xEF\xBB\xBFDear Sir");
        assert_eq!((t.as_str(), e, odd), ("Dear Sir", Encoding::Utf8, None));
        assert!(matches!(
            sniff(b"plain").map(|i| matches!(
                i,
                Input::Text(Text {
                    text: Cow::Borrowed(_),
                    ..
                })
            )),
            Ok(true)
        ));
    }

    #[test]
    fn utf16_by_bom_and_by_shape() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Re: “Notice”".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(
            text(&le),
            ("Re: “Notice”".to_owned(), Encoding::Utf16Le, None)
        );
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Re: Notice".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(text(&be).1, Encoding::Utf16Be);
        let bare: Vec<u8> = "Federal Communications Commission"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(text(&bare).0, "Federal Communications Commission");
        // A lone surrogate and an odd last byte are replaced, and noted.
        let (t, _, odd) = text(&[0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0, b'c']);
        assert_eq!((t.as_str(), odd), ("a\u{FFFD}b\u{FFFD}", Some(1)));
    }

    #[test]
    fn windows_1252_fallback() {
        let (t, e, odd) = text(b"Caf\xE9 \x93R Squared\x94 \x96 ok");
        assert_eq!(t, "Café “R Squared” – ok");
        assert_eq!((e, odd), (Encoding::Windows1252, Some(3)));
        // After well-formed UTF-8, a bad byte is a broken UTF-8 sequence, not Windows-1252.
        let (t, e, odd) = text(b"\xC3\xA9 \x93 ok");
        assert_eq!(
            (t.as_str(), e, odd),
            ("é \u{FFFD} ok", Encoding::Utf8, Some(3))
        );
    }

    #[test]
    fn refuses_what_is_not_text() {
        assert_eq!(refused(b""), "an empty file");
        assert_eq!(refused(b" \n\t "), "a file of white space only");
        assert_eq!(
            refused(b"PK\x03\x04\x14\0\x06\0"),
            "a Word document or ZIP archive"
        );
        assert_eq!(
            refused(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"),
            "an old-format Word or Office document"
        );
        assert_eq!(refused(b"\x7FELF\x02\x01\x01"), "an executable (ELF)");
        assert_eq!(refused(b"\x89PNG\r\n\x1a\n"), "a PNG image");
        assert_eq!(refused(b"\x1F\x8B\x08\0"), "gzip-compressed data");
        assert_eq!(refused(b"{\\rtf1\\ansi"), "an RTF document");
        let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert_eq!(refused(&noise), "binary data");
        assert_eq!(refused(b"text\0with a NUL"), "binary data");
    }
}
