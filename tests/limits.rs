//! The text parser's [`Limits`]: each one reached on a real letter, in every text form, keeps
//! what comes before it and says where the rest begins, or refuses the input by the name of
//! its setting.

use fcc_notice::{DiagnosticCode, Error, Limits, Parser};

const FORMS: &[(&str, &str)] = &[
    (
        "markdown",
        include_str!("../fixtures/letters/2021-04-13-r-squared-telecom.txt"),
    ),
    (
        "plain",
        include_str!("../fixtures/letters/2021-04-13-r-squared-telecom-plain.txt"),
    ),
    (
        "collapsed",
        include_str!("../fixtures/letters/2021-04-13-r-squared-telecom-collapsed.txt"),
    ),
    (
        "pdftotext -layout",
        include_str!("../fixtures/letters/2021-04-13-r-squared-telecom-pdftotext-lo.txt"),
    ),
];

fn parser(set: impl FnOnce(&mut Limits)) -> Parser {
    let mut limits = Limits::default();
    set(&mut limits);
    Parser::new().limits(limits)
}

/// The first `max_records` rows are read as they are without the limit; one `limit` warning
/// starts where the next row does and runs to the end of the table.
#[test]
fn rows_past_max_records_are_not_read() {
    for &(form, text) in FORMS {
        let whole = Parser::new().parse_text(text).unwrap();
        let all = whole.notice.records();
        assert!(all.len() > 5, "{form}");
        for max in [0, 1, 5] {
            let parsed = parser(|l| l.max_records = max).parse_text(text).unwrap();
            assert_eq!(parsed.notice.records(), &all[..max], "{form} {max}");
            let limits: Vec<_> = parsed
                .diagnostics
                .iter()
                .filter(|d| d.code == DiagnosticCode::Limit)
                .collect();
            assert_eq!(limits.len(), 1, "{form} {max}: {limits:?}");
            let next = &all[max].span;
            let span = limits[0].span;
            assert!(
                span.start <= next.start && next.start < span.end,
                "{form} {max}: {span:?} misses the next row at {next:?}"
            );
            assert!(
                span.end >= all.last().unwrap().span.end,
                "{form} {max}: {span:?} stops before the last row"
            );
            assert_eq!(
                limits[0].message,
                format!("the rows after the first {max} are not read (Limits::max_records)"),
            );
        }
        // At the table's own size, nothing is left out.
        let parsed = parser(|l| l.max_records = all.len())
            .parse_text(text)
            .unwrap();
        assert_eq!(parsed.notice.records(), all, "{form}");
        assert!(
            parsed
                .diagnostics
                .iter()
                .all(|d| d.code != DiagnosticCode::Limit),
            "{form}"
        );
    }
}

/// Citations past `max_citations` are not read: those read are the letter's, as the whole
/// parse reads them.
#[test]
fn citations_past_max_citations_are_not_read() {
    for &(form, text) in FORMS {
        let whole = Parser::new().parse_text(text).unwrap();
        let parsed = parser(|l| l.max_citations = 10).parse_text(text).unwrap();
        assert_eq!(parsed.notice.citations.len(), 10, "{form}");
        for c in &parsed.notice.citations {
            let same = whole.notice.citations.iter().find(|w| w.span == c.span);
            let same = same.unwrap_or_else(|| panic!("{form}: {c:?} is not in the whole parse"));
            assert_eq!((&same.kind, &same.text), (&c.kind, &c.text), "{form}");
        }
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.code == DiagnosticCode::Limit),
            "{form}"
        );
    }
}

/// Past `max_diagnostics`, the first ones by position are kept and the last says how many
/// more there were.
#[test]
fn diagnostics_past_max_diagnostics_are_counted() {
    let text = FORMS[0].1.replace("Mar. 1", "Mar. 4"); // Mar. 15 → Mar. 45, …
    let whole = Parser::new().parse_text(&text).unwrap();
    let n = whole.diagnostics.len();
    assert!(n > 5, "{n}");
    for max in [1, 2, 5] {
        let parsed = parser(|l| l.max_diagnostics = max)
            .parse_text(&text)
            .unwrap();
        assert_eq!(parsed.diagnostics.len(), max);
        assert_eq!(parsed.diagnostics[..max - 1], whole.diagnostics[..max - 1]);
        let last = &parsed.diagnostics[max - 1];
        assert_eq!(last.code, DiagnosticCode::Limit);
        let more = format!("{} more diagnostics", n - (max - 1));
        assert!(last.message.starts_with(&more), "{}", last.message);
        assert_eq!(parsed.notice.records(), whole.notice.records());
    }
}

/// Input and line limits refuse the text, naming the setting.
#[test]
fn input_and_lines_are_refused_by_name() {
    let text = FORMS[0].1;
    let refused = |p: Parser| match p.parse_text(text) {
        Err(Error::TooLarge { setting, .. }) => setting,
        other => panic!("{other:?}"),
    };
    assert_eq!(refused(parser(|l| l.max_input = 1_000)), "max_input");
    assert_eq!(refused(parser(|l| l.max_lines = 50)), "max_lines");
    assert!(parser(|l| l.max_input = text.len())
        .parse_text(text)
        .is_ok());
}
