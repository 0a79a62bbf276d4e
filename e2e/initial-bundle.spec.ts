/**
 * What the first paint loads (issue 12, initial JS budget): the entry script and its modulepreloads carry none of
 * the libraries the seed's first paint does not use, those arrive as chunks after it, and a chunk that does not
 * arrive is a message, not a blank. The size itself is a benchmark (bench/ui.bench.ts, `initialJsGzip`), not a test.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'
import { Canvas } from './pages/Canvas'
import { Problems } from './pages/Problems'
import { Toolbar } from './pages/Toolbar'

const dist = join(process.cwd(), 'dist')

/** Strings minification keeps (error messages, URIs) that only these libraries contain. */
const LAZY_LIBRARIES: Record<string, string> = {
  'js-yaml': 'tag:yaml.org,2002:',
  velocityjs: 'Lexical error on line',
  ajv: 'strict mode: ',
  fflate: 'invalid block type',
  'html-to-image': 'data:image/svg+xml;charset=utf-8',
}

function initialScripts(): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1])
}

/** Collects uncaught page errors: a chunk that fails to load must be handled, not thrown at the window. */
function pageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

test('the entry script and its modulepreloads hold none of js-yaml, velocityjs, Ajv, fflate, html-to-image', () => {
  // vite build ran before this suite (npm run e2e).
  const initial = initialScripts()
  expect(initial.length).toBeGreaterThan(0)
  const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'))
  for (const [library, marker] of Object.entries(LAZY_LIBRARIES)) {
    // The marker must still be in the build (in a lazy chunk), or this test would pass for nothing.
    expect(all.filter((f) => readFileSync(join(dist, 'assets', f), 'utf8').includes(marker)), library).not.toEqual([])
    expect(initial.filter((f) => readFileSync(join(dist, f), 'utf8').includes(marker)), library).toEqual([])
  }
})

test('the seed paints before the check pipeline arrives; the Problems panel says it is checking, then the result', async ({ page }) => {
  const errors = pageErrors(page)
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/checkDesign-[^/]+\.js$/, async (route) => {
    await held
    await route.continue()
  })
  await openApp(page)
  const problems = new Problems(page)
  await problems.open()
  await expect(problems.summary).toHaveText('Checking the design…')
  release()
  await expect(problems.summary).toHaveText('No problems found.')
  expect(errors).toEqual([])
})

test('a check pipeline that does not load is an APP001 error in the Problems panel, and the canvas still works', async ({ page }) => {
  const errors = pageErrors(page)
  await page.route(/\/assets\/checkDesign-[^/]+\.js$/, (route) => route.abort())
  await openApp(page)
  const problems = new Problems(page)
  await problems.open()
  await expect(problems.summary).toHaveText('1 error(s), 0 warning(s), 0 info')
  await expect(problems.items.first()).toHaveAttribute('data-code', 'APP001')
  await expect(problems.items.first()).toContainText('The model checks failed to load')
  await expect(new Canvas(page).node('api')).toBeVisible()
  expect(errors).toEqual([])
})

test('a share dialog that does not load says so instead of showing nothing', async ({ page }) => {
  const errors = pageErrors(page)
  await page.route(/\/assets\/ShareDialog-[^/]+\.js$/, (route) => route.abort())
  await openApp(page)
  await new Toolbar(page).click('share')
  await expect(page.getByRole('alert').filter({ hasText: 'The share dialog failed' })).toBeVisible()
  expect(errors).toEqual([])
})
