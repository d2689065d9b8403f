//! The crate as a downstream crate sees it: only the public API, one test per topic — enum
//! names, the JSON round trip, JSON from a later version, building model values, and reading
//! bytes of any kind.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

mod common;
mod fixture_set;

use common::windows_1252;

use fcc_notice::{
    Attachment, CallRecord, CampaignCategory, Citation, CitationKind, Column, ColumnKind, Contact,
    ContactRole, Deadline, DeadlineKind, Diagnostic, DiagnosticCode, Footnote, Issuer, Notice,
    NoticeKind, ParseEnumError, Parsed, Period, PeriodUnit, Provider, Recipient, Severity,
    Signatory, Span, ViolationCell,
};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Value};
use std::fmt::{Debug, Display};
use std::str::FromStr;

const SAMPLE: &str = include_str!("../fixtures/letters/2021-04-13-r-squared-telecom.txt");

/// Every value of `all`: `Display` writes `as_str`, which is its JSON string, and `FromStr`
/// and JSON read it back; `FromStr` rejects other text with a `ParseEnumError` naming the
/// type. Returns the names.
fn names<T>(all: &[T], as_str: fn(&T) -> &'static str, type_name: &str) -> Vec<&'static str>
where
    T: Copy + Eq + Debug + Display + FromStr<Err = ParseEnumError> + Serialize + DeserializeOwned,
{
    assert!(!all.is_empty());
    for value in all {
        let name = as_str(value);
        assert_eq!(value.to_string(), name);
        assert_eq!(serde_json::to_value(value).unwrap(), Value::from(name));
        assert_eq!(name.parse::<T>(), Ok(*value));
        assert_eq!(
            serde_json::from_value::<T>(Value::from(name)).unwrap(),
            *value
        );
    }
    let error = format!("{}!", as_str(&all[0])).parse::<T>().unwrap_err();
    assert_eq!(error.type_name(), type_name);
    assert_eq!(error.input(), format!("{}!", as_str(&all[0])));
    let _: &dyn std::error::Error = &error;
    assert!(error.to_string().contains(type_name), "{error}");
    all.iter().map(as_str).collect()
}

#[test]
fn every_enum_displays_and_parses_its_json_name() {
    let all = [
        names(NoticeKind::ALL, NoticeKind::as_str, "NoticeKind"),
        names(DeadlineKind::ALL, DeadlineKind::as_str, "DeadlineKind"),
        names(ContactRole::ALL, ContactRole::as_str, "ContactRole"),
        names(PeriodUnit::ALL, PeriodUnit::as_str, "PeriodUnit"),
        names(CitationKind::ALL, CitationKind::as_str, "CitationKind"),
        names(ColumnKind::ALL, ColumnKind::as_str, "ColumnKind"),
        names(
            CampaignCategory::ALL,
            CampaignCategory::as_str,
            "CampaignCategory",
        ),
        names(Severity::ALL, Severity::as_str, "Severity"),
        names(
            DiagnosticCode::ALL,
            DiagnosticCode::as_str,
            "DiagnosticCode",
        ),
    ];
    assert_eq!(
        all.iter().map(Vec::len).sum::<usize>(),
        6 + 3 + 3 + 3 + 14 + 7 + 13 + 3 + 19
    );
    assert_eq!(NoticeKind::CeaseAndDesist.as_str(), "cease_and_desist");
    assert_eq!(CampaignCategory::Covid19.to_string(), "covid19");
    assert_eq!("warning".parse(), Ok(Severity::Warning));
    // FromStr is strict: names only, exactly.
    for bad in ["Warning", " warning", "warning ", "", "unknown_severity"] {
        assert!(bad.parse::<Severity>().is_err(), "{bad:?}");
    }
    // The order is the declaration order; sets and maps of them work.
    assert!(Severity::Info < Severity::Warning && Severity::Warning < Severity::Unknown);
    let mut categories = [CampaignCategory::Other, CampaignCategory::AutoWarranty];
    categories.sort();
    assert_eq!(categories[0], CampaignCategory::AutoWarranty);
    let set: std::collections::HashSet<_> = DiagnosticCode::ALL.iter().collect();
    assert_eq!(set.len(), DiagnosticCode::ALL.len());
}

/// The JSON of every fixture's parse reads back into an equal `Parsed` (`text`, which is not
/// serialised, as `None`), and that writes the same JSON again.
#[test]
fn parsed_json_round_trips() {
    for (name, mut parsed) in fixture_set::parses() {
        let json = serde_json::to_string(&parsed).unwrap();
        let back: Parsed = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{name}: {e}"));
        if parsed.text.is_some() {
            assert!(name.ends_with(".pdf"), "{name}");
            parsed.text = None;
        }
        assert!(back == parsed, "{name}: the JSON reads back different");
        assert_eq!(serde_json::to_string(&back).unwrap(), json, "{name}");
        let pretty = serde_json::to_string_pretty(&parsed).unwrap();
        assert_eq!(
            serde_json::from_str::<Parsed>(&pretty).unwrap(),
            parsed,
            "{name}"
        );
    }
}

/// JSON from a later version loads: unknown enum names become the documented fallbacks,
/// unknown fields are ignored, and missing optional fields are `None` or empty.
#[test]
fn json_of_a_later_version_loads() {
    let parsed = fcc_notice::parse_text(SAMPLE).unwrap();
    let mut v = serde_json::to_value(&parsed).unwrap();
    v["kind"] = json!("some_future_kind");
    v["some_future_field"] = json!({"nested": [1, 2, 3]});
    v["deadlines"][0]["kind"] = json!("appeal");
    v["deadlines"][0]["within"] = json!("2 weeks");
    v["contacts"][0]["role"] = json!("escalation");
    v["contacts"][0]["pronouns"] = json!("they");
    v["citations"][0]["kind"] = json!("case_law");
    v["citations"][0]["court"] = json!("D.C. Cir.");
    v["attachment"]["columns"][0]["kind"] = json!("carrier");
    let record = &mut v["attachment"]["records"][0];
    record["category"] = json!("crypto_scam");
    record["raw"] = json!({"carrier": "[REDACTED]"});
    record["confidence"] = json!(0.9);
    v["diagnostics"] = json!([{
        "severity": "error",
        "code": "some_future_code",
        "message": "from a later version",
        "span": [0, 5],
        "hint": "a field this version lacks",
    }]);
    // The views are derived, so whatever they hold is ignored.
    v["customers"] = json!("not even a list");
    let later: Parsed = serde_json::from_value(v.clone()).unwrap();
    let n = &later.notice;
    assert_eq!(n.kind, NoticeKind::Other);
    assert_eq!(n.deadlines[0].kind, DeadlineKind::Unknown);
    assert_eq!(n.deadlines[0].within, Period::new(2, PeriodUnit::Unknown));
    assert_eq!(n.contacts[0].role, ContactRole::Unknown);
    assert_eq!(n.citations[0].kind, CitationKind::Unknown);
    assert_eq!(
        n.citations[0].canonical,
        parsed.notice.citations[0].canonical
    );
    let table = n.attachment.as_ref().unwrap();
    assert_eq!(table.columns[0].kind, ColumnKind::Other);
    assert_eq!(table.records[0].category, CampaignCategory::Other);
    assert_eq!(
        table.records[0]
            .raw
            .get(&ColumnKind::Other)
            .map(String::as_str),
        Some("[REDACTED]")
    );
    let d = &later.diagnostics[0];
    assert_eq!(
        (d.severity, d.code),
        (Severity::Unknown, DiagnosticCode::Unknown)
    );
    assert_eq!(d.span, Span::new(0, 5));
    // An unknown severity counts as at least a warning.
    assert!(d.severity >= Severity::Warning);
    // Everything else is as written.
    assert_eq!(n.provider, parsed.notice.provider);
    assert_eq!(n.records().len(), parsed.notice.records().len());

    // Optional fields and lists may be missing: they read as `None` and empty.
    let mut sparse = v;
    for key in [
        "date",
        "dockets",
        "provider",
        "footnotes",
        "attachment",
        "diagnostics",
    ] {
        sparse.as_object_mut().unwrap().remove(key);
    }
    for key in ["pin", "paragraphs", "et_seq", "refers_to", "url"] {
        sparse["citations"][0].as_object_mut().unwrap().remove(key);
    }
    let sparse: Parsed = serde_json::from_value(sparse).unwrap();
    let n = &sparse.notice;
    assert!(n.date.is_none() && n.dockets.is_empty() && n.provider.is_none());
    assert!(n.footnotes.is_empty() && n.attachment.is_none() && sparse.diagnostics.is_empty());
    let c = &n.citations[0];
    assert!(c.pin.is_none() && c.paragraphs.is_empty() && !c.et_seq && c.url.is_none());

    // Fields that are not optional are required; a wrong type is an error.
    for (key, value) in [
        ("kind", None),
        ("kind", Some(json!(7))),
        ("date", Some(json!("13 April"))),
    ] {
        let mut bad = serde_json::to_value(&parsed).unwrap();
        match value {
            Some(value) => bad[key] = value,
            None => drop(bad.as_object_mut().unwrap().remove(key)),
        }
        assert!(serde_json::from_value::<Parsed>(bad).is_err(), "{key}");
    }
}

/// Model values built with the constructors, as a downstream crate's tests would; they
/// serialise and read back like parsed ones, and the views work on them.
#[test]
fn model_values_are_built_with_constructors() {
    let mut notice = Notice::new(NoticeKind::CeaseAndDesist);
    notice.date = "2021-04-13".parse().ok();
    let mut issuer = Issuer::default();
    issuer.agency = Some("Federal Communications Commission".into());
    notice.issuer = Some(issuer);
    let mut recipient = Recipient::default();
    recipient.name = Some("Jane Doe".into());
    recipient.emails.push("jane@example.com".into());
    notice.recipient = Some(recipient);
    let mut provider = Provider::new("Example Telecom LLC");
    provider.short_name = Some("Example".into());
    notice.provider = Some(provider);
    let mut deadline = Deadline::new(DeadlineKind::Mitigate, "48 hours".parse().unwrap());
    deadline.due = "2021-04-15".parse().ok();
    deadline.span = Span::new(100, 120);
    notice.deadlines.push(deadline);
    let mut contact = Contact::new(ContactRole::Inquiries, "Kristi Thompson");
    contact.email = Some("kristi.thompson@fcc.gov".into());
    notice.contacts.push(contact);
    let mut signatory = Signatory::new("Rosemary C. Harold");
    signatory.title = Some("Chief".into());
    notice.signatory = Some(signatory);
    let mut citation = Citation::new(CitationKind::Cfr, "47 CFR § 64.1200(k)(4)");
    citation.canonical = citation.text.clone();
    citation.title = Some(47);
    citation.section = Some("64.1200".into());
    notice.citations.push(citation);
    let mut footnote = Footnote::new(1, "See 47 CFR § 64.1200(k)(4).");
    footnote.citations.push(0);
    footnote.mark = Some(Span::new(40, 41));
    notice.footnotes.push(footnote);
    let mut table = Attachment::new("Attachment A");
    table
        .columns
        .push(Column::new("Customer", ColumnKind::Customer));
    table
        .columns
        .push(Column::new("Violation", ColumnKind::Violation));
    for customer in ["Acme", "Acme", "Bolt"] {
        let mut record = CallRecord::default();
        record.customer = Some(customer.into());
        record.date = "2021-03-01".parse().ok();
        record.category = CampaignCategory::AutoWarranty;
        let mut cell = ViolationCell::new("47 CFR § 64.1200(k)(4)");
        cell.citations.push(0);
        record.violation = Some(cell);
        record.raw.insert(ColumnKind::CallerId, "[REDACTED]".into());
        table.records.push(record);
    }
    notice.attachment = Some(table);
    assert_eq!(CallRecord::default().category, CampaignCategory::Other);

    let customers = notice.customers();
    assert_eq!(
        customers
            .iter()
            .map(|c| (c.name.as_str(), c.calls))
            .collect::<Vec<_>>(),
        [("Acme", 2), ("Bolt", 1)]
    );
    assert_eq!(
        notice.violations()[0].citations[0].canonical,
        "47 CFR § 64.1200(k)(4)"
    );
    assert_eq!(notice.cited(&notice.footnotes[0].citations).count(), 1);

    let mut parsed = Parsed::new(notice);
    parsed.diagnostics.push(Diagnostic::new(
        Severity::Info,
        DiagnosticCode::UnknownSection,
        Span::new(3, 9),
        "no heading",
    ));
    let json = serde_json::to_string(&parsed).unwrap();
    assert_eq!(serde_json::from_str::<Parsed>(&json).unwrap(), parsed);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["deadlines"][0]["within"], "48 hours");
    assert_eq!(v["customers"][0]["name"], "Acme");
    assert_eq!(
        v["attachment"]["records"][0]["raw"]["caller_id"],
        "[REDACTED]"
    );
    // Every field is written: absent ones as `null`, empty lists as `[]`.
    assert_eq!(v["subject"], Value::Null);
    assert_eq!(v["actions"], json!([]));
    assert_eq!(v["citations"][0]["pin"], Value::Null);
    assert_eq!(v["citations"][0]["et_seq"], false);
}

/// `parse_bytes` reads a file whatever it is: the same letter in UTF-8, UTF-8 with a
/// byte-order mark, UTF-16 and Windows-1252 is the same notice (the last with an `encoding`
/// warning); spans index `Parsed::text` when the bytes were not used as they are; what is not
/// a letter's text or PDF is an `UnsupportedInput` error saying what it is.
#[test]
fn parse_bytes_reads_any_encoding_and_refuses_other_files() {
    let expected = fcc_notice::parse_text(SAMPLE).unwrap();
    let utf8 = fcc_notice::parse_bytes(SAMPLE.as_bytes()).unwrap();
    assert_eq!(utf8, expected);
    assert_eq!(utf8.text, None);

    let bom: Vec<u8> = b"\xEF\xBB\xBF"
        .iter()
        .chain(SAMPLE.as_bytes())
        .copied()
        .collect();
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(SAMPLE.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for (name, bytes) in [("bom", bom), ("utf-16le", utf16le), ("utf-16be", utf16be)] {
        let parsed = fcc_notice::parse_bytes(&bytes).unwrap();
        assert_eq!(parsed.text.as_deref(), Some(SAMPLE), "{name}");
        assert_eq!(parsed.notice, expected.notice, "{name}");
        assert!(parsed.diagnostics.is_empty(), "{name}");
    }

    let cp1252 = fcc_notice::parse_bytes(&windows_1252(SAMPLE)).unwrap();
    assert_eq!(cp1252.notice.provider, expected.notice.provider);
    assert_eq!(cp1252.notice.records(), expected.notice.records());
    let warning = &cp1252.diagnostics[0];
    assert_eq!(
        (warning.severity, warning.code),
        (Severity::Warning, DiagnosticCode::Encoding)
    );
    let text = cp1252.text.as_deref().unwrap();
    assert_eq!(&text[warning.span.start..warning.span.end], "§");
    assert!(fcc_notice::Parser::new()
        .strict(true)
        .parse_bytes(&windows_1252(SAMPLE))
        .is_err());
    // The JSON of a decoded parse round-trips like any other.
    let json = serde_json::to_string(&cp1252).unwrap();
    let back: Parsed = serde_json::from_str(&json).unwrap();
    assert_eq!(back.notice, cp1252.notice);
    assert_eq!(back.diagnostics, cp1252.diagnostics);

    for (bytes, what) in [
        (&b""[..], "an empty file"),
        (b"PK\x03\x04\x14\x00", "a Word document or ZIP archive"),
        (b"\x7FELF\x02\x01", "an executable (ELF)"),
        (b"\x00\x01\x02\x03\x04\x05\x06\x07", "binary data"),
    ] {
        match fcc_notice::parse_bytes(bytes) {
            Err(e @ fcc_notice::Error::UnsupportedInput { .. }) => {
                assert_eq!(e.kind(), "unsupported_input");
                assert!(e.to_string().contains(what), "{e}");
            }
            other => panic!("{what}: {other:?}"),
        }
    }
    assert_eq!(
        fcc_notice::bytes_to_text(&windows_1252("§ 227")).unwrap(),
        "§ 227"
    );
}

/// A PDF through `parse_bytes` is `parse_pdf`.
#[cfg(feature = "pdf")]
#[test]
fn parse_bytes_reads_pdfs() {
    let bytes = std::fs::read(format!(
        "{}/fixtures/pdf/r-squared-lo.pdf",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    assert_eq!(
        fcc_notice::parse_bytes(&bytes).unwrap(),
        fcc_notice::parse_pdf(&bytes).unwrap()
    );
}
