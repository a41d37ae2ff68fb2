// The threat-coverage webview's only script (loaded with the page's nonce; see
// src/client/threat/html.ts). Clicking a risk or defense button asks the extension to reveal it;
// its uri and range are in data attributes. The scroll position survives re-renders.
(function () {
  'use strict';
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const state = vscode.getState() || {};
  if (typeof state.x === 'number' && typeof state.y === 'number') window.scrollTo(state.x, state.y);

  document.addEventListener('click', (event) => {
    const b = event.target && typeof event.target.closest === 'function' ? event.target.closest('button.reveal[data-uri]') : null;
    if (!b) return;
    const r = String(b.getAttribute('data-range') || '').split(',').map(Number);
    if (r.length !== 4 || r.some((n) => !Number.isInteger(n) || n < 0)) return;
    vscode.postMessage({
      type: 'reveal',
      uri: b.getAttribute('data-uri'),
      range: { start: { line: r[0], character: r[1] }, end: { line: r[2], character: r[3] } },
    });
  });
  window.addEventListener('scroll', () => vscode.setState({ x: window.scrollX, y: window.scrollY }), { passive: true });
})();
