/**
 * Focus is visible (issue 12, accessibility): reached with the keyboard, a toolbar button, a palette item and an
 * inspector field each draw a focus indicator (the shared :focus-visible outline, or a box-shadow). The canvas node
 * case is in canvas-habits.spec.ts. Tab order follows the work: from the toolbar into the canvas, then the palette.
 */
import { expect, openApp, test } from './fixtures'
import { Accessibility } from './pages/Accessibility'

test.describe('visible focus at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } })

  test('Tab reaches a toolbar button, a palette item and an inspector field, each with a visible focus indicator', async ({ page }) => {
    await openApp(page)
    const a11y = new Accessibility(page)
    /** Presses Tab until the focused element's test id starts with `prefix` (at most 80 presses). */
    const tabTo = async (prefix: string): Promise<string> => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab')
        const id = await a11y.focused()
        if (id.startsWith(prefix)) return id
      }
      throw new Error(`Tab never reached an element whose test id starts with ${prefix}`)
    }
    const expectVisible = async (what: string) => {
      const focus = await a11y.focusIndicator()
      expect(focus.matchesFocusVisible, `${what} matches :focus-visible`).toBe(true)
      expect(focus.outline || focus.boxShadow, `${what} draws an outline or a box-shadow`).not.toBe('')
    }

    await page.locator('body').click({ position: { x: 2, y: 2 } })
    await tabTo('toolbar.')
    await expectVisible('a toolbar button')

    await tabTo('palette.')
    await expectVisible('a palette item')

    // Select the integration, then Tab into its form.
    await page.evaluate(() => window.__designer!.select(['putItem']))
    await page.getByTestId('inspector').locator('h2').click()
    const field = await tabTo('inspector.integration.')
    await expectVisible(`the inspector's ${field}`)
  })

  test('Tab from the last toolbar button reaches the canvas before any palette item', async ({ page }) => {
    await openApp(page)
    const a11y = new Accessibility(page)
    const last = await a11y.focusLastToolbarButton()
    expect(last, 'the toolbar has a last button to start from').toMatch(/^toolbar\./)
    // The first region Tab enters after the toolbar is the canvas (a node, the pane or its controls).
    let first = ''
    for (let i = 0; i < 20 && !first; i++) {
      await page.keyboard.press('Tab')
      first = await a11y.focusedRegion(['canvas', 'palette', 'inspector', 'bottom'])
    }
    expect(first, 'the first panel Tab reaches after the toolbar').toBe('canvas')
    // The palette still comes right after the canvas, before the inspector.
    let next = first
    for (let i = 0; i < 80 && (next === 'canvas' || next === ''); i++) {
      await page.keyboard.press('Tab')
      next = await a11y.focusedRegion(['canvas', 'palette', 'inspector', 'bottom'])
    }
    expect(next, 'the panel Tab reaches after the canvas').toBe('palette')
  })
})
