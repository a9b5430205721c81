// Cold start of one widget build under node, in-process (BENCHMARKS.md,
// "Issue 14, fourth part"): module compile, Go runtime start, the first
// Sweetspot.score (audience compile + score) and a second one.
//
//   node [--no-wasm-lazy-compilation] [--trace-wasm-lazy-compilation --trace-wasm-compilation-times] \
//     tools/wasmcold/run.js build/widget/sweetspot-en.wasm "$(go env GOROOT)/lib/wasm/wasm_exec.js" [GODEBUG]
//
// Diagnostic only; nothing runs it in make test.
const fs = require('fs');
const path = require('path');
const [wasm, execJS, godebug] = process.argv.slice(2);
require(path.resolve(execJS));
const site = path.join(__dirname, '../../site');
(async () => {
  const t0 = performance.now();
  const mod = await WebAssembly.compile(fs.readFileSync(wasm));
  const t1 = performance.now();
  const go = new Go();
  if (godebug) go.env = { GODEBUG: godebug };
  const inst = await WebAssembly.instantiate(mod, go.importObject);
  globalThis.Sweetspot = {};
  go.run(inst);
  const t2 = performance.now();
  const audience = JSON.parse(fs.readFileSync(path.join(site, 'communities/itadmins.json')));
  const content = { title: 'Backups that actually restore', body: 'Our amazing new product is the best backup solution on the market. Buy now and save 20%! We are the leader and our award-winning team guarantees results.' };
  const r = Sweetspot.score(content, audience);
  const t3 = performance.now();
  Sweetspot.score(content, audience);
  const t4 = performance.now();
  if (r.error) throw new Error(r.error);
  const ms = (a, b) => (b - a).toFixed(1);
  console.log(`compile ${ms(t0, t1)} ms, runtime start ${ms(t1, t2)} ms, first score ${ms(t2, t3)} ms, second ${ms(t3, t4)} ms (score ${r.score})`);
  process.exit(0);
})();
