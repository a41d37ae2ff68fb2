/** The built-in formatters, by the name `-f/--format` takes. */
import type { Formatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { compact } from './compact.js';
import { sarif } from './sarif.js';
import { github } from './github.js';
import { junit } from './junit.js';
import { gnu } from './gnu.js';
import { markdown } from './markdown.js';

export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  stylish,
  compact,
  json,
  sarif,
  github,
  junit,
  gnu,
  markdown,
};

export type { Formatter, FileReport, FormatContext } from './types.js';
