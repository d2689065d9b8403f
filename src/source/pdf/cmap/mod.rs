//! A parser for PDF `/ToUnicode` CMap streams (ISO 32000-1, 9.10.3 and 9.7.5).
//!
//! A font's `/ToUnicode` stream is a small PostScript program that says how the bytes of a
//! shown string split into character codes (`codespacerange`) and which text each code
//! stands for (`bfchar`, `bfrange`):
//!
//! ```text
//! /CIDInit /ProcSet findresource begin
//! 12 dict begin
//! begincmap
//! /CMapName /Adobe-Identity-UCS def
//! /CMapType 2 def
//! 1 begincodespacerange
//! <0000> <FFFF>
//! endcodespacerange
//! 2 beginbfchar
//! <0003> <0020>            % code 3 is a space
//! <0011> <00660069>        % code 0x11 is the ligature "fi", as two UTF-16 units
//! endbfchar
//! 2 beginbfrange
//! <0024> <0026> <0041>     % 0x24..0x26 are "A", "B", "C"
//! <005F> <0061> [<00660066> <00660069> <00660066006C>]   % "ff", "fi", "ffl"
//! endbfrange
//! endcmap
//! CMapName currentdict /CMap defineresource pop
//! end
//! end
//! ```
//!
//! Only the operators that matter for text extraction are interpreted; everything else
//! (`usecmap`, `def`, `findresource`, dictionaries, CID mappings) is tokenized and skipped.
//! The parser never fails and never panics: malformed or truncated input gives whatever
//! mappings could be read before the damage, and huge ranges are capped: a map holds at most [`Bounds`] codes and bytes of text.

use super::syntax::Scanner;
use std::collections::HashMap;

/// Most codes a single `bfrange` line may map; the rest of the range is ignored.
const MAX_RANGE_CODES: u32 = 65_536;

/// Most codespace ranges kept; real CMaps have a handful.
const MAX_CODESPACE_RANGES: usize = 256;

/// Most UTF-16 units kept from one destination string.
const MAX_DEST_UNITS: usize = 512;

/// How much one map may hold: codes, and bytes of destination text in all (every mapping
/// of a code counts, later ones too). Past either, later mappings are ignored.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    /// Most distinct codes mapped.
    pub(crate) codes: usize,
    /// Most bytes of destination text stored, each mapping counted as at least one byte.
    pub(crate) text: usize,
}

impl Default for Bounds {
    fn default() -> Self {
        let codes = crate::Limits::default().max_cmap_codes;
        Bounds {
            codes,
            text: codes.saturating_mul(TEXT_PER_CODE),
        }
    }
}

/// Bytes of destination text a map may store per code it may map (a code's text is a
/// character or a ligature of a few; replacements count too).
pub(crate) const TEXT_PER_CODE: usize = 16;

/// A parsed /ToUnicode CMap: how many bytes each character code takes, and code → text.
#[derive(Debug, Clone, Default)]
pub(crate) struct ToUnicode {
    /// Codespace ranges in the order they appeared; empty means "use the default width".
    ranges: Vec<CodespaceRange>,
    /// Character code → the text it stands for, as a range of `text`.
    map: HashMap<u32, (u32, u32)>,
    /// The destination texts, one after another.
    text: String,
    /// What is left of the map's bounds.
    left: Bounds,
}

/// One `begincodespacerange` entry: codes of `width` bytes whose every byte lies between
/// the corresponding bytes of `low` and `high`.
#[derive(Debug, Clone, Copy)]
struct CodespaceRange {
    /// Lowest byte at each position (only the first `width` are meaningful).
    low: [u8; 4],
    /// Highest byte at each position (only the first `width` are meaningful).
    high: [u8; 4],
    /// Code length in bytes, 1 to 4.
    width: usize,
}

impl CodespaceRange {
    /// How many leading bytes of `bytes` fall inside this range, byte by byte
    /// (at most `width`, and at most `bytes.len()`).
    fn matched_prefix(&self, bytes: &[u8]) -> usize {
        self.low
            .iter()
            .zip(self.high.iter())
            .zip(bytes.iter())
            .take(self.width)
            .take_while(|((lo, hi), b)| (**lo..=**hi).contains(*b))
            .count()
    }
}

impl ToUnicode {
    /// Parses the (already decompressed) stream bytes within the default bounds.
    #[cfg(test)]
    pub(crate) fn parse(data: &[u8]) -> Self {
        Self::parse_within(data, Bounds::default())
    }

    /// Parses the (already decompressed) stream bytes, mapping at most `bounds.codes` codes
    /// to at most `bounds.text` bytes of text. Never fails: garbage gives an empty map.
    pub(crate) fn parse_within(data: &[u8], bounds: Bounds) -> Self {
        let mut cmap = Self {
            left: bounds,
            ..Self::default()
        };
        let mut lexer = Scanner::new(data);
        while let Some(token) = lexer.next_token() {
            let Token::Word(word) = token else { continue };
            match word {
                b"begincodespacerange" => {
                    let items = collect_items(&mut lexer, b"endcodespacerange");
                    cmap.add_codespace_ranges(&items);
                }
                b"beginbfchar" => {
                    let items = collect_items(&mut lexer, b"endbfchar");
                    cmap.add_bfchars(&items);
                }
                b"beginbfrange" => {
                    let items = collect_items(&mut lexer, b"endbfrange");
                    cmap.add_bfranges(&items);
                }
                _ => {}
            }
        }
        cmap.text.shrink_to_fit();
        cmap
    }

    /// How many codes the map holds.
    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }

    /// Text for a character code (None if unmapped).
    pub(crate) fn get(&self, code: u32) -> Option<&str> {
        let &(start, end) = self.map.get(&code)?;
        self.text.get(start as usize..end as usize)
    }

    /// Splits a shown string (the bytes of a Tj operand) into character codes using the
    /// codespace ranges: returns (code, number of bytes). Without codespace ranges, use
    /// `default_width` bytes per code (1 for simple fonts, 2 for Type0 fonts). A trailing
    /// incomplete code is dropped.
    pub(crate) fn codes<'a>(
        &'a self,
        bytes: &'a [u8],
        default_width: usize,
    ) -> impl Iterator<Item = (u32, usize)> + 'a {
        let default_width = default_width.clamp(1, 4);
        let mut rest = bytes;
        std::iter::from_fn(move || {
            if rest.is_empty() {
                return None;
            }
            let width = self.code_width(rest, default_width);
            let (code, tail) = (rest.get(..width)?, rest.get(width..)?);
            rest = tail;
            Some((be_code(code)?, width))
        })
    }

    /// Whether the map has no entries.
    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Byte length (1 to 4) of the code at the start of `bytes`, per ISO 32000-1 9.7.6.2:
    /// the shortest codespace range that matches completely wins; failing that, the range
    /// with the longest partial match (shorter on ties); failing that, the shortest range.
    fn code_width(&self, bytes: &[u8], default_width: usize) -> usize {
        // (matched bytes, complete?, width) of the best candidate so far.
        let mut best: Option<(usize, bool, usize)> = None;
        for range in &self.ranges {
            let matched = range.matched_prefix(bytes);
            let complete = matched == range.width;
            let better = match best {
                None => true,
                Some((b_matched, b_complete, b_width)) => {
                    if complete != b_complete {
                        complete
                    } else if complete {
                        range.width < b_width
                    } else if matched != b_matched {
                        matched > b_matched
                    } else {
                        range.width < b_width
                    }
                }
            };
            if better {
                best = Some((matched, complete, range.width));
            }
        }
        best.map_or(default_width, |(_, _, width)| width.clamp(1, 4))
    }

    /// Adds `code → text` unless the map is full, in codes or in text (then returns false).
    /// Later mappings of a code replace earlier ones.
    fn insert(&mut self, code: u32, text: &str) -> bool {
        let cost = text.len().max(1);
        let new = !self.map.contains_key(&code);
        if cost > self.left.text || (new && self.left.codes == 0) {
            return false;
        }
        let (Ok(start), Ok(end)) = (
            u32::try_from(self.text.len()),
            u32::try_from(self.text.len() + text.len()),
        ) else {
            return false;
        };
        self.left.text -= cost;
        if new {
            self.left.codes -= 1;
        }
        self.text.push_str(text);
        self.map.insert(code, (start, end));
        true
    }

    /// Handles the operands of `begincodespacerange`: pairs of `<low> <high>`.
    fn add_codespace_ranges(&mut self, items: &[Item]) {
        for pair in items.chunks_exact(2) {
            let (Some(low), Some(high)) = (
                pair.first().and_then(Item::bytes),
                pair.get(1).and_then(Item::bytes),
            ) else {
                continue;
            };
            let width = low.len();
            if width == 0 || width > 4 || high.len() != width {
                continue;
            }
            if self.ranges.len() >= MAX_CODESPACE_RANGES {
                return;
            }
            let mut range = CodespaceRange {
                low: [0; 4],
                high: [0; 4],
                width,
            };
            for (dst, src) in range.low.iter_mut().zip(low.iter()) {
                *dst = *src;
            }
            for (dst, src) in range.high.iter_mut().zip(high.iter()) {
                *dst = *src;
            }
            self.ranges.push(range);
        }
    }

    /// Handles the operands of `beginbfchar`: pairs of `<code> <destination>`.
    fn add_bfchars(&mut self, items: &[Item]) {
        for pair in items.chunks_exact(2) {
            let (Some(src), Some(dst)) = (pair.first().and_then(Item::bytes), pair.get(1)) else {
                continue;
            };
            let (Some(code), Some(text)) = (be_code(src), dst.text()) else {
                continue;
            };
            if !self.insert(code, &text) {
                return;
            }
        }
    }

    /// Handles the operands of `beginbfrange`: triples of `<low> <high> <destination>` or
    /// `<low> <high> [<dest> <dest> ...]`.
    fn add_bfranges(&mut self, items: &[Item]) {
        for triple in items.chunks_exact(3) {
            let (Some(low), Some(high), Some(dst)) = (
                triple.first().and_then(Item::bytes),
                triple.get(1).and_then(Item::bytes),
                triple.get(2),
            ) else {
                continue;
            };
            let (Some(low), Some(high)) = (be_code(low), be_code(high)) else {
                continue;
            };
            if high < low {
                continue;
            }
            // Inclusive offset of the last code mapped.
            let last = (high - low).min(MAX_RANGE_CODES - 1);
            let keep_going = match dst {
                Item::Str(dst) => self.add_incrementing_range(low, last, &utf16_units(dst)),
                Item::Array(dsts) => self.add_array_range(low, last, dsts),
                Item::Literal(dst) => {
                    let units: Vec<u16> = literal_text(dst).encode_utf16().collect();
                    self.add_incrementing_range(low, last, &units)
                }
                Item::Other => true,
            };
            if !keep_going {
                return;
            }
        }
    }

    /// Maps `low + i` for `i` in `0..=last` to `units` with `i` added to the last UTF-16
    /// unit, stopping if that unit would pass U+FFFF. Returns false once the map is full.
    fn add_incrementing_range(&mut self, low: u32, last: u32, units: &[u16]) -> bool {
        let Some((&last_unit, prefix)) = units.split_last() else {
            return true;
        };
        let mut buf = prefix.to_vec();
        for offset in 0..=last {
            let Ok(unit) = u16::try_from(u32::from(last_unit) + offset) else {
                break;
            };
            buf.truncate(prefix.len());
            buf.push(unit);
            // `offset <= high - low`, so this cannot overflow.
            let code = low.saturating_add(offset);
            if !self.insert(code, &decode_utf16(&buf)) {
                return false;
            }
        }
        true
    }

    /// Maps `low + i` to the `i`-th destination of an array, for `i` in `0..=last`.
    /// Returns false once the map is full.
    fn add_array_range(&mut self, low: u32, last: u32, dsts: &[Item]) -> bool {
        for (offset, dst) in (0..=last).zip(dsts.iter()) {
            let Some(text) = dst.text() else { continue };
            if !self.insert(low.saturating_add(offset), &text) {
                return false;
            }
        }
        true
    }
}

/// Big-endian value of a 1- to 4-byte code; None for empty or longer strings.
fn be_code(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    Some(bytes.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b)))
}

/// Reads bytes as UTF-16BE code units; an odd byte count gets a leading zero byte, so a
/// one-byte destination `<41>` means U+0041. Keeps at most [`MAX_DEST_UNITS`] units.
fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    let padded: Vec<u8>;
    let bytes = if bytes.len() & 1 == 1 {
        padded = std::iter::once(0).chain(bytes.iter().copied()).collect();
        &padded
    } else {
        bytes
    };
    bytes
        .chunks_exact(2)
        .take(MAX_DEST_UNITS)
        .map(|pair| pair.iter().fold(0u16, |acc, &b| (acc << 8) | u16::from(b)))
        .collect()
}

/// Decodes UTF-16 units, replacing unpaired surrogates with U+FFFD.
fn decode_utf16(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// An operand collected between a `begin…` and its `end…` keyword.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    /// A hex or literal string's bytes.
    Str(Vec<u8>),
    /// A literal string that appeared as a destination, kept apart because its bytes are
    /// not necessarily UTF-16.
    Literal(Vec<u8>),
    /// An array `[...]` of strings (non-string elements become [`Item::Other`]).
    Array(Vec<Item>),
    /// Any other operand (number, name, dictionary bracket…): kept so pairs stay aligned.
    Other,
}

impl Item {
    /// The bytes of a string operand (hex or literal), as used for source codes.
    fn bytes(&self) -> Option<&[u8]> {
        match self {
            Item::Str(bytes) | Item::Literal(bytes) => Some(bytes),
            Item::Array(_) | Item::Other => None,
        }
    }

    /// The text a destination operand stands for, if it is a string.
    fn text(&self) -> Option<String> {
        match self {
            Item::Str(bytes) => Some(decode_utf16(&utf16_units(bytes))),
            Item::Literal(bytes) => Some(literal_text(bytes)),
            Item::Array(_) | Item::Other => None,
        }
    }
}

/// Text of a literal-string destination: UTF-16BE when it carries a byte-order mark or
/// looks like UTF-16 (even length, leading zero byte), else Latin-1 (e.g. `(x)`).
fn literal_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(&utf16_units(rest));
    }
    if bytes.len() & 1 == 0 && bytes.first() == Some(&0) {
        return decode_utf16(&utf16_units(bytes));
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Reads operands up to the keyword `end` (consumed). Stops early, without consuming it,
/// at any other `begin…`/`end…` keyword, so a missing `end…` loses nothing that follows.
fn collect_items(lexer: &mut Scanner<'_>, end: &[u8]) -> Vec<Item> {
    let mut items = Vec::new();
    loop {
        let before = lexer.pos;
        let Some(token) = lexer.next_token() else {
            break;
        };
        match token {
            Token::Word(word) if word == end => break,
            Token::Word(word) if word.starts_with(b"begin") || word.starts_with(b"end") => {
                lexer.pos = before;
                break;
            }
            Token::ArrayOpen => items.push(Item::Array(collect_array(lexer))),
            other => items.push(other.into_item()),
        }
    }
    items
}

/// Reads array elements after `[` up to the matching `]` (consumed). Stops, without
/// consuming it, at any `begin…`/`end…` keyword, so a missing `]` cannot swallow `endbfrange`. Nested
/// arrays are skipped as a whole.
fn collect_array(lexer: &mut Scanner<'_>) -> Vec<Item> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    loop {
        let before = lexer.pos;
        let Some(token) = lexer.next_token() else {
            break;
        };
        match token {
            Token::Word(word) if word.starts_with(b"begin") || word.starts_with(b"end") => {
                lexer.pos = before;
                break;
            }
            Token::ArrayOpen => {
                depth = depth.saturating_add(1);
                if depth == 1 {
                    items.push(Item::Other);
                }
            }
            Token::ArrayClose if depth == 0 => break,
            Token::ArrayClose => depth -= 1,
            other if depth == 0 => items.push(other.into_item()),
            _ => {}
        }
    }
    items
}

/// A PostScript token of a CMap stream.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token<'a> {
    /// `<...>`: the decoded bytes.
    Hex(Vec<u8>),
    /// `(...)`: the decoded bytes.
    Literal(Vec<u8>),
    /// `/Name` (without the slash).
    Name(&'a [u8]),
    /// A bare word: an operator such as `beginbfchar`, or a number.
    Word(&'a [u8]),
    /// `[`
    ArrayOpen,
    /// `]`
    ArrayClose,
    /// `<<`, `>>`, `{`, `}` or a stray delimiter.
    Other,
}

impl Token<'_> {
    /// The operand this token contributes inside a `begin…`/`end…` block.
    fn into_item(self) -> Item {
        match self {
            Token::Hex(bytes) => Item::Str(bytes),
            Token::Literal(bytes) => Item::Literal(bytes),
            Token::Name(_) | Token::Word(_) | Token::ArrayOpen | Token::ArrayClose => Item::Other,
            Token::Other => Item::Other,
        }
    }
}

/// A CMap's tokens, read with the lexical layer content streams share: every call consumes
/// at least one byte or returns None.
impl<'a> Scanner<'a> {
    /// The next token, or None at the end of the data (or inside an unterminated string).
    fn next_token(&mut self) -> Option<Token<'a>> {
        self.skip_space();
        let b = self.bump()?;
        let token = match b {
            b'<' if self.peek() == Some(b'<') => {
                self.pos += 1;
                Token::Other
            }
            b'>' if self.peek() == Some(b'>') => {
                self.pos += 1;
                Token::Other
            }
            b'<' => match self.hex() {
                (bytes, true) => Token::Hex(bytes),
                (_, false) => return None,
            },
            b'(' => match self.literal() {
                (bytes, true) => Token::Literal(bytes.into_owned()),
                (_, false) => return None,
            },
            b'[' => Token::ArrayOpen,
            b']' => Token::ArrayClose,
            b'/' => Token::Name(self.regular_run()),
            b'{' | b'}' | b')' | b'>' => Token::Other,
            _ => {
                self.pos -= 1;
                Token::Word(self.regular_run())
            }
        };
        Some(token)
    }
}

#[cfg(test)]
mod tests;
