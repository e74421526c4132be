/** Styles of the passage-note card and the selection's two buttons, added to OVERLAY_CSS in our shadow root. */
export const NOTE_CARD_CSS = `
.note-card .card-kind { color: #6b5300; }
.note-card blockquote { max-height: 8em; overflow: auto; }
.note-text { margin: 6px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.tag-list { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px; }
.tag-list li { font-size: 12px; background: #eef0f4; color: #39414f; border-radius: 10px; padding: 0 8px; }
.about { margin: 6px 0 2px; }
.choices p { margin: 6px 0 2px; }
.choice-list { list-style: none; padding: 0; margin: 2px 0; display: flex; flex-direction: column; gap: 4px; }
button.chip { text-align: left; width: 100%; background: #fff; }
button.link { border: none; background: none; padding: 0 2px; color: #b3261e; text-decoration: underline; font-size: 12px; }
.field { display: flex; flex-direction: column; gap: 2px; margin-top: 6px; color: #39414f; }
.field input { font: inherit; font-size: 13px; padding: 4px 6px; border: 1px solid #9aa3b2; border-radius: 6px; color: #1d2330; background: #fff; }
input:focus-visible { outline: 2px solid #b3261e; outline-offset: 2px; }
.undo-bar { display: flex; gap: 8px; align-items: center; margin: 8px 0 0; }
.note-here { margin-top: 6px; padding: 6px 12px; display: flex; gap: 8px; align-items: center; justify-content: space-between; width: 360px; max-width: calc(100vw - 16px); background: #fffbe6; border: 1px solid #e8d48a; border-radius: 8px; pointer-events: auto; }
.pill { display: flex; overflow: hidden; }
/* What a keyboard step reached: a tab on the card's top edge. */
.reached { display: block; width: max-content; margin: 0 0 0 10px; padding: 1px 10px; border-radius: 6px 6px 0 0; background: #1d2330; color: #fff; font-size: 12px; line-height: 1.6; pointer-events: auto; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.hl-swatch { display: inline-block; width: 0.8em; height: 0.8em; vertical-align: -0.05em; background: #fff59d; border: 1px solid #8a6d00; border-radius: 2px; }
.pill button + button { border-left: 1px solid rgba(255,255,255,.5); border-radius: 0 16px 16px 0; background: #6b5300; }
.pill button:first-child:not(:last-child) { border-radius: 16px 0 0 16px; }
`;
