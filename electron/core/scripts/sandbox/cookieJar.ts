/**
 * Sandbox module `cookieJar`: pm.cookies.jar(), Postman's cookie jar API on the run's jar
 * (the one the engine sends from): get, getAll, set, unset and clear, each answering its
 * callback later, as Postman's do. Arguments are checked here with Postman's messages
 * (a TypeError thrown at the call); the host checks each call again and carries it out
 * (jarRelay.ts, cookies/scriptCookieJar.ts). A URL without a scheme is taken as http://,
 * as Postman's Url does. An error thrown inside a callback ends the script naming its line.
 */
export const JAR_SOURCE = `(function (K) {
'use strict';
var L = K.use('lists');
function fail(method, what) { throw new TypeError('CookieJar.' + method + '() requires ' + what); }
function urlOf(url, method) {
  if (url !== null && typeof url === 'object' && typeof url.toString === 'function') url = url.toString();
  if (typeof url !== 'string' || url === '') fail(method, 'a valid url');
  return /^[a-z][a-z0-9+.-]*:\\/\\//i.test(url) ? url : 'http://' + url;
}
// Postman's Cookie: tough-cookie's key is its name, and a list finds it by key.
function cookie(c) { if (c) c.key = c.name; return c; }
function text(v) { return v === undefined || v === null ? '' : String(v); }
function fromObject(c) {
  var out = { name: text(c.name === undefined ? c.key : c.name), value: text(c.value) };
  ['domain', 'path'].forEach(function (k) { if (c[k] !== undefined && c[k] !== null) out[k] = String(c[k]); });
  ['secure', 'httpOnly', 'hostOnly'].forEach(function (k) { if (c[k] !== undefined) out[k] = Boolean(c[k]); });
  if (c.expires !== undefined && c.expires !== null && c.expires !== 'Infinity') out.expires = new Date(c.expires).toISOString();
  if (typeof c.maxAge === 'number' && isFinite(c.maxAge)) out.maxAge = c.maxAge;
  return out;
}
function ask(call, callback, shape) {
  K.call({ jar: call }, function (outcome) {
    if (typeof callback !== 'function') return;
    K.guard(function () {
      if (!outcome.ok) return callback(new Error(outcome.error.message));
      callback(null, shape ? shape(outcome.response) : outcome.response);
    });
  });
}
var jar = {
  get: function (url, name, callback) {
    url = urlOf(url, 'get');
    if (typeof callback !== 'function') fail('get', 'a callback function');
    if (typeof name !== 'string') fail('get', 'cookie name to be a string');
    ask({ op: 'get', url: url, name: name }, callback);
  },
  getAll: function (url, options, callback) {
    url = urlOf(url, 'getAll');
    if (typeof options === 'function' && !callback) { callback = options; options = {}; }
    if (typeof callback !== 'function') fail('getAll', 'a callback function');
    if (options === null || typeof options !== 'object') fail('getAll', 'options to be an object');
    var o = {};
    if (options.http !== undefined) o.http = Boolean(options.http);
    if (options.secure !== undefined) o.secure = Boolean(options.secure);
    ask({ op: 'getAll', url: url, options: o }, callback, function (cookies) {
      var list = L.list([], false);
      list.members = cookies.map(cookie);
      return list;
    });
  },
  set: function (url, name, value, callback) {
    url = urlOf(url, 'set');
    if (typeof value === 'function' && !callback) { callback = value; value = null; }
    var c;
    if (name && value) c = { name: String(name), value: String(value) };
    else if (name !== null && typeof name === 'object') c = fromObject(name);
    else if (typeof name === 'string') c = name;
    else fail('set', 'a valid set cookie arguments');
    ask({ op: 'set', url: url, cookie: c }, callback, cookie);
  },
  unset: function (url, name, callback) {
    url = urlOf(url, 'unset');
    if (typeof name !== 'string') fail('unset', 'cookie name to be a string');
    ask({ op: 'unset', url: url, name: name }, callback, function () { return undefined; });
  },
  clear: function (url, callback) {
    url = urlOf(url, 'clear');
    ask({ op: 'clear', url: url }, callback, function () { return undefined; });
  }
};
return function () { return jar; };
})`
