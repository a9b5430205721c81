// The Sweetspot console (issue 13): the whole product in the browser. Plain
// ES modules, no framework and no build step: the DOM helper below (h) is
// all the UI layer there is. Every value from the API is set as text or as
// an attribute, never parsed as HTML. The admin key stays in this tab
// (sessionStorage) and goes to this origin's API only, as a bearer token.
import { pages } from './resources.js';
import { insightsPage } from './insights.js';

const KEY = 'sweetspot.adminKey'; // shared with the old dashboard page
const SVGNS = 'http://www.w3.org/2000/svg';

// h builds an element: h('button', {class: 'primary', onclick: f}, 'Save').
// Attributes starting with "on" become listeners; value, checked, hidden
// and selected are set as properties; children may be strings, nodes,
// arrays or null.
export function h(tag, attrs, ...children) {
  const svg = tag.startsWith('svg:');
  const el = svg ? document.createElementNS(SVGNS, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (!svg && (k === 'value' || k === 'checked' || k === 'hidden' || k === 'selected')) el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  add(el, children);
  return el;
}
function add(el, c) {
  if (c == null || c === false) return;
  if (Array.isArray(c)) c.forEach((x) => add(el, x));
  else el.append(c instanceof Node ? c : String(c));
}

let uid = 0;
// field is a labelled control: field('Name', h('input', {...})).
export function field(label, control, hint) {
  const id = control.id || (control.id = 'f' + ++uid);
  let hintEl = null;
  if (hint) {
    hintEl = h('span', { class: 'hint', id: id + '-hint' }, hint);
    control.setAttribute('aria-describedby', hintEl.id);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
}

export function key() { return sessionStorage.getItem(KEY) || ''; }

// api calls the HTTP API with the admin key; errors carry the API's message
// and the field it names.
export async function api(method, path, body) {
  const init = { method, headers: { Authorization: 'Bearer ' + key() } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  const r = await fetch(path, init);
  if (r.status === 204) return null;
  const text = await r.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { /* not JSON (an SVG) */ data = text; }
  if (!r.ok) {
    const e = (data && data.error) || {};
    const err = new Error((e.message || r.statusText || 'request failed') + (e.field ? ' (' + e.field + ')' : ''));
    err.status = r.status;
    err.field = e.field;
    if (r.status === 401) signOut('Your key was refused: sign in again.');
    throw err;
  }
  return data;
}

// all reads every page of a list.
export async function all(path) {
  let items = [], cursor = '';
  do {
    const sep = path.includes('?') ? '&' : '?';
    const r = await api('GET', path + sep + 'limit=100' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
    items = items.concat(r.items || []);
    cursor = r.next_cursor || '';
  } while (cursor);
  return items;
}

// say shows a message in the live region (announced to screen readers).
export function say(msg, isError) {
  const t = document.getElementById('toast');
  t.className = isError ? 'error' : '';
  t.textContent = msg || '';
  if (msg && !isError) setTimeout(() => { if (t.textContent === msg) t.textContent = ''; }, 6000);
}
export function fail(e) { say(e.message || String(e), true); }

// csv turns rows (arrays) into RFC 4180 text; cells that a spreadsheet
// would run as a formula are prefixed with a quote.
export function csv(head, rows) {
  const cell = (v) => {
    let s = v == null ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s)) s = "'" + s;
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  return [head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

// download saves text or a Blob as a file.
export function download(name, data, type) {
  const blob = data instanceof Blob ? data : new Blob([data], { type: type || 'text/csv;charset=utf-8' });
  const a = h('a', { href: URL.createObjectURL(blob), download: name, hidden: true });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

// table renders a data table with a caption and a CSV download of exactly
// what it shows. Cells may be nodes (links, buttons); their text goes to
// the CSV.
export function table(caption, head, rows, file) {
  const text = (c) => (c instanceof Node ? c.textContent : c);
  const t = h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, head.map((x, i) => h('th', { scope: 'col', class: i ? null : 'l' }, x)))),
    h('tbody', {}, rows.length ? rows.map((r) => h('tr', {}, r.map((c, i) => i ? h('td', {}, c) : h('th', { scope: 'row', class: 'l' }, c))))
      : h('tr', {}, h('td', { colspan: head.length, class: 'l muted' }, 'Nothing yet.'))));
  const name = (file || caption).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') + '.csv';
  const btn = h('button', { type: 'button', onclick: () => download(name, csv(head, rows.map((r) => r.map(text)))) },
    'Download CSV', h('span', { class: 'sr-only' }, ' of ' + caption));
  return h('div', { class: 'table' }, t, h('div', { class: 'tools' }, btn));
}

export function date(s) { return s ? new Date(s).toLocaleString() : ''; }

// --- sign-in, navigation, routing -------------------------------------

const NAV = [['insights', 'Insights'], ['communities', 'Communities'], ['partners', 'Partners'], ['offers', 'Offers'],
  ['links', 'Tracked links'], ['keys', 'Keys'], ['workspace', 'Workspace'], ['data', 'Your data']];

function signOut(msg) {
  sessionStorage.removeItem(KEY);
  location.hash = '#/';
  render().then(() => msg && say(msg, true));
}

function signIn(main) {
  const input = h('input', { type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const form = h('form', { class: 'card', onsubmit: async (ev) => {
    ev.preventDefault();
    sessionStorage.setItem(KEY, input.value.trim());
    try {
      const ws = await api('GET', '/v1/workspace');
      say('Signed in to ' + ws.name + '.');
      location.hash = '#/insights';
      render();
    } catch (e) {
      sessionStorage.removeItem(KEY);
      fail(e);
      input.focus();
    }
  } },
  field('Admin key', input, 'It stays in this browser tab only (sessionStorage) and is sent to this site\'s API only. `make dev` prints one.'),
  h('div', { class: 'row' }, h('button', { class: 'primary' }, 'Sign in')));
  main.replaceChildren(h('h1', {}, 'Sign in'), h('p', {}, 'Sweetspot: your communities, partners and offers, engagement over time and the fit of every draft.'), form);
}

function nav(current) {
  const n = document.getElementById('nav');
  n.hidden = false;
  n.replaceChildren(h('ul', {}, NAV.map(([id, label]) =>
    h('li', {}, h('a', { href: '#/' + id, 'aria-current': id === current ? 'page' : null }, label))),
  h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => signOut() }, 'Sign out'))));
}

const routes = { insights: insightsPage, ...pages };
let renders = 0;

export async function render() {
  const main = document.getElementById('main');
  const [, section = 'insights', ...rest] = location.hash.replace(/^#/, '').split('/');
  if (!key()) {
    document.getElementById('nav').hidden = true;
    document.title = 'Sign in · Sweetspot console';
    return signIn(main);
  }
  const page = routes[section] || routes.insights;
  nav(routes[section] ? section : 'insights');
  main.replaceChildren(h('p', {}, 'Loading…'));
  // Only the latest render writes the page: an earlier, slower one (a
  // hash changed while it loaded) is dropped.
  const mine = ++renders;
  try {
    const nodes = await page(rest.map(decodeURIComponent));
    if (mine !== renders) return;
    main.replaceChildren(...[].concat(nodes).filter((n) => n instanceof Node));
  } catch (e) {
    if (mine !== renders) return;
    main.replaceChildren(h('h1', {}, 'Something went wrong'), h('p', { class: 'error-text' }, e.message));
  }
  const h1 = main.querySelector('h1');
  document.title = (h1 ? h1.textContent + ' · ' : '') + 'Sweetspot console';
}

// go navigates and moves focus to the new page's main landmark, so a
// screen reader announces where the user landed.
export function go(hash) {
  if (location.hash === hash) render(); else location.hash = hash;
}

window.addEventListener('hashchange', async () => {
  say('');
  await render();
  document.getElementById('main').focus();
});
render();
