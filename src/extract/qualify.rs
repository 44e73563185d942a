//! Qualifying a label by the figure before it, so that two figures of one kind and unit
//! get labels a reader can tell apart: "受理…25.4万件、办结23.1万件" (the verb takes the
//! subject and object of the figure before), "查办食品案件54.4万件，罚没金额26.3亿元" (an
//! attribute takes the object it belongs to), "办理各类案件…，其中刑事案件…" (a part takes
//! its whole's verb; a part that names itself, 城镇人口, stays as it is and is told from
//! another part of that name by distinguish), "死亡5人，受伤8人" (a toll takes its events' name), "破案率…，发案率…" and
//! "总产值…；增加值…" (a bare rate or measure takes the subject of the one before),
//! "工业投资增长20.3%，比同期增速高5.1个百分点" (a gap in points is of the growth before),
//! "依法打击…犯罪，起诉385人" (a bare case verb takes the object of a crackdown).

use super::figure::Reading;
use super::leading::KEPT_LEADING;
use super::scanner::{Cand, Found, Scanner};
use crate::model::Kind;

/// Verbs of case handling that label a figure with the subject and object of the figure
/// before ("办结" after "法院受理各类案件" → "法院办结各类案件").
pub(super) static CASE_VERBS: &[&str] = &[
    "受理",
    "办结",
    "审结",
    "执结",
    "结案",
    "立案",
    "新收",
    "收案",
    "破获",
    "侦破",
    "查处",
    "查办",
    "办理",
    "起诉",
    "公诉",
    "审、执结",
    "侦查",
    "批捕",
    "逮捕",
    "抓获",
    "处理",
    "审理",
    "督办",
    "打掉",
    "捣毁",
    "摧毁",
];

/// The longest subject and case verb that takes an object from the figure before
/// ("市中院受理"), in chars.
const MAX_SUBJECT_VERB: usize = 8;

/// "各类案件": all kinds of the cases, a word of the figure that says it.
const ALL_KINDS: &str = "各类";

/// Attributes of the cases the figure before counts ("罚没金额" of "查办食品案件").
/// Parts a quantity is broken down into after 分…看 (分产业看，第一产业…).
const BREAKDOWN_PARTS: [&str; 3] = ["第一产业", "第二产业", "第三产业"];

/// Head nouns of a quantity broken down so, which its parts take.
const BREAKDOWN_HEADS: [&str; 4] = ["投资", "增加值", "就业人员", "从业人员"];

/// How far back the 分…看 of a breakdown is looked for, in chars.
const MAX_BREAKDOWN_BACK: usize = 60;

/// The longest heading of a breakdown (分经济类型看, 从重点行业看), in chars.
const MAX_HEADING_WORDS: usize = 10;

/// The most chars between the quantity and its 分…看.
const MAX_BREAKDOWN_GAP: usize = 2;

/// What a completion rate is of (完成年度计划的108%, 完成目标任务的157%).
const COMPLETION_TARGETS: [&str; 3] = ["任务", "计划", "目标"];

/// The verb of a completion.
const COMPLETED: &str = "完成";

/// Totals of the things counted just before (项目…个，总投资…).
const TOTALS: [&str; 4] = ["总投资", "计划总投资", "总规模", "投资总额"];

static ATTRIBUTES: &[&str] = &[
    "罚没金额",
    "罚没款",
    "涉案货值金额",
    "涉案货值",
    "货值金额",
    "涉案金额",
    "罚款金额",
    "挽回损失",
    "案值",
    "涉案标的额",
    "诉讼标的额",
    "标的额",
    "标的金额",
];

/// What an output is called (水泥产量).
const OUTPUT: &str = "产量";

/// Words that make a case verb a compound one (批准逮捕, 批准和决定逮捕): no subject of it.
const VERB_MODIFIERS: [&str; 4] = ["批准和决定", "批准", "决定", "提请"];

/// The units events are counted in (火灾17435起).
const EVENT_UNITS: [&str; 4] = ["起", "次", "场", "宗"];

/// The losses of events, which take the events' name as tolls do (火灾直接财产损失).
const LOSSES: [&str; 4] = ["直接财产损失", "直接经济损失", "财产损失", "经济损失"];

/// What an event cost, named bare after the count of the events ("发生事故45起、死亡38人"):
/// the label takes the events' name.
pub(super) static TOLLS: &[&str] = &["死亡", "受伤", "失踪", "死亡失踪", "遇难", "伤亡", "死伤"];

/// Words that open a gap between two growths ("比同期增速高", "高于全省平均水平").
const COMPARISONS: [&str; 5] = ["比", "高于", "低于", "快于", "慢于"];

/// What a growth pulls ("拉动全市工业增长2.9个百分点").
const PULLS: &str = "拉动";

/// A growth rate's name.
const GROWTH: &str = "增速";

/// The unit of a gap between rates.
const POINTS: &str = "个百分点";

/// Rates named after their subject ("刑事案件破案率"): a bare one after another takes
/// that one's subject.
static RATE_NOUNS: &[&str] =
    &["破案率", "发案率", "结案率", "审结率", "执结率", "调解率", "化解率", "采纳率", "达标率", "满意度", "知晓率"];

/// Measures of an industry or a crop named after it ("农林牧渔业总产值", "蔬菜播种面积"):
/// a bare one after another takes that one's subject.
pub(super) static MEASURE_NOUNS: &[&str] = &["增加值", "总产值", "产值", "产量", "播种面积", "营业收入", "利润总额"];

/// Units of a sown or planted area, whose figure is named by its crop.
const AREA_UNITS: [&str; 2] = ["公顷", "亩"];

/// The count of events, named bare after them ("…受伤2人，同比去年起数下降16.67%").
const EVENT_COUNT: &str = "起数";

/// The counts of events or of a toll ("起数" of 火灾起数, "人数" of 死亡人数).
static TOLL_COUNTS: &[&str] = &["起数", PEOPLE_COUNT];

/// What a count of people is called after a toll (死亡人数).
pub(super) const PEOPLE_COUNT: &str = "人数";

/// Verbs before the name of events, dropped when a toll takes the name ("发生事故" → 事故死亡).
static EVENT_VERBS: &[&str] = &["共发生", "发生", "共接报", "接报"];

/// Verbs of a project's stages, after the projects they count (工业项目新开工110个).
const PROJECT_VERBS: [&str; 9] = ["新开工", "开工", "竣工", "建成", "投产", "完工", "开通", "签约", "落地"];

/// Last chars of a label that names a measure already (增加值, 产量, 金额, 收入, 投资…).
const MEASURE_ENDS: &str = "值量额入出资数率积价费润税款重比收";

/// Verbs an item of a 新增 list may open with, which make it no new thing.
const OWN_VERBS: [&str; 10] = ["新", "更新", "带动", "推动", "改造", "培育", "建成", "完成", "实现", "提升"];

/// Verbs of what is new, at the start of a 、-list's first item (新增…、…).
const NEW_VERBS: [&str; 7] = ["新增", "新培育", "新建", "新认定", "新设立", "新引进", "新开工"];

/// What a share of growth is called ("对经济增长的贡献率").
const CONTRIBUTION: &str = "贡献率";

/// The measure a subject's contribution drops (第一产业增加值 → 第一产业).
const VALUE_ADDED: &str = "增加值";

/// Labels that say only which rate of a quantity: the figure before names the quantity.
pub(super) static RATES_OF: &[&str] = &["增速", "增幅", "降幅", "比重", "占比", "增长率", "增长速度"];

/// The farthest the figure before may end from this clause's start, in chars.
const MAX_GAP: usize = 40;

impl Scanner<'_> {
    /// The label `text` qualified by the figure before, if it needs and has one.
    pub(super) fn qualified(&mut self, f: &Found, r: &Reading, text: &str) -> Option<String> {
        let doc = self.doc;
        // 其中: remember the whole the parts that follow belong to.
        // "其中农业…", "其中，农业…".
        let qizhong = (r.ps..r.core_start.max(r.ps))
            .find(|&k| doc.starts_with(k, "其中"))
            .or_else(|| (r.ps >= 3 && doc.before(r.ps) == ',' && doc.starts_with(r.ps - 3, "其中")).then(|| r.ps - 3));
        if let (Some(k), Some(l)) = (qizhong, self.last.as_ref()) {
            // "…总产值37.42亿元,较上年增长4.5%。其中,农业…": 其中 opening the next sentence.
            let between = doc.norm_str(l.end, k);
            let between = between.strip_suffix('。').unwrap_or(&between);
            if l.end <= k && !between.contains(['。', '\n']) {
                // "年末常住人口…，其中城镇人口": the whole is 常住人口.
                let whole = KEPT_LEADING.iter().find_map(|w| l.label.strip_prefix(w));
                self.sub = Some((whole.unwrap_or(&l.label).to_string(), k));
            }
        }
        if let Some((whole, k)) = &self.sub {
            let verb = CASE_VERBS.iter().filter_map(|v| whole.find(v)).min().map_or("", |k| verb_prefix(&whole[k..]));
            let same_sentence = *k <= f.start && !doc.norm_str(*k, f.start).contains(['。', '\n', ';', '；']);
            // "发生较大以上事故8起，死亡30人；其中重大事故1起": the whole is the figure
            // before 其中 in this one's unit.
            let unit = f.unit.as_ref().map(|u| u.text.as_str()).unwrap_or("");
            let in_unit = self.whole_in_unit(*k, unit);
            // "查处各类交通违法5.9万起，其中酒驾475起": a part in the whole's unit, the whole
            // counted by its verb, is counted by the same verb.
            let verb_first = in_unit.as_deref().is_some_and(|w| !verb.is_empty() && w.starts_with(verb));
            let whole = in_unit.unwrap_or_else(|| whole.clone());
            let whole = EVENT_VERBS.iter().find_map(|v| whole.strip_prefix(v)).unwrap_or(&whole);
            // "农林牧渔业总产值37.42亿元…。其中,农业29.24亿元…;林业0.34亿元": each industry's
            // 产值, past the semicolons of the breakdown.
            let same_passage = *k <= f.start && !doc.norm_str(*k, f.start).contains(['。', '\n']);
            if let Some(head) = industry_head(whole, text).filter(|_| same_passage) {
                return Some(format!("{text}{head}"));
            }
            if !same_sentence {
                // A breakdown by industry runs on past its semicolons.
                let by_industry = INDUSTRY_HEADS.iter().any(|(w, _)| whole.ends_with(w));
                if !(same_passage && by_industry) {
                    self.sub = None;
                }
            } else if !verb.is_empty()
                && KIND_HEADS.iter().any(|h| whole.ends_with(h) && text.ends_with(h))
                && !CASE_VERBS.iter().any(|v| text.contains(v))
            {
                // "办理各类案件42248件，其中刑事案件34528件": the whole's verb is the part's.
                return Some(format!("{verb}{text}"));
            } else if same_sentence
                && verb_first
                && !CASE_VERBS.iter().any(|v| text.contains(v))
                && !TOLLS.contains(&text)
                && !OUTCOMES.iter().any(|o| text.starts_with(o))
            {
                return Some(format!("{verb}{text}"));
            } else if TOLLS.contains(&text) {
                // A toll takes its events' name (below).
            } else if ["以上", "以下"].iter().any(|b| text.ends_with(b)) && whole.chars().count() >= 2 {
                // "攻破40起积案，其中20年以上32起": a part named by a bound only.
                return Some(format!("{whole}（{text}）"));
            }
        }
        if let Some(q) = self.object_from_before(f, r, text) {
            return Some(q);
        }
        if let Some(q) = self.object_of_verb_before(f, r, text) {
            return Some(q);
        }
        if let Some(q) = self.object_of_campaign(r, text) {
            return Some(q);
        }
        if let Some(q) = self.topic_of_campaign(r, text) {
            return Some(q);
        }
        if let Some(q) = self.crime_of_campaign(r, text) {
            return Some(q);
        }
        if let Some(q) = self.part_of_breakdown(r, text) {
            return Some(q);
        }
        if let Some(q) = self.part_under_heading(f, r, text) {
            return Some(q);
        }
        if let Some(q) = self.product_after_colon(r, text) {
            return Some(q);
        }
        if let Some(q) = self.completion_of(f, text) {
            return Some(q);
        }
        let l = self.last.as_ref()?;
        if l.end > r.ps || r.ps - l.end > MAX_GAP || doc.norm_str(l.end, r.ps).contains(['。', '\n']) {
            return None;
        }
        if let Some(q) = self.parallel_head(f, r, text) {
            return Some(q);
        }
        if let Some(q) = self.compared(f, text) {
            return Some(q);
        }
        // "全年谋划实施项目382个，总投资1048亿元": the total of the things just counted.
        let counted = self.out.last().is_some_and(|p| p.kind == Kind::Count && p.label == l.label);
        if TOTALS.contains(&text) && counted && l.label.chars().count() >= 2 {
            return Some(format!("{}{text}", l.label));
        }
        let verb_in_before = CASE_VERBS.iter().filter_map(|v| l.label.find(v).map(|k| (k, *v))).min();
        // Only a figure in the unit of the one before counts the same things (抓获15人
        // after 查处案件12起 counts people, not cases).
        let unit = f.unit.as_ref().map(|u| u.text.as_str()).unwrap_or("");
        // "审结涉黑案件33件490人、涉恶案件108件739人": the item before in this unit, past its
        // other unit.
        let same_unit = self.out.last().is_some_and(|p| p.unit == unit)
            || self.out.iter().rev().nth(1).is_some_and(|p| p.unit == unit && p.label == l.label);
        // "破获传统侵财案件1787起、电信网络诈骗案件1295起": the verb that opens a 、-list
        // of figures is every item's.
        // "济南公安打掉涉黑组织1个、恶势力犯罪集团7个": the verb, without its subject.
        let verb = verb_in_before.map_or("", |(k, _)| verb_prefix(&l.label[k..]));
        // "新培育农民合作社52家、家庭农场75个": what is new is every item's.
        let new = NEW_VERBS.iter().find(|v| l.label.starts_with(*v)).copied().filter(|_| verb.is_empty());
        let verb = new.unwrap_or(verb);
        // "新增…、更新新能源公交车320辆": an item with a verb of its own keeps it.
        let own_verb = OWN_VERBS.iter().any(|v| text.starts_with(v));
        let fits = same_unit || (new.is_some() && !own_verb);
        if fits && !verb.is_empty() && doc.norm_str(l.end, r.ps).trim() == "、" {
            let has_verb = CASE_VERBS.iter().any(|v| text.contains(v));
            if !has_verb && text.chars().count() >= 2 {
                return Some(format!("{verb}{text}"));
            }
        }
        // "工业项目新开工110个、竣工投产60个": the subject of the item before is this one's.
        if doc.norm_str(l.end, r.ps).trim() == "、" && PROJECT_VERBS.iter().any(|v| text.starts_with(v)) {
            let k = PROJECT_VERBS.iter().filter_map(|v| l.label.find(v)).min();
            if let Some(subject) = k.map(|k| &l.label[..k]).filter(|s| s.chars().count() >= 2) {
                return Some(format!("{subject}{text}"));
            }
        }
        // "累计接待游客17.52亿人次、旅游花费1.27万亿元": the running total is every item's.
        if doc.norm_str(l.end, r.ps).trim() == "、" {
            if let Some(w) = KEPT_LEADING.iter().find(|w| l.label.starts_with(*w) && !text.starts_with(*w)) {
                return Some(format!("{w}{text}"));
            }
        }
        // "受理各类案件321146件，同比上升5.2%；审结315210件": past the change of the figure
        // before, to the figure it changes.
        let changed_same_unit = self
            .out
            .iter()
            .rev()
            .find(|p| !matches!(p.kind, Kind::YoyChange | Kind::Change))
            .is_some_and(|p| p.unit == unit && p.label == l.label);
        if CASE_VERBS.contains(&text) && (same_unit || changed_same_unit) {
            let (k, v) = verb_in_before?;
            // "全市法院受理各类案件…，办结…": 各类 is the first count's word; the cases
            // taken over are just 案件.
            let object = l.label[k + v.len()..].trim_start_matches(ALL_KINDS);
            // "批准逮捕1200人，起诉1500人": 批准 is part of the verb, no subject.
            let subject = &l.label[..k];
            let subject = VERB_MODIFIERS.iter().find_map(|m| subject.strip_suffix(m)).unwrap_or(subject);
            let q = format!("{subject}{text}{object}");
            return (q != text).then_some(q);
        }
        // "刑事案件破案率上升2.7%，发案率下降8.5%", "农林牧渔业总产值…，增加值…": a bare
        // rate or measure of the same subject.
        for nouns in [RATE_NOUNS, MEASURE_NOUNS] {
            if !nouns.contains(&text) {
                continue;
            }
            let subject = nouns.iter().filter(|r| **r != text).find_map(|r| l.label.strip_suffix(r));
            if let Some(subject) = subject.filter(|s| s.chars().count() >= 2) {
                return Some(format!("{subject}{text}"));
            }
            // "果用瓜1107公顷，增长1.9%，产量28408吨": the crop an area was named by.
            let crop = self.out.iter().rev().find(|c| !matches!(c.kind, Kind::YoyChange | Kind::Change));
            if let Some(c) = crop.filter(|c| AREA_UNITS.contains(&c.unit.as_str()) && c.label.chars().count() >= 2) {
                return Some(format!("{}{text}", c.label));
            }
        }
        // "果蔬产值57亿元，占种植业产值的33.9%": a share names what it is a share of, not
        // whose; the figure before says whose.
        // "第一产业增加值…，增速比上年提高1.5个百分点": whose 增速.
        if RATES_OF.contains(&text) && !l.label.is_empty() && !l.label.ends_with(text) {
            return Some(format!("{}{text}", l.label));
        }
        if text.starts_with('占') && !l.label.starts_with('占') && !l.label.is_empty() {
            return Some(format!("{}{text}", l.label));
        }
        // "第一产业增加值…，增长7.8%，对经济增长的贡献率为18.2%": whose contribution.
        let to = doc.norm_str(r.ps, f.start).trim_start().starts_with('对');
        if to && text.ends_with(CONTRIBUTION) && !text.contains('对') {
            // 民营经济增加值占GDP比重 → 民营经济.
            let whole = l.label.split('占').next().unwrap_or(&l.label);
            let subject = whole.strip_suffix(VALUE_ADDED).unwrap_or(whole);
            return (subject.chars().count() >= 2).then(|| format!("{subject}对{text}"));
        }
        // "发生火灾1200起，死亡5人，受伤8人": the toll takes the events' name; so does
        // the count of a toll ("…火灾起数下降12.5%，死亡人数下降28.6%").
        let toll = TOLLS.iter().any(|t| text == *t || text.strip_prefix(*t).is_some_and(|r| TOLL_COUNTS.contains(&r)));
        // "城乡火灾17435起、死亡69人、直接财产损失1.27亿元": so does a loss, after a count of
        // events or of their toll (not after an area: 林地受灾面积…;直接经济损失).
        let after_events = self
            .out
            .last()
            .is_some_and(|p| EVENT_UNITS.contains(&p.unit.as_str()) || TOLLS.iter().any(|t| p.label.contains(t)));
        let loss = LOSSES.contains(&text) && after_events;
        if toll || text == EVENT_COUNT || loss {
            let events = EVENT_VERBS.iter().find_map(|v| l.label.strip_prefix(v)).unwrap_or(&l.label);
            // The figure before may be a toll or a count itself (火灾死亡, 火灾起数).
            let events = TOLL_COUNTS.iter().find_map(|t| events.strip_suffix(t)).unwrap_or(events);
            let events = TOLLS.iter().find_map(|t| events.strip_suffix(t)).unwrap_or(events);
            let own_toll = TOLLS.iter().any(|t| events.ends_with(t));
            // "死亡5人": the bar counts people, 火灾死亡人数.
            let people = TOLLS.contains(&text) && f.unit.as_ref().is_some_and(|u| u.text == "人");
            let count = if people { PEOPLE_COUNT } else { "" };
            return (events.chars().count() >= 2 && !own_toll).then(|| format!("{events}{text}{count}"));
        }
        if ATTRIBUTES.contains(&text) {
            let (k, v) = verb_in_before?;
            let object = &l.label[k + v.len()..];
            // "查办各类违法案件…；罚没金额…": the amount of all the cases is just 罚没金额.
            if object.starts_with(ALL_KINDS) {
                return None;
            }
            return (object.chars().count() >= 2).then(|| format!("{object}{text}"));
        }
        None
    }

    /// "工业投资增长20.3%，比同期增速高5.1个百分点": a gap in points with no subject is the
    /// gap of the growth before (工业投资增速比同期高); "…，拉动全市工业增长2.9个百分点":
    /// what the growth before pulled (非油工业增加值拉动全市工业增长).
    fn compared(&self, f: &Found, text: &str) -> Option<String> {
        if f.unit.as_ref().map(|u| u.text.as_str()) != Some(POINTS) {
            return None;
        }
        // The growth before in its sentence ("增长7.8%，对经济增长的贡献率为18.2%，拉动GDP…").
        let growth = |c: &&Cand| c.unit == "%" && matches!(c.kind, Kind::YoyChange | Kind::Change);
        let before = self.out.iter().rev().take(MAX_BACK_RECORDS).find(growth)?;
        let sentence_break = self.doc.norm_str(before.qe, f.start.max(before.qe)).contains(['。', '；', ';', '\n']);
        let subject = super::naming::untagged(&before.label);
        if subject.chars().count() < 2 || sentence_break {
            return None;
        }
        if let Some(pulled) = text.strip_prefix(PULLS) {
            let pulled = pulled.strip_suffix("增长").unwrap_or(pulled);
            return Some(format!("{subject}{PULLS}{pulled}增长"));
        }
        COMPARISONS.iter().find(|c| text.starts_with(*c))?;
        let gap = text.replacen(GROWTH, "", 1);
        let subject = subject.strip_suffix(GROWTH).unwrap_or(subject);
        Some(format!("{subject}{GROWTH}{gap}"))
    }

    /// "固定资产投资增长9.7%。分产业看，第一产业增长129.2%": an industry named bare after
    /// 分…看 or 按…分 is that part of the quantity broken down (第一产业投资; "城乡就业人员
    /// 131.28万人。按产业划分，第一产业51.55万人" → 第一产业就业人员).
    fn part_of_breakdown(&self, r: &Reading, text: &str) -> Option<String> {
        if !BREAKDOWN_PARTS.contains(&text) {
            return None;
        }
        let doc = self.doc;
        let a = r.ps.saturating_sub(MAX_BREAKDOWN_BACK);
        let words = doc.norm_str(a, r.ps);
        // 分产业看, 按产业划分: where the phrase starts.
        let k = words.rfind('分')?;
        let k = match words[..k].rfind('按') {
            _ if words[k..].contains('看') => k,
            Some(b) if !words[b..k].contains([',', ';', '。']) => b,
            _ => return None,
        };
        if words[k..].contains('\n') {
            return None;
        }
        let at = a + words[..k].chars().count();
        let whole = self.out.iter().rev().find(|c| c.qe <= at)?;
        let near = at - whole.qe <= MAX_BREAKDOWN_GAP && !doc.norm_str(whole.qe, at).contains('\n');
        let head = BREAKDOWN_HEADS.iter().find(|h| whole.label.ends_with(*h) && whole.label.len() > h.len())?;
        near.then(|| format!("{text}{head}"))
    }

    /// "规模以上工业增加值同比增长2.3%。…\n分经济类型看，国有企业同比下降16.1%": a part
    /// named bare, changing in a sentence headed 分…看 or 从…看, is that part of the last
    /// quantity of its section that grew in per cent (国有企业增加值).
    fn part_under_heading(&self, f: &Found, r: &Reading, text: &str) -> Option<String> {
        let percent =
            f.unit.as_ref().is_some_and(|u| u.text == "%") && r.flags.dir != super::trailing::Direction::Unstated;
        if !percent || text.chars().count() < 2 || text.ends_with(|c| MEASURE_ENDS.contains(c)) {
            return None;
        }
        // The sentence's start, and its first clause: 分…看 or 从…看 (read without copying).
        let doc = self.doc;
        let at = doc.start_back(r.ps, MAX_BREAKDOWN_BACK, &['。', '\n', ';'])?;
        let comma = (at..r.ps).find(|&k| doc.c(k) == ',')?;
        let heading = matches!(doc.c(at), '分' | '从') && doc.before(comma) == '看';
        if !heading || comma - at > MAX_HEADING_WORDS {
            return None;
        }
        let section = self.section_at(at);
        let growth = |c: &&Cand| c.unit == "%" && matches!(c.kind, Kind::YoyChange | Kind::Change);
        let whole = self.out.iter().rev().take(MAX_BACK_RECORDS).filter(|c| c.qe <= at).find(growth)?;
        let head =
            super::lists::HEAD_NOUNS.iter().find(|h| whole.label.ends_with(*h) && whole.label.len() > h.len())?;
        (whole.section == section && !text.contains(head)).then(|| format!("{text}{head}"))
    }

    /// "主要产品产量:水泥125万吨,…;原煤154万吨": a product named bare after a heading
    /// of outputs and a colon, in its line, is that product's output (水泥产量).
    fn product_after_colon(&self, r: &Reading, text: &str) -> Option<String> {
        let bare = text.chars().count() >= 2 && !text.ends_with(|c| MEASURE_ENDS.contains(c));
        if !bare || text.contains(['值', '额', '率']) {
            return None;
        }
        // The colon in the line before, read back without copying.
        let doc = self.doc;
        let colon = (r.ps.saturating_sub(MAX_BREAKDOWN_BACK)..r.ps)
            .rev()
            .take_while(|&k| doc.c(k) != '\n')
            .find(|&k| doc.c(k) == ':')?;
        doc.ends_with(colon, OUTPUT).then(|| format!("{text}{OUTPUT}"))
    }

    /// "城镇新增就业50801人，…，完成省民生工程目标任务的130.26%，市民生工程目标任务的127%":
    /// a completion rate is that of the level before it in its sentence, and a target
    /// named right after a completion is completed by the same.
    fn completion_of(&self, f: &Found, text: &str) -> Option<String> {
        let percent = f.unit.as_ref().is_some_and(|u| u.text == "%");
        if !percent || !COMPLETION_TARGETS.iter().any(|t| text.ends_with(t)) {
            return None;
        }
        let n = self.out.len();
        let i = (n.saturating_sub(MAX_BACK_RECORDS)..n)
            .rev()
            .find(|&i| self.out[i].unit != "%" && !matches!(self.out[i].kind, Kind::YoyChange | Kind::Change))?;
        let level = &self.out[i];
        let ends = |a: usize, b: usize| a > b || self.doc.norm_str(a, b).contains(['。', ';', '\n']);
        // The level is its sentence's subject: the first figure in it ("棚户区改造新开工3512套，
        // 基本建成2786套，完成…" names no one subject).
        let first = i == 0 || ends(self.out[i - 1].qe, level.qs);
        if ends(level.qe, f.start) || !first || text.contains(&level.label) {
            return None;
        }
        if text.starts_with(COMPLETED) {
            return Some(format!("{}{text}", level.label));
        }
        let completed = format!("{}{COMPLETED}", level.label);
        let after_completion = self.out.last().is_some_and(|p| p.unit == "%" && p.label.starts_with(&completed));
        after_completion.then(|| format!("{completed}{text}"))
    }

    /// "采矿业增加值同比增长14.5%，制造业增长15.7%": a bare subject growing right after a
    /// quantity's growth is that quantity of its own (制造业增加值).
    fn parallel_head(&self, f: &Found, r: &Reading, text: &str) -> Option<String> {
        let l = self.last.as_ref()?;
        let p = self.out.last()?;
        let growths = p.unit == "%" && matches!(p.kind, Kind::YoyChange | Kind::Change);
        let percent =
            f.unit.as_ref().is_some_and(|u| u.text == "%") && r.flags.dir != super::trailing::Direction::Unstated;
        let head = super::lists::HEAD_NOUNS.iter().find(|h| l.label.ends_with(*h) && l.label.len() > h.len())?;
        let bare = text.chars().count() >= 2 && !text.ends_with(|c| MEASURE_ENDS.contains(c)) && !text.contains(head);
        (growths && percent && bare).then(|| format!("{text}{head}"))
    }

    /// The label of the last figure in `unit` before 其中 at `k`, in its sentence, without
    /// the kept leading words (年末常住人口 → 常住人口).
    fn whole_in_unit(&self, k: usize, unit: &str) -> Option<String> {
        let doc = self.doc;
        let c = self.out.iter().rev().take(MAX_BACK_RECORDS).find(|c| c.qe <= k && c.unit == unit)?;
        if doc.norm_str(c.qe, k).contains(['。', '\n']) {
            return None;
        }
        let whole = KEPT_LEADING.iter().find_map(|w| c.label.strip_prefix(w)).unwrap_or(&c.label);
        Some(whole.to_string())
    }

    /// "受理各类案件25.4万件，办结23.1万件，同比分别上升3.6%和3.1%。其中市中院受理2.8万件":
    /// a subject and a bare case verb take the object of the last figure in their unit
    /// in the paragraph (案件, without 各类).
    fn object_from_before(&self, f: &Found, r: &Reading, text: &str) -> Option<String> {
        let short = text.chars().count() <= MAX_SUBJECT_VERB;
        // (A bare verb, 审、执结 too, takes the subject as well: below.)
        if !(short
            && !CASE_VERBS.contains(&text)
            && CASE_VERBS.iter().any(|v| text.ends_with(v) && text.len() > v.len()))
        {
            return None;
        }
        let unit = f.unit.as_ref().map(|u| u.text.as_str()).filter(|u| !u.is_empty())?;
        let c = self.out.iter().rev().take(MAX_BACK_RECORDS).find(|c| c.unit == unit)?;
        let near = c.qe <= r.ps && r.ps - c.qe <= 2 * MAX_GAP && !self.doc.norm_str(c.qe, r.ps).contains('\n');
        let (k, v) = CASE_VERBS.iter().filter_map(|v| c.label.find(v).map(|k| (k, *v))).min()?;
        let object = c.label[k + v.len()..].trim_start_matches(ALL_KINDS);
        // "一线法官人均结案483.99件": 结案, 立案 already name the cases; "立案侦查44人" counts
        // people, not cases.
        let names_cases = (text.ends_with('案') || unit == "人") && object.ends_with("案件");
        (near && object.chars().count() >= 2 && !text.contains(object) && !names_cases)
            .then(|| format!("{text}{object}"))
    }
}

impl Scanner<'_> {
    /// "共排查化解纠纷12196起,化解12008起": a bare two-char verb that the figure just before
    /// (same unit, same sentence) named with its object takes that object (化解纠纷).
    fn object_of_verb_before(&self, f: &Found, r: &Reading, text: &str) -> Option<String> {
        if text.chars().count() != 2 || !text.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
            return None;
        }
        let unit = f.unit.as_ref().map(|u| u.text.as_str()).filter(|u| !u.is_empty())?;
        let c = self.out.last().filter(|c| c.unit == unit && c.kind == Kind::Count)?;
        let near = c.qe <= r.ps && r.ps - c.qe <= MAX_GAP && !self.doc.norm_str(c.qe, r.ps).contains(['。', '\n', ';']);
        let k = c.label.find(text)?;
        let object = &c.label[k + text.len()..];
        let n = object.chars().count();
        (near && (2..=MAX_VERB_OBJECT).contains(&n)).then(|| format!("{text}{object}"))
    }
}

/// The longest object a bare verb takes from the figure before (纠纷 of 排查化解纠纷), in chars.
const MAX_VERB_OBJECT: usize = 8;

/// The head noun an industry named bare after 其中 takes from the whole (农业 of
/// 农林牧渔业总产值 → 产值), if the whole has one.
/// Of a value (产值, 增加值) the parts are industries (农业); of an output or an area, any
/// product named bare (其中,稻谷39.1万吨 → 稻谷产量).
fn industry_head(whole: &str, part: &str) -> Option<&'static str> {
    let (_, head) = INDUSTRY_HEADS.iter().find(|(w, _)| whole.ends_with(w) && whole.len() > w.len())?;
    let of_value = head.ends_with('值');
    let bare = part.chars().count() >= 2
        && !part.ends_with(|c| MEASURE_ENDS.contains(c))
        && !part.contains(['值', '额', '率', '“'])
        && !part.chars().any(|c| c.is_ascii_digit());
    (bare && (!of_value || part.ends_with('业'))).then_some(*head)
}

/// How a court disposed of cases (审结59件，其中维持32件、改判10件): verbs of their own.
const OUTCOMES: [&str; 6] = ["维持", "改判", "发回", "调解", "驳回", "撤诉"];

/// What a whole ends with, and the head noun its industries take ("总产值" → 产值).
const INDUSTRY_HEADS: [(&str, &str); 6] = [
    ("总产值", "产值"),
    ("产值", "产值"),
    ("增加值", "增加值"),
    ("总产量", "产量"),
    ("产量", "产量"),
    ("播种面积", "播种面积"),
];

/// Head nouns of kinds of events ("…事故，其中较大事故…", "办理各类案件…，其中刑事案件").
pub(super) const KIND_HEADS: [&str; 3] = ["事故", "案件", "犯罪"];

/// How many records back the figure whose object a bare case verb takes may be.
const MAX_BACK_RECORDS: usize = 4;

/// The case verbs a label opens with ("立案查处" of "立案查处燃气用具案件"), or "".
pub(super) fn verb_prefix(label: &str) -> &str {
    let mut k = 0;
    while let Some(v) = CASE_VERBS.iter().find(|v| label[k..].starts_with(*v)) {
        k += v.len();
    }
    &label[..k]
}
