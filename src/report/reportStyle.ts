// The HTML report's stylesheet, inlined into every report so the file is self-contained.
// media/report.css is a byte-for-byte copy for the VS Code webview; a unit test keeps them equal.
export const REPORT_CSS = `/* Privacy Review report and data map. Source: src/report/reportStyle.ts (REPORT_CSS);
   media/report.css is an exact copy for the webview, kept equal by a unit test. */
:root {
  color-scheme: light dark;
  --fg: #1f2328;
  --muted: #59636e;
  --bg: #ffffff;
  --panel: #f6f8fa;
  --border: #d1d9e0;
  --accent: #0969da;
  --error: #cf222e;
  --warning: #9a6700;
  --info: #0550ae;
  --hit: #fff8c5;
  --cell-hot: #ffebe9;
  --cell-ok: #dafbe1;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3;
    --muted: #9198a1;
    --bg: #0d1117;
    --panel: #151b23;
    --border: #3d444d;
    --accent: #4493f8;
    --error: #f85149;
    --warning: #d29922;
    --info: #4493f8;
    --hit: #3b2e00;
    --cell-hot: #3c1618;
    --cell-ok: #12261e;
  }
}
[hidden] { display: none !important; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font: 14px/1.5 var(--font); color: var(--fg); background: var(--bg); }
h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid var(--border); padding-bottom: 0.25rem; }
code, pre { font-family: var(--mono); font-size: 12.5px; }
.summary { color: var(--muted); margin: 0; }
.summary strong { color: var(--fg); }

/* The data map: categories down, sink kinds across. */
table.data-map { border-collapse: collapse; width: 100%; table-layout: fixed; }
.data-map th, .data-map td { border: 1px solid var(--border); padding: 0; text-align: left; vertical-align: top; }
.data-map thead th { background: var(--panel); padding: 0.5rem 0.75rem; font-weight: 600; }
.data-map tbody th { padding: 0.5rem 0.75rem; font-weight: 600; width: 28%; }
.data-map .fideslang { display: block; font: 11px var(--mono); color: var(--muted); font-weight: normal; }
.data-map .cell { display: block; width: 100%; min-height: 3.5rem; padding: 0.5rem 0.75rem; border: 0; background: transparent; color: inherit; font: inherit; text-align: left; }
.data-map button.cell { cursor: pointer; }
.data-map button.cell:hover, .data-map button.cell:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
.data-map .cell[aria-pressed="true"] { outline: 2px solid var(--accent); outline-offset: -2px; }
.data-map td.hot { background: var(--cell-hot); }
.data-map td.declared { background: var(--cell-ok); }
.data-map .count { font-size: 1.25rem; font-weight: 700; margin-right: 0.25rem; }
.data-map .flows, .data-map .baselined-count { color: var(--muted); font-size: 12px; }
.data-map .retention { display: block; font-size: 12px; }
.data-map .retention.none { color: var(--error); }
.data-map .retention.quiet, .data-map .count.zero { color: var(--muted); font-weight: normal; }
.data-map .retention.forbidden { color: var(--error); font-weight: 600; }

/* The findings list. */
.filter-bar { display: flex; gap: 0.75rem; align-items: center; margin-bottom: 0.5rem; color: var(--muted); }
.filter-bar button { font: inherit; padding: 0.15rem 0.6rem; border: 1px solid var(--border); border-radius: 6px; background: var(--panel); color: var(--fg); cursor: pointer; }
ol.findings { list-style: none; padding: 0; margin: 0; }
.finding { border: 1px solid var(--border); border-radius: 6px; padding: 0.6rem 0.8rem; margin-bottom: 0.6rem; }
.finding-head { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; }
.location { font-family: var(--mono); font-weight: 600; overflow-wrap: anywhere; }
.rule { color: var(--muted); }
.severity { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; }
.severity-error .severity { color: var(--error); }
.severity-warning .severity { color: var(--warning); }
.severity-info .severity { color: var(--info); }
.badge { font-size: 11px; border: 1px solid var(--border); border-radius: 999px; padding: 0 0.5rem; color: var(--muted); }
.message { margin: 0.35rem 0; overflow-wrap: anywhere; }
.meta { margin: 0.25rem 0; color: var(--muted); font-size: 12px; }
pre.excerpt { margin: 0.4rem 0 0; padding: 0.4rem 0; background: var(--panel); border-radius: 6px; overflow-x: auto; }
pre.excerpt .line { display: block; padding: 0 0.75rem; white-space: pre; }
pre.excerpt .line.hit { background: var(--hit); }
pre.excerpt .ln { display: inline-block; min-width: 3.5ch; margin-right: 1ch; color: var(--muted); text-align: right; user-select: none; }
ul.related { margin: 0.35rem 0 0; padding-left: 1.2rem; color: var(--muted); font-size: 12px; }
.empty { color: var(--muted); }
details { margin-top: 0.5rem; }
footer { margin-top: 2rem; color: var(--muted); font-size: 12px; }
`;
