/** Short Markdown renderings shared by hover, completion and code actions. */
import type { BibEntry, Source } from '../core/model/types.js';
import type { OffsetRange } from '../core/text/lineIndex.js';
import type { AnalyzedDocument } from './types.js';
import { typeLine } from '../core/sources/kinds.js';

/** Schemes a hover may link to; anything else (`command:`, `javascript:`, `data:`, `vscode:`…) is shown as text. */
const LINKABLE = /^(https?|ftp|mailto|file|untitled):/i;

/**
 * `url` as a Markdown link destination, or `undefined` when it must not become a link. Characters
 * that could end the destination or start markup (`<`, `>`, brackets, parentheses, quotes, back
 * slashes, white space, controls) are percent-encoded, so `https://e.org/a>![p](…)` cannot inject
 * an image or HTML.
 *
 * @example linkDestination('https://e.org/a b>') === 'https://e.org/a%20b%3E'
 */
export function linkDestination(url: string): string | undefined {
  if (!LINKABLE.test(url)) return undefined;
  return url.replace(/[\u0000-\u0020<>()[\]\\`"'\u007f-\u009f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** An autolink `<url>`, or the URL as escaped text when it must not be a link. */
export function autolink(url: string): string {
  const dest = linkDestination(url);
  return dest ? `<${dest}>` : escapeMd(url);
}

/** `[text](url)` with `text` already Markdown; plain `text` when the URL must not be a link. */
export function mdLink(text: string, url: string): string {
  const dest = linkDestination(url);
  return dest ? `[${text}](${dest})` : text;
}

/** A code span that holds `s` whatever back ticks it contains (CommonMark: a longer fence). */
export function codeSpan(s: string): string {
  const flat = s.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim()) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

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
  if (e.doi) s += `. ${mdLink(`doi:${escapeMd(e.doi)}`, `https://doi.org/${encodeURI(e.doi)}`)}`;
  else if (e.url) s += `. ${autolink(e.url)}`;
  return s || codeSpan(e.key);
}

/** One line for a source in a hover card, its kind first: `*preprint · arxiv.org* — <https://arxiv.org/abs/…>`. */
export function formatSource(s: Source): string {
  return `*${escapeMd(typeLine(s))}* — ${formatSourceBody(s)}`;
}

function formatSourceBody(s: Source): string {
  const text = s.text ? truncate(s.text, 80) : '';
  switch (s.kind) {
    case 'citation':
    case 'dcite':
      return s.entry ? `${codeSpan(`@${s.key}`)} ${formatEntry(s.entry)}` : `${codeSpan(`@${s.key}`)} — not in the bibliography`;
    case 'footnote':
      return `footnote [^${escapeMd(s.key ?? '')}]: ${escapeMd(text || '(no text)')}${s.url && !text.includes(s.url) ? ` ${autolink(s.url)}` : ''}`;
    case 'numbered':
      return `[${escapeMd(s.key ?? '')}] ${escapeMd(text || '(no text)')}${s.url && !text.includes(s.url) ? ` ${autolink(s.url)}` : ''}`;
    case 'file':
      return `file ${s.url ? mdLink(escapeMd(text || s.url), s.url) : escapeMd(text)}`;
    default:
      return s.url ? (text && text !== s.url ? `${escapeMd(text)} — ${autolink(s.url)}` : autolink(s.url)) : escapeMd(text);
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
  return s.replace(/([\\`*_{}[\]<>#|!&~])/g, '\\$1');
}

export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
