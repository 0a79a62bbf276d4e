import { expect, type Locator, type Page } from '@playwright/test'

/** The schema editor of a model or server message in the inspector (Monaco JSON, draft-04 problems, generate). */
export class ModelEditor {
  readonly editor: Locator
  readonly monaco: Locator
  readonly problems: Locator
  readonly jsonError: Locator
  readonly sample: Locator
  readonly generate: Locator

  constructor(
    readonly page: Page,
    readonly kind: 'model' | 'message' = 'model',
  ) {
    this.editor = page.getByTestId(`inspector.${kind}.schema`)
    this.monaco = this.editor.locator('.monaco-editor .view-lines')
    this.problems = page.getByTestId(`inspector.${kind}.schema.problem`)
    this.jsonError = page.getByTestId(`inspector.${kind}.schema.json-error`)
    this.sample = page.getByTestId(`inspector.${kind}.sample`)
    this.generate = page.getByTestId(`inspector.${kind}.sample.generate`)
  }

  async ready(): Promise<void> {
    await expect(this.editor).toHaveAttribute('data-monaco', 'ready', { timeout: 20_000 })
    await expect(this.monaco).toBeVisible()
  }

  /** Replaces the whole text like a paste (typing would trigger auto-closing brackets). */
  async setText(text: string): Promise<void> {
    await this.monaco.click()
    await this.page.keyboard.press('ControlOrMeta+A')
    await this.page.evaluate((t) => {
      const data = new DataTransfer()
      data.setData('text/plain', t)
      const target = document.activeElement ?? document.body
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, text)
  }

  async generateFrom(sample: string): Promise<void> {
    await this.page.getByTestId(`inspector.${this.kind}.sample.details`).locator('summary').click()
    await this.sample.fill(sample)
    await this.generate.click()
  }
}
