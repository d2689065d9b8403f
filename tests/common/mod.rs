//! Helpers shared by the test binaries.
#![allow(dead_code, clippy::unwrap_used)] // each binary uses a part; test code

use fcc_notice::Parsed;
use serde_json::Value;

/// The JSON of a parse with every span removed (`span` and `mark` keys), for comparing the
/// same letter read from different inputs.
pub(crate) fn without_spans(parsed: &Parsed) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.remove("span");
                map.remove("mark");
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(parsed).unwrap();
    strip(&mut v);
    v
}

/// Checks that every span of a parse (`span` and `mark` keys, at any depth) indexes `text`:
/// in bounds, start before end, both on character boundaries; that a citation's span holds
/// its letters and digits; and that a record's span is not empty. Returns how many spans it checked.
pub(crate) fn check_spans(parsed: &Parsed, text: &str, name: &str) -> usize {
    fn range(v: &Value) -> Option<(usize, usize)> {
        let pair = v.as_array()?;
        Some((
            pair.first()?.as_u64()? as usize,
            pair.get(1)?.as_u64()? as usize,
        ))
    }
    fn walk(v: &Value, text: &str, name: &str, path: &str, count: &mut usize) {
        match v {
            Value::Object(map) => {
                for (key, value) in map {
                    let here = format!("{path}.{key}");
                    if key == "span" || (key == "mark" && !value.is_null()) {
                        let (start, end) =
                            range(value).unwrap_or_else(|| panic!("{name} {here}: {value}"));
                        assert!(
                            start <= end
                                && end <= text.len()
                                && text.is_char_boundary(start)
                                && text.is_char_boundary(end),
                            "{name} {here}: {start}..{end} of {}",
                            text.len()
                        );
                        *count += 1;
                    } else {
                        walk(value, text, name, &here, count);
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, text, name, &format!("{path}[{i}]"), count);
                }
            }
            _ => {}
        }
    }
    let mut count = 0;
    walk(
        &serde_json::to_value(parsed).unwrap(),
        text,
        name,
        "",
        &mut count,
    );
    // The citation's letters and digits, in order, among those of the text at its span (a
    // citation in a table cell wrapped over lines spans the cell, other columns included).
    let alphanumeric = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<Vec<_>>()
    };
    for c in &parsed.notice.citations {
        let at = alphanumeric(&text[c.span.range()]);
        let mut rest = at.iter();
        assert!(
            alphanumeric(&c.text).iter().all(|c| rest.any(|a| a == c)),
            "{name}: citation {:?} stands at {:?}",
            c.text,
            &text[c.span.range()]
        );
    }
    for r in parsed.notice.records() {
        assert!(!r.span.is_empty(), "{name}: empty record span");
    }
    count
}

/// `text` as Windows-1252 bytes, as an old Windows editor saves it: the sample letter's
/// non-ASCII characters (`§`, curly quotes, dashes) are in that code page; others become `?`.
pub(crate) fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '§' => 0xA7,
            '“' => 0x93,
            '”' => 0x94,
            '’' => 0x92,
            '–' => 0x96,
            '—' => 0x97,
            c if c.is_ascii() => c as u8,
            _ => b'?',
        })
        .collect()
}
