/**
 * Shared Playwright fixtures: page objects for each UI area and `api`, a typed handle on the app's
 * `window.__designer` test API (the app is opened with `?testApi`). Each test gets a fresh browser context,
 * so IndexedDB (autosave) starts empty and the seed design is open.
 */
import { test as base, expect, type Page } from '@playwright/test'
import type { Diagnostic } from '../src/model/diagnostics'
import type { DesignDocument } from '../src/model/types'
import { Canvas } from './pages/Canvas'
import { ExportPane } from './pages/ExportPane'
import { Inspector } from './pages/Inspector'
import { MessageTester } from './pages/MessageTester'
import { Palette } from './pages/Palette'
import { Problems } from './pages/Problems'
import { Toolbar } from './pages/Toolbar'
import { VtlEditor } from './pages/VtlEditor'

export const APP_URL = '/?testApi'

/** Calls into `window.__designer` from the test. */
export class DesignerApi {
  constructor(readonly page: Page) {}

  // DesignDocument holds a recursive JSON type that is too deep for Playwright's serialisable types: cross as unknown.
  async document(): Promise<DesignDocument> {
    return (await this.page.evaluate(() => window.__designer!.getDocument() as unknown)) as DesignDocument
  }
  load(doc: DesignDocument): Promise<void> {
    return this.page.evaluate((d) => window.__designer!.loadDocument(d as DesignDocument), doc as unknown)
  }
  serialize(): Promise<string> {
    return this.page.evaluate(() => window.__designer!.serialize())
  }
  selection(): Promise<string[]> {
    return this.page.evaluate(() => window.__designer!.getSelection())
  }
  select(ids: string[]): Promise<void> {
    return this.page.evaluate((x) => window.__designer!.select(x), ids)
  }
  undoDepth(): Promise<number> {
    return this.page.evaluate(() => window.__designer!.undoDepth())
  }
  async runChecks(): Promise<Diagnostic[]> {
    return (await this.page.evaluate(() => window.__designer!.runChecks() as unknown)) as Diagnostic[]
  }
  flushAutosave(): Promise<void> {
    return this.page.evaluate(() => window.__designer!.flushAutosave())
  }
}

interface Fixtures {
  app: Page
  api: DesignerApi
  canvas: Canvas
  palette: Palette
  inspector: Inspector
  toolbar: Toolbar
  problems: Problems
  vtlEditor: VtlEditor
  messageTester: MessageTester
  exportPane: ExportPane
}

/** Opens the app and waits for the seed design on the canvas. */
export async function openApp(page: Page): Promise<void> {
  await page.goto(APP_URL)
  await expect(page.getByTestId('canvas').locator('.react-flow__node').first()).toBeVisible()
  await page.waitForFunction(() => !!window.__designer)
}

export const test = base.extend<Fixtures>({
  app: async ({ page }, use) => {
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await openApp(page)
    await use(page)
    expect(errors, 'uncaught page errors').toEqual([])
  },
  api: async ({ app }, use) => use(new DesignerApi(app)),
  canvas: async ({ app }, use) => use(new Canvas(app)),
  palette: async ({ app }, use) => use(new Palette(app)),
  inspector: async ({ app }, use) => use(new Inspector(app)),
  toolbar: async ({ app }, use) => use(new Toolbar(app)),
  problems: async ({ app }, use) => use(new Problems(app)),
  vtlEditor: async ({ app }, use) => use(new VtlEditor(app)),
  messageTester: async ({ app }, use) => use(new MessageTester(app)),
  exportPane: async ({ app }, use) => use(new ExportPane(app)),
})

export { expect }
