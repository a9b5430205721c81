/* Sweetspot editor widget loader: a live fit score beside any editor.
 *
 *   <script src="https://WIDGET-ORIGIN/widget.js" data-target="#editor"
 *           data-audience="/communities/c1.json" async></script>
 *
 * data-target    CSS selector of the textarea, input or contenteditable
 * data-audience  URL of an audience JSON (relative to the page), or
 * data-community + data-api + data-key: fetch GET {api}/v1/communities/{id}/audience
 *                with an ingest key (origin-bound; never an admin key)
 * data-title     optional selector of a title input
 * data-network   optional target network (default: where most members are)
 * data-document  optional document id for remembered dismissals
 *                (default: the page path and the target selector)
 * data-panel     optional selector of the element to render the panel into
 *
 * Everything else (wasm_exec.js, the engine) is fetched from this script's
 * own origin; the draft never leaves the page. Without data-target the
 * loader only defines Sweetspot.load(), which resolves to the Sweetspot
 * object once Sweetspot.score(content, audience) is ready. */
(function () {
  'use strict';
  performance.mark('sweetspot:loader');
  var me = document.currentScript;
  if (!me) return;
  var d = me.dataset;
  var base = new URL('widget/', me.src);
  var S = window.Sweetspot = window.Sweetspot || {};

  function log(msg, err) { console.error('sweetspot: ' + msg, err || ''); }

  function get(url, init) {
    return fetch(url, init).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r;
    });
  }

  function script(src) {
    return new Promise(function (ok, no) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = ok;
      s.onerror = function () { no(new Error('cannot load ' + src)); };
      document.head.appendChild(s);
    });
  }

  // `make wasm` stamps the content-hashed file names in place of the null
  // below (build/widget/widget.js); unstamped, the loader asks manifest.json.
  var names = /*MANIFEST*/null;

  // The engine starts once per page, whatever the number of widgets. The
  // wasm download and its streaming compilation start at once, before
  // wasm_exec.js (fetched in parallel) has arrived.
  S.load = S.load || function () {
    if (S._p) return S._p;
    var m = names ? Promise.resolve(names)
      : get(new URL('manifest.json', base)).then(function (r) { return r.json(); });
    return S._p = m.then(function (m) {
      var url = new URL(m['sweetspot.wasm'], base);
      var slow = function () {
        return get(url).then(function (r) { return r.arrayBuffer(); }).then(function (b) {
          return WebAssembly.compile(b);
        });
      };
      // Streaming compiles while downloading; it needs application/wasm
      // and CORS, so fall back to a plain download if a proxy breaks them.
      var mod = WebAssembly.compileStreaming ? WebAssembly.compileStreaming(get(url)).catch(slow) : slow();
      performance.mark('sweetspot:fetch');
      return Promise.all([mod, window.Go || script(new URL(m['wasm_exec.js'], base))]).then(function (v) {
        var go = new Go();
        return WebAssembly.instantiate(v[0], go.importObject).then(function (inst) {
          performance.mark('sweetspot:run'); go.run(inst); performance.mark('sweetspot:ran');
          if (!S.score) throw new Error('engine did not start');
          return S;
        });
      });
    });
  };

  function audience() {
    if (d.community) {
      var api = (d.api || new URL('/', me.src).href).replace(/\/+$/, '');
      return get(api + '/v1/communities/' + encodeURIComponent(d.community) + '/audience', {
        headers: { Authorization: 'Bearer ' + (d.key || '') }
      }).then(function (r) { return r.json(); }, function (e) {
        // A key refused for this origin is a CORS failure the page cannot
        // read: name the likely causes for whoever set up the page.
        throw new Error('cannot read community ' + d.community + ': check data-community, and that data-key is an ingest key allowing ' + location.origin + ' (' + e.message + ')');
      });
    }
    return get(new URL(d.audience, document.baseURI)).then(function (r) { return r.json(); });
  }

  if (!d.target) return;
  var ready = Promise.all([S.load(), audience()]);
  ready.catch(function () {}); // reported once, in start

  function start() {
    var q = function (sel) { return sel ? document.querySelector(sel) : null; };
    var target = q(d.target);
    if (!target) return log('no element matches data-target ' + d.target);
    ready.then(function (v) {
      var r = v[0].mount(target, {
        audience: v[1],
        title: q(d.title),
        panel: q(d.panel),
        network: d.network || '',
        storageKey: d.document || location.pathname + ' ' + d.target
      });
      if (r && r.error) throw new Error(r.error);
    }).catch(function (e) { log('widget not started', e); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
