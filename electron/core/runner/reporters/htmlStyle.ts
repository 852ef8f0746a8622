/**
 * The HTML report's whole style sheet, inlined: the file is opened from disk, mailed or
 * kept as a CI artifact, so it loads nothing (no font, no script, no image).
 */
export const HTML_REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1d1d1f; --muted: #5f6368; --bg: #ffffff; --panel: #f5f6f8;
  --line: #d9dce1; --pass: #137333; --fail: #b3261e; --warn: #8a5a00; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8eaed; --muted: #a8adb4; --bg: #17181a;
  --panel: #222428; --line: #3a3d42; --pass: #81c995; --fail: #f28b82; --warn: #fdd663; } }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg); background: var(--bg); }
main { max-width: 1100px; margin: 0 auto; padding: 24px 16px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 14px; margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.muted, .meta { color: var(--muted); }
.end { font-weight: 600; }
.end.completed { color: var(--pass); }
.end.early { color: var(--warn); }
table { border-collapse: collapse; }
th, td { text-align: left; padding: 4px 12px 4px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.failed-n { color: var(--fail); font-weight: 600; }
dl.figures { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; }
dl.figures dt { color: var(--muted); }
dl.figures dd { margin: 0; }
ol.failures li { margin-bottom: 8px; }
ol.failures .why, .tests .why { white-space: pre-wrap; overflow-wrap: anywhere; }
ol.executions { list-style: none; padding: 0; margin: 0; }
li.execution { border: 1px solid var(--line); border-left: 4px solid var(--pass); border-radius: 6px;
  padding: 8px 12px; margin-bottom: 8px; background: var(--panel); }
li.execution.failed { border-left-color: var(--fail); }
.pass { color: var(--pass); }
.fail, .error { color: var(--fail); }
ul.tests { margin: 6px 0; padding-left: 18px; }
details { margin-top: 6px; }
summary { cursor: pointer; color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
pre { margin: 6px 0 0; padding: 8px; background: var(--bg); border: 1px solid var(--line); border-radius: 4px;
  white-space: pre-wrap; overflow-wrap: anywhere; max-height: 480px; overflow: auto; font-size: 12px; }
`
