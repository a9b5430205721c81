// Sweetspot insights dashboard: reads GET /v1/communities/{id}/insights with
// an admin key kept in sessionStorage (this tab only) and draws the result
// as hand-made SVG bar charts. Every value from the API is rendered with
// textContent or as an SVG text node: never parsed as HTML.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var KEY = 'sweetspot.adminKey';
  var SVG = 'http://www.w3.org/2000/svg';
  var api = location.origin;

  function status(msg) { $('status').textContent = msg || ''; }

  function call(path) {
    return fetch(api + path, { headers: { Authorization: 'Bearer ' + $('key').value.trim() } })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          if (!r.ok) {
            var e = (body && body.error) || {};
            throw new Error(r.status + ' ' + (e.message || r.statusText) + (e.field ? ' (' + e.field + ')' : ''));
          }
          return body;
        });
      });
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = String(text);
    return e;
  }
  function pct(x) { return (100 * (x || 0)).toFixed(1) + '%'; }
  function fill(id, node) { var t = $(id); t.replaceChildren(node); }

  // bars draws a horizontal bar chart: rows of {label, value, unit, note, cls}.
  // The longest bar leaves room for a note of about 60 characters.
  function bars(rows, title) {
    var h = 26, lw = 150, w = 860, max = 0;
    rows.forEach(function (r) { max = Math.max(max, r.value); });
    var s = svg('svg', { viewBox: '0 0 ' + w + ' ' + (rows.length * h + 4), role: 'img' });
    s.appendChild(svg('title', {}, title));
    rows.forEach(function (r, i) {
      var y = i * h + 2, bw = max ? Math.max(1, (w - lw - 440) * r.value / max) : 1;
      s.appendChild(svg('text', { x: 0, y: y + 16 }, r.label));
      s.appendChild(svg('rect', { x: lw, y: y + 3, width: bw, height: h - 8, 'class': 'bar ' + (r.cls || '') }));
      s.appendChild(svg('text', { x: lw + bw + 6, y: y + 16 }, r.value + (r.unit ? ' ' + r.unit : '') + (r.note ? ' · ' + r.note : '')));
    });
    return s;
  }

  function table(id, head, rows) {
    var t = $(id);
    t.replaceChildren();
    var tr = el('tr');
    head.forEach(function (h) { tr.appendChild(el('th', h)); });
    t.appendChild(tr);
    rows.forEach(function (r) {
      var tr = el('tr');
      r.forEach(function (c) { tr.appendChild(el('td', c)); });
      t.appendChild(tr);
    });
    if (!rows.length) {
      var empty = el('tr'), td = el('td', 'nothing yet');
      td.colSpan = head.length;
      empty.appendChild(td);
      t.appendChild(empty);
    }
  }

  // names maps offer ids to titles and tracked-link codes to partner
  // names, for the tables; ids and codes stay when a lookup fails.
  function names() {
    var list = function (path) { return call(path + '?limit=100').then(function (r) { return r.items || []; }, function () { return []; }); };
    return Promise.all([list('/v1/offers'), list('/v1/links'), list('/v1/partners')]).then(function (r) {
      var m = { offers: {}, links: {} }, partners = {};
      r[0].forEach(function (o) { m.offers[o.id] = o.title; });
      r[2].forEach(function (p) { partners[p.id] = p.name; });
      r[1].forEach(function (l) { if (partners[l.partner_id]) m.links[l.code] = partners[l.partner_id] + ' (' + l.code + ')'; });
      return m;
    });
  }

  function show(d, nm) {
    var f = d.funnel;
    fill('funnel', bars([
      { label: 'views', value: f.views },
      { label: 'clicks', value: f.clicks, note: pct(f.click_rate) + ' of views' },
      { label: 'sign-ups', value: f.signups, note: pct(f.signup_rate) + ' of clicks' },
      { label: 'purchases', value: f.purchases, note: pct(f.purchase_rate) + ' of sign-ups' },
      { label: 'shares', value: f.shares, note: pct(f.share_rate) + ' of views', cls: 'alt' }
    ], 'Funnel'));
    $('funnel-rates').textContent = 'Purchases per view ' + pct(f.overall) + ', conversions per view ' +
      pct(f.conversion) + ', purchase value ' + f.value.toFixed(2) + '.';

    var sh = d.start_here;
    $('start').textContent = sh ? 'Start here: ' + sh.network + ' (' + sh.reason + ')' : 'No recommendation yet: no members or events.';
    fill('networks', bars(d.networks.map(function (n) {
      return { label: n.network, value: n.members, cls: sh && sh.network === n.network ? 'best' : '',
        unit: 'members', note: n.views + ' views · conversion ' + pct(n.smoothed) };
    }), 'Members and conversion by network'));
    fill('generations', bars(d.generations.map(function (g) {
      return { label: g.generation, value: g.views, unit: 'views',
        note: (g.share ? pct(g.share) + ' of the community · ' : '') + 'conversion ' + pct(g.conversion) };
    }), 'Views by generation'));

    var lv = d.ladder.levels || {};
    fill('ladder', bars(['grazer', 'participant', 'contributor', 'advocate'].map(function (l) {
      return { label: l, value: lv[l] || 0 };
    }).concat([{ label: 'committed buyers', value: d.ladder.buyers || 0, cls: 'alt' }]), 'Members by level'));
    var mv = d.ladder.moves || {};
    $('moves').textContent = 'Over the period: ' + (mv.up || 0) + ' moved up, ' + (mv.held || 0) + ' held, ' +
      (mv.down || 0) + ' moved down, ' + (mv['new'] || 0) + ' new.';

    var sg = d.best_segment;
    $('segment').textContent = sg ? sg.network + ' × ' + sg.generation + ': ' + sg.views + ' views, ' +
      (sg.signups + sg.purchases) + ' conversions (' + pct(sg.smoothed) + ')' : 'Not enough views in any segment yet.';

    table('partners', ['partner', 'views', 'clicks', 'first-touch sign-ups', 'first-touch purchases',
      'last-touch sign-ups', 'last-touch purchases', 'last-touch value'], d.partners.map(function (p) {
      return [nm.links[p.partner] || p.partner, p.touches.views, p.touches.clicks, p.first_touch.signups, p.first_touch.purchases,
        p.last_touch.signups, p.last_touch.purchases, p.last_touch.value.toFixed(2)];
    }));
    table('offers', ['offer', 'views', 'clicks', 'sign-ups', 'purchases', 'conversion'], d.top_offers.map(function (o) {
      return [nm.offers[o.offer] || o.offer, o.views, o.clicks, o.signups, o.purchases, pct(o.conversion)];
    }));
    $('out').hidden = false;
  }

  function loadCommunities() {
    status('Loading communities…');
    return call('/v1/communities?limit=100').then(function (r) {
      var sel = $('community');
      sel.replaceChildren();
      (r.items || []).forEach(function (c) {
        var o = el('option', c.name + ' (' + c.id + ')');
        o.value = c.id;
        sel.appendChild(o);
      });
      status((r.items || []).length ? '' : 'No communities in this workspace.');
    }, function (e) { status(e.message); });
  }

  $('key').value = sessionStorage.getItem(KEY) || '';
  $('key').addEventListener('change', function () { sessionStorage.setItem(KEY, $('key').value.trim()); });
  var today = new Date(), monthAgo = new Date(today - 29 * 864e5);
  $('to').value = today.toISOString().slice(0, 10);
  $('from').value = monthAgo.toISOString().slice(0, 10);
  $('load').addEventListener('click', function () {
    sessionStorage.setItem(KEY, $('key').value.trim());
    loadCommunities();
  });
  $('query').addEventListener('submit', function (ev) {
    ev.preventDefault();
    sessionStorage.setItem(KEY, $('key').value.trim());
    var id = $('community').value;
    if (!id) return status('Load the communities and pick one first.');
    status('Loading insights…');
    var nm = names();
    Promise.all([call('/v1/communities/' + encodeURIComponent(id) + '/insights?from=' + $('from').value + '&to=' + $('to').value), nm])
      .then(function (r) { status(''); show(r[0], r[1]); }, function (e) { status(e.message); });
  });
  if ($('key').value) loadCommunities();
})();
