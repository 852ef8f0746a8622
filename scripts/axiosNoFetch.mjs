// Stands in for axios/lib/adapters/fetch.js in out/node (see build-node.mjs): the fetch
// adapter reported as unsupported, so axios uses its http adapter as it does in Node.
export const getFetch = () => false
export default false
