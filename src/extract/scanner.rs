//! The scanner: walks the text once, finds each number (Arabic digits, Chinese numerals,
//! 第N rankings), leaves out the ones that name rather than count, and hands the rest to
//! [`Scanner::figure`]; it owns the state a figure passes on to the next (the last
//! figure, the 、-joined group, the 分别 list in progress) and the figures found so far.

use super::labels;
use super::numbers::{is_cn_numeral, scan_arabic, scan_chinese};
use super::sections::SectionSpan;
use super::text::{is_boundary, Doc};
use super::trailing::{Direction, Trail};
use super::units::{parse_suffix, Suffix, Unit, UnitClass};
use crate::model::Kind;

/// The power of ten of 万: an amount with 万 or 亿 and no unit is this big or bigger.
pub(super) const WAN_EXP: i32 = 4;
/// How far back before 第 the ranking verb may be, in chars.
const MAX_RANK_VERB_BACK: usize = 10;
/// The largest ranking: 第1001 is an ordinal, not a place in a list.
const MAX_RANK: f64 = 1000.0;
/// The most bare numbers of a 、-list read ahead for the unit they share.
const MAX_SHARED_UNIT_ITEMS: usize = 6;

/// A figure before ids are given.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    /// Index of its section in the outline.
    pub section: usize,
    /// What it counts.
    pub label: String,
    /// The value, scaled (8万 → 80000) and signed.
    pub value: f64,
    /// The unit as reported (元 for 万元).
    pub unit: String,
    /// What sort of figure it is.
    pub kind: Kind,
    /// The text says it is approximate.
    pub approx: bool,
    /// Start of its quote, in chars.
    pub qs: usize,
    /// End of its quote, in chars.
    pub qe: usize,
}

/// The figure just recorded, for the one after it.
#[derive(Debug, Clone)]
pub(super) struct Last {
    /// End of the figure (unit and 以上/左右 included).
    pub end: usize,
    /// Start of its quote.
    pub qs: usize,
    /// Its label.
    pub label: String,
    /// What it said beyond its value.
    pub flags: Flags,
    /// It is where a change starts ("由13677户…减至").
    pub start: bool,
    /// It is a rank (第N).
    pub rank: bool,
}

/// A 分别 list in progress: the names to hand out, and the figures so far.
#[derive(Debug, Clone)]
pub(super) struct Run {
    /// The names, one per figure.
    pub names: Vec<String>,
    /// Indices of the figures so far.
    pub members: Vec<usize>,
    /// The words before the list's first figure: every member's label when the names and
    /// the figures do not pair up.
    pub core: String,
    /// The names with the list split at 、 only ("A、B与C分别…" → A, B与C): used when
    /// they pair up with the figures and the finer names do not.
    pub alt: Vec<String>,
}

/// What a figure said beyond its value, passed on to the next figure of a list
/// ("同比分别上升20.84%、27.9%", "23起28人").
#[derive(Debug, Clone, Default)]
pub(super) struct Flags {
    /// Which way the change goes.
    pub dir: Direction,
    /// Compared with last year.
    pub yoy: bool,
    /// Compared with another baseline.
    pub chain: bool,
    /// 至/到 after the direction: a new level.
    pub level: bool,
    /// 占: a share.
    pub share: bool,
    /// 分别: one figure per item of a list.
    pub each: bool,
    /// The direction word is one a bulletin uses bare (增长, 下降).
    pub bulletin_verb: bool,
    /// 年均: a yearly average over several years.
    pub yearly: bool,
}

impl Flags {
    /// What the words before a figure said.
    pub fn from_trail(t: &Trail) -> Flags {
        Flags {
            dir: t.dir,
            yoy: t.yoy,
            chain: t.chain,
            level: t.level,
            share: t.share,
            each: t.each,
            bulletin_verb: t.bulletin_verb,
            yearly: t.yearly,
        }
    }

    /// A continuation ("23起28人", "20.84%、27.9%") takes on what the figure before said,
    /// its direction only when it states none of its own.
    pub fn inherit(&mut self, l: &Flags) {
        if self.dir == Direction::Unstated {
            self.dir = l.dir;
            self.level = self.level || l.level;
            self.bulletin_verb = l.bulletin_verb;
        }
        self.yoy = self.yoy || l.yoy;
        self.chain = self.chain || l.chain;
        self.share = self.share || l.share;
        self.each = self.each || l.each;
        self.yearly = self.yearly || l.yearly;
    }
}

/// A number with what follows it, ready for its label.
pub(super) struct Found {
    /// Where the words before it end (the number's first char, or the ranking verb).
    pub pre_end: usize,
    /// The number's first char.
    pub start: usize,
    /// The value, scaled by the multiplier.
    pub value: f64,
    /// 余, 多, 以上, 左右 after it.
    pub approx: bool,
    /// The unit after it.
    pub unit: Option<Unit>,
    /// Power of ten of the multiplier (万 → 4, 千亿 → 11).
    pub mult: i32,
    /// End of the figure (unit and 以上/左右 included).
    pub end: usize,
    /// Written in Chinese numerals.
    pub chinese: bool,
    /// A ranking (列全省第一).
    pub rank: bool,
}

/// The state of one pass over a text.
pub(super) struct Scanner<'a> {
    /// The text.
    pub doc: &'a Doc,
    spans: &'a [SectionSpan],
    /// The figures so far.
    pub out: Vec<Cand>,
    /// Labels read backwards stop here: the end of the last figure or left-out number.
    pub floor: usize,
    /// The figure just recorded.
    pub last: Option<Last>,
    /// Indices of the figures of the current 、-joined group.
    pub group: Vec<usize>,
    /// The 分别 list in progress.
    pub run: Option<Run>,
    /// "年末常住人口…，其中城镇人口…": the label of the figure before 其中, and where 其中 stands.
    pub sub: Option<(String, usize)>,
    yoy_marks: Vec<usize>,
    line_starts: Vec<usize>,
    /// The report's year (0 if unknown), for 比2021年.
    pub report_year: i32,
}

static YOY_MARKERS: &[&str] =
    &["同比", "比上年", "较上年", "比去年", "较去年", "与上年相比", "与去年相比", "上年同期", "去年同期"];

/// Chars before a ranking's 第: the verb (列, 居, 排名…), then a scope (全省, 全国同类城市).
pub(super) static RANK_VERBS: &[&str] = &[
    "位列",
    "位居",
    "名列",
    "跃居",
    "排名",
    "排在",
    "居于",
    "位于",
    "稳居",
    "雄踞",
    "保持",
    "排位保持",
    "分居",
    "分列",
    "列",
    "居",
    "排",
];

/// Chars that make 分 the end of a word (得分, 积分, 评分…), not the 分 of 分居/分列.
const WORDS_ENDING_IN_FEN: &str = "得积评部总比满学";

/// Counters of kinds (四种, 三类).
const KIND_COUNTERS: [&str; 2] = ["种", "类"];
/// The longest name of a quantity after a count of kinds, in chars.
const MAX_KINDS_NAME: usize = 8;
/// Last chars of the name of a measured quantity (产量, 产值, 金额, 面积).
const QUANTITY_ENDS: [char; 4] = ['量', '值', '额', '积'];

impl<'a> Scanner<'a> {
    /// A scanner at the start of `doc`, whose outline is `spans`.
    pub fn new(doc: &'a Doc, spans: &'a [SectionSpan], report_year: i32) -> Self {
        let mut yoy_marks = Vec::new();
        let mut line_starts = vec![0];
        for i in 0..doc.len() {
            let c = doc.c(i);
            if c == '\n' {
                line_starts.push(i + 1);
            } else if matches!(c, '同' | '比' | '较' | '与' | '上' | '去')
                && (doc.longest_at(i, YOY_MARKERS).is_some()
                    || matches!(c, '比' | '较')
                        && (1..=4).all(|k| doc.c(i + k).is_ascii_digit())
                        && doc.c(i + 5) == '年')
            {
                yoy_marks.push(i);
            }
        }
        Scanner {
            doc,
            spans,
            out: Vec::new(),
            floor: 0,
            last: None,
            group: Vec::new(),
            run: None,
            sub: None,
            yoy_marks,
            line_starts,
            report_year,
        }
    }

    /// Finds every figure of the text.
    pub fn run(&mut self) {
        let doc = self.doc;
        let n = doc.len();
        let mut i = 0;
        while i < n {
            if doc.is_masked(i) || doc.is_quoted(i) {
                i += 1;
                continue;
            }
            let c = doc.c(i);
            let next = if c == '第' {
                self.ordinal(i)
            } else if c.is_ascii_digit() {
                self.arabic(i)
            } else if is_cn_numeral(c) {
                self.chinese(i)
            } else {
                i + 1
            };
            i = next.max(i + 1);
        }
    }

    /// The figures found, with the last 分别 list closed.
    pub fn finish(mut self) -> Vec<Cand> {
        self.close_run();
        self.out
    }

    /// Index of the section `pos` is in.
    pub fn section_at(&self, pos: usize) -> usize {
        self.spans.partition_point(|s| s.start <= pos).saturating_sub(1)
    }

    /// A yoy marker earlier in the same paragraph.
    pub fn paragraph_has_yoy(&self, pos: usize) -> bool {
        let ls = self.line_starts.partition_point(|&s| s <= pos).saturating_sub(1);
        let line_start = self.line_starts.get(ls).copied().unwrap_or(0);
        let k = self.yoy_marks.partition_point(|&m| m < pos);
        k > 0 && self.yoy_marks.get(k - 1).is_some_and(|&m| m >= line_start)
    }

    /// Left out: later labels must not reach back over it.
    pub fn skip_to(&mut self, end: usize) -> usize {
        self.floor = self.floor.max(end);
        end
    }

    /// Ends the 分别 list in progress: when its names and figures do not pair up, every
    /// figure gets the whole list (or the words before it) for its label.
    pub fn close_run(&mut self) {
        if let Some(run) = self.run.take() {
            let (n, m) = (run.names.len(), run.members.len());
            if run.core.is_empty() && n > m {
                // "起诉…1.2万人，其中起诉A 120人，起诉B 800人，同比分别下降5%和8%": the
                // changes are those of the last figures of the group.
                for (&k, name) in run.members.iter().zip(&run.names[n - m..]) {
                    if let Some(c) = self.out.get_mut(k) {
                        c.label = name.clone();
                    }
                }
            } else if n > 0 && n != m && run.alt.len() == m {
                for (&k, name) in run.members.iter().zip(&run.alt) {
                    if let Some(c) = self.out.get_mut(k) {
                        c.label = name.clone();
                    }
                }
            } else if n > 0 && n != m {
                let joined =
                    if run.core.is_empty() { crate::format::join(&run.names, "、") } else { run.core.clone() };
                for &m in &run.members {
                    if let Some(c) = self.out.get_mut(m) {
                        c.label = joined.clone();
                    }
                }
            }
        }
    }

    // ---- numbers -------------------------------------------------------------------

    /// Arabic digits at `i`: a figure, or a code, date or time left out.
    fn arabic(&mut self, i: usize) -> usize {
        let doc = self.doc;
        let scan = scan_arabic(doc, i);
        let Some(mut num) = scan.num else { return scan.end };
        let j = scan.end;
        let prev = doc.before(i);
        let mut start = i;
        if let Some(e) = self.code_end(prev, j) {
            return e;
        }
        // "户籍人口90.55万人(1)", "生产总值(2)实现…": a footnote mark, part of the words.
        if is_footnote(doc, i, j) {
            return j + 1;
        }
        // Times, dates and ranges: 9/27, 8:30, 2021-2025.
        if matches!(prev, ':' | '/' | '~') && doc.before(i - 1).is_ascii_digit() {
            return j;
        }
        if prev == '-' {
            let pp = doc.before(i - 1);
            if pp.is_ascii_alphanumeric() {
                return j;
            }
            num.negative = true;
            start = i - 1;
        }
        if matches!(doc.c(j), ':' | '-' | '~') && doc.c(j + 1).is_ascii_digit() {
            return j;
        }
        if prev == '每' {
            let suf = parse_suffix(doc, j);
            return suf.end.max(j);
        }
        let mut suf = parse_suffix(doc, j);
        // "破结案率分别提高30.8、16.5个百分点": a bare number listed before one with a unit
        // is in that unit.
        if suf.unit.is_none() && suf.mult == 0 && !suf.date {
            if let Some(shared) = self.shared_suffix(j) {
                suf.unit = shared.unit;
                suf.mult = shared.mult;
            }
        }
        if doc.c(j) == '/' && !suf.unit.as_ref().is_some_and(|u| u.class == UnitClass::PerRatio) {
            return j + 1;
        }
        if suf.date {
            // 比2021年增长9.6%, 恢复到2019年同期的78.6%: a year is part of the words around a
            // figure (labels read back over it), not a left-out figure.
            // "刑事案件连续6年下降": a span of years too.
            let bound = doc.longest_at(j + 1, &["以上", "以下"]).is_some();
            let years_span =
                doc.c(j) == '年' && (bound || super::labels::YEARS_SPAN_WORDS.iter().any(|w| doc.ends_with(i, w)));
            if matches!(prev, '比' | '较') || (j - i == 4 && doc.c(j) == '年') || years_span {
                return suf.end.max(j + 1);
            }
            // "7月份": the whole date word, 份 too, is no part of the next figure's words.
            let word = doc.longest_at(j, super::units::DATE_WORDS).map_or(1, |w| w.chars().count());
            let after = j + word;
            let end = if doc.c(after) == '份' { after + 1 } else { after };
            return self.skip_to(suf.end.max(end));
        }
        let Some(value) = num.value(suf.mult) else { return suf.end.max(j) };
        let end = suf.end;
        self.figure(
            Found {
                pre_end: start,
                start,
                value,
                approx: suf.approx,
                unit: suf.unit.clone(),
                mult: suf.mult,
                end,
                chinese: false,
                rank: false,
            },
            &suf,
        )
        .max(j)
    }

    /// Codes and names: PM2.5, 5G, G60, 1+N (`prev` is the char before the digits, `j`
    /// where they end). Returns where the code ends.
    fn code_end(&self, prev: char, j: usize) -> Option<usize> {
        let doc = self.doc;
        let code = |c: char| c.is_ascii_alphabetic() || matches!(c, '+' | '_' | '#' | '@' | '&' | '=' | '.' | '*');
        if !(code(prev) || code(doc.c(j)) && doc.c(j) != '.') {
            return None;
        }
        // "人均GDP45228元", "拉动GDP1.6个百分点": an abbreviation glued to a figure.
        let abbreviation = labels::GLUED_ABBREVIATIONS.iter().any(|a| doc.ends_with(j - self.digits_before(j), a));
        if abbreviation && !code(doc.c(j)) {
            return None;
        }
        let mut e = j;
        while doc.c(e).is_ascii_alphanumeric() || doc.c(e) == '+' {
            e += 1;
        }
        Some(e)
    }

    /// The suffix of the first number with a unit in the 、-list of bare numbers that
    /// goes on at `j` ("30.8、16.5个百分点"), if the list is only numbers up to it.
    fn shared_suffix(&self, mut j: usize) -> Option<Suffix> {
        let doc = self.doc;
        for _ in 0..MAX_SHARED_UNIT_ITEMS {
            // "下降0.8、提高2.3、下降1.5个百分点": each item may say its own direction.
            let dir = super::trailing::DIRECTION_WORDS.iter().find(|w| doc.starts_with(j + 1, w));
            let k = j + 1 + dir.map_or(0, |w| w.chars().count());
            if doc.c(j) != '、' || !doc.c(k).is_ascii_digit() {
                return None;
            }
            let end = scan_arabic(doc, k).end;
            let suf = parse_suffix(doc, end);
            if suf.date || (suf.unit.is_none() && suf.mult != 0) {
                return None;
            }
            if suf.unit.is_some() {
                return Some(suf);
            }
            j = end;
        }
        None
    }

    /// How many digits and decimal points end just before `j`.
    fn digits_before(&self, j: usize) -> usize {
        (0..j).rev().take_while(|&k| self.doc.c(k).is_ascii_digit() || self.doc.c(k) == '.').count()
    }

    /// A Chinese numeral at `i`: a figure only before a counter word (四个, 十五项).
    fn chinese(&mut self, i: usize) -> usize {
        let doc = self.doc;
        if let Some(t) = labels::FIXED_TERMS.iter().find(|t| doc.starts_with(i, t)) {
            return i + t.chars().count();
        }
        let scan = scan_chinese(doc, i);
        let Some(num) = scan.num else { return scan.end };
        let j = scan.end;
        if num.lone_one || matches!(doc.before(i), '期' | '周' | '初' | '拜' | '每') {
            return j;
        }
        let after_approx = doc.longest_ending(i, &["超过", "超", "近", "逾", "约", "将近", "突破"]).is_some();
        if num.leading_big && !after_approx {
            return j;
        }
        let suf = parse_suffix(doc, j);
        let value = num.value * 10f64.powi(suf.mult);
        let ok_unit = match &suf.unit {
            Some(u) => u.cn_ok && !(u.da && num.value >= 10.0) && u.class != UnitClass::PerRatio,
            // 超千亿: an amount with no unit.
            None => num.big_suffix && after_approx,
        };
        // "华南快速路二期", "7号线二期建成开通": a project's phase, not a count (分两期投放 is).
        let phase =
            suf.unit.as_ref().is_some_and(|u| u.text == "期") && !matches!(doc.before(i), '分' | '共' | '办' | '了');
        // "1786个六大攻坚战项目": a numeral glued to the figure before is part of its noun.
        let in_noun = self.last.as_ref().is_some_and(|l| l.end == i);
        if !ok_unit || phase || in_noun || self.names_the_next(&suf) || self.opens_an_enumeration(suf.end) {
            return j;
        }
        let end = suf.end;
        self.figure(
            Found {
                pre_end: i,
                start: i,
                value,
                approx: suf.approx,
                unit: suf.unit.clone(),
                mult: suf.mult + if num.big_suffix { WAN_EXP } else { 0 },
                end,
                chinese: true,
                rank: false,
            },
            &suf,
        )
        .max(j)
    }

    /// "猪牛羊禽四种肉产量5989.4吨": a count of kinds that runs on into the name of the
    /// quantity a figure in digits measures is part of that name.
    fn names_the_next(&self, suf: &Suffix) -> bool {
        let doc = self.doc;
        if !suf.unit.as_ref().is_some_and(|u| KIND_COUNTERS.contains(&u.text.as_str())) {
            return false;
        }
        let words = (suf.end..suf.end + MAX_KINDS_NAME)
            .take_while(|&k| k < doc.len() && !is_boundary(doc.c(k)) && !doc.c(k).is_ascii_digit());
        let e = words.last().map_or(suf.end, |k| k + 1);
        e > suf.end && doc.c(e).is_ascii_digit() && QUANTITY_ENDS.contains(&doc.before(e))
    }

    /// "实现了六大突破：一是…": the count of the text's own list that follows.
    fn opens_an_enumeration(&self, j: usize) -> bool {
        let doc = self.doc;
        let stop = (j..(j + MAX_KINDS_NAME).min(doc.len())).find(|&k| is_boundary(doc.c(k)));
        stop.is_some_and(|k| {
            doc.c(k) == ':' && ["一是", "一、", "(一)", "1."].iter().any(|w| doc.starts_with(k + 1, w))
        })
    }

    /// 第N: a ranking after 列/居/排名 (列全省第一), else an ordinal, left out.
    fn ordinal(&mut self, i: usize) -> usize {
        let doc = self.doc;
        let k = doc.skip_spaces(i + 1, 1);
        let (value, end) = if doc.c(k).is_ascii_digit() {
            let s = scan_arabic(doc, k);
            match s.num.and_then(|a| a.value(0)) {
                Some(v) => (v, s.end),
                None => return s.end,
            }
        } else if is_cn_numeral(doc.c(k)) {
            let s = scan_chinese(doc, k);
            match s.num {
                Some(c) => (c.value, s.end),
                None => return s.end,
            }
        } else {
            return i + 1;
        };
        if !(1.0..=MAX_RANK).contains(&value) || value.fract() != 0.0 {
            return end;
        }
        let Some(verb_start) = self.rank_verb_before(i) else { return end };
        let mut fig_end = end;
        if matches!(doc.c(fig_end), '位' | '名') {
            fig_end += 1;
        }
        let unit = Unit { text: "名次".to_string(), class: UnitClass::Count, cn_ok: true, da: false };
        let suf = Suffix {
            mult: 0,
            approx: false,
            unit: Some(unit.clone()),
            unit_end: fig_end,
            end: fig_end,
            date: false,
            threshold: false,
        };
        self.figure(
            Found {
                pre_end: verb_start,
                start: i,
                value,
                approx: false,
                unit: Some(unit),
                mult: 0,
                end: fig_end,
                chinese: false,
                rank: true,
            },
            &suf,
        )
        .max(end)
    }

    /// Where the ranking verb before the 第 at `i` starts: it must be close, in the same
    /// clause.
    fn rank_verb_before(&self, i: usize) -> Option<usize> {
        let doc = self.doc;
        let mut p = i;
        let mut steps = 0;
        while p > self.floor && steps < MAX_RANK_VERB_BACK {
            let c = doc.before(p);
            // "分居全省第2、第3位": the next rank of a list of ranks.
            let rank_before = self.last.as_ref().is_some_and(|l| l.end + 1 == p && l.rank);
            if c == '、' && rank_before {
                return Some(p - 1);
            }
            if is_boundary(c) || doc.is_quoted(p - 1) || c.is_ascii_digit() {
                return None;
            }
            if let Some(v) = doc.longest_ending(p, RANK_VERBS) {
                let n = v.chars().count();
                // "测评得分居全省第二": 分 of 得分 is no 分居.
                let glued = v.starts_with('分') && WORDS_ENDING_IN_FEN.contains(doc.before(p - n));
                return Some(p - n + usize::from(glued));
            }
            p -= 1;
            steps += 1;
        }
        None
    }
}

/// The digits `[i, j)` are a footnote mark: one or two of them in ASCII parentheses right
/// after a word or a unit ("生产总值(2)实现").
pub(super) fn is_footnote(doc: &Doc, i: usize, j: usize) -> bool {
    let after_word = i >= 2 && !is_boundary(doc.before(i - 1)) && !doc.before(i - 1).is_ascii_digit();
    doc.before(i) == '(' && doc.c(j) == ')' && j - i <= 2 && after_word
}
