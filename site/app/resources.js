// The console's resource pages: communities (with the interests editor),
// partners, offers (with the live score), tracked links (copy, QR code),
// keys, the workspace, and "your data" (export, erasure).
import { h, field, api, all, say, fail, table, date, go, download } from './app.js';
import { liveScore } from './score.js';
import { profileSections } from './profiles.js';

export const NETWORKS = ['linkedin', 'twitter', 'facebook', 'instagram', 'pinterest', 'threads', 'bluesky', 'email', 'blog'];
const GENERATIONS = [['boomers', 'Boomers'], ['genx', 'Gen X'], ['millennials', 'Millennials'], ['genz', 'Gen Z']];
// The languages the scoring model covers (scoring.ModelledLanguages).
const LANGUAGES = [['', 'English (default)'], ['es', 'Español'], ['fr', 'Français'], ['de', 'Deutsch'], ['pt', 'Português'], ['it', 'Italiano'], ['nl', 'Nederlands']];
const CHECKS = ['relevance', 'focus', 'value', 'generations', 'readability', 'channel', 'hooks'];
const KINDS = ['content', 'tool', 'checklist', 'coupon', 'expert', 'event', 'training', 'news', 'entertainment'];

const select = (options, value, attrs) => h('select', attrs || {}, options.map((o) => {
  const [v, label] = Array.isArray(o) ? o : [o, o];
  return h('option', { value: v, selected: v === value }, label);
}));
const val = (form, name) => form.elements[name].value.trim();
const back = (section) => h('p', {}, h('a', { href: '#/' + section }, '← All ' + section));

// save creates (POST) or updates (PATCH with the version read) a resource,
// then goes back to its list. A refused field is focused.
async function save(form, path, item, body, section) {
  try {
    if (item) await api('PATCH', path + '/' + item.id, { ...body, version: item.version });
    else await api('POST', path, body);
    say('Saved.');
    go('#/' + section);
  } catch (e) {
    fail(e);
    const name = (e.field || '').split(/[.[]/)[0];
    const el = name && form.querySelector('[name="' + name + '"], [data-field="' + name + '"]');
    if (el) el.focus();
  }
}

async function remove(path, what, section) {
  if (!confirm('Delete ' + what + '? This cannot be undone.')) return;
  try {
    await api('DELETE', path);
    say('Deleted ' + what + '.');
    go('#/' + section);
  } catch (e) { fail(e); }
}

// rows is a small repeatable editor: one row of controls per entry, an
// "Add" button, a "Remove" button per row. read() returns the values.
function rows(legend, entries, make, addLabel, dataField) {
  const list = h('div', {});
  const addRow = (v) => {
    const controls = make(v || {});
    const row = h('div', { class: 'row' }, controls.map((c) => c.label),
      h('button', { type: 'button', onclick: () => { row.remove(); } }, 'Remove', h('span', { class: 'sr-only' }, ' ' + legend + ' row')));
    row.read = () => Object.fromEntries(controls.map((c) => [c.name, c.input.value.trim()]));
    list.append(row);
    return controls[0].input;
  };
  entries.forEach(addRow);
  const fs = h('fieldset', { 'data-field': dataField, tabindex: '-1' }, h('legend', {}, legend), list,
    h('button', { type: 'button', onclick: () => addRow().focus() }, addLabel));
  fs.read = () => [...list.children].map((r) => r.read());
  return fs;
}
const ctl = (name, label, input) => ({ name, input, label: field(label, input) });

// --- communities --------------------------------------------------------

async function communities([id]) {
  if (id) return communityForm(id === 'new' ? null : await api('GET', '/v1/communities/' + encodeURIComponent(id)));
  const list = await all('/v1/communities');
  return [h('h1', {}, 'Communities'),
    h('p', {}, h('a', { href: '#/communities/new' }, 'New community')),
    table('Communities', ['Name', 'Kind', 'Interests', 'Members', 'Updated'], list.map((c) => [
      h('a', { href: '#/communities/' + c.id }, c.name), c.kind, (c.interests || []).map((i) => i.term).join(', '),
      Object.values(c.networks || {}).reduce((a, b) => a + b, 0), date(c.updated_at)]))];
}

function communityForm(c) {
  c = c || { kind: 'interest', interests: [], networks: {}, generations: {}, traits: [], thresholds: {}, disabled: [], required: [] };
  const interests = rows('Interests', c.interests.length ? c.interests : [{ term: '', weight: 1 }], (v) => [
    ctl('term', 'Term', h('input', { value: v.term || '', required: true, maxlength: 120 })),
    ctl('weight', 'Weight (0–1)', h('input', { type: 'number', min: 0, max: 1, step: 0.05, value: v.weight ?? 1 }))], 'Add an interest', 'interests');
  const networks = rows('Members per network', Object.entries(c.networks || {}).map(([network, members]) => ({ network, members })), (v) => [
    ctl('network', 'Network', select(NETWORKS, v.network)),
    ctl('members', 'Members', h('input', { type: 'number', min: 0, step: 1, value: v.members ?? 0 }))], 'Add a network', 'networks');
  const gens = GENERATIONS.map(([g, label]) => field(label + ' (%)', h('input', { type: 'number', min: 0, max: 100, step: 1, name: 'gen-' + g,
    value: c.generations && c.generations[g] != null ? Math.round(c.generations[g] * 100) : '' })));
  const checks = CHECKS.map((id) => {
    const t = (c.thresholds || {})[id] || {};
    return h('tr', {}, h('th', { scope: 'row', class: 'l' }, id),
      h('td', {}, h('input', { type: 'number', min: 0, max: 100, name: 'good-' + id, value: t.good ?? '', 'aria-label': id + ': good from' })),
      h('td', {}, h('input', { type: 'number', min: 0, max: 100, name: 'ok-' + id, value: t.ok ?? '', 'aria-label': id + ': ok from' })),
      h('td', {}, h('input', { type: 'checkbox', name: 'req-' + id, checked: (c.required || []).includes(id), 'aria-label': id + ': required' })),
      h('td', {}, h('input', { type: 'checkbox', name: 'off-' + id, checked: (c.disabled || []).includes(id), 'aria-label': id + ': disabled' })));
  });
  const form = h('form', { class: 'card', novalidate: true, onsubmit: (ev) => {
    ev.preventDefault();
    const f = ev.target, num = (n) => (val(f, n) === '' ? null : Number(val(f, n)));
    const generations = {}, thresholds = {}, required = [], disabled = [];
    GENERATIONS.forEach(([g]) => { if (num('gen-' + g) != null) generations[g] = num('gen-' + g) / 100; });
    CHECKS.forEach((id) => {
      if (num('good-' + id) != null || num('ok-' + id) != null) thresholds[id] = { good: num('good-' + id) ?? 70, ok: num('ok-' + id) ?? 45 };
      if (f.elements['req-' + id].checked) required.push(id);
      if (f.elements['off-' + id].checked) disabled.push(id);
    });
    const body = {
      name: val(f, 'name'), kind: val(f, 'kind'), description: val(f, 'description'),
      interests: interests.read().filter((i) => i.term).map((i) => ({ term: i.term, weight: Number(i.weight || 0) })),
      networks: Object.fromEntries(networks.read().map((n) => [n.network, Number(n.members || 0)])),
      generations, traits: val(f, 'traits').split(',').map((s) => s.trim()).filter(Boolean), thresholds, required, disabled,
      // null removes a declared language (a JSON merge patch), English then.
      language: val(f, 'language') || null,
    };
    save(f, '/v1/communities', c.id && c, body, 'communities');
  } },
  h('div', { class: 'grid' },
    field('Name', h('input', { name: 'name', value: c.name || '', required: true, maxlength: 120 })),
    field('Kind', select([['interest', 'Shared interest'], ['association', 'Association'], ['alliance', 'Alliance']], c.kind, { name: 'kind' })),
    field('Language', select(LANGUAGES, c.language || '', { name: 'language' }), 'Drafts are scored in it; interests match its word forms.')),
  field('Description', h('textarea', { name: 'description', maxlength: 2000 }, c.description || '')),
  interests, networks,
  h('fieldset', {}, h('legend', {}, 'Generations mix'), h('div', { class: 'grid' }, gens)),
  field('Traits', h('input', { name: 'traits', value: (c.traits || []).join(', ') }), 'Comma-separated, e.g. pragmatic, budget-conscious'),
  h('fieldset', { 'data-field': 'thresholds', tabindex: '-1' }, h('legend', {}, 'Checks: thresholds, required, disabled'),
    h('table', {}, h('thead', {}, h('tr', {}, ['Check', 'Good from', 'OK from', 'Required', 'Disabled'].map((x) => h('th', { scope: 'col' }, x)))), h('tbody', {}, checks)),
    h('p', { class: 'hint' }, 'A required check rated poor caps the overall rating; a disabled check is not scored. Empty thresholds keep the defaults.')),
  h('div', { class: 'row' }, h('button', { class: 'primary' }, c.id ? 'Save community' : 'Create community'),
    c.id && h('button', { type: 'button', class: 'danger', onclick: () => remove('/v1/communities/' + c.id, 'community ' + c.name, 'communities') }, 'Delete')));
  return [back('communities'), h('h1', {}, c.id ? c.name : 'New community'), form,
    c.id && h('p', {}, h('a', { href: '#/insights/' + c.id }, 'Insights of ' + c.name)),
    ...(c.id ? profileSections(c) : [])];
}

// --- partners -------------------------------------------------------------

async function partners([id]) {
  if (id) {
    const p = id === 'new' ? {} : await api('GET', '/v1/partners/' + encodeURIComponent(id));
    const form = h('form', { class: 'card', onsubmit: (ev) => {
      ev.preventDefault();
      const f = ev.target;
      save(f, '/v1/partners', p.id && p, { name: val(f, 'name'), url: val(f, 'url'), description: val(f, 'description') }, 'partners');
    } },
    field('Name', h('input', { name: 'name', value: p.name || '', required: true, maxlength: 120 })),
    field('Website', h('input', { name: 'url', type: 'url', value: p.url || '', placeholder: 'https://' })),
    field('Description', h('textarea', { name: 'description', maxlength: 2000 }, p.description || '')),
    h('div', { class: 'row' }, h('button', { class: 'primary' }, p.id ? 'Save partner' : 'Create partner'),
      p.id && h('button', { type: 'button', class: 'danger', onclick: () => remove('/v1/partners/' + p.id, 'partner ' + p.name, 'partners') }, 'Delete')));
    return [back('partners'), h('h1', {}, p.id ? p.name : 'New partner'), form];
  }
  const list = await all('/v1/partners');
  return [h('h1', {}, 'Partners'), h('p', {}, 'Businesses and groups that already have a community\'s ear.'),
    h('p', {}, h('a', { href: '#/partners/new' }, 'New partner')),
    table('Partners', ['Name', 'Website', 'Updated'], list.map((p) => [h('a', { href: '#/partners/' + p.id }, p.name), p.url || '', date(p.updated_at)]))];
}

// --- offers ---------------------------------------------------------------

async function offers([id]) {
  const [cs, ps] = await Promise.all([all('/v1/communities'), all('/v1/partners')]);
  const names = Object.fromEntries(cs.map((c) => [c.id, c.name]));
  if (!id) {
    const list = await all('/v1/offers');
    return [h('h1', {}, 'Offers'), h('p', {}, 'Something of real value for a community: a tool, a checklist, a guide, an event.'),
      h('p', {}, h('a', { href: '#/offers/new' }, 'New offer')),
      table('Offers', ['Title', 'Kind', 'Status', 'Communities', 'Fit when saved'], list.map((o) => [
        h('a', { href: '#/offers/' + o.id }, o.title), o.kind, o.status, (o.communities || []).map((c) => names[c] || c).join(', '),
        (o.fit || []).map((f) => (names[f.community_id] || f.community_id) + ': ' + f.score + ' ' + f.rating).join('; ')]))];
  }
  const o = id === 'new' ? { kind: 'checklist', status: 'draft', communities: [], network: '' } : await api('GET', '/v1/offers/' + encodeURIComponent(id));
  const boxes = cs.map((c) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'communities', value: c.id, checked: (o.communities || []).includes(c.id) }), ' ', c.name));
  const title = h('input', { name: 'title', value: o.title || '', required: true, maxlength: 200 });
  const body = h('textarea', { name: 'body', rows: 10, required: true, maxlength: 10000 }, o.body || '');
  const network = select([['', 'any (where most members are)'], ...NETWORKS], o.network || '', { name: 'network' });
  const kind = select(KINDS, o.kind, { name: 'kind' });
  const scores = h('div', { class: 'scores' });
  const form = h('form', { class: 'card', onsubmit: (ev) => {
    ev.preventDefault();
    const f = ev.target;
    save(f, '/v1/offers', o.id && o, {
      title: val(f, 'title'), body: val(f, 'body'), kind: val(f, 'kind'), status: val(f, 'status'), network: val(f, 'network') || null,
      url: val(f, 'url') || null, cta: val(f, 'cta') || null, partner_id: val(f, 'partner_id') || null,
      communities: [...f.querySelectorAll('input[name=communities]:checked')].map((x) => x.value),
    }, 'offers');
  } },
  h('div', { class: 'editor' },
    h('div', {},
      field('Title', title), field('Body', body, 'The score updates as you type, for each target community, in your browser: nothing is sent.'),
      h('div', { class: 'grid' }, field('Kind', kind), field('Network', network),
        field('Status', select(['draft', 'live', 'retired'], o.status, { name: 'status' })),
        field('Partner', select([['', 'none'], ...ps.map((p) => [p.id, p.name])], o.partner_id || '', { name: 'partner_id' }))),
      h('div', { class: 'grid' }, field('Link (URL)', h('input', { name: 'url', type: 'url', value: o.url || '', placeholder: 'https://' })),
        field('Call to action', h('input', { name: 'cta', value: o.cta || '', maxlength: 80 }))),
      h('fieldset', { 'data-field': 'communities', tabindex: '-1' }, h('legend', {}, 'Target communities'), boxes.length ? boxes : h('p', {}, h('a', { href: '#/communities/new' }, 'Create a community first.')))),
    h('section', { 'aria-labelledby': 'fit-h' }, h('h2', { id: 'fit-h' }, 'Live fit'), scores)),
  h('div', { class: 'row' }, h('button', { class: 'primary' }, o.id ? 'Save offer' : 'Create offer'),
    o.id && h('button', { type: 'button', class: 'danger', onclick: () => remove('/v1/offers/' + o.id, 'offer ' + o.title, 'offers') }, 'Delete')));
  liveScore(form, scores, { title, body, network, kind }, names);
  return [back('offers'), h('h1', {}, o.id ? o.title : 'New offer'), form];
}

// --- tracked links --------------------------------------------------------

async function links() {
  const [ls, cs, ps, os] = await Promise.all([all('/v1/links'), all('/v1/communities'), all('/v1/partners'), all('/v1/offers')]);
  const n = (list, label) => Object.fromEntries(list.map((x) => [x.id, x[label]]));
  const cn = n(cs, 'name'), pn = n(ps, 'name'), on = n(os, 'title');
  const withURL = os.filter((o) => o.url);
  const offerSel = select(withURL.map((o) => [o.id, o.title]), '', { name: 'offer_id' });
  const commSel = h('select', { name: 'community_id' });
  const fillComms = () => {
    const o = withURL.find((x) => x.id === offerSel.value);
    commSel.replaceChildren(...((o && o.communities) || []).map((c) => h('option', { value: c }, cn[c] || c)));
  };
  offerSel.addEventListener('change', fillComms);
  fillComms();
  const form = h('form', { class: 'card', onsubmit: async (ev) => {
    ev.preventDefault();
    const f = ev.target;
    try {
      const l = await api('POST', '/v1/links', { offer_id: val(f, 'offer_id'), community_id: val(f, 'community_id'), partner_id: val(f, 'partner_id') });
      say('Tracked link ' + l.code + ' created.');
      go('#/links');
    } catch (e) { fail(e); }
  } },
  h('h2', {}, 'New tracked link'),
  withURL.length && ps.length ? [h('div', { class: 'grid' }, field('Offer', offerSel), field('Community', commSel),
    field('Partner', select(ps.map((p) => [p.id, p.name]), '', { name: 'partner_id' }))),
  h('div', { class: 'row' }, h('button', { class: 'primary' }, 'Create link'))]
    : h('p', {}, 'A tracked link needs an offer with a URL and a partner.'));

  const detail = h('div', { id: 'link-detail' });
  const rowsOut = ls.map((l) => {
    const url = location.origin + '/r/' + l.code;
    return [h('button', { type: 'button', class: 'link', onclick: () => showLink(detail, l, url, pn[l.partner_id] || l.partner_id) }, l.code),
      on[l.offer_id] || l.offer_id, cn[l.community_id] || l.community_id, pn[l.partner_id] || l.partner_id, url];
  });
  return [h('h1', {}, 'Tracked links'),
    h('p', {}, 'A partner shares a link; following it counts a click for the partner and its campaign, then opens the offer.'),
    table('Tracked links', ['Code', 'Offer', 'Community', 'Partner', 'Link'], rowsOut), detail, form];
}

// showLink: the link with optional UTM parameters, a copy button and its QR code.
function showLink(box, l, base, partner) {
  const out = h('input', { readonly: true, value: base, class: 'secret', size: 60 });
  const utm = ['campaign', 'source', 'medium'].map((k) => h('input', { name: 'utm_' + k, placeholder: k === 'medium' ? 'e.g. qr, email' : '' }));
  const qr = h('div', { class: 'qr', 'aria-live': 'polite' });
  const url = () => {
    const u = new URL(base);
    utm.forEach((i) => { if (i.value.trim()) u.searchParams.set(i.name, i.value.trim()); });
    return u.toString();
  };
  utm.forEach((i) => i.addEventListener('input', () => { out.value = url(); }));
  const copy = async () => {
    try { await navigator.clipboard.writeText(out.value); say('Link copied.'); } catch { out.select(); say('Press Ctrl+C to copy the selected link.'); }
  };
  const draw = async () => {
    try {
      const svg = await api('GET', '/v1/links/' + l.code + '/qr?url=' + encodeURIComponent(out.value));
      const src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
      qr.replaceChildren(h('img', { src, alt: 'QR code of ' + out.value }),
        h('p', {}, h('a', { href: src, download: 'sweetspot-' + l.code + '.svg' }, 'Download the QR code (SVG)')));
    } catch (e) { fail(e); }
  };
  box.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'ld-h' }, h('h2', { id: 'ld-h', tabindex: '-1' }, 'Link ' + l.code + ' for ' + partner),
    h('div', { class: 'grid' }, utm.map((i, n) => field(['Campaign (utm_campaign)', 'Source (utm_source)', 'Medium (utm_medium)'][n], i))),
    field('Link to share', out),
    h('div', { class: 'row' }, h('button', { type: 'button', class: 'primary', onclick: copy }, 'Copy link'),
      h('button', { type: 'button', onclick: draw }, 'QR code'),
      h('button', { type: 'button', class: 'danger', onclick: () => remove('/v1/links/' + l.code, 'tracked link ' + l.code, 'links') }, 'Delete link')), qr));
  box.querySelector('h2').focus();
}

// --- keys -------------------------------------------------------------------

async function keys() {
  const list = await all('/v1/keys');
  const shown = h('div', { 'aria-live': 'polite' });
  const scope = select([['ingest', 'ingest: a public site key (events, offers, audiences) for the origins below'], ['admin', 'admin: everything (servers only)']], 'ingest', { name: 'scope' });
  const origins = h('textarea', { name: 'origins', rows: 2, placeholder: 'https://www.example.com' });
  const form = h('form', { class: 'card', onsubmit: async (ev) => {
    ev.preventDefault();
    const f = ev.target;
    try {
      const k = await api('POST', '/v1/keys', { name: val(f, 'name'), scope: val(f, 'scope'),
        origins: val(f, 'scope') === 'ingest' ? val(f, 'origins').split(/[\s,]+/).filter(Boolean) : [] });
      const secret = h('p', { class: 'secret', tabindex: '0' }, k.secret);
      shown.replaceChildren(h('section', { class: 'card' }, h('h2', { tabindex: '-1' }, 'Key ' + k.name + ' created'),
        h('p', {}, h('strong', {}, 'Copy it now: it is shown once.'), ' Only its hash is stored.'), secret,
        h('button', { type: 'button', onclick: () => navigator.clipboard.writeText(k.secret).then(() => say('Key copied.'), () => say('Select the key and copy it.')) }, 'Copy key'),
        h('button', { type: 'button', onclick: () => go('#/keys') }, 'Done')));
      f.reset();
      shown.querySelector('h2').focus();
    } catch (e) { fail(e); }
  } },
  h('h2', {}, 'New key'),
  h('div', { class: 'grid' }, field('Name', h('input', { name: 'name', required: true, maxlength: 120 })), field('Scope', scope)),
  field('Allowed origins (ingest keys)', origins, 'One per line: the sites that embed the offer or editor widget.'),
  h('div', { class: 'row' }, h('button', { class: 'primary' }, 'Create key')));
  return [h('h1', {}, 'Keys'), shown,
    table('Keys', ['Name', 'Scope', 'Ends in', 'Origins', 'Created', 'Revoke'], list.map((k) => [k.name, k.scope, '…' + k.hint, (k.origins || []).join(' '), date(k.created_at),
      h('button', { type: 'button', class: 'danger', onclick: () => remove('/v1/keys/' + k.id, 'key ' + k.name + ' (it stops working at once)', 'keys') }, 'Revoke', h('span', { class: 'sr-only' }, ' ' + k.name))])), form];
}

// --- workspace ----------------------------------------------------------------

async function workspace() {
  const w = await api('GET', '/v1/workspace');
  const form = h('form', { class: 'card', onsubmit: async (ev) => {
    ev.preventDefault();
    try {
      await api('PATCH', '/v1/workspace', { name: val(ev.target, 'name'), version: w.version });
      say('Saved.');
      go('#/workspace');
    } catch (e) { fail(e); }
  } },
  field('Name', h('input', { name: 'name', value: w.name, required: true, maxlength: 120 })),
  h('p', { class: 'hint' }, 'Workspace ' + w.id + ', created ' + date(w.created_at) + '.'),
  h('div', { class: 'row' }, h('button', { class: 'primary' }, 'Save')));
  return [h('h1', {}, 'Workspace'), form];
}

// --- your data: export and erasure ---------------------------------------------

async function data() {
  const cs = await all('/v1/communities');
  const progress = h('p', { 'aria-live': 'polite' });
  const exportBtn = h('button', { type: 'button', class: 'primary', onclick: async () => {
    exportBtn.disabled = true;
    try {
      const r = await fetch('/v1/export', { headers: { Authorization: 'Bearer ' + sessionStorage.getItem('sweetspot.adminKey') } });
      if (!r.ok) throw new Error('export refused: ' + r.status);
      const reader = r.body.getReader(), parts = [], dec = new TextDecoder();
      let lines = 0, tail = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        const text = tail + dec.decode(value, { stream: true });
        lines += text.split('\n').length - 1;
        tail = text.slice(text.lastIndexOf('\n') + 1);
        progress.textContent = lines + ' records read…';
      }
      const blob = new Blob(parts, { type: 'application/x-ndjson' });
      const last = (await blob.text()).trim().split('\n').pop();
      const end = JSON.parse(last);
      if (end.type !== 'end') throw new Error('the export stopped early: ' + ((end.data && end.data.message) || 'incomplete'));
      download('sweetspot-export.ndjson', blob);
      progress.textContent = 'Export complete: ' + Object.entries(end.data).map(([k, v]) => v + ' ' + k).join(', ') + '.';
    } catch (e) { fail(e); progress.textContent = ''; } finally { exportBtn.disabled = false; }
  } }, 'Export the workspace');
  const erase = h('form', { class: 'card', onsubmit: async (ev) => {
    ev.preventDefault();
    const f = ev.target, member = val(f, 'member');
    if (!f.elements.sure.checked) { say('Tick the box to confirm the erasure.', true); f.elements.sure.focus(); return; }
    try {
      const r = await api('DELETE', '/v1/communities/' + encodeURIComponent(val(f, 'community')) + '/members/' + encodeURIComponent(member));
      say('Member erased with ' + r.events_deleted + ' events.');
      f.reset();
    } catch (e) { fail(e.status === 404 ? new Error('No such member in this community.') : e); }
  } },
  h('h2', {}, 'Erase a member'),
  h('p', {}, 'For a data-subject request: deletes the member\'s record and raw events. Counts stay (they hold no personal data). The member id is the one the offer widget keeps in the visitor\'s browser (localStorage "sweetspot.member").'),
  h('div', { class: 'grid' }, field('Community', select(cs.map((c) => [c.id, c.name]), '', { name: 'community' })),
    field('Member id', h('input', { name: 'member', required: true, minlength: 8, maxlength: 64, pattern: '[A-Za-z0-9_\\-]+', spellcheck: 'false' }))),
  h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'sure' }), ' I understand this cannot be undone'),
  h('div', { class: 'row' }, h('button', { class: 'danger' }, 'Erase member')));
  return [h('h1', {}, 'Your data'),
    h('section', { class: 'card' }, h('h2', {}, 'Export'),
      h('p', {}, 'Everything in the workspace as NDJSON, one record a line: the workspace, keys (never their secrets), communities, partners, offers, tracked links, members and the raw events still kept.'),
      exportBtn, progress), erase];
}

export const pages = { communities, partners, offers, links, keys, workspace, data };
