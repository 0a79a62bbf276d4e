import AxeBuilder from '@axe-core/playwright'
import { type Page } from '@playwright/test'

/** axe-core over the page as it stands, and the keyboard-focus facts the accessibility specs read. */
export class Accessibility {
  constructor(readonly page: Page) {}

  /**
   * axe-core's serious and critical violations, one line each (rule, impact, the first few elements), so a
   * failing test names what to fix. Every rule runs, best practices included; minor and moderate findings are
   * left to review, not to the test.
   */
  async seriousViolations(): Promise<string[]> {
    const result = await new AxeBuilder({ page: this.page }).analyze()
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`).join(' | ')}`)
  }

  /** The focused element's test id (or tag), following focus into nested shadow-free DOM. */
  focused(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      return el?.dataset.testid ?? el?.closest<HTMLElement>('[data-testid]')?.dataset.testid ?? el?.tagName.toLowerCase() ?? ''
    })
  }

  /** Which of the given regions (test ids) holds the focused element, or '' when none does. */
  focusedRegion(regions: readonly string[]): Promise<string> {
    return this.page.evaluate((ids) => {
      const el = document.activeElement
      return ids.find((id) => el?.closest(`[data-testid="${id}"]`)) ?? ''
    }, regions)
  }

  /** Focuses the toolbar's last button (where Tab leaves the toolbar) and returns its test id. */
  focusLastToolbarButton(): Promise<string> {
    return this.page.evaluate(() => {
      const buttons = [...document.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button:not(:disabled)')]
      const last = buttons[buttons.length - 1]!
      last.focus({ focusVisible: true } as FocusOptions)
      return last.dataset.testid ?? ''
    })
  }

  /** Whether the focused element draws a focus indicator: an outline or a box-shadow, from :focus-visible. */
  focusIndicator(): Promise<{ matchesFocusVisible: boolean; outline: string; boxShadow: string }> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement
      const style = getComputedStyle(el)
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 ? `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}` : ''
      const boxShadow = style.boxShadow === 'none' ? '' : style.boxShadow
      return { matchesFocusVisible: el.matches(':focus-visible'), outline, boxShadow }
    })
  }
}
