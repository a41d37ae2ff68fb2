/** Types for `corpus.mjs` (the parts tests use). */
export declare const REPO: string;
export declare function corpusDir(positional: string | undefined): string | undefined;
