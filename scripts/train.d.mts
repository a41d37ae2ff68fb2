/** Types for `train.mjs`, for the test that checks the shipped weights. */
export declare const MODEL_JSON: string;
export declare const MODEL_TS: string;
export declare function trainOn(dir: string): Promise<{ model: unknown; json: string; ts: string }>;
export declare const ENCODER_JSON: string;
export declare function trainEncoderOn(
  dir: string,
  options?: { log?: (message: string) => void },
): Promise<{ model: { basis: number[]; components: number; dim: number; threshold: number }; json: string }>;
