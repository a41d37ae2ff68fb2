/** Types for `train.mjs`, for the test that checks the shipped weights. */
export declare const MODEL_JSON: string;
export declare const MODEL_TS: string;
export declare function trainOn(dir: string): Promise<{ model: unknown; json: string; ts: string }>;
