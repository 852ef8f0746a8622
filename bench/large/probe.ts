/**
 * Page-side instrumentation for bench/large.ts (measureSize.ts), kept as plain JavaScript text: functions
 * handed to Playwright from tsx carry esbuild's `__name` helper, which the page lacks.
 *
 * Installed with `page.addInitScript` before the app loads:
 * - a PerformanceObserver for 'longtask' (buffered) that keeps every entry;
 * - `window.__benchArm(expectedLength)`: records the time of the next click on the Send
 *   button (capture phase, so before the app's handler runs), then checks on every
 *   animation frame (a frame only runs between tasks, so a busy UI thread delays the
 *   check exactly as it delays the paint) for:
 *   - `firstAt`: the body shows text: the first row of the virtualised viewer ("Response
 *     body lines", bodies over 1 MB, read from the Node side), or the CodeMirror editor
 *     ("Response body text") for smaller ones;
 *   - `doneAt`: the Pretty view is complete: for the viewer, Pretty is checked, no
 *     "Formatting…" status is left and the first row is `[` (the Node side formats the
 *     whole body before the view switches); for the editor, its document holds exactly
 *     `expectedLength` characters (the app's own formatJson, computed in Node). The
 *     EditorView is found from the DOM the way `EditorView.findFromDOM` does;
 *   - `error`: the text of a role=alert in the Response region (a transport error).
 *   A body over 1 MB opens in Raw with a Format button: the probe clicks it once the first
 *   screen is seen (`formatClickAt`), so `firstAt` is the Raw first screen and `doneAt`
 *   the complete Pretty view.
 */
export const PROBE_SCRIPT = `
(() => {
  const b = {
    longtasks: [],
    clickAt: null,
    firstAt: null,
    doneAt: null,
    formatClickAt: null,
    error: null,
    docLength: null,
    frames: 0,
    armed: false,
  };
  window.__bench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    b.observerError = String(e);
  }
  const viewOf = (content) => {
    const tile = content.cmTile;
    if (tile && tile.root && tile.root.view) return tile.root.view;
    const legacy = content.cmView;
    return legacy && legacy.view ? legacy.view : null;
  };
  window.__benchArm = (expected) => {
    b.clickAt = null;
    b.firstAt = null;
    b.doneAt = null;
    b.formatClickAt = null;
    b.error = null;
    b.docLength = null;
    b.frames = 0;
    b.armed = true;
    document.addEventListener(
      'click',
      (event) => {
        const button = event.target instanceof Element ? event.target.closest('button') : null;
        if (b.clickAt === null && button && button.textContent.trim() === 'Send') {
          b.clickAt = performance.now();
        }
      },
      { capture: true },
    );
    const tick = () => {
      b.frames++;
      if (b.clickAt !== null) {
        const region = document.querySelector('section[aria-label="Response"]');
        const content = region && region.querySelector('.cm-content[aria-label="Response body text"]');
        if (content && b.firstAt === null && content.textContent.length > 0) b.firstAt = performance.now();
        // Bodies over 1 MB: the virtualised viewer's rows (lines read from the Node side).
        const lines = region && region.querySelector('[aria-label="Response body lines"]');
        const firstRow = lines && lines.querySelector('.row .text');
        const firstText = firstRow ? firstRow.textContent : '';
        if (b.firstAt === null && firstText.length > 0) b.firstAt = performance.now();
        const pretty = region && region.querySelector('input[type="radio"][value="pretty"]');
        const formatting = region && Array.from(region.querySelectorAll('[role="status"]')).some(
          (s) => s.textContent.includes('Formatting'),
        );
        // The pretty view is only shown once the Node side has formatted the whole body.
        if (b.firstAt !== null && pretty && pretty.checked && !formatting && firstText === '[') {
          b.doneAt = performance.now();
        }
        // Format once the first screen is seen, so firstAt is the Raw view's first screen.
        if (region && b.formatClickAt === null && b.firstAt !== null) {
          const format = Array.from(region.querySelectorAll('button')).find(
            (button) => button.textContent.trim() === 'Format' && !button.disabled,
          );
          if (format) {
            b.formatClickAt = performance.now();
            format.click();
          }
        }
        const view = content ? viewOf(content) : null;
        if (view) b.docLength = view.state.doc.length;
        const status = region && region.querySelector('[aria-label="Response status"]');
        if (b.firstAt !== null && status && b.docLength === expected) b.doneAt = performance.now();
        if (b.doneAt !== null && !status) b.doneAt = null;
        const alert = region && region.querySelector('[role="alert"]');
        if (alert) b.error = alert.textContent.trim().replace(/\\s+/g, ' ');
      }
      if (b.doneAt === null && b.error === null) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
})();
`
