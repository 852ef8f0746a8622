// Stands in for axios's fetch adapter in out/node (see build-node.mjs): the real one, still
// bundled, is set up the first time a request asks for the fetch adapter, which the engine
// never does (it sends with the http adapter).
exports.getFetch = function getFetch(config) {
  // A require() inside the function: that is what defers it (esbuild keeps it lazy).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('axios/unsafe/adapters/fetch.js').getFetch(config)
}
