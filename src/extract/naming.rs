//! Naming a figure: its label (the words before it, the noun after its counter, a name
//! handed out by a 分别 list, the subject of the figure before) and its quote.

use super::clause::MAX_LABEL_BACK;
use super::figure::Reading;
use super::leading::{is_period, period_at_start, strip_leading};
use super::qualify::{verb_prefix, CASE_VERBS};
use super::scanner::{Found, Scanner};
use super::text::is_boundary;
use super::tidy::tidy;
use super::trailing::{strip_trailing, Direction};
use super::units::UnitClass;
use crate::model::Kind;

/// A label before the number this short is kept as the verb of a noun that follows
/// ("组建" + "电话流调队伍").
const SHORT_PRE: usize = 6;
/// A change with no subject of its own takes the label of a figure at most this many
/// chars before it.
const MAX_SUBJECT_GAP: usize = 40;
/// The longest number ending the clause before that a label is read back over
/// ("指数为3.42，排名全省第四"), in chars.
const MAX_NUMBER_PASSED: usize = 16;

/// The longest enumeration closed by 等 kept whole as a label, in chars (longer ones are
/// lists of offences no bar can carry).
const MAX_ENUMERATION: usize = 20;
/// The longest inner item of a list without 等 read as one name, in chars.
const MAX_SHORT_ITEM: usize = 4;

/// How far into the first item of an enumeration its case verb may start ("挂牌督办"), in
/// chars.
const MAX_VERB_OFFSET: usize = 2;

/// The longest base named before a figure of its value ("较“十三五”末的…"), in chars.
const MAX_BASE_NAME: usize = 8;

/// Marks a label takes to tell its figure from the quantity's other figures: where a change
/// starts ("企业从1832户…"), a yearly average over several years ("年均增长6.8%"). The
/// figures after it borrow the label without them.
pub(super) const START_TAG: &str = "（期初）";
/// See [`START_TAG`].
pub(super) const YEARLY_TAG: &str = "（年均）";

/// `label` without the marks of [`START_TAG`] and [`YEARLY_TAG`], or of a part of the year
/// ("（一季度）").
pub(super) fn untagged(label: &str) -> &str {
    let label = label.strip_suffix(YEARLY_TAG).unwrap_or(label);
    let label = label.strip_suffix(START_TAG).unwrap_or(label);
    match label.strip_suffix('）').and_then(|l| l.rsplit_once('（')) {
        Some((base, tag)) if !base.is_empty() && is_period(tag) => base,
        _ => label,
    }
}

/// A figure's label and quote.
pub(super) struct Label {
    /// What the figure counts.
    pub text: String,
    /// Start of the quote, in chars.
    pub qs: usize,
    /// End of the quote, in chars.
    pub qe: usize,
    /// The names a 分别 list starting at this figure hands out, one per figure.
    pub run_names: Option<Vec<String>>,
    /// The same names with the list split at 、 only.
    pub run_alt: Vec<String>,
    /// The items of a 均 list: the figure is recorded once for each.
    pub all_items: Vec<String>,
    /// What the figures after this one borrow when it is not the label itself (the
    /// quantity of "“十三五”末地区生产总值").
    pub plain: Option<String>,
}

impl Scanner<'_> {
    /// Names the figure and finds its quote. A level followed by its growth
    /// ("收入达到38462元，增长6.6%") makes the growth a change on last year (`r.yoy`).
    pub fn label_and_quote(&mut self, f: &Found, r: &mut Reading) -> Label {
        let mut label = self.lists(f, r);
        self.own_label(f, r, &mut label);
        // "二季度增长5.3%": a figure of a part of the year, with no other subject.
        let period = period_at_start(self.doc, self.doc.skip_spaces(r.ps, 2), f.pre_end)
            .filter(|_| r.core.is_empty() && !r.cont && label.run_names.is_none());
        self.borrow_subject(f, r, &mut label);
        self.restated(f, r, &mut label);
        if label.text.trim().is_empty() {
            // "…增加21万亩，达到近300万亩": a level after its change in one unit is its level.
            if let Some(l) = self.same_unit_before(f, r) {
                // "新增百亿县区26个，累计达到46个": the running total, told apart.
                let cumulative = self.doc.norm_str(r.ps, f.start).contains("累计");
                let l = untagged(&l);
                label.text =
                    if cumulative { format!("{}累计", l.strip_prefix("新增").unwrap_or(l)) } else { l.to_string() };
            }
        }
        if let Some(p) = period {
            // "一季度增长4.1%，二季度增长5.3%": the part before names no quantity either.
            if is_period(&label.text) {
                label.text.clear();
            }
            label.text = if label.text.trim().is_empty() { p } else { format!("{}（{p}）", label.text.trim()) };
        }
        // "实施…避险搬迁一期工程，让13.07万户…": one char (让, 使) names nothing; the clause
        // before does.
        // "全市14035户25559人享受城乡低保": nothing before, the predicate after says what;
        // "为243户530人发放…救助金": what they were given.
        // "春节期间为13690户…发放一次性生活补贴": a time before them names them no more.
        let words = label.text.trim();
        let when = names_a_time(words).then(|| words.to_string());
        if (words.is_empty() || when.is_some()) && r.count_like && !r.cont {
            let beneficiary = self.doc.before(f.start) == '为';
            if let Some((text, end)) = self.predicate_after(f.end, beneficiary) {
                label.text = format!("{}{text}", when.unwrap_or_default());
                label.qe = label.qe.max(end);
            }
        }
        // "命案发2起破2起": cases occurred, then solved: the solved are the same cases.
        let solved = ["破", "破案"].contains(&label.text.trim());
        if let Some(l) = self.last.as_ref().filter(|l| solved && l.end == r.ps) {
            if let Some(cases) = l.label.strip_suffix("发案").filter(|c| !c.is_empty()) {
                label.text = format!("破获{cases}");
            }
        }
        let fragment = label.text.trim().chars().count() == 1 && !r.cont;
        if label.text.trim().is_empty() || fragment {
            if let Some((text, start)) = self.clause_before_label(r.ps) {
                label.text = text;
                label.qs = label.qs.min(start);
            }
        }
        label.text = tidy(&label.text);
        // "累计接待游客17.52亿人次…，分别增长32.9%": a running total over several years grows
        // on the period before, not on last year — unless the text says 同比.
        if label.text.starts_with("累计") && !r.flags.yoy {
            r.yoy = false;
        }
        // "地区生产总值达到13697.5亿元，较“十三五”末的9323.1亿元…": the base's own value.
        let words = self.doc.raw_str(r.ps, r.core_start.max(r.ps).min(f.start));
        let words = if words.is_empty() { self.doc.raw_str(r.ps, f.start) } else { words };
        if let Some(base) = words.trim().strip_suffix('的').and_then(|w| w.strip_prefix(['较', '比'])) {
            let n = base.chars().count();
            if (2..=MAX_BASE_NAME).contains(&n) && !label.text.is_empty() && !label.text.starts_with(base) {
                label.plain = Some(std::mem::take(&mut label.text));
                label.text = format!("{base}{}", label.plain.as_deref().unwrap_or(""));
            }
        }
        // "规模以上工业企业从1832户增加到3382户": the first is where the change starts.
        // "由13677户49479人减至887户1472人": a figure glued to a start is a start too.
        let glued_to_start = self.last.as_ref().is_some_and(|l| l.end == f.start && l.start);
        if (r.from || glued_to_start) && !label.text.is_empty() && !label.text.ends_with(START_TAG) {
            label.text.push_str(START_TAG);
        }
        if label.run_names.is_none() && label.all_items.is_empty() && !r.cont {
            if let Some(q) = self.qualified(f, r, &label.text) {
                label.text = q;
            }
        }
        self.name_the_measure(f, r, &mut label);
        // "满意度较2018年上升12个百分点,达到86%": a level with no words of its own after a
        // change is where the changed quantity got to; "生产总值增长8.5%、总量突破3000亿元":
        // 总量 is that quantity's.
        if label.text.trim().is_empty() || label.text.trim() == TOTAL {
            if let Some(l) = self.last.as_ref().filter(|l| self.just_before_in_sentence(l.end, f.start)) {
                label.text = l.label.clone();
            }
        }
        if label.text.trim().is_empty() {
            label.text =
                f.unit.as_ref().map(|u| u.text.clone()).filter(|u| !u.is_empty()).unwrap_or_else(|| "数值".to_string());
        }
        label
    }

    /// A change with no subject of its own (增长6.6%, 回升2.1个百分点) takes the figure
    /// before's, told as what it changes: the quantity of a share or rate, a rate's points.
    fn borrow_subject(&self, f: &Found, r: &mut Reading, label: &mut Label) {
        if !self.borrows_subject(f, r, label) {
            return;
        }
        let Some(l) = &self.last else { return };
        // "抓获逃犯101人;查处各类治安案件1326,同比上升48.6%": a number read as no figure
        // stands between, so the change is of the words before that number.
        if let Some((words, a)) = self.words_before_bare_number(l.end, r.ps) {
            label.text = words;
            label.qs = label.qs.min(a);
            return;
        }
        label.text = untagged(&l.label).to_string();
        label.qs = label.qs.min(l.qs);
        // "发生一般事故110起、死亡105人，同比减少39起…": a change in a unit is of the
        // figure of the group before in that unit.
        if let Some(c) = self.same_unit_in_group(f) {
            label.text = untagged(&c).to_string();
        }
        // "采矿业增加值占比达96.05%，同比下降15.6%": a change in per cent after a share
        // is of the quantity; the share's change would be in points.
        if is_percent_change(f, r) {
            // "…回落4.8个百分点；两年平均增长6.0%": the quantity, not its rate.
            let rates = [SHARE, SHARE_WORD, GROWTH_RATE];
            if let Some(whole) = rates.iter().find_map(|w| label.text.strip_suffix(w)) {
                label.text = whole.to_string();
            }
        }
        // "比上年同期增长-8.7%，较一季度回升2.1个百分点": a change in points after a
        // growth rate is the rate's.
        if r.class == Some(UnitClass::Points) && self.after_growth_rate() && !names_a_rate_of(&label.text) {
            label.text.push_str(GROWTH_RATE);
            // "两年平均增长6.0%，比一季度加快0.7个百分点": the average's rate.
            if l.flags.yearly {
                label.text.push_str(YEARLY_TAG);
            }
        }
        // "农村居民人均可支配收入达到38462元，增长6.6%": a level, then its growth.
        if r.flags.bulletin_verb && !r.flags.chain {
            r.yoy = true;
        }
        // "较“十三五”末的9323.1亿元增加4374.4亿元，增长33.6%": the change on the
        // base the figure before named.
        if l.flags.chain && !r.flags.yoy {
            r.flags.chain = true;
            r.yoy = false;
        }
    }

    /// A figure that restates the one before: in another unit in brackets, or on another
    /// basis (同口径).
    fn restated(&self, f: &Found, r: &Reading, label: &mut Label) {
        // "人均地区生产总值达到42904元(6354美元)": the same figure in another unit.
        if let Some(l) = self.last.as_ref().filter(|l| self.doc.before(f.start) == '(' && l.end + 1 == f.start) {
            label.text = untagged(&l.label).to_string();
            label.qs = label.qs.min(l.qs);
            if self.doc.c(label.qe) == ')' {
                label.qe += 1;
            }
        }
        // "地方一般公共预算收入3.5亿元，…，同口径完成3.67亿元": the figure before, measured so.
        let q = label.text.trim();
        if is_qualifier(q) && !names_a_rate_of(q) && r.flags.dir == Direction::Unstated {
            if let Some(l) = self.level_in_unit_before(f) {
                label.text = format!("{}（{}）", untagged(&l), label.text.trim());
            } else if let Some(l) = self.money_just_before(f, r) {
                // "人均地区生产总值38214元，按2019年平均汇率计算为5686美元": the same
                // figure in another currency, which its unit tells apart.
                label.text = untagged(&l).to_string();
            }
        }
    }

    /// What the figure measures, said in the label: a share's word, a rate of a verb, a
    /// rank's scope, a toll's people, a group of the population, a yearly average.
    fn name_the_measure(&self, f: &Found, r: &Reading, label: &mut Label) {
        // "第一产业占比提高0.3个百分点": the change is of the share, not of the industry.
        let points = f.unit.as_ref().is_some_and(|u| u.text == "个百分点");
        if points && self.doc.starts_with(r.core_end, SHARE_WORD) && !label.text.ends_with(SHARE_WORD) {
            label.text.push_str(SHARE_WORD);
        }
        // "命案连续8年100%侦破": the rate of what the verb after the figure did.
        if let Some(v) = RATE_VERBS.iter().find(|v| self.doc.starts_with(f.end, v)) {
            let percent = f.unit.as_ref().is_some_and(|u| u.text == "%");
            if percent && !label.text.is_empty() && !names_a_rate_of(&label.text) {
                label.text = format!("{}{v}率", label.text);
                label.qe = label.qe.max(f.end + v.chars().count());
            }
        }
        // "经营主体总量居全国第四": a rank among whom (经营主体总量全国排名).
        if f.rank {
            let words = self.doc.norm_str(f.pre_end, f.start);
            let verb = super::scanner::RANK_VERBS.iter().filter(|v| words.starts_with(*v)).max_by_key(|v| v.len());
            let scope = verb.map_or("", |v| &words[v.len()..]).trim();
            let ranked = |name: &mut String| {
                let plain = !name.is_empty() && !name.ends_with(RANKING) && !name.contains(scope);
                if plain && (2..=MAX_RANK_SCOPE).contains(&scope.chars().count()) {
                    name.push_str(scope);
                    name.push_str(RANKING);
                }
            };
            ranked(&mut label.text);
            label.all_items.iter_mut().for_each(ranked);
        }
        // "因灾死亡78人": a toll of people counts people (因灾死亡人数).
        let people = f.unit.as_ref().is_some_and(|u| u.text == "人");
        let toll = super::qualify::TOLLS.iter().any(|t| label.text.ends_with(t) && label.text.len() > t.len());
        if people && toll && !r.cont {
            label.text.push_str(super::qualify::PEOPLE_COUNT);
        }
        // "男性45.76万人", "18-34岁占22.4%": a group of the population is named as one.
        if is_population_group(&label.text) {
            label.text.push_str(POPULATION);
        }
        // "有效灌溉面积占农作物总播种面积的33%", "60岁以上人口占14.5%": a share is a 比重.
        let percent = f.unit.as_ref().is_some_and(|u| u.text == "%");
        let share = label.text.chars().skip(1).any(|c| c == '占') || (r.flags.share && !names_a_rate(&label.text));
        if percent && share && !names_a_rate(&label.text) {
            // "采矿业增加值占比达96.05%": the text's own word, else 比重.
            let word = if self.doc.starts_with(r.core_end, SHARE_WORD) { SHARE_WORD } else { SHARE };
            label.text.push_str(word);
        }
        // "外贸进出口总值…，年均增长13.2%": not the change on last year.
        if r.flags.yearly && !label.text.trim().is_empty() && !label.text.contains("年均") {
            label.text.push_str(YEARLY_TAG);
        }
    }

    /// The label from the figure's own words: the one before for a continuation (or the
    /// next name of its 分别 list), the first name of a list it starts, the noun after
    /// the counter (with a short verb before it), else the words before.
    fn own_label(&self, f: &Found, r: &Reading, label: &mut Label) {
        let doc = self.doc;
        if r.cont {
            let l = self.last.as_ref();
            label.qs = l.map(|l| l.qs).unwrap_or(label.qs).min(label.qs);
            label.text = l.map(|l| l.label.clone()).unwrap_or_default();
            if let Some(name) = self.run.as_ref().and_then(|run| run.names.get(run.members.len())) {
                label.text = name.clone();
            } else if let Some(c) = self.same_unit_in_group(f).filter(|_| r.flags.dir != Direction::Unstated) {
                // "…死亡105人，同比减少39起下降26.17%、减少53人…": the level in this unit.
                label.text = untagged(&c).to_string();
            }
            if let (true, Some((pa, pb))) = (label.text.is_empty(), r.post) {
                label.text = doc.raw_str(pa, pb);
                label.qe = label.qe.max(pb);
            }
        } else if let Some(names) = &label.run_names {
            label.text = names.first().cloned().unwrap_or_default();
        } else if let Some((pa, pb)) = r.post {
            let pre_len = r.core_end.saturating_sub(r.core_start);
            // "17家企业通过上市和并购融资": the things that did it.
            // "125个集体和个人获市级以上表彰": both nouns did it.
            let nb = self.joined_noun_end(pb).filter(|_| r.count_like).unwrap_or(pb);
            let predicate = if r.count_like { self.post_predicate(nb) } else { None };
            if let Some((va, vb)) = predicate {
                let noun = doc.raw_str(pa, nb);
                // "89项省级、81项市级、138项县级公安政务服务事项": a level takes the head noun.
                let head = self.last_item_noun(nb).and_then(|(a, b)| {
                    let last = doc.raw_str(a, b);
                    let k = last.char_indices().find(|&(_, c)| c == LEVEL).map(|(k, c)| k + c.len_utf8());
                    let head = k.and_then(|k| last.get(k..)).map(str::to_string);
                    head.filter(|h| noun.ends_with(LEVEL) && h.chars().count() >= 2)
                });
                label.text = format!("{}的{}{}", doc.raw_str(va, vb).trim(), noun.trim(), head.unwrap_or_default());
                label.qs = r.core_end.min(f.start);
                label.qe = label.qe.max(vb);
            } else if !r.core.is_empty() && pre_len <= SHORT_PRE {
                // "收、结案数在全国412个中级法院中": where they are counted, not the subject.
                let core = after_place_word(&r.core);
                label.text = format!("{}{}", core, doc.raw_str(pa, pb));
            } else if self.modifies_the_noun(f, r) {
                // "省高院评估考核的51项指标": which of them.
                label.text = format!("{}的{}", r.core, doc.raw_str(pa, pb));
            } else {
                label.text = doc.raw_str(pa, pb);
                label.qs = r.core_end.min(f.start);
            }
            label.qe = label.qe.max(pb);
        } else {
            label.text = r.core.clone();
            // "破获侵犯知识产权、破坏市场经济秩序等案件708起": an enumeration closed by 等
            // is one name, items and all.
            // "批准逮捕抢劫、抢夺、盗窃犯罪嫌疑人60614人": without 等 too, when the items
            // before the last are short names.
            if r.ps > 0 && doc.before(r.ps) == '、' && (r.core.contains('等') || self.short_items_before(r)) {
                if let Some((text, qs)) = self.enumeration(r) {
                    label.text = text;
                    label.qs = label.qs.min(qs);
                }
            }
        }
    }

    /// The words before the number end in 的 and are short: they say which of the counted
    /// things ("与质量效率密切相关的18项指标").
    fn modifies_the_noun(&self, f: &Found, r: &Reading) -> bool {
        let before = self.doc.norm_str(r.core_start.min(f.pre_end), f.pre_end);
        let n = r.core.chars().count();
        before.trim_end().ends_with('的') && (2..=MAX_DE_MODIFIER).contains(&n) && !r.core.ends_with('的')
    }

    /// The items of the list that ends in the figure's words, but the first and the last,
    /// are short names ("抢夺" of "批准逮捕抢劫、抢夺、盗窃犯罪嫌疑人").
    fn short_items_before(&self, r: &Reading) -> bool {
        let (_, items) = self.list_items(r.ps, r.core_end);
        let inner = items.get(1..items.len().saturating_sub(1)).unwrap_or(&[]);
        // "审、执结": one char is a verb shortened, not a name. Of two items the first is a
        // name too ("国控、省控…", "庆阳、酒泉…"), not a clause ("加强防控、发现隐患").
        // "审结涉外、涉港澳台案件": the case verb opening the first item is every item's.
        let verb = |a: usize| self.doc.longest_at(a, CASE_VERBS).map_or(0, |v| v.chars().count());
        let first = items.first().map_or(0, |&(a, b)| (b - a).saturating_sub(verb(a)));
        // "农、林、牧、渔业": one char each is a list of one-char names.
        let one_char_names = first == 1 && inner.iter().all(|&(a, b)| b - a == 1);
        let first_fits =
            if items.len() == 2 { (2..MAX_SHORT_ITEM).contains(&first) } else { first >= 2 || one_char_names };
        items.len() >= 2 && first_fits && inner.iter().all(|&(a, b)| b - a <= MAX_SHORT_ITEM)
    }

    /// "破获侵犯知识产权、破坏市场经济秩序等案件708起": the label of a figure after an
    /// enumeration closed by 等 — the whole when it is short, else the verb of its first
    /// item and what follows 等 ("依法办结非法吸收公众存款、集资诈骗等涉众型经济犯罪案件"
    /// → 办结涉众型经济犯罪案件). Returns the label and where its quote starts.
    fn enumeration(&self, r: &Reading) -> Option<(String, usize)> {
        let doc = self.doc;
        let (ls, items) = self.list_items(r.ps, r.core_end);
        let s = strip_leading(doc, ls, r.core_end);
        if s >= r.core_start {
            return None;
        }
        if r.core_end - s <= MAX_ENUMERATION {
            return Some((doc.raw_str(s, r.core_end).trim().to_string(), s));
        }
        let deng = r.core.find('等')?;
        let head = r.core[deng + '等'.len_utf8()..].trim();
        let &(a, b) = items.first()?;
        let first = doc.raw_str(a, b);
        let verb = (0..=MAX_VERB_OFFSET)
            .filter_map(|k| first.char_indices().nth(k).map(|(i, _)| i))
            .map(|i| &first[..i + verb_prefix(&first[i..]).len()])
            .find(|v| CASE_VERBS.iter().any(|c| v.ends_with(c)))
            .unwrap_or("");
        (head.chars().count() >= 2).then(|| (format!("{verb}{head}"), s))
    }

    /// "新登记市场主体4.27万户，同比增长11.4%": a change with no subject of its own (or
    /// only a qualifier: 按不变价格计算, 扣除…因素后) is the change of the figure just
    /// before it in the same sentence; "满意率达98.7%，连续五年位列全市第一": so is a
    /// ranking.
    fn borrows_subject(&self, f: &Found, r: &Reading, label: &Label) -> bool {
        let is_change = !f.rank
            && ((r.dir_applies && (!r.count_like || r.yoy || r.flags.chain)) || r.class == Some(UnitClass::Points));
        let subjectless = r.core.is_empty() || is_qualifier(&r.core) || is_time_phrase(&r.core);
        if !((is_change || f.rank) && !r.cont && label.run_names.is_none() && label.all_items.is_empty() && subjectless)
        {
            return false;
        }
        // "…回落4.8个百分点；两年平均增长6.0%": a change with no subject after a semicolon
        // is still of the sentence's subject.
        self.last.as_ref().is_some_and(|l| self.just_before_in_sentence(l.end, f.start))
    }

    /// `end` (a figure's) is a few chars before `start` in the same sentence.
    fn just_before_in_sentence(&self, end: usize, start: usize) -> bool {
        let between = self.doc.norm_str(end.min(start), start);
        end <= start && start - end <= MAX_SUBJECT_GAP && !between.chars().any(|c| matches!(c, '。' | '\n' | '!' | '?'))
    }

    /// The label of the level in `f`'s unit among the group of figures just before, when
    /// the last of them is in another unit.
    fn same_unit_in_group(&self, f: &Found) -> Option<String> {
        let unit = f.unit.as_ref().map(|u| u.text.as_str()).filter(|u| !["%", "个百分点", ""].contains(u))?;
        if self.out.last().is_none_or(|p| p.unit == unit) {
            return None;
        }
        let levels = self.group.iter().rev().filter_map(|&g| self.out.get(g));
        levels
            .filter(|c| !matches!(c.kind, Kind::YoyChange | Kind::Change))
            .find(|c| c.unit == unit)
            .map(|c| c.label.clone())
    }

    /// The label of the last level in `f`'s unit among the few records just before, in
    /// the same sentence.
    fn level_in_unit_before(&self, f: &Found) -> Option<String> {
        let unit = f.unit.as_ref().map(|u| u.text.as_str()).filter(|u| !u.is_empty())?;
        let c = self.out.iter().rev().take(MAX_LEVEL_BACK).find(|c| c.unit == unit)?;
        let levels = !matches!(c.kind, Kind::YoyChange | Kind::Change);
        let same_sentence = c.qe <= f.start && !self.doc.norm_str(c.qe, f.start).contains(['。', '\n']);
        (levels && same_sentence).then(|| c.label.clone())
    }

    /// "…;查处各类治安案件1326,": the words before a bare number (a figure with no unit the
    /// scan left out) in the clause just before `ps`, when one stands between `from` and it.
    fn words_before_bare_number(&self, from: usize, ps: usize) -> Option<(String, usize)> {
        let doc = self.doc;
        if ps == 0 || from >= ps || doc.before(ps) != ',' {
            return None;
        }
        let end = ps - 1;
        let digits = (from..end).rev().take_while(|&k| doc.c(k).is_ascii_digit()).count();
        let start = end - digits;
        let a = self.back_scan(start, false, MAX_LABEL_BACK).max(from);
        let a = (a..start).find(|&k| !matches!(doc.c(k), ';' | ',' | '、' | ' ')).unwrap_or(start);
        let words = doc.norm_str(a, start);
        let plain = digits > 0 && words.chars().count() >= 2 && !words.chars().any(|c| c.is_ascii_digit());
        plain.then_some((words, a))
    }

    /// The label of the money figure just before this money figure in another currency,
    /// in its sentence.
    fn money_just_before(&self, f: &Found, r: &Reading) -> Option<String> {
        let unit = f.unit.as_ref().map(|u| u.text.as_str())?;
        let c = self.out.last().filter(|c| c.kind == Kind::Money && c.unit != unit)?;
        let same_sentence = c.qe <= f.start && !self.doc.norm_str(c.qe, f.start).contains(['。', '\n', ';']);
        (r.class == Some(UnitClass::Money) && same_sentence).then(|| c.label.clone())
    }

    /// The record just before is a change in per cent (增长5.2%).
    fn after_growth_rate(&self) -> bool {
        self.out.last().is_some_and(|p| p.unit == "%" && matches!(p.kind, Kind::YoyChange | Kind::Change))
    }

    /// The label of the figure just before, in the same unit and sentence, close by.
    fn same_unit_before(&self, f: &Found, r: &Reading) -> Option<String> {
        let l = self.last.as_ref()?;
        let unit = f.unit.as_ref().map(|u| u.text.as_str()).unwrap_or("");
        let same_unit = !unit.is_empty() && self.out.last().is_some_and(|p| p.unit == unit);
        let between = self.doc.norm_str(l.end.min(r.ps), r.ps);
        let close = l.end <= r.ps && r.ps - l.end <= MAX_SUBJECT_GAP;
        (same_unit && close && !between.contains(['。', ';', '\n']) && !l.label.is_empty()).then(|| l.label.clone())
    }

    /// "人员相对固定,共1035人": the clause before names a figure with no words of its
    /// own. Returns the label and where it starts.
    fn clause_before_label(&self, ps: usize) -> Option<(String, usize)> {
        let doc = self.doc;
        if !(ps > 0 && is_boundary(doc.before(ps)) && !matches!(doc.before(ps), '。' | '\n' | '\r')) {
            return None;
        }
        // "空气质量综合指数为3.42，排名全省第四": pass over the number ending that clause.
        let mut b = ps - 1;
        let mut k = 0;
        while b > self.floor
            && k < MAX_NUMBER_PASSED
            && (doc.before(b).is_ascii_digit() || matches!(doc.before(b), '.' | '%'))
        {
            b -= 1;
            k += 1;
        }
        let s = self.back_scan(b, false, MAX_LABEL_BACK);
        let t = strip_trailing(doc, s, b, self.report_year);
        let a = strip_leading(doc, s, t.core_end).min(t.core_end);
        let text = doc.raw_str(a, t.core_end).trim().to_string();
        (!text.is_empty()).then_some((text, a))
    }
}

/// 按不变价格计算, 扣除留抵退税因素后: a condition on the figure, not what it counts.
fn is_qualifier(core: &str) -> bool {
    // 自然增幅2%: the growth before adjustments.
    core == "自然"
        || ["按", "扣除", "剔除", "若", "如果", "以", "不含", "含"].iter().any(|w| core.starts_with(w))
        || ["计算", "后", "口径", "来看", "而言"].iter().any(|w| core.ends_with(w))
}

/// 连续五年, 再次, 首次: when, not what.
fn is_time_phrase(core: &str) -> bool {
    ["连续", "再次", "首次", "继续", "仍", "依然", "多年", "历史上", "首度"].iter().any(|w| core.starts_with(w))
}

/// The end of a level's name (省级, 国家级), which shares the head noun of a list.
const LEVEL: char = '级';

/// The word of a share that a change in points keeps.
pub(super) const SHARE_WORD: &str = "占比";

/// What a share is called in a label ("城镇人口比重").
pub(super) const SHARE: &str = "比重";

/// The longest time phrase ("春节期间", "疫情防控期间") taken for a time, in chars.
const MAX_TIME_PHRASE: usize = 8;

/// "春节期间", "汛期期间", or a part of the year: when, not who or what.
fn names_a_time(label: &str) -> bool {
    let during = label.ends_with("期间") && label.chars().count() <= MAX_TIME_PHRASE;
    during || super::leading::is_period(label)
}

/// What a group of people by sex or age is a part of.
const POPULATION: &str = "人口";

/// "男性", "女性", "18岁以下", "18-34岁", "60岁及以上": a group of the population named
/// without the word 人口.
fn is_population_group(label: &str) -> bool {
    if ["男性", "女性"].contains(&label) {
        return true;
    }
    let Some((ages, rest)) = label.split_once("岁") else { return false };
    let mut bounds = ages.split(super::leading::is_range_mark);
    let is_age = |b: &str| (1..=3).contains(&b.len()) && b.bytes().all(|c| c.is_ascii_digit());
    bounds.all(is_age) && ["", "以下", "以上", "及以上", "及以下"].contains(&rest)
}

/// A change in per cent (增长5%, 同比下降15.6%), not a level nor a change in points.
pub(super) fn is_percent_change(f: &Found, r: &Reading) -> bool {
    let percent = f.unit.as_ref().is_some_and(|u| u.text == "%");
    percent && r.flags.dir != Direction::Unstated && !r.flags.share
}

/// How many records back the level a qualified figure restates may be.
const MAX_LEVEL_BACK: usize = 3;

/// The longest modifier with 的 kept before a counted noun, in chars.
const MAX_DE_MODIFIER: usize = 14;

/// What a rank is called in a label, after whom it is among (全省排名).
pub(super) const RANKING: &str = "排名";

/// A total named bare after the quantity it totals (总量突破3000亿元).
const TOTAL: &str = "总量";
/// The longest scope of a rank (全国, 全省, 中部地区), in chars.
const MAX_RANK_SCOPE: usize = 6;

/// Verbs after a percentage that make it the rate of their doing (命案100%侦破).
const RATE_VERBS: [&str; 6] = ["侦破", "破案", "结案", "办结", "覆盖", "达标"];

/// What the rate of growth of a quantity is called in a label ("地区生产总值增速").
const GROWTH_RATE: &str = "增速";

/// A label that names a rate of its quantity (增速, 增幅, 比重…) or a rate itself.
fn names_a_rate_of(label: &str) -> bool {
    names_a_rate(label) || super::qualify::RATES_OF.iter().any(|w| label.ends_with(w))
}

/// A label that already names a rate or share ("城镇化率", "占比", "比例"): a 占 before
/// its figure adds nothing to it.
fn names_a_rate(label: &str) -> bool {
    ["率", SHARE, SHARE_WORD, "比例", "份额"].iter().any(|w| label.ends_with(w))
}

/// What follows 在 in words before a count ("全国" of "结案数在全国"), or the words as they
/// are when 在 opens none (在建, 在校…).
fn after_place_word(core: &str) -> &str {
    let Some(k) = core.rfind('在').filter(|&k| k > 0) else { return core };
    let rest = &core[k + '在'.len_utf8()..];
    let word = ["建", "园", "读", "校", "押", "册", "岗", "编", "职", "线"].iter().any(|w| rest.starts_with(w));
    if word || rest.chars().count() < 2 {
        core
    } else {
        rest
    }
}
