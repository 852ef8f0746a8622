import { SCRIPT_AUTH_TYPES } from '../../checks/scriptAuth'

/**
 * Sandbox module `request`: makes pm.request, as Postman collections use it, from the
 * run's request. The URL is parsed leniently (it may hold unresolved {{variables}}, as in
 * Postman) into protocol, host, port, path, query and hash; an untouched URL goes back
 * exactly as it came. `snapshot()` gives the request after the script's edits.
 */
export const REQUEST_SOURCE = `(function (K) {
'use strict';
var L = K.use('lists');
var URL_PARTS = /^(?:([^:\\/?#{}]+):\\/\\/)?([^\\/?#]*)([^?#]*)(?:\\?([^#]*))?(?:#([\\s\\S]*))?$/;

function Url(raw) { this.update(raw); }
var U = Url.prototype;
U.update = function (raw) {
  raw = String(raw);
  var m = URL_PARTS.exec(raw) || [raw, undefined, raw, '', undefined, undefined];
  var hostPort = m[2], at = hostPort.lastIndexOf('@');
  this.auth = at >= 0 ? hostPort.slice(0, at) : undefined;
  hostPort = at >= 0 ? hostPort.slice(at + 1) : hostPort;
  var port = /:(\\d+|\\{\\{[^{}]+\\}\\})$/.exec(hostPort);
  this.protocol = m[1];
  this.port = port ? port[1] : undefined;
  this.host = (port ? hostPort.slice(0, port.index) : hostPort).split('.');
  this.path = m[3] ? m[3].replace(/^\\//, '').split('/') : [];
  this.query = L.list(m[4] ? m[4].split('&').map(function (pair) {
    var eq = pair.indexOf('=');
    return eq < 0 ? { key: pair, value: null } : { key: pair.slice(0, eq), value: pair.slice(eq + 1) };
  }) : [], false);
  this.hash = m[5];
  this.raw = raw;
  this.built = this.build();
};
U.getHost = function () { return this.host.join('.'); };
U.getRemote = function () { return this.getHost() + (this.port ? ':' + this.port : ''); };
U.getPath = function () { return '/' + this.path.join('/'); };
U.getQueryString = function () {
  return this.query.enabled().map(function (q) { return q.value === null || q.value === undefined ? q.key : q.key + '=' + q.value; }).join('&');
};
U.getPathWithQuery = function () { var q = this.getQueryString(); return this.getPath() + (q ? '?' + q : ''); };
U.build = function () {
  var q = this.getQueryString();
  return (this.protocol ? this.protocol + '://' : '') + (this.auth !== undefined ? this.auth + '@' : '') + this.getRemote() +
    (this.path.length ? this.getPath() : '') + (q ? '?' + q : '') + (this.hash !== undefined ? '#' + this.hash : '');
};
U.toString = function () { var b = this.build(); return b === this.built ? this.raw : b; };
U.getRaw = U.toString;
U.toJSON = function () {
  return { raw: this.toString(), protocol: this.protocol, host: this.host.slice(), port: this.port, path: this.path.slice(), query: this.query.toJSON(), hash: this.hash };
};
U.addQueryParams = function (params) {
  var q = this.query;
  if (typeof params === 'string') params = params.split('&').map(function (p) { var e = p.indexOf('='); return e < 0 ? { key: p, value: null } : { key: p.slice(0, e), value: p.slice(e + 1) }; });
  (Array.isArray(params) ? params : [params]).forEach(function (p) { q.add(p); });
};
U.removeQueryParams = function (names) {
  var q = this.query;
  (Array.isArray(names) ? names : [names]).forEach(function (n) { q.remove(n !== null && typeof n === 'object' ? n.key : n); });
};

// pm.request.auth: Postman's RequestAuth, its type and a parameter list per type. A
// script may switch it to another of Courier's types, or change its parameters.
var AUTH_TYPES = ${JSON.stringify(SCRIPT_AUTH_TYPES)};
function authType(type, where) {
  type = String(type);
  if (AUTH_TYPES.indexOf(type) < 0) throw new Error(where + ': Courier does not support ' + type + ' auth (it has ' + AUTH_TYPES.join(', ') + ')');
  return type;
}
function Auth(type, params) { this.type = type; this[type] = L.list(params, false); }
Auth.prototype.parameters = function () { return this[this.type]; };
Auth.prototype.update = function (options, type) {
  type = authType(type || this.type, 'pm.request.auth.update');
  var list = this[type] || (this[type] = L.list([], false));
  var items = Array.isArray(options) ? options : Object.keys(options || {}).map(function (k) { return { key: k, value: options[k] }; });
  items.forEach(function (i) { list.upsert(i); });
};
Auth.prototype.use = function (type, options) {
  this.type = authType(type, 'pm.request.auth.use');
  if (!this[this.type]) this[this.type] = L.list([], false);
  if (options) this.update(options, this.type);
};
Auth.prototype.clear = function (type) { if (type !== this.type) delete this[type]; else this[type] = L.list([], false); };
Auth.prototype.toJSON = function () {
  var o = { type: this.type };
  o[this.type] = this[this.type].toJSON().map(function (p) { return { type: 'any', value: p.value, key: p.key }; });
  return o;
};

return function (r) {
var auth = r.auth ? new Auth(r.auth.type, r.auth.params.map(function (p) { return { key: p[0], value: p[1] }; })) : undefined;
var url = new Url(r.url), headers = L.list(r.headers.map(function (h) { return { key: h[0], value: h[1] }; }), true);
// A urlencoded body's fields, as pm.request.body.urlencoded (names kept as typed).
var form = r.form ? fields(r.form.map(function (f) { return { key: f[0], value: f[1] }; })) : undefined;
function fields(items) { return L.list(items, false); }
// Postman's RequestBody: update() replaces its mode, content and options (the raw
// language, which sets the Content-Type sent when no header names one).
var BODY_MODES = ['raw', 'urlencoded'];
var body = {
  mode: form ? 'urlencoded' : r.body === null ? undefined : 'raw',
  raw: r.body === null ? undefined : r.body,
  urlencoded: form,
  options: r.language === undefined ? undefined : { raw: { language: r.language } },
  update: function (v) {
    if (typeof v === 'string') v = { mode: 'raw', raw: v };
    if (v === null || typeof v !== 'object' || !v.mode) return;
    var mode = String(v.mode).toLowerCase();
    if (BODY_MODES.indexOf(mode) < 0) throw new Error('pm.request.body.update: Courier sends raw and urlencoded bodies set by a script, not ' + mode);
    this.mode = mode;
    this.raw = mode === 'raw' ? (v.raw === undefined || v.raw === null ? '' : v.raw) : undefined;
    var items = typeof v.urlencoded === 'string' ? v.urlencoded.split('&').filter(Boolean).map(function (p) {
      var eq = p.indexOf('=');
      return eq < 0 ? { key: p, value: '' } : { key: p.slice(0, eq), value: p.slice(eq + 1) };
    }) : v.urlencoded;
    this.urlencoded = mode === 'urlencoded' ? fields(Array.isArray(items) ? items : items && typeof items.all === 'function' ? items.all() : []) : undefined;
    this.options = v.options !== null && typeof v.options === 'object' ? v.options : undefined;
  },
  isEmpty: function () { return this.mode === 'urlencoded' ? this.urlencoded.count() === 0 : this.raw === undefined || this.raw === null || this.raw === ''; },
  toString: function () { return this.raw === undefined || this.raw === null ? '' : typeof this.raw === 'string' ? this.raw : JSON.stringify(this.raw); },
  toJSON: function () {
    var o = this.mode === 'urlencoded' ? { mode: this.mode, urlencoded: this.urlencoded.toJSON() } : { mode: this.mode, raw: this.raw };
    if (this.options) o.options = this.options;
    return o;
  },
};
var request = {
  name: r.name,
  method: r.method,
  headers: headers,
  addHeader: function (h) { headers.add(h); },
  upsertHeader: function (h) { headers.upsert(h); },
  removeHeader: function (name) { headers.remove(name); },
  getHeaders: function (options) {
    var o = {}, ignoreCase = options && options.ignoreCase;
    headers.enabled().forEach(function (h) { K.define(o, ignoreCase ? h.key.toLowerCase() : h.key, h.value); });
    return o;
  },
  // Postman's way to give a request auth it has not got (or another type).
  authorizeUsing: function (type, options) {
    if (type !== null && typeof type === 'object') { options = type[type.type]; type = type.type; }
    if (!auth) auth = new Auth(authType(type, 'pm.request.authorizeUsing'), []);
    auth.use(type, options);
  },
  addQueryParams: function (p) { url.addQueryParams(p); },
  removeQueryParams: function (p) { url.removeQueryParams(p); },
  toJSON: function () { return { name: r.name, url: url.toString(), method: String(request.method), header: headers.toJSON(), body: body.toJSON() }; },
};
Object.defineProperty(request, 'url', { enumerable: true,
  get: function () { return url; },
  set: function (v) { url.update(v !== null && typeof v === 'object' && v.raw !== undefined ? v.raw : v); } });
Object.defineProperty(request, 'body', { enumerable: true,
  get: function () { return body; },
  set: function (v) { body.update(v); } });
Object.defineProperty(request, 'auth', { enumerable: true, get: function () { return auth; } });
K.refuse(request, ['certificate', 'proxy'], 'pm.request.');

return {
  request: request,
  snapshot: function () {
    var raw = body.raw, encoded = body.mode === 'urlencoded' && body.urlencoded;
    var text = encoded ? null : raw === undefined || raw === null ? (r.body === null ? null : '') : body.toString();
    var language = body.options && body.options.raw && body.options.raw.language;
    return {
      name: r.name,
      url: url.toString(),
      method: String(request.method).toUpperCase(),
      headers: headers.enabled().map(function (h) { return [String(h.key), h.value === undefined || h.value === null ? '' : String(h.value)]; }),
      body: text,
      // Postman sends a raw body whose options have no language as text.
      language: text === null ? undefined : typeof language === 'string' ? language : body.options === undefined && r.language === undefined ? undefined : 'text',
      // undefined: the request has none and got none; null: a script set noauth.
      auth: !auth ? undefined : auth.type === 'noauth' ? null : { type: auth.type, params: auth.parameters().enabled().map(function (p) {
        return [String(p.key), p.value === undefined || p.value === null ? '' : String(p.value)];
      }) },
      form: encoded ? encoded.enabled().map(function (f) { return [String(f.key), f.value === undefined || f.value === null ? '' : String(f.value)]; }) : undefined,
    };
  },
};
};
})`
