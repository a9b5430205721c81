// Drives Debian's Chromium for the offer widget's browser test
// (e2e/offer_test.go): opens a partner's page that embeds offer.js from the
// API's origin, waits for the card and for the view to be acknowledged,
// clicks the call to action and reports what happened. Nothing is
// asserted here: the Go test checks the API's insights.
import { chromium } from 'playwright-core';

const cfg = JSON.parse(process.argv[2]);
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const out = { errors: [], posts: [] };
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => out.errors.push(String(e)));
  // keepalive requests outlive the page, so responses are not always
  // reported: record what was sent, and let the Go test read the API.
  page.on('request', (r) => {
    if (r.url().includes('/v1/events')) {
      out.posts.push({ method: r.method(), contentType: r.headers()['content-type'],
        types: JSON.parse(r.postData() || '{"events":[]}').events.map((e) => e.type) });
    }
  });
  await page.goto(cfg.url);
  await page.waitForSelector('.sweetspot-offer', { timeout: 15000 });
  out.title = await page.textContent('.sweetspot-title');
  out.imgs = await page.locator('.sweetspot-offer img').count();
  out.xss = await page.evaluate(() => window.__xss === 1);
  // The view is sent about a second after the card is on screen and
  // leaves the queue once the API accepted it.
  await page.waitForFunction(() => {
    const k = Object.keys(localStorage).find((k) => k.startsWith('sweetspot.queue '));
    const q = k && JSON.parse(localStorage.getItem(k));
    return Array.isArray(q) && q.length === 0;
  }, null, { timeout: 15000 });
  out.member = await page.evaluate(() => localStorage.getItem('sweetspot.member'));
  out.cookie = await page.evaluate(() => document.cookie);
  // The click leaves the page; keepalive delivers it anyway.
  await page.click('.sweetspot-cta');
  await page.waitForURL((u) => u.pathname === '/landing', { timeout: 15000 });
  out.landing = page.url();
  out.cookies = (await context.cookies()).length;

  // The same card without data-track-bots, in a fresh context: Chromium
  // driven by playwright is an automated browser (navigator.webdriver),
  // so the card shows and nothing is sent or stored.
  const botContext = await browser.newContext();
  const bot = await botContext.newPage();
  bot.on('pageerror', (e) => out.errors.push(String(e)));
  out.botPosts = 0;
  bot.on('request', (r) => { if (r.url().includes('/v1/events')) out.botPosts++; });
  await bot.goto(cfg.botUrl);
  await bot.waitForSelector('.sweetspot-offer', { timeout: 15000 });
  await bot.waitForTimeout(2500); // longer than the widget's 1 s view delay
  out.botWebdriver = await bot.evaluate(() => navigator.webdriver === true);
  out.botStored = await bot.evaluate(() => localStorage.length);
} catch (e) {
  out.errors.push(String(e));
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));
