//! Resolution: what each short form refers to, canonical forms, headings and URLs, and
//! paragraph paths checked against the codes' level order.
//!
//! - A named short form (`Call Blocking Safe Harbor Report and Order, 35 FCC Rcd at 7630`)
//!   refers to the full cite that defined the name in parentheses, wherever it stands;
//!   without a known name, to the nearest full cite of the same reporter and volume.
//! - `Id.` refers to the nearest earlier citation it can stand for: `Id. at 7630` to a
//!   reporter, `Id. § 64.1200(n)(6)` to a code, a bare `Id.` to any. A short form's own
//!   antecedent is followed, so `refers_to` always names a full citation.
//! - `supra note 5` refers to the first full citation of footnote 5 (its first reporter cite
//!   when it pins a page: `supra note 5, at 7630`), or to its name.

use super::sections::look_up;
use super::{Found, Hint, IdForm, Issue, IssueKind, Piece, Scan};
use crate::model::{Citation, CitationKind};
use crate::span::Span;
use std::collections::HashMap;
use std::ops::Range;

/// A name compared loosely: letters and digits only, lower case.
fn loose(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Follows `refers_to` to the full citation at the end of the chain.
fn root(found: &[Found], mut i: usize) -> usize {
    for _ in 0..found.len() {
        match found.get(i).and_then(|f| f.citation.refers_to) {
            Some(next) if next != i => i = next,
            _ => break,
        }
    }
    i
}

fn has_pages(c: &Citation) -> bool {
    c.volume.is_some() && c.section.is_none()
}

fn is_full(c: &Citation) -> bool {
    !matches!(
        c.kind,
        CitationKind::Id | CitationKind::Supra | CitationKind::ShortForm
    )
}

/// Resolves the pieces found in `text` into citations: short forms linked to what they
/// refer to, canonical forms written, sections looked up.
pub(super) fn resolve(
    text: &str,
    pieces: Vec<Piece>,
    footnotes: &[(u32, Range<usize>)],
    span_of: &dyn Fn(Range<usize>) -> Span,
) -> Scan {
    let mut hints = Vec::with_capacity(pieces.len());
    // (Extended, not collected in place: that would copy the whole buffer again to shrink it.)
    let mut found: Vec<Found> = Vec::with_capacity(pieces.len());
    found.extend(pieces.into_iter().map(|p| {
        hints.push(p.hint);
        Found {
            range: p.range,
            citation: p.citation,
        }
    }));
    let mut notes = HashMap::with_capacity(footnotes.len());
    for (n, range) in footnotes {
        notes.entry(*n).or_insert_with(|| range.clone());
    }
    let mut resolver = Resolver {
        text,
        notes,
        definitions: HashMap::new(),
        volumes: None,
        supras: HashMap::new(),
        last_paged: None,
        last_coded: None,
        scan: Scan {
            found,
            issues: Vec::new(),
        },
    };
    // The first full citation defining each name.
    for (i, f) in resolver.scan.found.iter().enumerate() {
        if let Some(name) = &f.citation.name {
            resolver.definitions.entry(loose(name)).or_insert(i);
        }
    }
    // The kind each citation cites as, once resolved (an `Id.` of a docket cites a docket).
    let mut kinds: Vec<CitationKind> = resolver
        .scan
        .found
        .iter()
        .map(|f| f.citation.kind)
        .collect();
    for (i, hint) in hints.iter().enumerate() {
        if *hint == Hint::Full {
            resolver.antecedent(i);
            continue;
        }
        let target = resolver.target(i, hint);
        match target {
            Some(t) => {
                link(&mut resolver.scan.found, i, t, hint);
                if let Some(k) = kinds.get(t).copied() {
                    if let Some(slot) = kinds.get_mut(i) {
                        *slot = k;
                    }
                }
            }
            None => resolver.unresolved(i),
        }
        resolver.antecedent(i);
    }
    let mut scan = resolver.scan;
    for (f, kind) in scan.found.iter_mut().zip(kinds) {
        f.citation.span = span_of(f.range.clone());
        f.citation.canonical = canonical(&f.citation, kind);
        look_up(&mut f.citation, &f.range, &mut scan.issues);
    }
    scan
}

/// How many full citations of a volume a reporter short cite looks back through for one
/// whose first page is at or before its pin (the nearest nearly always is).
const SHORT_LOOKBACK: usize = 64;

/// What resolution reads while it links short forms. Every lookup is indexed, none walks
/// back through the citations, so resolution stays linear however many short forms a text
/// holds (40,000 `Id. at 7630;` with nothing to refer to took 3.6 s when each looked back).
struct Resolver<'t> {
    text: &'t str,
    /// Each footnote's range by its number (the first footnote of a number), for
    /// `supra note N`.
    notes: HashMap<u32, Range<usize>>,
    /// The first full citation defining each (loosely compared) name.
    definitions: HashMap<String, usize>,
    /// The full citations of each reporter volume (series hash, volume) in order; built on
    /// the first short cite.
    volumes: Option<Volumes>,
    /// `supra note N` (pinned or not) answers for notes wholly before the supra.
    supras: HashMap<(u32, bool), Option<usize>>,
    /// The full citation (a chain's end) of the latest citation that cites pages, for
    /// `Id. at 7630`, and of the latest that cites a code section, for `Id. § 64.1200`.
    last_paged: Option<usize>,
    last_coded: Option<usize>,
    scan: Scan,
}

/// The full citations of each reporter volume, by (series hash, volume), in text order.
type Volumes = HashMap<(u64, Option<u32>), Vec<usize>>;

/// A reporter series' hash: the key of [`Resolver::volumes`] (equality is checked after).
fn series_key(series: Option<&str>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    series.hash(&mut h);
    h.finish()
}

impl Resolver<'_> {
    fn citations(&self) -> impl DoubleEndedIterator<Item = &Citation> + ExactSizeIterator {
        self.scan.found.iter().map(|f| &f.citation)
    }

    fn citation(&self, i: usize) -> Option<&Citation> {
        self.scan.found.get(i).map(|f| &f.citation)
    }

    /// The citation that defined the name at `range` of the text, and the name.
    fn by_name(&self, range: &Option<Range<usize>>) -> Option<(usize, &str)> {
        let name = self.text.get(range.clone()?)?;
        self.definitions.get(&loose(name)).map(|&i| (i, name))
    }

    /// The full citation at the end of `i`'s chain of references.
    fn root(&self, i: usize) -> usize {
        root(&self.scan.found, i)
    }

    /// What citation `i`, a short form of shape `hint`, refers to.
    fn target(&mut self, i: usize, hint: &Hint) -> Option<usize> {
        match hint {
            Hint::Full => None,
            Hint::SamePin => i.checked_sub(1).map(|j| self.root(j)),
            Hint::Short(name) => self.short(i, name),
            // A bare `Id.` is the citation just before it, pins and all.
            Hint::Id(IdForm::Bare) => i.checked_sub(1),
            Hint::Id(IdForm::Pin) => self.last_paged,
            Hint::Id(_) => self.last_coded,
            Hint::Supra(note, name) => {
                let named = self.by_name(name).map(|(def, _)| def);
                named.or_else(|| self.supra_note(i, *note))
            }
        }
    }

    /// Notes citation `i`, resolved, as what a later `Id.` may refer to.
    fn antecedent(&mut self, i: usize) {
        let r = self.root(i);
        let Some(c) = self.citation(r) else {
            return;
        };
        let (paged, coded) = (has_pages(c), c.section.is_some() && c.series.is_some());
        if paged {
            self.last_paged = Some(r);
        }
        if coded {
            self.last_coded = Some(r);
        }
    }

    /// A reporter short cite: the full cite that defined its name (the short cite then starts
    /// at the name), else the nearest full cite of the same reporter and volume.
    fn short(&mut self, i: usize, name: &Option<Range<usize>>) -> Option<usize> {
        if let Some((def, name)) = self.by_name(name) {
            let start = name.as_ptr() as usize - self.text.as_ptr() as usize;
            let name = crate::text::squash(name);
            if let Some(f) = self.scan.found.get_mut(i) {
                f.range.start = start;
                let c = &mut f.citation;
                c.text =
                    crate::text::as_read(self.text.get(f.range.clone()).unwrap_or("")).into_owned();
                c.name = Some(name);
            }
            return Some(def);
        }
        let volumes = match self.volumes.take() {
            Some(volumes) => volumes,
            None => {
                let mut volumes = Volumes::new();
                for (j, d) in self.citations().enumerate().filter(|(_, d)| is_full(d)) {
                    let key = (series_key(d.series.as_deref()), d.volume);
                    volumes.entry(key).or_default().push(j);
                }
                volumes
            }
        };
        let answer = self.citation(i).and_then(|c| {
            let (series, volume, pin) = (c.series.as_deref(), c.volume, c.pin);
            let same = |d: &Citation| d.series.as_deref() == series && d.volume == volume;
            let fits = |d: &Citation| d.page.zip(pin).is_none_or(|(page, pin)| page <= pin);
            let list = volumes.get(&(series_key(series), volume))?;
            let of = |j: &&usize| self.citation(**j).filter(|d| same(d));
            let before = list.partition_point(|&j| j < i);
            let earlier = list
                .get(..before)?
                .iter()
                .rev()
                .take(SHORT_LOOKBACK)
                .find(|j| of(j).is_some_and(fits));
            earlier
                .or_else(|| list.iter().find(|j| of(j).is_some()))
                .copied()
        });
        self.volumes = Some(volumes);
        answer
    }

    /// `supra note N`: the first full citation of footnote N; when it pins a page
    /// (`supra note 2, at 7630`), the note's first reporter cite, not a docket named before
    /// it.
    fn supra_note(&mut self, i: usize, number: Option<u32>) -> Option<usize> {
        let number = number?;
        let note = self.notes.get(&number)?.clone();
        let paged = self.citation(i).is_some_and(|c| c.pin.is_some());
        let before = self
            .scan
            .found
            .get(i)
            .is_some_and(|f| note.end <= f.range.start);
        if let Some(known) = self.supras.get(&(number, paged)).filter(|_| before) {
            return *known;
        }
        let answer = self.first_in_note(i, &note, paged);
        if before {
            self.supras.insert((number, paged), answer);
        }
        answer
    }

    /// The first full citation of footnote `note` before citation `i` (its first reporter
    /// cite when `paged`).
    fn first_in_note(&self, i: usize, note: &Range<usize>, paged: bool) -> Option<usize> {
        let found = &self.scan.found;
        let first = found.partition_point(|f| f.range.start < note.start);
        let in_note =
            (first..i).take_while(|&j| found.get(j).is_some_and(|f| f.range.end <= note.end));
        let reporter = |j: &usize| {
            self.citation(*j).is_some_and(|c| {
                matches!(
                    c.kind,
                    CitationKind::FccRecord | CitationKind::FederalRegister
                )
            })
        };
        let mut full = in_note.filter(|&j| self.citation(j).is_some_and(is_full));
        match full.next() {
            Some(j) if paged && !reporter(&j) => full.find(reporter).or(Some(j)),
            found => found,
        }
    }

    /// A short form with nothing to refer to.
    fn unresolved(&mut self, i: usize) {
        let Some(f) = self.scan.found.get(i) else {
            return;
        };
        self.scan.issues.push(Issue {
            range: f.range.clone(),
            kind: IssueKind::Unresolved,
            message: format!("cannot tell what {:?} refers to", f.citation.text),
        });
    }
}

/// Points citation `i` at `t` (or, when `t` is itself a short form, at its full citation)
/// and takes over what `t` cites (only those fields are copied).
fn link(found: &mut [Found], i: usize, t: usize, hint: &Hint) {
    let full = root(found, t);
    let Some((target, c)) = pair(found, t, i) else {
        return;
    };
    let pages = has_pages(target);
    c.refers_to = Some(full).filter(|&f| f != i);
    c.title = target.title;
    c.series.clone_from(&target.series);
    c.volume = target.volume;
    c.page = target.page;
    if c.kind == CitationKind::Supra || c.number.is_none() {
        c.number.clone_from(&target.number);
    }
    c.part.clone_from(&target.part);
    c.subpart.clone_from(&target.subpart);
    if matches!(hint, Hint::Id(IdForm::Bare)) {
        c.section.clone_from(&target.section);
        c.paragraphs.clone_from(&target.paragraphs);
        c.pin = target.pin;
        c.pin_end = target.pin_end;
        c.paragraph_pin = target.paragraph_pin;
        c.paragraph_pin_end = target.paragraph_pin_end;
    } else if c.section.is_none() && !pages {
        c.section.clone_from(&target.section);
        c.paragraphs.clone_from(&target.paragraphs);
    }
    if c.name.is_none() {
        c.name.clone_from(&target.name);
    }
}

/// Citation `t` to read and citation `i` to write (two different ones).
fn pair(found: &mut [Found], t: usize, i: usize) -> Option<(&Citation, &mut Citation)> {
    if t.max(i) >= found.len() {
        return None;
    }
    if t < i {
        let (head, tail) = found.split_at_mut(i);
        Some((&head.get(t)?.citation, &mut tail.first_mut()?.citation))
    } else if t > i {
        let (head, tail) = found.split_at_mut(t);
        Some((&tail.first()?.citation, &mut head.get_mut(i)?.citation))
    } else {
        None
    }
}

/// The decimal digits of `n`, in a stack buffer.
fn digits(n: u32, buf: &mut [u8; 10]) -> &str {
    let mut i = buf.len();
    let mut n = n;
    while let Some(slot) = i.checked_sub(1).and_then(|j| buf.get_mut(j)) {
        *slot = b'0' + (n % 10) as u8;
        i -= 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.get(i..)
        .and_then(|d| std::str::from_utf8(d).ok())
        .unwrap_or("")
}

/// Appends `parts` and numbers to `s` without the formatting machinery (this runs for every
/// citation).
fn push(s: &mut String, parts: &[&str]) {
    parts.iter().for_each(|p| s.push_str(p));
}

pub(super) fn push_num(s: &mut String, n: u32) {
    if n < 100 {
        // (Titles and most pins: no buffer to check.)
        if n >= 10 {
            s.push(char::from(b'0' + (n / 10) as u8));
        }
        s.push(char::from(b'0' + (n % 10) as u8));
        return;
    }
    s.push_str(digits(n, &mut [0; 10]));
}

/// `7628-29`: a page range with the shared leading digits of its end dropped.
fn push_range(s: &mut String, first: u32, end: Option<u32>) {
    let (mut a, mut b) = ([0; 10], [0; 10]);
    let first = digits(first, &mut a);
    s.push_str(first);
    if let Some(end) = end {
        let end = digits(end, &mut b);
        let shared = if first.len() == end.len() {
            first
                .bytes()
                .zip(end.bytes())
                .take_while(|(x, y)| x == y)
                .count()
        } else {
            0
        };
        let keep = end.len() - shared.min(end.len().saturating_sub(2));
        push(s, &["-", end.get(end.len() - keep..).unwrap_or(end)]);
    }
}

fn push_pins(s: &mut String, c: &Citation, lead: &str) {
    if let Some(pin) = c.pin {
        s.push_str(lead);
        push_range(s, pin, c.pin_end);
    }
    if let Some(p) = c.paragraph_pin {
        s.push_str(if c.paragraph_pin_end.is_some() {
            ", paras. "
        } else {
            ", para. "
        });
        push_range(s, p, c.paragraph_pin_end);
    }
}

fn push_path(s: &mut String, c: &Citation) {
    for p in &c.paragraphs {
        push(s, &["(", p, ")"]);
    }
}

/// The canonical form, from the citation's fields and the kind it cites as.
pub(super) fn canonical(c: &Citation, kind: CitationKind) -> String {
    let mut s = String::with_capacity(c.text.len() + 16);
    let series = c.series.as_deref().unwrap_or("");
    let number = c.number.as_deref().unwrap_or("");
    if let (Some(title), Some(section)) = (c.title, &c.section) {
        push_num(&mut s, title);
        push(&mut s, &[" ", series, " § ", section]);
        push_path(&mut s, c);
        if c.et_seq {
            s.push_str(" et seq.");
        }
    } else if let (Some(title), Some(part)) = (c.title, &c.part) {
        push_num(&mut s, title);
        push(&mut s, &[" ", series, " Part ", part]);
        if let Some(sub) = &c.subpart {
            push(&mut s, &[", Subpart ", sub]);
        }
    } else if kind == CitationKind::PublicLaw {
        push(&mut s, &["Pub. L. No. ", number]);
        if let (Some(v), Some(p)) = (c.volume, c.page) {
            s.push_str(", ");
            push_num(&mut s, v);
            s.push_str(" Stat. ");
            push_num(&mut s, p);
        }
    } else if let (Some(v), Some(page)) = (c.volume, c.page) {
        push_num(&mut s, v);
        push(&mut s, &[" ", series, " "]);
        push_num(&mut s, page);
        push_pins(&mut s, c, ", ");
    } else if let (Some(v), CitationKind::ShortForm) = (c.volume, kind) {
        push_num(&mut s, v);
        push(&mut s, &[" ", series, " at "]);
        push_pins(&mut s, c, "");
    } else {
        match kind {
            CitationKind::Docket => push(&mut s, &[series, " No. ", number]),
            CitationKind::FileNumber => push(&mut s, &["File No. ", number]),
            CitationKind::FccDocument => push(&mut s, &[series, " ", number]),
            CitationKind::Supra => {
                s.push_str("supra");
                if !number.is_empty() {
                    push(&mut s, &[" note ", number]);
                }
                push_pins(&mut s, c, ", at ");
            }
            _ => {
                s.push_str("Id.");
                if let Some(section) = &c.section {
                    push(&mut s, &[" § ", section]);
                    push_path(&mut s, c);
                }
                push_pins(&mut s, c, " at ");
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::super::scan;
    use crate::span::Span;

    fn canon(text: &str) -> Vec<(String, Option<usize>)> {
        scan(text, &[], &[], &Span::from, usize::MAX)
            .found
            .iter()
            .map(|f| (f.citation.canonical.clone(), f.citation.refers_to))
            .collect()
    }

    #[test]
    fn resolution() {
        type Case<'a> = (&'a str, &'a [(&'a str, Option<usize>)]);
        let cases: &[Case] = &[
            (
                "Order, 35 FCC Rcd 7614 (2020) (Safe Harbor Order); 47 CFR § 64.1200(k)(4). Id. at 7630, para. 42.",
                &[("35 FCC Rcd 7614", None), ("47 CFR § 64.1200(k)(4)", None), ("35 FCC Rcd 7614, 7630, para. 42", Some(0))],
            ),
            (
                "See Safe Harbor Order, 35 FCC Rcd at 7630, para. 43. Later: Order, 35 FCC Rcd 7614 (2020) (Safe Harbor Order).",
                &[("35 FCC Rcd 7614, 7630, para. 43", Some(1)), ("35 FCC Rcd 7614", None)],
            ),
            (
                "See 47 CFR § 64.1200(n)(5)(iii). Id. § 64.1200(n)(6). Id.",
                &[("47 CFR § 64.1200(n)(5)(iii)", None), ("47 CFR § 64.1200(n)(6)", Some(0)), ("47 CFR § 64.1200(n)(6)", Some(0))],
            ),
            ("Id. at 7630.", &[("Id. at 7630", None)]),
            ("35 FCC Rcd at 7628-29, para. 39", &[("35 FCC Rcd at 7628-29, para. 39", None)]),
            (
                "Order, 36 FCC Rcd 1859, 1903, para. 83 & 1904, para. 86 (2020).",
                &[("36 FCC Rcd 1859, 1903, para. 83", None), ("36 FCC Rcd 1859, 1904, para. 86", Some(0))],
            ),
            ("Safe Harbor Order, supra note 5, at 7630.", &[("supra note 5, at 7630", None)]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, Option<usize>)> =
                want.iter().map(|(c, r)| ((*c).to_owned(), *r)).collect();
            assert_eq!(canon(text), want, "{text}");
        }
    }

    #[test]
    fn numbers() {
        for n in [0, 7, 10, 7630, 4_294_967_295] {
            assert_eq!(super::digits(n, &mut [0; 10]), n.to_string());
        }
        let mut s = String::new();
        super::push_range(&mut s, 7628, Some(7629));
        super::push_range(&mut s, 39, Some(140));
        assert_eq!(s, "7628-2939-140");
    }

    #[test]
    fn supra_by_footnote() {
        let text = "Order, 35 FCC Rcd 7614 (2020). Then: Order, supra note 1, at 7630.";
        let found = scan(text, &[], &[(1, 0..31)], &Span::from, usize::MAX);
        assert_eq!(found.found[1].citation.refers_to, Some(0));
        assert_eq!(found.found[1].citation.canonical, "35 FCC Rcd 7614, 7630");
        assert!(found.issues.is_empty());
        // With a page pin, the note's reporter cite, not the docket named before it.
        let text = "Methods, CG Docket No. 17-59, Order, 35 FCC Rcd 7614 (2020). Then: Order, supra note 1, at 7630.";
        let found = scan(text, &[], &[(1, 0..62)], &Span::from, usize::MAX);
        let supra = &found.found.last().unwrap().citation;
        assert_eq!(supra.refers_to, Some(1));
        assert_eq!(supra.canonical, "35 FCC Rcd 7614, 7630");
    }

    #[test]
    fn headings_and_issues() {
        let found = scan(
            "47 CFR § 64.1200(4)(k); 47 CFR § 64.99999; 47 CFR Part 64, Subpart L; Id. at 5",
            &[],
            &[],
            &Span::from,
            usize::MAX,
        );
        let kinds: Vec<_> = found.issues.iter().map(|i| i.kind).collect();
        use super::super::IssueKind::*;
        assert_eq!(kinds, [Unresolved, InvalidPath, UnknownSection]);
        assert_eq!(
            found.found[0].citation.heading.as_deref(),
            Some("Delivery restrictions.")
        );
        assert_eq!(
            found.found[2].citation.canonical,
            "47 CFR Part 64, Subpart L"
        );
        assert_eq!(
            found.found[2].citation.url.as_deref(),
            Some("https://www.ecfr.gov/current/title-47/part-64/subpart-L")
        );
    }
}
