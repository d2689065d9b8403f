//! Ruled tables on a PDF page: the grid their rulings draw, and the glyphs of each cell.

use super::content::{Glyph, PageContent, Segment};
use super::text::lines;

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

impl Grid {
    /// A grid of at least two columns and two rows drawn with rulings, if the page has one.
    pub(super) fn find(rules: &[Segment]) -> Option<Grid> {
        let horizontal: Vec<&Segment> = rules
            .iter()
            .filter(|s| (s.y0 - s.y1).abs() < RULING_WIDTH && (s.x0 - s.x1).abs() > RULING_LENGTH)
            .collect();
        let vertical: Vec<&Segment> = rules
            .iter()
            .filter(|s| (s.x0 - s.x1).abs() < RULING_WIDTH && (s.y0 - s.y1).abs() > RULING_LENGTH)
            .collect();
        // Only rulings that meet a ruling of the other direction belong to a grid.
        let meets = |h: &Segment, v: &Segment| {
            let (hx0, hx1) = (h.x0.min(h.x1), h.x0.max(h.x1));
            let (vy0, vy1) = (v.y0.min(v.y1), v.y0.max(v.y1));
            v.x0 >= hx0 - RULING_SLACK
                && v.x0 <= hx1 + RULING_SLACK
                && h.y0 >= vy0 - RULING_SLACK
                && h.y0 <= vy1 + RULING_SLACK
        };
        let hs: Vec<f32> = horizontal
            .iter()
            .filter(|h| vertical.iter().any(|v| meets(h, v)))
            .map(|h| h.y0)
            .collect();
        let vs: Vec<f32> = vertical
            .iter()
            .filter(|v| horizontal.iter().any(|h| meets(h, v)))
            .map(|v| v.x0)
            .collect();
        let (xs, ys) = (snap(vs, RULING_SLACK), snap(hs, RULING_SLACK));
        (xs.len() >= 3 && ys.len() >= 3).then_some(Grid { xs, ys })
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

    /// Each row's cells (lines inside a cell joined with a space), with the row's top y.
    pub(super) fn rows(&self, page: &PageContent, glyphs: &[&Glyph]) -> Vec<(f32, Vec<String>)> {
        let columns = self.xs.len().saturating_sub(1);
        let rows = self.ys.len().saturating_sub(1);
        let mut cells: Vec<Vec<&Glyph>> = vec![Vec::new(); columns * rows];
        for g in glyphs {
            let (cx, cy) = (g.x + g.width / 2.0, g.y - g.size * GLYPH_CENTRE);
            let col = self
                .xs
                .iter()
                .filter(|&&x| x < cx)
                .count()
                .saturating_sub(1);
            let row = self
                .ys
                .iter()
                .filter(|&&y| y < cy)
                .count()
                .saturating_sub(1);
            if let Some(cell) = cells.get_mut(row * columns + col) {
                cell.push(g);
            }
        }
        let mut out = Vec::new();
        for (r, top) in self.ys.iter().take(rows).enumerate() {
            let texts: Vec<String> = (0..columns)
                .map(|c| {
                    let cell = cells.get(r * columns + c).map(Vec::as_slice).unwrap_or(&[]);
                    let mut text = String::new();
                    for line in lines(page, cell) {
                        if !text.is_empty() {
                            text.push(' ');
                        }
                        text.push_str(&line.text);
                    }
                    text
                })
                .collect();
            if texts.iter().any(|t| !t.is_empty()) {
                out.push((*top, texts));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
