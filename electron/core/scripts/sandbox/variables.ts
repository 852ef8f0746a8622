/**
 * Sandbox module `variables`: pm.variables, pm.environment, pm.globals,
 * pm.collectionVariables and pm.iterationData. Values keep the type they were set with
 * (JSON values) for the rest of the run, as in Postman; a value JSON cannot hold (a
 * function, a symbol, a BigInt, a circular object) is refused, naming the variable, and
 * NaN and Infinity are kept as their text. Each set and unset is reported to the host
 * before it is made, so a refused one changes nothing. `pm.variables.get` looks in local
 * (pm.variables.set), iteration data, environment, collection, then globals.
 */
export const VARIABLES_SOURCE = `(function (K) {
'use strict';
var O = Object, stringify = JSON.stringify, parse = JSON.parse, host = K.host, define = K.define, describe = K.describe;
// The run's variables as the host sent them (JSON text), made into stores on first use: a
// script that touches no variable never parses them. Built with what was captured here and
// plain loops, so a script that replaced a built-in first still reads its variables.
var create = O.create, stores = create(null), pending = null;
function S() {
  if (pending !== null) {
    var input = parse(pending);
    pending = null;
    for (var i = 0; i < SCOPES.length; i++) {
      var values = create(null), pairs = input[SCOPES[i]];
      for (var j = 0; j < pairs.length; j++) values[pairs[j][0]] = pairs[j].length > 1 ? pairs[j][1] : undefined;
      stores[SCOPES[i]] = values;
    }
  }
  return stores;
}
var SCOPES = ['local', 'iterationData', 'environment', 'collection', 'globals'];
function copy(v) { return v !== null && typeof v === 'object' ? parse(stringify(v)) : v; }
function stored(v, where) {
  var t = typeof v;
  if (v === undefined || v === null || t === 'string' || t === 'boolean') return v;
  if (t === 'number') return isFinite(v) ? v : String(v);
  if (t !== 'object') throw new TypeError(where + ': a ' + t + ' cannot be kept in a variable; keep a string, a number, a boolean or JSON data');
  var text;
  try { text = stringify(v); } catch (e) { throw new TypeError(where + ': the value cannot be kept in a variable (' + describe(e) + ')'); }
  return text === undefined ? undefined : parse(text);
}
function lookup(name) {
  for (var i = 0; i < SCOPES.length; i++) if (name in S()[SCOPES[i]]) return S()[SCOPES[i]][name];
  return undefined;
}
var PLACEHOLDER = /\\{\\{\\s*([^{}]+?)\\s*\\}\\}/g;
function uuid() {
  var h = '0123456789abcdef', out = '';
  for (var i = 0; i < 36; i++) {
    out += i === 8 || i === 13 || i === 18 || i === 23 ? '-' : i === 14 ? '4' : h[i === 19 ? 8 + Math.floor(Math.random() * 4) : Math.floor(Math.random() * 16)];
  }
  return out;
}
function dynamic(name) {
  switch (name) {
    case '$guid': case '$randomUUID': return uuid();
    case '$timestamp': return String(Math.floor(Date.now() / 1000));
    case '$isoTimestamp': return new Date().toISOString();
    case '$randomInt': return String(Math.floor(Math.random() * 1001));
  }
  // The rest of Postman's list ($randomEmail, ...) comes from the host, which makes them as
  // newman does (postman-collection, on faker) when the run's scripts name one.
  return host('dynamic', name);
}
function replaceIn(text, find) {
  if (typeof text !== 'string') return text;
  for (var depth = 0; depth < 5; depth++) {
    var next = text.replace(PLACEHOLDER, function (whole, name) {
      var v = name.charAt(0) === '$' && !(name in S().local) ? dynamic(name) : find(name);
      return v === undefined ? whole : typeof v === 'string' ? v : stringify(v);
    });
    if (next === text) break;
    text = next;
  }
  return text;
}
function keyOf(key, where) {
  if (typeof key !== 'string') {
    if (key === undefined || key === null || typeof key === 'object') throw new TypeError(where + ' needs a variable name');
    key = String(key);
  }
  return key;
}
function changed(scope, key, v, unset) {
  host('var', stringify(unset ? [scope, key] : v === undefined ? [scope, key, 0] : [scope, key, 1, v]));
}
function scopeApi(scope, label) {
  return {
    get: function (key) { return copy(S()[scope][key]); },
    has: function (key) { return String(key) in S()[scope]; },
    set: function (key, value) {
      key = keyOf(key, label + '.set');
      var v = stored(value, label + '.set("' + key + '")');
      changed(scope, key, v);
      S()[scope][key] = v;
    },
    unset: function (key) {
      key = String(key);
      if (!(key in S()[scope])) return;
      delete S()[scope][key];
      changed(scope, key, undefined, true);
    },
    clear: function () { for (var k in S()[scope]) { delete S()[scope][k]; changed(scope, k, undefined, true); } },
    toObject: function () {
      var o = {}, values = S()[scope];
      for (var k in values) define(o, k, copy(values[k]));
      return o;
    },
    replaceIn: function (text) { return replaceIn(text, function (k) { return S()[scope][k]; }); },
    // Postman's VariableScope.toJSON: the values as a list of {type, value, key}.
    toJSON: function () {
      var values = S()[scope];
      return { values: O.keys(values).map(function (k) { return { type: 'any', value: copy(values[k]), key: k }; }) };
    },
  };
}
var variables = scopeApi('local', 'pm.variables');
variables.get = function (key) { return copy(lookup(String(key))); };
variables.has = function (key) { return SCOPES.some(function (s) { return String(key) in S()[s]; }); };
variables.toObject = function () {
  var o = {};
  SCOPES.slice().reverse().forEach(function (s) { for (var k in S()[s]) define(o, k, copy(S()[s][k])); });
  return o;
};
variables.replaceIn = function (text) { return replaceIn(text, lookup); };


return {
  variables: variables,
  scope: scopeApi,
  /** The run's variables, as JSON text: per scope, [name, value] or [name] for undefined. */
  begin: function (json) { pending = json; },
};
})`
