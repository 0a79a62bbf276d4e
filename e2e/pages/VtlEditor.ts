import { expect, type Locator, type Page } from '@playwright/test'

/** The mapping-template editor in the bottom panel (Monaco, VTL markers, template tabs). */
export class VtlEditor {
  readonly panel: Locator
  readonly monaco: Locator
  readonly status: Locator
  readonly problems: Locator

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('editor.panel')
    this.monaco = page.getByTestId('editor.monaco')
    this.status = page.getByTestId('editor.status')
    this.problems = page.getByTestId('editor.problem')
  }

  async open(): Promise<void> {
    await this.page.getByTestId('bottom.tab.editor').click()
    await expect(this.panel).toBeVisible()
  }

  /** Waits until Monaco has rendered the current template. */
  async ready(): Promise<void> {
    await expect(this.monaco.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 20_000 })
  }

  tab(key: string): Locator {
    return this.page.getByTestId(`editor.template-tab.${key}`)
  }

  /** Focuses the editor text. */
  async focus(): Promise<void> {
    await this.monaco.locator('.monaco-editor .view-lines').click()
  }

  /**
   * Replaces the whole template text like a user pasting it: select all, then a `paste` event carrying the text
   * (typing it would trigger auto-closing brackets and auto-indent).
   */
  async setText(text: string): Promise<void> {
    await this.focus()
    await this.page.keyboard.press('ControlOrMeta+A')
    await this.page.evaluate((t) => {
      const data = new DataTransfer()
      data.setData('text/plain', t)
      const target = document.activeElement ?? document.body
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, text)
  }

  /** Moves the cursor to the end of `line` (1-based) and types keys one by one, as a user would. */
  async typeAtEndOfLine(line: number, keys: string): Promise<void> {
    await this.focus()
    await this.page.keyboard.press('ControlOrMeta+Home')
    for (let i = 1; i < line; i++) await this.page.keyboard.press('ArrowDown')
    await this.page.keyboard.press('End')
    await this.page.keyboard.type(keys)
  }

  /** The text Monaco shows (rendered lines, so only for short templates that fit the viewport). */
  async visibleText(): Promise<string> {
    const lines = await this.monaco.locator('.view-lines .view-line').evaluateAll((els) =>
      els
        .map((el) => ({ top: parseFloat((el as HTMLElement).style.top || '0'), text: (el.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text),
    )
    return lines.join('\n')
  }

  problemAtLine(line: number): Locator {
    return this.page.locator(`[data-testid="editor.problem"][data-line="${line}"]`)
  }

  /** Error squiggles Monaco draws for markers. */
  squiggles(): Locator {
    return this.monaco.locator('.squiggly-error')
  }

  async expectNoProblems(): Promise<void> {
    await expect(this.problems, `problems: ${(await this.problems.allTextContents()).join(' | ')}`).toHaveCount(0)
    await expect(this.status).toHaveAttribute('data-state', 'idle')
    await expect(this.status).toHaveText('No problems')
  }
}
