/**
 * axe-core on every panel of the production build, in both themes: zero serious or critical violations. Each
 * panel is opened the way a person opens it; the scan covers the whole page as it then stands.
 */
import { type Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'
import { Accessibility } from './pages/Accessibility'
import { Canvas } from './pages/Canvas'
import { MessageTester } from './pages/MessageTester'
import { Palette } from './pages/Palette'
import { Shell } from './pages/Shell'
import { Toolbar } from './pages/Toolbar'

/** How to open each panel, from the seed design. */
const PANELS: Record<string, (page: Page) => Promise<void>> = {
  'main view with the seed design': async () => {},
  'Template editor tab': async (page) => {
    await new Canvas(page).select('putItem')
    await page.getByTestId('bottom.tab.editor').click()
    await expect(page.locator('.monaco-editor').first()).toBeVisible()
  },
  'Message tester tab with a result': async (page) => {
    const tester = new MessageTester(page)
    await tester.open()
    await tester.send('{"action":"sendmessage"}')
    await expect(tester.route).toHaveText('$default')
  },
  'Problems tab': async (page) => {
    await page.getByTestId('bottom.tab.problems').click()
    await expect(page.getByTestId('bottom.panel.problems')).toBeVisible()
  },
  'Export tab': async (page) => {
    await new Toolbar(page).click('export')
    await expect(page.getByTestId('export.preview').locator('.view-line').first()).toBeVisible()
  },
  'Live tab': async (page) => {
    await page.getByTestId('bottom.tab.live').click()
    await expect(page.getByTestId('bottom.panel.live')).not.toContainText('Loading')
  },
  'inspector with a route': async (page) => {
    await new Canvas(page).select('connect')
    await expect(page.getByTestId('inspector.title')).toHaveText('connect')
  },
  'inspector with an integration': async (page) => {
    await new Canvas(page).select('putItem')
    await expect(page.getByTestId('inspector.title')).toHaveText('putItem')
  },
  'import dialog': async (page) => {
    await new Toolbar(page).click('import')
    await expect(page.getByTestId('import.dialog')).toBeVisible()
  },
  'share dialog': async (page) => {
    await new Toolbar(page).click('share')
    await expect(page.getByRole('textbox', { name: /share/i })).toBeVisible()
  },
  'examples gallery': async (page) => {
    await new Toolbar(page).click('examples')
    await expect(page.getByRole('dialog')).toBeVisible()
  },
  '? shortcut overlay': async (page) => {
    await page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('?')
    await expect(new Shell(page).shortcuts).toBeVisible()
  },
  'node context menu': async (page) => {
    await new Canvas(page).nodeTitle('connect').click({ button: 'right' })
    await expect(page.getByTestId('canvas.context-menu.node-menu')).toBeVisible()
  },
  'canvas context menu': async (page) => {
    await page.getByTestId('canvas').locator('.react-flow__pane').click({ button: 'right', position: { x: 300, y: 330 } })
    await expect(page.getByTestId('canvas.context-menu.canvas-menu')).toBeVisible()
  },
  'add menu (Ctrl+K)': async (page) => {
    await page.keyboard.press('ControlOrMeta+K')
    await expect(new Palette(page).addMenu).toBeVisible()
  },
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`axe-core, ${theme} theme at 1440×900`, () => {
    test.use({ viewport: { width: 1440, height: 900 }, colorScheme: theme })

    for (const [panel, open] of Object.entries(PANELS)) {
      test(`${panel}: no serious or critical violations (${theme}, 1440×900)`, async ({ page }) => {
        await openApp(page)
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
        await open(page)
        expect(await new Accessibility(page).seriousViolations()).toEqual([])
      })
    }
  })
}
