/** Styles for our UI inside the shadow root; nothing here can reach the page. */
export const OVERLAY_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; font: 14px/1.5 system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; color: #1d2330; }
.floating { position: fixed; pointer-events: auto; }
.card, .pill, .panel { pointer-events: auto; background: #fff; color: #1d2330; border: 1px solid #c9ced8; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.18); }
.card { width: 360px; max-width: calc(100vw - 16px); max-height: min(70vh, 520px); overflow: auto; padding: 10px 12px 12px; }
.card-head { display: flex; justify-content: space-between; align-items: center; }
.card-kind { font-size: 12px; color: #b3261e; font-weight: 600; letter-spacing: .05em; }
.card-title { font-size: 16px; margin: 2px 0 8px; line-height: 1.4; font-weight: 700; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0 0 6px; }
dt { color: #5b6475; } dd { margin: 0; }
.muted { color: #5b6475; } .small { font-size: 12px; }
.source { margin: 4px 0; font-size: 13px; }
a { color: #b3261e; }
details { margin: 4px 0; } summary { cursor: pointer; color: #39414f; font-size: 13px; }
ul { margin: 4px 0; padding-left: 18px; }
.status { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 12px; font-weight: 600; }
.status-completed { background: #c8f0cf; color: #0a2410; }
.status-in_progress { background: #ffe2a8; color: #2e1c00; }
.status-not_started, .status-unknown { background: #e4e6eb; color: #1d2330; }
.actions { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-top: 8px; }
button { font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 6px; border: 1px solid #9aa3b2; background: #f5f6f8; color: #1d2330; cursor: pointer; }
button[aria-pressed="true"] { background: #fde8e6; border-color: #b3261e; color: #7a1410; }
button:disabled { opacity: .5; cursor: default; }
button.icon { border: none; background: none; font-size: 18px; line-height: 1; padding: 2px 6px; }
button:focus-visible, a:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 2px solid #b3261e; outline-offset: 2px; }
textarea { width: 100%; font: inherit; padding: 6px; border: 1px solid #9aa3b2; border-radius: 6px; resize: vertical; color: #1d2330; background: #fff; }
blockquote { margin: 6px 0; padding: 4px 8px; border-left: 3px solid #fbc02d; background: #fffbe6; }
.note-editor { margin-top: 8px; }
.pill { padding: 0; border-radius: 16px; }
.pill button { border: none; background: #b3261e; color: #fff; border-radius: 16px; padding: 4px 12px; }
.panel { position: fixed; width: 340px; padding: 10px 12px; right: 12px; bottom: 12px; }
.error { color: #8c1d18; }
.legend { list-style: none; padding: 0; margin: 4px 0; font-size: 12px; display: flex; flex-wrap: wrap; gap: 2px 10px; }
.legend .swatch { display: inline-block; padding: 0 4px; border-radius: 3px; font-size: 11px; line-height: 1.5; }
.disagreement { margin: 6px 0; padding: 4px 8px; border-left: 3px solid #e08600; background: #fff4e0; color: #3d2600; }
`;
