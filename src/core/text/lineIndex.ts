/**
 * Offset ↔ position conversion: the one place positions are computed.
 *
 * Offsets are UTF-16 code-unit indices into the document text (what JavaScript strings and LSP
 * use). Positions are 0-based `{ line, character }` as in LSP; the CLI adds 1 to both.
 */

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export interface PositionRange {
  readonly start: Position;
  readonly end: Position;
}

export class LineIndex {
  /** Offset of the first character of every line; `\r\n`, `\n` and `\r` all end a line. */
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Clamp into the text, and move an offset between `\r` and `\n` (no place in any line) to the `\r`. */
  normalize(offset: number): number {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    return clamped > 0 && this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13 ? clamped - 1 : clamped;
  }

  positionAt(offset: number): Position {
    const clamped = this.normalize(offset);
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: clamped - this.lineStarts[lo]! };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line]!;
    const lineEnd = this.lineEndOffset(position.line);
    return Math.min(lineStart + Math.max(0, position.character), lineEnd);
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineEndOffset(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    let end = next;
    if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineStartOffset(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }

  toRange(range: OffsetRange): PositionRange {
    return { start: this.positionAt(range.start), end: this.positionAt(range.end) };
  }
}
