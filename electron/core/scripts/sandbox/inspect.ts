/**
 * Sandbox module `inspect`: console output formatted like Node's util.format and
 * util.inspect, in small: %s %d %i %f %j %o %O %c, objects to depth 2, 100 items per
 * list, one line when short, circular references marked. Output is capped while it is
 * built, so a huge object cannot make a huge line.
 */
export const INSPECT_SOURCE = `(function (K) {
'use strict';
var O = Object, MAX = 12000, IDENT = /^[A-Za-z_$][\\w$]*$/;
function quote(s) {
  return "'" + s.replace(/\\\\/g, '\\\\\\\\').replace(/'/g, "\\\\'").replace(/\\n/g, '\\\\n').replace(/\\r/g, '\\\\r').replace(/\\t/g, '\\\\t') + "'";
}
function nameOf(f) { return f.name ? f.name : '(anonymous)'; }
function inspect(v, depth, seen, budget) {
  depth = depth || 0; seen = seen || []; budget = budget || { left: MAX };
  switch (typeof v) {
    case 'string': return quote(v.length > 1000 ? v.slice(0, 1000) + '...' : v);
    case 'number': return v === 0 && 1 / v < 0 ? '-0' : String(v);
    case 'bigint': return String(v) + 'n';
    case 'symbol': return v.toString();
    case 'undefined': return 'undefined';
    case 'boolean': return String(v);
    case 'function': return /^class\\s/.test(Function.prototype.toString.call(v)) ? '[class ' + nameOf(v) + ']' : '[Function: ' + nameOf(v) + ']';
  }
  if (v === null) return 'null';
  if (seen.indexOf(v) >= 0) return '[Circular]';
  if (v instanceof Error) return v.name + ': ' + v.message;
  if (v instanceof Date) return isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (v instanceof RegExp) return String(v);
  if (v instanceof Promise) return 'Promise {}';
  var isArray = Array.isArray(v), isMap = v instanceof Map, isSet = v instanceof Set;
  var proto = O.getPrototypeOf(v), ctor = proto && proto.constructor && proto.constructor.name;
  var prefix = isArray ? '' : isMap ? 'Map(' + v.size + ') ' : isSet ? 'Set(' + v.size + ') ' :
    proto === null ? '[Object: null prototype] ' : ctor && ctor !== 'Object' ? ctor + ' ' : '';
  var open = isArray ? '[' : '{', close = isArray ? ']' : '}';
  if (depth > 2) return isArray ? '[Array]' : '[' + (ctor || 'Object') + ']';
  seen.push(v);
  var items = [], more = 0;
  function add(text) { if (budget.left > 0) { items.push(text); budget.left -= text.length + 2; } else more++; }
  if (isArray) {
    for (var i = 0; i < v.length; i++) { if (items.length >= 100) { more = v.length - i; break; } add(inspect(v[i], depth + 1, seen, budget)); }
  } else if (isMap) {
    v.forEach(function (value, key) { if (items.length < 100) add(inspect(key, depth + 1, seen, budget) + ' => ' + inspect(value, depth + 1, seen, budget)); else more++; });
  } else if (isSet) {
    v.forEach(function (value) { if (items.length < 100) add(inspect(value, depth + 1, seen, budget)); else more++; });
  }
  if (!isMap && !isSet) {
    var keys = O.keys(v);
    for (var k = 0; k < keys.length; k++) {
      if (isArray && /^\\d+$/.test(keys[k])) continue;
      if (items.length >= 100) { more += keys.length - k; break; }
      add((IDENT.test(keys[k]) ? keys[k] : quote(keys[k])) + ': ' + inspect(v[keys[k]], depth + 1, seen, budget));
    }
  }
  seen.pop();
  if (more > 0) items.push('... ' + more + ' more item' + (more === 1 ? '' : 's'));
  if (items.length === 0) return prefix + open + close;
  var line = items.join(', ');
  if (line.length + prefix.length <= 72 && line.indexOf('\\n') < 0) return prefix + open + ' ' + line + ' ' + close;
  var pad = '  '.repeat(depth + 1);
  return prefix + open + '\\n' + pad + items.join(',\\n' + pad) + '\\n' + '  '.repeat(depth) + close;
}
function plain(v) { return typeof v === 'string' ? v : inspect(v); }
function format(args) {
  var i = 0, parts = [];
  if (typeof args[0] === 'string' && args.length > 1) {
    i = 1;
    parts.push(args[0].replace(/%[sdifjoOc%]/g, function (m) {
      if (m === '%%') return '%';
      if (i >= args.length) return m;
      var a = args[i++];
      switch (m) {
        case '%s': return typeof a === 'string' ? a : typeof a === 'object' && a !== null ? inspect(a, 1) : plain(a);
        case '%d': return typeof a === 'bigint' ? a + 'n' : String(Number(a));
        case '%i': return typeof a === 'bigint' ? a + 'n' : String(parseInt(a, 10));
        case '%f': return String(parseFloat(a));
        case '%j': try { return JSON.stringify(a); } catch (e) { return '[Circular]'; }
        case '%c': return '';
        default: return inspect(a);
      }
    }));
  }
  for (; i < args.length; i++) parts.push(plain(args[i]));
  return parts.join(' ');
}
return { format: format, inspect: function (v) { return inspect(v); } };
})`
