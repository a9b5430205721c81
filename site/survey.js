/* Sweetspot member survey: up to three optional questions (networks, age
 * bracket, interests), asked once per browser; no cookies, honours DNT and
 * GPC. Usage and design: docs/SURVEY.md. */
(function () {
  'use strict';
  var s = document.currentScript;
  if (!s) return;
  var d = s.dataset, w = window, n = navigator, doc = document, ls;
  try { ls = w.localStorage; ls.length; } catch (e) { ls = null; }
  var api = (d.api || new URL(s.src).origin).replace(/\/$/, '');
  var auth = '?key=' + encodeURIComponent(d.key || '');
  var c = d.community || '';
  var P = 'ss-survey';
  var KEY = 'sweetspot.survey ' + c;   // set once asked: the date it was
  var MAX_PICKS = 3;                   // survey.MaxInterestPicks
  // Age brackets and the generation each counts as (survey.Brackets).
  var AGES = [['Under 25', 'genz'], ['25\u201344', 'millennials'], ['45\u201360', 'genx'],
    ['Over 60', 'boomers'], ['Prefer not to say', '']];
  var NAMES = { linkedin: 'LinkedIn', twitter: 'X (Twitter)', facebook: 'Facebook', instagram: 'Instagram',
    pinterest: 'Pinterest', threads: 'Threads', bluesky: 'Bluesky', mastodon: 'Mastodon', reddit: 'Reddit',
    tiktok: 'TikTok', youtube: 'YouTube', email: 'Email newsletters', blog: 'Blogs' };

  var optOut = n.doNotTrack == '1' || w.doNotTrack == '1' || n.globalPrivacyControl === true;
  var bot = n.webdriver || /bot|crawl|spider|slurp|headless|lighthouse|prerender|preview/i.test(n.userAgent);
  if (optOut || (bot && d.trackBots != 'true') || !/^[A-Za-z0-9_-]{1,64}$/.test(c)) return;

  // Asked once per browser; without storage, once per page view (the
  // page-wide flag also keeps two tags of one community from both asking).
  var page = w.__sweetspotSurvey = w.__sweetspotSurvey || {};
  function asked() {
    try { return page[c] || (ls && ls.getItem(KEY)); } catch (e) { return page[c]; }
  }
  function markAsked() {
    page[c] = 1;
    try { ls && ls.setItem(KEY, new Date().toISOString()); } catch (e) { /* full or blocked */ }
  }
  function list(v) {
    return Array.isArray(v) ? v.filter(function (x) { return typeof x == 'string' && x; }).slice(0, 20) : [];
  }
  function el(tag, cls, parent, text) {
    var e = doc.createElement(tag);
    e.className = cls ? P + '-' + cls : P;
    if (text) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }
  // question adds a fieldset of checkboxes or radios; returns its inputs.
  function question(form, legend, type, options) {
    var f = el('fieldset', 'question', form);
    el('legend', 'legend', f, legend);
    return options.map(function (o) {
      var l = el('label', 'option', f), i = el('input', 'input', l);
      i.type = type;
      i.name = P + '-' + c + '-' + form.children.length;
      i.value = o[1];
      el('span', 'label', l, o[0]);
      return i;
    });
  }
  function values(inputs) {
    return inputs.filter(function (i) { return i.checked && i.value; }).map(function (i) { return i.value; });
  }

  function render(cfg) {
    var q = (cfg && cfg.questions) || {}, nets = list(q.networks), ints = list(q.interests);
    if (asked() || !(nets.length || q.generations === true || ints.length)) return;
    page[c] = 1;
    var root = el('section', ''), id = P + '-' + c;
    root.setAttribute('aria-labelledby', id);
    var close = el('button', 'close', root, '\u00d7');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close the survey');
    el('h2', 'title', root, typeof cfg.title == 'string' && cfg.title || 'Help us bring you what matters').id = id;
    el('p', 'intro', root, 'Optional and anonymous: no cookies, no names.');
    var form = el('form', 'form', root), netIn = [], ageIn = [], intIn = [];
    if (nets.length) {
      netIn = question(form, 'Which of these networks do you use?', 'checkbox',
        nets.map(function (x) { return [NAMES[x] || x, x]; }));
    }
    if (q.generations === true) ageIn = question(form, 'Your age', 'radio', AGES);
    if (ints.length) {
      intIn = question(form, 'Which of these matter most to you? Pick up to ' + MAX_PICKS + '.', 'checkbox',
        ints.map(function (x) { return [x, x]; }));
      form.lastChild.addEventListener('change', function () {
        var full = values(intIn).length >= MAX_PICKS;
        intIn.forEach(function (i) { i.disabled = full && !i.checked; });
      });
    }
    el('button', 'submit', form, 'Send').type = 'submit';
    var status = el('p', 'status', root);
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var a = {}, v = values(netIn);
      if (v.length) a.networks = v;
      v = values(ageIn);
      if (v.length) a.generation = v[0];
      v = values(intIn);
      if (v.length) a.interests = v;
      if (!Object.keys(a).length) {
        status.textContent = 'Pick an answer, or close the survey.';
        return;
      }
      markAsked();
      // text/plain: a CORS "simple" request, so no preflight (as offer.js).
      fetch(api + '/v1/survey' + auth, {
        method: 'POST', keepalive: true, body: JSON.stringify({ community: c, answers: a }),
        headers: { 'Content-Type': 'text/plain' }, credentials: 'omit'
      }).catch(function () {});
      root.className = P + ' ' + P + '-done';
      form.remove();
      status.textContent = 'Thank you! Your answers help us share what matters to you.';
      status.tabIndex = -1;
      status.focus();   // the button that had focus is gone
    });
    // Dismissing counts as asked. Focus, if it was on the close button,
    // falls back to the document at the survey's place (browsers keep the
    // sequential navigation point there).
    close.addEventListener('click', function () { markAsked(); root.remove(); });

    var target = d.target && doc.getElementById(d.target);
    if (target) target.appendChild(root);
    else s.parentNode.insertBefore(root, s.nextSibling);
    // Asked means seen: at least half of the survey on screen.
    if (w.IntersectionObserver) {
      var io = new IntersectionObserver(function (es) {
        if (es[0].isIntersecting) { io.disconnect(); markAsked(); }
      }, { threshold: 0.5 });
      io.observe(root);
    } else markAsked();
  }

  if (asked()) return;
  fetch(api + '/v1/communities/' + c + '/survey' + auth, { credentials: 'omit' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(render, function () {});
})();
