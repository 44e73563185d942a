// Types of indicator-chart's JavaScript API (the package's main entry), its dataset schema,
// options and event payloads.

// ------------------------------------------------------------------ the dataset

/** What an indicator measures. */
export type Kind =
  /** A number of things; `unit` says which (破获各类案件212起 → 212 起). */
  | 'count'
  /** A rate or share in per cent, 0–100 (化解率达99.4% → 99.4). */
  | 'percent'
  /** A year-over-year change in per cent, signed (同比下降11.8% → −11.8). */
  | 'yoy_change'
  /** An amount in yuan (追赃挽损1.4亿元 → 140000000, unit 元). */
  | 'money'
  /** A ratio that may pass 100: in per cent, unit `%` (日均扫码比达111% → 111), or in its own unit or none (城乡居民收入比2.45 → 2.45, unit ""). */
  | 'ratio'
  /** A change that is not year-over-year, signed (通行效率最高提升15% → 15). */
  | 'change'
  /** A place in a ranking, 1 = first (列全省第一 → 1). */
  | 'rank';

/** The report the figures come from. */
export interface Source {
  title: string;
  year: number;
  /** The report's full text; every indicator's `quote` is a substring of it. */
  text: string;
}

/** A heading of the report: `intro`, `s1`…`s5` for 一、…, `s1-1`… for (一)…. */
export interface Section {
  id: string;
  title: string;
  /** The heading in English (absent or empty when not translated). */
  title_en?: string;
  /** The enclosing section's id; null or absent at the top level. */
  parent?: string | null;
}

/** One figure stated in the report. */
export interface Indicator {
  /** Stable and readable: `criminal-cases-yoy`. */
  id: string;
  /** A section id. */
  section: string;
  /** What is counted, in Chinese. */
  label: string;
  /** What is counted, in English (empty when not translated). */
  label_en?: string;
  /** A plain number: 8万 → 80000, 10.7亿 → 1070000000, 同比下降11.8% → −11.8. */
  value: number;
  /** 人次, 起, 个, 元, %, 名次, … */
  unit: string;
  kind: Kind;
  /** The report says 余/超/近/约: the value is approximate. */
  approx?: boolean;
  /** The exact substring of `source.text` that states the figure. */
  quote: string;
  /** `[start, end)` of the quote in `source.text`, in Unicode code points (filled in when left out). */
  span?: [number, number] | null;
  /** This record is the report repeating the figure of that id; views show it once. */
  repeat_of?: string | null;
  /** For a change: the id of the figure it qualifies, when the report states both (粮食总产量75.8万吨，增长2.3%). */
  of?: string | null;
}

/** The dataset `mount()`, `update()` and the element take (or its JSON text). */
export interface Dataset {
  title: string;
  source: Source;
  sections: Section[];
  indicators: Indicator[];
}

// ------------------------------------------------------------------ options

export type ViewName = 'headline' | 'rates' | 'section' | 'overview' | 'money' | 'compare';
export type Locale = 'zh' | 'en';
/** `auto` follows `prefers-color-scheme`. */
export type ThemeName = 'auto' | 'light' | 'dark';
export type SortOrder = 'report' | 'value';
/** `'auto'`: log scale when a group spans more than 1000 : 1. */
export type LogScale = boolean | 'auto';
/** `'auto'`: as tall as the rows need; `'container'`: the container's height; or pixels (40–100000). */
export type Height = 'auto' | 'container' | number;

/** Options of `mount()` and `setOptions()`; absent fields keep their current value. */
export interface ChartOptions {
  view?: ViewName;
  /** A section id: every view shows only that part of the report. `null` (or `'all'`) for all. */
  section?: string | null;
  sort?: SortOrder;
  log?: LogScale;
  locale?: Locale;
  theme?: ThemeName;
  height?: Height;
  /** The source line at the chart's foot ("来源：…（2022）"); `false` hides it. Default true. */
  source?: boolean;
  /** The author's description: the lead of the canvas's accessible name and the SVG's `<desc>`, instead of the generated one. `null` goes back to it. */
  description?: string | null;
  /** Shows the current view's rows as a table under the chart (the screen-reader table, made visible). Default false. */
  table?: boolean;
}

/** Options of `setView()`: the same as `ChartOptions` without `view`. */
export type ViewOptions = Omit<ChartOptions, 'view'>;

// ------------------------------------------------------------------ events

export type ChartEventType = 'select' | 'hover' | 'render';

/**
 * What handlers receive. `select`: a click, tap, Enter or Space on a bar (Escape sends one
 * with null fields); `hover`: the pointer or the arrow keys on a bar (null fields when it
 * leaves); `render`: the chart was drawn (null fields).
 */
export interface ChartEvent<T extends ChartEventType = ChartEventType> {
  type: T;
  view: ViewName;
  /** Position of the row in the current view, or null. */
  index: number | null;
  /** The indicator of the row, or null (the overview's rows are sections). */
  indicator: Indicator | null;
  /** The indicator's section, or the overview row's section, or null. */
  section: Section | null;
}

export type ChartEventHandler<T extends ChartEventType = ChartEventType> = (event: ChartEvent<T>) => void;

// ------------------------------------------------------------------ the chart

/** Where a bar is, in CSS pixels relative to the chart's canvas. */
export interface BarRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What `getState()` returns. */
export interface ChartState {
  view: ViewName;
  /** The section filter (the `section` option), or null for all. */
  section: string | null;
  /** The section the chart shows: the filter, or the one the section view picks by itself when none is set. */
  sectionShown: string | null;
  sort: SortOrder;
  log: LogScale;
  locale: Locale;
  /** The theme in effect (`auto` resolved). */
  theme: 'light' | 'dark';
  /** Rows the view shows. */
  rows: number;
  /** Bars drawn (rows without a bar, such as headers, are not counted). */
  bars: number;
  /** CSS pixels of the drawn chart. */
  width: number;
  height: number;
  dpr: number;
  /** The row in focus (keyboard, `select()`, a click or a tap), or null. */
  focus: number | null;
  /** The row whose detail a finger pinned (a tap, or a sideways slide along the bars), or null. */
  pinned: number | null;
}

/** A chart on the page. Methods throw `Error`s with clear messages; after `destroy()` every method throws. */
export declare class Chart {
  private constructor();
  /** Switches the view: `setView('section', { section: 's3' })`. Keeps the section filter unless given. */
  setView(view: ViewName, options?: ViewOptions): void;
  /** Changes any option. An invalid one throws and leaves the chart as it was. */
  setOptions(options: ChartOptions): void;
  /** Replaces the data. Invalid data leaves the old chart, shows the message in the widget and throws. */
  update(dataset: Dataset | string): void;
  /** Re-measures the container and redraws (the chart also follows its container by itself). */
  resize(): void;
  on<T extends ChartEventType>(event: T, handler: ChartEventHandler<T>): void;
  /** Removes a handler, or every handler of the event when none is given. */
  off<T extends ChartEventType>(event: T, handler?: ChartEventHandler<T>): void;
  /**
   * Highlights the bar of an indicator id (or a section id in the overview) as the keyboard
   * would, without sending `select`. False when the view does not show it; `null` clears.
   */
  select(id: string | null): boolean;
  /** Where the `index`-th bar from the top is (0 = first), or null. */
  barRect(index: number): BarRect | null;
  getState(): ChartState;
  /** The current view as a PNG data URL (without hover highlight). */
  toPng(): string;
  /** The current view as a standalone SVG document: text stays text, with `<title>` (the chart's title) and `<desc>` (its description). */
  toSvg(): string;
  /** The shown rows as CSV text (UTF-8 with BOM, CRLF), each with the source's title and year. */
  toCsv(): string;
  /** Removes every listener, observer and element the chart added. Safe to call twice. */
  destroy(): void;
  /** Frees the WebAssembly side of the handle (done by the garbage collector otherwise). Call after `destroy()`. */
  free(): void;
  /** True until `destroy()`. */
  readonly isAlive: boolean;
}

// ------------------------------------------------------------------ functions

/** Where the .wasm file is, for `init()`: by default the file next to the package's JS. */
export type WasmSource = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the WebAssembly module once; every later call returns the same promise. Optional:
 * `createChart()` and `<indicator-chart>` call it themselves.
 */
export declare function init(wasm?: WasmSource | Promise<WasmSource>): Promise<void>;
export default init;

/** True once `init()` has finished: `mount()` may then be called. */
export declare function isReady(): boolean;

/**
 * Mounts a chart into `element` — a container, which the chart fills in width, or a
 * `<canvas>`. Synchronous: needs `await init()` first (see `createChart`). Invalid data or
 * options throw an Error naming the field; the message also appears in the element.
 */
export declare function mount(element: HTMLElement, dataset: Dataset | string, options?: ChartOptions): Chart;

/** `await init()` then `mount()`. */
export declare function createChart(element: HTMLElement, dataset: Dataset | string, options?: ChartOptions): Promise<Chart>;

/** The WebAssembly module's version (needs `init()` first). */
export declare function version(): string;
