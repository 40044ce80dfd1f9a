import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
const dir = mkdtempSync('/tmp/ft-');
const ext = process.cwd() + '/.output/chrome-mv3';
const extra = JSON.parse(process.env.EXTRA ?? '[]');
const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true,

  args: [...extra, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`] });
console.log('node', new Date().toISOString());
const p = await ctx.newPage();
console.log('page', await p.evaluate(() => new Date().toISOString()));
const w = ctx.serviceWorkers()[0] ?? await ctx.waitForEvent('serviceworker', { timeout: 10000 });
console.log('worker', await w.evaluate(() => new Date().toISOString()));
await ctx.close();
