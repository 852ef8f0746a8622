/**
 * Sandbox module `legacy`: what collections written before pm.* use, as Postman's sandbox
 * still gives it: postman.* (variables by scope, setNextRequest, the response's headers
 * and cookies) and the globals environment, globals, data, iteration, request,
 * responseBody, responseCode, responseHeaders, responseTime and responseCookies, each
 * read from pm.* when a script first reads it. The kernel loads it as it starts
 * (K.api is pm's object, K.info() the run's pm.info); the legacy `tests` object stays in
 * the kernel, which reports it.
 *
 * Plain ES2020 without template literals: this is a TypeScript string.
 */
export const LEGACY_SOURCE = `(function (K) {
'use strict';
var G = globalThis, api = K.api, define = K.define, lazy = K.lazy;

var postman = new Proxy({
  setNextRequest: api.execution.setNextRequest,
  setEnvironmentVariable: function (k, v) { api.environment.set(k, v); },
  getEnvironmentVariable: function (k) { return api.environment.get(k); },
  clearEnvironmentVariable: function (k) { api.environment.unset(k); },
  setGlobalVariable: function (k, v) { api.globals.set(k, v); },
  getGlobalVariable: function (k) { return api.globals.get(k); },
  clearGlobalVariable: function (k) { api.globals.unset(k); },
  clearEnvironmentVariables: function () { api.environment.clear(); },
  clearGlobalVariables: function () { api.globals.clear(); },
  getResponseHeader: function (name) { return api.response ? api.response.headers.get(name) : undefined; },
  getResponseCookie: function (name) { return api.cookies.one(name); },
}, {
  get: function (target, key) {
    if (typeof key !== 'string' || key in target || key === 'then' || key === 'toJSON') return target[key];
    throw new Error('postman.' + key + ' is not supported by Courier');
  },
});
define(G, 'postman', postman);

lazy(G, 'environment', function () { return api.environment.toObject(); });
lazy(G, 'globals', function () { return api.globals.toObject(); });
lazy(G, 'data', function () { return api.iterationData.toObject(); });
lazy(G, 'iteration', function () { return K.info().iteration; });
// Postman's legacy 'request': the request as plain data, headers by lower-case name (a
// repeated one as a list), the body's text as 'data' ({} for none).
lazy(G, 'request', function () {
  var r = api.request, headers = {};
  r.headers.enabled().forEach(function (h) {
    var k = String(h.key).toLowerCase();
    define(headers, k, k in headers ? [].concat(headers[k], h.value) : h.value);
  });
  return { id: K.info().requestId, name: K.info().requestName, description: undefined, headers: headers,
    method: String(r.method), url: r.url.toString(), data: r.body.raw === undefined || r.body.raw === null ? {} : r.body.raw };
});
lazy(G, 'responseBody', function () { return api.response && api.response.text(); });
lazy(G, 'responseCode', function () { var r = api.response; return r && { code: r.code, name: r.status, detail: r.status }; });
lazy(G, 'responseHeaders', function () {
  var o = {};
  if (api.response) api.response.headers.each(function (h) { define(o, h.key, h.value); });
  return o;
});
lazy(G, 'responseTime', function () { return api.response && api.response.responseTime; });
lazy(G, 'responseCookies', function () { return api.response ? api.cookies.all() : []; });

return postman;
})`
