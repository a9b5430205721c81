// Unit test of site/dashboard.js with a minimal DOM shim: the admin key
// stays in sessionStorage and goes only to the API as a bearer token, and
// every value from the API is rendered as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const source = readFileSync(new URL('../../../site/dashboard.js', import.meta.url), 'utf8');

class Node {
  constructor(tag) { this.tag = tag; this.children = []; this.attrs = {}; this.listeners = {}; this._text = ''; this.hidden = false; }
  set innerHTML(v) { throw new Error('innerHTML must never be used: ' + v); }
  set textContent(v) { this._text = String(v); this.children = []; }
  get textContent() { return this._text + this.children.map((c) => c.textContent).join(''); }
  appendChild(c) { this.children.push(c); return c; }
  replaceChildren(...cs) { this.children = cs; this._text = ''; }
  setAttribute(k, v) { if (/^on/i.test(k)) throw new Error('event handler attribute ' + k); this.attrs[k] = String(v); }
  addEventListener(t, f) { (this.listeners[t] ||= []).push(f); }
  fire(t) { for (const f of this.listeners[t] || []) f({ preventDefault() {} }); }
  all(tag, out = []) { if (this.tag === tag) out.push(this); this.children.forEach((c) => c.all(tag, out)); return out; }
}

const XSS = '<img src=x onerror=alert(1)>';
const INSIGHTS = {
  community: 'com_1', from: '2026-11-01', to: '2026-11-22',
  funnel: { views: 200, clicks: 30, signups: 8, purchases: 3, shares: 8, comments: 0, value: 37.5, conversion: 0.05,
    click_rate: 0.15, signup_rate: 0.27, purchase_rate: 0.38, overall: 0.015, share_rate: 0.04 },
  networks: [{ network: 'linkedin', members: 4000, views: 100, smoothed: 0.08 }, { network: XSS, members: 10, views: 0, smoothed: 0 }],
  start_here: { network: 'linkedin', reason: XSS },
  generations: [{ generation: 'genx', share: 0.6, views: 100, conversion: 0.09 }],
  partners: [{ partner: 'bakery', touches: { views: 1, clicks: 10 }, first_touch: { signups: 6, purchases: 3, value: 37.5 },
    last_touch: { signups: 0, purchases: 3, value: 37.5 } }],
  top_offers: [{ offer: 'off_1', views: 100, clicks: 20, signups: 6, purchases: 3, conversion: 0.09 },
    { offer: XSS, views: 100, clicks: 20, signups: 6, purchases: 3, conversion: 0.09 }],
  best_segment: { network: 'linkedin', generation: 'genx', views: 100, signups: 6, purchases: 3, smoothed: 0.08 },
  ladder: { levels: { grazer: 30, participant: 5, contributor: 2, advocate: 1 }, buyers: 3, moves: { up: 4, held: 30, down: 1, new: 3 } },
};

test('shows insights as text with the admin key from sessionStorage', async () => {
  const nodes = {};
  const get = (id) => (nodes[id] ||= new Node('div'));
  const session = { KEY: null, getItem: (k) => session[k] ?? null, setItem: (k, v) => { session[k] = v; } };
  const requests = [];
  const respond = (url) => url.includes('/insights') ? INSIGHTS
    : url.includes('/v1/offers') ? { items: [{ id: 'off_1', title: XSS + ' title' }] }
    : url.includes('/v1/links') ? { items: [{ code: 'bakery', partner_id: 'par_1' }] }
    : url.includes('/v1/partners') ? { items: [{ id: 'par_1', name: XSS + ' partner' }] }
    : { items: [{ id: 'com_1', name: XSS }] };
  const ctx = vm.createContext({
    document: { getElementById: get, createElement: (t) => new Node(t), createElementNS: (ns, t) => new Node(t) },
    location: { origin: 'http://127.0.0.1:8080' }, sessionStorage: session, Date, Math, String, Error, JSON,
    fetch: async (url, init) => { requests.push({ url, init }); return { ok: true, status: 200, json: async () => respond(url) }; },
  });
  vm.runInContext(source, ctx);
  get('key').value = ' ws_1.key_1.secret ';
  get('load').fire('click');
  await new Promise((r) => setImmediate(r));
  assert.equal(session['sweetspot.adminKey'], 'ws_1.key_1.secret');
  const opt = get('community').children[0];
  assert.equal(opt.textContent, XSS + ' (com_1)');
  get('community').value = 'com_1';
  get('query').fire('submit');
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  const last = requests.at(-1);
  for (const r of requests) assert.equal(r.init.headers.Authorization, 'Bearer ws_1.key_1.secret');
  assert.ok(requests.every((r) => r.url.startsWith('http://127.0.0.1:8080/v1/')), 'the key goes to the API only');
  assert.match(last.url, /^http:\/\/127\.0\.0\.1:8080\/v1\/communities\/com_1\/insights\?from=\d{4}-\d\d-\d\d&to=/);
  assert.equal(last.init.headers.Authorization, 'Bearer ws_1.key_1.secret');
  assert.equal(get('status').textContent, '');
  assert.equal(get('out').hidden, false);
  assert.equal(get('start').textContent, 'Start here: linkedin (' + XSS + ')');
  const labels = get('networks').all('text').map((t) => t.textContent);
  assert.ok(labels.includes(XSS), 'a network named like markup is an SVG text node');
  const rects = get('funnel').all('rect');
  assert.equal(rects.length, 5);
  assert.ok(+rects[0].attrs.width > +rects[1].attrs.width, 'views bar longer than clicks bar');
  assert.match(get('moves').textContent, /4 moved up, 30 held, 1 moved down, 3 new/);
  assert.equal(get('offers').children[1].children[0].textContent, XSS + ' title', 'offers by title, as text');
  assert.equal(get('offers').children[2].children[0].textContent, XSS, 'an unknown offer by its id');
  assert.equal(get('partners').children[1].children[0].textContent, XSS + ' partner (bakery)', 'partners by name and code');
});
