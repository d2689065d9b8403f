//! Providers listed in a document: bulleted, numbered or run-on lists of entities.

use super::*;

/// Bullet glyphs of a list of providers: `• Call Pipe`, `· Urth Access, LLC`, `▪ …`.
pub(super) const GLYPHS: [char; 3] = ['•', '·', '▪'];

/// Lowercase words an entity's name may hold: `Bank of Calls`, `Voz de la Gente`.
pub(super) const NAME_SMALL_WORDS: &[&str] = &[
    "&", "and", "of", "the", "for", "de", "la", "del", "d/b/a", "dba", "a/k/a", "aka", "f/k/a",
];

/// Whether `name` reads as an entity's name rather than a sentence: one to ten words, each
/// capitalised (or a number, an initial, a company suffix), but for a few small words (`of`,
/// `&`, `d/b/a`); no sentence end or colon inside. `Promptly investigate the calls identified
/// above` and `Within 48 hours, inform the Commission` are steps, not names.
pub(super) fn is_entity_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    (1..=10).contains(&words.len())
        && !name.contains([':', '"', '“', '”'])
        && words.iter().enumerate().all(|(i, w)| {
            let bare = w.trim_end_matches([',', ';']);
            let capital = bare.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
            let small = i > 0 && NAME_SMALL_WORDS.contains(&bare);
            // A period only after an abbreviation (`Inc.`, `Co.`), an initial (`A.`) or a
            // dotted suffix (`L.L.C.`); a sentence's last word may not end the name.
            let period_ok = match bare.strip_suffix('.') {
                Some(stem) => {
                    is_abbreviation(stem)
                        || COMPANY_SUFFIXES.contains(&bare)
                        || stem.chars().count() == 1
                        || stem.contains('.')
                        || i == last
                }
                None => true,
            };
            (capital || small) && period_ok
        })
}

/// Where an item of a list ends: at a `;`, a sentence's end (not `Inc.`; a company suffix's
/// period ends the name unless a parenthesised short name follows: `Ironwood Data Corp.
/// (Ironwood Data)`), an inline footnote (`Call Pipe 1 The Cox/Jones/…`, or glued: `Call
/// Pipe1The …`) or `(collectively`.
/// Returns the end of the text kept.
pub(super) fn item_end(text: &str) -> usize {
    let ends =
        regex!(r"\s[0-9]{1,3}\s+[A-Z]|[a-z][0-9]{1,3}[A-Z]|;|\.(?:\s|$)|\s\(collectively(?-u:\b)");
    for m in ends.find_iter(text) {
        if m.as_str().starts_with(|c: char| c.is_ascii_lowercase()) {
            // A mark glued between two words (`Call Pipe1The Cox/Jones/…`): the name ends at it.
            return m.start() + 1;
        }
        if !m.as_str().starts_with('.') {
            return m.start();
        }
        let word_start = text
            .get(..m.start())
            .and_then(|b| b.rfind([' ', '\n', '\t', ',']))
            .map_or(0, |i| i + 1);
        let word = text.get(word_start..m.start()).unwrap_or("");
        if !abbreviation_before(text, m.start()) {
            return m.start();
        }
        let suffix = COMPANY_SUFFIXES.contains(&format!("{word}.").as_str());
        let defines = text
            .get(m.end()..)
            .is_some_and(|rest| rest.trim_start().starts_with('('));
        if suffix && !defines {
            return m.start() + 1;
        }
    }
    text.len()
}

/// One named entity of a list: `Pi Telecom LLC (Pi Telecom)`, `Rho Networks, Inc.` or
/// `Northgate Connect (Northgate)`, with a leading `and`, a trailing `;`, `; and`, `,` or
/// sentence end, and an inline footnote number cut off. `None` when it does not read as a
/// name ([`is_entity_name`]): a list of steps is no list of providers.
pub(super) fn item(text: &str) -> Option<Provider> {
    let end = item_end(text);
    let text = text.get(..end).unwrap_or(text).trim();
    let text = text.trim_end_matches([',', ':']).trim_end();
    let text = text
        .strip_suffix(" and")
        .unwrap_or(text)
        .trim_end_matches(',');
    let text = text.strip_prefix("and ").unwrap_or(text).trim();
    if !text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || text.len() > 160 {
        return None;
    }
    let provider = match definition(text) {
        Ok((rest, (name, short))) if rest.trim().is_empty() => Provider {
            name: squash(name.trim().trim_end_matches(',')),
            short_name: Some(squash(short)),
        },
        _ => Provider {
            name: squash(text),
            short_name: None,
        },
    };
    let short_ok = provider
        .short_name
        .as_deref()
        .is_none_or(|s| s.starts_with(char::is_uppercase) && s.split_whitespace().count() <= 6);
    (is_entity_name(&provider.name) && short_ok).then_some(provider)
}

/// Whether a list's lead-in names providers: its last sentence ends with a colon (a footnote
/// number may follow) and speaks of providers, `each of the following voice service providers
/// (the Originating Providers):`.
pub(super) fn introduces_providers(lead: &str) -> bool {
    let lead = lead.trim_end();
    let lead = lead
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    if !lead.ends_with(':') {
        return false;
    }
    // The last sentence: after the last period that ends one.
    let start = lead
        .rmatch_indices(". ")
        .find(|&(at, _)| !abbreviation_before(lead, at))
        .map_or(0, |(at, _)| at + 2);
    let sentence = lead.get(start..).unwrap_or(lead);
    sentence.ends_with(':')
        && (find_words(sentence, "provider").next().is_some()
            || find_words(sentence, "providers").next().is_some())
}

/// Where the bullets of `p` stand: each marker's start and its text's start. A glyph
/// ([`GLYPHS`]) marks an item anywhere; `-`, `–` or `*` followed by a space only at the start of
/// a line or after a colon, `;` or `and` (`Providers): - Alpha LLC; - Beta Inc.`). One pass.
pub(super) fn bullets(p: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Every marker starts with one of these bytes (`-`, `*`, or the lead byte of `·` or of
    // `•`, `▪`, `–`), found by vectorised scans, in text order.
    let bytes = p.as_bytes();
    let mut dots = memchr::memchr_iter(0xC2, bytes).peekable();
    let mut others = memchr::memchr3_iter(b'-', b'*', 0xE2, bytes).peekable();
    let candidates = std::iter::from_fn(|| match (dots.peek(), others.peek()) {
        (Some(a), Some(b)) if a < b => dots.next(),
        (Some(_), None) => dots.next(),
        _ => others.next(),
    });
    for i in candidates {
        let Some(c) = p.get(i..).and_then(|s| s.chars().next()) else {
            continue;
        };
        let end = i + c.len_utf8();
        if GLYPHS.contains(&c) {
            out.push((i, end));
            continue;
        }
        let next_is_space = p
            .get(end..)
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_whitespace);
        if matches!(c, '-' | '–' | '*') && next_is_space {
            let before = p.get(..i).unwrap_or("");
            let line = before.trim_end_matches([' ', '\t']);
            let gap = before.trim_end();
            if line.is_empty()
                || line.ends_with('\n')
                || gap.ends_with([':', ';'])
                || gap.ends_with(" and")
            {
                out.push((i, end));
            }
        }
    }
    out
}

/// The providers a document lists: the bulleted list after a lead-in that names providers
/// (`(the Originating Providers): • Call Pipe • …`, one paragraph per bullet or all in one
/// collapsed paragraph; glyphs `•`, `·`, `▪`, or `-` starting a line), or a numbered collective
/// definition (`(1) Urth Access, LLC (Urth Access); (2) Fire Data LLC; … (collectively, the
/// Student Loan Robocall Operation)`). Every item must read as a name, in list order.
pub(crate) fn listed<S: AsRef<str>>(paragraphs: &[S]) -> Vec<Provider> {
    for (i, p) in paragraphs.iter().enumerate() {
        let p = p.as_ref();
        let marks = bullets(p);
        let lead_end = marks.first().map_or(p.len(), |&(start, _)| start);
        if introduces_providers(p.get(..lead_end).unwrap_or(p)) {
            let mut texts: Vec<&str> = Vec::new();
            bullet_items(p, &marks, &mut texts);
            for q in paragraphs.get(i + 1..).unwrap_or(&[]) {
                let q = q.as_ref();
                let marks = bullets(q);
                let leading = q.len() - q.trim_start().len();
                if marks.first().is_none_or(|&(start, _)| start != leading) {
                    break;
                }
                bullet_items(q, &marks, &mut texts);
            }
            let providers: Option<Vec<Provider>> = texts.iter().map(|t| list_item(t)).collect();
            if let Some(providers) = providers.filter(|p| !p.is_empty()) {
                return providers;
            }
        }
        if marks.is_empty() {
            if let Some(provider) = unmarked_item(p) {
                return vec![provider];
            }
        }
        if let Some(providers) = numbered(p) {
            return providers;
        }
    }
    Vec::new()
}

/// The one item of a list whose bullet was lost in a collapsed copy: the name after a lead-in
/// colon in the middle of the paragraph (`… providers (the Originating Providers): 3 Call
/// Pipe1The Cox/Jones/…`), a footnote mark after the colon skipped.
pub(super) fn unmarked_item(p: &str) -> Option<Provider> {
    let (colon, _) = p
        .match_indices(':')
        .take(MAX_LEAD_COLONS)
        .find(|&(at, _)| introduces_providers(p.get(..=at).unwrap_or("")))?;
    let rest = p.get(colon + 1..)?.trim_start();
    let rest = match rest.split_once(char::is_whitespace) {
        Some((mark, after)) if mark.len() <= 3 && mark.bytes().all(|b| b.is_ascii_digit()) => after,
        _ => rest,
    };
    item(rest)
}

/// How many colons of a paragraph [`unmarked_item`] tries as a list's lead-in.
pub(super) const MAX_LEAD_COLONS: usize = 8;

/// The texts of the items `marks` (from [`bullets`]) start in `p`, each up to the next.
pub(super) fn bullet_items<'a>(p: &'a str, marks: &[(usize, usize)], out: &mut Vec<&'a str>) {
    let mut ends = marks.iter().skip(1).map(|&(start, _)| start);
    for &(_, text) in marks {
        let end = ends.next().unwrap_or(p.len());
        out.push(p.get(text..end).unwrap_or(""));
    }
}

/// An item of a bulleted list. The last item of a paragraph may run on into the prose after
/// it: on the next line (`· Zenith Carrier Services` / `If any of …`), its first line; in a
/// collapsed copy without punctuation (`• Blue Heron Telco LLC If any of the Originating
/// Providers fails …`), the name is cut from the run of capitalised words before the first
/// lowercase one: after its last company suffix or short name (`LLC`, `(Bluejay)`), else
/// before the run's last word, which starts the sentence.
pub(super) fn list_item(text: &str) -> Option<Provider> {
    item(text)
        .or_else(|| {
            let first_line = text.trim_start().split('\n').next()?;
            item(first_line)
        })
        .or_else(|| item(text.get(..run_on_end(text)?)?))
}

/// Where the name ends in an item that runs on into a sentence ([`list_item`]); one pass over
/// its words.
pub(super) fn run_on_end(text: &str) -> Option<usize> {
    let mut last_suffix = None;
    let mut previous_start = None;
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                let word = text.get(s..i).unwrap_or("");
                let bare = word.trim_end_matches(',');
                let capital = bare
                    .trim_start_matches('(')
                    .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
                if !capital && !NAME_SMALL_WORDS.contains(&bare) {
                    // The first lowercase word: the run before it holds the name.
                    return last_suffix.or(previous_start.filter(|&p| p > 0));
                }
                if COMPANY_SUFFIXES.contains(&bare) || bare.ends_with(')') {
                    last_suffix = Some(i);
                }
                previous_start = Some(s);
                start = None;
            }
            _ => {}
        }
    }
    None
}

/// `(1) A (A); (2) B; and (3) C (collectively, the X)`: the items of a numbered collective
/// definition, or `None` when the paragraph has none.
pub(super) fn numbered(p: &str) -> Option<Vec<Provider>> {
    let start = p.find("(1) ")?;
    let rest = p.get(start..)?;
    let end = regex!(r"\(collectively(?-u:\b)").find(rest)?.start();
    let list = rest.get(..end)?;
    let marks = regex!(r"\(([0-9]{1,2})\)\s+");
    let mut providers = Vec::new();
    let mut marks_found = marks.find_iter(list).peekable();
    while let Some(m) = marks_found.next() {
        let until = marks_found.peek().map_or(list.len(), |n| n.start());
        let text = list.get(m.end()..until).unwrap_or("");
        // Each item but the last ends with `;` (or `,`): `(2) Fire Data LLC; (3) …`.
        let closed = text.trim_end();
        let closed = closed.strip_suffix(" and").unwrap_or(closed);
        if marks_found.peek().is_some() && !closed.ends_with([';', ',']) {
            return None;
        }
        providers.push(item(text)?);
    }
    (providers.len() >= 2).then_some(providers)
}
