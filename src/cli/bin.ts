import { readFileSync } from 'node:fs';
import { main } from './main.js';
import { languageFromEnvironment } from '../node/language.js';

languageFromEnvironment();

main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => readFileSync(0),
  isTTY: !!process.stdout.isTTY,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`warrant: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
