//! Plain text, like `fixtures/letters/2021-04-13-r-squared-telecom-plain.txt`: no markup,
//! footnote marks glued to the word (`calls.1`), footnote lines starting with their number,
//! page breaks as form feeds, Attachment A as tab-separated rows.
//!
//! Three page styles are drawn: the fixture's (a form feed where the markdown has its `---`
//! rule, then the page's footnotes), a printed page's (footnotes, a page number, then the form
//! feed), and endnotes (every footnote after the signature, as in several synthetic fixtures).

use super::doc::{Align, Doc};
use super::paginate::{self, item_marker, render_words, Lead, Piece, Style, WIDTH};
use super::rng::Rng;

/// Where footnotes and page breaks go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageStyle {
    /// `body \n\n\f\n\n footnotes \n\n next page` (the plain fixture).
    FeedThenNotes,
    /// `body \n\n footnotes \n [page number] \n\f next page`.
    NotesThenFeed,
    /// No page breaks; all footnotes after the closing.
    Endnotes,
}

/// The choices of one plain rendering.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub page_len: usize,
    pub pages: PageStyle,
    /// Hard-wrap prose at about 90 columns.
    pub wrap: bool,
    /// Centre centred line blocks with spaces.
    pub center: bool,
    /// Print the running header at the top of each page after the first.
    pub running_header: bool,
    /// Print page numbers (when the document has them and the page style allows).
    pub page_numbers: bool,
    /// Lettered items as `(a)`.
    pub paren: bool,
    /// A tab after an order paragraph's number.
    pub number_tab: bool,
    /// Attachment A rows per page: first page, then the others.
    pub table_first: usize,
    pub table_rest: usize,
    /// Repeat the table header on each page of the table.
    pub repeat_header: bool,
}

impl Options {
    /// Draws the options of a plain rendering.
    pub fn draw(rng: &mut Rng) -> Options {
        Options {
            page_len: rng.range(44, 60),
            pages: [
                PageStyle::FeedThenNotes,
                PageStyle::NotesThenFeed,
                PageStyle::Endnotes,
            ][rng.weighted(&[3, 3, 1])],
            wrap: rng.chance(0.25),
            center: rng.chance(0.3),
            running_header: rng.chance(0.8),
            page_numbers: rng.chance(0.7),
            paren: rng.chance(0.3),
            number_tab: rng.chance(0.5),
            table_first: rng.range(8, 20),
            table_rest: rng.range(12, 40),
            repeat_header: rng.chance(0.4),
        }
    }
}

fn wrap(text: &str, indent: &str) -> String {
    let mut out = String::new();
    let mut col = 0;
    for w in text.split(' ') {
        let len = w.chars().count();
        if col > 0 && col + 1 + len > WIDTH {
            out.push('\n');
            out.push_str(indent);
            col = indent.len();
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(w);
        col += len;
    }
    out
}

/// Renders `doc` as plain text with drawn options.
pub fn render(doc: &Doc, rng: &mut Rng) -> String {
    let options = Options::draw(rng);
    render_with(doc, &options)
}

/// Renders `doc` as plain text with the given options.
pub fn render_with(doc: &Doc, o: &Options) -> String {
    let pages = if o.pages == PageStyle::Endnotes {
        // One long page: footnotes at its end.
        paginate::paginate(doc, usize::MAX / 4)
    } else {
        paginate::paginate(doc, o.page_len)
    };
    let style = Style {
        italic: None,
        mark: |n| n.to_string(),
        text: |s| s.to_string(),
    };
    let footnote = |n: u32| {
        let t = format!("{n} {}", doc.footnotes[n as usize - 1]);
        if o.wrap {
            wrap(&t, "")
        } else {
            t
        }
    };
    let mut out = String::new();
    let page_count = pages.len();
    for (pi, page) in pages.iter().enumerate() {
        let mut parts: Vec<(String, bool)> = Vec::new();
        if pi > 0 && o.running_header {
            if let Some(h) = &doc.running_header {
                let pad = WIDTH.saturating_sub(h.left.len() + h.right.len()).max(1);
                parts.push((format!("{}{}{}", h.left, " ".repeat(pad), h.right), false));
            }
        }
        for piece in &page.pieces {
            let (text, tight) = match piece {
                Piece::Lines { lines, align, .. } => {
                    let lines: Vec<String> = lines
                        .iter()
                        .map(|l| match align {
                            Align::Center if o.center => {
                                format!("{}{l}", " ".repeat(WIDTH.saturating_sub(l.len()) / 2))
                            }
                            Align::Right if o.center => {
                                format!("{}{l}", " ".repeat(WIDTH.saturating_sub(l.len())))
                            }
                            _ => l.clone(),
                        })
                        .collect();
                    (lines.join("\n"), false)
                }
                Piece::Heading { text, align } => match align {
                    Align::Center if o.center && text.len() < WIDTH => (
                        format!("{}{text}", " ".repeat((WIDTH - text.len()) / 2)),
                        false,
                    ),
                    _ => (if o.wrap { wrap(text, "") } else { text.clone() }, false),
                },
                Piece::Signature(s) => (s.clone(), false),
                Piece::Gap => continue,
                Piece::Text {
                    lead,
                    run_in,
                    words,
                    list,
                } => {
                    let body = render_words(words, &style);
                    let head = match (lead, list) {
                        (Lead::Item(i), Some(s)) => format!("{} ", item_marker(*s, *i, o.paren)),
                        (Lead::Number(n), _) if o.number_tab => format!("{n}.\t"),
                        (Lead::Number(n), _) => format!("{n}. "),
                        _ => String::new(),
                    };
                    let run = run_in.as_ref().map_or(String::new(), |r| format!("{r} "));
                    let text = format!("{head}{run}{body}");
                    let indent = if list.is_some() { "   " } else { "" };
                    let tight = list.is_some() && matches!(lead, Lead::Item(i) if *i > 0);
                    (if o.wrap { wrap(&text, indent) } else { text }, tight)
                }
            };
            parts.push((text, tight));
        }
        for (i, (text, tight)) in parts.iter().enumerate() {
            if i > 0 {
                out.push_str(if *tight { "\n" } else { "\n\n" });
            }
            out.push_str(text);
        }
        let last = pi + 1 == page_count;
        let notes: Vec<String> = match o.pages {
            PageStyle::Endnotes if last => (1..=doc.footnotes.len() as u32).map(footnote).collect(),
            PageStyle::Endnotes => Vec::new(),
            _ => page.footnotes.iter().map(|&n| footnote(n)).collect(),
        };
        match o.pages {
            PageStyle::FeedThenNotes => {
                if !notes.is_empty() || !last {
                    out.push_str("\n\n\u{c}\n\n");
                    for n in &notes {
                        out.push_str(n);
                        out.push_str("\n\n");
                    }
                } else {
                    out.push_str("\n\n");
                }
            }
            PageStyle::NotesThenFeed | PageStyle::Endnotes => {
                out.push_str("\n\n");
                for n in &notes {
                    out.push_str(n);
                    out.push_str("\n\n");
                }
                if !last {
                    if o.page_numbers && doc.page_numbers {
                        out.push_str(&format!("{}{}\n", " ".repeat(WIDTH / 2), pi + 1));
                    }
                    out.push_str("\u{c}\n");
                }
            }
        }
    }
    if let Some(table) = &doc.table {
        if o.pages != PageStyle::Endnotes && o.page_numbers && doc.page_numbers {
            out.push_str(&format!("{}{}\n", " ".repeat(WIDTH / 2), page_count));
        }
        if o.pages != PageStyle::Endnotes {
            out.push_str("\u{c}\n");
        }
        out.push_str(&table.title);
        out.push_str("\n\n");
        let header = table.header.join("\t");
        out.push_str(&header);
        let ranges = paginate::table_pages(table.rows.len(), o.table_first, o.table_rest);
        for (i, range) in ranges.into_iter().enumerate() {
            if i > 0 {
                if o.repeat_header {
                    if o.page_numbers && doc.page_numbers {
                        out.push_str(&format!("\n\n{}{}", " ".repeat(WIDTH / 2), page_count + i));
                    }
                    out.push_str("\n\u{c}\n");
                    out.push_str(&header);
                } else {
                    out.push('\n');
                }
            }
            for row in &table.rows[range] {
                out.push('\n');
                out.push_str(&row.join("\t"));
            }
        }
        out.push('\n');
    } else {
        while out.ends_with("\n\n") {
            out.pop();
        }
    }
    out
}
