// Bundled in place of `sync-fetch` and `node-fetch` (esbuild.mjs `alias`). citation-js can fetch
// URLs, but Warrant only ever hands it BibTeX text: the bundles carry no network client and no
// subprocess (sync-fetch runs `node worker.js` to fetch synchronously). Any fetch throws.
'use strict';
function fetchRefused() {
  throw new Error('Warrant never fetches URLs: name a local bibliography file');
}
class Headers extends Map {}
fetchRefused.Headers = Headers;
module.exports = fetchRefused;
module.exports.default = fetchRefused;
module.exports.Headers = Headers;
