// Insights over time (issue 13): a community's daily series against the
// period just before, the funnel, campaigns (UTM), networks, generations,
// partners, offers and the member ladder. Charts are SVG with a title, a
// description and the same numbers in a table; the two periods differ by
// line style (solid, dashed) as well as colour.
import { h, field, api, all, table, go } from './app.js';

const METRICS = [['views', 'Views'], ['clicks', 'Clicks'], ['signups', 'Sign-ups'], ['purchases', 'Purchases'], ['value', 'Purchase value']];
const pct = (x) => (100 * (x || 0)).toFixed(1) + '%';
const money = (x) => (x || 0).toFixed(2);
const iso = (d) => d.toISOString().slice(0, 10);

// state survives navigation between communities within the tab.
const state = { days: 30, metric: 'views', group: 'all' };

export async function insightsPage([id]) {
  const cs = await all('/v1/communities');
  if (!cs.length) return [h('h1', {}, 'Insights'), h('p', {}, 'No community yet. ', h('a', { href: '#/communities/new' }, 'Create your first community'), '.')];
  const c = cs.find((x) => x.id === id) || cs[0];
  const to = new Date(), from = new Date(Date.now() - (state.days - 1) * 864e5);
  const fromIn = h('input', { type: 'date', value: state.from || iso(from), name: 'from' });
  const toIn = h('input', { type: 'date', value: state.to || iso(to), name: 'to' });
  const out = h('div', {});
  const controls = h('form', { class: 'card row', onsubmit: (ev) => {
    ev.preventDefault();
    state.from = fromIn.value; state.to = toIn.value;
    go('#/insights/' + ev.target.elements.community.value);
  } },
  field('Community', h('select', { name: 'community' }, cs.map((x) => h('option', { value: x.id, selected: x.id === c.id }, x.name)))),
  field('Period', h('select', { onchange: (ev) => {
    const n = Number(ev.target.value);
    if (!n) return;
    state.days = n;
    toIn.value = iso(new Date());
    fromIn.value = iso(new Date(Date.now() - (n - 1) * 864e5));
  } }, [[0, 'custom'], [7, 'last 7 days'], [30, 'last 30 days'], [90, 'last 90 days'], [365, 'last 365 days']].map(([v, l]) =>
    h('option', { value: v, selected: v === state.days && !state.from }, l)))),
  field('From', fromIn), field('To', toIn),
  h('button', { class: 'primary' }, 'Show'));
  const d = await api('GET', '/v1/communities/' + encodeURIComponent(c.id) + '/insights?from=' + fromIn.value + '&to=' + toIn.value + '&compare=previous');
  const names = await lookups();
  show(out, d, names);
  return [h('h1', {}, 'Insights: ' + c.name), controls, out];
}

async function lookups() {
  const safe = (p) => all(p).catch(() => []);
  const [os, ls, ps] = await Promise.all([safe('/v1/offers'), safe('/v1/links'), safe('/v1/partners')]);
  const pn = Object.fromEntries(ps.map((p) => [p.id, p.name]));
  return { offers: Object.fromEntries(os.map((o) => [o.id, o.title])), links: Object.fromEntries(ls.map((l) => [l.code, (pn[l.partner_id] || l.partner_id) + ' (' + l.code + ')'])) };
}

function delta(cur, prev) {
  if (!prev) return cur ? h('span', { class: 'up' }, '▲ new') : h('span', { class: 'muted' }, '= no change');
  const r = (cur - prev) / prev;
  if (Math.abs(r) < 0.0005) return h('span', { class: 'muted' }, '= no change');
  return h('span', { class: r > 0 ? 'up' : 'down' }, (r > 0 ? '▲ up ' : '▼ down ') + pct(Math.abs(r)));
}

function show(out, d, names) {
  const f = d.funnel, p = (d.previous && d.previous.funnel) || {};
  const metricSel = h('select', { onchange: (ev) => { state.metric = ev.target.value; chartBox.replaceChildren(...chart(d, state.metric)); } },
    METRICS.map(([v, l]) => h('option', { value: v, selected: v === state.metric }, l)));
  const chartBox = h('div', {}, ...chart(d, state.metric));
  const groupSel = h('select', { onchange: (ev) => { state.group = ev.target.value; campBox.replaceChildren(campaigns(d.campaigns, state.group)); } },
    [['all', 'campaign × source × medium'], ['campaign', 'campaign'], ['source', 'source'], ['medium', 'medium']].map(([v, l]) =>
      h('option', { value: v, selected: v === state.group }, l)));
  const campBox = h('div', {}, campaigns(d.campaigns, state.group));
  const lv = d.ladder.levels || {}, mv = d.ladder.moves || {};
  out.replaceChildren(h('div', {},
    h('p', { class: 'muted' }, d.from + ' to ' + d.to + (d.previous ? ', compared with ' + d.previous.from + ' to ' + d.previous.to : '') + '.'),
    h('div', { class: 'kpis' }, METRICS.map(([k, l]) => h('div', { class: 'kpi' }, l, h('b', {}, k === 'value' ? money(f[k]) : f[k]), delta(f[k], p[k]),
      h('span', { class: 'sr-only' }, ' against ' + (k === 'value' ? money(p[k]) : p[k] || 0) + ' the period before')))),
    h('h2', {}, 'Over time'), field('Show', metricSel), chartBox,
    h('h2', {}, 'Funnel'),
    bars('Funnel: views, clicks, sign-ups, purchases', [['views', f.views, ''], ['clicks', f.clicks, pct(f.click_rate) + ' of views'],
      ['sign-ups', f.signups, pct(f.signup_rate) + ' of clicks'], ['purchases', f.purchases, pct(f.purchase_rate) + ' of sign-ups']]),
    table('Funnel', ['Step', 'This period', 'Period before', 'Rate'], [['views', f.views, p.views || 0, ''], ['clicks', f.clicks, p.clicks || 0, pct(f.click_rate)],
      ['sign-ups', f.signups, p.signups || 0, pct(f.signup_rate)], ['purchases', f.purchases, p.purchases || 0, pct(f.purchase_rate)],
      ['purchase value', money(f.value), money(p.value), '']], 'funnel'),
    h('h2', {}, 'Campaigns'),
    h('p', { class: 'hint' }, 'From the utm_campaign, utm_source and utm_medium of the links visitors followed. A sign-up or purchase without them counts for the member\'s latest campaign (30 days).'),
    field('Group by', groupSel), campBox,
    h('h2', {}, 'Networks'),
    h('p', {}, d.start_here ? 'Start here: ' + d.start_here.network + ' (' + d.start_here.reason + ')' : 'No recommendation yet: no members or events.'),
    table('Networks', ['Network', 'Members', 'Views', 'Clicks', 'Sign-ups', 'Purchases', 'Conversion (smoothed)'],
      d.networks.map((n) => [n.network, n.members, n.views, n.clicks, n.signups, n.purchases, pct(n.smoothed)])),
    h('h2', {}, 'Generations'),
    table('Generations', ['Generation', 'Share of the community', 'Views', 'Sign-ups', 'Purchases', 'Conversion'],
      d.generations.map((g) => [g.generation, pct(g.share), g.views, g.signups, g.purchases, pct(g.conversion)])),
    h('h2', {}, 'Partners'),
    table('Partners', ['Partner', 'Views', 'Clicks', 'First-touch sign-ups', 'First-touch purchases', 'Last-touch sign-ups', 'Last-touch purchases', 'Last-touch value'],
      d.partners.map((x) => [names.links[x.partner] || x.partner, x.touches.views, x.touches.clicks, x.first_touch.signups, x.first_touch.purchases,
        x.last_touch.signups, x.last_touch.purchases, money(x.last_touch.value)])),
    h('h2', {}, 'Top offers'),
    table('Top offers', ['Offer', 'Views', 'Clicks', 'Sign-ups', 'Purchases', 'Conversion'],
      d.top_offers.map((o) => [names.offers[o.offer] || o.offer, o.views, o.clicks, o.signups, o.purchases, pct(o.conversion)])),
    h('h2', {}, 'Member ladder'),
    table('Member ladder', ['Level', 'Members'], ['grazer', 'participant', 'contributor', 'advocate'].map((l) => [l, lv[l] || 0]).concat([['committed buyers', d.ladder.buyers || 0]])),
    h('p', {}, 'Over the period: ' + (mv.up || 0) + ' moved up, ' + (mv.held || 0) + ' held, ' + (mv.down || 0) + ' moved down, ' + (mv['new'] || 0) + ' new.'),
    d.best_segment ? h('p', {}, 'Most productive segment: ' + d.best_segment.network + ' × ' + d.best_segment.generation + ' (' + pct(d.best_segment.smoothed) + ').') : null));
}

function campaigns(rows, group) {
  const by = {};
  for (const r of rows || []) {
    const k = group === 'all' ? [r.utm_campaign, r.utm_source, r.utm_medium].map((x) => x || '(none)').join(' / ') : r['utm_' + group] || '(none)';
    const t = by[k] || (by[k] = { views: 0, clicks: 0, signups: 0, purchases: 0, value: 0 });
    for (const m of Object.keys(t)) t[m] += r[m] || 0;
  }
  const list = Object.entries(by).sort((a, b) => (b[1].signups + b[1].purchases) - (a[1].signups + a[1].purchases) || b[1].value - a[1].value || b[1].clicks - a[1].clicks);
  const label = group === 'all' ? 'Campaign / source / medium' : group[0].toUpperCase() + group.slice(1);
  return table('Campaigns by ' + (group === 'all' ? 'campaign, source and medium' : group), [label, 'Views', 'Clicks', 'Sign-ups', 'Purchases', 'Purchase value', 'Conversions per click'],
    list.map(([k, t]) => [k, t.views, t.clicks, t.signups, t.purchases, money(t.value), t.clicks ? pct((t.signups + t.purchases) / t.clicks) : '–']), 'campaigns');
}

// chart draws the daily series of one metric, this period (solid line with
// dots) over the period before (dashed), with the numbers in a table.
function chart(d, metric) {
  const label = METRICS.find((m) => m[0] === metric)[1];
  const cur = d.series.map((r) => r[metric] || 0);
  const prev = ((d.previous && d.previous.series) || []).map((r) => r[metric] || 0);
  const W = 860, H = 240, L = 48, B = 28, T = 10, n = cur.length;
  const max = Math.max(1, ...cur, ...prev);
  const x = (i) => L + (n > 1 ? (i * (W - L - 10)) / (n - 1) : (W - L) / 2);
  const y = (v) => T + (H - T - B) * (1 - v / max);
  const line = (vals) => vals.map((v, i) => (i ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(v).toFixed(1)).join('');
  const sum = (a) => a.reduce((s, v) => s + v, 0);
  const fmt = (v) => (metric === 'value' ? money(v) : v);
  const title = label + ' per day, ' + d.from + ' to ' + d.to;
  const desc = 'Total ' + fmt(sum(cur)) + (d.previous ? ' against ' + fmt(sum(prev)) + ' the period before (dashed line)' : '') + '; highest day ' + fmt(Math.max(0, ...cur)) + '.';
  const ticks = [0, 0.5, 1].map((t) => Math.round(max * t * 100) / 100);
  const labelsEvery = Math.max(1, Math.ceil(n / 8));
  const svg = h('svg:svg', { class: 'chart', viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-labelledby': 'ch-t ch-d' },
    h('svg:title', { id: 'ch-t' }, title), h('svg:desc', { id: 'ch-d' }, desc),
    ticks.map((t) => [h('svg:line', { class: 'grid', x1: L, x2: W - 10, y1: y(t), y2: y(t) }), h('svg:text', { x: L - 6, y: y(t) + 4, 'text-anchor': 'end' }, fmt(t))]),
    h('svg:line', { class: 'axis', x1: L, x2: W - 10, y1: H - B, y2: H - B }),
    d.series.map((r, i) => (i % labelsEvery === 0 || (i === n - 1 && i % labelsEvery >= labelsEvery / 2)) ? h('svg:text', { x: x(i), y: H - 8, 'text-anchor': 'middle' }, r.day.slice(5)) : null),
    prev.length ? h('svg:path', { class: 'prev', d: line(prev) }) : null,
    h('svg:path', { class: 'cur', d: line(cur) }),
    n <= 62 ? cur.map((v, i) => h('svg:circle', { class: 'dot', cx: x(i), cy: y(v), r: 2.5 })) : null);
  const legend = h('p', { class: 'legend', 'aria-hidden': 'true' },
    h('span', {}, h('svg:svg', { width: 28, height: 10, class: 'chart key' }, h('svg:path', { class: 'cur', d: 'M0 5H28' })), ' this period (solid)'),
    d.previous ? h('span', {}, h('svg:svg', { width: 28, height: 10, class: 'chart key' }, h('svg:path', { class: 'prev', d: 'M0 5H28' })), ' period before (dashed)') : null);
  const rows = d.series.map((r, i) => [r.day, fmt(r[metric] || 0), d.previous && d.previous.series[i] ? d.previous.series[i].day : '', d.previous && d.previous.series[i] ? fmt(d.previous.series[i][metric] || 0) : '']);
  return [svg, legend, h('details', {}, h('summary', {}, 'The numbers behind the chart'),
    table(label + ' per day', ['Day', label, 'Same day of the period before', label + ' before'], rows, 'daily-' + metric))];
}

// bars draws a labelled horizontal bar chart; every bar carries its number.
function bars(title, rows) {
  const W = 860, RH = 28, L = 110, max = Math.max(1, ...rows.map((r) => r[1]));
  return h('svg:svg', { class: 'chart', viewBox: '0 0 ' + W + ' ' + (rows.length * RH + 4), role: 'img', 'aria-label': title + ': ' + rows.map((r) => r[0] + ' ' + r[1]).join(', ') },
    rows.map(([label, v, note], i) => {
      const w = Math.max(1, ((W - L - 300) * v) / max), y0 = i * RH + 2;
      return [h('svg:text', { x: 0, y: y0 + 18 }, label), h('svg:rect', { class: 'bar', x: L, y: y0 + 4, width: w, height: RH - 10 }),
        h('svg:text', { x: L + w + 6, y: y0 + 18 }, v + (note ? ' · ' + note : ''))];
    }));
}
