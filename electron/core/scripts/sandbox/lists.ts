/**
 * Sandbox module `lists`: Postman's PropertyList as scripts use it, for headers, query
 * parameters and cookies. Members are {key, value} objects; `get` and `one` return the
 * last member of a name, as Postman does; header names are matched ignoring case and
 * `toObject` lower-cases them, with repeated names as arrays.
 */
export const LISTS_SOURCE = `(function (K) {
'use strict';
var O = Object;
function norm(item) {
  if (typeof item === 'string') {
    var at = item.indexOf(':');
    return at < 0 ? { key: item.trim(), value: '' } : { key: item.slice(0, at).trim(), value: item.slice(at + 1).trim() };
  }
  if (item === null || typeof item !== 'object') throw new TypeError('A list item is a {key, value} object');
  var out = { key: item.key === undefined ? String(item.name) : String(item.key), value: item.value === undefined || item.value === null ? item.value : String(item.value) };
  if (item.disabled) out.disabled = true;
  return out;
}
function List(items, caseInsensitive) { this.members = items.map(norm); this.ci = caseInsensitive; }
var P = List.prototype;
P.same = function (a, b) { return this.ci ? String(a).toLowerCase() === String(b).toLowerCase() : String(a) === String(b); };
P.one = function (key) {
  for (var i = this.members.length - 1; i >= 0; i--) if (this.same(this.members[i].key, key)) return this.members[i];
  return undefined;
};
P.get = function (key) { var m = this.one(key); return m ? m.value : undefined; };
P.has = function (key, value) {
  var self = this;
  return this.members.some(function (m) { return self.same(m.key, key) && (value === undefined || m.value === value); });
};
P.all = function () { return this.members.slice(); };
P.count = function () { return this.members.length; };
P.idx = function (i) { return this.members[i]; };
P.each = function (fn, ctx) { this.members.slice().forEach(function (m) { fn.call(ctx, m); }); };
P.map = function (fn, ctx) { return this.members.map(function (m) { return fn.call(ctx, m); }); };
P.filter = function (fn, ctx) { return this.members.filter(function (m) { return fn.call(ctx, m); }); };
P.find = function (fn, ctx) { return this.members.find(function (m) { return fn.call(ctx, m); }); };
P.reduce = function (fn, acc, ctx) { return this.members.reduce(function (a, m) { return fn.call(ctx, a, m); }, acc); };
P.add = function (item) { this.members.push(norm(item)); };
P.append = P.add;
// The index of a member (or of the member a name finds, as one() does); -1 when absent.
P.indexOf = function (item) {
  if (item !== null && typeof item === 'object') { var at = this.members.indexOf(item); if (at >= 0) return at; item = item.key; }
  return this.members.indexOf(this.one(item));
};
// Before (or after) a member or a name; at the end (insert) or the start (insertAfter)
// when that is not found, as Postman's PropertyList does.
P.insert = function (item, before) {
  var at = before === undefined ? -1 : this.indexOf(before);
  if (at < 0) this.members.push(norm(item)); else this.members.splice(at, 0, norm(item));
};
P.insertAfter = function (item, after) {
  var at = after === undefined ? -1 : this.indexOf(after);
  if (at < 0) this.members.unshift(norm(item)); else this.members.splice(at + 1, 0, norm(item));
};
P.prepend = function (item) { this.members.unshift(norm(item)); };
P.upsert = function (item) {
  var m = norm(item), found = this.one(m.key);
  if (found) { found.value = m.value; return false; }
  this.members.push(m);
  return true;
};
P.remove = function (what) {
  var self = this;
  this.members = this.members.filter(function (m) {
    return typeof what === 'function' ? !what(m) : !self.same(m.key, what !== null && typeof what === 'object' ? what.key : what);
  });
};
P.clear = function () { this.members = []; };
P.populate = function (items) { var self = this; (items || []).forEach(function (i) { self.add(i); }); };
P.repopulate = function (items) { this.clear(); this.populate(items); };
P.toObject = function (excludeDisabled, caseSensitive, multiValue) {
  var o = {}, lower = this.ci && !caseSensitive, multi = this.ci || multiValue;
  this.members.forEach(function (m) {
    if (excludeDisabled && m.disabled) return;
    var k = lower ? String(m.key).toLowerCase() : m.key;
    if (multi && O.prototype.hasOwnProperty.call(o, k)) {
      if (!Array.isArray(o[k])) K.define(o, k, [o[k]]);
      o[k].push(m.value);
    } else K.define(o, k, m.value);
  });
  return o;
};
P.toJSON = function () { return this.members.map(function (m) { return { key: m.key, value: m.value }; }); };
P.toString = function () {
  return this.members.filter(function (m) { return !m.disabled; }).map(function (m) { return m.key + ': ' + m.value; }).join('\\n');
};
P.enabled = function () { return this.members.filter(function (m) { return !m.disabled; }); };
return { list: function (items, caseInsensitive) { return new List(items, caseInsensitive); } };
})`
