// A community's profile from its own people (issue 11): the followers'
// bios (on-target share, term cloud, suggested interests), the member
// survey's suggested profile, and the calibration on past posts. Every
// section loads on its own, after the community's page is shown. The
// cloud is an SVG from the API: shown as an <img> of a blob URL (an image
// never runs script), never inserted as markup.
import { h, field, api, key, say, fail, table, go } from './app.js';

const pct = (x) => (x == null ? '' : (Math.round(x * 1000) / 10) + '%');
const pm = (m) => (m == null ? '' : ' ± ' + (Math.round(m * 1000) / 10) + ' points');
const enc = encodeURIComponent;
// put replaces an element's children, skipping the absent ones
// (replaceChildren would write null as text).
const put = (el, ...nodes) => el.replaceChildren(...nodes.filter((n) => n instanceof Node));

// upload sends a file as it is, with the type its name says (CSV or JSONL),
// and returns [status, parsed body].
async function upload(path, file) {
  const type = /\.(jsonl|ndjson)$/i.test(file.name) || /json/.test(file.type) ? 'application/x-ndjson' : 'text/csv';
  const r = await fetch(path, { method: 'POST', body: file, headers: { Authorization: 'Bearer ' + key(), 'Content-Type': type } });
  let data = null;
  try { data = await r.json(); } catch { /* empty */ }
  if (!r.ok && !(data && data.accepted !== undefined && r.status === 400)) {
    const e = (data && data.error) || {};
    const where = data && data.line ? ' (line ' + data.line + (data.column ? ', column ' + data.column : '') + ')' : '';
    throw new Error((e.message || r.statusText || 'upload failed') + (where && !/^line /.test(e.message || '') ? where : ''));
  }
  return [r.status, data];
}

// fileForm: a labelled file input and a submit button.
function fileForm(label, hint, button, onfile) {
  const input = h('input', { type: 'file', accept: '.csv,.jsonl,.ndjson,text/csv,application/x-ndjson', required: true });
  const btn = h('button', { class: 'primary' }, button);
  return h('form', { class: 'row', onsubmit: async (ev) => {
    ev.preventDefault();
    if (!input.files[0]) { say('Choose a file first.', true); input.focus(); return; }
    btn.disabled = true;
    try { await onfile(input.files[0]); } catch (e) { fail(e); } finally { btn.disabled = false; }
  } }, field(label, input, hint), btn);
}

// patchCommunity applies a merge patch carrying the version read; a 409
// (changed meanwhile) reloads the page with what is stored now.
async function patchCommunity(c, patch, done) {
  try {
    await api('PATCH', '/v1/communities/' + enc(c.id), patch);
    say(done);
  } catch (e) {
    if (e.status !== 409) return fail(e);
    say('The community changed meanwhile: reloaded, try again.', true);
  }
  go('#/communities/' + c.id);
}

// --- followers ---------------------------------------------------------------

function followers(c) {
  const out = h('div', { 'aria-live': 'polite' });
  const base = '/v1/communities/' + enc(c.id) + '/followers';
  let cloudURL = '';
  const show = async (r) => {
    const have = new Set((c.interests || []).map((i) => i.term.toLowerCase()));
    const sugg = (r.suggestions || []).filter((s) => !have.has(s.term.toLowerCase()));
    const img = h('img', { alt: 'Term cloud of ' + r.bios + ' follower bios (loading)', class: 'cloud' });
    put(out, 
      h('p', { class: 'kpis' },
        h('span', { class: 'kpi', id: 'on-target' }, 'On target', h('b', {}, pct(r.on_target && r.on_target.share)),
          h('span', { class: 'hint' }, pm(r.on_target && r.on_target.margin).trim() + ' (95%), ' + r.bios + ' bios of ' + r.followers + ' followers'))),
      table('Interests mentioned in the bios', ['Interest', 'Share of bios', 'Margin (95%)'],
        (r.interests || []).map((i) => [i.term + (i.unmatchable ? ' (cannot be matched: write it out)' : ''), pct(i.share), pm(i.margin).replace(' ± ', '±')])),
      h('h3', {}, 'Term cloud'), h('figure', { class: 'cloud' }, img,
        h('figcaption', { class: 'hint' }, 'The most distinctive words of the bios, larger when more distinctive; words already interests are bold and underlined.')),
      h('h3', {}, 'Suggested interests'),
      sugg.length ? table('Words frequent among on-target followers and missing from the interests', ['Term', 'On-target bios', 'Other bios', 'Add'],
        sugg.map((s) => [s.term, pct(s.share), pct(s.others_share),
          h('button', { type: 'button', onclick: () => patchCommunity(c,
            { interests: [...(c.interests || []), { term: s.term, weight: 0.5 }], version: c.version }, 'Added ' + s.term + ' to the interests.') },
          'Add to interests', h('span', { class: 'sr-only' }, ': ' + s.term))]), 'suggested-interests')
        : h('p', { class: 'muted' }, 'No suggestion: no word sets the on-target followers apart yet.'));
    try {
      const res = await fetch(base + '/cloud.svg', { headers: { Authorization: 'Bearer ' + key() } });
      if (!res.ok) throw new Error('term cloud: ' + res.status);
      const blob = await res.blob();
      if (cloudURL) URL.revokeObjectURL(cloudURL);
      cloudURL = URL.createObjectURL(new Blob([blob], { type: 'image/svg+xml' }));
      img.alt = 'Term cloud: ' + (r.terms || []).slice(0, 40).map((t) => t.term + ' ' + pct(t.share)).join(', ');
      img.src = cloudURL;
    } catch (e) { img.alt = 'The term cloud could not be loaded.'; fail(e); }
  };
  api('GET', base).then(show, (e) => { if (e.status === 404) put(out, h('p', { class: 'muted' }, 'No follower file analysed yet.')); else fail(e); });
  return h('section', { class: 'card', 'aria-labelledby': 'fol-h' }, h('h2', { id: 'fol-h' }, 'Followers'),
    h('p', {}, 'An export of the community\'s followers: how many are its people, what they talk about, which of their words the interests miss. Only counts are kept, never the bios.'),
    fileForm('Followers file (CSV or JSONL)', 'A header row naming a bio (or description, about, summary) column; optional network, age_bracket, birth_year. At most 4 MiB.',
      'Analyse followers', async (file) => {
        const [, r] = await upload(base, file);
        say('Analysed ' + r.followers + ' followers.');
        await show(r);
      }), out);
}

// --- survey --------------------------------------------------------------------

function survey(c) {
  const out = h('div', { 'aria-live': 'polite' });
  const n = (x) => (x ? x.n + (x.low_sample ? ' (a small sample: read with care)' : '') : '0');
  const est = (e) => (e ? pct(e.value) + pm(e.margin).replace(' points', '') : '');
  api('GET', '/v1/communities/' + enc(c.id) + '/survey/suggestion').then((s) => {
    const g = s.suggestion || {};
    if (!s.patch) return put(out, h('p', { class: 'muted' }, 'Nobody has answered the survey yet: the member survey (site/survey.js on your pages) fills this in.'));
    const net = g.networks || {}, gen = g.generations || {}, int = g.interests || {};
    put(out, 
      h('p', {}, (g.respondents || 0) + ' members answered.'),
      net.items && table('Members per network (answered by ' + n(net) + ')', ['Network', 'Now', 'Share of answers', 'Suggested'],
        net.items.map((i) => [i.id, i.current ?? 0, est(i.share), i.suggested + (i.kept ? ' (kept)' : '')]), 'survey-networks'),
      gen.items && table('Generations mix (answered by ' + n(gen) + ')', ['Generation', 'Now', 'Suggested'],
        gen.items.map((i) => [i.id, pct(i.current), est(i.suggested)]), 'survey-generations'),
      int.items && table('Interest weights (answered by ' + n(int) + ')', ['Interest', 'Now', 'Picked by', 'Suggested'],
        int.items.map((i) => [i.term, i.current ?? '', est(i.share), (i.suggested ?? '') + (i.kept ? ' (kept)' : '')]), 'survey-interests'),
      h('div', { class: 'row' }, h('button', { type: 'button', class: 'primary', onclick: () => patchCommunity(c, s.patch, 'Applied the survey\'s suggestion.') },
        'Apply the suggestion')));
  }, fail);
  return h('section', { class: 'card', 'aria-labelledby': 'sur-h' }, h('h2', { id: 'sur-h' }, 'Survey'),
    h('p', {}, 'What members answered, the profile it suggests next to the current one, with the sample sizes and 95% margins.'), out);
}

// --- history & calibration --------------------------------------------------------

function calibration(c) {
  const base = '/v1/communities/' + enc(c.id);
  const imported = h('div', { 'aria-live': 'polite' });
  const report = h('div', { 'aria-live': 'polite' });
  const rho = (x) => (x == null ? '–' : x.toFixed(2));
  const calibrate = h('button', { type: 'button', class: 'primary', onclick: async () => {
    calibrate.disabled = true;
    try {
      const r = await api('POST', base + '/calibrate');
      c.version = r.version ?? c.version;
      put(report, 
        h('p', {}, h('strong', {}, r.applied ? 'Applied: ' : 'Not applied: '),
          r.applied ? 'the score now follows this community\'s own engagement.' : (r.reason || 'no gain on the newest posts.')),
        h('p', {}, 'Calibrated on ' + (r.posts || 0) + ' posts (' + (r.train || 0) + ' to learn, ' + (r.test || 0) + ' held out): hold-out rho ' +
          rho(r.rho) + ' against ' + rho(r.baseline_rho) + ' uncalibrated.'),
        (r.top_terms || []).length ? table('Words that go with engagement', ['Term', 'Weight'], r.top_terms.map((t) => [t.term, t.weight.toFixed(3)]), 'calibration-terms') : null);
    } catch (e) { fail(e.status === 409 ? new Error('The community changed meanwhile: calibrate again.') : e); } finally { calibrate.disabled = false; }
  } }, 'Calibrate');
  return h('section', { class: 'card', 'aria-labelledby': 'cal-h' }, h('h2', { id: 'cal-h' }, 'History & calibration'),
    h('p', {}, 'Past posts with their engagement teach the score what works for this community.'),
    fileForm('Past posts (CSV or JSONL)', 'title or body, published (date), and views, reactions, comments, shares, clicks or signups. At most 4 MiB.',
      'Import history', async (file) => {
        const [status, r] = await upload(base + '/history', file);
        put(imported, h('p', {}, (r.accepted || 0) + ' lines accepted, ' + (r.rejected_count || 0) + ' rejected; ' + (r.stored ?? '') + ' posts stored (at most ' + (r.limit ?? 5000) + ').'),
          (r.rejected || []).length ? table('Rejected lines', ['Line', 'Column', 'Field', 'Why'], r.rejected.map((l) => [l.line, l.column || '', l.field || '', l.message]), 'rejected-lines') : null);
        if (status === 400) say((r.error && r.error.message) || 'No line imported.', true); else say('Imported ' + r.accepted + ' posts.');
      }), imported,
    h('div', { class: 'row' }, calibrate), report);
}

export function profileSections(c) {
  return [followers(c), survey(c), calibration(c)];
}
