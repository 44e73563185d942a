//! One figure, from number to record: the words before it, the uses of a number that
//! name rather than count, its label and quote (see [`naming`](super::naming)), its kind
//! and sign (see [`classify`](super::classify)), and the record with what it passes on
//! to the next figure.

use super::classify::{classify, Classified, Verdict};
use super::clause::MAX_LABEL_BACK;
use super::labels;
use super::leading::strip_leading;
use super::naming::Label;
use super::scanner::{Cand, Flags, Found, Last, Run, Scanner};
use super::trailing::{strip_trailing, Direction, Trail};
use super::units::{Suffix, UnitClass};
use crate::model::{Kind, MAX_ABS_VALUE};

/// The longest quote, in chars: a list of figures sharing one label ("23起28人") or one
/// direction gets quotes reaching back to its start only this far.
/// The name of a ceiling a figure is kept within (控制在4.0%以内).
const CEILING: &str = "控制线";

const MAX_QUOTE: usize = 64;
/// The longest noun after an amount of money that names it ("国债"), in chars.
const MAX_MONEY_NOUN: usize = 4;
/// The farthest a congress's 届 stands before the number of its session ("十四届人大三次会议").
const MAX_SESSION_GAP: usize = 6;
/// What a count of ranked figures counts (两项指标稳居全市第一).
pub(super) const RANKED: &str = "指标";
/// The most sessions named in one list (二次、三次、四次全会).
const MAX_SESSIONS: usize = 6;
/// The longest breakdown heading after its 从/分/按 ("从三大门类看"), in chars.
const MAX_HEADING: usize = 10;
/// A 、-joined group of figures longer than this is not a list anyone names one by one.
const MAX_GROUP: usize = 64;

/// The words before a number: its clause, and what is counted once the direction,
/// approximation and filler words are peeled off.
struct Before {
    /// Where the clause starts.
    ps: usize,
    /// What the peeled words said.
    trail: Trail,
    /// Where what is counted starts.
    core_start: usize,
    /// Where what is counted ends.
    core_end: usize,
    /// The figure continues the one before ("23起28人", "20.84%、27.9%").
    cont: bool,
}

/// What the words around a number say, once read: the label and the classification
/// work from it.
pub(super) struct Reading {
    /// The class of the unit, if there is one.
    pub class: Option<UnitClass>,
    /// Where the clause starts.
    pub ps: usize,
    /// Where what is counted starts.
    pub core_start: usize,
    /// Where what is counted ends.
    pub core_end: usize,
    /// What is counted: the words before, peeled and trimmed.
    pub core: String,
    /// The figure continues the one before.
    pub cont: bool,
    /// What the words before said, with what a continuation takes on.
    pub flags: Flags,
    /// A change on last year.
    pub yoy: bool,
    /// The direction word makes the figure a change (not 增至, a new level).
    pub dir_applies: bool,
    /// A count of things (or a bare number) rather than a rate.
    pub count_like: bool,
    /// The noun after the counter ("390人电话流调队伍").
    pub post: Option<(usize, usize)>,
    /// The figure is approximate.
    pub approx: bool,
    /// 均: the figure holds for every item of the list before.
    pub all: bool,
    /// A word of holding (稳定在): with 以上/以下 the figure is a bound.
    pub bound_verb: bool,
    /// A count whose subject is followed by its direction ("优良天数增加25天"): a change.
    pub subject_change: bool,
    /// 从 before the number: where a change starts ("从1832户增加到3382户").
    pub from: bool,
}

impl Scanner<'_> {
    /// Labels, classifies and records a figure; returns where scanning resumes.
    pub fn figure(&mut self, f: Found, suf: &Suffix) -> usize {
        let resume = f.end;
        // "18岁以下人口占25.8%": an age bound is part of the words after it (no floor).
        if suf.threshold && f.unit.as_ref().is_some_and(|u| u.class == UnitClass::Age) {
            return resume;
        }
        if suf.threshold || !f.value.is_finite() || f.value.abs() > MAX_ABS_VALUE {
            return self.skip_to(resume);
        }
        // "10万人生产安全事故死亡人数1.244人": the base of the rate after it, part of its
        // words (no floor).
        let doc = self.doc;
        let digits_end = (f.start..f.end).find(|&k| !(doc.c(k).is_ascii_digit() || doc.c(k) == '.')).unwrap_or(f.end);
        if !f.chinese && !f.rank && self.is_rate_base(digits_end) {
            return resume;
        }

        let Some(mut r) = self.read(&f, suf) else { return self.skip_to(resume) };
        let mut label = self.label_and_quote(&f, &mut r);
        let c = match classify(&f, &r, &label.text) {
            Verdict::Figure(c) => c,
            // Not a figure, and no floor (labels stop at digits anyway, and
            // "指数为3.42，排名全省第四" names its ranking through it).
            Verdict::Bare => return resume,
            Verdict::LeftOut => return self.skip_to(resume),
        };
        // 连续三年稳定在55万吨以上: a floor or a ceiling, not a figure.
        if r.bound_verb && suf.end > suf.unit_end && self.doc.longest_at(suf.unit_end, &["以上", "以下"]).is_some()
        {
            return self.skip_to(resume);
        }
        // "城镇登记失业率3.47%，控制在4.0%以内": the ceiling kept to, named so.
        if r.bound_verb && self.doc.starts_with(suf.unit_end, "以内") && !label.text.ends_with(CEILING) {
            label.text.push_str(CEILING);
        }
        self.record(&f, r, label, c);
        resume
    }

    /// Reads the words around the number: `None` when they show it names something
    /// rather than counts.
    fn read(&self, f: &Found, suf: &Suffix) -> Option<Reading> {
        let doc = self.doc;
        let before = self.words_before(f);
        if !f.rank && (self.is_definition(f.start) || self.is_rank_bound(f, suf) || self.is_fixed_name(f, suf)) {
            return None;
        }
        // "这5个增幅全省第一": the count of figures just named, no figure of its own; so is
        // "两项指标稳居全市第一" (the rank is theirs: see lists).
        if self.in_breakdown_heading(f) || (f.start > 0 && doc.before(f.start) == '这') || self.counts_ranked(f, suf) {
            return None;
        }
        let class = f.unit.as_ref().map(|u| u.class);
        let mut flags = Flags::from_trail(&before.trail);
        if before.cont {
            if let Some(l) = &self.last {
                flags.inherit(&l.flags);
            }
        }
        let counts_things = class.is_some_and(UnitClass::counts_things) && !f.rank;
        let post = if counts_things {
            self.post_noun(suf.unit_end.min(f.end).max(f.start))
        } else if class == Some(UnitClass::Money) && before.core_end.saturating_sub(before.core_start) <= 2 {
            // "增发1万亿元国债": a short verb, then the amount, then what it is.
            self.post_noun(suf.unit_end.min(f.end).max(f.start))
                .filter(|&(a, b)| b - a <= MAX_MONEY_NOUN && before.core_end > before.core_start)
        } else {
            None
        };
        if self.names_something(f, class, post) {
            return None;
        }

        // Direction that does not apply to a count: keep the verb in the label.
        let yoy = flags.yoy
            || (flags.dir.is_stated()
                && flags.bulletin_verb
                && !flags.chain
                && (class == Some(UnitClass::Percent) || self.paragraph_has_yoy(f.start)));
        let dir_applies = flags.dir.is_stated() && !flags.level;
        let count_like =
            matches!(class, Some(UnitClass::Count | UnitClass::Duration | UnitClass::Age) | None) && !f.rank;
        let Before { ps, trail, mut core_start, mut core_end, cont } = before;
        let mut subject_change = false;
        if count_like && dir_applies && !yoy && !flags.chain {
            if let Some(e) = trail.dir_word_end {
                // "优良天数增加25天": a subject, then its direction: a change in that unit.
                // "增加泊位30个" has no subject before the verb: the verb stays in the label.
                // "稻谷47.7千公顷,减少0.2千公顷": a direction alone right after a level in the
                // same unit is that level's change.
                let unit = f.unit.as_ref().map(|u| u.text.as_str());
                let level_before = self.last.as_ref().is_some_and(|l| l.end <= ps && ps - l.end <= 1)
                    && self.out.last().is_some_and(|p| Some(p.unit.as_str()) == unit && p.kind == Kind::Count);
                let has_subject = core_end > core_start && !r_is_verb_object(doc, core_start, core_end);
                if has_subject || (core_end == core_start && level_before) {
                    subject_change = true;
                } else {
                    core_end = e;
                    core_start = strip_leading(doc, ps, core_end).min(core_end);
                    flags.dir = Direction::Unstated;
                }
            }
        }
        let core = doc.raw_str(core_start, core_end).trim().to_string();
        Some(Reading {
            class,
            ps,
            core_start,
            core_end,
            core,
            cont,
            flags,
            yoy,
            dir_applies,
            count_like,
            post,
            approx: f.approx || trail.approx,
            all: trail.all,
            bound_verb: trail.bound_verb,
            subject_change,
            from: trail.from,
        })
    }

    /// The words before the number, read back to the clause start and peeled.
    fn words_before(&self, f: &Found) -> Before {
        let doc = self.doc;
        let ps = self.back_scan(f.pre_end, false, MAX_LABEL_BACK);
        let trail = strip_trailing(doc, ps, f.pre_end, self.report_year);
        let core_end = trail.core_end;
        let mut core_start = strip_leading(doc, ps, core_end).min(core_end);
        // "113个集体和729名个人": the words before belong to the previous figure.
        let after_conj = self.last.as_ref().is_some_and(|l| l.end == ps)
            && core_end > core_start
            && matches!(doc.before(core_end), '和' | '及' | '与' | '、');
        if after_conj {
            core_start = core_end;
        }
        // Continuation of the previous figure: "23起28人", "20.84%、27.9%".
        let cont = match &self.last {
            Some(l) if core_start == core_end && !after_conj && l.end <= core_end => {
                let gap = doc.norm_str(l.end, core_end);
                let gap = gap.trim();
                ["", "、", "和", "及", "与", "以及", "或"].contains(&gap)
            }
            _ => false,
        };
        Before { ps, trail, core_start, core_end, cont }
    }

    /// "两项指标稳居全市第一": a few indicators (two to five: the figures just before) that a
    /// rank follows ("18项指标位居全市第一" counts indicators of its own).
    fn counts_ranked(&self, f: &Found, suf: &Suffix) -> bool {
        let doc = self.doc;
        if !(2.0..=5.0).contains(&f.value) {
            return false;
        }
        let indicators = suf.unit.as_ref().is_some_and(|u| u.text == "项") && doc.starts_with(suf.unit_end, RANKED);
        indicators && doc.longest_at(suf.unit_end + RANKED.chars().count(), super::scanner::RANK_VERBS).is_some()
    }

    /// "省十四届人大三次会议", "市委六届二次、三次、四次全会": the 次 of a session, when a 届
    /// stands before (or the session before in the list) and a 会议/全会 after the list.
    fn session_list_to_meeting(&self, unit_end: usize, after_jie: bool) -> bool {
        let doc = self.doc;
        let in_list = unit_end >= 1 && {
            let start = (0..unit_end).rev().take(MAX_SESSION_GAP).find(|&k| doc.c(k) == '、');
            start.is_some_and(|k| k > 0 && doc.before(k) == '次')
        };
        if !(after_jie || in_list) {
            return false;
        }
        let mut k = unit_end;
        for _ in 0..MAX_SESSIONS {
            if doc.starts_with(k, "会议") || doc.starts_with(k, "全会") {
                return true;
            }
            if !matches!(doc.c(k), '、' | '和') {
                return false;
            }
            // The next session of the list: 、三次.
            let Some(e) = (k + 1..(k + 4).min(doc.len())).find(|&e| doc.c(e) == '次') else { return false };
            k = e + 1;
        }
        false
    }

    /// "从三大门类看，采矿业…", "分三次产业看": the number of parts a breakdown's heading
    /// names, no figure.
    fn in_breakdown_heading(&self, f: &Found) -> bool {
        let doc = self.doc;
        if f.start == 0 || !matches!(doc.before(f.start), '从' | '分' | '按') {
            return false;
        }
        let end = (f.start + MAX_HEADING).min(doc.len());
        let k = (f.start..end).find(|&k| !doc.c(k).is_alphanumeric() || doc.c(k) == '看');
        k.is_some_and(|k| doc.c(k) == '看' && matches!(doc.c(k + 1), ',' | '，' | ':' | '：'))
    }

    /// "居全国前10位" (a bound on a ranking) and "保持两位数增长" (a number of digits): no
    /// figure of the report's.
    fn is_rank_bound(&self, f: &Found, suf: &Suffix) -> bool {
        let unit = f.unit.as_ref().map(|u| u.text.as_str());
        let top = self.doc.before(f.start) == '前' && matches!(unit, Some("位" | "名"));
        let digits = unit == Some("位") && self.doc.c(suf.unit_end) == '数';
        top || digits
    }

    /// Numbers that are part of a fixed name: the session of a congress ("省十四届人大三次
    /// 会议"), the "eight kinds" of serious violent crime ("八类严重暴力犯罪") and the "four
    /// indices" of road accidents ("交通事故四项指数").
    fn is_fixed_name(&self, f: &Found, suf: &Suffix) -> bool {
        let doc = self.doc;
        let unit = f.unit.as_ref().map(|u| u.text.as_str());
        let next = |w: &str| doc.starts_with(suf.unit_end, w);
        let after_jie = (f.start.saturating_sub(MAX_SESSION_GAP)..f.start).any(|k| doc.c(k) == '届');
        match unit {
            Some("次") => self.session_list_to_meeting(suf.unit_end, after_jie),
            Some("类") => next("严重"),
            Some("项") => next("指数"),
            _ => false,
        }
    }

    /// Name-like uses of a number: a numbered document (八项…清单) or a quoted name after
    /// a Chinese numeral's counter, and a duration that names something (15分钟办证圈).
    fn names_something(&self, f: &Found, class: Option<UnitClass>, post: Option<(usize, usize)>) -> bool {
        let doc = self.doc;
        // "2个多月的历史性高温干旱": how long what follows lasted.
        if class == Some(UnitClass::Duration) && doc.c(f.end) == '的' {
            return true;
        }
        // "前11个月,全国…", "提前8个月": the period a figure is over, not a figure.
        if class == Some(UnitClass::Duration) && f.start > 0 && doc.before(f.start) == '前' {
            return true;
        }
        let Some((pa, pb)) = post else { return false };
        let post_text = doc.norm_str(pa, pb);
        let cut = post_text.split('等').next().unwrap_or("");
        let names_document =
            || labels::DOCUMENT_WORDS.iter().any(|w| cut.contains(w)) || (pa..pb).any(|k| doc.is_quoted(k));
        (f.chinese && names_document()) || class == Some(UnitClass::Duration)
    }

    /// Records the figure (one per item of a 均 list), and what it passes on: the 分别
    /// list, the 、-joined group, the last figure and the floor.
    fn record(&mut self, f: &Found, r: Reading, label: Label, c: Classified) {
        let section = self.section_at(f.start);
        if !r.cont {
            self.close_run();
        }
        // The same quantity stated just before, with no words of its own between: one of the
        // two is a round mark passed, the other the figure.
        let same_just_before = r.core.is_empty()
            && self.run.is_none()
            && self.last.as_ref().is_some_and(|l| l.end <= r.ps && r.ps - l.end <= 1)
            && self.out.last().is_some_and(|p| p.label == label.text && p.unit == c.unit && p.kind == c.kind);
        let before = self.out.last().filter(|_| same_just_before).map(|p| (p.approx, p.value));
        // "地方一般公共预算收入突破4000亿元、达到4211亿元": the mark passed, then the figure
        // itself — one figure, the exact one.
        if before.is_some_and(|(approx, _)| approx && !r.approx) {
            self.out.pop();
            let n = self.out.len();
            self.group.retain(|&g| g < n);
        }
        // "地区生产总值完成602.5亿元，首次突破600亿元大关": the mark passed, after the exact
        // figure, is no figure of its own.
        if before.is_some_and(|(approx, value)| !approx && r.approx && c.value <= value) {
            if let Some(l) = self.last.as_mut() {
                l.end = f.end;
            }
            self.floor = self.floor.max(f.end);
            return;
        }
        // "受理25.4万件,办结23.1万件,同比分别上升…", "接待游客1200万人次，旅游收入100亿元，
        // 分别增长15%和18%": figures joined by a comma are a group too (a 分别 after it takes
        // the names of its last figures).
        let joins_group = self.last.as_ref().is_some_and(|l| {
            let gap = self.doc.norm_str(l.end, r.ps);
            let gap = gap.trim();
            l.end <= r.ps && (["、", "和", "及", "与", ""].contains(&gap) || gap == ",")
        }) || r.cont;
        let first_idx = self.out.len();
        let Label { text, qs, qe, run_names, run_alt, all_items, plain } = label;
        let emits: Vec<String> = if all_items.len() >= 2 { all_items } else { vec![text.clone()] };
        let qs = qs.max(qe.saturating_sub(MAX_QUOTE)).min(f.start);
        let Classified { kind, value, unit } = c;
        for l in emits {
            self.out.push(Cand { section, label: l, value, unit: unit.clone(), kind, approx: r.approx, qs, qe });
        }
        if let Some(names) = run_names {
            self.run = Some(Run { names, members: vec![first_idx], core: r.core, alt: run_alt });
        } else if r.cont {
            if let Some(run) = self.run.as_mut() {
                run.members.push(first_idx);
            }
        }
        if joins_group && self.group.len() < MAX_GROUP {
            self.group.push(first_idx);
        } else {
            self.group = vec![first_idx];
        }
        // What the next figure borrows is the quantity, not where its change started.
        let start = text.ends_with(super::naming::START_TAG);
        let label = plain.unwrap_or_else(|| super::naming::untagged(&text).to_string());
        self.last = Some(Last { end: f.end, qs, label, flags: r.flags, start, rank: f.rank });
        self.floor = self.floor.max(f.end);
    }
}

/// "新增", "净增": the words before the direction are themselves a verb, not a subject.
fn r_is_verb_object(doc: &super::text::Doc, start: usize, end: usize) -> bool {
    let core = doc.norm_str(start, end);
    core.chars().count() < 2 || ["新", "净", "再", "共", "累计"].iter().any(|w| core == *w)
}
