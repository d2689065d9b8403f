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
