import { expect, openApp, test, DesignerApi } from './fixtures'
import { ExportPane } from './pages/ExportPane'
import { MessageTester } from './pages/MessageTester'
import { Problems } from './pages/Problems'
import type { Page } from '@playwright/test'

const LONG_KEY = 'sendMessage' + 'x'.repeat(2989)

/**
 * The seed with its route key 3,000 characters long, plus a second route with that key as its id and key (a
 * duplicate key and a route without integration, so Problems, the tester and the export all quote it).
 */
async function loadLongKey(page: Page): Promise<void> {
  const api = new DesignerApi(page)
  const doc = await api.document()
  doc.design.routes.connect.key = LONG_KEY
  doc.design.routes[LONG_KEY] = { ...doc.design.routes.connect, integration: undefined }
  doc.layout[LONG_KEY] = { x: doc.layout.connect.x, y: doc.layout.connect.y + 160 }
  await api.load(doc)
  await api.select(['connect'])
}

const pageWidth = (page: Page) =>
  page.evaluate(() => {
    // Inside each panel too: user text wraps or truncates rather than giving the panel a sideways scroll.
    const inner = (selector: string) => {
      const el = document.querySelector(selector)
      return el ? el.scrollWidth - el.clientWidth : 0
    }
    return {
      scroll: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      window: innerWidth,
      overflow: { bottom: inner('.bottom-body'), inspector: inner('.inspector'), panel: inner('.bottom-body > *') },
    }
  })

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
]) {
  test.describe(`a 3,000-character route key at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size })

    test('no tab and no inspector makes the page wider than the window; the full key is there on hover', async ({ page }) => {
      await openApp(page)
      await loadLongKey(page)
      const within = async (where: string) => {
        const w = await pageWidth(page)
        expect(w.scroll, `${where}: page scroll width`).toBeLessThanOrEqual(w.window)
        expect(w.body, `${where}: body scroll width`).toBeLessThanOrEqual(w.window)
        expect(w.overflow, `${where}: sideways overflow inside the panels`).toEqual({ bottom: 0, inspector: 0, panel: 0 })
        for (const id of ['inspector', 'bottom', 'toolbar.doc-name']) {
          const box = await page.getByTestId(id).first().boundingBox()
          if (box) expect(box.x + box.width, `${where}: ${id} right edge`).toBeLessThanOrEqual(w.window + 1)
        }
      }
      await expect(page.getByTestId('inspector').locator('input').first()).toHaveValue(LONG_KEY)
      await within('inspector')

      const problems = new Problems(page)
      await problems.open()
      await expect(problems.itemFor(LONG_KEY, 'MDL028')).toBeVisible()
      await expect(problems.itemFor(LONG_KEY, 'MDL028').locator('.where')).toHaveAttribute('title', new RegExp(`^${LONG_KEY}`))
      await within('Problems')

      const tester = new MessageTester(page)
      await tester.open()
      await within('Message tester')

      const exportPane = new ExportPane(page)
      await exportPane.open()
      await exportPane.choose('cdk-ts')
      await exportPane.page.getByTestId('export.scope.route').check()
      await expect(page.getByTestId('export.scope.route-key')).toHaveText(LONG_KEY)
      await within('Export')
      await expect(page.getByTestId('export.copy')).toBeInViewport()
      await expect(page.getByTestId('export.download')).toBeInViewport()
    })
  })
}

test.describe('node text on the canvas at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } })

  test('a line that would overflow its node ends in an ellipsis; the others are not clipped, and none spills out', async ({ page }) => {
    await openApp(page)
    await loadLongKey(page)
    const lines = await page.evaluate(() =>
      [...document.querySelectorAll('.entity-node-title, .entity-node-detail, .entity-node-caption-text')].map((el) => {
        const e = el as HTMLElement
        const nodeEl = e.closest('.entity-node') as HTMLElement
        const node = nodeEl.getBoundingClientRect()
        const zoom = node.width / nodeEl.offsetWidth
        const style = getComputedStyle(e)
        return {
          node: nodeEl.getAttribute('data-testid'),
          // A caption beside a problem badge is clipped whatever its length: the badge takes part of the line.
          besideBadge: !!e.parentElement?.querySelector('.node-badge'),
          text: (e.textContent ?? '').slice(0, 20),
          overflows: e.scrollWidth > e.clientWidth + 1,
          clipped: style.overflow === 'hidden' && style.textOverflow === 'ellipsis',
          // The text's own extent, clipped or not, against the node's inner right edge.
          spills: style.overflow !== 'hidden' && e.getBoundingClientRect().left + e.scrollWidth * zoom > node.right + 0.5,
        }
      }),
    )
    expect(lines.length).toBeGreaterThan(10)
    // The 3,000-character key is cut with an ellipsis in both route nodes that show it.
    expect(lines.filter((l) => l.text.startsWith('sendMessagexxx') && l.clipped && l.overflows)).toHaveLength(2)
    // Whatever overflows is clipped, and nothing else is: only clipped lines cost a paint clip (textFit.ts).
    expect(lines.filter((l) => l.overflows && !l.clipped)).toEqual([])
    expect(lines.filter((l) => l.spills)).toEqual([])
    expect(lines.filter((l) => l.clipped && !l.overflows && !l.besideBadge).map((l) => `${l.node}: ${l.text}`)).toEqual([])
  })
})
