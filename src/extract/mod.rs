//! Letter parts → the typed [`Notice`]; one grammar per file, diagnostics for what was
//! tolerated.

mod action;
mod contact;
mod deadline;
mod gate;
mod header;
mod provider;
mod recipient;
mod record;
mod signatory;

use crate::diagnostic::{Diagnostic, DiagnosticCode, Diagnostics, Severity};
use crate::error::Error;
use crate::layout::{within, Found, Layout, Paragraph};
use crate::limits::Limits;
use crate::model::{Deadline, Footnote, Notice, NoticeKind, Provider};
use crate::text::{ends_sentence, offset_in, squash};
use std::borrow::Cow;
use std::ops::Range;

/// The body paragraphs' texts, in order.
fn paragraph_texts<'d>(layout: &Layout<'d>) -> Vec<Cow<'d, str>> {
    let parts = &layout.parts;
    parts
        .body
        .iter()
        .map(|p| paragraph_text(layout, p))
        .collect()
}

/// A paragraph's text, joined with a space where a page break or footnotes cut it.
fn paragraph_text<'d>(layout: &Layout<'d>, p: &Paragraph) -> Cow<'d, str> {
    joined(layout, &p.pieces)
}

/// The text of `pieces` of a part, joined with a space; borrowed when there is one.
fn joined<'d, 'r>(
    layout: &Layout<'d>,
    pieces: impl IntoIterator<Item = &'r Range<usize>>,
) -> Cow<'d, str> {
    let mut pieces = pieces.into_iter();
    let Some(first) = pieces.next() else {
        return Cow::Borrowed("");
    };
    let mut text = Cow::Borrowed(layout.slice(first.clone()));
    for piece in pieces {
        let text = text.to_mut();
        text.push(' ');
        text.push_str(layout.slice(piece.clone()));
    }
    text
}

/// Builds the notice from the layout; `Err` when the text is not an FCC notice (the rules
/// of [`gate::gate`]).
pub(crate) fn notice(
    mut layout: Layout<'_>,
    limits: &Limits,
    diagnostics: &mut Diagnostics,
) -> Result<Notice, Error> {
    let found = std::mem::take(&mut layout.citations);
    let own = std::mem::take(&mut layout.identifiers);
    let layout = &layout;
    let header_text = layout.slice(layout.parts.header.clone());
    let head = header::header(header_text);
    gate::gate(layout, &head)?;
    let date = head.date.as_ref().map(|(d, _)| *d);
    let body: Vec<Cow<'_, str>> = paragraph_texts(layout);

    let Parties {
        recipient,
        provider,
        providers,
    } = parties(layout, &head, header_text, &body, diagnostics);
    let is_letter = layout.parts.salutation.is_some();
    let header_span = layout.span(layout.parts.header.clone());
    if date.is_none() {
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            DiagnosticCode::MissingDate,
            header_span,
            "no letter date found; due dates are not computed",
        ));
    }
    if is_letter && recipient.is_none() {
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            DiagnosticCode::MissingRecipient,
            header_span,
            "no addressee block found",
        ));
    }

    let attachment = layout
        .table
        .as_ref()
        .map(|table| record::attachment(layout, table, &found, limits.max_records, diagnostics));

    let subject = head.subject.map(squash);
    let notice = Notice {
        kind: kind(header_text, subject.as_deref(), &body, is_letter),
        date,
        document_number: own.document_number,
        file_numbers: own.file_numbers,
        dockets: own.dockets,
        issuer: header::issuer(head.letterhead),
        delivery: head.delivery.map(squash),
        recipient,
        provider,
        providers,
        subject,
        deadlines: deadlines(layout, date, diagnostics),
        actions: if is_letter {
            action::actions(&body)
        } else {
            Vec::new()
        },
        contacts: body
            .iter()
            .map(|p| contact::contacts(p))
            .find(|c| !c.is_empty())
            .unwrap_or_default(),
        signatory: signatory(layout, diagnostics),
        footnotes: footnotes(layout, &found, diagnostics),
        attachment,
        citations: crate::cite::into_citations(found),
    };
    truncation(layout, diagnostics);
    Ok(notice)
}

/// Who the letter is to and about: its addressee, the provider it names and the providers it
/// lists.
struct Parties {
    recipient: Option<crate::model::Recipient>,
    provider: Option<Provider>,
    providers: Vec<Provider>,
}

/// The letter's parties, read from its header and body.
fn parties(
    layout: &Layout<'_>,
    head: &header::Header<'_>,
    header_text: &str,
    body: &[Cow<'_, str>],
    diagnostics: &mut Diagnostics,
) -> Parties {
    let recipient = head.recipient.map(recipient::recipient);
    let providers = provider::listed(body);
    let caption = header::caption(header_text);
    let organization = recipient.as_ref().and_then(|r| r.organization.as_deref());
    let provider = provider_of(layout, body, &providers, organization, caption, diagnostics);
    Parties {
        recipient,
        provider,
        providers,
    }
}

/// The provider a cue verb defines; else the first one a notice lists; else one defined
/// without a cue (the addressee's company, an order's party, a company given a short name);
/// else the caption's party; else, with a diagnostic, the addressee's organization.
fn provider_of(
    layout: &Layout<'_>,
    body: &[Cow<'_, str>],
    providers: &[Provider],
    organization: Option<&str>,
    caption: Option<String>,
    diagnostics: &mut Diagnostics,
) -> Option<Provider> {
    let named = |name: String| Provider {
        name,
        short_name: None,
    };
    let provider = body
        .iter()
        .find_map(|p| provider::defined(p))
        .map(|(p, _)| provider::completed(p, organization))
        .or_else(|| providers.first().cloned())
        .or_else(|| {
            let names: Vec<&str> = organization.into_iter().chain(caption.as_deref()).collect();
            body.iter()
                .find_map(|p| provider::defined_anywhere(p, &names))
                .map(|(p, _)| p)
        })
        .or_else(|| caption.map(named));
    if provider.is_some() {
        return provider;
    }
    let (severity, message) = match organization {
        Some(_) => (
            Severity::Info,
            "the provider is not defined in the text; the recipient's organization is used",
        ),
        None => (Severity::Warning, "no provider found"),
    };
    diagnostics.push(Diagnostic::new(
        severity,
        DiagnosticCode::MissingProvider,
        layout.span(layout.parts.header.clone()),
        message,
    ));
    organization.map(|name| named(name.to_owned()))
}

/// Which template: orders by their caption title, notices by their subject, letters that
/// tell the provider to cease, or say it is apparently carrying illegal robocall traffic, as
/// cease-and-desist letters.
fn kind(header: &str, subject: Option<&str>, body: &[Cow<'_, str>], is_letter: bool) -> NoticeKind {
    use crate::cues::{self, FINAL_ORDER, INITIAL_ORDER, PUBLIC_NOTICE_BODY, SUSPECTED_TRAFFIC};
    let upper = header.to_ascii_uppercase();
    if upper.contains(FINAL_ORDER) {
        NoticeKind::FinalDetermination
    } else if upper.contains(INITIAL_ORDER) {
        NoticeKind::InitialDetermination
    } else if subject.is_some_and(|s| s.to_ascii_lowercase().contains(SUSPECTED_TRAFFIC)) {
        NoticeKind::SuspectedIllegalTraffic
    } else if !is_letter
        && (cues::PUBLIC_NOTICE_TITLES.iter().any(|t| upper.contains(t))
            || body.iter().take(3).any(|p| p.contains(PUBLIC_NOTICE_BODY)))
    {
        NoticeKind::PublicNotice
    } else if is_letter && body.iter().any(|p| cues::tells_to_cease(p)) {
        NoticeKind::CeaseAndDesist
    } else {
        NoticeKind::Other
    }
}

/// One deadline per kind: the first phrase that states a date, else the first phrase.
fn deadlines(
    layout: &Layout<'_>,
    date: Option<chrono::NaiveDate>,
    diagnostics: &mut Diagnostics,
) -> Vec<Deadline> {
    let mut chosen: Vec<deadline::Phrase> = Vec::new();
    for piece in layout.parts.body.iter().flat_map(|p| &p.pieces) {
        for phrase in deadline::phrases(layout.slice(piece.clone())) {
            let phrase = phrase.shifted(piece.start);
            match chosen.iter_mut().find(|c| c.kind == phrase.kind) {
                Some(c) if c.stated.is_none() && phrase.stated.is_some() => *c = phrase,
                Some(_) => {}
                None => chosen.push(phrase),
            }
        }
    }
    chosen
        .into_iter()
        .map(|phrase| {
            let due = date.and_then(|d| phrase.due(d));
            if let (Some(letter), Some(due), Some((stated, range))) = (date, due, &phrase.stated) {
                if due != *stated {
                    diagnostics.push(Diagnostic::new(
                        Severity::Warning,
                        DiagnosticCode::DueDateMismatch,
                        layout.span(range.clone()),
                        format!(
                            "the letter states {stated}, but {} after {letter} is {due}",
                            phrase.within()
                        ),
                    ));
                }
            }
            Deadline {
                kind: phrase.kind,
                within: phrase.within(),
                due,
                stated: phrase.stated.as_ref().map(|(d, _)| *d),
                span: layout.span(phrase.range.clone()),
            }
        })
        .collect()
}

fn signatory(
    layout: &Layout<'_>,
    diagnostics: &mut Diagnostics,
) -> Option<crate::model::Signatory> {
    let (closing, found) = match layout.parts.closing.clone() {
        Some(closing) => {
            let lines = layout
                .parts
                .signature
                .iter()
                .map(|r| layout.slice(r.clone()));
            (closing, signatory::signatory(lines))
        }
        // A collapsed copy: the block runs on after the closing, inside running text.
        None => {
            let run_in = layout.run_in.as_ref()?;
            (run_in.closing.clone(), signatory::collapsed(&run_in.block))
        }
    };
    if found.is_none() {
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            DiagnosticCode::MissingSignatory,
            layout.span(closing),
            "no signatory block after the closing",
        ));
    }
    found
}

fn footnotes(layout: &Layout<'_>, found: &[Found], diagnostics: &mut Diagnostics) -> Vec<Footnote> {
    let notes: Vec<Footnote> = layout
        .parts
        .footnotes
        .iter()
        .map(|f| {
            let pieces = || std::iter::once(&f.range).chain(&f.more);
            let citations = pieces()
                .flat_map(|piece| within(found, piece.clone()))
                .collect();
            let text = squash(&joined(layout, pieces()));
            Footnote {
                number: f.number,
                text,
                citations,
                span: layout.span(f.range.clone()),
                mark: layout
                    .marks()
                    .iter()
                    .find(|m| m.number == f.number)
                    .map(|m| m.span),
            }
        })
        .collect();
    for mark in layout.marks() {
        if !notes.iter().any(|n| n.number == mark.number) {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                DiagnosticCode::UnmatchedFootnote,
                mark.span,
                format!(
                    "footnote {} is referenced but its text is missing",
                    mark.number
                ),
            ));
        }
    }
    notes
}

/// A letter without a closing, or a text that stops mid-sentence, was cut short.
fn truncation(layout: &Layout<'_>, diagnostics: &mut Diagnostics) {
    // A closing inside a collapsed line (`… Consortium. Sincerely, Kristi Thompson …`) also
    // shows the letter is whole.
    if layout.parts.closing.is_some() || layout.run_in.as_ref().is_some_and(|r| r.letter) {
        return;
    }
    let Some(last) = layout.parts.last_text.clone() else {
        return;
    };
    let text = layout.slice(last.clone());
    let mid_sentence = !ends_sentence(text);
    if layout.parts.salutation.is_some() || mid_sentence {
        let word = text.split_whitespace().last().unwrap_or("");
        let start = last.start + offset_in(text, word);
        let span = layout.span(start..start + word.len());
        let what = if mid_sentence {
            "the text stops mid-sentence"
        } else {
            "the letter has no closing"
        };
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            DiagnosticCode::Truncated,
            span,
            format!(
                "the document looks truncated: {what}; the facts before this point were parsed"
            ),
        ));
    }
}
