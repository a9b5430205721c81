// The live fit of an offer while it is written: the editor widget's
// WebAssembly engine (/widget.js, Sweetspot.load() and Sweetspot.score(),
// docs/widget.md) scores the draft against each target community's
// audience in the browser. Nothing is sent while typing; the audiences are
// read once per community from GET /v1/communities/{id}/audience.
import { h, api } from './app.js';

const RATING = { good: 'good', ok: 'ok', poor: 'poor', none: 'not scored yet' };
const SYMBOL = { good: '●', ok: '◐', poor: '○', none: '–' }; // shape as well as colour

function engine() {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    (function wait() {
      if (window.Sweetspot && window.Sweetspot.load) return window.Sweetspot.load().then(resolve, reject);
      if (Date.now() - t0 > 10000) return reject(new Error('the scoring engine did not load'));
      setTimeout(wait, 50);
    })();
  });
}

export function liveScore(form, out, { title, body, network, kind }, names) {
  const audiences = {};
  const summary = h('p', { class: 'muted', 'aria-live': 'polite', id: 'fit-summary' });
  const cards = h('div', { class: 'scores' });
  out.replaceChildren(summary, cards);
  let timer, S;
  const targets = () => [...form.querySelectorAll('input[name=communities]:checked')].map((x) => x.value);
  const audience = (id) => audiences[id] || (audiences[id] = api('GET', '/v1/communities/' + encodeURIComponent(id) + '/audience'));

  async function run() {
    const ids = targets();
    if (!ids.length) {
      cards.replaceChildren();
      summary.textContent = 'Tick a target community to see the fit of this draft.';
      return;
    }
    try {
      S = S || await engine();
    } catch (e) {
      summary.textContent = 'The live score is unavailable: ' + e.message;
      return;
    }
    const content = { title: title.value, body: body.value, kind: kind.value };
    if (network.value) content.network = network.value;
    const results = await Promise.all(ids.map(async (id) => {
      try { return [id, S.score(content, await audience(id))]; } catch (e) { return [id, { error: e.message }]; }
    }));
    cards.replaceChildren(...results.map(([id, r]) => card(names[id] || id, r)));
    summary.textContent = results.map(([id, r]) => (names[id] || id) + ': ' + (r.error ? 'error' : r.empty ? 'not scored yet' : r.score + ' ' + RATING[r.rating])).join('; ');
  }
  const later = () => { clearTimeout(timer); timer = setTimeout(run, 150); };
  form.addEventListener('input', later);
  form.addEventListener('change', later);
  run();
}

function card(name, r) {
  if (r.error) return h('div', { class: 'card score-card' }, h('h3', {}, name), h('p', { class: 'error-text' }, r.error));
  const rating = r.empty ? 'none' : r.rating;
  const weak = (r.checks || []).filter((c) => c.rating !== 'good').slice(0, 3);
  return h('div', { class: 'card score-card', 'data-community': name },
    h('h3', {}, name),
    h('p', {}, h('span', { class: 'score', 'data-score': r.empty ? '' : r.score }, r.empty ? '–' : r.score), ' ',
      h('span', { class: 'rating-' + rating }, SYMBOL[rating] + ' ' + RATING[rating])),
    r.empty ? h('p', { class: 'hint' }, 'The score appears once the draft has 5 words.') : null,
    (r.caps || []).length ? h('p', { class: 'rating-poor' }, 'Held down by: ' + r.caps.map((c) => c.reason).join('; ')) : null,
    weak.length ? h('ul', {}, weak.map((c) => h('li', {}, h('strong', {}, c.id + ' (' + RATING[c.rating] + '): '), c.suggestion || c.message))) : null);
}
