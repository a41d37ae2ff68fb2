/**
 * The entry of `dist/nlp.cjs` (esbuild.mjs): wink-nlp and its English lite web model in one file
 * beside the Node bundles, required by `language.ts` on the first document the detector scores.
 * Keeping it out of the hosts' bundles keeps their start-up and size as they were.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export { winkNLP, model };
