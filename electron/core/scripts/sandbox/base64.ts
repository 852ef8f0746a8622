/**
 * Sandbox module `base64`: atob and btoa, which Postman scripts use for Basic auth and
 * tokens and QuickJS does not have. As in browsers, btoa takes Latin-1 text only.
 */
export const BASE64_SOURCE = `(function () {
'use strict';
var A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function btoa(s) {
  s = String(s);
  var out = '';
  for (var i = 0; i < s.length; i += 3) {
    var a = s.charCodeAt(i), b = s.charCodeAt(i + 1), c = s.charCodeAt(i + 2);
    if (a > 255 || b > 255 || c > 255) throw new Error('btoa: the text has characters outside Latin-1; encode it as UTF-8 first');
    var n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += A[n >> 18] + A[(n >> 12) & 63] + (i + 1 < s.length ? A[(n >> 6) & 63] : '=') + (i + 2 < s.length ? A[n & 63] : '=');
  }
  return out;
}
function atob(s) {
  s = String(s).replace(/[\\t\\n\\f\\r ]/g, '');
  if (s.length % 4 === 0) s = s.replace(/==?$/, '');
  if (s.length % 4 === 1 || /[^A-Za-z0-9+\\/]/.test(s)) throw new Error('atob: the text is not valid base64');
  var out = '', bits = 0, acc = 0;
  for (var i = 0; i < s.length; i++) {
    acc = (acc << 6) | A.indexOf(s[i]);
    bits += 6;
    if (bits >= 8) { bits -= 8; out += String.fromCharCode((acc >> bits) & 255); }
  }
  return out;
}
return { atob: atob, btoa: btoa };
})`
