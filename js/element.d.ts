// Types of indicator-chart/element: the <indicator-chart> custom element.
import type { Chart, ChartEvent, Dataset } from './index.js';

export declare const TAG: 'indicator-chart';

/** Events of `<indicator-chart>`. */
export interface IndicatorChartEventMap extends HTMLElementEventMap {
  /** A bar was clicked, tapped or chosen with Enter/Space (Escape: null fields). Bubbles, composed. */
  select: CustomEvent<ChartEvent<'select'>>;
  /** The pointer or the arrow keys are on a bar (null fields when they leave). Bubbles, composed. */
  hover: CustomEvent<ChartEvent<'hover'>>;
  /** The chart was drawn. Does not bubble. */
  render: CustomEvent<ChartEvent<'render'>>;
  /** The data loaded and the chart is mounted (`el.chart` is set). Does not bubble. */
  load: Event;
  /** Loading or mounting failed, or an attribute is invalid; `message` says why (also shown in the element). Does not bubble. */
  error: ErrorEvent;
}

export type IndicatorChartState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * `<indicator-chart src="data.json" view="headline" locale="zh" theme="auto">`. Attributes
 * (each also a string property): src, view, section, locale, theme, sort, log, height,
 * source, description, table, timeout (ms to wait for src, default 15000).
 */
export declare class IndicatorChartElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** URL of the dataset JSON, relative to the page. */
  src: string | null;
  /** 'headline' | 'rates' | 'section' | 'overview' | 'money' | 'compare' (default headline). */
  view: string | null;
  /** A section id, or 'all'. */
  section: string | null;
  /** 'zh' (default) | 'en'. */
  locale: string | null;
  /** 'auto' (default) | 'light' | 'dark'. */
  theme: string | null;
  /** 'report' (default) | 'value'. */
  sort: string | null;
  /** 'auto' (default) | 'true' | 'false'. */
  log: string | null;
  /** 'auto' (default) | 'container' | a number of pixels. */
  height: string | null;
  /** 'false' hides the source line at the chart's foot (shown by default). */
  source: string | null;
  /** The author's description of the chart (the canvas's accessible name and the SVG's `<desc>`). */
  description: string | null;
  /** Present (and not 'false'): the rows are shown as a table under the chart. */
  table: string | null;
  /** Milliseconds to wait for `src` (default 15000). */
  timeout: string | null;
  /**
   * The dataset as a property, object or JSON text; wins over `src`. `null` goes back to `src`.
   * (Not `.dataset`: every HTMLElement has that one, for its data-* attributes.)
   */
  data: Dataset | string | null;
  /** The mounted chart (the JS API's handle), or null while loading, after an error or when not in the page. */
  readonly chart: Chart | null;
  readonly state: IndicatorChartState;
  /** The message shown in the element when `state` is 'error' or an attribute was refused. */
  readonly error: string | null;

  addEventListener<K extends keyof IndicatorChartEventMap>(type: K, listener: (this: IndicatorChartElement, ev: IndicatorChartEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof IndicatorChartEventMap>(type: K, listener: (this: IndicatorChartElement, ev: IndicatorChartEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

export default IndicatorChartElement;

declare global {
  interface HTMLElementTagNameMap {
    'indicator-chart': IndicatorChartElement;
  }
}
