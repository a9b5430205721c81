// Drives Debian's Chromium through the console (site/app/) as a newcomer
// would, for e2e/console_test.go: sign in, create a community, a partner,
// upload the community's followers (the share on target, the term cloud, a
// suggested word added to the interests), import past posts and calibrate;
// create a partner, an ingest key, an offer (watching the live score change
// while typing), a tracked link; follow the link with UTM parameters to the landing page;
// see the click and the campaign in the insights; members answer the
// survey from the landing site, the console's Survey section shows the
// suggestion, Apply meets a 409 (the community changed meanwhile) and
// reloads, Apply again sends the API's patch; export; erase the member
// the landing page created. axe-core runs on every console page, in light
// and dark. Nothing is asserted here: the Go test checks the observations.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const cfg = JSON.parse(process.argv[2]);
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// A person's browser, not "HeadlessChrome": tracked-link clicks from
// automated agents are not counted (engagement.AutomatedAgent).
const userAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

const out = { errors: [], csp: [], axe: {}, steps: [] };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const step = (s) => out.steps.push(s);
try {
  const context = await browser.newContext({ userAgent, acceptDownloads: true, viewport: { width: 1200, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: cfg.url });
  const page = await context.newPage();
  page.on('pageerror', (e) => out.errors.push('pageerror: ' + e));
  // A community's follower report is a 404 until the first upload: the
  // browser logs that answer as an error, and it is the only one expected.
  // The survey step provokes one 409 on purpose (allow409 is set just then).
  let allow409 = false;
  page.on('console', (m) => {
    const url = m.location().url || '';
    if (m.type() !== 'error') return;
    if (/status of 404/.test(m.text()) && /\/v1\/communities\/[^/]+\/followers$/.test(url)) return;
    if (allow409 && /status of 409/.test(m.text()) && /\/v1\/communities\/[^/]+$/.test(url)) { out.expected409 = (out.expected409 || 0) + 1; return; }
    out.errors.push('console: ' + m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => { (window.__csp ||= []).push(e.violatedDirective + ' ' + e.blockedURI); });
  });
  const app = cfg.url + '/app/';
  const shots = cfg.shots || cfg.artifacts;
  mkdirSync(shots, { recursive: true });

  // audit runs axe-core on the page as it is (injected through the
  // DevTools protocol, so the page's CSP stays as strict as ever).
  async function audit(name) {
    await page.evaluate(axeSource);
    const r = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
    out.axe[name] = r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    const csp = await page.evaluate(() => window.__csp || []);
    out.csp.push(...csp.map((c) => name + ': ' + c));
  }
  async function visit(hash, name, shot) {
    await page.goto('about:blank'); // a full load, not a same-document hash change
    await page.goto(app + hash);
    await page.waitForSelector('main h1');
    await page.waitForFunction(() => !document.querySelector('main').textContent.startsWith('Loading'));
    await audit(name);
    if (shot) await page.screenshot({ path: join(shots, 'console-' + shot + '.png'), fullPage: true });
  }
  const toast = async (re) => {
    await page.waitForFunction((s) => new RegExp(s).test(document.getElementById('toast').textContent), re.source, { timeout: 15000 });
    return page.textContent('#toast');
  };

  // tableStarting: the rows of the table whose caption starts with prefix.
  const tableStarting = (prefix) => page.evaluate((c) => {
    const t = [...document.querySelectorAll('table')].find((x) => x.caption && x.caption.textContent.startsWith(c));
    return t ? [...t.tBodies[0].rows].map((r) => [...r.cells].map((x) => x.textContent)) : null;
  }, prefix);
  // admin calls the API from node with the admin key, as another tab or an
  // integration would.
  const admin = async (method, path, body) => {
    const r = await fetch(cfg.url + path, { method, headers: { Authorization: 'Bearer ' + cfg.key, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body) });
    return [r.status, await r.json().catch(() => null)];
  };

  const cells = (caption) => page.evaluate((c) => {
    const t = [...document.querySelectorAll('table')].find((x) => x.caption && x.caption.textContent === c);
    return t ? [...t.tBodies[0].rows].map((r) => [...r.cells].map((x) => x.textContent)) : null;
  }, caption);

  // Sign in.
  await page.goto(app);
  await page.waitForSelector('text=Sign in');
  await audit('sign-in');
  await page.screenshot({ path: join(shots, 'console-sign-in.png') });
  await page.getByLabel('Admin key').fill(cfg.key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('h1:has-text("Insights")');
  out.keyInSession = await page.evaluate(() => sessionStorage.getItem('sweetspot.adminKey') !== null && localStorage.length === 0);
  step('signed in');

  // A community, with two interests, a network and a generation mix.
  await visit('#/communities/new', 'community-form');
  await page.getByLabel('Name', { exact: true }).fill('Home bakers');
  await page.getByLabel('Term').first().fill('sourdough');
  await page.getByRole('button', { name: 'Add an interest' }).click();
  await page.getByLabel('Term').nth(1).fill('baking bread');
  await page.getByLabel('Weight (0–1)').nth(1).fill('0.7');
  await page.getByRole('button', { name: 'Add a network' }).click();
  await page.getByLabel('Network').selectOption('instagram');
  await page.getByLabel('Members').fill('5200');
  await page.getByLabel('Millennials (%)').fill('60');
  await page.getByLabel('Gen X (%)').fill('40');
  await page.getByLabel('hooks: required').check();
  await page.screenshot({ path: join(shots, 'console-community.png'), fullPage: true });
  await page.getByRole('button', { name: 'Create community' }).click();
  await page.waitForSelector('h1:has-text("Communities")');
  await audit('communities');
  step('community');

  // The community's followers: upload a CSV export, see the share on
  // target and the term cloud, add a suggested word to the interests.
  await page.getByRole('link', { name: 'Home bakers' }).click();
  await page.waitForSelector('h1:has-text("Home bakers")');
  await page.waitForSelector('text=No follower file analysed yet');
  out.communityHash = new URL(page.url()).hash;
  const bios = ['handle,bio', ...Array.from({ length: 12 }, (_, i) => `baker${i},"Sourdough baker, rye fan"`),
    ...Array.from({ length: 12 }, (_, i) => `runner${i},Runner and coffee drinker`)].join('\n') + '\n';
  await page.getByLabel('Followers file (CSV or JSONL)').setInputFiles({ name: 'followers.csv', mimeType: 'text/csv', buffer: Buffer.from(bios) });
  await page.getByRole('button', { name: 'Analyse followers' }).click();
  await page.waitForSelector('#on-target b');
  await page.waitForFunction(() => { const i = document.querySelector('figure.cloud img'); return i && i.complete && i.naturalWidth > 0; }, null, { timeout: 15000 });
  out.onTarget = await page.textContent('#on-target');
  out.cloud = await page.evaluate(() => { const i = document.querySelector('figure.cloud img'); return { src: i.src.split(':')[0], width: i.naturalWidth, alt: i.alt }; });
  out.suggested = await cells('Words frequent among on-target followers and missing from the interests');
  await audit('community-followers');
  await page.screenshot({ path: join(shots, 'console-followers.png'), fullPage: true });
  await page.getByRole('button', { name: /Add to interests\W*rye/ }).click();
  out.added = await toast(/Added rye|changed/);
  await page.waitForSelector('#fol-h');
  out.termsAfter = await page.$$eval('input', (l) => l.filter((x) => x.labels[0] && x.labels[0].textContent === 'Term').map((x) => x.value));
  step('followers');

  // Past posts (one bad line) and a calibration: too few posts, so not applied.
  const posts = ['title,published,reactions,comments', ...Array.from({ length: 8 }, (_, i) => `Sourdough tip ${i},2026-0${i + 1}-10,${3 * i},${i % 3}`),
    'A post with no date,,4,1'].join('\n') + '\n';
  await page.getByLabel('Past posts (CSV or JSONL)').setInputFiles({ name: 'posts.csv', mimeType: 'text/csv', buffer: Buffer.from(posts) });
  await page.getByRole('button', { name: 'Import history' }).click();
  await page.waitForSelector('text=lines accepted');
  out.imported = await page.textContent('p:has-text("lines accepted")');
  await page.getByRole('button', { name: 'Calibrate', exact: true }).click();
  await page.waitForSelector('text=Calibrated on');
  out.calibration = await page.textContent('p:has-text("applied:")');
  await audit('community-calibration');
  step('calibration');

  // A partner.
  await visit('#/partners/new', 'partner-form');
  await page.getByLabel('Name').fill('The Flour Mill');
  await page.getByLabel('Website').fill('https://flourmill.example');
  await page.getByRole('button', { name: 'Create partner' }).click();
  await page.waitForSelector('h1:has-text("Partners")');
  await audit('partners');
  step('partner');

  // An ingest key for the landing site, shown once.
  await visit('#/keys', 'keys');
  await page.getByLabel('Name').fill('landing site');
  await page.getByLabel('Allowed origins (ingest keys)').fill(cfg.landing);
  await page.getByRole('button', { name: 'Create key' }).click();
  await page.waitForSelector('.secret');
  out.ingestKey = (await page.textContent('.secret')).trim();
  await audit('key-created');
  step('key');

  // An offer: the live score for the community changes while typing.
  await visit('#/offers/new', 'offer-form');
  await page.getByLabel('Home bakers').check();
  await page.getByLabel('Title').fill('Buy our flour');
  await page.getByLabel('Body', { exact: true }).fill('Buy now! Best flour. Limited offer, act now and save 20%.');
  const score = () => page.waitForFunction(() => {
    const s = document.querySelector('.score-card .score');
    return s && s.dataset.score !== undefined && s.dataset.score !== '' ? s.dataset.score + ' ' + document.querySelector('.score-card [class^=rating-]').textContent : null;
  }, null, { timeout: 20000 }).then((h) => h.jsonValue());
  out.scoreBefore = await score();
  await page.getByLabel('Title').fill('The sourdough starter checklist');
  await page.getByLabel('Body', { exact: true }).fill('How do you keep a sourdough starter alive through a busy week? ' +
    'This free checklist walks you through feeding, baking bread on a schedule and rescuing a sluggish starter. ' +
    'Download it, try it with your next loaf, and share a photo of your bake with the group. What do you bake first?');
  await page.waitForFunction((before) => {
    const s = document.querySelector('.score-card .score');
    return s && s.dataset.score && s.dataset.score !== before.split(' ')[0];
  }, out.scoreBefore, { timeout: 20000 });
  out.scoreAfter = await score();
  await page.getByLabel('Status').selectOption('live');
  await page.getByLabel('Partner').selectOption({ label: 'The Flour Mill' });
  await page.getByLabel('Link (URL)').fill(cfg.landing + '/landing.html?key=' + encodeURIComponent(out.ingestKey));
  await page.getByLabel('Call to action').fill('Get the checklist');
  await page.screenshot({ path: join(shots, 'console-offer.png'), fullPage: true });
  await audit('offer-form-scored');
  await page.getByRole('button', { name: 'Create offer' }).click();
  await page.waitForSelector('h1:has-text("Offers")');
  await audit('offers');
  step('offer');

  // A tracked link, its UTM'd address copied, its QR code.
  await visit('#/links', 'links');
  await page.getByLabel('Offer', { exact: true }).selectOption({ label: 'The sourdough starter checklist' });
  await page.getByLabel('Community', { exact: true }).selectOption({ label: 'Home bakers' });
  await page.getByLabel('Partner', { exact: true }).selectOption({ label: 'The Flour Mill' });
  await page.getByRole('button', { name: 'Create link' }).click();
  await toast(/Tracked link \w+ created/);
  await page.locator('tr', { hasText: 'The Flour Mill' }).locator('button.link').click();
  await page.getByLabel('Campaign (utm_campaign)').fill('Spring Bake');
  await page.getByLabel('Source (utm_source)').fill('newsletter');
  await page.getByLabel('Medium (utm_medium)').fill('email');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await toast(/copied|Ctrl\+C/);
  out.link = await page.getByLabel('Link to share').inputValue();
  out.copied = await page.evaluate(() => navigator.clipboard.readText()).catch(() => '');
  await page.getByRole('button', { name: 'QR code' }).click();
  await page.waitForSelector('.qr img');
  out.qrAlt = await page.getAttribute('.qr img', 'alt');
  await audit('link-detail');
  await page.screenshot({ path: join(shots, 'console-links.png'), fullPage: true });
  step('link');

  // Follow the link, as a reader of the newsletter would: the redirect
  // counts the click and the landing page's offer widget records a view.
  const reader = await context.newPage();
  reader.on('pageerror', (e) => out.errors.push('landing: ' + e));
  await reader.goto(out.link);
  out.landedAt = reader.url();
  await reader.waitForSelector('.sweetspot-offer', { timeout: 15000 });
  await reader.waitForFunction(() => {
    const k = Object.keys(localStorage).find((k) => k.startsWith('sweetspot.queue '));
    const q = k && JSON.parse(localStorage.getItem(k));
    return Array.isArray(q) && q.length === 0;
  }, null, { timeout: 15000 });
  out.member = await reader.evaluate(() => JSON.parse(localStorage.getItem('sweetspot.member')));
  await reader.close();
  step('followed');

  // The member survey: six members answer from the landing site (as
  // site/survey.js does: a CORS simple request, text/plain, the ingest
  // key in ?key=, from an allowed origin).
  const communityId = decodeURIComponent(out.communityHash.split('/').pop());
  const memberPage = await context.newPage();
  memberPage.on('pageerror', (e) => out.errors.push('member page: ' + e));
  await memberPage.goto(cfg.landing + '/blank.html');
  out.surveyStatuses = await memberPage.evaluate(async ({ api, key, id }) => {
    const answers = [
      { networks: ['instagram', 'youtube'], generation: 'genz', interests: ['sourdough'] },
      { networks: ['instagram'], generation: 'genz', interests: ['sourdough', 'rye'] },
      { networks: ['youtube'], generation: 'millennials', interests: ['baking bread'] },
      { networks: ['instagram'], generation: 'genz' },
      { generation: 'millennials', interests: ['sourdough'] },
      { networks: ['instagram', 'facebook'], generation: 'genz', interests: ['rye'] },
    ];
    const st = [];
    for (const a of answers) {
      const r = await fetch(api + '/v1/survey?key=' + encodeURIComponent(key), { method: 'POST',
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, body: JSON.stringify({ community: id, answers: a }) });
      st.push(r.status);
    }
    return st;
  }, { api: cfg.url, key: out.ingestKey, id: communityId });
  await memberPage.close();
  const [, suggestion] = await admin('GET', '/v1/communities/' + encodeURIComponent(communityId) + '/survey/suggestion');
  out.suggestedPatch = suggestion && suggestion.patch;

  // The Survey section shows the answers and the suggestion next to the
  // profile.
  await visit(out.communityHash, 'community-survey');
  await page.waitForSelector('text=members answered.');
  out.surveyAnswered = await page.textContent('p:has-text("members answered.")');
  out.surveyGenerations = await tableStarting('Generations mix');
  out.surveyNetworks = await tableStarting('Members per network');
  await page.screenshot({ path: join(shots, 'console-survey.png'), fullPage: true });

  // Meanwhile the community changes elsewhere (another tab, the API):
  // Apply carries the version the page read, so the API answers 409 and
  // the page reloads with what is stored now.
  const [, before] = await admin('GET', '/v1/communities/' + encodeURIComponent(communityId));
  const [elsewhere] = await admin('PATCH', '/v1/communities/' + encodeURIComponent(communityId), { version: before.version, description: 'Changed in another tab' });
  out.elsewhereStatus = elsewhere;
  out.versionBefore = before.version;
  allow409 = true;
  await page.getByRole('button', { name: 'Apply the suggestion' }).click();
  out.conflict = await toast(/changed meanwhile|Applied/);
  // The reload renders the page again: wait for what is stored now (or
  // give up after 10 s and report what is shown).
  await page.waitForFunction(() => [...document.querySelectorAll('textarea')].some((x) => x.labels[0] && x.labels[0].textContent === 'Description' && x.value === 'Changed in another tab'),
    null, { timeout: 10000 }).catch(() => {});
  await page.waitForSelector('text=members answered.');
  out.descriptionAfterReload = await page.getByLabel('Description', { exact: true }).inputValue();
  allow409 = false;
  const [, afterConflict] = await admin('GET', '/v1/communities/' + encodeURIComponent(communityId));
  out.versionAfterConflict = afterConflict.version;
  await audit('community-survey-conflict');

  // Apply again, on the reloaded page: one PATCH with the API's patch.
  await page.getByRole('button', { name: 'Apply the suggestion' }).click();
  // (The toast still says "changed meanwhile" until this answer comes.)
  out.applied = await toast(/Applied the survey/);
  await page.waitForSelector('text=members answered.');
  const [, applied] = await admin('GET', '/v1/communities/' + encodeURIComponent(communityId));
  out.communityAfter = { version: applied.version, description: applied.description, networks: applied.networks,
    generations: applied.generations, interests: applied.interests };
  out.membersInputsAfter = await page.$$eval('input', (l) => l.filter((x) => x.labels[0] && x.labels[0].textContent === 'Members').map((x) => x.value));
  step('survey');

  // The insights show the click and the campaign.
  await visit('#/insights', 'insights');
  await page.getByLabel('Community').selectOption({ label: 'Home bakers' });
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForSelector('h1:has-text("Home bakers")');
  await page.waitForSelector('svg.chart');
  out.funnel = await cells('Funnel');
  out.campaigns = await cells('Campaigns by campaign, source and medium');
  out.chartTitle = await page.textContent('svg.chart title');
  await audit('insights-community');
  await page.screenshot({ path: join(shots, 'console-insights.png'), fullPage: true });
  const dl = page.waitForEvent('download');
  await page.locator('button:has-text("Download CSV")').filter({ hasText: 'of Campaigns' }).click();
  out.campaignCSV = readFileSync(await (await dl).path(), 'utf8');
  step('insights');

  // Export the workspace.
  await visit('#/data', 'data');
  const exp = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the workspace' }).click();
  const file = readFileSync(await (await exp).path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  out.exportTypes = {};
  for (const l of file) out.exportTypes[l.type] = (out.exportTypes[l.type] || 0) + 1;
  out.exportLast = file[file.length - 1].type;
  out.exportHasMember = file.some((l) => l.type === 'member' && l.data.id === out.member);
  await page.waitForSelector('text=Export complete');
  step('exported');

  // Erase the member the landing page created.
  await page.getByLabel('Community').selectOption({ label: 'Home bakers' });
  await page.getByLabel('Member id').fill(out.member);
  await page.getByLabel('I understand this cannot be undone').check();
  await page.getByRole('button', { name: 'Erase member' }).click();
  out.erased = await toast(/Member erased|No such/);
  await audit('data-after-erase');
  await page.screenshot({ path: join(shots, 'console-data.png'), fullPage: true });
  step('erased');

  // Every other page, and the main ones in dark mode.
  for (const [hash, name] of [['#/communities', 'communities'], ['#/partners', 'partners'], ['#/offers', 'offers'], ['#/keys', 'keys'], ['#/workspace', 'workspace']]) {
    await visit(hash, name);
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const [hash, name] of [['#/insights', 'dark-insights'], ['#/offers/new', 'dark-offer-form'], ['#/communities/new', 'dark-community-form'], ['#/data', 'dark-data']]) {
    await visit(hash, name);
  }
  // The community's profile sections in dark, once the term cloud is in.
  await visit(out.communityHash, 'dark-community');
  await page.waitForSelector('figure.cloud img[src^="blob:"]');
  await audit('dark-community-followers');
  // The demo community with eight weeks of made-up visitors, in dark.
  await visit('#/insights', 'dark-insights-demo');
  await page.getByLabel('Community').selectOption({ label: 'Riverside food lovers' });
  await page.getByLabel('Period', { exact: true }).selectOption('90');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForSelector('h1:has-text("Riverside")');
  await page.waitForSelector('svg.chart');
  await audit('dark-insights-demo');
  await page.screenshot({ path: join(shots, 'console-insights-dark.png'), fullPage: true });
  step('audited');
} catch (e) {
  out.errors.push('driver: ' + (e.stack || e));
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));
