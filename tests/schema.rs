//! `schema/parsed.schema.json` holds: the JSON of every fixture's parse validates against it,
//! its enum lists are the enums' names, and every object in it requires all its properties
//! and allows no others. The validator is written here, for the subset of JSON Schema
//! (draft 2020-12) the schema uses, with tests of its own that it rejects bad documents.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

mod fixture_set;

use fcc_notice::{
    CampaignCategory, CitationKind, ColumnKind, ContactRole, DeadlineKind, DiagnosticCode,
    NoticeKind, PeriodUnit, Severity,
};
use serde_json::{json, Value};
use std::collections::BTreeSet;

const SAMPLE: &str = include_str!("../fixtures/letters/2021-04-13-r-squared-telecom.txt");

fn schema() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/parsed.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A validator for the subset of JSON Schema 2020-12 that the schema uses: `type` (a name or
/// a list of names), `properties`, `required`, `additionalProperties` (`false` or a schema),
/// `propertyNames`, `items`, `minItems`, `maxItems`, `enum`, `const`, `$ref` to `#/$defs/…`,
/// `anyOf`, `oneOf`, `pattern` and `minimum`; `$schema`, `$id`, `$defs`, `title`,
/// `description` and `$comment` are annotations. Any other keyword is an error, so that the
/// schema cannot use one this validator would silently skip.
mod validator {
    use serde_json::Value;
    use std::collections::HashMap;
    use std::sync::Mutex;

    const ANNOTATIONS: &[&str] = &[
        "$schema",
        "$id",
        "$defs",
        "title",
        "description",
        "$comment",
    ];

    pub(crate) struct Validator<'s> {
        root: &'s Value,
        patterns: Mutex<HashMap<String, regex::Regex>>,
    }

    impl<'s> Validator<'s> {
        pub(crate) fn new(root: &'s Value) -> Self {
            Validator {
                root,
                patterns: Mutex::new(HashMap::new()),
            }
        }

        /// The errors of `instance` against the root schema, each `path: what is wrong`.
        pub(crate) fn errors(&self, instance: &Value) -> Vec<String> {
            let mut errors = Vec::new();
            self.check(self.root, instance, "$", &mut errors);
            errors
        }

        fn check(&self, schema: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
            let map = match schema {
                Value::Bool(true) => return,
                Value::Bool(false) => return errors.push(format!("{path}: nothing is allowed")),
                Value::Object(map) => map,
                other => panic!("not a schema at {path}: {other}"),
            };
            macro_rules! fail {
                ($($what:tt)*) => {
                    errors.push(format!("{path}: {}", format!($($what)*)))
                };
            }
            for (keyword, arg) in map {
                match keyword.as_str() {
                    k if ANNOTATIONS.contains(&k) => {}
                    "type" => {
                        let names: Vec<&str> = match arg {
                            Value::String(s) => vec![s.as_str()],
                            Value::Array(a) => a.iter().map(|t| t.as_str().unwrap()).collect(),
                            _ => panic!("bad type at {path}"),
                        };
                        if !names.iter().any(|&t| is_type(v, t)) {
                            fail!("{} is not of type {names:?}", short(v));
                        }
                    }
                    "enum" => {
                        if !arg.as_array().unwrap().contains(v) {
                            fail!("{} is not one of {arg}", short(v));
                        }
                    }
                    "const" => {
                        if arg != v {
                            fail!("{} is not {arg}", short(v));
                        }
                    }
                    "pattern" => {
                        if let Value::String(s) = v {
                            let pattern = arg.as_str().unwrap();
                            let mut cache = self.patterns.lock().unwrap();
                            // ECMA-262 classes: `\d` is [0-9], as JSON Schema means it.
                            let re = cache.entry(pattern.to_owned()).or_insert_with(|| {
                                regex::RegexBuilder::new(pattern)
                                    .unicode(false)
                                    .build()
                                    .unwrap()
                            });
                            if !re.is_match(s) {
                                fail!("{s:?} does not match {pattern:?}");
                            }
                        }
                    }
                    "minimum" => {
                        if let Some(n) = v.as_f64() {
                            if n < arg.as_f64().unwrap() {
                                fail!("{n} is less than {arg}");
                            }
                        }
                    }
                    "minItems" | "maxItems" => {
                        if let Value::Array(items) = v {
                            let bound = arg.as_u64().unwrap() as usize;
                            let ok = if keyword == "minItems" {
                                items.len() >= bound
                            } else {
                                items.len() <= bound
                            };
                            if !ok {
                                fail!("{} items, {keyword} {bound}", items.len());
                            }
                        }
                    }
                    "required" => {
                        if let Value::Object(obj) = v {
                            for name in arg.as_array().unwrap() {
                                let name = name.as_str().unwrap();
                                if !obj.contains_key(name) {
                                    fail!("missing required field {name:?}");
                                }
                            }
                        }
                    }
                    "properties" => {
                        if let Value::Object(obj) = v {
                            for (name, sub) in arg.as_object().unwrap() {
                                if let Some(value) = obj.get(name) {
                                    self.check(sub, value, &format!("{path}.{name}"), errors);
                                }
                            }
                        }
                    }
                    "additionalProperties" => {
                        if let Value::Object(obj) = v {
                            let known = map.get("properties").and_then(Value::as_object);
                            for (name, value) in obj {
                                if known.is_some_and(|k| k.contains_key(name)) {
                                    continue;
                                }
                                match arg {
                                    Value::Bool(false) => errors
                                        .push(format!("{path}: field {name:?} is not allowed")),
                                    sub => {
                                        self.check(sub, value, &format!("{path}.{name}"), errors)
                                    }
                                }
                            }
                        }
                    }
                    "propertyNames" => {
                        if let Value::Object(obj) = v {
                            for name in obj.keys() {
                                let key = Value::String(name.clone());
                                self.check(arg, &key, &format!("{path} key {name:?}"), errors);
                            }
                        }
                    }
                    "items" => {
                        if let Value::Array(items) = v {
                            for (i, item) in items.iter().enumerate() {
                                self.check(arg, item, &format!("{path}[{i}]"), errors);
                            }
                        }
                    }
                    "$ref" => {
                        let target = self.resolve(arg.as_str().unwrap());
                        self.check(target, v, path, errors);
                    }
                    "anyOf" | "oneOf" => {
                        let branches = arg.as_array().unwrap();
                        let mut reasons = Vec::new();
                        let passed = branches
                            .iter()
                            .filter(|b| {
                                let mut sub = Vec::new();
                                self.check(b, v, path, &mut sub);
                                reasons.extend(sub.iter().cloned());
                                sub.is_empty()
                            })
                            .count();
                        let ok = if keyword == "anyOf" {
                            passed >= 1
                        } else {
                            passed == 1
                        };
                        if !ok {
                            errors.push(format!(
                                "{path}: {passed} of the {keyword} branches match ({})",
                                reasons.join("; ")
                            ));
                        }
                    }
                    other => panic!("keyword {other:?} at {path} is not supported"),
                }
            }
        }

        fn resolve(&self, reference: &str) -> &'s Value {
            let name = reference
                .strip_prefix("#/$defs/")
                .unwrap_or_else(|| panic!("only #/$defs/ references: {reference}"));
            self.root["$defs"]
                .get(name)
                .unwrap_or_else(|| panic!("no definition {reference}"))
        }
    }

    fn is_type(v: &Value, t: &str) -> bool {
        match t {
            "null" => v.is_null(),
            "boolean" => v.is_boolean(),
            "string" => v.is_string(),
            "array" => v.is_array(),
            "object" => v.is_object(),
            "number" => v.is_number(),
            "integer" => v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() == 0.0),
            other => panic!("unknown type {other:?}"),
        }
    }

    /// A value, cut short for an error message.
    fn short(v: &Value) -> String {
        let s = v.to_string();
        match s.char_indices().nth(60) {
            Some((i, _)) => format!("{}…", &s[..i]),
            None => s,
        }
    }
}

use validator::Validator;

/// The validator on small schemas: each keyword accepts what it should and rejects the rest.
#[test]
fn validator_keywords() {
    let root = json!({
        "$defs": {
            "date": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"},
            "color": {"type": "string", "enum": ["red", "green"]},
        },
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "age": {"type": ["integer", "null"], "minimum": 0},
            "when": {"anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
            "colors": {"type": "array", "items": {"$ref": "#/$defs/color"}, "maxItems": 2},
            "pair": {"type": "array", "minItems": 2, "maxItems": 2},
            "version": {"const": 1},
            "either": {"oneOf": [{"type": "integer"}, {"type": "number", "minimum": 10}]},
            "tags": {"type": "object", "propertyNames": {"$ref": "#/$defs/color"},
                     "additionalProperties": {"type": "string"}},
        },
        "required": ["name", "age"],
        "additionalProperties": false,
    });
    let v = Validator::new(&root);
    let good = json!({
        "name": "Acme", "age": null, "when": "2021-04-13", "colors": ["red"], "pair": [1, 2],
        "version": 1, "either": 2, "tags": {"green": "x"},
    });
    assert_eq!(v.errors(&good), Vec::<String>::new());
    assert!(v.errors(&json!({"name": "Acme", "age": 3})).is_empty());
    assert!(v
        .errors(&json!({"name": "Acme", "age": 3, "either": 10.5}))
        .is_empty());
    let bad = |edit: fn(&mut Value), want: &str| {
        let mut doc = good.clone();
        edit(&mut doc);
        let errors = v.errors(&doc);
        assert!(
            errors.iter().any(|e| e.contains(want)),
            "{doc}: want {want:?}, got {errors:?}"
        );
    };
    bad(
        |d| drop(d.as_object_mut().unwrap().remove("name")),
        "missing required field \"name\"",
    );
    bad(|d| d["extra"] = json!(1), "field \"extra\" is not allowed");
    bad(
        |d| d["name"] = json!(5),
        "$.name: 5 is not of type [\"string\"]",
    );
    bad(|d| d["age"] = json!(1.5), "$.age: 1.5 is not of type");
    bad(|d| d["age"] = json!(-1), "$.age: -1 is less than 0");
    bad(
        |d| d["colors"] = json!(["blue"]),
        "$.colors[0]: \"blue\" is not one of",
    );
    bad(
        |d| d["colors"] = json!(["red", "red", "red"]),
        "3 items, maxItems 2",
    );
    bad(|d| d["pair"] = json!([1]), "1 items, minItems 2");
    bad(
        |d| d["when"] = json!("13 April 2021"),
        "0 of the anyOf branches match",
    );
    bad(|d| d["when"] = json!("٢٠٢١-04-13"), "does not match"); // \d is ASCII
    bad(|d| d["version"] = json!(2), "$.version: 2 is not 1");
    bad(|d| d["either"] = json!(12), "2 of the oneOf branches match");
    bad(
        |d| d["either"] = json!("x"),
        "0 of the oneOf branches match",
    );
    bad(|d| d["tags"] = json!({"blue": "x"}), "key \"blue\"");
    bad(
        |d| d["tags"] = json!({"red": 1}),
        "$.tags.red: 1 is not of type",
    );
    assert!(Validator::new(&json!(false)).errors(&json!(1)).len() == 1);
}

#[test]
#[should_panic(expected = "not supported")]
fn validator_refuses_keywords_it_does_not_know() {
    Validator::new(&json!({"uniqueItems": true})).errors(&json!([]));
}

/// The real schema rejects the sample's JSON with a field missing, a field added, a wrong
/// type, a bad enum name, a bad date or a bad span.
#[test]
fn schema_rejects_bad_documents() {
    let root = schema();
    let v = Validator::new(&root);
    let parsed = fcc_notice::parse_text(SAMPLE).unwrap();
    let good = serde_json::to_value(&parsed).unwrap();
    assert_eq!(v.errors(&good), Vec::<String>::new());
    type Edit = fn(&mut Value);
    let cases: &[(Edit, &str)] = &[
        (
            |d| drop(d.as_object_mut().unwrap().remove("subject")),
            "$: missing required field \"subject\"",
        ),
        (
            |d| drop(d["citations"][0].as_object_mut().unwrap().remove("pin")),
            "$.citations[0]: missing required field \"pin\"",
        ),
        (
            |d| d["source"] = json!("letter.txt"),
            "$: field \"source\" is not allowed",
        ),
        (
            |d| d["provider"]["ticker"] = json!("RSQ"),
            "field \"ticker\" is not allowed",
        ),
        (
            |d| d["actions"] = json!("block"),
            "$.actions: \"block\" is not of type",
        ),
        (
            |d| d["citations"][0]["title"] = json!("47"),
            "$.citations[0].title",
        ),
        (
            |d| d["footnotes"][0]["number"] = json!(-1),
            "is less than 0",
        ),
        (
            |d| d["kind"] = json!("letter"),
            "$.kind: \"letter\" is not one of",
        ),
        (
            |d| d["attachment"]["records"][0]["category"] = json!("spam"),
            "is not one of",
        ),
        (
            |d| d["date"] = json!("04/13/2021"),
            "$.date: 0 of the anyOf branches match",
        ),
        (
            |d| d["deadlines"][0]["within"] = json!("2 weeks"),
            "does not match",
        ),
        (
            |d| d["deadlines"][0]["span"] = json!([1, 2, 3]),
            "3 items, maxItems 2",
        ),
        (
            |d| d["contacts"][0]["phone"] = json!("202-418-7451"),
            "does not match",
        ),
        (
            |d| d["attachment"]["records"][0]["raw"] = json!({"ani": "x"}),
            "key \"ani\"",
        ),
    ];
    for (edit, want) in cases {
        let mut doc = good.clone();
        edit(&mut doc);
        let errors = v.errors(&doc);
        assert!(
            errors.iter().any(|e| e.contains(want)),
            "want {want:?}, got {errors:?}"
        );
    }
}

/// The JSON of every fixture's parse (text letters and, with feature `pdf`, the PDFs that
/// parse) validates.
#[test]
fn every_fixture_validates() {
    let root = schema();
    let v = Validator::new(&root);
    let parses = fixture_set::parses();
    for (name, parsed) in &parses {
        let errors = v.errors(&serde_json::to_value(parsed).unwrap());
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
    // And the JSON a model value built by hand gives, whose fields are mostly empty.
    let empty = fcc_notice::Parsed::new(fcc_notice::Notice::new(NoticeKind::Other));
    assert_eq!(
        v.errors(&serde_json::to_value(&empty).unwrap()),
        Vec::<String>::new()
    );
}

/// The schema's enum lists are the enums' names (`ALL`, in order), so it cannot drift.
#[test]
fn enum_lists_are_the_enums_names() {
    fn names<T>(all: &[T], as_str: fn(&T) -> &'static str) -> Value {
        all.iter().map(|v| Value::from(as_str(v))).collect()
    }
    let root = schema();
    let defs = &root["$defs"];
    let enums = [
        ("NoticeKind", names(NoticeKind::ALL, NoticeKind::as_str)),
        (
            "DeadlineKind",
            names(DeadlineKind::ALL, DeadlineKind::as_str),
        ),
        ("ContactRole", names(ContactRole::ALL, ContactRole::as_str)),
        (
            "CitationKind",
            names(CitationKind::ALL, CitationKind::as_str),
        ),
        ("ColumnKind", names(ColumnKind::ALL, ColumnKind::as_str)),
        (
            "CampaignCategory",
            names(CampaignCategory::ALL, CampaignCategory::as_str),
        ),
        ("Severity", names(Severity::ALL, Severity::as_str)),
        (
            "DiagnosticCode",
            names(DiagnosticCode::ALL, DiagnosticCode::as_str),
        ),
    ];
    for (name, want) in &enums {
        assert_eq!(&defs[name]["enum"], want, "{name}");
    }
    // Every enum of the schema is one of them.
    let listed: BTreeSet<&str> = defs
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, d)| d.get("enum").is_some())
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(listed, enums.iter().map(|(k, _)| *k).collect());
    // A period is written as `<amount> <unit>`; every unit's phrase matches its pattern.
    let pattern = regex::Regex::new(defs["period"]["pattern"].as_str().unwrap()).unwrap();
    for &unit in PeriodUnit::ALL {
        for amount in [1, 48] {
            let phrase = fcc_notice::Period::new(amount, unit).to_string();
            assert!(pattern.is_match(&phrase), "{phrase}");
        }
    }
}

/// Every object the schema describes requires all its properties and allows no others (the
/// null policy: every field is always written), and every definition is used.
#[test]
fn every_object_is_closed_and_complete() {
    fn walk<'v>(v: &'v Value, path: &str, objects: &mut usize, refs: &mut BTreeSet<&'v str>) {
        match v {
            Value::Object(map) => {
                if map.get("type") == Some(&json!("object")) {
                    *objects += 1;
                    if let Some(props) = map.get("properties").and_then(Value::as_object) {
                        let required: BTreeSet<&str> = map["required"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|r| r.as_str().unwrap())
                            .collect();
                        let all: BTreeSet<&str> = props.keys().map(String::as_str).collect();
                        assert_eq!(required, all, "{path}: required");
                        assert_eq!(map["additionalProperties"], json!(false), "{path}");
                    } else {
                        // A map (`raw`): keys and values constrained instead.
                        assert!(map.contains_key("propertyNames"), "{path}");
                    }
                }
                if let Some(Value::String(r)) = map.get("$ref") {
                    refs.insert(r);
                }
                for (k, sub) in map {
                    walk(sub, &format!("{path}/{k}"), objects, refs);
                }
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, path, objects, refs)),
            _ => {}
        }
    }
    let root = schema();
    let (mut objects, mut refs) = (0, BTreeSet::new());
    walk(&root, "#", &mut objects, &mut refs);
    assert!(objects >= 17, "{objects} objects");
    let defined: BTreeSet<String> = root["$defs"]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| format!("#/$defs/{k}"))
        .collect();
    assert_eq!(
        refs.iter().map(|r| r.to_string()).collect::<BTreeSet<_>>(),
        defined,
        "every definition is used, every reference defined"
    );
    assert_eq!(
        root["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}
