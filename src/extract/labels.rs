//! Labels: the words before a figure, read back to the previous clause boundary, with
//! the words that are not part of *what is counted* peeled off — at the end, the
//! direction (同比下降 → sign and kind), approximation (超过 → approx), list (分别, 均)
//! and filler words (达, 为, 累计…); at the start, scope and adverbs (全市, 今年以来,
//! 共, 其中…).

use super::text::Doc;

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

static TRAILING: &[(&str, Eff)] = &[
    // comparisons
    ("同比", Yoy),
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
    ("环比", Chain),
    // 年均增长5.2%: a yearly average over several years, not the change on last year.
    ("年均", Chain),
    ("年平均", Chain),
    ("较年初", Chain),
    ("比年初", Chain),
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
    ("近", Approx),
    ("逾", Approx),
    ("超", Approx),
    // shares and lists
    ("占", Share),
    ("占比", Share),
    ("占到", Share),
    ("分别", Each),
    ("均", All),
    // fillers
    ("了", Filler),
    // 首次突破700亿元: when, not what.
    ("首次", Filler),
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
    ("的", Filler),
    ("从", Filler),
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
static DIRECTION_WORDS: &[&str] = &[
    "下降", "减少", "降低", "下滑", "回落", "减产", "收窄", "增产", "缩减", "压降", "压减", "缩小", "减", "降", "上升",
    "增长", "提升", "提高", "增加", "上涨", "攀升", "扩大", "增", "升",
];

/// Direction words that bulletins use bare for the change on last year (增长 3.2%).
pub(crate) static BULLETIN_VERBS: &[&str] =
    &["增长", "负增长", "下降", "上升", "减少", "增加", "回落", "下滑", "上涨", "下跌", "减产", "增产"];

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
        let mut best: Option<(&str, Eff)> = None;
        for &(p, eff) in TRAILING {
            let m = p.chars().count();
            if e >= start + m && doc.ends_with(e, p) && best.is_none_or(|(b, _)| m > b.chars().count()) {
                best = Some((p, eff));
            }
        }
        let Some((word, eff)) = best else {
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
        t.from = t.from || word == "从";
        t.yearly = t.yearly || matches!(word, "年均" | "年平均");
        if matches!(word, "稳定在" | "保持在" | "控制在" | "维持在") {
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
    if e <= start || !matches!(doc.before(e), '末' | '初' | '底') {
        return None;
    }
    for k in 2..=MAX_BASE.min(e - start) {
        let c = doc.c(e - k);
        if matches!(c, '比' | '较') {
            let base = doc.norm_str(e - k + 1, e);
            return (!matches!(base.as_str(), "上年末" | "去年末" | "上年底" | "去年底")).then_some(e - k);
        }
        if super::text::is_boundary(c) {
            return None;
        }
    }
    None
}

/// Parts of a year a figure may be of ("一季度增长4.1%"), longest first where one starts
/// another.
pub(crate) static PERIODS: &[&str] = &[
    "第一季度",
    "第二季度",
    "第三季度",
    "第四季度",
    "一季度",
    "二季度",
    "三季度",
    "四季度",
    "前三季度",
    "前两季度",
    "上半年",
    "下半年",
];

/// The part of a year `words` start with ("一季度", "1-9月"), if any.
pub(crate) fn period_at_start(doc: &Doc, s: usize, end: usize) -> Option<String> {
    if let Some(n) = months_at(doc, s, end) {
        return Some(doc.raw_str(s, s + n));
    }
    doc.longest_at(s, PERIODS).map(str::to_string)
}

static LEADING: &[&str] = &[
    "一季度",
    "二季度",
    "三季度",
    "四季度",
    "第一季度",
    "第二季度",
    "第三季度",
    "第四季度",
    "去年",
    "上半年",
    "下半年",
    "前三季度",
    "实现",
    "完成",
    "向社会",
    "全市范围",
    "我院",
    "本院",
    "我局",
    "本局",
    "我市",
    "我省",
    "我县",
    "我区",
    "尚有",
    "现有",
    "全市",
    "全省",
    "全区",
    "全县",
    "全年",
    "全局",
    "今年以来",
    "今年",
    "年内",
    "年末",
    "年底",
    "截至目前",
    "截至年底",
    "截至年末",
    "目前",
    "累计",
    "共计",
    "总计",
    "合计",
    "其中",
    "并且",
    "此外",
    "另外",
    "同时",
    "先后",
    "以及",
    "一年来",
    "过去一年",
    "期间",
    "全面",
    "进一步",
    "特别是",
    "成功",
    "有效",
    "持续",
    "积极",
    "大力",
    "依法",
    "主动",
    "及时",
    "妥善",
    "严格",
    "全力",
    "扎实",
    "深入",
    "不断",
    "切实",
    "高质量",
    "以上的",
    "以下的",
    "共",
    "已",
    "均",
    "另",
    "及",
    "和",
    "与",
    "即",
    "为",
    "在",
    "对",
    "向",
    "从",
    "将",
    "把",
    "由",
    "有",
    "并",
    "又",
    "还",
    "的",
];

/// Leading words kept when the counted noun follows them at once.
static KEPT_LEADING: &[&str] = &["年末", "年底", "累计"];

/// Two-char words whose first char must not be peeled off as a one-char leading word.
static PROTECTED: &[&str] = &[
    "和谐", "与会", "对外", "对接", "对于", "对象", "在线", "在建", "在押", "在校", "在册", "在岗", "在编", "在职",
    "为民", "为企", "并网", "并购", "有关", "有序", "有力", "由于", "从业", "从严", "共享", "共建", "共同", "还原",
    "即时", "均衡", "另行", "将近", "向外", "已有", "有效",
];

/// Peels scope words and adverbs off the start of `[start, end)`; returns the new start.
pub(crate) fn strip_leading(doc: &Doc, start: usize, end: usize) -> usize {
    let mut s = start;
    for _ in 0..12 {
        while s < end && doc.c(s) == ' ' {
            s += 1;
        }
        // 1-9月, 1至6月: when, not what.
        if let Some(n) = months_at(doc, s, end) {
            s += n;
            continue;
        }
        // 2022年, 2022年度, 2022年以来 at the start: when, not what.
        if s + 5 <= end && (0..4).all(|k| doc.c(s + k).is_ascii_digit()) && doc.c(s + 4) == '年' {
            s += 5;
            if let Some(w) = doc.longest_at(s, &["度", "以来", "底", "末", "初", "内"]) {
                s = (s + w.chars().count()).min(end);
            }
            continue;
        }
        if let Some(n) = actor_at(doc, s, end).or_else(|| run_in_heading_at(doc, s, end)) {
            s += n;
            continue;
        }
        let mut best: Option<&str> = None;
        // Counted only on a match: most words do not match, and this runs for every figure.
        for &p in LEADING.iter().filter(|p| doc.starts_with(s, p)) {
            let m = p.chars().count();
            if s + m <= end && best.is_none_or(|b| m > b.chars().count()) {
                best = Some(p);
            }
        }
        let Some(word) = best else { break };
        let m = word.chars().count();
        // 年末常住人口, 累计接待游客: a stock at the year's end and a running total are other
        // quantities than the year's flow, so the word stays — unless more scope follows it
        // (年末全市…, 累计为…), which a label cannot keep around it.
        if KEPT_LEADING.contains(&word) && !LEADING.iter().any(|w| doc.starts_with(s + m, w)) {
            break;
        }
        // 全市法院, 全省检察机关: the scope is part of the institution's name.
        if ["全市", "全省", "全国", "全区", "全县"].contains(&word)
            && ["法院", "检察", "公安"].iter().any(|w| doc.starts_with(s + m, w))
        {
            break;
        }
        // 有效灌溉面积, 有效期: an adjective here, not an adverb.
        if word == "有效" && ["有效灌溉", "有效期", "有效发明", "有效投资"].iter().any(|w| doc.starts_with(s, w))
        {
            break;
        }
        // 完成年度计划的108.2%, 完成警卫任务: the verb is what the figure measures.
        if word == "完成" && ["计划", "任务", "目标"].iter().any(|w| doc.norm_str(s, end).ends_with(w)) {
            break;
        }
        if m == 1 && PROTECTED.iter().any(|w| doc.starts_with(s, w)) {
            break;
        }
        // Never peel the whole label away when it is just that word followed by nothing.
        s += m;
    }
    s
}

/// "1-9月", "1至6月", "1—11月" at `s`: a span of months; returns its length.
fn months_at(doc: &Doc, s: usize, end: usize) -> Option<usize> {
    let digits = |mut k: usize| {
        let from = k;
        while k < end && k < from + 2 && doc.c(k).is_ascii_digit() {
            k += 1;
        }
        (k > from).then_some(k)
    };
    let k = digits(s)?;
    if k >= end || !matches!(doc.c(k), '-' | '至' | '到' | '—' | '–' | '~' | '～') {
        return None;
    }
    let k = digits(k + 1)?;
    (k < end && doc.c(k) == '月').then_some(k + 1 - s)
}

/// How far past 全国/全市… an actor's 部门 may end, in chars.
const MAX_ACTOR: usize = 10;

/// "全国市场监管部门共查办…": who acts, at the start of a label; returns its length.
fn actor_at(doc: &Doc, s: usize, end: usize) -> Option<usize> {
    let scope = ["全国", "全省", "全市", "全区", "全县", "各级"].iter().find(|w| doc.starts_with(s, w))?;
    let from = s + scope.chars().count();
    for k in from..(from + MAX_ACTOR).min(end) {
        if super::text::is_boundary(doc.c(k)) {
            return None;
        }
        // Only an actor followed by a scope, time or filler word (共, 累计, 2023年): "税务部门组织
        // 税费收入" keeps who collects.
        let after = k + 2;
        let adverb = || {
            LEADING.iter().any(|w| w.chars().count() >= 1 && doc.starts_with(after, w))
                || (after + 5 <= end && (0..4).all(|j| doc.c(after + j).is_ascii_digit()) && doc.c(after + 4) == '年')
        };
        if ["部门", "机关"].iter().any(|w| doc.starts_with(k, w)) && after + 2 < end && adverb() {
            return Some(after - s);
        }
    }
    None
}

/// The headings of a statistics bulletin that run into their first sentence.
static RUN_IN_HEADINGS: &[&str] = &[
    "国民经济",
    "人口",
    "综合",
    "农业",
    "粮食",
    "工业",
    "建筑业",
    "固定资产投资",
    "投资",
    "消费",
    "国内贸易",
    "对外贸易",
    "对外经济",
    "财政",
    "金融",
    "交通",
    "邮电",
    "旅游",
    "教育",
    "科技",
    "卫生",
    "文化",
    "人民生活",
    "社会保障",
    "环境",
    "能源",
    "价格",
    "就业",
    "畜牧业",
    "林业",
    "渔业",
];

/// "人口年末常住人口…", "粮食全年农作物播种面积…": a bulletin's heading at the start of
/// a line, run into the sentence (a scope or time word follows it); returns its length.
fn run_in_heading_at(doc: &Doc, s: usize, end: usize) -> Option<usize> {
    if !(s == 0 || matches!(doc.before(s), '\n' | '\r')) {
        return None;
    }
    let h = doc.longest_at(s, RUN_IN_HEADINGS)?;
    let n = h.chars().count();
    let next = ["全年", "年末", "年底", "全县", "全市", "全省", "全区", "年内", "今年"];
    (s + n + 2 < end && next.iter().any(|w| doc.starts_with(s + n, w))).then_some(n)
}

/// Words after a number that show the counted noun does not follow it.
pub(crate) static POST_BLOCKERS: &[&str] = &[
    "的", "以上", "以下", "左右", "同比", "比上", "比去", "较", "内", "以内", "以来", "后", "前", "之中", "之", "共",
    "余", "多", "次", "同期", "分别", "均", "每", "平均", "被", "在", "是", "和", "及", "与", "或", "等",
    // "从1832户增加到3382户", "突破4000亿元、达到4211亿元": a verb, not a noun.
    "增加", "增长", "提高", "上升", "下降", "减少", "达到", "突破", "增至", "降至",
];

/// Nouns that make "八项…清单" the name of a document rather than a count.
pub(crate) static DOCUMENT_WORDS: &[&str] =
    &["清单", "规定", "制度", "办法", "意见", "方案", "条例", "准则", "细则", "守则", "禁令", "纪律", "精神", "要求"];

/// Fixed political and economic terms that contain a Chinese numeral and a counter.
pub(crate) static FIXED_TERMS: &[&str] = &[
    "三次产业",
    "两个确立",
    "两个维护",
    "四个意识",
    "四个自信",
    "三个代表",
    "四个全面",
    "三个务必",
    "两个大局",
    "两个结合",
    "五个必由之路",
    "三个区分开来",
];

/// Words that make an amount with 万/亿 but no unit a sum of money.
pub(crate) static MONEY_WORDS: &[&str] = &[
    "金额",
    "资金",
    "资产",
    "损失",
    "挽损",
    "产值",
    "总值",
    "收入",
    "税",
    "投资",
    "营业额",
    "成交额",
    "销售额",
    "经费",
    "罚没",
    "罚款",
    "费用",
    "总额",
    "价值",
    "利润",
    "支出",
    "预算",
    "贷款",
    "存款",
    "融资",
    "交易额",
    "GDP",
    "生产总值",
];

/// Do two labels share a two-char run (ignoring punctuation), or does one contain the
/// other?
pub fn labels_overlap(a: &str, b: &str) -> bool {
    let clean =
        |s: &str| -> Vec<char> { s.chars().map(super::text::normalize).filter(|c| c.is_alphanumeric()).collect() };
    let (a, b) = (clean(a), clean(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a.len() == 1 || b.len() == 1 {
        let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
        return short.first().is_some_and(|c| long.contains(c));
    }
    let grams: std::collections::HashSet<(char, char)> =
        a.windows(2).filter_map(|w| Some((*w.first()?, *w.get(1)?))).collect();
    b.windows(2).filter_map(|w| Some((*w.first()?, *w.get(1)?))).any(|g| grams.contains(&g))
}
