/**
 * `WARRANT_LANGUAGE=off`: run the detector's light path (its light weights, no language model),
 * for measuring what the language features cost (`npm run bench`). Read by the CLI, its workers
 * and the language server at start; findings differ from the default, so it is not a user setting.
 */
import { provideLanguageModules } from '../core/heuristics/index.js';

export function languageFromEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  if (env['WARRANT_LANGUAGE'] !== 'off') return;
  provideLanguageModules(() => {
    throw new Error('language features off (WARRANT_LANGUAGE=off)');
  });
}
