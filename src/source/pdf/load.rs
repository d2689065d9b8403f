//! Loading a document with lopdf within [`Limits`]: lopdf keeps 120 bytes for every value of
//! the file's objects (every number of an array, every name, string, array and dictionary),
//! so a file of a few megabytes of `0 0 0 …` would take gigabytes. The values are counted
//! against [`Limits::max_objects`] before lopdf reads them: in the file's bytes (a linear scan
//! outside streams and cross-reference tables), and in each object stream, inflated and
//! scanned when lopdf has read it and before it parses its objects (past the bound, the load
//! is refused). Each stream lopdf inflates while loading (object and cross-reference streams)
//! is held to [`Limits::max_inflated_stream`], and object streams to
//! [`Limits::max_inflated`] in all.

use crate::error::Error;
use crate::limits::Limits;
use lopdf::{Document, LoadOptions, Object};
use std::cell::RefCell;
use std::collections::HashSet;

/// The TooLarge error of [`Limits::max_objects`].
fn too_many(limits: &Limits) -> Error {
    Error::TooLarge {
        what: "values in the PDF's objects",
        limit: limits.max_objects,
        setting: "max_objects",
    }
}

/// Checks that the file's bytes outside streams hold at most `max_objects` values (an object
/// number or a reference counts as its two numbers, so the count errs high). Linear, without
/// allocation. (Nesting needs no check: lopdf reads objects nested past 100 levels as damaged,
/// without recursing further.)
pub(super) fn scan(bytes: &[u8], limits: &Limits) -> Result<(), Error> {
    match count_values(bytes, limits.max_objects) {
        Some(_) => Ok(()),
        None => Err(too_many(limits)),
    }
}

/// How many values `bytes` hold outside streams, if at most `max`.
fn count_values(bytes: &[u8], max: usize) -> Option<usize> {
    let mut values = 0usize;
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        let value = match b {
            b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => false,
            b'%' => {
                i = memchr::memchr2(b'\n', b'\r', bytes.get(i..).unwrap_or(&[]))
                    .map_or(bytes.len(), |n| i + n);
                false
            }
            b'(' => {
                i = skip_literal(bytes, i);
                true
            }
            b'<' if bytes.get(i) == Some(&b'<') => {
                i += 1;
                true
            }
            b'[' => true,
            b'>' if bytes.get(i) == Some(&b'>') => {
                i += 1;
                false
            }
            b'<' => {
                i = memchr::memchr(b'>', bytes.get(i..).unwrap_or(&[]))
                    .map_or(bytes.len(), |n| i + n + 1);
                true
            }
            b'/' => {
                i = regular_end(bytes, i);
                true
            }
            b')' | b'>' | b']' | b'{' | b'}' => false,
            _ => {
                let start = i - 1;
                i = regular_end(bytes, i);
                match bytes.get(start..i).unwrap_or(&[]) {
                    b"stream" => {
                        i = skip_past(bytes, i, b"endstream");
                        false
                    }
                    // The cross-reference table's entries are no objects' values.
                    b"xref" => {
                        i = skip_past(bytes, i, b"trailer");
                        false
                    }
                    b"obj" | b"endobj" | b"R" | b"endstream" | b"trailer" | b"startxref" => false,
                    _ => true,
                }
            }
        };
        if value {
            values += 1;
            if values > max {
                return None;
            }
        }
    }
    Some(values)
}

/// Where a run of regular characters from `i` ends.
fn regular_end(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|&b| {
        !matches!(
            b,
            b'\0'
                | b'\t'
                | b'\n'
                | b'\x0c'
                | b'\r'
                | b' '
                | b'('
                | b')'
                | b'<'
                | b'>'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'/'
                | b'%'
        )
    }) {
        i += 1;
    }
    i
}

/// Past a literal string's end (its `(` before `i`): nested parentheses and escapes.
fn skip_literal(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 1usize;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        match b {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ => {}
        }
    }
    i.min(bytes.len())
}

/// Past the next `word` from `i` (or the end).
fn skip_past(bytes: &[u8], i: usize, word: &[u8]) -> usize {
    memchr::memmem::find(bytes.get(i..).unwrap_or(&[]), word)
        .map_or(bytes.len(), |n| i + n + word.len())
}

/// What a load on this thread may still read of its object streams, and what it read.
#[derive(Debug)]
struct Budget {
    /// Values the object streams may still hold.
    values: usize,
    /// Bytes they may still inflate to.
    inflated: usize,
    /// Which of the two was exceeded: the load is refused.
    exceeded: Option<Exceeded>,
    /// Most bytes one object stream may inflate to.
    max_stream: usize,
    /// The object numbers the last object stream holds: lopdf hands them to the filter
    /// after the stream itself.
    members: HashSet<u32>,
}

thread_local! {
    /// The budget of the load under way on this thread (`None`: none is counted here).
    static BUDGET: RefCell<Option<Budget>> = const { RefCell::new(None) };
}

/// lopdf's filter, called with each object it loads: those of the file (which it keeps
/// where they are, whatever the filter returns) and then those of each object stream (which
/// it takes from what the filter returns). An object stream is inflated and its values
/// counted here, before lopdf parses it; over the budget, it and every object after it are
/// dropped, and the load is refused.
fn filter(id: (u32, u16), object: &mut Object) -> Option<((u32, u16), Object)> {
    BUDGET.with(|budget| {
        let mut budget = budget.borrow_mut();
        let Some(budget) = budget.as_mut() else {
            // Not counted (lopdf on another thread): everything goes through.
            return Some((id, object.clone()));
        };
        if budget.exceeded.is_some() {
            return None;
        }
        if budget.members.remove(&id.0) {
            // An object of the last object stream, which lopdf takes from what the filter
            // returns (or, should it be an object of the file with the same number, keeps
            // where it is: a copy serves both).
            return Some((id, object.clone()));
        }
        budget.members.clear();
        let Object::Stream(stream) = object else {
            return Some((id, Object::Null));
        };
        if !stream.dict.has_type(b"ObjStm") {
            return Some((id, Object::Null));
        }
        // lopdf refuses a stream that inflates past its bound itself.
        let Ok(content) = stream.get_plain_content_with_limit(budget.max_stream) else {
            return Some((id, Object::Null));
        };
        let first = stream
            .dict
            .get(b"First")
            .and_then(Object::as_i64)
            .ok()
            .and_then(|f| usize::try_from(f).ok())
            .unwrap_or(0);
        let (index, objects) = content.split_at(first.min(content.len()));
        let values = count_values(objects, budget.values);
        match values {
            None => budget.exceeded = Some(Exceeded::Values),
            Some(_) if content.len() > budget.inflated => {
                budget.exceeded = Some(Exceeded::Inflated)
            }
            Some(values) => {
                budget.values -= values;
                budget.inflated -= content.len();
                // The object numbers, read as lopdf reads them (`%` comments are space).
                budget.members = std::str::from_utf8(index)
                    .unwrap_or("")
                    .split(['\r', '\n'])
                    .flat_map(|line| line.split('%').next().unwrap_or("").split_whitespace())
                    .step_by(2)
                    .filter_map(|n| n.parse().ok())
                    .collect();
                return Some((id, Object::Null));
            }
        }
        None
    })
}

/// Which of a load's budgets was exceeded.
#[derive(Debug, Clone, Copy)]
enum Exceeded {
    /// [`Limits::max_objects`].
    Values,
    /// [`Limits::max_inflated`], for object streams.
    Inflated,
}

/// Loads `bytes` with lopdf within `limits` (after [`scan`]).
pub(super) fn load(bytes: &[u8], limits: &Limits) -> Result<Document, Error> {
    let options = |force_reconstruct| LoadOptions {
        filter: Some(filter),
        max_decompressed_size: Some(limits.max_inflated_stream),
        force_reconstruct,
        ..LoadOptions::default()
    };
    let counted = |force_reconstruct| {
        BUDGET.with(|budget| {
            budget.replace(Some(Budget {
                values: limits.max_objects,
                inflated: limits.max_inflated,
                exceeded: None,
                max_stream: limits.max_inflated_stream,
                members: HashSet::new(),
            }))
        });
        let doc = Document::load_mem_with_options(bytes, options(force_reconstruct));
        let exceeded = BUDGET
            .with(|budget| budget.replace(None))
            .and_then(|b| b.exceeded);
        (doc, exceeded)
    };
    let (doc, exceeded) = counted(false);
    match exceeded {
        Some(Exceeded::Values) => return Err(too_many(limits)),
        Some(Exceeded::Inflated) => {
            return Err(Error::TooLarge {
                what: "bytes of inflated object streams",
                limit: limits.max_inflated,
                setting: "max_inflated",
            })
        }
        None => {}
    }
    let doc = doc.map_err(|e| into_error(e, limits))?;
    // lopdf rebuilds the cross-reference table of a damaged file whose page tree did not
    // load, but not for a filtered load: done here as it would.
    let needs_password = doc.trailer.has(b"Encrypt") && doc.encryption_state.is_none();
    let rebuild = !needs_password
        && doc.xref_recovery != Some(lopdf::xref::XrefRecovery::Reconstructed)
        && !page_tree_loaded(&doc);
    if rebuild {
        if let (Ok(rebuilt), None) = counted(true) {
            if rebuilt.xref_recovery == Some(lopdf::xref::XrefRecovery::Reconstructed)
                && page_tree_loaded(&rebuilt)
            {
                return Ok(rebuilt);
            }
        }
    }
    Ok(doc)
}

/// This crate's error for lopdf's.
fn into_error(error: lopdf::Error, limits: &Limits) -> Error {
    match error {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            Error::TooLarge {
                what: "bytes of one inflated stream",
                limit: limits.max_inflated_stream,
                setting: "max_inflated_stream",
            }
        }
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => Error::Encrypted,
        other => Error::Pdf {
            reason: other.to_string(),
            source: Some(crate::error::PdfSource::new(other)),
        },
    }
}

/// Whether the catalog leads to the root of a page tree with `/Kids`, as lopdf checks.
fn page_tree_loaded(doc: &Document) -> bool {
    doc.catalog()
        .and_then(|catalog| catalog.get(b"Pages"))
        .and_then(Object::as_reference)
        .and_then(|root| doc.get_dictionary(root))
        .and_then(|root| root.get_deref(b"Kids", doc))
        .and_then(Object::as_array)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_counted_outside_streams() {
        let limits = |max_objects| Limits {
            max_objects,
            ..Limits::default()
        };
        // 1 0 [ 1 2 (…) /N << 2 0 << /Length 3: thirteen values; a stream's data and the
        // cross-reference table are none.
        let file = b"1 0 obj [1 2 (a (b) \\) c) /N <<>>] endobj 2 0 obj <</Length 3>> stream\n[[[ 1 2 3\nendstream endobj xref 0 3 0000000000 65535 f trailer";
        assert!(scan(file, &limits(13)).is_ok());
        assert!(matches!(
            scan(file, &limits(12)),
            Err(Error::TooLarge {
                setting: "max_objects",
                limit: 12,
                ..
            })
        ));
        for garbage in [
            &b"(unclosed \\"[..],
            b"% comment [[[[ (",
            b"<",
            b"<<",
            b"/",
            b"stream",
        ] {
            assert!(scan(garbage, &limits(3)).is_ok());
        }
        assert!(scan(&b"0 ".repeat(1_000), &limits(999)).is_err());
    }
}
