/**
 * Inline control, ESLint's grammar inside HTML comments (CONVENTIONS §10):
 * `<!-- warrant-disable a, b -- reason -->`, `warrant-enable`, `warrant-disable-line`,
 * `warrant-disable-next-line`, `warrant-disable-file`. Lists may be space- or comma-separated;
 * an empty list means every rule. No blank lines are needed around them.
 */
import type { Nodes, Root } from 'mdast';
import type { LineIndex, OffsetRange } from './text/lineIndex.js';
import { start } from './recognizers/structure.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

export interface Directive {
  readonly kind: DirectiveKind;
  /** Rule ids named; empty means all rules. */
  readonly rules: readonly { readonly id: string; readonly range: OffsetRange }[];
  readonly range: OffsetRange;
  readonly reason?: string;
  /** 0-based line the comment starts on and the line after the comment ends. */
  readonly line: number;
  readonly nextLine: number;
}

const DIRECTIVE = /<!--\s*warrant-(disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*?)-->/g;

export function parseDirectives(root: Root, lineIndex: LineIndex): Directive[] {
  const out: Directive[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'html') {
      const base = start(node);
      DIRECTIVE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = DIRECTIVE.exec(node.value))) {
        const range = { start: base + m.index, end: base + m.index + m[0].length };
        const body = m[2]!;
        const bodyStart = range.start + m[0].indexOf(body, 4 + 8 + m[1]!.length);
        const reasonAt = body.search(/\s--\s|\s--$/);
        const list = reasonAt >= 0 ? body.slice(0, reasonAt) : body;
        const reason = reasonAt >= 0 ? body.slice(reasonAt).replace(/^\s*--\s*/, '').trim() : undefined;
        const rules: { id: string; range: OffsetRange }[] = [];
        const word = /[^\s,]+/g;
        let w: RegExpExecArray | null;
        while ((w = word.exec(list))) rules.push({ id: w[0], range: { start: bodyStart + w.index, end: bodyStart + w.index + w[0].length } });
        out.push({
          kind: m[1] as DirectiveKind,
          rules,
          range,
          ...(reason ? { reason } : {}),
          line: lineIndex.positionAt(range.start).line,
          nextLine: lineIndex.positionAt(range.end).line + 1,
        });
      }
      return;
    }
    if (node.type === 'code' || node.type === 'inlineCode') return;
    if ('children' in node) for (const c of node.children as Nodes[]) visit(c);
  };
  visit(root);
  return out;
}

/** Answers "is this finding silenced?" and remembers which directives did silence something. */
export class Suppressions {
  private readonly used = new Set<Directive>();

  constructor(private readonly directives: readonly Directive[]) {}

  /** `ruleId` at `offset` on 0-based `line`: the directive that silences it, if any. */
  match(ruleId: string, offset: number, line: number): Directive | undefined {
    const names = (d: Directive): boolean => d.rules.length === 0 || d.rules.some((r) => r.id === ruleId);
    let hit: Directive | undefined;
    let disabledBy: Directive | undefined;
    for (const d of this.directives) {
      if (!names(d)) continue;
      switch (d.kind) {
        case 'disable-file':
          hit ??= d;
          break;
        case 'disable-line':
          if (d.line === line) hit ??= d;
          break;
        case 'disable-next-line':
          if (d.nextLine === line) hit ??= d;
          break;
        case 'disable':
          if (d.range.start <= offset) disabledBy = d;
          break;
        case 'enable':
          if (d.range.start <= offset) disabledBy = undefined;
          break;
      }
    }
    const result = hit ?? disabledBy;
    if (result) this.used.add(result);
    return result;
  }

  /** Disable directives that silenced nothing (for `--report-unused-disable-directives`). */
  unused(): Directive[] {
    return this.directives.filter((d) => d.kind !== 'enable' && !this.used.has(d));
  }
}
