//! The end of a label: the words between what is counted and its number, peeled off and
//! read — direction (同比下降 → sign and kind), approximation (超过 → approx), list (分别,
//! 均), the base of a comparison (较“十三五”末) and filler words (达, 为, 累计…).

use super::text::Doc;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a word before the number says about the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Eff {
    /// Says nothing about the figure: 达, 为, 累计.
    Filler,
    /// The figure is approximate: 超过, 近, 约.
    Approx,
    /// Compared with last year: 同比, 比上年, 较去年同期.
    Yoy,
    /// Compared with the previous period or another baseline: 环比, 较年初.
    Chain,
    /// A fall: 下降, 减少.
    Down,
    /// A rise: 增长, 提高.
    Up,
    /// 至/到 after a direction: the figure is the new level, not the change.
    Level,
    /// 占: a share.
    Share,
    /// 分别: one figure per item of a list.
    Each,
    /// 均: the figure holds for every item of a list.
    All,
}

use Eff::*;

/// A trailing word, what it does, and its length in chars.
type Trailing = (&'static str, Eff, usize);

/// The trailing words that end in `c`, each with its length in chars: matching only these
/// is most of what strip_trailing saves (the list is long and read for every figure).
fn trailing_ending_in(c: char) -> &'static [Trailing] {
    static BY_LAST: OnceLock<HashMap<char, Vec<Trailing>>> = OnceLock::new();
    let by_last = BY_LAST.get_or_init(|| {
        let mut m: HashMap<char, Vec<_>> = HashMap::new();
        for &(p, eff) in TRAILING {
            if let Some(last) = p.chars().last() {
                m.entry(last).or_default().push((p, eff, p.chars().count()));
            }
        }
        m
    });
    by_last.get(&c).map_or(&[], Vec::as_slice)
}

static TRAILING: &[(&str, Eff)] = &[
    // comparisons
    ("同比", Yoy),
    // "同比去年分别上升46.1%": 同比 with the year it is against.
    ("同比去年", Yoy),
    ("同比上年", Yoy),
    ("比上年", Yoy),
    ("较上年", Yoy),
    ("比去年", Yoy),
    ("较去年", Yoy),
    ("比上年末", Yoy),
    ("较上年末", Yoy),
    ("比去年末", Yoy),
    ("较去年末", Yoy),
    ("比上一年", Yoy),
    ("较上一年", Yoy),
    ("比上年同期", Yoy),
    ("较上年同期", Yoy),
    ("比去年同期", Yoy),
    ("较去年同期", Yoy),
    ("比同期", Yoy),
    ("较同期", Yoy),
    ("同期", Yoy),
    ("与上年相比", Yoy),
    ("与去年相比", Yoy),
    ("同上年相比", Yoy),
    ("同去年相比", Yoy),
    ("与上年同期相比", Yoy),
    ("与去年同期相比", Yoy),
    ("相比上年", Yoy),
    ("相比去年", Yoy),
    ("相比上年同期", Yoy),
    ("相比去年同期", Yoy),
    ("环比", Chain),
    // 比上一个五年分别上升30.76%: a five-year report against the five years before.
    ("比上一个五年", Chain),
    ("比上个五年", Chain),
    ("比前五年", Chain),
    ("较前五年", Chain),
    // 年均增长5.2%: a yearly average over several years, not the change on last year.
    ("年均", Chain),
    ("年平均", Chain),
    // 两年平均增长6.0%: the average over the two years since the base.
    ("两年平均", Chain),
    ("三年平均", Chain),
    // 比一季度回落4.8个百分点: against an earlier part of the year.
    ("比一季度", Chain),
    ("较一季度", Chain),
    ("比上半年", Chain),
    ("较上半年", Chain),
    ("比前三季度", Chain),
    ("较前三季度", Chain),
    ("比上月", Chain),
    ("较上月", Chain),
    ("较年初", Chain),
    ("比年初", Chain),
    // 较常年增加72%: against a normal year, not last year.
    ("较常年", Chain),
    ("比常年", Chain),
    ("较常年同期", Chain),
    ("比常年同期", Chain),
    // directions
    ("负增长", Down),
    ("下降", Down),
    ("减少", Down),
    ("下滑", Down),
    ("降低", Down),
    ("减产", Down),
    ("收窄", Down),
    ("增产", Up),
    ("回落", Down),
    // 增速比上年加快2.3个百分点, 回升2.1个百分点: a rate's own change.
    ("放缓", Down),
    ("减缓", Down),
    ("回升", Up),
    ("加快", Up),
    ("下跌", Down),
    ("缩减", Down),
    ("压降", Down),
    ("压减", Down),
    ("削减", Down),
    ("锐减", Down),
    ("缩小", Down),
    ("缩短", Down),
    ("压缩", Down),
    ("延长", Up),
    ("降幅", Down),
    ("跌幅", Down),
    ("减幅", Down),
    ("减", Down),
    ("降", Down),
    ("上升", Up),
    ("增长", Up),
    ("提升", Up),
    ("提高", Up),
    ("增加", Up),
    // "社保费收入1502亿元,同比增长34.2%,增收321亿元": revenue's own word for more.
    ("增收", Up),
    ("减收", Down),
    ("上涨", Up),
    ("增幅", Up),
    ("涨幅", Up),
    ("攀升", Up),
    ("扩大", Up),
    ("增多", Up),
    ("激增", Up),
    ("增", Up),
    ("升", Up),
    ("至", Level),
    ("到", Level),
    // approximations
    ("超过", Approx),
    ("超出", Approx),
    ("突破", Approx),
    ("将近", Approx),
    ("接近", Approx),
    ("大约", Approx),
    ("约", Approx),
    ("约合", Approx),
    ("折合", Filler),
    ("近", Approx),
    ("逾", Approx),
    ("超", Approx),
    // shares and lists
    ("占", Share),
    ("占比", Share),
    ("占到", Share),
    ("分别", Each),
    // 贡献率依次为3.0%、72.5%和24.5%: in the order the names were given.
    ("依次", Each),
    ("均", All),
    // fillers
    ("了", Filler),
    // 首次突破700亿元: when, not what.
    ("首次", Filler),
    // 破案率创83.7%历史新高: a record, the figure itself.
    ("创", Filler),
    ("为", Filler),
    ("是", Filler),
    ("达", Filler),
    ("达到", Filler),
    ("已达", Filler),
    ("高达", Filler),
    ("多达", Filler),
    ("共", Filler),
    ("共计", Filler),
    ("累计", Filler),
    ("总计", Filler),
    ("合计", Filler),
    ("一共", Filler),
    ("总共", Filler),
    ("共有", Filler),
    ("拥有", Filler),
    ("有", Filler),
    ("仅", Filler),
    ("只", Filler),
    ("已", Filler),
    // "健康素养水平稳步提升": how a change went, no part of what changed.
    ("稳步", Filler),
    ("逐步", Filler),
    ("大幅", Filler),
    ("持续", Filler),
    ("不断", Filler),
    ("进一步", Filler),
    // "预计全年收入将超过20000亿元": what a forecast will be.
    ("将", Filler),
    ("的", Filler),
    ("从", Filler),
    // "平均结案时间由88天下降到80天": 由 as 从.
    ("由", Filler),
    // "居民人均可支配收入预计4.6万元": a figure not yet final.
    ("预计", Filler),
    ("完成", Filler),
    ("实现", Filler),
    ("保持", Filler),
    ("保持在", Filler),
    ("维持在", Filler),
    ("稳定在", Filler),
    ("控制在", Filler),
    ("最高", Filler),
    ("最低", Filler),
    ("最多", Filler),
    ("最少", Filler),
    ("最大", Filler),
    ("平均", Filler),
    ("每人每月", Filler),
    ("每人每年", Filler),
    ("每月", Filler),
    ("每年", Filler),
    ("每人", Filler),
    ("每户", Filler),
    ("每天", Filler),
];

/// A one-char word at the end is not peeled off when the char before makes it part of a
/// longer word (行为, 送达, 人均, 新增…).
fn glued(before: char, word: &str) -> bool {
    let set: &str = match word {
        "为" => "行作认因以称无有人成",
        "达" => "送到传下抵直表发转",
        "有" => "所没现实持具占享含还原固",
        "是" => "就总但可还或即",
        "共" => "公",
        "约" => "节制签合预履违特邀公",
        "近" => "最附临邻",
        "超" => "赶高",
        "占" => "侵霸抢挤强",
        "均" => "人日年月户平",
        "增" => "新净递倍",
        "升" => "晋",
        "降" => "投空沉",
        "至" | "到" => "截",
        "从" => "服自随遵顺盲无",
        "已" => "而",
        "只" => "一",
        "的" => "目",
        _ => "",
    };
    set.contains(before)
}

/// Words of direction, for the 至/到 check.
pub(super) static DIRECTION_WORDS: &[&str] = &[
    "下降", "减少", "降低", "下滑", "回落", "减产", "收窄", "增产", "缩减", "压降", "压减", "缩小", "缩短", "压缩",
    "减", "降", "上升", "增长", "提升", "提高", "增加", "上涨", "攀升", "扩大", "增", "升", "放缓", "减缓", "回升",
    "加快",
];

/// Direction words that bulletins use bare for the change on last year (增长 3.2%).
pub(crate) static BULLETIN_VERBS: &[&str] = &[
    "增长",
    "负增长",
    "下降",
    "上升",
    "减少",
    "增加",
    "回落",
    "下滑",
    "上涨",
    "下跌",
    "减产",
    "增产",
    "增幅",
    "降幅",
    "增收",
    "减收",
];

/// Which way a change goes, as the words before the figure say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Direction {
    /// No direction word: the figure is a level, or its direction is not said.
    #[default]
    Unstated,
    /// A rise (增长, 提高): the figure keeps its sign.
    Up,
    /// A fall (下降, 减少): the figure is made negative.
    Down,
}

impl Direction {
    /// A direction word was read.
    pub fn is_stated(self) -> bool {
        self != Direction::Unstated
    }

    /// `v` with the sign of the direction: negative for a fall, as it is otherwise.
    pub fn sign(self, v: f64) -> f64 {
        if self == Direction::Down {
            -v.abs()
        } else {
            v
        }
    }
}

/// The result of peeling the end of a label.
#[derive(Debug, Clone, Default)]
pub(crate) struct Trail {
    /// Where what is counted ends: the words after it were peeled off.
    pub core_end: usize,
    /// An approximation word (超过, 近, 约).
    pub approx: bool,
    /// A comparison with last year (同比, 比上年).
    pub yoy: bool,
    /// A comparison with another baseline (环比, 较年初, 较2020年 in a 2022 report).
    pub chain: bool,
    /// The direction word nearest the number (the first one peeled off).
    pub dir: Direction,
    /// 至/到 after the direction: the figure is the new level.
    pub level: bool,
    /// 占: the figure is a share.
    pub share: bool,
    /// 分别: one figure per item of the list before.
    pub each: bool,
    /// 均: the figure holds for every item of the list before.
    pub all: bool,
    /// The direction word is one a bulletin uses bare (增长, 下降).
    pub bulletin_verb: bool,
    /// A word of holding (稳定在, 保持在, 控制在): with 以上/以下 the figure is a bound.
    pub bound_verb: bool,
    /// Where the text peeled off ends just after the direction word: a count keeps it
    /// in its label (增加泊位 → no; 新增 stays anyway).
    pub dir_word_end: Option<usize>,
    /// 从 before the number: "企业从1832户增加到3382户" — the figure is where a change starts.
    pub from: bool,
    /// 年均, 年平均: a yearly average over several years ("年均增长6.8%").
    pub yearly: bool,
}

/// Peels direction, approximation, list and filler words off the end of `[start, end)`.
///
/// `report_year` (0 if unknown) decides whether 比2021年 is year-over-year: only when
/// 2021 is the year before the report's.
/// Where 从 stands when a few words after it end at `e` ("从年标准"): a change told from
/// a level, the subject restated. Not 从事, 从严… nor 服从, 自从.
fn restated_from(doc: &Doc, start: usize, e: usize) -> Option<usize> {
    let k = (e.saturating_sub(MAX_RESTATED + 1).max(start)..e.saturating_sub(1)).rev().find(|&k| doc.c(k) == '从')?;
    let word = ['事', '业', '严', '快', '重', '速', '而', '中', '来', '未', '此', '头', '小'];
    let stuck = word.contains(&doc.c(k + 1)) || (k > start && glued(doc.before(k), "从"));
    let plain = (k + 1..e).all(|p| !super::text::is_boundary(doc.c(p)) && !doc.c(p).is_ascii_digit());
    (!stuck && plain && k > start).then_some(k)
}

/// Where 比/较 stands before a month base ending at `e` ("比9月份", "较1—9月"), if any.
fn month_base(doc: &Doc, start: usize, e: usize) -> Option<usize> {
    let mut k = e;
    if k > start && doc.before(k) == '份' {
        k -= 1;
    }
    if k <= start || doc.before(k) != '月' {
        return None;
    }
    k -= 1;
    let digits_end = k;
    // The month's digits may stand before `start` (the scanner read "9" of 比9月份 as a
    // date): the base then takes all the words.
    let floor = start.saturating_sub(MAX_MONTH_DIGITS);
    while k > floor && (doc.before(k).is_ascii_digit() || matches!(doc.before(k), '-' | '—' | '–' | '至')) {
        k -= 1;
    }
    let months = digits_end > k && doc.c(k).is_ascii_digit();
    (months && k > 0 && matches!(doc.before(k), '比' | '较')).then(|| (k - 1).max(start))
}

/// The most chars of a month base's digits before the words read ("1—9" of 比1—9月份).
const MAX_MONTH_DIGITS: usize = 5;

/// The most words between 从 and a figure that restate its subject, in chars.
const MAX_RESTATED: usize = 4;

pub(crate) fn strip_trailing(doc: &Doc, start: usize, end: usize, report_year: i32) -> Trail {
    let mut t = Trail { core_end: end, ..Trail::default() };
    let mut e = end;
    for _ in 0..16 {
        while e > start && doc.before(e) == ' ' {
            e -= 1;
        }
        if e <= start {
            break;
        }
        // 比2021年 / 较2021年
        if doc.before(e) == '年'
            && e >= start + 6
            && (2..=5).all(|k| doc.c(e - k).is_ascii_digit())
            && matches!(doc.c(e - 6), '比' | '较')
        {
            let y: i32 = doc.norm_str(e - 5, e - 1).parse().unwrap_or(0);
            if report_year == 0 || y + 1 == report_year {
                t.yoy = true;
            } else {
                t.chain = true; // 较2020年 in a 2022 report: a change over two years
            }
            e -= 6;
            continue;
        }
        // 比9月份 / 较1—9月: against an earlier month or months of the year.
        if let Some(b) = month_base(doc, start, e) {
            t.chain = true;
            e = b;
            continue;
        }
        // "连续6年", "近5年": the span the figure is over, not what it measures.
        if let Some(a) = super::leading::years_span_ending(doc, start, e) {
            e = a;
            continue;
        }
        let mut best: Option<(&str, Eff, usize)> = None;
        for &(p, eff, m) in trailing_ending_in(doc.before(e)) {
            if e >= start + m && doc.ends_with(e, p) && best.is_none_or(|(_, _, b)| m > b) {
                best = Some((p, eff, m));
            }
        }
        let Some((word, eff, _)) = best else {
            // "农村低保标准从年标准1680元提高到2760元": 从 and the subject restated after it.
            if let Some(k) = restated_from(doc, start, e) {
                t.from = true;
                e = k;
                continue;
            }
            // 较“十三五”末, 比2020年底: another base, named.
            match other_base(doc, start, e) {
                Some(b) => {
                    t.chain = true;
                    e = b;
                    continue;
                }
                None => break,
            }
        };
        let m = word.chars().count();
        if m == 1 && glued(doc.before(e - 1), word) {
            break;
        }
        if eff == Level && doc.longest_ending(e - 1, DIRECTION_WORDS).is_none() {
            break;
        }
        t.from = t.from || matches!(word, "从" | "由");
        t.yearly = t.yearly || matches!(word, "年均" | "年平均" | "两年平均" | "三年平均");
        if matches!(word, "稳定在" | "保持在" | "控制在" | "维持在" | "保持") {
            t.bound_verb = true;
        }
        match eff {
            Filler => {}
            Approx => t.approx = true,
            Yoy => t.yoy = true,
            Chain => t.chain = true,
            Down | Up => {
                if t.dir == Direction::Unstated {
                    t.dir = if eff == Down { Direction::Down } else { Direction::Up };
                    t.bulletin_verb = BULLETIN_VERBS.contains(&word);
                    t.dir_word_end = Some(e);
                }
            }
            Level => t.level = true,
            Share => t.share = true,
            Each => t.each = true,
            All => t.all = true,
        }
        e -= m;
    }
    t.core_end = e;
    t
}

/// The longest base a comparison names ("“十三五”末"), in chars.
const MAX_BASE: usize = 8;

/// 较“十三五”末, 比2020年底, 比年初: a comparison with a named base other than last
/// year ending at `e`; returns where its 比/较 starts.
fn other_base(doc: &Doc, start: usize, e: usize) -> Option<usize> {
    // "与2021年末相比": the base between 与 and 相比.
    if e >= start + 2 && doc.ends_with(e, "相比") {
        let b = other_base_with(doc, start, e - 2, &['与'])?;
        return (b + 1 < e - 2).then_some(b);
    }
    if e <= start || !matches!(doc.before(e), '末' | '初' | '底') {
        return None;
    }
    // "相比2021年末": 相 is part of the word.
    other_base_with(doc, start, e, &['比', '较']).map(|b| if b > start && doc.before(b) == '相' { b - 1 } else { b })
}

/// Where the comparison word (one of `words`) of a base ending at `e` stands, if no
/// boundary comes first and the base is not last year's.
fn other_base_with(doc: &Doc, start: usize, e: usize, words: &[char]) -> Option<usize> {
    for k in 2..=MAX_BASE.min(e - start) {
        let c = doc.c(e - k);
        if words.contains(&c) {
            let base = doc.norm_str(e - k + 1, e);
            return (!matches!(base.as_str(), "上年末" | "去年末" | "上年底" | "去年底" | "上年" | "去年"))
                .then_some(e - k);
        }
        if super::text::is_boundary(c) {
            return None;
        }
    }
    None
}
