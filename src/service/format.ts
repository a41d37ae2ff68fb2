/** Short Markdown renderings shared by hover, completion and code actions. */
import type { BibEntry, Source } from '../core/model/types.js';
import type { OffsetRange } from '../core/text/lineIndex.js';
import type { AnalyzedDocument } from './types.js';

/** `Lee, A., & Ortiz, B. (2021). *Volunteer burnout*. Journal. doi:10.1/x` — compact, one line. */
export function formatEntry(e: BibEntry): string {
  const authors =
    e.authors.length === 0 ? '' : e.authors.length <= 2 ? e.authors.join(' & ') : `${e.authors[0]} et al.`;
  const parts: string[] = [];
  if (authors) parts.push(escapeMd(authors));
  if (e.year) parts.push(`(${escapeMd(e.year)})`);
  let s = parts.join(' ');
  if (e.title) s += `${s ? '. ' : ''}*${escapeMd(e.title)}*`;
  if (e.container) s += `. ${escapeMd(e.container)}`;
  if (e.doi) s += `. [doi:${escapeMd(e.doi)}](https://doi.org/${encodeURI(e.doi)})`;
  else if (e.url) s += `. <${e.url}>`;
  return s || `\`${e.key}\``;
}

/** One line for a source in a hover card. */
export function formatSource(s: Source): string {
  const text = s.text ? truncate(s.text, 80) : '';
  switch (s.kind) {
    case 'citation':
    case 'dcite':
      return s.entry ? `\`@${s.key}\` ${formatEntry(s.entry)}` : `\`@${s.key}\` — not in the bibliography`;
    case 'footnote':
      return `footnote [^${s.key}]: ${escapeMd(text || '(no text)')}${s.url && !text.includes(s.url) ? ` <${s.url}>` : ''}`;
    case 'numbered':
      return `[${s.key}] ${escapeMd(text || '(no text)')}${s.url && !text.includes(s.url) ? ` <${s.url}>` : ''}`;
    case 'file':
      return `file [${escapeMd(text || s.url || '')}](${s.url})`;
    default:
      return s.url ? (text && text !== s.url ? `${escapeMd(text)} — <${s.url}>` : `<${s.url}>`) : escapeMd(text);
  }
}

/** A `file:///…#L12,5` link VS Code opens at that position. */
export function locationLink(doc: AnalyzedDocument, r: OffsetRange): string {
  const p = doc.lineIndex.positionAt(r.start);
  return `${doc.uri}#L${p.line + 1},${p.character + 1}`;
}

export function firstSentence(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(flat);
  return truncate(m ? m[1]! : flat, max);
}

export function truncate(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1).trimEnd() + '…';
}

export function escapeMd(s: string): string {
  return s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
