/**
 * Sandbox module `response`: makes pm.response (and the responses pm.sendRequest gives), with
 * Postman's response assertions (`pm.response.to.have.status(200)`, `to.be.ok`, ...) done
 * here rather than through chai, so a status test does not load chai's 140 KB. Their
 * messages are Postman's (chai-postman). The same checks are added to chai when it loads,
 * for `pm.expect(pm.response).to.have.status(200)`. Also pm.cookies, read from the
 * response's Set-Cookie headers, and pm.cookies.jar() (the cookieJar module).
 *
 * `to.be.ok` and the named statuses (notFound, ...) check the status code only: HTTP/2 has
 * no reason phrase to compare. `to.have.jsonSchema` is the schema module's check (ajv).
 */
export const RESPONSE_SOURCE = `(function (K) {
'use strict';
var L = K.use('lists'), O = Object;
function show(v) {
  if (typeof v === 'string') return "'" + v + "'";
  if (v === null || typeof v !== 'object') return String(v);
  return K.use('inspect').inspect(v);
}
function check(ok, negate, message, negated) {
  if (negate ? ok : !ok) throw new K.AssertionError(negate ? negated : message);
}
function equal(a, b) {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  var ka = O.keys(a), kb = O.keys(b);
  return ka.length === kb.length && ka.every(function (k) { return O.prototype.hasOwnProperty.call(b, k) && equal(a[k], b[k]); });
}
function pathOf(value, path) {
  var parts = String(path).replace(/\\[(\\w+)\\]/g, '.$1').split('.').filter(function (p) { return p !== ''; });
  for (var i = 0; i < parts.length; i++) {
    if (value === null || typeof value !== 'object' || !O.prototype.hasOwnProperty.call(value, parts[i])) return { found: false };
    value = value[parts[i]];
  }
  return { found: true, value: value };
}
function jsonOf(res) {
  try { return { value: res.json() }; } catch (e) { return { error: e.name === 'JSONError' ? e.message : e.name + ': ' + e.message }; }
}

var CLASSES = { info: 1, success: 2, redirection: 3, clientError: 4, serverError: 5 };
var CODES = { ok: 200, accepted: 202, withoutContent: 204, badRequest: 400, unauthorised: 401, unauthorized: 401,
  forbidden: 403, notFound: 404, notAcceptable: 406, rateLimited: 429 };
// The checks, shared by pm.response.to and chai: (response, negate, ...arguments).
var checks = {
  status: function (res, not, expected) {
    if (typeof expected === 'number') {
      check(res.code === expected, not, 'expected response to have status code ' + expected + ' but got ' + res.code,
        'expected response to not have status code ' + res.code);
    } else {
      check(res.status === expected, not, 'expected response to have status reason ' + show(expected) + ' but got ' + show(res.status),
        'expected response to not have status reason ' + show(res.status));
    }
  },
  statusCode: function (res, not, code) { checks.status(res, not, Number(code)); },
  statusReason: function (res, not, reason) { checks.status(res, not, String(reason)); },
  header: function (res, not, key, value) {
    var has = res.headers.has(key);
    check(has, not && arguments.length < 4, "expected response to have header with key '" + key + "'",
      "expected response to not have header with key '" + key + "'");
    if (arguments.length < 4) return;
    var actual = has ? res.headers.one(key).value : undefined;
    check(actual === value, not, "expected '" + key + "' response header to be " + show(value) + ' but got ' + show(actual),
      "expected '" + key + "' response header to not be " + show(actual));
  },
  body: function (res, not, content) {
    var text = res.text();
    if (arguments.length < 3) {
      return check(typeof text === 'string' && text.length > 0, not, 'expected response to have content in body', 'expected response to not have content in body');
    }
    if (content instanceof RegExp) {
      return check(content.exec(text) !== null, not, 'expected response body text to match ' + content + ' but got ' + show(text),
        'expected response body text ' + show(text) + ' to not match ' + content);
    }
    if (content !== null && typeof content === 'object') {
      var json = jsonOf(res).value;
      return check(equal(json, content), not, 'expected response body json to equal ' + show(content) + ' but got ' + show(json),
        'expected response body json to not equal ' + show(content) + ' but got ' + show(json));
    }
    check(text === content, not, 'expected response body to equal ' + show(content) + ' but got ' + show(text), 'expected response body to not equal ' + show(content));
  },
  jsonBody: function (res, not, path, value) {
    var json = jsonOf(res);
    if (arguments.length < 3) {
      return check(json.error === undefined, not, 'expected response body to be a valid json but got error ' + json.error, 'expected response body not to be a valid json');
    }
    if (path !== null && typeof path === 'object') {
      return check(equal(json.value, path), not, 'expected response body json to equal ' + show(path) + ' but got ' + show(json.value),
        'expected response body json to not equal ' + show(path) + ' but got ' + show(json.value));
    }
    var at = pathOf(json.value, path);
    check(at.found, not && arguments.length < 4, 'expected ' + show(json.value) + ' in response to contain property ' + show(path),
      'expected ' + show(json.value) + ' in response to not contain property ' + show(path));
    if (arguments.length < 4) return;
    check(equal(at.value, value), not, 'expected response body json at "' + path + '" to contain ' + show(value) + ' but got ' + show(at.value),
      'expected response body json at "' + path + '" to not contain ' + show(value) + ' but got ' + show(at.value));
  },
  // Postman's: the code's class, 2 for 2XX.
  statusCodeClass: function (res, not, cls) {
    check(Math.floor(res.code / 100) === cls, not, 'expected response code to be ' + cls + 'XX but found ' + res.code,
      'expected response code to not be ' + cls + 'XX');
  },
  withBody: function (res, not) { checks.body(res, not); },
  json: function (res, not) { checks.jsonBody(res, not); },
  error: function (res, not) {
    var c = Math.floor(res.code / 100);
    check(c === 4 || c === 5, not, 'expected response code to be 4XX or 5XX but found ' + res.code, 'expected response code to not be 4XX or 5XX');
  },
};
O.keys(CLASSES).forEach(function (name) {
  checks[name] = function (res, not) {
    check(Math.floor(res.code / 100) === CLASSES[name], not, 'expected response code to be ' + CLASSES[name] + 'XX but found ' + res.code,
      'expected response code to not be ' + CLASSES[name] + 'XX');
  };
});
O.keys(CODES).forEach(function (name) { checks[name] = function (res, not) { checks.status(res, not, CODES[name]); }; });
var METHODS = ['status', 'statusCode', 'statusCodeClass', 'statusReason', 'header', 'body', 'jsonBody'];
var PROPERTIES = O.keys(checks).filter(function (n) { return METHODS.indexOf(n) < 0; });

// pm.response.to: the chain words of chai, then a check.
// As chai's proxy does: a word pm.response.to does not know (to.be.html) throws, where it
// would read as undefined and the check pass without checking anything.
var NOT_CHECKED = ['then', 'catch', 'inspect', 'toJSON'];
var strict = {
  get: function (target, key, receiver) {
    if (typeof key === 'string' && !(key in target) && NOT_CHECKED.indexOf(key) < 0) throw new Error('Invalid Chai property: ' + key);
    return Reflect.get(target, key, receiver);
  },
};
function Chain(res, negate) { this.res = res; this.negate = negate; return new Proxy(this, strict); }
['to', 'be', 'been', 'is', 'that', 'which', 'and', 'has', 'have', 'with', 'at', 'of', 'same', 'but', 'does', 'a', 'an'].forEach(function (w) {
  O.defineProperty(Chain.prototype, w, { get: function () { return this; } });
});
O.defineProperty(Chain.prototype, 'not', { get: function () { return new Chain(this.res, !this.negate); } });
METHODS.forEach(function (name) {
  Chain.prototype[name] = function () {
    checks[name].apply(null, [this.res, this.negate].concat([].slice.call(arguments)));
    return this;
  };
});
PROPERTIES.forEach(function (name) {
  O.defineProperty(Chain.prototype, name, { get: function () { checks[name](this.res, this.negate); return this; } });
});
function numberCheck(label, actual, negate) {
  function is(ok, what) { check(ok, negate, 'expected ' + label + ' ' + actual + ' to ' + what, 'expected ' + label + ' ' + actual + ' to not ' + what); }
  var eq = function (v) { is(actual === v, 'equal ' + v); };
  eq.below = eq.lessThan = function (n) { is(actual < n, 'be below ' + n); };
  eq.above = eq.greaterThan = function (n) { is(actual > n, 'be above ' + n); };
  eq.most = function (n) { is(actual <= n, 'be at most ' + n); };
  eq.least = function (n) { is(actual >= n, 'be at least ' + n); };
  eq.within = function (a, b) { is(actual >= a && actual <= b, 'be within ' + a + '..' + b); };
  return eq;
}
O.defineProperty(Chain.prototype, 'responseTime', { get: function () { return numberCheck('response time', this.res.responseTime, this.negate); } });
O.defineProperty(Chain.prototype, 'responseSize', { get: function () { var s = this.res.size(); return numberCheck('response size', s.body + s.header, this.negate); } });
Chain.prototype.jsonSchema = function (schema, options) {
  K.use('schema').jsonSchema(this.res.json(), schema, options, this.negate);
  return this;
};

function cookiesOf(headers) {
  var list = L.list([], false);
  headers.forEach(function (h) {
    if (String(h[0]).toLowerCase() !== 'set-cookie') return;
    var parts = String(h[1]).split(';'), eq = parts[0].indexOf('=');
    if (eq < 0) return;
    var cookie = { key: parts[0].slice(0, eq).trim(), value: parts[0].slice(eq + 1).trim() };
    parts.slice(1).forEach(function (p) {
      var at = p.indexOf('='), k = (at < 0 ? p : p.slice(0, at)).trim().toLowerCase(), v = at < 0 ? true : p.slice(at + 1).trim();
      if (k === 'httponly') cookie.httpOnly = true; else if (k === 'secure') cookie.secure = true;
      else if (k === 'max-age') cookie.maxAge = Number(v); else if (k) cookie[k] = v;
    });
    cookie.name = cookie.key;
    list.members.push(cookie);
  });
  list.jar = function () { return K.use('cookieJar')(); };
  return list;
}

function makeResponse(d) {
  function headerBytes() { return d.headers.reduce(function (n, h) { return n + h[0].length + h[1].length + 4; }, 0); }
  var res = {
    code: d.code, status: d.status, headers: null, responseTime: d.responseTime, responseSize: d.size,
    text: function () { return d.body; },
    json: function () {
      try { return JSON.parse(d.body); } catch (e) {
        var error = new Error('the response body is not JSON (' + e.message + ')');
        error.name = 'JSONError';
        throw error;
      }
    },
    reason: function () { return d.status; },
    details: function () { return { code: d.code, name: d.status, detail: d.status }; },
    size: function () { var h = headerBytes(); return { body: d.size, header: h, total: d.size + h }; },
    toJSON: function () { return { code: d.code, status: d.status, header: res.headers.toJSON(), body: d.body, responseTime: d.responseTime }; },
  };
  // Made when first read: a status test never reads them.
  K.lazy(res, 'headers', function () { return L.list(d.headers.map(function (h) { return { key: h[0], value: h[1] }; }), true); });
  O.defineProperty(res, 'to', { get: function () { return new Chain(res, false); } });
  O.defineProperty(res, 'cookies', { get: function () { return cookiesOf(d.headers); } });
  O.defineProperty(res, 'isCourierResponse', { value: true });
  return res;
}

// Adds the checks to chai, for responses only; anything else keeps chai's own meaning.
function installChai(chai) {
  var A = chai.Assertion, flag = chai.util.flag;
  METHODS.forEach(function (name) {
    A.addMethod(name, function () {
      if (!this._obj || !this._obj.isCourierResponse) throw new K.AssertionError('expected a response for .' + name + '()');
      checks[name].apply(null, [this._obj, !!flag(this, 'negate')].concat([].slice.call(arguments)));
    });
  });
  // Of a response, its JSON body; of anything else, the value itself (chai-postman's rule).
  A.addMethod('jsonSchema', function (schema, options) {
    var obj = this._obj, data = obj && obj.isCourierResponse ? obj.json() : obj;
    K.use('schema').jsonSchema(data, schema, options, !!flag(this, 'negate'));
  });
  PROPERTIES.forEach(function (name) {
    var own = function () { checks[name](this._obj, !!flag(this, 'negate')); };
    if (name === 'ok') {
      A.overwriteProperty('ok', function (original) {
        return function () { if (this._obj && this._obj.isCourierResponse) own.call(this); else original.call(this); };
      });
    } else {
      A.addProperty(name, function () {
        if (!this._obj || !this._obj.isCourierResponse) throw new K.AssertionError('expected a response for .' + name);
        own.call(this);
      });
    }
  });
}

return { makeResponse: makeResponse, cookiesOf: cookiesOf, installChai: installChai };
})`
