//! Ruled tables on a PDF page: the grid their rulings draw, and the glyphs of each cell.

use super::content::{Glyph, PageContent, Segment};
use super::text::{lines, Scratch};

/// A ruling is thinner than this …
const RULING_WIDTH: f32 = 1.0;
/// … and longer than this.
const RULING_LENGTH: f32 = 2.0;
/// Rulings within this of each other meet, or are one.
const RULING_SLACK: f32 = 3.0;
/// A glyph's centre stands this many ems above its baseline.
const GLYPH_CENTRE: f32 = 0.3;

/// A ruled table: the x of its column rules and the y of its row rules.
#[derive(Debug)]
pub(super) struct Grid {
    xs: Vec<f32>,
    ys: Vec<f32>,
}

/// Sorted positions with those within `tolerance` merged.
fn snap(mut values: Vec<f32>, tolerance: f32) -> Vec<f32> {
    values.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    for v in values {
        match out.last() {
            Some(&last) if v - last <= tolerance => {}
            _ => out.push(v),
        }
    }
    out
}

/// Most cells a grid may have: far more than any page's table (a page of Attachment A has a
/// few hundred); rulings that would make more are not a table.
const MAX_GRID_CELLS: usize = 1 << 16;

/// A position as a key that orders as the position does (no NaN comes here; -0 is 0).
fn ordered(v: f32) -> u32 {
    let bits = (v + 0.0).to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    }
}

/// The `across` positions of the rulings `lines` that meet one of `crossing`: `lines` run
/// along one axis at `at` (their position across it), from `lo` to `hi`; so do `crossing`,
/// on the other axis. A sweep along `lines`' axis: each crossing ruling is active from its
/// `lo - slack` to its `hi + slack`, and a line meets one when an active crossing ruling stands
/// within its own span (± slack): O(n log n), not every pair.
fn meeting(lines: &[Span], crossing: &[Span]) -> Vec<f32> {
    let mut starts: Vec<&Span> = crossing.iter().collect();
    starts.sort_by(|a, b| (a.lo - RULING_SLACK).total_cmp(&(b.lo - RULING_SLACK)));
    let mut ends: Vec<&Span> = crossing.iter().collect();
    ends.sort_by(|a, b| (a.hi + RULING_SLACK).total_cmp(&(b.hi + RULING_SLACK)));
    let mut queries: Vec<&Span> = lines.iter().collect();
    queries.sort_by(|a, b| a.at.total_cmp(&b.at));
    let (mut starts, mut ends) = (starts.into_iter().peekable(), ends.into_iter().peekable());
    let mut active: std::collections::BTreeMap<u32, usize> = std::collections::BTreeMap::new();
    let mut out = Vec::new();
    for line in queries {
        while let Some(c) = starts.next_if(|c| c.lo - RULING_SLACK <= line.at) {
            *active.entry(ordered(c.at)).or_default() += 1;
        }
        while let Some(c) = ends.next_if(|c| c.hi + RULING_SLACK < line.at) {
            let key = ordered(c.at);
            if let Some(n) = active.get_mut(&key) {
                *n -= 1;
                if *n == 0 {
                    active.remove(&key);
                }
            }
        }
        let (lo, hi) = (
            ordered(line.lo - RULING_SLACK),
            ordered(line.hi + RULING_SLACK),
        );
        if active.range(lo..=hi).next().is_some() {
            out.push(line.at);
        }
    }
    out
}

/// A ruling along one axis: at `at` across it, from `lo` to `hi` along it.
#[derive(Debug, Clone, Copy)]
struct Span {
    at: f32,
    lo: f32,
    hi: f32,
}

impl Grid {
    /// A grid of at least two columns and two rows drawn with rulings, if the page has one
    /// (and it has at most [`MAX_GRID_CELLS`] cells).
    pub(super) fn find(rules: &[Segment]) -> Option<Grid> {
        let horizontal: Vec<Span> = rules
            .iter()
            .filter(|s| (s.y0 - s.y1).abs() < RULING_WIDTH && (s.x0 - s.x1).abs() > RULING_LENGTH)
            .map(|h| Span {
                at: h.y0,
                lo: h.x0.min(h.x1),
                hi: h.x0.max(h.x1),
            })
            .collect();
        let vertical: Vec<Span> = rules
            .iter()
            .filter(|s| (s.x0 - s.x1).abs() < RULING_WIDTH && (s.y0 - s.y1).abs() > RULING_LENGTH)
            .map(|v| Span {
                at: v.x0,
                lo: v.y0.min(v.y1),
                hi: v.y0.max(v.y1),
            })
            .collect();
        // Only rulings that meet a ruling of the other direction belong to a grid: a
        // vertical one at x within a horizontal one's span (± slack), which stands at a y
        // within the vertical one's.
        let hs = meeting(&horizontal, &vertical);
        let vs = meeting(&vertical, &horizontal);
        let (xs, ys) = (snap(vs, RULING_SLACK), snap(hs, RULING_SLACK));
        let cells = (xs.len().saturating_sub(1)).saturating_mul(ys.len().saturating_sub(1));
        (xs.len() >= 3 && ys.len() >= 3 && cells <= MAX_GRID_CELLS).then_some(Grid { xs, ys })
    }

    pub(super) fn contains(&self, g: &Glyph) -> bool {
        let (cx, cy) = (g.x + g.width / 2.0, g.y - g.size * GLYPH_CENTRE);
        match (
            self.xs.first(),
            self.xs.last(),
            self.ys.first(),
            self.ys.last(),
        ) {
            (Some(&x0), Some(&x1), Some(&y0), Some(&y1)) => {
                cx > x0 && cx < x1 && cy > y0 && cy < y1
            }
            _ => false,
        }
    }

    /// Each row's cells (lines inside a cell joined with a space), joined by tabs, with the
    /// row's top y; rows without text are left out. Only the cells glyphs fall in are built.
    pub(super) fn rows<'g>(
        &self,
        page: &PageContent,
        glyphs: &[&'g Glyph],
        scratch: &mut Scratch<'g>,
    ) -> Vec<(f32, String)> {
        let columns = self.xs.len().saturating_sub(1);
        let rows = self.ys.len().saturating_sub(1);
        let cells = columns * rows;
        // (cell, glyph) for the glyphs in a cell, by cell (in page order within one).
        let mut placed: Vec<(usize, &Glyph)> = glyphs
            .iter()
            .filter_map(|&g| {
                let (cx, cy) = (g.x + g.width / 2.0, g.y - g.size * GLYPH_CENTRE);
                let col = self.xs.partition_point(|&x| x < cx).saturating_sub(1);
                let row = self.ys.partition_point(|&y| y < cy).saturating_sub(1);
                let cell = row * columns + col;
                (cell < cells).then_some((cell, g))
            })
            .collect();
        placed.sort_by_key(|&(cell, _)| cell);
        let mut out = Vec::new();
        let mut rest = placed.as_slice();
        let mut cell_text = String::new();
        let mut here_glyphs: Vec<&Glyph> = Vec::new();
        while let Some(&(first, _)) = rest.first() {
            let r = first / columns.max(1);
            let end = rest.partition_point(|&(cell, _)| cell < (r + 1) * columns);
            let (row_glyphs, after) = rest.split_at(end);
            rest = after;
            let mut text = String::new();
            let mut any = false;
            let mut cell_rest = row_glyphs;
            for c in 0..columns {
                let cell = r * columns + c;
                let n = cell_rest.partition_point(|&(i, _)| i <= cell);
                let (here, after) = cell_rest.split_at(n);
                cell_rest = after;
                if c > 0 {
                    text.push('\t');
                }
                here_glyphs.clear();
                here_glyphs.extend(here.iter().map(|&(_, g)| g));
                cell_text.clear();
                let mut first_line = true;
                for line in lines(page, &here_glyphs, &mut cell_text, scratch) {
                    if !first_line {
                        text.push(' ');
                    }
                    first_line = false;
                    any = true;
                    text.push_str(line.text(&cell_text));
                }
            }
            if any {
                if let Some(&top) = self.ys.get(r) {
                    out.push((top, text));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rulings that meet one of the other direction, every pair compared (the reference
    /// the sweep must agree with).
    fn meeting_pairs(rules: &[Segment]) -> (Vec<f32>, Vec<f32>) {
        let horizontal: Vec<&Segment> = rules
            .iter()
            .filter(|s| (s.y0 - s.y1).abs() < RULING_WIDTH && (s.x0 - s.x1).abs() > RULING_LENGTH)
            .collect();
        let vertical: Vec<&Segment> = rules
            .iter()
            .filter(|s| (s.x0 - s.x1).abs() < RULING_WIDTH && (s.y0 - s.y1).abs() > RULING_LENGTH)
            .collect();
        let meets = |h: &Segment, v: &Segment| {
            let (hx0, hx1) = (h.x0.min(h.x1), h.x0.max(h.x1));
            let (vy0, vy1) = (v.y0.min(v.y1), v.y0.max(v.y1));
            v.x0 >= hx0 - RULING_SLACK
                && v.x0 <= hx1 + RULING_SLACK
                && h.y0 >= vy0 - RULING_SLACK
                && h.y0 <= vy1 + RULING_SLACK
        };
        let hs = horizontal
            .iter()
            .filter(|h| vertical.iter().any(|v| meets(h, v)))
            .map(|h| h.y0)
            .collect();
        let vs = vertical
            .iter()
            .filter(|v| horizontal.iter().any(|h| meets(h, v)))
            .map(|v| v.x0)
            .collect();
        (snap(vs, RULING_SLACK), snap(hs, RULING_SLACK))
    }

    /// The sweep finds the rulings that every pair compared finds, on random rulings (near
    /// misses, zeros of both signs, infinities).
    #[test]
    fn sweep_agrees_with_every_pair() {
        fn next(seed: &mut u64) -> u64 {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            *seed
        }
        fn coordinate(seed: &mut u64) -> f32 {
            match next(seed) % 16 {
                0 => 0.0,
                1 => -0.0,
                2 => f32::INFINITY,
                3 => f32::NEG_INFINITY,
                _ => (next(seed) % 400) as f32 / 4.0 - 20.0,
            }
        }
        let seed = &mut 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..2_000 {
            let n = (next(seed) % 12) as usize;
            let rules: Vec<Segment> = (0..n)
                .map(|i| {
                    let (a, b, c) = (coordinate(seed), coordinate(seed), coordinate(seed));
                    let d = c + (next(seed) % 8) as f32 / 8.0;
                    if i % 2 == 0 {
                        Segment {
                            x0: a,
                            y0: c,
                            x1: b,
                            y1: d,
                        }
                    } else {
                        Segment {
                            x0: c,
                            y0: a,
                            x1: d,
                            y1: b,
                        }
                    }
                })
                .collect();
            let horizontal: Vec<Span> = rules
                .iter()
                .filter(|s| {
                    (s.y0 - s.y1).abs() < RULING_WIDTH && (s.x0 - s.x1).abs() > RULING_LENGTH
                })
                .map(|h| Span {
                    at: h.y0,
                    lo: h.x0.min(h.x1),
                    hi: h.x0.max(h.x1),
                })
                .collect();
            let vertical: Vec<Span> = rules
                .iter()
                .filter(|s| {
                    (s.x0 - s.x1).abs() < RULING_WIDTH && (s.y0 - s.y1).abs() > RULING_LENGTH
                })
                .map(|v| Span {
                    at: v.x0,
                    lo: v.y0.min(v.y1),
                    hi: v.y0.max(v.y1),
                })
                .collect();
            let swept = (
                snap(meeting(&vertical, &horizontal), RULING_SLACK),
                snap(meeting(&horizontal, &vertical), RULING_SLACK),
            );
            assert_eq!(swept, meeting_pairs(&rules), "{rules:?}");
        }
    }

    /// A grid of more cells than any table is no table.
    #[test]
    fn huge_grids_are_not_tables() {
        let rules = |n: usize| -> Vec<Segment> {
            (0..n)
                .flat_map(|i| {
                    let p = i as f32 * 5.0;
                    [
                        Segment {
                            x0: 0.0,
                            y0: p,
                            x1: 5.0 * n as f32,
                            y1: p,
                        },
                        Segment {
                            x0: p,
                            y0: 0.0,
                            x1: p,
                            y1: 5.0 * n as f32,
                        },
                    ]
                })
                .collect()
        };
        assert!(Grid::find(&rules(200)).is_some());
        assert!(Grid::find(&rules(300)).is_none());
    }

    #[test]
    fn snapping() {
        assert_eq!(
            snap(vec![10.0, 72.0, 71.0, 200.0, 12.5], 3.0),
            [10.0, 71.0, 200.0]
        );
    }

    #[test]
    fn grids_need_crossing_rulings() {
        let h = |y: f32| Segment {
            x0: 72.0,
            y0: y,
            x1: 300.0,
            y1: y,
        };
        let v = |x: f32| Segment {
            x0: x,
            y0: 100.0,
            x1: x,
            y1: 200.0,
        };
        let grid =
            Grid::find(&[h(100.0), h(150.0), h(200.0), v(72.0), v(150.0), v(300.0)]).unwrap();
        assert_eq!((grid.xs.len(), grid.ys.len()), (3, 3));
        // A footnote rule and link underlines alone are no table.
        assert!(Grid::find(&[
            h(700.0),
            Segment {
                x0: 72.0,
                y0: 720.0,
                x1: 160.0,
                y1: 720.0
            }
        ])
        .is_none());
    }
}
