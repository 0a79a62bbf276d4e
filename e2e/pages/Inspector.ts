import { expect, type Locator, type Page } from '@playwright/test'

/** The inspector form; fields are addressed by entity kind and dotted field path: `field('route', 'key')`. */

export class Inspector {
  readonly root: Locator
  readonly title: Locator
  /** The collapsed "Advanced (CloudFormation)" section. */
  readonly advanced: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('inspector')
    this.title = page.getByTestId('inspector.title')
    this.advanced = page.getByTestId('inspector.advanced')
  }

  async openAdvanced(): Promise<void> {
    if (!(await this.advanced.evaluate((el) => (el as HTMLDetailsElement).open))) await this.page.getByTestId('inspector.advanced.summary').click()
    await expect(this.advanced).toHaveAttribute('open', '')
  }

  /** The labels of the top-level fields on the main form (not under Advanced), in order, without the `*`. */
  mainLabels(): Promise<string[]> {
    return this.root.locator('.inspector-form > .field').evaluateAll((rows) => rows.map((r) => (r.querySelector(':scope > label, :scope > fieldset > legend')?.textContent ?? '').replace(/ \*$/, '')))
  }

  /** The labels of the top-level fields under Advanced. */
  advancedLabels(): Promise<string[]> {
    return this.advanced.locator(':scope > .field').evaluateAll((rows) => rows.map((r) => (r.querySelector(':scope > label, :scope > fieldset > legend')?.textContent ?? '').replace(/ \*$/, '')))
  }

  field(kind: string, path: string): Locator {
    return this.page.getByTestId(`inspector.${kind}.${path}`)
  }

  issues(kind: string, path: string): Locator {
    return this.page.getByTestId(`inspector.${kind}.${path}.issue`)
  }

  /** Types into a text field as a person would (one burst), then leaves it. */
  async type(kind: string, path: string, text: string): Promise<void> {
    const f = this.field(kind, path)
    await f.click()
    await f.press('ControlOrMeta+A')
    await f.pressSequentially(text, { delay: 10 })
    await f.blur()
  }

  async choose(kind: string, path: string, value: string): Promise<void> {
    await this.field(kind, path).selectOption(value)
  }

  async expectTitle(id: string): Promise<void> {
    await expect(this.title).toHaveText(id)
  }
}
