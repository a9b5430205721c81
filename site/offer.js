/* Sweetspot offer widget: renders a published offer card and records views,
 * clicks and shares; no cookies, honours DNT and GPC. Usage and design:
 * README "The offer widget" and docs/ENGAGEMENT.md. */
(function () {
  'use strict';
  var s = document.currentScript;
  if (!s) return;
  var d = s.dataset, w = window, n = navigator, ls;
  try { ls = w.localStorage; ls.length; } catch (e) { ls = null; }
  var api = (d.api || new URL(s.src).origin).replace(/\/$/, '');
  var auth = '?key=' + encodeURIComponent(d.key || '');
  // One queue per API and key: an event is only ever sent with its own key.
  var QKEY = 'sweetspot.queue ' + api + ' ' + (d.key || ''), MKEY = 'sweetspot.member';
  var MAX_BATCH = 100;                 // the API's MaxBatch
  var MAX_QUEUE = 500;                 // oldest events are dropped beyond this
  var MAX_AGE = 72 * 3600e3;           // the API's MaxEventAge: older events are refused
  var ID = /^[A-Za-z0-9_-]{1,64}$/;

  var optOut = n.doNotTrack == '1' || w.doNotTrack == '1' || n.globalPrivacyControl === true;
  var bot = n.webdriver || /bot|crawl|spider|slurp|headless|lighthouse|prerender|preview/i.test(n.userAgent);
  var track = !optOut && (!bot || d.trackBots == 'true');

  function rid() {
    if (w.crypto && crypto.randomUUID) return crypto.randomUUID();
    var a = new Uint8Array(16); crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }
  function load(k, def) {
    try { var v = ls && JSON.parse(ls.getItem(k)); return v == null ? def : v; } catch (e) { return def; }
  }
  function save(k, v) { try { ls && ls.setItem(k, JSON.stringify(v)); } catch (e) { /* full or blocked */ } }

  // A pseudonymous member id: random, kept in localStorage, never a cookie.
  var member = track && load(MKEY, '');
  if (track && !ID.test(member)) { member = rid(); save(MKEY, member); }

  var q = [];            // the queue when localStorage is unavailable
  var sending = {};      // ids in flight from this page
  var backoff = 0, timer;
  function queue() { return ls ? load(QKEY, []) : q; }
  function setQueue(v) { if (ls) save(QKEY, v); else q = v; }

  // Where the visitor came from: data-network, else the referrer's site.
  function network() {
    if (d.network) return d.network;
    var r = document.referrer, m = {
      linkedin: /linkedin\.com|lnkd\.in/, twitter: /\/\/(t\.co|(www\.)?(twitter|x)\.com)/,
      facebook: /facebook\.com|fb\.me/, instagram: /instagram\.com/, pinterest: /pinterest\./,
      threads: /threads\.net/, bluesky: /bsky\.app/
    };
    for (var k in m) if (m[k].test(r)) return k;
    return '';
  }
  var sp = new URLSearchParams(location.search), utm = {};
  var partner = d.partner || sp.get('ss_partner') || '';
  if (!ID.test(partner)) partner = '';
  // The campaign: the page URL's utm_ parameters.
  ['campaign', 'source', 'medium'].forEach(function (k) {
    var v = sp.get('utm_' + k);
    if (v) utm['utm_' + k] = v.slice(0, 64);
  });

  function record(type) {
    if (!track) return;
    var e = { id: rid(), offer: d.offer, community: d.community, member: member, type: type,
      time: new Date().toISOString() };
    var net = network();
    if (net) e.network = net;
    if (partner) e.partner = partner;
    for (var k in utm) e[k] = utm[k];
    var v = queue(); v.push(e);
    setQueue(v.slice(-MAX_QUEUE));
    if (type == 'view') schedule(1000); else flush(); // a click may leave the page
  }

  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(flush, ms);
  }

  // Sends up to MAX_BATCH queued events as text/plain (no CORS preflight)
  // with keepalive. Accepted or invalid events leave the queue; on a network
  // error, 429 or 5xx they stay, retried with backoff and on the next page.
  function flush() {
    var now = Date.now();
    var v = queue().filter(function (e) { return now - Date.parse(e.time) < MAX_AGE; });
    setQueue(v);
    var batch = v.filter(function (e) { return !sending[e.id]; }).slice(0, MAX_BATCH);
    if (!batch.length) return;
    batch.forEach(function (e) { sending[e.id] = 1; });
    var done = function (drop) {
      batch.forEach(function (e) { delete sending[e.id]; });
      if (!drop) {
        backoff = Math.min(60e3, (backoff || 1e3) * 2);
        return schedule(backoff);
      }
      backoff = 0;
      var ids = {};
      batch.forEach(function (e) { ids[e.id] = 1; });
      var rest = queue().filter(function (e) { return !ids[e.id]; });
      setQueue(rest);
      if (rest.length) schedule(0);
    };
    fetch(api + '/v1/events' + auth, {
      method: 'POST', keepalive: true, body: JSON.stringify({ events: batch }),
      headers: { 'Content-Type': 'text/plain' }, credentials: 'omit'
    }).then(function (r) {
      done(r.status < 500 && r.status != 429 && r.status != 408);
    }, function () { done(false); });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    e.className = 'sweetspot-' + cls;
    if (text) e.textContent = text;
    return e;
  }

  function render(o) {
    var card = el('div', 'offer');
    card.appendChild(el('h3', 'title', o.title));
    card.appendChild(el('p', 'body', o.body));
    var url = '';
    try { url = new URL(o.url).protocol.match(/^https?:$/) ? o.url : ''; } catch (e) { /* no link */ }
    if (url) {
      var a = el('a', 'cta', o.cta || 'Learn more');
      a.href = url;
      a.rel = 'noopener';
      a.addEventListener('click', function () { record('click'); });
      card.appendChild(a);
    }
    var b = el('button', 'share', 'Share');
    b.type = 'button';
    b.addEventListener('click', function () {
      record('share');
      var link = url || location.href;
      if (n.share) n.share({ title: o.title, url: link }).catch(function () {});
      else if (n.clipboard) n.clipboard.writeText(link).catch(function () {});
    });
    card.appendChild(b);
    var target = d.target && document.getElementById(d.target);
    if (target) target.appendChild(card);
    else s.parentNode.insertBefore(card, s.nextSibling);
    // A view is a card at least half on screen, counted once per page.
    if (w.IntersectionObserver) {
      var io = new IntersectionObserver(function (es) {
        if (es[0].isIntersecting) { io.disconnect(); record('view'); }
      }, { threshold: 0.5 });
      io.observe(card);
    } else record('view');
  }

  if (track) {
    w.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState == 'hidden') flush();
    });
    if (queue().length) schedule(0); // events a previous page could not send
  }
  if (!ID.test(d.offer || '') || !ID.test(d.community || '')) return;
  fetch(api + '/v1/offers/' + d.offer + auth, { credentials: 'omit' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (o) { if (o && o.title) render(o); }, function () {});
})();
