import { VENDORED_FILES } from './libraries'

/**
 * The script API's core: pm.test, console, pm.info, pm.execution, timers, the globals
 * and require of Postman's sandbox and the names of what Courier does not support. It
 * loads the other sandbox modules (sandbox/modules.ts: pm.request, pm.response,
 * pm.sendRequest, old collections' globals and postman.* in sandbox/legacy.ts, chai for
 * pm.expect, ...) as it starts.
 *
 * It is evaluated once per sandbox instance, into the context every script then starts
 * from (see sandboxInstance.ts), as a function of `host`: `host(op, arg)` is the one
 * function the worker provides, never reachable from a script, and it can do nothing a
 * script cannot do through the API. The kernel returns the worker's handles: begin (the
 * run's data, as JSON text, and the response's body as a string of its own), explain (a
 * thrown value), fire (a timer), deliver (a pm.sendRequest answer), preload (a module,
 * while no script runs) and finish (the request and legacy `tests`, as JSON text).
 *
 * Plain ES2020 without template literals: this is a TypeScript string.
 */
export const KERNEL_SOURCE = `(function (host) {
'use strict';
var G = globalThis, O = Object, stringify = JSON.stringify, parse = JSON.parse, freeze = O.freeze, defineProperty = O.defineProperty;
// The script's data (kernel.begin): the event and the seed at once, the rest as JSON texts
// parsed when a script first reads them (a few microseconds each in QuickJS, and most test
// scripts read only the response), with no built-in a script could have replaced by then.
var event, runText = '', run = null, responseText = 'null', responseBody, response, responseRead = false;
var requestText = 'null', requestState = null;
// pm.info, pm.execution.location and the environment's name.
function runData() {
  if (run !== null) return run;
  var d = parse(runText), info = d.info, at = info.location || [], path = [];
  for (var i = 0; i < at.length; i++) path[i] = at[i];
  defineProperty(path, 'current', { value: d.current, enumerable: false });
  run = { environmentName: info.environmentName, location: freeze(path),
    info: freeze({ eventName: info.eventName, iteration: info.iteration, iterationCount: info.iterationCount,
      requestName: info.requestName, requestId: info.requestId }) };
  return run;
}
// The response without its body, and the body beside it (null: none, as in a pre-request script).
function responseData() {
  if (responseRead) return response;
  responseRead = true;
  response = parse(responseText);
  if (response !== null && responseBody !== undefined) response.body = responseBody;
  return response;
}
delete G.SharedArrayBuffer;

var mods = O.create(null), K;
// What require() gives, as Postman's sandbox: its libraries, then Node's built-in modules
// and the packages bundled for the sandbox (sandbox/libraries.ts).
var LIBRARIES = ['lodash', 'crypto-js', 'moment', 'uuid', 'chai', 'ajv', 'tv4'].concat(${JSON.stringify(Object.keys(VENDORED_FILES))});
// A module being loaded reads as undefined to itself: lodash reads the global '_' (its own
// lazy getter) while it starts.
var loading = O.create(null);
function use(name) {
  if (mods[name] || loading[name]) return mods[name];
  loading[name] = true;
  try { return (mods[name] = host('load', name)(K)); } finally { loading[name] = false; }
}

function requireModule(name) {
  name = String(name);
  if (name === 'atob' || name === 'btoa') return use('base64')[name];
  if (LIBRARIES.indexOf(name) >= 0) return use(name);
  throw new Error('require(' + stringify(name) + ') is not supported by Courier: scripts can require ' + LIBRARIES.join(', ') + ', atob, btoa only');
}

function define(target, key, value) {
  O.defineProperty(target, key, { value: value, writable: true, enumerable: true, configurable: true });
  return target;
}
function lazy(target, key, load) {
  O.defineProperty(target, key, { configurable: true, enumerable: true,
    get: function () { var v = load(); define(target, key, v); return v; },
    set: function (v) { define(target, key, v); } });
}
function unsupported(name) {
  return function () { throw new Error(name + ' is not supported by Courier'); };
}
function refuse(target, names, prefix) {
  names.forEach(function (name) {
    O.defineProperty(target, name, { enumerable: false, configurable: true, get: unsupported(prefix + name) });
  });
}
function describe(e) {
  if (e === null || e === undefined) return 'The script threw ' + e;
  if (e !== null && typeof e === 'object' && typeof e.message === 'string') {
    return e.name && e.name !== 'AssertionError' ? e.name + ': ' + e.message : e.message;
  }
  try { return String(e); } catch (_) { return 'a value that cannot be shown'; }
}
function isLimit(e) {
  return e instanceof InternalError && (e.message === 'out of memory' || e.message === 'stack overflow');
}
function fatal(e) { host('fail', kernel.explain(e)); }
function guard(f) { try { f(); } catch (e) { fatal(e); } }
class AssertionError extends Error {
  constructor(message) { super(message); this.name = 'AssertionError'; }
}

// What the sandbox modules get (sandbox/modules.ts).
var calls = O.create(null), callSeq = 0;
K = { host: host, use: use, require: requireModule, define: define, lazy: lazy, refuse: refuse, unsupported: unsupported,
  describe: describe, fatal: fatal, guard: guard, isLimit: isLimit, AssertionError: AssertionError, random: random,
  call: function (request, answer) { var id = ++callSeq; calls[id] = answer; host('send', stringify([id, request])); } };
var V = use('variables'), variables = V.variables;

// Tests: each reported when it starts (so the order holds) and when it settles. A test
// whose function returns at once reports both in one host call (a call costs ~12 us, and
// most tests are such): its start waits in kernel.unreported meanwhile, where the host
// reads it (as data, running nothing) if the function never returned: a limit stopped it.
var testCount = 0;
function flushStart() {
  var start = kernel.unreported;
  if (start === '') return;
  kernel.unreported = '';
  host('test', start);
}
function test(name, fn) {
  var index = testCount++, settled = false;
  name = String(name);
  // A test started inside another's function: the outer one's start goes first.
  flushStart();
  if (typeof fn !== 'function') { settled = true; host('test', stringify([index, name, true, null, true])); return pm; }
  var start = stringify([index, name]), wantsDone = fn.length > 0;
  function finish(error) {
    if (settled) return;
    settled = true;
    if (kernel.unreported === start) {
      kernel.unreported = '';
      host('test', stringify(error === undefined ? [index, name, true] : [index, name, false, error]));
    } else host('test', stringify(error === undefined ? [index, true] : [index, false, error]));
  }
  if (wantsDone) host('test', start); else kernel.unreported = start;
  var result;
  try {
    result = wantsDone ? fn(function (err) { finish(err === undefined || err === null ? undefined : describe(err)); }) : fn();
  } catch (e) {
    if (isLimit(e)) throw e;
    finish(describe(e));
    return pm;
  }
  if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
    flushStart();
    result.then(function () { if (!wantsDone) finish(); },
      function (e) { if (isLimit(e)) fatal(e); else finish(describe(e)); });
  } else if (!wantsDone) finish();
  return pm;
}
test.skip = function (name) {
  flushStart();
  host('test', stringify([testCount++, String(name), true, null, true]));
  return pm;
};

// Console: strings print as they are; anything else is formatted by the inspect module.
var lines = 0;
function logAt(level) {
  return function () {
    if (lines > 1000) return;
    var text;
    if (lines === 1000) { text = 'Console output stopped after 1,000 lines.'; level = 'warn'; }
    else {
      var plain = arguments.length > 0 && !(arguments.length > 1 && typeof arguments[0] === 'string' && arguments[0].indexOf('%') >= 0);
      for (var i = 0; plain && i < arguments.length; i++) plain = typeof arguments[i] === 'string';
      text = plain ? Array.prototype.join.call(arguments, ' ') : use('inspect').format(arguments);
    }
    lines++;
    if (text.length > 10000) text = text.slice(0, 10000) + '... (' + (text.length - 10000) + ' more characters)';
    host('log', stringify([level, text]));
  };
}
var console = {
  log: logAt('log'), info: logAt('info'), warn: logAt('warn'), error: logAt('error'),
  debug: logAt('log'), trace: logAt('log'), dir: logAt('log'),
  assert: function (ok) { if (!ok) logAt('error').apply(null, ['Assertion failed:'].concat([].slice.call(arguments, 1))); },
};

// Timers: the worker waits for them (within the script's time limit) before the script ends.
var timers = O.create(null), timerSeq = 0;
function setTimeout(fn, ms) {
  if (typeof fn !== 'function') throw new TypeError('setTimeout needs a function');
  var id = ++timerSeq, args = [].slice.call(arguments, 2);
  timers[id] = function () { fn.apply(undefined, args); };
  host('timer', stringify([id, Number(ms) || 0]));
  return id;
}
function clearTimeout(id) {
  if (!(id in timers)) return;
  delete timers[id];
  host('untimer', String(id));
}
// An interval is a timer that arms itself again before each call (so the call may clear
// it); as in Postman's sandbox, one never cleared keeps the script waiting to its limit.
function setInterval(fn, ms) {
  if (typeof fn !== 'function') throw new TypeError('setInterval needs a function');
  var id = ++timerSeq, args = [].slice.call(arguments, 2), arm = stringify([id, Number(ms) || 0]);
  var tick = function () { timers[id] = tick; host('timer', arm); fn.apply(undefined, args); };
  timers[id] = tick;
  host('timer', arm);
  return id;
}
function setImmediate(fn) {
  if (typeof fn !== 'function') throw new TypeError('setImmediate needs a function');
  return setTimeout.apply(undefined, [fn, 0].concat([].slice.call(arguments, 1)));
}

var nextRequest = function (name) { host('next', stringify(name === undefined ? null : name === null ? null : String(name))); };
var execution = {
  setNextRequest: nextRequest,
  skipRequest: function () {
    if (event !== 'prerequest') throw new Error('pm.execution.skipRequest() works only in a pre-request script');
    host('skip', '');
  },
};
refuse(execution, ['runRequest'], 'pm.execution.');
// The request's place (collection, folders, request), and whose script runs, as Postman's.
O.defineProperty(execution, 'location', { enumerable: true, get: function () { return runData().location; } });

var api = {
  test: test, variables: variables, execution: execution,
  environment: V.scope('environment', 'pm.environment'), globals: V.scope('globals', 'pm.globals'),
  collectionVariables: V.scope('collection', 'pm.collectionVariables'),
  iterationData: V.scope('iterationData', 'pm.iterationData'),
  expect: function (value, message) { return use('chai').expect(value, message); },
  sendRequest: function (request, callback) { return use('send')(request, callback); },
};
api.expect.fail = function () { var e = use('chai').expect; return e.fail.apply(e, arguments); };
O.defineProperty(api, 'info', { enumerable: true, get: function () { return runData().info; } });
// The active environment's name, as newman gives an environment file's (undefined: none).
O.defineProperty(api.environment, 'name', { configurable: true, get: function () { return runData().environmentName; } });
lazy(api, 'request', function () { requestState = use('request')(parse(requestText)); return requestState.request; });
lazy(api, 'response', function () { var r = responseData(); return r ? use('response').makeResponse(r) : undefined; });
lazy(api, 'cookies', function () { var r = responseData(); return use('response').cookiesOf(r ? r.headers : []); });
// Postman's checks, so a bad call fails as there; newman ignores what a visualization
// would draw, and so does Courier, saying so in the console rather than failing the script.
api.visualizer = {
  set: function (template, data, options) {
    if (typeof template !== 'string') throw new Error('Invalid template. Template must be of type string, found ' + typeof template);
    if (data && typeof data !== 'object') throw new Error('Invalid data. Data must be an object, found ' + typeof data);
    if (options && typeof options !== 'object') throw new Error('Invalid options. Options must be an object, found ' + typeof options);
    console.info('pm.visualizer.set(): Courier does not draw visualizations; this one is not shown.');
  },
  clear: function () {},
};
refuse(api, ['vault', 'require'], 'pm.');
var pm = new Proxy(api, {
  get: function (target, key) {
    if (typeof key !== 'string' || key in target || key === 'then' || key === 'toJSON') return target[key];
    throw new Error('pm.' + key + ' is not supported by Courier');
  },
});

var globals = {
  // Insomnia's script API is modelled on Postman's: imported Insomnia scripts run as written.
  pm: pm, courier: pm, insomnia: pm, console: console, tests: {},
  setTimeout: setTimeout, clearTimeout: clearTimeout, setInterval: setInterval, clearInterval: clearTimeout,
  setImmediate: setImmediate, clearImmediate: clearTimeout,
  // The libraries Postman's sandbox lends by name (sandbox/libraries.ts); nothing else.
  require: requireModule,
};
for (var g in globals) define(G, g, globals[g]);
// Libraries Postman's sandbox has as globals: lodash, crypto-js and tv4 load on first use
// (as xml2Json, cheerio and Buffer do, below).
[['_', 'lodash'], ['CryptoJS', 'crypto-js'], ['tv4', 'tv4']].forEach(function (l) {
  O.defineProperty(G, l[0], { configurable: true, enumerable: true,
    get: function () { if (loading[l[1]]) return undefined; var v = use(l[1]); define(G, l[0], v); return v; },
    set: function (v) { define(G, l[0], v); } });
});
lazy(G, 'cheerio', function () { return use('cheerio'); });
lazy(G, 'Buffer', function () { return use('buffer').Buffer; });
['atob', 'btoa'].forEach(function (n) { lazy(G, n, function () { return use('base64')[n]; }); });
lazy(G, 'xml2Json', function () { return use('xml2Json'); });
// The globals and postman.* of collections older than pm.* (sandbox/legacy.ts).
K.api = api;
K.info = function () { return runData().info; };
use('legacy');

// Math.random's seed would be the same in every script (they all start from one copy of
// memory): it is replaced by sfc32, seeded per run by the host.
var seed = [1, 2, 3, 4];
function random() {
  var a = seed[0] >>> 0, b = seed[1] >>> 0, c = seed[2] >>> 0, d = seed[3] >>> 0;
  var t = (a + b | 0) + d | 0;
  d = d + 1 | 0;
  a = b ^ (b >>> 9);
  b = c + (c << 3) | 0;
  c = (c << 21) | (c >>> 11);
  c = c + t | 0;
  seed[0] = a; seed[1] = b; seed[2] = c; seed[3] = d;
  return (t >>> 0) / 4294967296;
}
O.defineProperty(Math, 'random', { value: random, writable: true, configurable: true });

// chai (for pm.expect) is not compiled here, where every start would pay for it: the host
// adds it to the state scripts start from once a process runs scripts (SandboxInstance
// addChai), and a script that needs it before then loads it into its own context.
['lists', 'inspect', 'base64', 'response', 'request', 'send'].forEach(use);

var kernel = {
  // A test's start not yet reported (see test): JSON text, or ''.
  unreported: '',
  begin: function (text, body) {
    // Parts after a \\x01 each (runScripts.ts): the event, the seed, then JSON texts (which
    // never hold a raw \\x01) of the run's data, the response, the request and the variables.
    var parts = text.split('\\x01'), s = parts[1].split(',');
    event = parts[0];
    seed = [+s[0], +s[1], +s[2], +s[3]];
    runText = parts[2];
    run = null;
    responseText = parts[3];
    responseBody = body;
    responseRead = false;
    requestText = parts[4];
    V.begin(parts[5]);
  },
  explain: function (e) {
    try { return stringify([describe(e), e !== null && typeof e === 'object' ? String(e.stack || '') : '', isLimit(e) ? e.message : e === null ? 'null' : '']); }
    catch (_) { return stringify(['The script threw a value that cannot be shown', '', '']); }
  },
  fire: function (id) { var f = timers[id]; delete timers[id]; if (f) guard(f); },
  deliver: function (id, json) { var f = calls[id]; delete calls[id]; if (f) f(parse(json)); },
  preload: function (name) { use(name); },
  finish: function () {
    var legacy = [], t = G.tests;
    if (t !== null && typeof t === 'object') for (var k in t) legacy.push([k, !!t[k]]);
    return stringify([requestState ? requestState.snapshot() : null, legacy]);
  },
};
return kernel;
})`
