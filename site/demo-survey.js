/* Demo page only: embeds the member survey (survey.js) exactly as a
 * customer's tag would, for the community and ingest key given in the
 * page's address, because the demo's ids and keys are made when `make dev`
 * seeds it: demo.html?survey=<community id>&key=<ingest key>. Add &again
 * to be asked again in this browser. Without them it does nothing. */
(function () {
  'use strict';
  var q = new URLSearchParams(location.search), c = q.get('survey'), k = q.get('key');
  if (!c || !k) return;
  if (q.has('again')) try { localStorage.removeItem('sweetspot.survey ' + c); } catch (e) { /* no storage */ }
  var s = document.createElement('script');
  s.src = '/survey.js';
  s.async = true;
  s.dataset.community = c;
  s.dataset.key = k;
  s.dataset.target = 'survey';
  document.body.appendChild(s);
})();
