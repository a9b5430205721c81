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
  // There is one wasm per language (sweetspot-<code>.wasm): each models one
  // language (and scores any other as not modelled).
  var names = /*MANIFEST*/null;
  var manifest = function () {
    return names ? Promise.resolve(names)
      : S._m || (S._m = get(new URL('manifest.json', base)).then(function (r) { return r.json(); }));
  };
  var wasmOf = function (m, code) { return m['sweetspot-' + code + '.wasm']; };
  var primary = function (tag) { return (tag || '').toLowerCase().split(/[-_]/)[0]; };
  // The build: data-lang, else the page's <html lang> (primary subtag),
  // else English; a language without a build falls through to the next.
  var pick = function (m) {
    var c = [primary(d.lang), primary(document.documentElement.lang)].filter(function (c) { return wasmOf(m, c); });
    return c[0] || 'en';
  };

  // Each language's engine starts once per page, whatever the number of
  // widgets: S._e[code] resolves to its {code, score, mount}. The wasm
  // download and its streaming compilation start at once, before
  // wasm_exec.js (fetched in parallel) has arrived.
  S._e = S._e || {};
  var boot = function (m, code, url) {
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
        // main registers Sweetspot.score and .mount before go.run returns.
        var before = S.score;
        performance.mark('sweetspot:run'); go.run(inst); performance.mark('sweetspot:ran');
        if (!S.score || S.score === before) throw new Error('engine did not start');
        return { code: code, score: S.score, mount: S.mount };
      });
    });
  };
  var engine = function (m, code) {
    if (S._e[code]) return S._e[code];
    // A page may preload its build under its plain name, from this origin:
    // <link rel="preload" as="fetch" crossorigin href=".../widget/sweetspot-en.wasm">.
    // Fetching that same URL uses the download it started with the page.
    // The plain name is the current release, not this loader's: if it
    // fails (missing, or another release's runtime), the hashed build
    // this loader was stamped with is loaded instead.
    var hashed = new URL(wasmOf(m, code), base).href;
    var plain = new URL('sweetspot-' + code + '.wasm', base).href;
    var pre = [].some.call(document.querySelectorAll('link[rel~=preload]'), function (l) {
      return l.href === plain && l.as === 'fetch' && l.crossOrigin === 'anonymous';
    });
    var e = boot(m, code, pre ? plain : hashed);
    if (pre) {
      e = e.catch(function (err) {
        console.warn('sweetspot: the preloaded ' + plain + ' failed, loading ' + hashed, err);
        return boot(m, code, hashed);
      });
    }
    return S._e[code] = e;
  };

  // Sweetspot.load(code) resolves to Sweetspot once Sweetspot.score is the
  // engine of that language (default: as picked above).
  S.load = S.load || function (code) {
    return manifest().then(function (m) {
      return engine(m, code && wasmOf(m, code) ? code : pick(m));
    }).then(function (e) { S.score = e.score; S.mount = e.mount; S.lang = e.code; return S; });
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
  // The wasm request goes out first, synchronously when the names are
  // stamped: it is the longest step before the first score.
  var ready = Promise.all([names ? engine(names, pick(names)) : manifest().then(function (m) { return engine(m, pick(m)); }),
    audience(), manifest()]);
  ready.catch(function () {}); // reported once, in start

  function start() {
    var q = function (sel) { return sel ? document.querySelector(sel) : null; };
    var target = q(d.target);
    if (!target) return log('no element matches data-target ' + d.target);
    ready.then(function (v) {
      var m = v[2], panel, busy, switches = 0;
      var mount = function (e, state) {
        var r = e.mount(target, {
          audience: v[1],
          title: q(d.title),
          panel: q(d.panel),
          network: state ? state.network : d.network || '',
          dismissed: state && state.dismissed,
          storageKey: d.document || location.pathname + ' ' + d.target,
          // A draft in a language this build does not model, for which
          // another build exists: move the panel to that build (same draft,
          // same network and dismissals). Later, not inside the engine's call.
          onlanguage: function (code, modelled) {
            if (modelled || code === e.code || busy || !wasmOf(m, code) || switches > 5) return;
            busy = engine(m, code).then(function (e2) {
              busy = null;
              if (panel !== r) return;
              switches++;
              mount(e2, r.unmount());
            }, function (err) { log('cannot load the ' + code + ' engine', err); });
          }
        });
        if (r && r.error) throw new Error(r.error);
        panel = r;
        S.lang = e.code;
      };
      mount(v[0]);
    }).catch(function (e) { log('widget not started', e); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
