#!/usr/bin/env node
// warrant-language-server --stdio (any LSP editor) | --node-ipc (VS Code). See dist/server.cjs.
// The server's V8 flag (src/server/main.ts) is set before the bundle is compiled: V8 stamps code
// cache data with the flags in force when it is made, at exit, and rejects it under others — set
// only inside the bundle, every start compiled from scratch and rewrote a cache it could not use.
require('node:v8').setFlagsFromString('--heap-growing-percent=20');
require('./compile-cache.cjs').load(require('node:path').join(__dirname, '..', 'dist', 'server.cjs'));
