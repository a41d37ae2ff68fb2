/**
 * `warrant-language-server`: `--stdio` for any editor, `--node-ipc` when VS Code starts it
 * (also `--socket=N`, `--pipe=NAME`). With no transport flag it speaks stdio.
 */
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

languageFromEnvironment();
const connection = createConnection(ProposedFeatures.all);
// The sentence encoder says once when it loaded, or why it could not (the light findings stand).
startServer(connection, nodeDeps({ log: (m) => connection.console.log(`warrant: ${m}`) }));
connection.listen();

declare const __WARRANT_VERSION__: string | undefined;
