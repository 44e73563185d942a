// Small DOM helpers the host page's modules share: element lookup, the narrow-screen query,
// the error line, and a
// wrapper that shows a handler's error there instead of losing it in the console.

/** Narrow screens: the report text is under the chart, not beside it (style.css's breakpoint). */
export const NARROW_QUERY = '(max-width: 860px)';

/** Is the screen narrow now? */
export const narrowScreen = () => matchMedia(NARROW_QUERY).matches;

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** Shows a message in the status line and marks the page as failed. */
export function showError(message) {
  const s = $('status');
  s.textContent = message;
  s.hidden = false;
  document.body.dataset.state = 'error';
}

/** A handler that hides the status line, runs `fn`, and shows its error if it throws. */
export const guard = (fn) => (...args) => {
  try {
    $('status').hidden = true;
    fn(...args);
  } catch (e) {
    showError(e.message);
  }
};
