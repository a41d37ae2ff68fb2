// The argument map webview's only script (loaded with the page's nonce; see src/client/map/html.ts).
// Clicking a node, or Enter/Space on a focused one, asks the extension to reveal its text; the
// node's uri and range are in its data attributes. The map fits the panel and can be zoomed (the
// toolbar, Ctrl/⌘ + wheel, + and − keys) and panned (drag, the wheel, the arrow keys); the view
// survives re-renders. Zoom and pan move the SVG's viewBox, whose shape always matches the panel's,
// so a point on screen maps to the drawing linearly.
(function () {
  'use strict';
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const state = vscode.getState() || {};

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

  const view = mapView();
  let dragged = false;

  document.addEventListener('click', (event) => {
    const button = event.target && typeof event.target.closest === 'function' ? event.target.closest('button[data-zoom]') : null;
    if (button && view) return view.command(button.getAttribute('data-zoom'));
    if (dragged) {
      dragged = false; // the end of a drag, not a click on a node
      return;
    }
    const g = nodeOf(event.target);
    if (g) reveal(g);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      const g = nodeOf(event.target);
      if (!g) return;
      event.preventDefault();
      reveal(g);
      return;
    }
    if (!view || event.ctrlKey || event.metaKey || event.altKey) return;
    const keys = { '+': 'in', '=': 'in', '-': 'out', _: 'out', 0: 'fit' };
    const pans = { ArrowLeft: [40, 0], ArrowRight: [-40, 0], ArrowUp: [0, 40], ArrowDown: [0, -40] };
    if (keys[event.key]) view.command(keys[event.key]);
    else if (pans[event.key]) view.pan(pans[event.key][0], pans[event.key][1]);
    else return;
    event.preventDefault();
  });

  /** The zoom and pan of `#map svg`, or undefined when there is no map (or no DOM to draw it in). */
  function mapView() {
    const host = typeof document.getElementById === 'function' ? document.getElementById('map') : null;
    const svg = host && host.querySelector('svg');
    if (!svg) return undefined;
    const full = (svg.getAttribute('viewBox') || '').split(/[\s,]+/).map(Number);
    if (full.length !== 4 || full.some((n) => !Number.isFinite(n)) || full[2] <= 0 || full[3] <= 0) return undefined;
    // Graphviz's units are points: at 1:1 a point is 4/3 of a CSS pixel.
    const NATURAL = 0.75;
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
    const size = () => ({ w: Math.max(1, host.clientWidth), h: Math.max(1, host.clientHeight) });
    // The view: the drawing's point at the panel's top left, and drawing units per CSS pixel.
    let at = { x: 0, y: 0, s: NATURAL };
    function fit() {
      const { w, h } = size();
      const s = Math.max(full[2] / w, full[3] / h, NATURAL); // the whole map, never larger than 1:1
      // Centred across, from the top down.
      at = { x: full[0] - (w * s - full[2]) / 2, y: full[1], s };
    }
    function apply() {
      const { w, h } = size();
      svg.setAttribute('viewBox', `${at.x} ${at.y} ${w * at.s} ${h * at.s}`);
      vscode.setState({ ...state, view: at });
    }
    function zoom(factor, cx, cy) {
      const s = Math.min(Math.max(at.s / factor, NATURAL / 8), Math.max(full[2], full[3]));
      at = { x: at.x + cx * (at.s - s), y: at.y + cy * (at.s - s), s };
      apply();
    }
    function pan(dx, dy) {
      at = { x: at.x - dx * at.s, y: at.y - dy * at.s, s: at.s };
      apply();
    }
    function command(name) {
      const { w, h } = size();
      if (name === 'in') zoom(1.25, w / 2, h / 2);
      else if (name === 'out') zoom(0.8, w / 2, h / 2);
      else if (name === 'actual') zoom(at.s / NATURAL, w / 2, h / 2);
      else if (name === 'fit') {
        fit();
        apply();
      }
    }
    const saved = state.view;
    if (saved && [saved.x, saved.y, saved.s].every(Number.isFinite) && saved.s > 0) at = { x: saved.x, y: saved.y, s: saved.s };
    else fit();
    apply();

    host.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        const box = host.getBoundingClientRect();
        if (event.ctrlKey || event.metaKey) zoom(Math.exp(-event.deltaY / 300), event.clientX - box.left, event.clientY - box.top);
        else pan(-event.deltaX, -event.deltaY);
      },
      { passive: false },
    );
    let drag = null;
    host.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      dragged = false;
      drag = { x: event.clientX, y: event.clientY, moved: false };
    });
    host.addEventListener('pointermove', (event) => {
      if (!drag) return;
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      drag.moved = true;
      host.classList.add('dragging');
      drag.x = event.clientX;
      drag.y = event.clientY;
      pan(dx, dy);
    });
    const end = () => {
      if (drag && drag.moved) dragged = true;
      drag = null;
      host.classList.remove('dragging');
    };
    host.addEventListener('pointerup', end);
    host.addEventListener('pointercancel', end);
    window.addEventListener('resize', () => apply());
    return { command, pan };
  }
})();
