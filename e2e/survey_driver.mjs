// Drives Debian's Chromium for the member survey's browser test
// (e2e/survey_test.go): answers site/survey.js with the keyboard, then
// tries the dismiss, privacy, bot and no-storage paths, and reports what
// the pages showed. Nothing is asserted here: the Go test checks this
// report and what its stand-in API received.
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const cfg = JSON.parse(process.argv[2]);
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const KEY = 'sweetspot.survey ' + cfg.community;
const SETTLE = 1500; // long enough for the configuration request and a render

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const out = { errors: [] };

async function open(init, options) {
  const context = await browser.newContext(options);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.on('pageerror', (e) => out.errors.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') out.errors.push('console: ' + m.text() + ' ' + m.location().url); });
  const api = { requests: 0 };
  page.on('request', (r) => { if (r.url().includes('/v1/')) api.requests++; });
  return { context, page, api };
}

// focused describes the focused element: an input by its value, a button
// by its class.
const focused = () => {
  const a = document.activeElement;
  if (!a) return '';
  if (a.tagName === 'INPUT') return a.value || '(none)';
  return a.className.replace(/^ss-survey-?/, '') || a.tagName.toLowerCase();
};

try {
  // 1. A visitor answers with the keyboard.
  {
    const { context, page, api } = await open();
    await page.goto(cfg.url);
    await page.waitForSelector('.ss-survey', { timeout: 15000 });
    out.heading = await page.textContent('.ss-survey-title');
    out.labelled = await page.evaluate(() => {
      const r = document.querySelector('.ss-survey');
      return document.getElementById(r.getAttribute('aria-labelledby')).textContent;
    });
    out.closeName = await page.getAttribute('.ss-survey-close', 'aria-label');
    out.imgs = await page.locator('.ss-survey img').count();
    out.xss = await page.evaluate(() => window.__xss === 1);
    out.questions = await page.evaluate(() => [...document.querySelectorAll('.ss-survey fieldset')].map((f) => ({
      legend: f.querySelector('legend').textContent,
      options: [...f.querySelectorAll('label')].map((l) => {
        const i = l.querySelector('input');
        return { type: i.type, label: l.textContent.trim(), value: i.value };
      }),
    })));

    // Tab through the survey: Space ticks a box, an arrow key picks a
    // radio, Enter on the button sends.
    const steps = [['Tab'], ['Tab', 'Space'], ['Tab'], ['Tab', 'Space'], ['Tab'], ['ArrowDown'],
      ['Tab', 'Space'], ['Tab'], ['Tab', 'Space'], ['Tab', 'Space'], ['Tab']];
    out.focus = [];
    await page.locator('h1').click(); // start from the page, before the survey
    for (const keys of steps) {
      await page.keyboard.press(keys[0]);
      out.focus.push(await page.evaluate(focused));
      for (const k of keys.slice(1)) await page.keyboard.press(k);
    }
    out.disabledAfterThree = await page.evaluate(() =>
      [...document.querySelectorAll('.ss-survey input:disabled')].map((i) => i.value));
    const posted = page.waitForRequest((r) => r.url().includes('/v1/survey?') && r.method() === 'POST');
    await page.keyboard.press('Enter');
    await posted;
    await page.waitForFunction(() => document.querySelector('.ss-survey-status').textContent !== '');
    Object.assign(out, await page.evaluate(() => {
      const st = document.querySelector('.ss-survey-status');
      return { status: st.textContent, statusRole: st.getAttribute('role'), statusLive: st.getAttribute('aria-live'),
        statusFocused: document.activeElement === st, formGone: !document.querySelector('.ss-survey form') };
    }));
    out.stored = await page.evaluate((k) => !!localStorage.getItem(k), KEY);
    await page.waitForTimeout(300); // let the keepalive request finish
    const before = api.requests;
    await page.reload();
    await page.waitForTimeout(SETTLE);
    out.afterReload = await page.locator('.ss-survey').count();
    out.reloadRequests = api.requests - before;
    out.cookies = (await context.cookies()).length;
    await context.close();
  }

  // 2. Another visitor sends nothing, then closes the survey.
  {
    const { context, page, api } = await open();
    await page.goto(cfg.url);
    await page.waitForSelector('.ss-survey', { timeout: 15000 });
    await page.click('.ss-survey-submit');
    out.emptyStatus = await page.textContent('.ss-survey-status');
    await page.focus('.ss-survey-close');
    await page.keyboard.press('Enter');
    out.dismissedGone = (await page.locator('.ss-survey').count()) === 0;
    out.dismissStored = await page.evaluate((k) => !!localStorage.getItem(k), KEY);
    const before = api.requests;
    await page.reload();
    await page.waitForTimeout(SETTLE);
    out.afterDismissReload = await page.locator('.ss-survey').count();
    out.dismissReloadRequests = api.requests - before;
    await context.close();
  }

  // 3. Do-Not-Track, Global Privacy Control, an automated browser.
  for (const [name, url, init] of [
    ['dnt', cfg.url, () => Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' })],
    ['gpc', cfg.url, () => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })],
    ['bot', cfg.botUrl, null],
  ]) {
    const { context, page, api } = await open(init);
    await page.goto(url);
    await page.waitForTimeout(SETTLE);
    out[name] = {
      shown: await page.locator('.ss-survey').count(),
      stored: await page.evaluate(() => localStorage.length),
      requests: api.requests,
    };
    await context.close();
  }

  // 4. No localStorage (blocked by the browser's settings): two tags of one
  // community on one page ask once, and the next page view asks again.
  {
    const { context, page } = await open(() => Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('blocked', 'SecurityError'); },
    }));
    await page.goto(cfg.twiceUrl);
    await page.waitForSelector('.ss-survey', { timeout: 15000 });
    await page.waitForTimeout(SETTLE);
    out.noStorageShown = await page.locator('.ss-survey').count();
    await page.reload();
    await page.waitForSelector('.ss-survey', { timeout: 15000 });
    await page.waitForTimeout(SETTLE);
    out.noStorageShownAgain = await page.locator('.ss-survey').count();
    await context.close();
  }

  // 5. The demo page's survey block (site/demo.html, demo-survey.js), in a
  // browser that does not say it is automated.
  {
    const { context, page } = await open(
      () => Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false }),
      { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36' });
    await page.goto(cfg.demoUrl);
    await page.waitForSelector('#survey .ss-survey', { timeout: 15000 });
    out.demoQuestions = await page.locator('#survey .ss-survey fieldset').count();
    await page.locator('#survey .ss-survey').screenshot({ path: join(cfg.artifacts, 'survey-demo.png') });
    await context.close();
  }
} catch (e) {
  out.errors.push(String(e));
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));
