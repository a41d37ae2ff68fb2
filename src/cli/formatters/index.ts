/** The built-in formatters, by the name `-f/--format` takes. */
import type { Formatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';

export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  stylish,
  json,
};

export type { Formatter, FileReport, FormatContext } from './types.js';
