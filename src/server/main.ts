/**
 * `warrant-language-server`: `--stdio` for any editor, `--node-ipc` when VS Code starts it
 * (also `--socket=N`, `--pipe=NAME`). With no transport flag it speaks stdio.
 */
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeDeps } from './nodeDeps.js';
import { startServer } from './server.js';
import { languageFromEnvironment } from '../node/language.js';

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${typeof __WARRANT_VERSION__ === 'string' ? __WARRANT_VERSION__ : 'dev'}\n`);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write('Usage: warrant-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\n');
  process.exit(0);
}
if (!args.some((a) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) process.argv.push('--stdio');

// The workspace index parses every file once and keeps a summary: the trees die old, and V8's
// default heap growth (up to 4× the live heap between full collections) held 380–450 MB of RSS on
// a 1,008-file workspace whose summaries need about 100 MB. Growing by a fifth keeps it near
// 230 MB for about a tenth more CPU while indexing (#20; `npm run bench` prints both). The
// launcher (bin/warrant-language-server.cjs) sets it first, so the V8 code cache made at exit
// matches the flags the next start compiles under; here it covers hosts that load the bundle
// directly (VS Code's client), and setting it again changes nothing.
setFlagsFromString('--heap-growing-percent=20');

languageFromEnvironment();
const connection = createConnection(ProposedFeatures.all);
// The sentence encoder says once when it loaded, or why it could not (the light findings stand).
startServer(connection, nodeDeps({ log: (m) => connection.console.log(`warrant: ${m}`) }));
connection.listen();

declare const __WARRANT_VERSION__: string | undefined;
