//! Hit-testing (which row is under the pointer, in either layout mode) and tooltip
//! placement.

use super::scene::{DenseBand, Hit, Scene};

impl DenseBand {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn hit(&self, k: usize) -> Option<Hit> {
        let end = *self.ends.get(k)? as f64;
        let y0 = self.y0 + k as f64 * self.pitch;
        let y1 = y0 + self.pitch;
        Some(Hit {
            row: self.first_row + k,
            y0,
            y1,
            bar: self.bars.then(|| [self.base.min(end), y0, self.base.max(end), y1]),
            anchor: (end, (y0 + y1) / 2.0),
        })
    }
}

impl Scene {
    /// The hit index under CSS-pixel point (x, y), if any: a binary search over the row
    /// bands, or arithmetic in dense mode. O(log n) either way.
    pub fn hit_test(&self, x: f64, y: f64) -> Option<usize> {
        if !(x.is_finite() && y.is_finite()) || x < 0.0 || x > self.width || y < 0.0 {
            return None;
        }
        if !self.dense.is_empty() {
            let b = self.dense.partition_point(|d| d.y0 <= y);
            let d = self.dense.get(b.checked_sub(1)?)?;
            let k = ((y - d.y0) / d.pitch).floor();
            return (k >= 0.0 && (k as usize) < d.len()).then(|| d.first_hit + k as usize);
        }
        let i = self.hits.partition_point(|h| h.y0 <= y).checked_sub(1)?;
        (y < self.hits.get(i)?.y1).then_some(i)
    }

    /// How many rows can be hit (the rows shown).
    pub fn hit_count(&self) -> usize {
        self.hits.len() + self.dense.iter().map(|d| d.len()).sum::<usize>()
    }

    /// The place of hit `i`, in either mode.
    pub fn hit(&self, i: usize) -> Option<Hit> {
        if let Some(h) = self.hits.get(i) {
            return Some(h.clone());
        }
        let mut k = i - self.hits.len();
        for d in &self.dense {
            if k < d.len() {
                return d.hit(k);
            }
            k -= d.len();
        }
        None
    }

    /// The hit whose row is `row` (rows and hits differ only when rows were hidden).
    pub fn hit_for_row(&self, row: usize) -> Option<usize> {
        if let Some(d) = self.dense.iter().find(|d| row >= d.first_row && row < d.first_row + d.len()) {
            return Some(d.first_hit + row - d.first_row);
        }
        self.hits.iter().position(|h| h.row == row)
    }

    /// How many rows have a bar (rank rows have none), in either mode.
    pub fn bar_count(&self) -> usize {
        self.hits.iter().filter(|h| h.bar.is_some()).count()
            + self.dense.iter().filter(|d| d.bars).map(|d| d.len()).sum::<usize>()
    }
}

/// Where a tooltip of `size` goes so that it points at `anchor` and stays inside
/// `bounds` (both in CSS px): right of and below the anchor when it fits, else
/// flipped left/up, and always clamped inside the box.
pub fn place_tooltip(anchor: (f64, f64), size: (f64, f64), bounds: (f64, f64)) -> (f64, f64) {
    let gap = 12.0;
    let (ax, ay) = anchor;
    let (w, h) = size;
    let (bw, bh) = bounds;
    let mut x = ax + gap;
    if x + w > bw {
        x = ax - gap - w;
    }
    let mut y = ay + gap;
    if y + h > bh {
        y = ay - gap - h;
    }
    let x = x.min(bw - w).max(0.0);
    let y = y.min(bh - h).max(0.0);
    (x, y)
}
