//go:build js && wasm

package main

// panelCSS styles the panel inside its shadow root. The host element is in
// the page's DOM, so page rules such as `* { display: none !important }`
// match it; `!important` declarations of the shadow root's own :host rule win
// over the page's (CSS Cascade 4: for important rules the inner context wins),
// and `all: initial` stops inherited page styles (font-size: 0, colours).
const panelCSS = `
:host{all:initial!important;display:block!important;visibility:visible!important;opacity:1!important;
 position:static!important;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif!important;
 color-scheme:light dark;margin:8px 0!important;max-width:44em!important}
:host{--bg:#fff;--fg:#1d2330;--muted:#5a6270;--line:#d9dde3;--good:#13703a;--ok:#8f5600;--poor:#c2261f;--track:#e8ebef;--focus:#1a5fd0;--capbg:#fdf0ef}
@media (prefers-color-scheme:dark){:host{--bg:#161a21;--fg:#e8eaee;--muted:#a4abb8;--line:#333a46;--good:#4cc27a;--ok:#f0a742;--poor:#ff6b61;--track:#2a303b;--focus:#7eb0ff;--capbg:#2b1716}}
*{box-sizing:border-box}
.panel{display:block;background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.head{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:baseline;justify-content:space-between}
.score{display:flex;flex-wrap:wrap;gap:6px;align-items:baseline}
.num{font-size:32px;font-weight:700;line-height:1}
.of{color:var(--muted)}
.rating,.crating{text-transform:uppercase;font-size:12px;font-weight:700;letter-spacing:.04em}
.r-good{--c:var(--good)}.r-ok{--c:var(--ok)}.r-poor{--c:var(--poor)}.r-none{--c:var(--muted)}
.note{flex-basis:100%;margin:2px 0 0}
.caps{margin:12px 0 0;padding:8px 12px;background:var(--capbg);border:1px solid var(--poor);border-left-width:4px;border-radius:6px}
.caps h2{color:var(--poor);margin:0 0 4px}
.capnote{margin:0 0 6px}
.cap{position:relative;margin:6px 0 0;padding-left:18px}
.cap::before{content:"";position:absolute;left:2px;top:.45em;width:9px;height:9px;border-radius:2px;background:var(--poor)}
.reason{display:block;font-weight:600}
.from{display:block;color:var(--muted);font-size:12px}
.rating,.crating,.val{color:var(--c,var(--muted))}
.picker{display:flex;gap:6px;align-items:center;color:var(--muted)}
select,button{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:3px 8px;cursor:pointer}
:focus-visible{outline:2px solid var(--focus);outline-offset:2px}
h2{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:14px 0 6px}
ul{list-style:none;margin:0;padding:0}
.check{padding:8px 8px 8px 10px;border-left:4px solid var(--c);border-radius:4px;margin:0 0 6px}
.check:hover,.check:focus-within,.check:focus{background:var(--track)}
.row{display:flex;gap:8px;align-items:center}
.light{width:12px;height:12px;border-radius:50%;background:var(--c);flex:none}
.name{font-weight:600;flex:1}
.cscore{font-variant-numeric:tabular-nums;color:var(--muted)}
.msg,.sug{margin:4px 0 0 20px}
.sug{color:var(--muted)}
.sug::before{content:"→ "}
.dismiss,.restore{margin:6px 0 0 20px;font-size:12px;padding:2px 8px}
.dismissed summary{cursor:pointer;color:var(--muted);margin-top:6px}
.dismissed li{display:flex;gap:8px;align-items:center;margin:4px 0}
.dismissed .restore{margin:0}
.bars li{display:grid;grid-template-columns:7.5em 1fr 2.5em;grid-template-areas:"l t v" "d t v";column-gap:8px;align-items:center;margin:0 0 6px}
.label{grid-area:l;font-weight:600}
.detail{grid-area:d;color:var(--muted);font-size:12px}
.track{grid-area:t;display:block;height:8px;background:var(--track);border-radius:4px;overflow:hidden}
.fill{display:block;height:100%;background:var(--c)}
.val{grid-area:v;text-align:right;font-variant-numeric:tabular-nums}
li[aria-current] .label::after{content:" (target)";font-weight:400;color:var(--muted)}
.foot{color:var(--muted);font-size:12px;margin:10px 0 0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
[hidden]{display:none}
`

// mirrorCSS styles the highlight mirror laid over a textarea or input. Its
// position comes in custom properties set on the host element: `all`
// resets every other property, inline styles included, but not those.
const mirrorCSS = `
:host{all:initial!important;display:block!important;position:absolute!important;z-index:2147483646!important;pointer-events:none!important;overflow:hidden!important;margin:0!important;
 left:var(--ss-left)!important;top:var(--ss-top)!important;width:var(--ss-width)!important;height:var(--ss-height)!important}
.mirror{display:block;overflow:hidden;white-space:pre-wrap;overflow-wrap:break-word;color:transparent;border-style:solid;border-color:transparent;background:transparent;margin:0}
mark{color:transparent;background:rgba(255,190,0,.45);border-radius:2px}
@media (prefers-color-scheme:dark){mark{background:rgba(255,200,60,.35)}}
`
