// Stands in for form-data inside axios in out/node (see build-node.mjs): the real one,
// still bundled, is set up the first time axios builds a form-data body.
module.exports = function FormData(options) {
  // A require() inside the function: that is what defers it (esbuild keeps it lazy).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const RealFormData = require('form-data')
  return new RealFormData(options)
}
