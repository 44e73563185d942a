//! Bars of one scale that read the same: a view across sections (the headline view, money,
//! rates) may put "产量" of industry beside "产量" of agriculture; each such bar takes its
//! section's name, so the reader can tell them apart.

use super::{section_title, Group, Target, Tone};
use crate::format::Locale;
use crate::model::Dataset;

/// The longest section name added to a label, in chars; a longer one is cut with "…".
const MAX_SECTION_NAME: usize = 8;

/// Gives every row of `groups` whose label another row of its group shares, from another
/// section, that section's name: "产量（工业生产）".
pub(super) fn tell_sections_apart(ds: &Dataset, groups: &mut [Group], locale: Locale) {
    for g in groups.iter_mut() {
        let shared = shared_across_sections(ds, g);
        for (row, sec) in g.rows.iter_mut().zip(shared) {
            if let Some(id) = sec {
                row.label = format!("{}（{}）", row.label, short_name(&section_title(ds, id, locale)));
            }
        }
    }
}

/// For each row of `g`, its section when another row of `g` reads the same from another
/// section. One pass with a map from label to the first row that reads it (`usize::MAX`
/// once a second section reads it): a view may hold 10^6 rows. The map is the crate's one
/// type (FxHashMap<&str, usize>): another would add hashbrown's code to the wasm again.
fn shared_across_sections<'a>(ds: &'a Dataset, g: &Group) -> Vec<Option<&'a str>> {
    let sections: Vec<Option<&str>> = g.rows.iter().map(|r| section_of(ds, &r.target, r.tone)).collect();
    let mut first: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for (k, (r, sec)) in g.rows.iter().zip(&sections).enumerate() {
        let Some(sec) = sec else { continue };
        match first.get(r.label.as_str()).copied() {
            None => {
                first.insert(r.label.as_str(), k);
            }
            Some(f) if f != usize::MAX && sections.get(f).copied().flatten() != Some(*sec) => {
                first.insert(r.label.as_str(), usize::MAX);
            }
            Some(_) => {}
        }
    }
    let shared = |r: &super::Row| first.get(r.label.as_str()) == Some(&usize::MAX);
    g.rows.iter().zip(sections).map(|(r, sec)| sec.filter(|_| shared(r))).collect()
}

/// The section of a figure's row (none for a derived bar, which repeats its figure's label
/// by design, or a section's row).
fn section_of<'a>(ds: &'a Dataset, target: &Target, tone: Tone) -> Option<&'a str> {
    match target {
        Target::Indicator(i) if tone != Tone::Derived => ds.indicators().get(*i).map(|ind| ind.section.as_str()),
        _ => None,
    }
}

/// A section title without its numbering ("三、", "（一）", "1."), its first phrase, cut to
/// [`MAX_SECTION_NAME`] chars.
fn short_name(title: &str) -> String {
    // Slices of chars, not str::contains: that pulls 5 kB of searcher into the wasm.
    const NUMBERING: [char; 17] =
        ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '、', '（', '）', '(', ')', '.', '．'];
    const CLOSERS: [char; 5] = ['、', '）', ')', '.', '．'];
    const PHRASE_ENDS: [char; 8] = [',', '，', '、', ':', '：', ';', '；', '。'];
    let numbering = |c: char| c.is_ascii_digit() || c == ' ' || NUMBERING.contains(&c);
    let rest = title.trim_start_matches(numbering);
    // Only a numbering that closes (三、, （一）, 1.) is one: 一季度 keeps its 一.
    let number = title.get(..title.len() - rest.len()).unwrap_or("");
    let name = if number.chars().any(|c| CLOSERS.contains(&c)) { rest.trim() } else { title.trim() };
    let name = if name.is_empty() { title.trim() } else { name };
    // "坚持主动担当,扎实做好…": its first phrase.
    let name = name.split(|c: char| PHRASE_ENDS.contains(&c)).next().unwrap_or(name).trim();
    if name.chars().count() <= MAX_SECTION_NAME {
        return name.to_string();
    }
    let mut cut: String = name.chars().take(MAX_SECTION_NAME - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::short_name;

    #[test]
    fn section_names_lose_their_numbering_and_keep_their_first_phrase() {
        assert_eq!(short_name("三、工业生产"), "工业生产");
        assert_eq!(short_name("（一）高效流调溯源"), "高效流调溯源");
        assert_eq!(short_name("一季度经济运行"), "一季度经济运行");
        assert_eq!(short_name("坚持主动担当,扎实做好重大活动安保工作"), "坚持主动担当");
        assert_eq!(short_name("全力以赴稳增长促发展保民生"), "全力以赴稳增长…");
    }
}
