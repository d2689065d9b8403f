//! Breaks a [`Doc`]'s blocks into pages of lines about 90 characters wide, the way a word
//! processor would, so that the text renderers can print each footnote at the foot of the
//! page where its mark falls and split a paragraph or a list item across a page break.

use super::doc::{Align, Block, Doc, Inline, ListStyle};

/// Characters per line.
pub const WIDTH: usize = 90;

/// A word: the inlines printed without a space between them (a mark is glued to its word).
pub type Word = Vec<Inline>;

/// How a piece of prose starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// A plain paragraph.
    None,
    /// An order's numbered paragraph.
    Number(u32),
    /// The item at this index (from 0) of a list.
    Item(usize),
    /// The rest of a paragraph or item whose beginning is on the previous page.
    Continued,
}

/// A block, or the part of a paragraph that falls on one page.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Lines {
        lines: Vec<String>,
        align: Align,
        bold: bool,
    },
    Heading {
        text: String,
        align: Align,
    },
    Signature(String),
    Gap,
    Text {
        lead: Lead,
        run_in: Option<String>,
        words: Vec<Word>,
        /// The list the piece belongs to.
        list: Option<ListStyle>,
    },
}

/// One page: its pieces and the footnotes whose marks fall on it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub pieces: Vec<Piece>,
    pub footnotes: Vec<u32>,
}

/// Splits inlines into words at spaces.
pub fn words(inlines: &[Inline]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur: Word = Vec::new();
    for inline in inlines {
        let (s, italic) = match inline {
            Inline::Text(s) => (s, false),
            Inline::Italic(s) => (s, true),
            Inline::Mark(_) => {
                cur.push(inline.clone());
                continue;
            }
        };
        for (i, part) in s.split(' ').enumerate() {
            if i > 0 && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if !part.is_empty() {
                cur.push(if italic {
                    Inline::Italic(part.into())
                } else {
                    Inline::Text(part.into())
                });
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn word_len(w: &Word) -> usize {
    w.iter()
        .map(|i| match i {
            Inline::Text(s) | Inline::Italic(s) => s.chars().count(),
            Inline::Mark(n) => n.to_string().len(),
        })
        .sum()
}

fn first_char(w: &Word) -> Option<char> {
    w.iter().find_map(|i| match i {
        Inline::Text(s) | Inline::Italic(s) => s.chars().next(),
        Inline::Mark(_) => None,
    })
}

fn starts_glued(w: &Word) -> bool {
    first_char(w).is_some_and(|c| c.is_ascii_digit() || c == '§' || c == '(')
}

fn ends_glued(w: &Word) -> bool {
    matches!(w.last(), Some(Inline::Text(s) | Inline::Italic(s)) if s == "Id." || s == "id.")
}

/// Greedy line breaking: the index of the first word of each line.
fn breaks(words: &[Word], first_indent: usize) -> Vec<usize> {
    let mut starts = vec![0];
    let mut col = first_indent;
    for (i, w) in words.iter().enumerate() {
        let len = word_len(w);
        // Keep a citation's parts together (`para. 5`, `§ 64.1200`, `Id. at`), as a careful
        // typesetter does: no break before a number or a section sign.
        let glued = i > 0 && (starts_glued(w) || ends_glued(&words[i - 1]));
        if col > 0 && col + 1 + len > WIDTH && i > *starts.last().unwrap() && !glued {
            starts.push(i);
            col = len;
        } else {
            col += if col == 0 { len } else { len + 1 };
        }
    }
    starts
}

/// How many lines a text wraps to.
pub fn height(text: &str) -> usize {
    breaks(&words(&[Inline::Text(text.to_string())]), 0).len()
}

fn marks(words: &[Word]) -> Vec<u32> {
    words
        .iter()
        .flatten()
        .filter_map(|i| {
            if let Inline::Mark(n) = i {
                Some(*n)
            } else {
                None
            }
        })
        .collect()
}

/// A paragraph or list item before line breaking: its lead, run-in heading, text and list.
type TextUnit<'a> = (Lead, Option<String>, &'a [Inline], Option<ListStyle>);

/// Lays the document's blocks out on pages of `page_len` lines (body and footnotes).
pub fn paginate(doc: &Doc, page_len: usize) -> Vec<Page> {
    let mut pages = vec![Page::default()];
    let mut used = 0; // body lines on the current page, blank separators included
    let mut notes = 0; // footnote lines on the current page
    let note_height = |n: u32| height(&doc.footnotes[n as usize - 1]) + 1;

    let new_page = |pages: &mut Vec<Page>, used: &mut usize, notes: &mut usize| {
        pages.push(Page::default());
        *used = 0;
        *notes = 0;
    };

    for block in &doc.blocks {
        let simple = match block {
            Block::Lines { lines, align, bold } => Some((
                Piece::Lines {
                    lines: lines.clone(),
                    align: *align,
                    bold: *bold,
                },
                lines.len(),
            )),
            Block::Heading { text, align } => Some((
                Piece::Heading {
                    text: text.clone(),
                    align: *align,
                },
                height(text),
            )),
            Block::SignatureImage(s) => Some((Piece::Signature(s.clone()), height(s))),
            Block::Gap => Some((Piece::Gap, 1)),
            Block::PageBreak => {
                if !pages.last().unwrap().pieces.is_empty() {
                    new_page(&mut pages, &mut used, &mut notes);
                }
                None
            }
            Block::Para { .. } | Block::List { .. } => None,
        };
        if let Some((piece, h)) = simple {
            if used + h + 1 + notes > page_len && !pages.last().unwrap().pieces.is_empty() {
                new_page(&mut pages, &mut used, &mut notes);
            }
            used += h + 1;
            pages.last_mut().unwrap().pieces.push(piece);
            continue;
        }
        let texts: Vec<TextUnit<'_>> = match block {
            Block::Para {
                run_in,
                number,
                text,
            } => {
                vec![(
                    number.map_or(Lead::None, Lead::Number),
                    run_in.clone(),
                    text.as_slice(),
                    None,
                )]
            }
            Block::List { style, items } => items
                .iter()
                .enumerate()
                .map(|(i, item)| (Lead::Item(i), None, item.as_slice(), Some(*style)))
                .collect(),
            _ => Vec::new(),
        };
        for (lead, run_in, inlines, list) in texts {
            let ws = words(inlines);
            let indent = match lead {
                Lead::Item(_) => 4,
                Lead::Number(_) => 8,
                _ => 0,
            } + run_in.as_ref().map_or(0, |r| r.len() + 1);
            let starts = breaks(&ws, indent);
            let mut piece_start = 0;
            let mut lead = lead;
            let mut run_in = run_in;
            // List items follow each other without a blank line.
            let mut first_sep = if list.is_some() && matches!(lead, Lead::Item(i) if i > 0) {
                0
            } else {
                1
            };
            for (li, &start) in starts.iter().enumerate() {
                let end = starts.get(li + 1).copied().unwrap_or(ws.len());
                let line_marks = marks(&ws[start..end]);
                let extra: usize = line_marks.iter().map(|&n| note_height(n)).sum();
                let sep = if start == piece_start { first_sep } else { 0 };
                let has_content = !pages.last().unwrap().pieces.is_empty() || start > piece_start;
                if used + sep + 1 + notes + extra > page_len && has_content {
                    if start > piece_start {
                        pages.last_mut().unwrap().pieces.push(Piece::Text {
                            lead,
                            run_in: run_in.take(),
                            words: ws[piece_start..start].to_vec(),
                            list,
                        });
                        lead = Lead::Continued;
                        piece_start = start;
                    }
                    new_page(&mut pages, &mut used, &mut notes);
                    first_sep = 1;
                }
                let sep = if start == piece_start { first_sep } else { 0 };
                used += sep + 1;
                notes += extra;
                pages.last_mut().unwrap().footnotes.extend(line_marks);
            }
            pages.last_mut().unwrap().pieces.push(Piece::Text {
                lead,
                run_in,
                words: ws[piece_start..].to_vec(),
                list,
            });
        }
    }
    if pages
        .last()
        .is_some_and(|p| p.pieces.is_empty() && p.footnotes.is_empty())
        && pages.len() > 1
    {
        pages.pop();
    }
    pages
}

/// How a renderer prints prose.
pub struct Style {
    /// Italic delimiters (`*`), or `None` for plain text.
    pub italic: Option<&'static str>,
    /// Prints a footnote mark.
    pub mark: fn(u32) -> String,
    /// Rewrites a word of text (e.g. to link an email address).
    pub text: fn(&str) -> String,
}

/// Prints words with single spaces, in `style`.
pub fn render_words(words: &[Word], style: &Style) -> String {
    let mut out = String::new();
    let mut in_italic = false;
    let delim = style.italic.unwrap_or("");
    for (wi, w) in words.iter().enumerate() {
        if wi > 0 {
            let next_italic = matches!(w.first(), Some(Inline::Italic(_)));
            if in_italic && !next_italic {
                out.push_str(delim);
                in_italic = false;
            }
            out.push(' ');
        }
        for piece in w {
            match piece {
                Inline::Text(s) => {
                    if in_italic {
                        out.push_str(delim);
                        in_italic = false;
                    }
                    out.push_str(&(style.text)(s));
                }
                Inline::Italic(s) => {
                    if !in_italic {
                        out.push_str(delim);
                        in_italic = true;
                    }
                    out.push_str(s);
                }
                Inline::Mark(n) => {
                    if in_italic {
                        out.push_str(delim);
                        in_italic = false;
                    }
                    out.push_str(&(style.mark)(*n));
                }
            }
        }
    }
    if in_italic {
        out.push_str(delim);
    }
    out
}

/// The marker of list item `index` (from 0).
pub fn item_marker(style: ListStyle, index: usize, paren: bool) -> String {
    match style {
        ListStyle::Numbered => format!("{}.", index + 1),
        ListStyle::Lettered if paren => format!("({})", (b'a' + index as u8) as char),
        ListStyle::Lettered => format!("{}.", (b'a' + index as u8) as char),
        ListStyle::Bullet => "•".to_string(),
        ListStyle::MiddleDot => "·".to_string(),
    }
}

/// Splits table rows into pages: `first` rows on the first page, `rest` on the others.
pub fn table_pages(rows: usize, first: usize, rest: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut size = first.max(1);
    while start < rows {
        let end = (start + size).min(rows);
        out.push(start..end);
        start = end;
        size = rest.max(1);
    }
    out
}
