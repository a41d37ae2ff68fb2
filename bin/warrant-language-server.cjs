#!/usr/bin/env node
// warrant-language-server --stdio (any LSP editor) | --node-ipc (VS Code). See dist/server.cjs.
// No V8 flag is set at start: V8 stamps code cache data with the flags in force when it is made, at
// exit, and rejects it under others. The heap flag the server sets while it indexes a large
// workspace (src/server/nodeDeps.ts) is back to its default once the index is done.
require('./compile-cache.cjs').load(require('node:path').join(__dirname, '..', 'dist', 'server.cjs'));
