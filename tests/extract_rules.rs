//! One test per extraction rule, on small inputs with exact expected outputs.

use indicator_chart::extract::{apply_overrides, extract, scan, ExtractError, ExtractOptions, Overrides};
use indicator_chart::model::{Indicator, Kind};

/// (label, value, unit, kind, approx) of every figure in `text`.
fn figs(text: &str) -> Vec<(String, f64, String, Kind, bool)> {
    scan(text, &ExtractOptions::default())
        .indicators
        .into_iter()
        .map(|i| (i.label, i.value, i.unit, i.kind, i.approx))
        .collect()
}

/// The only figure in `text`.
fn one(text: &str) -> Indicator {
    let mut v = scan(text, &ExtractOptions::default()).indicators;
    assert_eq!(v.len(), 1, "expected one figure in {text:?}, got {v:#?}");
    v.remove(0)
}

fn f(label: &str, value: f64, unit: &str, kind: Kind, approx: bool) -> (String, f64, String, Kind, bool) {
    (label.to_string(), value, unit.to_string(), kind, approx)
}

use Kind::*;

// ---- numbers ------------------------------------------------------------------------

#[test]
fn multipliers_and_decimals() {
    assert_eq!(figs("累计研判密接8万人次。"), vec![f("累计研判密接", 80000.0, "人次", Count, false)]);
    assert_eq!(figs("累计扫码10.7亿人次。"), vec![f("累计扫码", 1_070_000_000.0, "人次", Count, false)]);
    assert_eq!(figs("扣押涉案资产8900万元。"), vec![f("扣押涉案资产", 89_000_000.0, "元", Money, false)]);
    assert_eq!(figs("共排查流动人口535.5万人次。"), vec![f("排查流动人口", 5_355_000.0, "人次", Count, false)]);
    assert_eq!(figs("追赃挽损1.4亿元。"), vec![f("追赃挽损", 140_000_000.0, "元", Money, false)]);
    assert_eq!(figs("存款余额1.86万亿元。"), vec![f("存款余额", 1.86e12, "元", Money, false)]);
    assert_eq!(figs("查获毒品3千克。"), vec![f("查获毒品", 3.0, "千克", Count, false)], "千克 is a unit, not 千 + 克");
}

#[test]
fn stray_space_inside_a_number() {
    assert_eq!(figs("溺亡人数同比下降34. 8%，"), vec![f("溺亡人数", -34.8, "%", YoyChange, false)]);
    assert_eq!(figs("生猪存栏18.2 万头。"), vec![f("生猪存栏", 182_000.0, "头", Count, false)]);
}

#[test]
fn full_width_digits_and_punctuation() {
    assert_eq!(figs("查处案件１２３起。"), vec![f("查处案件", 123.0, "起", Count, false)]);
    assert_eq!(figs("总体合格率为９８．６％；"), vec![f("总体合格率", 98.6, "%", Percent, false)]);
    assert_eq!(figs("全区共有家庭农场１，２４６家。"), vec![f("家庭农场", 1246.0, "家", Count, false)]);
    assert_eq!(figs("企业达5,386家。"), vec![f("企业", 5386.0, "家", Count, false)]);
    // A comma is a thousands separator only before exactly three digits.
    assert_eq!(figs("捣毁窝点１２，３４５个。"), vec![f("捣毁窝点", 12345.0, "个", Count, false)]);
    assert_eq!(
        figs("查处案件12起，抓获15人。"),
        vec![f("查处案件", 12.0, "起", Count, false), f("抓获", 15.0, "人", Count, false)]
    );
}

#[test]
fn chinese_numerals_count_before_a_counter() {
    assert_eq!(figs("四个应用获评好应用。"), vec![f("获评好应用的应用", 4.0, "个", Count, false)]);
    assert_eq!(figs("其中两个应用被全省推广。"), vec![f("被全省推广的应用", 2.0, "个", Count, false)]);
    assert_eq!(figs("出台助企纾困十五项举措。"), vec![f("出台助企纾困举措", 15.0, "项", Count, false)]);
    assert_eq!(figs("出台护航经济稳进提质助企纾困十五项举措。"), vec![f("举措", 15.0, "项", Count, false)]);
    assert_eq!(figs("出台六条支撑机制等文件。"), vec![f("出台支撑机制", 6.0, "条", Count, false)]);
    assert_eq!(figs("部署两大攻坚。"), vec![f("部署攻坚", 2.0, "项", Count, false)]);
    assert_eq!(figs("招录三千余人。"), vec![f("招录", 3000.0, "人", Count, true)]);
}

#[test]
fn chinese_numerals_without_a_counter_or_as_names_are_left_out() {
    for text in [
        "建立一部十组战时流调体系。",
        "启动三同步。",
        "落实五包一落地管控。",
        "推广四三三宣教。",
        "着眼六稳六保。",
        "连续打赢了党的二十大安保硬仗。",
        "清除了一批电诈窝点。",
        "摧毁一条黑色产业链。",
        "深入推进百日攻坚行动。",
        "走进千家万户。",
        "三次产业结构持续优化。",
        "出台全面从严管党治警八项重点工作清单。",
        "入选全市数字化改革二十条优秀“金点子”。",
        "落实民警八小时以外管理服务规定。",
        "党的十九届六中全会。",
    ] {
        assert_eq!(figs(text), vec![], "{text}");
    }
}

// ---- percentages, directions, kinds ---------------------------------------------------

#[test]
fn percentages_shares_and_ratios() {
    assert_eq!(figs("化解率达99.4%。"), vec![f("化解率", 99.4, "%", Percent, false)]);
    assert_eq!(figs("业务警种办理刑事案件占63.2%，"), vec![f("业务警种办理刑事案件比重", 63.2, "%", Percent, false)]);
    assert_eq!(figs("日均扫码比达111%；"), vec![f("日均扫码比", 111.0, "%", Ratio, false)]);
    assert_eq!(figs("完成年度计划的108.2%。"), vec![f("完成年度计划", 108.2, "%", Ratio, false)]);
    assert_eq!(figs("婴儿死亡率为1.92‰。"), vec![f("婴儿死亡率", 1.92, "‰", Percent, false)]);
    assert_eq!(figs("孕产妇死亡率为3.6/10万。"), vec![f("孕产妇死亡率", 3.6, "/10万", Ratio, false)]);
    assert_eq!(figs("城乡居民收入比缩小至1.68。"), vec![f("城乡居民收入比", 1.68, "", Ratio, false)]);
}

#[test]
fn direction_words_give_signed_changes() {
    assert_eq!(figs("全市刑事立案数同比下降11.8%，"), vec![f("刑事立案数", -11.8, "%", YoyChange, false)]);
    assert_eq!(figs("发案数同比减少12.5%，"), vec![f("发案数", -12.5, "%", YoyChange, false)]);
    assert_eq!(figs("发案数同比下滑3%，"), vec![f("发案数", -3.0, "%", YoyChange, false)]);
    assert_eq!(figs("酒驾同比上升6.3%；"), vec![f("酒驾", 6.3, "%", YoyChange, false)]);
    assert_eq!(figs("收入同比增长5.6%。"), vec![f("收入", 5.6, "%", YoyChange, false)]);
    assert_eq!(figs("收入比上年增长5.6%。"), vec![f("收入", 5.6, "%", YoyChange, false)]);
    assert_eq!(figs("收入较去年同期下降了2%。"), vec![f("收入", -2.0, "%", YoyChange, false)]);
    assert_eq!(figs("进出口比2021年增长9.6%。"), vec![f("进出口", 9.6, "%", YoyChange, false)]);
    assert_eq!(figs("2022年，进出口比2021年增长9.6%。"), vec![f("进出口", 9.6, "%", YoyChange, false)]);
    // Against a year further back than the last: a change, not year-over-year.
    assert_eq!(figs("2022年，用水量较2020年下降16.8%。"), vec![f("用水量", -16.8, "%", Change, false)]);
    // yoy_change is per cent only: points, days and cases on last year are changes in their unit.
    assert_eq!(figs("结案率同比提高2.4个百分点；"), vec![f("结案率", 2.4, "个百分点", Change, false)]);
    assert_eq!(figs("审理天数比上年缩短5.2天。"), vec![f("审理天数", -5.2, "天", Change, false)]);
    assert_eq!(figs("发案同比减少120起。"), vec![f("发案", -120.0, "起", Change, false)]);
    // Not year-over-year.
    assert_eq!(figs("路段通行效率最高提升15%；"), vec![f("路段通行效率", 15.0, "%", Change, false)]);
    assert_eq!(figs("客运量环比增长12.4%。"), vec![f("客运量", 12.4, "%", Change, false)]);
    // 至/到: the new level, not the change.
    assert_eq!(figs("城镇化率提高到72.3%。"), vec![f("城镇化率", 72.3, "%", Percent, false)]);
    // 新增 is a count, not a change.
    assert_eq!(figs("新增泊位835个。"), vec![f("新增泊位", 835.0, "个", Count, false)]);
    assert_eq!(figs("新增835个泊位。"), vec![f("新增泊位", 835.0, "个", Count, false)]);
}

#[test]
fn one_direction_shared_by_a_list() {
    assert_eq!(
        figs("火灾起数、受伤人数同比分别上升20.84%、27.9%。"),
        vec![f("火灾起数", 20.84, "%", YoyChange, false), f("火灾受伤人数", 27.9, "%", YoyChange, false)]
    );
    // A bare measure after the first item is of its subject.
    assert_eq!(
        labels("其中，较大事故起数和死亡人数分别下降26.6%和21.7%；重特大事故起数和死亡人数分别下降17.9%和12.3%。"),
        ["较大事故起数", "较大事故死亡人数", "重特大事故起数", "重特大事故死亡人数"]
    );
    assert_eq!(
        figs("共发生事故58起、死亡49人，同比分别下降17.1%、12.5%。"),
        vec![
            f("事故", 58.0, "起", Count, false),
            f("事故死亡人数", 49.0, "人", Count, false),
            f("事故", -17.1, "%", YoyChange, false),
            f("事故死亡人数", -12.5, "%", YoyChange, false),
        ]
    );
    assert_eq!(
        figs("城市、农村低保标准分别提高至每人每月1050元和980元。"),
        vec![f("城市低保标准", 1050.0, "元", Money, false), f("农村低保标准", 980.0, "元", Money, false)]
    );
}

#[test]
fn a_change_after_a_level_is_the_change_of_that_level() {
    assert_eq!(
        figs("新登记市场主体4.27万户，同比增长11.4%，"),
        vec![f("新登记市场主体", 42700.0, "户", Count, false), f("新登记市场主体", 11.4, "%", YoyChange, false)]
    );
    assert_eq!(
        figs("地区生产总值7186.5亿元，按不变价格计算，比上年增长3.2%。"),
        vec![f("地区生产总值", 718_650_000_000.0, "元", Money, false), f("地区生产总值", 3.2, "%", YoyChange, false)]
    );
    // A bulletin's bare 增长 after a level is year-over-year.
    assert_eq!(
        figs("人均可支配收入达到38462元，增长6.6%。"),
        vec![f("人均可支配收入", 38462.0, "元", Money, false), f("人均可支配收入", 6.6, "%", YoyChange, false)]
    );
}

#[test]
fn approximation_words() {
    for (text, value) in [
        ("研判密接8万余人次。", 80000.0),
        ("吸收骨干300余名。", 300.0),
        ("涉案金额超1000万元。", 10_000_000.0),
        ("涉案金额超过1000万元。", 10_000_000.0),
        ("涉案金额近1000万元。", 10_000_000.0),
        ("涉案金额约1000万元。", 10_000_000.0),
        ("受众逾45万人次。", 450_000.0),
        ("疏散群众3200人左右。", 3200.0),
        ("疏散群众3200人以上。", 3200.0),
        ("驾驶人数量突破200万人。", 2_000_000.0),
        ("攻击30多个行业。", 30.0),
    ] {
        let i = one(text);
        assert!(i.approx, "{text}: not approx");
        assert_eq!(i.value, value, "{text}");
    }
    assert!(!one("研判密接8万人次。").approx);
}

#[test]
fn units_after_the_number() {
    for (u, expect_unit, mult) in [
        ("人", "人", 1.0),
        ("人次", "人次", 1.0),
        ("起", "起", 1.0),
        ("件", "件", 1.0),
        ("个", "个", 1.0),
        ("名", "名", 1.0),
        ("家", "家", 1.0),
        ("元", "元", 1.0),
        ("万元", "元", 1e4),
        ("亿元", "元", 1e8),
        ("张", "张", 1.0),
        ("条", "条", 1.0),
        ("处", "处", 1.0),
        ("批次", "批次", 1.0),
        ("部", "部", 1.0),
        ("辆", "辆", 1.0),
        ("路", "路", 1.0),
        ("支", "支", 1.0),
        ("份", "份", 1.0),
        ("批", "批", 1.0),
        ("项", "项", 1.0),
        ("次", "次", 1.0),
        ("小时", "小时", 1.0),
        ("场次", "场次", 1.0),
        ("平方米", "平方米", 1.0),
        ("公里/平方公里", "公里/平方公里", 1.0),
        ("微克/立方米", "微克/立方米", 1.0),
        ("吨", "吨", 1.0),
        ("亩", "亩", 1.0),
        ("岁", "岁", 1.0),
    ] {
        let text = format!("查处数量12{u}。");
        let i = one(&text);
        assert_eq!(i.unit, expect_unit, "{text}");
        assert_eq!(i.value, 12.0 * mult, "{text}");
        let kind = if expect_unit == "元" { Money } else { Count };
        assert_eq!(i.kind, kind, "{text}");
        assert_eq!(i.label, "查处数量", "{text}");
    }
}

// ---- labels ---------------------------------------------------------------------------

#[test]
fn labels_from_the_words_before() {
    assert_eq!(one("零容忍开展扫黑除恶，破获各类案件212起。").label, "破获各类案件");
    assert_eq!(one("即全市刑事立案数同比下降11.8%。").label, "刑事立案数");
    assert_eq!(one("今年以来共排查流动人口535.5万人次；").label, "排查流动人口");
    // 累计 stays: a running total is another quantity than the year's (年末 too, a stock).
    assert_eq!(one("累计下发监测报告106份，").label, "累计下发监测报告");
    assert_eq!(one("年末常住人口94.9万人。").label, "年末常住人口");
    assert_eq!(one("累计为市场主体减税降费298.4亿元。").label, "市场主体减税降费");
    assert_eq!(one("1-9月审执结各类案件7018件。").label, "审执结各类案件");
    assert_eq!(one("我院共受理各类案件9471件。").label, "受理各类案件");
    assert_eq!(one("全市法院审结一、二审刑事案件1744件。").label, "全市法院审结一、二审刑事案件");
    assert_eq!(one("农民专业合作社由十年前的不足百个发展到目前的1735个。").label, "农民专业合作社");
    // The noun after the counter ends where its predicate starts.
    assert_eq!(one("11.08万套保交房任务全面完成。").label, "保交房任务");
    // A counted noun with a predicate of its own counts the things that did it.
    assert_eq!(one("17家企业通过上市和并购融资，").label, "通过上市和并购融资的企业");
    assert_eq!(one("11个县被认定为国家义务教育优质均衡发展县。").label, "认定为国家义务教育优质均衡发展县的县");
    assert_eq!(one("7大要素交易服务平台全部挂牌运营。").label, "挂牌运营的要素交易服务平台");
    assert_eq!(one("与400余家创新企业建立跟踪服务机制。").label, "建立跟踪服务机制的创新企业");
    assert_eq!(figs("175家企业发行各类债券1193只。")[0].0, "发行各类债券的企业");
    // The items of a list share the predicate after the last.
    let got: Vec<String> = figs("全年共有15个集体、32名个人受到省级以上表彰。").into_iter().map(|f| f.0).collect();
    assert_eq!(got, ["受到省级以上表彰的集体", "受到省级以上表彰的个人"]);
    // A 、 inside the predicate joins its words.
    let got: Vec<String> = figs("有333个集体和469名个人受到中央、省级表彰。").into_iter().map(|f| f.0).collect();
    assert_eq!(got, ["受到中央、省级表彰的集体", "受到中央、省级表彰的个人"]);
    // Levels listed before one head noun share it.
    let got: Vec<String> =
        figs("89项省级、81项市级、138项县级公安政务服务事项进驻政务服务中心。").into_iter().map(|f| f.0).collect();
    assert_eq!(
        got,
        [
            "进驻政务服务中心的省级公安政务服务事项",
            "进驻政务服务中心的市级公安政务服务事项",
            "进驻政务服务中心的县级公安政务服务事项"
        ]
    );
    assert_eq!(one("增发1万亿元国债支持灾后恢复重建。").label, "增发国债");
    // An institution's scope stays, as 全市法院 does; 共 before its verb goes.
    assert_eq!(one("全省检察机关共办理各类案件42248件。").label, "全省检察机关办理各类案件");
    assert_eq!(one("全国市场监管部门共查办各类违法案件140.62万件。").label, "查办各类违法案件");
    // Nothing before and a predicate after: the predicate says what is counted, and a
    // part after 其中 names itself against it.
    assert_eq!(
        labels("全市14035户25559人享受城乡低保,其中城市低保6195户12533人。"),
        ["享受城乡低保", "享受城乡低保", "城市低保", "城市低保"]
    );
    // The beneficiaries of a handout: what they were given (and 7月份 is a date, 份 too).
    assert_eq!(
        labels("从7月份开始,为243户530人发放农村低保特困家庭救助金12.72万元。"),
        ["获发农村低保特困家庭救助金", "获发农村低保特困家庭救助金", "发放农村低保特困家庭救助金"]
    );
    // A time before them ("春节期间") names them no more than nothing would; it stays in front.
    assert_eq!(
        labels("春节期间为13690户25249人发放一次性生活补贴629万元。")[..2],
        ["春节期间获发一次性生活补贴", "春节期间获发一次性生活补贴"]
    );
    // A place or time phrase after the counted noun is not part of it.
    assert_eq!(one("2700名公安民警在市委“奔跑起来”的号召声下。").label, "公安民警");
    // Two nouns joined by 和 before the predicate both did it.
    assert_eq!(one("全市法院125个集体和个人获市级以上表彰。").label, "获市级以上表彰的集体和个人");
    // 被 stays before an agent, not before a verb.
    assert_eq!(one("42项创新做法被公安部通报。").label, "被公安部通报的创新做法");
    // A bare verb before the next figure is that figure's.
    assert_eq!(figs("8类严重暴力案件破案率实现100%。")[0].0, "严重暴力案件破案率");
    // Years: at the start of a label they are dropped, inside it they stay.
    assert_eq!(one("2022年全市税务部门组织税费收入1236.8亿元。").label, "税费收入");
    assert_eq!(one("恢复到2019年同期的78.6%；").label, "恢复到2019年");
    // Cut at the clause boundary: ，、；。：
    for sep in ["，", "、", "；", "。", "：", ",", ";", ":"] {
        let text = format!("加强防控{sep}发现隐患12个。");
        assert_eq!(one(&text).label, "发现隐患", "{text}");
    }
    // Quotations inside a label are kept whole, and their punctuation is no boundary.
    assert_eq!(one("建成“智安街道(镇)”43个、").label, "建成“智安街道(镇)”");
    // A short parenthetical belongs to the label (but a Latin abbreviation adds nothing).
    assert_eq!(one("全年居民消费价格指数（CPI）比上年上涨2.1%。").label, "居民消费价格指数");
    assert_eq!(one("全市重点镇（街道）新增就业1.2万人。").label, "重点镇（街道）新增就业");
}

#[test]
fn labels_from_the_noun_after_the_counter() {
    assert_eq!(one("组建390人电话流调队伍。").label, "组建电话流调队伍");
    assert_eq!(one("启用6支公安武警联勤巡逻组，").label, "启用公安武警联勤巡逻组");
    assert_eq!(one("对178家单位予以行政处罚，").label, "单位予以行政处罚");
    // With nothing before or after, the clause before names it.
    let i = one("人员相对固定,共1035人)");
    assert_eq!((i.label.as_str(), i.quote.as_str()), ("人员相对固定", "人员相对固定,共1035人"));
}

// ---- compound figures -----------------------------------------------------------------

#[test]
fn compound_figures() {
    assert_eq!(
        figs("累计接访阅信461批(件)516人次；"),
        vec![f("累计接访阅信", 461.0, "批(件)", Count, false), f("累计接访阅信", 516.0, "人次", Count, false)]
    );
    assert_eq!(
        figs("闭环转运入境人员4269批次6.6万余人，"),
        vec![f("闭环转运入境人员", 4269.0, "批次", Count, false), f("闭环转运入境人员", 66000.0, "人", Count, true)]
    );
    assert_eq!(
        figs("查处民警违纪违法案件23起28人，"),
        vec![f("查处民警违纪违法案件", 23.0, "起", Count, false), f("查处民警违纪违法案件", 28.0, "人", Count, false)]
    );
    assert_eq!(
        figs("先后有113个集体和729名个人被记功受奖。"),
        vec![f("被记功受奖的集体", 113.0, "个", Count, false), f("被记功受奖的个人", 729.0, "名", Count, false)]
    );
    assert_eq!(figs("破获涉案金额超千亿的网络虚开案。"), vec![f("破获涉案金额", 1e11, "元", Money, true)]);
    assert_eq!(figs("信访总量为8634件（人）次。"), vec![f("信访总量", 8634.0, "件（人）次", Count, false)]);
}

// ---- ranks ----------------------------------------------------------------------------

#[test]
fn ranks() {
    assert_eq!(figs("打击总量列全省第一；"), vec![f("打击总量全省排名", 1.0, "名次", Rank, false)]);
    assert_eq!(figs("查处总数居全省第二。"), vec![f("查处总数全省排名", 2.0, "名次", Rank, false)]);
    assert_eq!(figs("增速位居全国同类城市第3位。"), vec![f("增速全国同类城市排名", 3.0, "名次", Rank, false)]);
    assert_eq!(
        figs("全市机动车、行人守法率,及斑马线礼让率均列全省第一。"),
        vec![
            f("机动车全省排名", 1.0, "名次", Rank, false),
            f("行人守法率全省排名", 1.0, "名次", Rank, false),
            f("斑马线礼让率全省排名", 1.0, "名次", Rank, false),
        ],
        "each item ranked among the scope, as a single rank is"
    );
    // A ranking with no subject of its own ranks what the clause before measured.
    assert_eq!(
        figs("群众安全感满意率达98.7%，连续五年位列全市第一。"),
        vec![f("群众安全感满意率", 98.7, "%", Percent, false), f("群众安全感满意率全市排名", 1.0, "名次", Rank, false)]
    );
    assert_eq!(
        figs("全市空气质量综合指数为3.42，排名全省第四；"),
        vec![f("空气质量综合指数全省排名", 4.0, "名次", Rank, false)]
    );
    // Ordinals that are not rankings.
    for text in ["坚持党委会第一议题制度。", "第一时间推送属地落实。", "连续第五年实现双下降。", "第二产业结构优化。"]
    {
        assert_eq!(figs(text), vec![], "{text}");
    }
}

// ---- what is left out ------------------------------------------------------------------

#[test]
fn dates_and_times_are_left_out() {
    for text in [
        "2022年，市公安局全力以赴。",
        "3月份，就建立机制。",
        "自9月27日以来，实行日检查。",
        "10月初，又成立专班。",
        "9月底，全面启动一级加强勤务。",
        "10月10日起，启动百日行动。",
        "1-11月，累计运行。",
        "截至2022.12.31。",
        "早上8:30集合。",
    ] {
        assert_eq!(figs(text), vec![], "{text}");
    }
}

#[test]
fn quoted_names_and_codes_are_left_out() {
    for text in [
        "建立69个“5+10”流调最小作战单元。",
        "严格执行“1+3”工作机制。",
        "建成“11087”为企服务网上专区。",
        "成功发起“3.03”涉电诈全国集群战役。",
        "开展“净网2022”等专项行动。",
        "主要指标呈现“四下降”。",
        "印发《2022年工作要点》。",
        "PM2.5浓度下降。",
        "建设5G网络。",
        "拨打12345热线。",
    ] {
        let got = figs(text);
        // Only the 69个 of the first text is a figure.
        let expected = usize::from(text.starts_with("建立69个"));
        assert_eq!(got.len(), expected, "{text}: {got:?}");
    }
    assert_eq!(one("5G基站3200个。").label, "5G基站");
    assert_eq!(one("PM2.5年均浓度为27微克/立方米，").label, "PM2.5年均浓度");
}

#[test]
fn other_names_definitions_and_thresholds_are_left_out() {
    // A duration that names something; a duration that is a figure.
    assert_eq!(figs("打造15分钟办证圈。"), vec![]);
    assert_eq!(figs("确保1小时内投入战位。"), vec![f("确保", 1.0, "小时", Count, false)]);
    // Definitions of a quoted name.
    assert_eq!(figs("(“5”即1名中层正职、3名研判员,“10”即10名视频辅警)"), vec![]);
    // Thresholds.
    assert_eq!(figs("未发生一次死亡3人以上的较大事故。"), vec![]);
    assert_eq!(figs("关爱60岁以上老年人。"), vec![]);
    assert_eq!(figs("粮食产量连续三年稳定在55万吨以上。"), vec![]);
    // Denominators.
    assert_eq!(figs("每10万人口发案率下降。"), vec![]);
}

// ---- sections -------------------------------------------------------------------------

#[test]
fn sections_from_headings() {
    let text = "2022年工作总结\n全年发案下降5%。\n一、坚持精密智控。正文破获案件3起。\n(一)高效流调溯源。研判密接8万人次。\n（二）严密基础防控。新增监控952个。\n1.场所码。启用17.4万张。\n二、坚持主动担当。完成任务19批次。(一)捍卫政治安全。发现隐患5个。";
    let ex = scan(text, &ExtractOptions::default());
    let secs: Vec<(&str, &str, Option<&str>)> =
        ex.sections.iter().map(|s| (s.id.as_str(), s.title.as_str(), s.parent.as_deref())).collect();
    assert_eq!(
        secs,
        vec![
            ("intro", "总述", None),
            ("s1", "坚持精密智控", None),
            ("s1-1", "高效流调溯源", Some("s1")),
            ("s1-2", "严密基础防控", Some("s1")),
            ("s1-2-1", "场所码", Some("s1-2")),
            ("s2", "坚持主动担当", None),
            ("s2-1", "捍卫政治安全", Some("s2")),
        ]
    );
    let at: Vec<(&str, &str, f64)> =
        ex.indicators.iter().map(|i| (i.id.as_str(), i.section.as_str(), i.value)).collect();
    assert_eq!(
        at,
        vec![
            ("intro-01", "intro", -5.0),
            ("s1-01", "s1", 3.0),
            ("s1-1-01", "s1-1", 80000.0),
            ("s1-2-01", "s1-2", 952.0),
            ("s1-2-1-01", "s1-2-1", 174000.0),
            ("s2-01", "s2", 19.0),
            ("s2-1-01", "s2-1", 5.0),
        ]
    );
}

#[test]
fn a_heading_run_in_between_spaces_names_no_figure() {
    // Lines joined with spaces: the heading ends at the space.
    let ex = scan("全市经济稳步发展。 一、农业 农业总产值135.5亿元。", &ExtractOptions::default());
    assert_eq!(ex.sections.last().map(|s| s.title.as_str()), Some("农业"));
    assert_eq!(ex.indicators[0].label, "农业总产值");
    // A heading at the start of a line keeps its whole title.
    let ex = scan("一、农业生产 稳中向好\n农业总产值135.5亿元。", &ExtractOptions::default());
    assert_eq!(ex.sections[0].title, "农业生产 稳中向好");
}

#[test]
fn a_report_without_headings_is_all_intro() {
    let ex = scan("全年破获案件212起。", &ExtractOptions::default());
    assert_eq!(ex.sections.len(), 1);
    assert_eq!(ex.sections[0].id, "intro");
    assert_eq!(ex.indicators[0].id, "intro-01");
}

// ---- quotes and spans -------------------------------------------------------------------

#[test]
fn quotes_are_exact_and_at_their_spans() {
    let text = "2022年,全市刑事立案数同比下降11.8%,治安案件受理数同比下降7.3%。一、加强防控。破获各类案件212起，扣押涉案资产8900万元。";
    let chars: Vec<char> = text.chars().collect();
    let ex = scan(text, &ExtractOptions::default());
    let quotes: Vec<&str> = ex.indicators.iter().map(|i| i.quote.as_str()).collect();
    assert_eq!(
        quotes,
        vec!["刑事立案数同比下降11.8%", "治安案件受理数同比下降7.3%", "破获各类案件212起", "扣押涉案资产8900万元"]
    );
    for i in &ex.indicators {
        let [s, e] = i.span.expect("span");
        let at: String = chars[s..e].iter().collect();
        assert_eq!(at, i.quote);
        assert!(i.quote.contains(&i.label), "{} should contain its label {}", i.quote, i.label);
    }
}

// ---- repeats, ids, the dataset ----------------------------------------------------------

#[test]
fn a_figure_stated_twice_is_marked_as_a_repeat() {
    let ex = scan(
        "命案发案数同比下降36.7%。一、防控。命案发案同比下降36.7%，溺亡人数同比下降36.7%。",
        &ExtractOptions::default(),
    );
    let r: Vec<(&str, Option<&str>)> = ex.indicators.iter().map(|i| (i.id.as_str(), i.repeat_of.as_deref())).collect();
    assert_eq!(r, vec![("intro-01", None), ("s1-01", Some("intro-01")), ("s1-02", None)]);
    let ex = scan(
        "命案发案数同比下降36.7%。命案发案同比下降36.7%。",
        &ExtractOptions { mark_repeats: false, ..ExtractOptions::default() },
    );
    assert!(ex.indicators.iter().all(|i| i.repeat_of.is_none()));
}

#[test]
fn extract_gives_a_validated_dataset() {
    let ds = extract("市公安局2022年工作总结\n全年破获案件212起。", &ExtractOptions::default()).expect("dataset");
    assert_eq!(ds.source().title, "市公安局2022年工作总结");
    assert_eq!(ds.title(), "市公安局2022年工作总结指标");
    assert_eq!(ds.source().year, 2022);
    let opts = ExtractOptions {
        title: Some("T".into()),
        source_title: Some("S".into()),
        year: Some(2021),
        mark_repeats: true,
    };
    let ds = extract("破获案件212起。", &opts).expect("dataset");
    assert_eq!((ds.title(), ds.source().title.as_str(), ds.source().year), ("T", "S", 2021));
    assert_eq!(extract("", &ExtractOptions::default()), Err(ExtractError::NoIndicators));
    assert_eq!(extract("没有任何数字。", &ExtractOptions::default()), Err(ExtractError::NoIndicators));
}

#[test]
fn overrides_drop_patch_rename_and_add() {
    let ds = extract("破获案件212起，抓获嫌疑人30人。", &ExtractOptions::default()).expect("dataset");
    let ov = Overrides::from_json(
        r#"{ "drop": ["intro-02"],
             "patch": { "intro-01": { "id": "cases-solved", "label_en": "Cases solved" } },
             "add": [ { "id": "suspects", "section": "intro", "label": "抓获嫌疑人", "value": 30,
                        "unit": "人", "kind": "count", "quote": "抓获嫌疑人30人" } ],
             "sections": { "intro": { "title": "概况" } } }"#,
    )
    .expect("overrides");
    let out = apply_overrides(ds.clone(), &ov).expect("applied");
    let ids: Vec<&str> = out.indicators().iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, vec!["cases-solved", "suspects"]);
    assert_eq!(out.indicators()[0].label_en, "Cases solved");
    assert_eq!(out.indicators()[1].span, Some([9, 17]));
    assert_eq!(out.sections()[0].title, "概况");
    let stale = Overrides::from_json(r#"{ "drop": ["s9-01"] }"#).expect("overrides");
    let err = apply_overrides(ds.clone(), &stale).expect_err("unknown id");
    assert!(err.to_string().contains("s9-01"), "{err}");
    assert!(Overrides::from_json(r#"{ "dorp": [] }"#).is_err(), "unknown fields are refused");
}

#[test]
fn overrides_section_title_en_and_a_patched_quote_keeps_to_its_sentence() {
    // 破获案件 occurs twice; the patched quote of the second figure must stay on the second.
    let text = "破获案件12起。一、打击。全年破获案件212起。";
    let ds = extract(text, &ExtractOptions::default()).expect("dataset");
    let second = ds.indicators().iter().find(|i| i.value == 212.0).expect("212").id.clone();
    let ov = Overrides::from_json(&format!(
        r#"{{ "patch": {{ "{second}": {{ "quote": "破获案件212起" }} }},
             "sections": {{ "s1": {{ "title_en": "Crackdown" }} }} }}"#
    ))
    .expect("overrides");
    let out = apply_overrides(ds, &ov).expect("applied");
    let ind = out.indicators().iter().find(|i| i.value == 212.0).expect("212");
    let start = text.chars().count() - "破获案件212起。".chars().count();
    assert_eq!(ind.span, Some([start, start + 8]));
    assert_eq!(out.section("s1").map(|s| s.title_en.as_str()), Some("Crackdown"));
    // A patched quote that is not in the text is refused.
    let ov = Overrides::from_json(&format!(r#"{{ "patch": {{ "{second}": {{ "quote": "破获案件999起" }} }} }}"#))
        .expect("overrides");
    let ds = extract(text, &ExtractOptions::default()).expect("dataset");
    let err = apply_overrides(ds, &ov).expect_err("quote not in the text");
    assert!(err.to_string().contains("破获案件999起"), "{err}");
}

#[test]
fn dataset_json_is_pretty_utf8_with_whole_numbers() {
    let ds =
        extract("全年破获案件212起，追赃挽损1.4亿元，同比下降11.8%。", &ExtractOptions::default()).expect("dataset");
    let json = ds.to_json_pretty().expect("serializes");
    assert!(json.contains("\"value\": 212,"), "{json}");
    assert!(json.contains("\"value\": 140000000,"), "{json}");
    assert!(json.contains("\"value\": -11.8,"), "{json}");
    assert!(json.contains("\"label\": \"破获案件\""), "UTF-8, no \\u escapes: {json}");
    assert!(json.contains("\"span\": [2, 10]"), "spans on one line: {json}");
    assert!(json.ends_with("}\n"));
    let back = indicator_chart::model::Dataset::from_json(&json).expect("reads back");
    assert_eq!(back, ds);
}

// ---- the command line ---------------------------------------------------------------------

mod cli {
    use std::path::PathBuf;
    use std::process::Command;

    fn bin() -> Command {
        Command::new(env!("CARGO_BIN_EXE_indicators"))
    }

    fn temp(name: &str, bytes: &[u8]) -> PathBuf {
        let p = std::env::temp_dir().join(format!("indicators-cli-{}-{name}", std::process::id()));
        std::fs::write(&p, bytes).expect("write temp file");
        p
    }

    const REPORT: &str = "市公安局2022年工作总结\n全市刑事立案数同比下降11.8%。\n一、加强防控。破获各类案件212起，扣押涉案资产8900万元。\n";

    #[test]
    fn writes_the_dataset_json() {
        let src = temp("ok.txt", REPORT.as_bytes());
        let out = bin().args(["extract"]).arg(&src).args(["--title", "标题"]).output().expect("run");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let ds = indicator_chart::model::Dataset::from_json(&String::from_utf8_lossy(&out.stdout))
            .expect("valid JSON dataset");
        assert_eq!(ds.title(), "标题");
        assert_eq!(ds.indicators().len(), 3);
        let dest = std::env::temp_dir().join(format!("indicators-cli-{}-out.json", std::process::id()));
        let out = bin().arg("extract").arg(&src).arg("-o").arg(&dest).output().expect("run");
        assert!(out.status.success());
        assert!(out.stdout.is_empty());
        assert!(
            std::fs::read_to_string(&dest).expect("written").contains("\"破获各类案件\""),
            "UTF-8, not \\u escapes"
        );
    }

    #[test]
    fn unreadable_and_binary_files_are_errors() {
        let out = bin().args(["extract", "/nonexistent/report.txt"]).output().expect("run");
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/report.txt"));
        let bad = temp("bad.bin", &[0x89, b'P', b'N', b'G', 0xff, 0xfe, 0x00, 0x80, 0xff]);
        let out = bin().arg("extract").arg(&bad).output().expect("run");
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("is not UTF-8"), "{err}");
        let out = bin().output().expect("run");
        assert_eq!(out.status.code(), Some(2), "usage error");
    }

    #[test]
    fn gb18030_is_decoded_and_said_so() {
        let (gb, _, lossy) = encoding_rs::GB18030.encode(REPORT);
        assert!(!lossy);
        assert!(std::str::from_utf8(&gb).is_err(), "the test file must not be UTF-8");
        let src = temp("gb.txt", &gb);
        let out = bin().arg("extract").arg(&src).output().expect("run");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stderr).contains("GB18030"));
        let ds = indicator_chart::model::Dataset::from_json(&String::from_utf8_lossy(&out.stdout)).expect("dataset");
        assert_eq!(ds.source().text, REPORT);
        assert_eq!(ds.indicators().len(), 3);
    }
}

// ---- kinds by the reports' own conventions -------------------------------------------

#[test]
fn a_bare_growth_in_per_cent_is_the_change_on_last_year() {
    assert_eq!(figs("全省生产总值增长5.6%。"), vec![f("生产总值", 5.6, "%", YoyChange, false)]);
    assert_eq!(figs("居民消费价格上涨0.2%。"), vec![f("居民消费价格", 0.2, "%", YoyChange, false)]);
    assert_eq!(figs("生产安全事故起数下降18%。"), vec![f("生产安全事故起数", -18.0, "%", YoyChange, false)]);
    // Another base, named: a change.
    assert_eq!(figs("森林面积较“十三五”末增长12%。"), vec![f("森林面积", 12.0, "%", Change, false)]);
    assert_eq!(figs("工业投资比年初增长3%。"), vec![f("工业投资", 3.0, "%", Change, false)]);
    // An improvement credited to a measure (提升, not a bulletin's 增长): a change.
    assert_eq!(figs("路段通行效率提升15%。"), vec![f("路段通行效率", 15.0, "%", Change, false)]);
}

#[test]
fn year_on_year_changes_in_other_units_are_changes() {
    assert_eq!(
        figs("土地适度规模经营面积比上年增加21万亩。"),
        vec![f("土地适度规模经营面积", 210_000.0, "亩", Change, false)]
    );
    assert_eq!(figs("常住人口城镇化率比上年末提高0.7个百分点。")[0].3, Change);
    assert_eq!(figs("民营经济比重较上年下降0.8个百分点。"), vec![f("民营经济比重", -0.8, "个百分点", Change, false)]);
    assert_eq!(figs("粮食总产量十年增长1.3倍。")[0].3, Change);
}

#[test]
fn a_subject_then_its_direction_is_a_change_in_that_unit() {
    assert_eq!(figs("优良天数增加25天。"), vec![f("优良天数", 25.0, "天", Change, false)]);
    assert_eq!(figs("水产品总产量12.3万吨，减产1.8%。")[1], f("水产品总产量", -1.8, "%", YoyChange, false));
}

#[test]
fn per_mille_is_a_rate_in_its_own_unit() {
    assert_eq!(figs("人口出生率为8.2‰。"), vec![f("人口出生率", 8.2, "‰", Percent, false)]);
}

// ---- labels a reader can tell apart ---------------------------------------------------

#[test]
fn a_list_with_fen_bie_shares_its_head_noun() {
    assert_eq!(
        figs("小麦、玉米、大豆和油料产量分别增长5%、7%、9%和12%。").into_iter().map(|x| x.0).collect::<Vec<_>>(),
        vec!["小麦产量", "玉米产量", "大豆产量", "油料产量"]
    );
    assert_eq!(
        figs("城镇和农村居民人均可支配收入分别增长4.1%、5.9%。").into_iter().map(|x| x.0).collect::<Vec<_>>(),
        vec!["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    );
    // Items that are whole names keep them.
    assert_eq!(
        figs("生产总值、工业增加值分别增长5%、6%。").into_iter().map(|x| x.0).collect::<Vec<_>>(),
        vec!["生产总值", "工业增加值"]
    );
}

#[test]
fn glued_verbs_actors_and_run_in_headings_are_stripped() {
    assert_eq!(one("全市第一产业实现增加值185亿元。").label, "第一产业增加值");
    assert_eq!(one("一季度全市实现工业增加值384.1亿元。").label, "工业增加值");
    assert_eq!(one("完成职业技能培训284万人次。").label, "职业技能培训");
    assert_eq!(one("全国市场监管部门共查办各类违法案件140.62万件。").label, "查办各类违法案件");
    assert_eq!(one("全国各级市场监管部门2023年查办民生领域违法案件56.5万件。").label, "查办民生领域违法案件");
    assert_eq!(one("一、综合\n粮食全年农作物播种面积324.3万亩。").label, "农作物播种面积");
    // The verb is what a completion rate measures; the office collecting revenue is no
    // part of what was collected.
    assert_eq!(one("完成年度计划的108.2%。").label, "完成年度计划");
    assert_eq!(one("2022年全市税务部门组织税费收入1236.8亿元。").label, "税费收入");
}

#[test]
fn a_label_is_qualified_by_the_figure_before_so_two_figures_differ() {
    // A bare verb takes the subject and object of the figure before (same unit; 各类 is
    // the first count's word), and a subject with a bare verb the object of the last
    // figure in its unit.
    let got: Vec<String> =
        figs("全市法院受理各类案件25.4万件,办结23.1万件,同比分别上升3.6%和3.1%。其中市中院受理2.8万件,办结2.4万件。")
            .into_iter()
            .map(|x| x.0)
            .collect();
    assert_eq!(
        got,
        vec![
            "全市法院受理各类案件",
            "全市法院办结案件",
            "全市法院受理各类案件",
            "全市法院办结案件",
            "市中院受理案件",
            "市中院办结案件"
        ]
    );
    // An attribute takes the object of the cases it belongs to.
    assert_eq!(
        figs("查办食品案件54.4万件,罚没金额26.3亿元。查办家居质量违法案件4406件,涉案货值2733.41万元。")
            .into_iter()
            .map(|x| x.0)
            .collect::<Vec<_>>(),
        vec!["查办食品案件", "食品案件罚没金额", "查办家居质量违法案件", "家居质量违法案件涉案货值"]
    );
    // 其中: a part that names itself stays as it is; told apart from another part of
    // that name by the whole it belongs to.
    assert_eq!(
        figs("户籍总人口134.9万人,其中城镇人口25.0万人,乡村人口109.9万人。")
            .into_iter()
            .map(|x| x.0)
            .collect::<Vec<_>>(),
        vec!["户籍总人口", "城镇人口", "乡村人口"]
    );
    assert_eq!(
        labels("年末常住人口94.9万人,其中城镇人口41.4万人。户籍总人口134.9万人,其中城镇人口25.0万人。"),
        ["年末常住人口", "城镇人口（年末常住人口）", "户籍总人口", "城镇人口（户籍总人口）"]
    );
    // A rate names its quantity.
    assert_eq!(figs("第一产业增加值185亿元，同比增长8.5%，增速比上年提高1.5个百分点。")[2].0, "第一产业增加值增速");
    // Another unit counts other things: no qualification.
    assert_eq!(figs("查处案件12起，抓获15人。")[1].0, "抓获");
}

#[test]
fn shares_levels_and_fillers_get_whole_labels() {
    // A share names whose share it is, from the figure before, and is a 比重.
    assert_eq!(figs("生态高标准农田面积512万亩，占粮食种植面积的近50%。")[1].0, "生态高标准农田面积占粮食种植面积比重");
    assert_eq!(one("有效灌溉面积占农作物总播种面积的33%。").label, "有效灌溉面积占农作物总播种面积比重");
    // A level after its change, in one unit: the same label, never the unit alone.
    let got = figs("土地适度规模经营面积比上年增加21万亩，达到近300万亩。");
    assert_eq!(got[1].0, "土地适度规模经营面积");
    assert_eq!(one("城镇调查失业率平均为5.2%。").label, "城镇调查失业率");
    assert_eq!(one("向社会公开曝光1034起典型案件。").label, "公开曝光典型案件");
    // What was built is counted, not the building; 新建 and 建成 say which ones and stay.
    assert_eq!(one("实施农村电网升级改造工程13项。").label, "农村电网升级改造工程");
    assert_eq!(one("建设大中型沼气工程109处。").label, "大中型沼气工程");
    assert_eq!(one("新建中心村文化广场71个。").label, "新建中心村文化广场");
}

// ---- second round: lists, enumerations, case verbs, space-grouped numbers ---------------

#[test]
fn space_grouped_thousands_are_one_number() {
    // A yearbook's thousands separator is a space: "321 146件", "1 862人".
    let got = figs("全省法院受理各类案件321 146件,审结318 002件。判处未成年罪犯1 862人。");
    assert_eq!(got.iter().map(|x| x.1).collect::<Vec<_>>(), vec![321_146.0, 318_002.0, 1_862.0]);
    assert_eq!(got[1].0, "全省法院审结案件");
    // Not a group of three: two numbers (or none).
    assert_eq!(figs("受理案件12 34件。").len(), 1);
}

#[test]
fn fen_bie_after_figures_of_different_units_names_each() {
    // A comma-joined group in two units: the changes after it are theirs, one each.
    let got = figs("全年接待游客1200万人次，旅游收入100亿元，分别增长15%和18%。");
    assert_eq!(got[2], f("接待游客", 15.0, "%", YoyChange, false));
    assert_eq!(got[3], f("旅游收入", 18.0, "%", YoyChange, false));
    // A group longer than the list: the changes are those of its last figures.
    let got = figs("起诉各类犯罪嫌疑人1.2万人，其中起诉危害国家安全犯罪120人，起诉毒品犯罪800人，同比分别下降5%和8%。");
    assert_eq!(got[3], f("起诉危害国家安全犯罪", -5.0, "%", YoyChange, false));
    assert_eq!(got[4], f("起诉毒品犯罪", -8.0, "%", YoyChange, false));
}

#[test]
fn a_case_verb_before_a_list_of_figures_is_every_items() {
    let got = figs("破获传统侵财案件1787起、电信网络诈骗案件1295起。立案查处燃气用具案件6101件、添加二甲醚案件237件。");
    let labels: Vec<_> = got.into_iter().map(|x| x.0).collect();
    assert_eq!(
        labels,
        vec!["破获传统侵财案件", "破获电信网络诈骗案件", "立案查处燃气用具案件", "立案查处添加二甲醚案件"]
    );
    // Another unit counts other things: no verb handed on.
    assert_eq!(figs("查处案件12起、涉案人员15人。")[1].0, "涉案人员");
}

#[test]
fn an_enumeration_is_one_name() {
    // Short: the whole enumeration.
    assert_eq!(
        one("破获侵犯知识产权、破坏市场经济秩序等案件708起。").label,
        "破获侵犯知识产权、破坏市场经济秩序等案件"
    );
    // Long: the verb of its first item and what follows 等.
    assert_eq!(one("依法办结非法吸收公众存款、集资诈骗等涉众型经济犯罪案件36件。").label, "办结涉众型经济犯罪案件");
    assert_eq!(
        one("2023年挂牌督办食品非法添加、制售不合格液化石油气、侵犯他人注册商标专用权等重点案件128件。").label,
        "挂牌督办重点案件"
    );
    // Without 等: a list of short names sharing one head is one name too.
    assert_eq!(one("批准逮捕抢劫、抢夺、盗窃犯罪嫌疑人60614人。").label, "批准逮捕抢劫、抢夺、盗窃犯罪嫌疑人");
    assert_eq!(one("国控、省控地表水断面水质优良比例93.8%。").label, "国控、省控地表水断面水质优良比例");
    // Two items that are clauses are not: the last one is the figure's.
    assert_eq!(one("加强防控、发现隐患12个。").label, "发现隐患");
}

#[test]
fn footnote_marks_abbreviations_and_ages_are_part_of_the_words() {
    assert_eq!(labels("全年全区生产总值(2)实现355.2亿元,按可比价计算,比上年增长0.6%。"), ["生产总值", "生产总值"]);
    assert_eq!(figs("人均GDP45228元(按户籍人口计算)。")[0], f("人均GDP", 45228.0, "元", Money, false));
    assert_eq!(figs("第二产业拉动GDP3.9个百分点。")[0].1, 3.9);
    assert_eq!(
        labels("18岁以下人口占25.8%,18-34岁占22.4%,60岁以上占14.5%。"),
        ["18岁以下人口比重", "18-34岁人口比重", "60岁以上人口比重"]
    );
}

#[test]
fn a_five_year_report_compares_with_the_five_years_before() {
    let got = figs("全省法院受理各类案件1743757件,审、执结1721506件,比上一个五年分别上升30.76%和31.64%。");
    assert_eq!(got[1].0, "全省法院审、执结案件", "审、执结 is one verb");
    assert_eq!(got[2], f("全省法院受理各类案件", 30.76, "%", Change, false));
    assert_eq!(got[3], f("全省法院审、执结案件", 31.64, "%", Change, false));
    let got = figs("城镇登记失业率为3.36%,与去年相比降低0.09个百分点。");
    assert_eq!(got[1], f("城镇登记失业率", -0.09, "个百分点", Change, false));
}

#[test]
fn a_bare_case_verb_after_a_change_takes_the_count_before_it() {
    assert_eq!(
        labels("全省各级法院共受理各类案件321146件，同比上升5.2%；审结315210件，同比上升4.8%。"),
        ["各级法院受理各类案件", "各级法院受理各类案件", "各级法院审结案件", "各级法院审结案件"]
    );
    assert_eq!(labels("受理刑事案件21500件，同比下降2.1%，审结21300件。")[2], "审结刑事案件");
}

#[test]
fn a_bare_rate_after_another_takes_its_subject() {
    assert_eq!(labels("全年刑事案件破案率上升2.7%，发案率下降8.5%。"), ["刑事案件破案率", "刑事案件发案率"]);
    // Items that end as the last one does are whole names: no head shared.
    assert_eq!(labels("破案数、抓获犯罪嫌疑人数同比分别上升6.7%、21%。"), ["破案数", "抓获犯罪嫌疑人数"]);
}

#[test]
fn from_a_level_restated_to_another() {
    assert_eq!(labels("农村低保标准从年标准1680元提高到2760元。"), ["农村低保标准（期初）", "农村低保标准"]);
}

#[test]
fn a_gap_in_points_is_of_the_growth_before() {
    assert_eq!(
        labels("工业投资增长20.3%，比同期增速高5.1个百分点；民间投资增长12.1%，高于全省平均水平2.0个百分点。"),
        ["工业投资", "工业投资增速比同期高", "民间投资", "民间投资增速高于全省平均水平"]
    );
    assert_eq!(
        labels("第一产业增加值74628万元,增长7.8%,对经济增长的贡献率为18.2%,拉动GDP1.6个百分点。")[3],
        "第一产业增加值拉动GDP增长"
    );
}

#[test]
fn a_bare_measure_after_another_takes_its_subject() {
    assert_eq!(labels("农林牧渔业总产值69.93亿元,增长2.5%;增加值37.90亿元,增长2.7%。")[2], "农林牧渔业增加值");
    assert_eq!(
        labels("蔬菜播种面积3938公顷,比上年增长1.4%,产量106551吨,下降2.2%;果用瓜1107公顷,增长1.9%,产量28408吨。"),
        ["蔬菜播种面积", "蔬菜播种面积", "蔬菜产量", "蔬菜产量", "果用瓜", "果用瓜", "果用瓜产量"]
    );
    assert_eq!(one("人均生产总值约合20533美元。").label, "人均生产总值");
    // A change in points of a share keeps 占比.
    assert_eq!(one("第一产业占比提高0.3个百分点。").label, "第一产业占比");
}

#[test]
fn a_part_after_qizhong_belongs_to_the_whole_in_its_unit() {
    assert_eq!(
        labels("全年共发生较大以上事故8起，死亡30人；其中重大事故1起，死亡12人。"),
        ["较大以上事故", "较大以上事故死亡人数", "重大事故", "重大事故死亡人数"]
    );
    assert_eq!(labels("年末常住人口94.9万人，比上年末增加0.1万人，其中城镇人口41.4万人。")[2], "城镇人口");
    assert_eq!(labels("一般公共预算收入70.11亿元,其中税收收入39.43亿元。")[1], "税收收入");
    // A part named by a bound on its age only.
    assert_eq!(labels("攻破40起积案,其中20年以上32起。"), ["攻破积案", "攻破积案（20年以上）"]);
}

#[test]
fn a_bare_case_verb_after_a_crackdown_takes_its_object() {
    assert_eq!(
        labels("依法打击电信网络诈骗犯罪，起诉385人，同比上升12.5%。"),
        ["起诉电信网络诈骗犯罪", "起诉电信网络诈骗犯罪"]
    );
}

#[test]
fn a_bare_prosecution_takes_the_object_of_the_arrests_before() {
    let got = figs("共批准逮捕各类刑事犯罪嫌疑人130611人，提起公诉127579人。");
    assert_eq!(got[1].0, "提起公诉刑事犯罪嫌疑人");
}

#[test]
fn the_cost_of_all_cases_and_abbreviations_stay_bare() {
    let got = figs("全国市场监管部门共查办各类违法案件140.62万件,比上年增长10.6%;罚没金额105.35亿元,下降22%。");
    assert_eq!(got[2], f("罚没金额", 10_535_000_000.0, "元", Money, false));
    assert_eq!(got[3], f("罚没金额", -22.0, "%", YoyChange, false));
    assert_eq!(one("地区生产总值(GDP)439.19亿元。").label, "地区生产总值");
    assert_eq!(one("居民消费价格指数（CPI）上涨2.0%。").label, "居民消费价格指数");
}

#[test]
fn yearly_averages_and_negative_growth() {
    // 年均: an average over several years, not the change on last year.
    // The label says so: next to the year's growth the bar must not read the same.
    assert_eq!(figs("过去五年，国内生产总值年均增长5.2%。"), vec![f("国内生产总值（年均）", 5.2, "%", Change, false)]);
    assert_eq!(
        figs("外贸进出口总值首次突破700亿元，年均增长13.2%。")[1],
        f("外贸进出口总值（年均）", 13.2, "%", Change, false)
    );
    // Not figures of the report's: a bound on a ranking, a number of digits, quarters.
    assert!(figs("增速连续11个季度居全国前10位，保持两位数增长。").is_empty());
    // Nor numbers that are part of a fixed name.
    assert!(figs("完成省十四届人大三次会议确定的主要目标。").is_empty());
    assert_eq!(labels("八类严重暴力案件破案率实现100%，交通事故四项指数同比下降。"), ["严重暴力案件破案率"]);
    // A span of years is part of the words, and not of the label.
    assert_eq!(
        labels("八类严重暴力犯罪案件连续6年年均下降12.1%,入室盗窃等可防性案件连续3年年均下降9.1%。"),
        ["严重暴力犯罪案件（年均）", "入室盗窃等可防性案件（年均）"]
    );
    assert_eq!(labels("命案破案率为99.37%,位居全国前列,连续4年达到98%。"), ["命案破案率", "命案破案率（连续4年）"]);
    // Held at a bound: no figure (as 稳定在…以上).
    assert_eq!(labels("命案破案率为99.37%,连续4年保持98%以上。"), ["命案破案率"]);
    assert_eq!(figs("工业企业利润总额负增长3.5%。"), vec![f("工业企业利润总额", -3.5, "%", YoyChange, false)]);
    assert_eq!(figs("居民消费价格涨幅回落0.6个百分点。")[0].1, -0.6);
    assert_eq!(figs("亏损企业亏损面收窄3个百分点。"), vec![f("亏损企业亏损面", -3.0, "个百分点", Change, false)]);
}

#[test]
fn the_report_year_is_not_the_day_it_was_given() {
    // Delivered 2020-01-05, covering 2019: 比2018年 is the change on last year, 比2017年 is not.
    let text = "——2020年1月5日在市人民代表大会上\n2019年，全市生产总值比2018年增长7.5%，比2017年增长15.2%。";
    let got = figs(text);
    assert_eq!(got[0].3, YoyChange);
    assert_eq!(got[1].3, Change);
    assert_eq!(indicator_chart::extract::detect_year(text), 2019);
}

#[test]
fn a_paired_word_before_fen_bie_names_two() {
    let got = figs("城乡居民人均可支配收入分别达到68745元和41236元，分别增长4.9%和6.2%。");
    let labels: Vec<_> = got.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        labels,
        vec!["城镇居民人均可支配收入", "农村居民人均可支配收入", "城镇居民人均可支配收入", "农村居民人均可支配收入"]
    );
    assert_eq!(got[3], f("农村居民人均可支配收入", 6.2, "%", YoyChange, false));
    // One figure of both is not split.
    assert_eq!(one("城乡居民收入比缩小到2.3。").label, "城乡居民收入比");
}

#[test]
fn from_to_running_totals_and_a_mark_passed_are_told_apart() {
    let got = figs("规模以上工业企业从1832户增加到3382户。");
    assert_eq!(
        got,
        vec![
            f("规模以上工业企业（期初）", 1832.0, "户", Count, false),
            f("规模以上工业企业", 3382.0, "户", Count, false)
        ]
    );
    let got = figs("新增百亿县区26个，累计达到46个。");
    assert_eq!(got[1].0, "百亿县区累计");
    // The mark passed (突破), then the figure itself: one figure.
    assert_eq!(
        figs("地方一般公共预算收入突破4000亿元、达到4211亿元。"),
        vec![f("地方一般公共预算收入", 421_100_000_000.0, "元", Money, false)]
    );
}

#[test]
fn the_value_of_a_named_base_names_its_base() {
    let got = figs("地区生产总值达到13697.5亿元，较“十三五”末的9323.1亿元增加4374.4亿元。");
    assert_eq!(got[1].0, "“十三五”末地区生产总值");
    assert_eq!(got[1].1, 932_310_000_000.0);
}

#[test]
fn a_change_borrowing_its_subject_keeps_the_base_named_before() {
    let got = figs("2025年，地区生产总值达到13697.5亿元，较“十三五”末的9323.1亿元增加4374.4亿元，增长33.6%。");
    assert_eq!(got[3], f("地区生产总值", 33.6, "%", Change, false));
    // Without a named base, the bare growth is on last year.
    assert_eq!(figs("2025年，地区生产总值13697.5亿元，增长5.6%。")[1].3, YoyChange);
}

#[test]
fn fen_bie_before_a_verb_and_items_joined_inside_a_name() {
    let got = figs("中小企业商业价值信用贷款、农村信用贷款与抵押贷款改革试点分别发放贷款671亿元、86亿元。");
    assert_eq!(got[0].0, "中小企业商业价值信用贷款发放贷款");
    assert_eq!(got[1].0, "农村信用贷款与抵押贷款改革试点发放贷款");
    // 和 between the items: three names for three figures.
    let got = figs("小麦、玉米和大豆分别收购120万吨、80万吨和30万吨。");
    assert_eq!(got.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(), vec!["小麦收购", "玉米收购", "大豆收购"]);
}

// ---- labels a reader can tell apart ---------------------------------------------------

/// The labels of `text`'s figures, in order.
fn labels(text: &str) -> Vec<String> {
    figs(text).into_iter().map(|(l, ..)| l).collect()
}

#[test]
fn a_toll_and_an_amount_take_the_name_of_what_they_belong_to() {
    assert_eq!(
        labels("道路运输事故30起、死亡25人；建筑施工事故6起、死亡5人。"),
        ["道路运输事故", "道路运输事故死亡人数", "建筑施工事故", "建筑施工事故死亡人数"]
    );
    // A toll after a toll, and the counts of events and tolls after them.
    assert_eq!(
        labels("辖区发生生产安全事故5起,死亡4人,受伤2人,同比去年起数下降16.67%,死亡人数下降20%。"),
        ["生产安全事故", "生产安全事故死亡人数", "生产安全事故受伤人数", "生产安全事故起数", "生产安全事故死亡人数"]
    );
    assert_eq!(
        labels("审结金融借款合同纠纷案件5600件，涉案标的额32.5亿元；审结民间借贷纠纷案件8100件，涉案标的额21.3亿元。"),
        [
            "审结金融借款合同纠纷案件",
            "金融借款合同纠纷案件涉案标的额",
            "审结民间借贷纠纷案件",
            "民间借贷纠纷案件涉案标的额"
        ]
    );
}

#[test]
fn a_part_of_the_year_is_said() {
    assert_eq!(
        labels("全市规模以上工业增加值增长6.2%，一季度增长4.1%，二季度增长5.3%。"),
        ["规模以上工业增加值", "规模以上工业增加值（一季度）", "规模以上工业增加值（二季度）"]
    );
    assert_eq!(labels("一季度增长4.1%，二季度增长5.3%。"), ["一季度", "二季度"]);
    // Two sentences that name the same quantity: the part of the year tells them apart.
    assert_eq!(
        labels("一季度，地区生产总值增长4.5%；上半年，地区生产总值增长5.0%。"),
        ["地区生产总值（一季度）", "地区生产总值（上半年）"]
    );
}

#[test]
fn colliding_labels_take_a_qualifier_from_their_sentence() {
    assert_eq!(
        labels("严惩杀人、抢劫、强奸等严重暴力犯罪，办结案件691件。严厉打击电信网络诈骗犯罪，办结案件1203件。"),
        ["办结严重暴力犯罪案件", "办结电信网络诈骗犯罪案件"],
        "a crackdown's crime names its figures before any qualifier is needed"
    );
    assert_eq!(
        labels("聚焦严重暴力犯罪，办结案件691件。聚焦电信网络诈骗犯罪，办结案件1203件。"),
        ["办结案件（聚焦严重暴力犯罪）", "办结案件（聚焦电信网络诈骗犯罪）"]
    );
    // The clause before states a figure of its own: the words before it.
    assert_eq!(
        labels("乙烯45万吨，产量增长8.7%；聚乙烯30万吨，产量增长5.8%。"),
        ["乙烯", "产量（乙烯）", "聚乙烯", "产量（聚乙烯）"]
    );
    // The same figure stated twice is one figure: nothing to tell apart.
    assert_eq!(labels("办结案件691件。办结案件691件。"), ["办结案件", "办结案件"]);
    // A figure after one that was qualified in its sentence takes the same qualifier.
    assert_eq!(
        labels("全年执结案件3000件，执行到位金额12.5亿元。开展集中执行行动3次，执结案件1200件，执行到位金额3.4亿元。"),
        [
            "执结案件",
            "执行到位金额",
            "集中执行行动",
            "执结案件（开展集中执行行动）",
            "执行到位金额（开展集中执行行动）"
        ]
    );
    // 三次产业 with three figures: the three industries in order.
    assert_eq!(
        labels("三次产业对经济增长的贡献率分别为6.0%、65.8%、28.2%。"),
        ["第一产业对经济增长的贡献率", "第二产业对经济增长的贡献率", "第三产业对经济增长的贡献率"]
    );
    // Two changes of one figure on different bases say which.
    assert_eq!(
        labels("城镇登记失业率为3.36%,与去年相比降低0.09个百分点,比2019年降低0.33个百分点。"),
        ["城镇登记失业率", "城镇登记失业率（与去年相比）", "城镇登记失业率（比2019年）"]
    );
    // Parts after 其中 of two wholes: the whole each belongs to.
    assert_eq!(
        labels("全年地区生产总值385627万元。其中:第一产业增加值74628万元。全年民营经济增加值238821万元。其中:第一产业增加值13748万元。"),
        ["地区生产总值", "第一产业增加值", "民营经济增加值", "第一产业增加值（民营经济）"]
    );
    // No 其中: the first clause of the sentence before (not a method's words).
    assert_eq!(
        labels("经初步核算,第一产业增加值74628万元。全年民营经济增加值238821万元。第一产业增加值13748万元。"),
        ["第一产业增加值", "民营经济增加值", "第一产业增加值（民营经济增加值）"]
    );
    // No one source tells three apart: one splits off what it can, the next round the rest.
    assert_eq!(
        labels("一季度，办结案件100件；一季度，严惩盗窃，办结案件200件。二季度，办结案件300件。"),
        ["办结案件（一季度）", "办结案件（一季度，严惩盗窃）", "办结案件（二季度）"]
    );
}

#[test]
fn a_count_per_so_many_says_per_what() {
    assert_eq!(
        figs("工矿商贸企业就业人员10万人生产安全事故死亡人数1.244人。道路交通事故万车死亡人数1.38人。"),
        vec![
            f("工矿商贸企业就业人员10万人生产安全事故死亡人数", 1.244, "人/10万人", Count, false),
            f("道路交通事故万车死亡人数", 1.38, "人/万车", Count, false),
        ]
    );
    assert_eq!(figs("每十万人命案发生数0.5起。")[0].2, "起/十万人");
    // 万人次 is a unit of its own, not a base.
    assert_eq!(figs("接待游客1200万人次。")[0].2, "人次");
}

#[test]
fn a_running_total_is_every_listed_figure_s_and_one_char_names_nothing() {
    assert_eq!(labels("累计接待游客17.52亿人次、旅游花费1.27万亿元。"), ["累计接待游客", "累计旅游花费"]);
    // A running total over several years grows on the period before, not on last year.
    let got = figs("累计接待游客17.52亿人次、旅游花费1.27万亿元，分别增长32.9%、41.6%。");
    assert_eq!(got[2], f("累计接待游客", 32.9, "%", Change, false));
    assert_eq!(got[3], f("累计旅游花费", 41.6, "%", Change, false));
    assert_eq!(figs("累计破获案件120起，同比上升5%。")[1], f("累计破获案件", 5.0, "%", YoyChange, false));
    assert_eq!(
        labels("实施生态及地质灾害避险搬迁一期工程，让13.07万户46万群众远离了危险。"),
        ["生态及地质灾害避险搬迁一期工程", "生态及地质灾害避险搬迁一期工程"]
    );
}

#[test]
fn groups_of_the_population_and_their_shares_are_named_as_such() {
    assert_eq!(
        labels("男性45.76万人，女性44.79万人。分年龄构成看，18岁以下人口占25.8%，18-34岁占22.4%，60岁以上占14.5%。"),
        ["男性人口", "女性人口", "18岁以下人口比重", "18-34岁人口比重", "60岁以上人口比重"]
    );
    // A figure after 占 with no whole named is a share; a label that names a rate stays.
    assert_eq!(labels("有效灌溉面积占农作物总播种面积的33%。"), ["有效灌溉面积占农作物总播种面积比重"]);
    assert_eq!(labels("女性占比48.2%。"), ["女性人口占比"]);
    // Not a group of people: a label that only starts like one.
    assert_eq!(labels("男性公民参军人数1200人。"), ["男性公民参军人数"]);
}

#[test]
fn among_is_no_part_of_a_name() {
    assert_eq!(labels("最高检通报的57项案件质量主要评价指标中，达标12项。")[0], "最高检通报案件质量主要评价指标");
    // Names that end in 中 keep it.
    assert_eq!(labels("新建普通高中17所，初中9所。"), ["新建普通高中", "初中"]);
}

#[test]
fn a_vehicle_named_by_its_wheels_is_no_count() {
    assert_eq!(figs("发生1起三轮车侧翻较大事故。").len(), 1);
    assert_eq!(figs("开展两轮督查，整改隐患12处。").iter().map(|f| f.1).collect::<Vec<_>>(), [2.0, 12.0]);
}

#[test]
fn bare_numbers_listed_before_a_unit_share_it() {
    assert_eq!(
        figs("破结案率分别同比提高30.8、16.5个百分点。"),
        vec![f("破案率", 30.8, "个百分点", Change, false), f("结案率", 16.5, "个百分点", Change, false)]
    );
    assert_eq!(
        figs("粮食、油料产量分别为3.2、1.5万吨。"),
        vec![f("粮食产量", 32000.0, "吨", Count, false), f("油料产量", 15000.0, "吨", Count, false)]
    );
    // A list of years is not a list of figures.
    assert_eq!(figs("2020、2021年连续两年增长5%。").len(), 1);
}

#[test]
fn a_quoted_sentence_is_speech_and_its_figures_count() {
    assert_eq!(labels("“推动扫黑除恶常态开展，紧盯聚众斗殴等案件，破获涉恶案件308起。”刘刚称。"), ["破获涉恶案件"]);
    // A quoted name or slogan stays a name: its numeral counts nothing.
    assert_eq!(labels("落实“五包一”措施，排查隐患12处。"), ["排查隐患"]);
}

#[test]
fn a_share_keeps_the_texts_word_and_a_change_after_it_is_of_the_quantity() {
    assert_eq!(
        figs("采矿业增加值占比达96.05%，同比下降15.6%；制造业增加值占比为2.45%，同比增长9.8%。"),
        vec![
            f("采矿业增加值占比", 96.05, "%", Percent, false),
            f("采矿业增加值", -15.6, "%", YoyChange, false),
            f("制造业增加值占比", 2.45, "%", Percent, false),
            f("制造业增加值", 9.8, "%", YoyChange, false),
        ]
    );
    // A change in points after a share is the share's.
    assert_eq!(labels("第一产业占比为8.5%，比上年提高0.3个百分点。"), ["第一产业占比", "第一产业占比"]);
    // 占 with no word of its own: 比重.
    assert_eq!(labels("60岁以上人口占14.5%。"), ["60岁以上人口比重"]);
}

#[test]
fn a_change_in_points_after_a_growth_rate_is_the_rates() {
    assert_eq!(
        figs("全年生产总值比上年增长14.3%，增速比上年加快2.3个百分点。"),
        vec![f("生产总值", 14.3, "%", YoyChange, false), f("生产总值增速", 2.3, "个百分点", Change, false)]
    );
    assert_eq!(labels("地区生产总值增长-8.7%，回升2.1个百分点。"), ["地区生产总值", "地区生产总值增速"]);
    assert_eq!(one("工业增速放缓1.2个百分点。").value, -1.2);
    // After a level, not a rate, the points are of whatever the words name.
    assert_eq!(labels("城镇化率为60.5%，提高1.2个百分点。"), ["城镇化率", "城镇化率"]);
}

#[test]
fn what_a_name_takes_in_is_no_part_of_it() {
    assert_eq!(one("全县实现农林牧渔业(包括农林牧渔专业及辅助性活动)增加值18100万元。").label, "农林牧渔业增加值");
    assert_eq!(one("一般公共预算收入（不含土地出让收入）52.3亿元。").label, "一般公共预算收入");
}

#[test]
fn a_count_of_kinds_inside_a_name_is_no_figure() {
    assert_eq!(
        figs("猪牛羊禽四种肉产量5989.4吨，增长23.2%。"),
        vec![f("猪牛羊禽四种肉产量", 5989.4, "吨", Count, false), f("猪牛羊禽四种肉产量", 23.2, "%", YoyChange, false)]
    );
    // A count of kinds that is the figure stays one.
    assert_eq!(figs("培育三类新型经营主体。").len(), 1);
}

#[test]
fn a_head_noun_the_last_item_names_is_every_items() {
    assert_eq!(labels("蔬菜及食用菌、瓜果产量分别增长39.3%、-97.7%。"), ["蔬菜及食用菌产量", "瓜果产量"]);
}

#[test]
fn events_are_counted_not_their_happening() {
    assert_eq!(labels("发生1起森林火灾事故，辖区发生生产安全事故5起。"), ["森林火灾事故", "生产安全事故"]);
    // A rate of happening stays one.
    assert_eq!(one("刑事案件发生率下降3%。").label, "刑事案件发生率");
    assert_eq!(one("发生率为0.5%。").label, "发生率");
}

#[test]
fn a_lists_verb_is_its_later_items() {
    // The verb after a subject opens a 、-list of figures: every item's, without the subject.
    assert_eq!(
        labels("济南公安打掉涉黑组织1个、恶势力犯罪集团7个、恶势力团伙6个。")[1..],
        ["打掉恶势力犯罪集团", "打掉恶势力团伙"]
    );
    // In a 分别 list, an item naming a kind of events takes the first item's case verb.
    assert_eq!(
        labels("侦破刑事案件、行政案件和刑事打击处理人员数量分别同比上升39.6%、14.7%、46.5%。"),
        ["侦破刑事案件", "侦破行政案件", "刑事打击处理人员数量"]
    );
}

#[test]
fn a_part_of_counted_cases_takes_the_wholes_verb() {
    assert_eq!(
        labels("全省检察机关共办理各类案件42248件,其中刑事案件34528件、民事案件2684件。"),
        ["全省检察机关办理各类案件", "办理刑事案件", "办理民事案件"]
    );
}

#[test]
fn a_contribution_to_growth_is_of_the_subject_before() {
    assert_eq!(
        labels("第一产业增加值74628万元,增长7.8%,对经济增长的贡献率为18.2%。"),
        ["第一产业增加值", "第一产业增加值", "第一产业对经济增长的贡献率"]
    );
    assert_eq!(
        labels("民营经济增加值238821万元,占GDP比重61.9%,对GDP增长的贡献率61.6%。")[2],
        "民营经济对GDP增长的贡献率"
    );
}

#[test]
fn a_bulletins_structure_and_contributions_are_each_industrys() {
    // 依次 hands out names like 分别; ︰ is a ratio's colon, so the ratio is no figure.
    assert_eq!(
        labels("三次产业对经济增长的贡献率依次为3.0%、72.5%和24.5%。"),
        ["第一产业对经济增长的贡献率", "第二产业对经济增长的贡献率", "第三产业对经济增长的贡献率"]
    );
    // The changes of a structure ratio's terms, each with its own direction.
    assert_eq!(
        figs("三次产业结构比为7.9︰60.2︰31.9,分别较上年下降0.8、提高2.3、下降1.5个百分点。"),
        vec![
            f("第一产业比重", -0.8, "个百分点", Change, false),
            f("第二产业比重", 2.3, "个百分点", Change, false),
            f("第三产业比重", -1.5, "个百分点", Change, false),
        ]
    );
    // A list before 分别 with a predicate: its items, measuring what the figure before did.
    assert_eq!(
        labels("第三产业对经济增长的贡献率为24.5%,其中工业、建筑业、商贸贡献突出,分别为61.4%、11.1%和18.3%。")[1..],
        ["工业对经济增长的贡献率", "建筑业对经济增长的贡献率", "商贸对经济增长的贡献率"]
    );
}

#[test]
fn a_figure_in_another_unit_in_brackets_is_the_same_figure() {
    let ex = scan("人均地区生产总值达到42904元(6354美元),同比增长7.1%。", &ExtractOptions::default());
    let got: Vec<(&str, &str, &str)> =
        ex.indicators.iter().map(|i| (i.label.as_str(), i.unit.as_str(), i.quote.as_str())).collect();
    assert_eq!(got[1], ("人均地区生产总值", "美元", "人均地区生产总值达到42904元(6354美元)"));
    assert_eq!(got[2].0, "人均地区生产总值");
}

#[test]
fn a_projects_phase_is_no_count() {
    assert_eq!(figs("华南快速路二期改扩建工程、7号线二期建成开通。").len(), 0);
    // Handed out in phases: a count of them.
    assert_eq!(one("分两期投放消费券。").value, 2.0);
}

#[test]
fn a_heading_may_open_with_a_year() {
    let ex = scan("一、2023年工作总结\n全年完成投资1274.1亿元。", &ExtractOptions::default());
    assert_eq!(ex.sections.iter().map(|s| s.title.as_str()).collect::<Vec<_>>(), ["2023年工作总结"]);
    // Other digits after 一、 are a list of figures, not a heading.
    let ex = scan("一、2项指标下降。", &ExtractOptions::default());
    assert!(ex.sections.iter().all(|s| s.id == "intro"));
}

#[test]
fn an_estimate_and_a_projects_stages_name_their_quantity() {
    assert_eq!(one("预计全县完成地区生产总值336.23亿元。").label, "地区生产总值");
    assert_eq!(labels("工业项目新开工110个、竣工投产60个。"), ["工业项目新开工", "工业项目竣工投产"]);
}

#[test]
fn an_enumerations_marks_and_its_count_are_no_part_of_a_label() {
    assert_eq!(
        labels("工作实现了六大突破:一是命案连续8年实现100%侦破;二是抢劫案件破案率连续4年实现100%;三是入室盗窃案件破案率创83.7%历史新高。"),
        ["命案侦破率", "抢劫案件破案率", "入室盗窃案件破案率"]
    );
    // 有罪 is a word, not 有 + 罪.
    assert_eq!(one("有罪判决851人。").label, "有罪判决");
}

#[test]
fn a_modifier_with_de_says_which_things_are_counted() {
    assert_eq!(one("省高院评估考核的51项指标中，").label, "省高院评估考核的指标");
    // 结案 already names the cases: no object from the figure before.
    assert_eq!(labels("受理各类案件18323件,一线法官人均结案483.99件。")[1], "一线法官人均结案");
}

#[test]
fn a_qualifier_never_breaks_a_quotation() {
    let got = labels(
        "共侦破“环球 360”等跨境赌博案件1100余起，抓获犯罪嫌疑人3300余名。破获案件1.28万余起，抓获犯罪嫌疑人2万余名。",
    );
    assert!(got.iter().all(|l| l.matches('“').count() == l.matches('”').count()), "{got:?}");
}

#[test]
fn a_list_of_changes_after_a_list_of_levels_pairs_up_with_it() {
    assert_eq!(
        labels("电气机械制造业、金属制品业和纺织行业分别实现增加值63.46亿元、17.77亿元和67.07亿元,增长36.9%、24.5%和12.3%。")[3..],
        ["电气机械制造业增加值", "金属制品业增加值", "纺织行业增加值"]
    );
    // One change after two levels, without 分别: of the last, as before.
    assert_eq!(
        labels("受理案件25.4万件,办结23.1万件,同比上升3.6%。")[2],
        labels("受理案件25.4万件,办结23.1万件,同比上升3.6%。")[1]
    );
}

#[test]
fn a_change_in_a_unit_is_of_the_level_in_that_unit() {
    assert_eq!(
        figs("发生一般事故110起、死亡105人,同比减少39起下降26.17%、减少53人下降33.54%。")[2..],
        [
            f("一般事故", -39.0, "起", Change, false),
            f("一般事故", -26.17, "%", YoyChange, false),
            f("一般事故死亡人数", -53.0, "人", Change, false),
            f("一般事故死亡人数", -33.54, "%", YoyChange, false),
        ]
    );
}

#[test]
fn an_average_over_years_and_a_change_on_an_earlier_quarter_are_named() {
    assert_eq!(
        figs("上半年全市生产总值735.4亿元,同比增长12.8%,比一季度回落4.8个百分点;两年平均增长6.0%,比一季度加快0.7个百分点。")[2..],
        [
            f("生产总值增速", -4.8, "个百分点", Change, false),
            f("生产总值（年均）", 6.0, "%", Change, false),
            f("生产总值增速（年均）", 0.7, "个百分点", Change, false),
        ]
    );
}

#[test]
fn parallel_subjects_growing_share_the_quantity_before() {
    assert_eq!(
        labels("采矿业增加值同比增长14.5%,制造业增长15.7%,电力、热力、燃气及水生产和供应业增长17.1%。"),
        ["采矿业增加值", "制造业增加值", "电力、热力、燃气及水生产和供应业增加值"]
    );
    // A subject that names its own measure keeps it.
    assert_eq!(labels("规上工业增加值增长8.2%,规上服务业营收增长11.4%。")[1], "规上服务业营收");
}

#[test]
fn groupings_and_durations_of_what_follows_are_no_figures() {
    assert_eq!(figs("分三大门类看,采矿业增加值同比增长14.5%。").len(), 1);
    assert_eq!(figs("成功应对2个多月的历史性高温干旱。").len(), 0);
}

#[test]
fn a_toll_of_people_and_a_meeting_list_are_named_whole() {
    assert_eq!(one("因灾死亡78人。").label, "因灾死亡人数");
    assert_eq!(one("召开23次市政府常务会议以及专题会议。").label, "召开市政府常务会议");
    // 在园 is a word, not 在 + 园.
    assert_eq!(one("在园(班)幼儿987853人。").label, "在园(班)幼儿");
}

#[test]
fn a_figure_on_another_basis_restates_the_one_before() {
    assert_eq!(
        figs("地方一般公共预算收入3.5亿元,自然增幅2%,同口径完成3.67亿元,增幅6.1%。"),
        vec![
            f("地方一般公共预算收入", 3.5e8, "元", Money, false),
            f("地方一般公共预算收入", 2.0, "%", YoyChange, false),
            f("地方一般公共预算收入（同口径）", 3.67e8, "元", Money, false),
            f("地方一般公共预算收入（同口径）", 6.1, "%", YoyChange, false),
        ]
    );
    // A rate that opens with 按 is no basis.
    assert_eq!(labels("化解率100%，按期办结率100%。")[1], "按期办结率");
}

#[test]
fn what_is_new_is_every_items_of_its_list() {
    assert_eq!(labels("新培育农民合作社52家、家庭农场75个。"), ["新培育农民合作社", "新培育家庭农场"]);
    // An item with a verb of its own keeps it.
    assert_eq!(labels("新增公交线路12条、更新新能源公交车320辆。")[1], "更新新能源公交车");
}

#[test]
fn a_span_of_months_with_a_dash_is_a_base_not_a_ratio() {
    let got = figs("1—10月份,全市规模以上工业增加值同比增长3.4%,增速比1—9月份加快0.5个百分点。");
    assert_eq!(
        got,
        vec![
            f("规模以上工业增加值", 3.4, "%", YoyChange, false),
            f("规模以上工业增加值增速", 0.5, "个百分点", Change, false)
        ]
    );
}

#[test]
fn a_named_head_noun_reaches_longer_items() {
    assert_eq!(
        labels("其中,金属制品业、农副食品加工业、纺织服装服饰业、专用设备制造业增加值同比分别增长43.8%、18.5%、12.2%、11.9%。"),
        ["金属制品业增加值", "农副食品加工业增加值", "纺织服装服饰业增加值", "专用设备制造业增加值"]
    );
}

#[test]
fn shares_after_a_group_of_figures_are_each_ones() {
    assert_eq!(
        labels("第一产业51.55万人,第二产业24.94万人,第三产业54.79万人,占比分别为:39.3%、19.0%、41.7%。")[3..],
        ["第一产业占比", "第二产业占比", "第三产业占比"]
    );
}

#[test]
fn a_definition_listing_what_it_takes_in_is_no_part_of_the_name() {
    assert_eq!(
        figs("全区共接报有效警情(含交通类、移车类)39665起,同比下降4.49%。"),
        vec![f("接报有效警情", 39665.0, "起", Count, false), f("接报有效警情", -4.49, "%", YoyChange, false)]
    );
    // A list in brackets that defines nothing still ends the words before it.
    assert_eq!(labels("共造成127个县(市、区)638.1万人次不同程度受灾。")[1], "不同程度受灾");
}

#[test]
fn a_base_compared_with_xiangbi_or_yu_xiangbi_is_no_part_of_the_name() {
    assert_eq!(
        figs("全区共有医疗机构787间,相比2021年末增加66间;学校87所,与2021年末相比增加6所;医院78间,相比上年增加5间。"),
        vec![
            f("医疗机构", 787.0, "间", Count, false),
            f("医疗机构", 66.0, "间", Change, false),
            f("学校", 87.0, "所", Count, false),
            f("学校", 6.0, "所", Change, false),
            f("医院", 78.0, "间", Count, false),
            f("医院", 5.0, "间", Change, false),
        ]
    );
}

#[test]
fn revenue_collected_and_its_increase() {
    let got = figs(
        "全国共完成税收收入19843亿元,同比增长20.9%。农税征收机关还组织农业税收731亿元,同比增长22.2%,增收133亿元。",
    );
    assert_eq!(
        got,
        vec![
            f("全国税收收入", 1.9843e12, "元", Money, false),
            f("全国税收收入", 20.9, "%", YoyChange, false),
            f("农业税收", 7.31e10, "元", Money, false),
            f("农业税收", 22.2, "%", YoyChange, false),
            f("农业税收", 1.33e10, "元", Change, false),
        ]
    );
    // A forecast: 将 is no part of the name.
    assert_eq!(labels("预计全年收入将超过20000亿元。"), ["收入"]);
}

#[test]
fn a_period_before_its_figures_is_no_figure() {
    assert_eq!(labels("前11个月,全国组织社保费收入1502亿元。"), ["社保费收入"]);
}

#[test]
fn how_a_change_went_is_no_part_of_the_name() {
    assert_eq!(labels("辖区居民健康素养水平稳步提升,2022年达38.2%。"), ["居民健康素养水平"]);
    assert_eq!(labels("全系统共有医务人员1.86万人。"), ["医务人员"]);
}

#[test]
fn a_part_counted_by_the_wholes_verb() {
    assert_eq!(
        labels("查处各类交通违法5.9万起,其中酒驾475起(醉驾132起)。"),
        ["查处各类交通违法", "查处酒驾", "查处醉驾"]
    );
}

#[test]
fn a_crackdowns_crime_names_the_figures_after_it() {
    assert_eq!(
        labels("重拳打击盗掘、盗窃、倒卖等文物犯罪,先后破获案件40余起,打掉团伙18个,刑事拘留143人,收缴各类文物384件。"),
        ["破获文物犯罪案件", "打掉文物犯罪团伙", "刑事拘留（文物犯罪）", "收缴各类文物"]
    );
    // Prosecution takes the crime as its object; how the crackdown goes is no part of it.
    assert_eq!(
        labels("坚决遏制电信网络诈骗犯罪高压态势,批捕251人,起诉254人。突出惩治集资诈骗等涉众型经济犯罪,批捕785人。"),
        ["批捕电信网络诈骗犯罪", "起诉电信网络诈骗犯罪", "批捕涉众型经济犯罪"]
    );
    // Not past the sentence.
    assert_eq!(labels("严厉打击毒品犯罪。起诉254人。"), ["起诉"]);
}

#[test]
fn what_befell_the_counted_is_said_before_them() {
    assert_eq!(
        labels("143名民警英勇负伤,7名民警因公殉职。30起命案积案昭雪。22项长期任务取得阶段性成效。"),
        ["英勇负伤的民警", "因公殉职的民警", "昭雪的命案积案", "取得阶段性成效的长期任务"]
    );
}

#[test]
fn prosecuted_suspects_of_a_crackdowns_crime() {
    assert_eq!(
        labels("加大打击破坏市场经济秩序犯罪力度,批准逮捕犯罪嫌疑人4395人,提起公诉3792人。"),
        ["批准逮捕破坏市场经济秩序犯罪嫌疑人", "提起公诉破坏市场经济秩序犯罪嫌疑人"]
    );
}

#[test]
fn mortality_rates_share_their_head_noun() {
    assert_eq!(
        labels("新生儿、婴儿和5岁以下儿童死亡率分别为0.93‰、1.62‰、1.93‰。"),
        ["新生儿死亡率", "婴儿死亡率", "5岁以下儿童死亡率"]
    );
}

#[test]
fn among_the_counted_is_no_part_of_their_name() {
    assert_eq!(labels("收、结案数在全国412个中级法院中均位居第6。")[0], "全国中级法院");
    assert_eq!(labels("规模以上工业37个大类行业中有30个行业增加值增长。")[0], "规模以上工业大类行业");
}

#[test]
fn you_to_and_forecasts() {
    assert_eq!(labels("平均结案时间由88天下降到80天。"), ["平均结案时间（期初）", "平均结案时间"]);
    assert_eq!(labels("居民人均可支配收入预计4.6万元,增长10%。"), ["居民人均可支配收入", "居民人均可支配收入"]);
}

#[test]
fn a_mark_passed_after_the_exact_figure_is_no_figure() {
    assert_eq!(
        figs("全年地区生产总值完成602.5亿元,首次突破600亿元大关,同比增长5.5%。"),
        vec![f("地区生产总值", 6.025e10, "元", Money, false), f("地区生产总值", 5.5, "%", YoyChange, false),]
    );
    // A larger round figure after it is another figure.
    assert_eq!(figs("产值完成602.5亿元,突破700亿元。").len(), 2);
}

#[test]
fn a_total_is_of_the_things_just_counted() {
    assert_eq!(labels("全年谋划实施项目382个,总投资1048亿元。"), ["谋划实施项目", "谋划实施项目总投资"]);
    assert_eq!(
        labels("省级引导基金引导设立基金24只、总规模934亿元。"),
        ["省级引导基金引导设立基金", "省级引导基金引导设立基金总规模"]
    );
}

#[test]
fn what_was_done_before_the_next_figure_is_its_name() {
    assert_eq!(labels("137个市重点项目完成投资236.8亿元。"), ["市重点项目", "市重点项目完成投资"]);
    // Any other predicate still says which of them.
    assert_eq!(labels("175家企业发行各类债券1193只。")[0], "发行各类债券的企业");
}

#[test]
fn an_industry_after_a_breakdown_is_that_part_of_the_quantity() {
    assert_eq!(
        labels("全县固定资产投资增长9.7%。分产业看,第一产业增长129.2%;第二产业增长33.5%;第三产业下降1.8%。"),
        ["固定资产投资", "第一产业投资", "第二产业投资", "第三产业投资"]
    );
    // Without 分…看 an industry is the industry's own figure.
    assert_eq!(labels("全县固定资产投资增长9.7%。第一产业增长3.5%。")[1], "第一产业");
}

#[test]
fn the_same_money_in_another_currency_keeps_its_name() {
    assert_eq!(
        labels("人均地区生产总值38214元,按2019年平均汇率计算为5686美元。"),
        ["人均地区生产总值", "人均地区生产总值"]
    );
}

#[test]
fn a_change_after_a_bare_number_is_of_that_numbers_words() {
    let got = scan("抓获逃犯101人;查处各类治安案件1326,同比上升48.6%。", &ExtractOptions::default()).indicators;
    let change = got.last().expect("the change");
    assert_eq!(change.label, "查处各类治安案件");
    assert_eq!(change.quote, "查处各类治安案件1326,同比上升48.6%");
}

#[test]
fn how_or_in_which_case_it_was_done_is_no_part_of_the_name() {
    assert_eq!(labels("按照“4个100%”要求检查校园233家次。"), ["检查校园"]);
    assert_eq!(labels("“107”专案打掉异地黑恶势力性质组织1个。"), ["打掉异地黑恶势力性质组织"]);
}

#[test]
fn industries_after_an_an_fen_breakdown_and_a_ceiling_kept_to() {
    assert_eq!(
        labels("全市年末城乡就业人员131.28万人。按产业划分,第一产业51.55万人,第二产业24.94万人。")[1..],
        ["第一产业就业人员", "第二产业就业人员"]
    );
    assert_eq!(labels("城镇登记失业率3.47%,控制在4.0%以内。"), ["城镇登记失业率", "城镇登记失业率控制线"]);
}

#[test]
fn a_completion_rate_is_its_sentences_level() {
    assert_eq!(
        labels("全市城镇新增就业50801人,增长20.61%,完成省民生工程目标任务的130.26%,市民生工程目标任务的127%;失业人员再就业12089人,完成目标任务的157%。")
            [2..],
        ["城镇新增就业完成省民生工程目标任务", "城镇新增就业完成市民生工程目标任务", "失业人员再就业", "失业人员再就业完成目标任务"]
    );
    // A sentence of several levels names no one subject.
    assert_eq!(labels("新开工3512套,基本建成2786套,完成年度目标任务的112.5%。")[2], "完成年度目标任务");
}

#[test]
fn a_case_verb_reaches_items_past_a_count_in_another_unit() {
    assert_eq!(
        labels("审结涉黑案件33件490人、涉恶案件108件739人。"),
        ["审结涉黑案件", "审结涉黑案件", "审结涉恶案件", "审结涉恶案件"]
    );
    // A case verb opening the first of two items does not make it long.
    assert_eq!(labels("维护公平交易投资环境,审结涉外、涉港澳台案件1359件。"), ["审结涉外、涉港澳台案件"]);
}

#[test]
fn inline_headings_and_lists_of_one_char_names() {
    assert_eq!(
        labels("人均生产总值达到1108美元。 一、农业 农业全年实现农、林、牧、渔业总产值135.5亿元。")[1],
        "农、林、牧、渔业总产值"
    );
    assert_eq!(labels("失业率控制在2.0%。 二、农 业 全年全县农作物种植面积8521.9公顷。")[1], "农作物种植面积");
}

#[test]
fn a_list_of_measures_before_a_comma_names_the_changes_after_it() {
    assert_eq!(
        labels("破获案件数、抓获作案成员数、追赃挽损数,同比去年分别上升46.1%、30.1%和15%。"),
        ["破获案件数", "抓获作案成员数", "追赃挽损数"]
    );
    // The quote reaches back to the list, so each figure's source names it.
    let v = scan("破获案件数、抓获作案成员数,同比分别上升46.1%、30.1%。", &ExtractOptions::default()).indicators;
    assert!(v.iter().all(|i| i.quote.starts_with("破获案件数、")), "{v:#?}");
    // 同比去年 is 同比: the change is year-on-year.
    assert_eq!(one("追赃挽损数同比去年上升15%。").kind, YoyChange);
}

#[test]
fn a_list_item_that_names_a_kind_of_cases_takes_the_measure_the_last_item_names() {
    assert_eq!(labels("刑事案件、侵财案件破案数同比分别上升32.6%、41.1%。"), ["刑事案件破案数", "侵财案件破案数"]);
    // A kind of cases before an item that names something else stays whole.
    assert_eq!(
        labels("侦破刑事案件、行政案件和刑事打击处理人员数量同比分别上升5%、6%和7%。"),
        ["侦破刑事案件", "侦破行政案件", "刑事打击处理人员数量"]
    );
}

#[test]
fn a_list_of_months_names_one_figure_each() {
    assert_eq!(labels("10月、11月立案数同比分别下降17.8%和31.5%。"), ["10月立案数", "11月立案数"]);
    // A span of months is one period, no list.
    assert_eq!(labels("1-10月立案数同比分别下降17.8%和31.5%。"), ["立案数", "立案数"]);
}

#[test]
fn figures_glued_to_a_start_are_starts_too() {
    assert_eq!(
        labels("全县贫困人口由13677户49479人减至887户1472人。"),
        ["贫困人口（期初）", "贫困人口（期初）", "贫困人口", "贫困人口"]
    );
}

#[test]
fn cases_of_that_kind_are_the_crackdowns_crime() {
    assert_eq!(
        labels("开展打击“两抢一盗”犯罪专项审判,审结该类案件88件。开展打击严重破坏市场经济秩序犯罪专项审判,审结该类案件32件。"),
        ["审结“两抢一盗”犯罪案件", "审结严重破坏市场经济秩序犯罪案件"]
    );
}

#[test]
fn parts_under_a_breakdown_heading_take_the_quantitys_head_noun() {
    let text = "全县规模以上工业增加值同比增长2.3%。产品产销率为92.3%。\n分经济类型看,国有企业同比下降16.1%,私营企业下降5.6%。\n从三大门类看,采矿业同比下降9.5%,制造业增长7.0%。";
    assert_eq!(
        labels(text),
        ["规模以上工业增加值", "产品产销率", "国有企业增加值", "私营企业增加值", "采矿业增加值", "制造业增加值"],
        "and the number of parts a heading names is no figure"
    );
    // Without a heading, a bare part stays as written.
    assert_eq!(labels("全县规模以上工业增加值同比增长2.3%。产品产销率为92.3%。国有企业同比下降16.1%。")[2], "国有企业");
}

#[test]
fn a_one_char_case_verb_goes_after_the_cases() {
    assert_eq!(labels("全区共发刑事案件1546起。立电信网络诈骗案775起。"), ["刑事案件发案", "电信网络诈骗立案"]);
    // 发放, 立足… are other words.
    assert_eq!(labels("发放救助金30万元。"), ["发放救助金"]);
}

#[test]
fn an_earlier_month_is_a_base_not_a_name() {
    let v = figs("其中10月份增加值同比增长7.3%,比9月份加快0.9个百分点。");
    assert_eq!(v[1].0, "增加值增速");
    assert_eq!((v[1].2.as_str(), v[1].3), ("个百分点", Change));
    assert_eq!(labels("增加值同比增长7.3%,增速较1—9月加快0.5个百分点。")[1], "增加值增速");
}

#[test]
fn a_rank_all_the_figures_before_share_is_each_ones() {
    let text = "全市蓝莓面积7万亩、瓜蒌面积6万亩,均居全省第1位,油茶面积87万亩。";
    let v = scan(text, &ExtractOptions::default()).indicators;
    let ranks: Vec<(&str, &str)> =
        v.iter().filter(|i| i.kind == Rank).map(|i| (i.label.as_str(), i.quote.as_str())).collect();
    assert_eq!(
        ranks,
        [
            ("蓝莓面积全省排名", "蓝莓面积7万亩、瓜蒌面积6万亩,均居全省第1位"),
            ("瓜蒌面积全省排名", "蓝莓面积7万亩、瓜蒌面积6万亩,均居全省第1位")
        ]
    );
    // A list named in words gets the rank's scope too.
    assert_eq!(labels("蓝莓、瓜蒌面积均居全省第1位。"), ["蓝莓面积全省排名", "瓜蒌面积全省排名"]);
}

#[test]
fn two_ranks_of_different_things_are_no_repeat() {
    let opts = ExtractOptions::default();
    let ds = extract("一、打击\n养老诈骗打击总量列全省第一。\n二、交通\n机动车守法率列全省第一。", &opts).unwrap();
    assert!(ds.indicators().iter().all(|i| i.repeat_of.is_none()), "{:#?}", ds.indicators());
    assert!(!indicator_chart::extract::labels_overlap("养老诈骗打击总量全省排名", "机动车守法率全省排名"));
    assert!(indicator_chart::extract::labels_overlap("刑事案件全省排名", "刑事案件破案数全省排名"));
}

#[test]
fn a_bare_verb_takes_the_object_the_figure_before_named_with_it() {
    assert_eq!(labels("共排查化解纠纷12196起,化解12008起,化解率为98.5%。")[1], "化解纠纷");
    // Another sentence, or another unit, lends nothing.
    assert_eq!(labels("共排查化解纠纷12196起。化解12008起。")[1], "化解");
}

#[test]
fn sessions_listed_before_a_plenum_are_no_figures() {
    assert!(figs("认真落实市委六届二次、三次、四次全会精神,办理案件97023件。").iter().all(|x| x.2 != "次"));
    // Times an action was done still count.
    assert_eq!(figs("开展两次督查。"), vec![f("开展督查", 2.0, "次", Count, false)]);
}

#[test]
fn a_count_pointing_back_and_a_numeral_inside_a_noun_are_no_figures() {
    assert_eq!(labels("服务业增加值增长10.1%,这5个增幅全省第一。"), ["服务业增加值"]);
    assert_eq!(labels("1786个六大攻坚战项目。"), ["六大攻坚战项目"]);
}

#[test]
fn a_list_of_figures_then_fenbie_and_a_verb_names_each_figures_share() {
    let v = scan(
        "302个省大中型项目、146个市重点工程、1786个六大攻坚战项目分别完成年度投资计划的115%、129%和155%。",
        &ExtractOptions::default(),
    )
    .indicators;
    let names: Vec<&str> = v.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(
        names,
        [
            "省大中型项目",
            "市重点工程",
            "六大攻坚战项目",
            "省大中型项目完成年度投资计划",
            "市重点工程完成年度投资计划",
            "六大攻坚战项目完成年度投资计划"
        ]
    );
    assert!(v[3].quote.starts_with("302个省大中型项目、"), "{}", v[3].quote);
}

#[test]
fn changes_listed_after_levels_in_several_units_pair_one_each() {
    assert_eq!(
        labels("全市发生城乡火灾17435起、死亡69人、直接财产损失1.27亿元,同比下降42.1%、43.9%、46%。"),
        [
            "城乡火灾",
            "城乡火灾死亡人数",
            "城乡火灾直接财产损失",
            "城乡火灾",
            "城乡火灾死亡人数",
            "城乡火灾直接财产损失"
        ]
    );
    assert_eq!(
        labels("全市共发生森林火灾2起,受害森林面积19.4亩,同比下降93.3%、99.4%。")[2..],
        ["森林火灾", "受害森林面积"]
    );
    // Fewer changes than levels: no pairing.
    assert_eq!(labels("发生火灾12起、死亡3人,同比下降5%。")[2], "火灾死亡人数");
    // A loss after an area names no events.
    assert_eq!(labels("林地受灾面积1352.3公顷;直接经济损失18433.78万元。")[1], "直接经济损失");
}

#[test]
fn a_level_after_a_change_is_where_the_quantity_got_to() {
    assert_eq!(labels("“社会治安”满意度较2018年上升12个百分点,达到86%。"), ["“社会治安”满意度", "“社会治安”满意度"]);
    let v = figs("强降水天气较常年增加72%。");
    assert_eq!((v[0].0.as_str(), v[0].3), ("强降水天气", Change), "常年 is another base");
}

#[test]
fn a_predicate_right_after_the_counter_is_no_noun() {
    assert_eq!(labels("2人荣获全国行政执法先进个人。"), ["荣获全国行政执法先进个人"]);
}

#[test]
fn industries_after_qizhong_take_the_wholes_head_noun() {
    let text = "全县完成农林牧渔业总产值37.42亿元,较上年增长4.5%。其中,农业29.24亿元,增长4.9%;林业0.34亿元,下降4.3%;畜牧业6.76亿元,增长3.5%。";
    assert_eq!(
        labels(text),
        [
            "农林牧渔业总产值",
            "农林牧渔业总产值",
            "农业产值",
            "农业产值",
            "林业产值",
            "林业产值",
            "畜牧业产值",
            "畜牧业产值"
        ]
    );
    // A court's outcomes are verbs of their own: no 审结 before them.
    assert_eq!(labels("受理抗诉案件61件,审结59件,其中,维持32件,改判10件。")[2..], ["维持", "改判"]);
}

#[test]
fn people_counted_by_a_case_verb_are_no_cases() {
    assert_eq!(labels("审查起诉案件33291件46662人、立案侦查44人。")[2], "立案侦查");
}

#[test]
fn the_office_a_place_names_before_its_verb_is_dropped() {
    assert_eq!(labels("太原市公安机关查处“黄赌毒”案件数同比上升50.5%。"), ["查处“黄赌毒”案件数"]);
    assert_eq!(labels("济南公安打掉涉黑组织1个。"), ["打掉涉黑组织"]);
    // A scope keeps it: the province's work, not the bureau's.
    assert_eq!(labels("全省公安机关破获经济犯罪案件1200起。"), ["全省公安机关破获经济犯罪案件"]);
}

#[test]
fn a_size_threshold_opening_a_list_is_every_items() {
    assert_eq!(
        labels("规上电气机械制造业、金属制品业和纺织行业分别实现增加值63.46亿元、17.77亿元和67.07亿元。"),
        ["规上电气机械制造业增加值", "规上金属制品业增加值", "规上纺织行业增加值"]
    );
}

#[test]
fn a_direction_alone_after_a_level_in_its_unit_is_the_levels_change() {
    let v = figs("粮食作物播种面积135.7千公顷。其中,稻谷47.7千公顷,减少0.2千公顷;玉米84.8千公顷,增加1.1千公顷。");
    assert_eq!(v[2], f("稻谷播种面积", -200.0, "公顷", Change, false));
    assert_eq!(v[4], f("玉米播种面积", 1100.0, "公顷", Change, false));
}

#[test]
fn products_after_qizhong_or_an_outputs_heading_are_outputs() {
    assert_eq!(
        labels("猪、牛、羊、禽肉产量11.4万吨,比上年增长3.6%。其中,猪肉6.2万吨,牛肉0.5万吨。")[2..],
        ["猪肉产量", "牛肉产量"]
    );
    assert_eq!(
        labels("主要产品产量:水泥125万吨,同比增长1.5%;原煤154万吨,同比下降7.6%。"),
        ["水泥产量", "水泥产量", "原煤产量", "原煤产量"]
    );
    // 有色金属 is no 有 + 色金属.
    assert_eq!(labels("有色金属压延加工业增长24.5%。"), ["有色金属压延加工业"]);
}

#[test]
fn a_bare_measure_after_the_first_item_is_of_its_subject() {
    assert_eq!(labels("全市电诈案件发案数、案损额同比分别下降34%、32%。"), ["电诈案件发案数", "电诈案件案损额"]);
}

#[test]
fn ranks_after_holding_verbs_and_of_a_few_indicators_named_before() {
    assert_eq!(
        labels("社会消费品零售总额增长18.2%,排位保持全市第二。地区生产总值增长8.7%,连续三年雄踞全市第一。"),
        ["社会消费品零售总额", "社会消费品零售总额全市排名", "地区生产总值", "地区生产总值全市排名"]
    );
    assert_eq!(
        labels("固定资产投资增长11.6%,规上工业增加值增长11.5%,两项指标稳居全市第一。"),
        ["固定资产投资", "规上工业增加值", "固定资产投资全市排名", "规上工业增加值全市排名"]
    );
    // Many indicators are a count of their own.
    assert_eq!(figs("考核的18项指标位居全市第一。")[0].1, 18.0);
}

#[test]
fn cases_that_occurred_then_were_solved() {
    assert_eq!(
        labels("刑事立案1027起,“五类”“两抢”案件发2起破2起;破获刑事案件530起。"),
        ["刑事立案", "“五类”“两抢”案件发案", "破获“五类”“两抢”案件", "破获刑事案件"]
    );
    // A counter's noun of one char before a number stays (10大类55项).
    assert_eq!(figs("全年10大类55项民生实事。").len(), 2);
}

#[test]
fn ranks_shared_out_one_each() {
    assert_eq!(
        labels("油茶面积87万亩、茶叶面积55.5万亩,分居全省第2、第3位。")[2..],
        ["油茶面积全省排名", "茶叶面积全省排名"]
    );
    let v = figs("油茶面积87万亩、茶叶面积55.5万亩,分居全省第2、第3位。");
    assert_eq!((v[2].1, v[3].1), (2.0, 3.0));
    // 得分居 is 得分 + 居.
    assert_eq!(labels("纳税人满意度测评得分居全省第二。"), ["纳税人满意度测评得分全省排名"]);
}

#[test]
fn a_bare_total_is_the_quantitys_before_it() {
    assert_eq!(
        labels("生产总值增长8.5%、总量突破3000亿元,固定资产投资增长10.5%。"),
        ["生产总值", "生产总值", "固定资产投资"]
    );
}

#[test]
fn a_compound_case_verb_lends_no_subject_and_a_named_campaign_names_its_sentence() {
    assert_eq!(labels("批准逮捕1200人,起诉1500人。"), ["批准逮捕", "起诉"]);
    assert_eq!(labels("全市法院受理各类案件25.4万件,办结23.1万件。")[1], "全市法院办结案件");
    assert_eq!(
        labels("深化扫黑除恶专项斗争,批捕373人,起诉797人;追捕9人,不诉46人。"),
        ["扫黑除恶批捕", "扫黑除恶起诉", "扫黑除恶追捕", "扫黑除恶不诉"]
    );
    // The campaign's sentence ends at its full stop.
    assert_eq!(labels("深化扫黑除恶专项斗争,批捕373人。起诉797人。")[1], "起诉");
}
