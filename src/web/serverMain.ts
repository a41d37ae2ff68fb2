/**
 * The language server in a web worker (vscode.dev, github.dev, code-server's browser extension
 * host): the same `startServer` as on Node, over the worker's message port, with files read
 * through the extension. Bundled to dist/web/server.js for `platform: browser`.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../server/server.js';
import { browserDeps } from './browserDeps.js';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, browserDeps(connection));
connection.listen();
