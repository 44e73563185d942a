// indicator-chart — the package's main entry: the JavaScript API over the WebAssembly module.
//
//   import { createChart } from 'indicator-chart';
//   const chart = await createChart(element, dataset, { view: 'headline' });
//
// One WebAssembly instance serves every chart on the page (and every <indicator-chart>
// element, which imports this module). `init()` loads it once and may be called any number
// of times, by you or not at all: `createChart()` and the element call it themselves.
// The .wasm file is found next to this module (new URL(…, import.meta.url) in the
// wasm-bindgen glue), which bundlers such as Vite follow and static servers serve as is.
import wasmInit, { mount as wasmMount, version as wasmVersion, Chart } from './indicator_chart.js';

let loading = null; // Promise<void> while (or once) the module loads
let ready = false;

/**
 * Loads and instantiates the WebAssembly module, once. Later calls return the same promise.
 * `wasm` optionally says where the .wasm file is (a URL, a Response, bytes or a compiled
 * WebAssembly.Module); by default it is the file next to this module.
 */
export function init(wasm) {
  if (loading === null) {
    const arg = wasm === undefined ? undefined : { module_or_path: wasm };
    loading = wasmInit(arg).then(
      () => {
        ready = true;
      },
      (e) => {
        loading = null; // let a later call try again
        throw new Error(`indicator-chart: could not load its WebAssembly module (${e?.message ?? e})`, { cause: e });
      },
    );
  }
  return loading;
}

export default init;

/** True once `init()` has finished: `mount()` can then be called synchronously. */
export function isReady() {
  return ready;
}

function notReady(what) {
  return new Error(`indicator-chart: ${what} was called before the WebAssembly module was loaded; ` +
    '`await init()` first, or use `await createChart(element, dataset, options)`, which loads it itself');
}

/**
 * Mounts a chart into `element` (a container, which the chart fills in width, or a
 * <canvas>), synchronously; needs `await init()` first. Throws an Error naming the field
 * when the dataset or an option is invalid (the message also appears in the element).
 */
export function mount(element, dataset, options) {
  if (!ready) throw notReady('mount()');
  return wasmMount(element, dataset, options ?? undefined);
}

/** `init()` then `mount()`: the one call a page needs. */
export async function createChart(element, dataset, options) {
  await init();
  return mount(element, dataset, options);
}

/** The version of the WebAssembly module (the crate's version); needs `init()` first. */
export function version() {
  if (!ready) throw notReady('version()');
  return wasmVersion();
}

export { Chart };
