// Bundled into dist/nlp.cjs in place of wink-eng-lite-web-model's dist/read-core-model.js
// (esbuild.mjs, `winkModelPlugin`), with the same result and less start-up work. The original
// bundles the 3 MB core model as a JavaScript object literal and deep-copies it
// (`JSON.parse(JSON.stringify(…))`) on every call, then decodes two base64 arrays a byte at a
// time; here the model is a JSON string parsed afresh on each call (the same fresh copy: wink-nlp
// grows the model's tables as it meets new words) and the arrays are decoded by `Buffer`.
// The rest follows the original (wink-eng-lite-web-model 1.8.1, MIT, © GRAYPE Systems).
'use strict';
const coreModelText = require('wink-core-model-text');

function bufferFromBase64(data) {
  // A copy into a fresh ArrayBuffer: Buffer.from may hand back a slice of a shared pool, at an
  // offset a Uint32Array cannot start at.
  return new Uint8Array(Buffer.from(data, 'base64')).buffer;
}

function readModel() {
  const model = JSON.parse(coreModelText);
  const packing = model.packing;
  const featuresData = model.features;
  const pos = model.pos;
  model.lexicon = new Uint32Array(bufferFromBase64(model.lexicon));
  model.xpansions = new Uint32Array(bufferFromBase64(model.xpansions));
  for (const f in model.packing.layout) {
    if (packing.layout[f][3] === 0) {
      featuresData[f].hash = Object.create(null);
      for (let k = 0; k < featuresData[f].list.length; k += 1) featuresData[f].hash[featuresData[f].list[k]] = k;
    }
  }
  featuresData.lexeme.hash = Object.create(null);
  for (let k = 0; k < featuresData.lexeme.list.length; k += 1) featuresData.lexeme.hash[featuresData.lexeme.list[k]] = k;
  const clusters = featuresData.posClusters.list;
  for (let k = 0; k < clusters.length; k += 1) clusters[k] = new Set(clusters[k].split('_').map((e) => pos.hash[e] || 0));
  return model;
}

module.exports = readModel;
