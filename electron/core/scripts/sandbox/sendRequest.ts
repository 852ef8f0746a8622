/**
 * Sandbox module `send`: pm.sendRequest(request, callback?). The request (a URL, or
 * Postman's request object in its common forms) is normalised here to the host's
 * ScriptHttpRequest; the host checks it again and sends it. With a callback, it is called
 * as (err, res) and an error thrown inside it ends the script naming its line; without
 * one, a promise is returned.
 */
export const SEND_SOURCE = `(function (K) {
'use strict';
var makeResponse = K.use('response').makeResponse, O = Object;
function fail(message) { throw new TypeError('pm.sendRequest: ' + message); }
function text(v) { return v === undefined || v === null ? '' : typeof v === 'string' ? v : String(v); }
function pairs(items, what) {
  if (items === undefined || items === null) return [];
  if (typeof items === 'string') {
    return items.split(/\\r?\\n/).filter(function (l) { return l.trim() !== ''; }).map(function (l) {
      var at = l.indexOf(':');
      return at < 0 ? [l.trim(), ''] : [l.slice(0, at).trim(), l.slice(at + 1).trim()];
    });
  }
  if (typeof items.all === 'function') items = items.all();
  if (Array.isArray(items)) {
    return items.filter(function (i) { return i && !i.disabled; }).map(function (i) {
      if (typeof i === 'string') return pairs(i, what)[0] || ['', ''];
      if (i.type === 'file') fail('file fields are not supported by Courier; send text fields');
      return [text(i.key === undefined ? i.name : i.key), text(i.value)];
    });
  }
  if (typeof items === 'object') return O.keys(items).map(function (k) { return [k, text(items[k])]; });
  fail(what + ' must be a list of {key, value}, an object or text');
}
function hasHeader(headers, name) {
  return headers.some(function (h) { return h[0].toLowerCase() === name; });
}
function bodyOf(b, headers) {
  if (b === undefined || b === null) return null;
  if (typeof b === 'string') return { mode: 'raw', raw: b };
  if (typeof b !== 'object') fail('the body must be text or {mode, ...}');
  var mode = b.mode || (b.raw !== undefined ? 'raw' : undefined);
  switch (mode) {
    case 'raw': {
      var language = b.options && b.options.raw && b.options.raw.language;
      if (language === 'json' && !hasHeader(headers, 'content-type')) headers.push(['Content-Type', 'application/json']);
      return { mode: 'raw', raw: typeof b.raw === 'string' ? b.raw : b.raw === undefined ? '' : JSON.stringify(b.raw) };
    }
    case 'urlencoded': return { mode: 'urlencoded', fields: pairs(b.urlencoded, 'body.urlencoded') };
    case 'formdata': return { mode: 'formdata', fields: pairs(b.formdata, 'body.formdata') };
    case 'graphql': {
      var g = b.graphql || {}, vars = g.variables;
      if (typeof vars === 'string' && vars.trim() !== '') vars = JSON.parse(vars);
      if (!hasHeader(headers, 'content-type')) headers.push(['Content-Type', 'application/json']);
      return { mode: 'raw', raw: JSON.stringify({ query: text(g.query), variables: vars || {} }) };
    }
    case undefined: return null;
  }
  fail('body mode "' + mode + '" is not supported by Courier (raw, urlencoded, formdata and graphql are)');
}
function normalise(req) {
  if (typeof req === 'string') return { url: req, method: 'GET', headers: [], body: null };
  if (req === null || typeof req !== 'object') fail('give it a URL or a request object {url, method, header, body}');
  var url = req.url;
  if (url !== null && typeof url === 'object') url = url.raw !== undefined ? url.raw : String(url);
  if (typeof url !== 'string' || url === '') fail('the request has no url');
  var headers = pairs(req.header !== undefined ? req.header : req.headers, 'header');
  return { url: url, method: String(req.method || 'GET').toUpperCase(), headers: headers, body: bodyOf(req.body, headers) };
}
return function sendRequest(req, callback) {
  var request = normalise(req);
  var promise = new Promise(function (resolve, reject) {
    K.call(request, function (outcome) {
      if (outcome.ok) return resolve(makeResponse(outcome.response));
      var error = new Error(outcome.error.message);
      if (outcome.error.code) error.code = outcome.error.code;
      reject(error);
    });
  });
  if (typeof callback !== 'function') return promise;
  promise.then(function (res) { K.guard(function () { callback(null, res); }); },
    function (err) { K.guard(function () { callback(err, null); }); });
  return undefined;
};
})`
