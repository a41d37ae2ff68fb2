/**
 * What each document shows the others (its outline: ids, edges, links), and the generation that
 * moves when one of them changes: a document linted at an older generation may be stale.
 */
export class Outlines {
  private readonly byUri = new Map<string, string>();
  private current = 0;

  get generation(): number {
    return this.current;
  }

  /** Something outside the documents changed (config, settings, a file on disk): every result is stale. */
  bump(): void {
    this.current++;
  }

  /**
   * Record a document's outline. A changed outline moves the generation; a first one does not
   * (`countNew`: unless asked), since a document nobody saw before cannot have been linted against.
   */
  record(uri: string, outline: string, countNew = true): 'new' | 'changed' | 'same' {
    const before = this.byUri.get(uri);
    if (before === outline) return 'same';
    this.byUri.set(uri, outline);
    if (before !== undefined || countNew) this.current++;
    return before === undefined ? 'new' : 'changed';
  }

  has(uri: string): boolean {
    return this.byUri.has(uri);
  }

  /** The document is gone (closed unsaved and absent on disk, or deleted). */
  forget(uri: string): void {
    if (this.byUri.delete(uri)) this.current++;
  }
}
