/**
 * The slice of citation-js that `bibliography.ts` uses. Version 0.8 (the last to support Node
 * 20.19, which package.json declares) ships no type declarations.
 */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: { readonly forceType?: string });
    /** The parsed items, as CSL-JSON. */
    readonly data: unknown[];
  }
}

declare module '@citation-js/plugin-bibtex';
