// Unit tests of site/offer.js under node:test with a minimal DOM shim.
// The browser test in e2e/ covers the real thing in Chromium; these pin the
// widget's rules (text as text, batching, retries, privacy, bots) fast.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const source = readFileSync(new URL('../../../site/offer.js', import.meta.url), 'utf8');

class Element {
  constructor(tag) {
    this.tagName = tag.toUpperCase();
    this.children = [];
    this.listeners = {};
    this.textContent = '';
    this.className = '';
  }
  set innerHTML(v) { throw new Error('innerHTML must never be used: ' + v); }
  appendChild(c) { this.children.push(c); c.parentNode = this; return c; }
  insertBefore(c) { return this.appendChild(c); }
  addEventListener(type, f) { (this.listeners[type] ||= []).push(f); }
  click() { for (const f of this.listeners.click || []) f({}); }
  find(cls) {
    if (this.className === 'sweetspot-' + cls) return this;
    for (const c of this.children) { const f = c.find(cls); if (f) return f; }
    return null;
  }
}

class Storage {
  constructor(data = {}) { this.data = data; this.writes = 0; }
  get length() { return Object.keys(this.data).length; }
  getItem(k) { return k in this.data ? this.data[k] : null; }
  setItem(k, v) { this.writes++; this.data[k] = String(v); }
}

const OFFER = { id: 'off_1', title: 'The <img src=x onerror=alert(1)> checklist', body: 'Free for members.',
  url: 'https://shop.example/checklist', cta: 'Get it' };

// load runs offer.js once in a fresh page and returns handles on it.
async function load({ storage = new Storage(), nav = {}, data = {}, offer = OFFER, respond = () => 202 } = {}) {
  const body = new Element('body');
  const script = new Element('script');
  script.src = 'https://sweetspot.example/offer.js';
  script.dataset = { key: 'ws_1.key_1.secret', offer: 'off_1', community: 'com_1', ...data };
  body.appendChild(script);
  const requests = [];
  const timers = [];
  const cookies = [];
  const document = {
    currentScript: script, referrer: 'https://www.linkedin.com/feed/', visibilityState: 'visible',
    createElement: (t) => new Element(t), getElementById: () => null, addEventListener() {},
    set cookie(v) { cookies.push(v); }, get cookie() { return ''; },
  };
  const fetch = async (url, init = {}) => {
    requests.push({ url, init });
    if (url.includes('/v1/offers/')) return { ok: !!offer, status: offer ? 200 : 404, json: async () => offer };
    const status = respond(requests.length);
    if (status instanceof Error) throw status;
    return { ok: status < 300, status };
  };
  const window = {
    localStorage: storage, crypto: globalThis.crypto, addEventListener() {},
  };
  const ctx = vm.createContext({
    window, document, fetch, URL, URLSearchParams, JSON, Date, Math, Array, Uint8Array,
    navigator: { userAgent: 'Mozilla/5.0 Chrome/120', ...nav },
    location: { href: 'https://shop.example/', search: data.search || '' },
    crypto: globalThis.crypto,
    setTimeout: (f) => { timers.push(f); return timers.length; }, clearTimeout: () => {},
  });
  window.window = window;
  vm.runInContext(source, ctx);
  const settle = async () => { for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r)); };
  await settle();
  // runTimers fires what the widget scheduled (its batching delay, retries).
  // At most max rounds: a failing server makes the widget retry forever.
  const runTimers = async (max = 20) => {
    for (let i = 0; i < max && timers.length; i++) { timers.shift()(); await settle(); }
  };
  const posts = () => requests.filter((r) => r.init.method === 'POST');
  return { body, requests, posts, runTimers, storage, cookies, settle, card: body.find('offer') };
}

// The queue of the default script's API and key (see load).
const QUEUE = 'sweetspot.queue https://sweetspot.example ws_1.key_1.secret';
const queued = (storage, key = QUEUE) => JSON.parse(storage.getItem(key) || '[]');

test('renders the offer with stored text as text', async () => {
  const p = await load();
  assert.ok(p.card, 'a card is rendered');
  assert.equal(p.card.find('title').textContent, OFFER.title);
  assert.equal(p.card.find('cta').href, OFFER.url);
  assert.equal(p.requests[0].url, 'https://sweetspot.example/v1/offers/off_1?key=ws_1.key_1.secret');
});

test('a javascript: URL is not linked', async () => {
  const p = await load({ offer: { ...OFFER, url: 'javascript:alert(1)' } });
  assert.equal(p.card.find('cta'), null);
});

test('records a view as text/plain with keepalive, and a pseudonymous member', async () => {
  const p = await load();
  await p.runTimers();
  const [post] = p.posts();
  assert.equal(post.url, 'https://sweetspot.example/v1/events?key=ws_1.key_1.secret');
  assert.equal(post.init.keepalive, true);
  assert.equal(post.init.headers['Content-Type'], 'text/plain');
  const { events } = JSON.parse(post.init.body);
  assert.equal(events.length, 1);
  const e = events[0];
  assert.equal(e.type, 'view');
  assert.equal(e.offer, 'off_1');
  assert.equal(e.community, 'com_1');
  assert.equal(e.network, 'linkedin');
  assert.match(e.id, /^[A-Za-z0-9_-]{8,64}$/);
  assert.match(e.member, /^[A-Za-z0-9_-]{8,64}$/);
  assert.ok(Math.abs(Date.parse(e.time) - Date.now()) < 5000);
  assert.deepEqual(queued(p.storage), [], 'accepted events leave the queue');
  assert.deepEqual(p.cookies, [], 'no cookies');
  // The next page view keeps the member id.
  const again = await load({ storage: p.storage });
  await again.runTimers();
  assert.equal(JSON.parse(again.posts()[0].init.body).events[0].member, e.member);
});

test('a click is sent at once, a share too', async () => {
  const p = await load();
  await p.runTimers();
  p.card.find('cta').click();
  await p.settle();
  assert.equal(p.posts().length, 2);
  assert.equal(JSON.parse(p.posts()[1].init.body).events[0].type, 'click');
  p.card.find('share').click();
  await p.settle();
  assert.equal(JSON.parse(p.posts()[2].init.body).events[0].type, 'share');
});

test('failures keep events; the next page sends them with the same ids', async () => {
  const storage = new Storage();
  let calls = 0;
  const p = await load({ storage, respond: () => (++calls === 1 ? 503 : new Error('offline')) });
  await p.runTimers(5);
  const stuck = queued(storage);
  assert.equal(stuck.length, 1);
  assert.equal(p.posts().length, 5, 'one attempt and four retries with backoff');
  const next = await load({ storage, respond: () => 202 });
  await next.runTimers();
  const sent = next.posts().flatMap((r) => JSON.parse(r.init.body).events.map((e) => e.id));
  assert.ok(sent.includes(stuck[0].id), 'the stuck event is retried with its id');
  assert.deepEqual(queued(storage), []);
});

test('batches hold at most 100 events and expired ones are dropped', async () => {
  const now = Date.now();
  const old = Array.from({ length: 150 }, (_, i) => ({ id: 'old-event-' + i, offer: 'off_1', community: 'com_1',
    member: 'member-01', type: 'view', time: new Date(now - (i < 30 ? 73 * 3600e3 : 1000)).toISOString() }));
  const storage = new Storage({ [QUEUE]: JSON.stringify(old) });
  const p = await load({ storage, offer: null });
  await p.runTimers();
  const sizes = p.posts().map((r) => JSON.parse(r.init.body).events.length);
  assert.deepEqual(sizes, [100, 20], 'the 30 expired events are not sent');
  assert.deepEqual(queued(storage), []);
});

for (const [name, nav, data] of [
  ['Do-Not-Track', { doNotTrack: '1' }, {}],
  ['Global Privacy Control', { globalPrivacyControl: true }, {}],
  ['an automated browser', { webdriver: true }, {}],
  ['a crawler', { userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1)' }, {}],
]) {
  test(`${name}: the card renders, nothing is recorded or stored`, async () => {
    const p = await load({ nav, data });
    await p.runTimers();
    p.card.find('cta').click();
    await p.runTimers();
    assert.ok(p.card);
    assert.equal(p.posts().length, 0);
    assert.equal(p.storage.writes, 0);
  });
}

test('tests may tell the widget to record in an automated browser', async () => {
  const p = await load({ nav: { webdriver: true }, data: { trackBots: 'true' } });
  await p.runTimers();
  assert.equal(p.posts().length, 1);
});

test('a partner code from the tracked-link redirect is attached', async () => {
  const p = await load({ data: { search: '?ss_partner=bakery-7' } });
  await p.runTimers();
  assert.equal(JSON.parse(p.posts()[0].init.body).events[0].partner, 'bakery-7');
});

test('events queued for one workspace are never sent with another key', async () => {
  // A page embeds offers of two workspaces; the first one's API is down.
  const storage = new Storage();
  const a = await load({ storage, respond: () => 503 });
  await a.runTimers(2);
  assert.ok(queued(storage).length > 0, "workspace A's view waits in its queue");
  const b = await load({ storage, data: { key: 'ws_2.key_2.secret', offer: 'off_2', community: 'com_2' } });
  await b.runTimers();
  for (const r of b.posts()) {
    assert.ok(r.url.includes('key=ws_2.key_2.secret'), r.url);
    for (const e of JSON.parse(r.init.body).events) assert.equal(e.offer, 'off_2', "B's key sent A's event");
  }
  assert.ok(b.posts().length > 0, "B's own view is sent");
  assert.ok(queued(storage).length > 0, "A's events stay queued for A");
});

test('the page URL\'s utm_ parameters go with every event (issue 13)', async () => {
  const p = await load({ data: { search: '?utm_campaign=Spring%20Sale&utm_source=news&utm_medium=email&utm_term=x' } });
  await p.runTimers();
  const e = JSON.parse(p.posts()[0].init.body).events[0];
  assert.equal(e.utm_campaign, 'Spring Sale');
  assert.equal(e.utm_source, 'news');
  assert.equal(e.utm_medium, 'email');
  assert.equal(e.utm_term, undefined);
});
