// The host page's own words in Chinese and English (the chart's labels come from the widget),
// and the page chrome they label: <html lang>, the title, the lede, the report heading and
// the narrow screen's two buttons.
import { $ } from './dom.js';

const plural = (n) => (n === 1 ? 'indicator' : 'indicators');

const UI = {
  zh: { views: ['同比变化', '比率', '分部分', '概览', '金额', '今昔对比'], all: '全部', png: '导出 PNG', csv: '导出 CSV',
        report: '报告原文', options: '选项', show: '在原文中查看', back: '返回图表', locale: '语言', theme: '主题', section: '部分', sort: '排序', log: '刻度',
        sortOpts: ['按报告顺序', '按数值'], logOpts: ['自动', '线性', '对数'], themeOpts: ['跟随系统', '浅色', '深色'],
        lede: '报告里的每一个数字，连同它所在的原句。点击条形或原文中的数字，两边互相对应。',
        title: (t) => `${t} · 指标图表`,
        paste: {
          title: '粘贴你自己的报告', label: '把报告的文字粘贴到这里，提取其中的数字并绘图：',
          placeholder: '例如：全年共破获各类案件212起，同比上升8.2%；追赃挽损1.4亿元。',
          extract: '提取并绘图', restore: '恢复报告数据',
          head: ['指标', '数值', '类型', '约数', '原文'], approx: '约',
          kinds: { count: '数量', percent: '百分比', yoy_change: '同比变化', money: '金额', ratio: '比率', change: '变化', rank: '名次' },
          caption: (n) => `提取结果：${n} 个指标（请对照原文核对）`,
          capped: (n, max) => `提取结果：${n} 个指标，下表列出前 ${max} 个`,
          ok: (n) => `提取到 ${n} 个指标，已绘图。请对照下表中的原文核对。`,
          empty: '请先粘贴报告的文字。',
          none: '没有找到可以绘图的数字（例如“破获案件212起”“同比下降11.8%”）。',
          failed: (m) => `无法提取：${m}`,
          restored: '已恢复报告数据。',
          title2: (t) => `${t} · 指标图表（粘贴的文本）`,
        },
        share: {
          copy: '复制链接', copied: '已复制链接', manual: '链接已选中，按 Ctrl+C（⌘C）复制', embed: '嵌入',
          dialog: '嵌入这张图表', frame: 'iframe：放进任何网页，高度随图表自动调整',
          element: '<indicator-chart> 元素：用 npm 包 indicator-chart', copySnippet: '复制', snippetCopied: '已复制',
          close: '关闭', pasted: '粘贴的文本不能嵌入：下面的代码显示报告的数据。', dismiss: '关闭提示',
          ignored: (items) => `链接中的参数无效，已忽略：${items.join('；')}。`,
          item: (b, why) => `${b.key}=${b.value}（${why}）`,
          why: { view: '没有这个视图', value: '不是可选的值', section: '数据中没有这一部分', id: '数据中没有这个指标',
                 hidden: '这个视图不显示这个指标' },
          badData: (v) => `不能使用数据地址 ${v}：只接受与本页同源的 http(s) 地址。`,
        } },
  en: { views: ['Year on year', 'Rates', 'By section', 'Overview', 'Money', 'Compare'], all: 'All', png: 'Export PNG', csv: 'Export CSV',
        report: 'Report text', options: 'Options', show: 'Show in the report', back: 'Back to the chart', locale: 'Language', theme: 'Theme', section: 'Section', sort: 'Order', log: 'Scale',
        sortOpts: ['As in the report', 'By value'], logOpts: ['Auto', 'Linear', 'Log'], themeOpts: ['System', 'Light', 'Dark'],
        lede: 'Every figure in the report, with the sentence it comes from. Click a bar or a figure in the text to see the other.',
        title: () => 'Public security bureau 2022 work report · indicators',
        paste: {
          title: 'Paste your own report', label: 'Paste a report\'s text here to extract its figures and chart them:',
          placeholder: 'For example: 全年共破获各类案件212起，同比上升8.2%；追赃挽损1.4亿元。',
          extract: 'Extract and chart', restore: 'Back to the report',
          head: ['Indicator', 'Value', 'Kind', 'Approx.', 'Quote'], approx: 'approx.',
          kinds: { count: 'count', percent: 'percent', yoy_change: 'year on year', money: 'money', ratio: 'ratio', change: 'change', rank: 'rank' },
          caption: (n) => `Extracted: ${n} ${plural(n)} (check them against the quotes)`,
          capped: (n, max) => `Extracted: ${n} indicators; the table lists the first ${max}`,
          ok: (n) => `Extracted ${n} ${plural(n)} and charted ${n === 1 ? 'it' : 'them'}. Check against the quotes in the table.`,
          empty: 'Paste the text of a report first.',
          none: 'No figures to chart were found (such as 破获案件212起 or 同比下降11.8%).',
          failed: (m) => `Could not extract: ${m}`,
          restored: 'Back to the report\'s data.',
          title2: (t) => `${t} · indicators (pasted text)`,
        },
        share: {
          copy: 'Copy link', copied: 'Link copied', manual: 'The link is selected: press Ctrl+C (⌘C) to copy it', embed: 'Embed',
          dialog: 'Embed this chart', frame: 'iframe: for any web page; its height follows the chart',
          element: '<indicator-chart> element: with the npm package indicator-chart', copySnippet: 'Copy', snippetCopied: 'Copied',
          close: 'Close', pasted: 'Pasted text cannot be embedded: the code below shows the report\'s data.', dismiss: 'Dismiss',
          ignored: (items) => `Ignored from the link: ${items.join('; ')}.`,
          item: (b, why) => `${b.key}=${b.value} (${why})`,
          why: { view: 'no such view', value: 'not one of its values', section: 'no such section in the data',
                 id: 'no such indicator in the data', hidden: 'this view does not show it' },
          badData: (v) => `Cannot use the data address ${v}: only http(s) addresses on this page's own origin are accepted.`,
        } },
};

/** The page's strings for a locale (Chinese for one the page does not know). */
export const strings = (locale) => UI[locale] ?? UI.zh;

/** Labels the page chrome in `locale`; the title says when the chart shows pasted text. */
export function labelPage(app, locale) {
  const t = strings(locale);
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  $('report-title').textContent = t.report;
  $('show-in-report').textContent = t.show;
  $('back-to-chart').textContent = t.back;
  $('lede').textContent = t.lede;
  const name = app.ds.source?.title || app.ds.title;
  const title = app.showingPasted ? t.paste.title2(name) : t.title(name);
  $('title').textContent = title;
  document.title = title;
}

/** What a link asked that was set aside (see urlstate.js readParams), in the strings `t`. */
export const ignoredText = (t, bad) => t.share.ignored(bad.map((b) => t.share.item(b, t.share.why[b.why])));
