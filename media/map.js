// The argument map webview's only script (loaded with the page's nonce; see src/client/map/html.ts).
// Clicking a node, or Enter/Space on a focused one, asks the extension to reveal its text; the
// node's uri and range are in its data attributes. The scroll position survives re-renders.
(function () {
  'use strict';
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const state = vscode.getState() || {};
  if (typeof state.x === 'number' && typeof state.y === 'number') window.scrollTo(state.x, state.y);

  function nodeOf(target) {
    return target && typeof target.closest === 'function' ? target.closest('g.node[data-uri]') : null;
  }

  function reveal(g) {
    const r = String(g.getAttribute('data-range') || '').split(',').map(Number);
    if (r.length !== 4 || r.some((n) => !Number.isInteger(n) || n < 0)) return;
    vscode.postMessage({
      type: 'reveal',
      key: g.getAttribute('data-key'),
      uri: g.getAttribute('data-uri'),
      range: { start: { line: r[0], character: r[1] }, end: { line: r[2], character: r[3] } },
    });
  }

  document.addEventListener('click', (event) => {
    const g = nodeOf(event.target);
    if (g) reveal(g);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const g = nodeOf(event.target);
    if (!g) return;
    event.preventDefault();
    reveal(g);
  });
  window.addEventListener('scroll', () => vscode.setState({ x: window.scrollX, y: window.scrollY }), { passive: true });
})();
