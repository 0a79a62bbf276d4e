import { expect, type Locator, type Page } from '@playwright/test'

/** The CloudFormation import dialog (src/components/import/ImportDialog.tsx). */
export class ImportDialog {
  readonly root: Locator
  readonly file: Locator
  readonly apiChoice: Locator
  readonly summary: Locator
  readonly confirm: Locator
  readonly errors: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('import.dialog')
    this.file = page.getByTestId('import.file')
    this.apiChoice = page.getByTestId('import.api-choice')
    this.summary = page.getByTestId('import.summary')
    this.confirm = page.getByTestId('import.confirm')
    this.errors = page.getByTestId('import.errors')
  }

  async pick(name: string, contents: string): Promise<void> {
    await this.file.setInputFiles({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/yaml', buffer: Buffer.from(contents) })
  }

  count(group: 'imported' | 'generated' | 'verbatim' | 'skipped'): Promise<string | null> {
    return this.page.getByTestId(`import.summary.${group}`).getAttribute('data-count')
  }

  async chooseApi(logicalId: string): Promise<void> {
    await this.apiChoice.selectOption(logicalId)
    await this.page.getByTestId('import.api-confirm').click()
  }

  async importIt(): Promise<void> {
    await expect(this.confirm).toBeEnabled()
    await this.confirm.click()
    await expect(this.root).toBeHidden()
  }

  /** Drops a file onto the open dialog. */
  async dropOnDialog(name: string, contents: string): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ([n, c]) => {
        const dt = new DataTransfer()
        dt.items.add(new File([c], n, { type: 'text/yaml' }))
        return dt
      },
      [name, contents] as const,
    )
    await this.root.dispatchEvent('dragover', { dataTransfer: transfer })
    await this.root.dispatchEvent('drop', { dataTransfer: transfer })
  }

  /** Drops a file onto the window (outside any dialog), as a user dragging a template from the desktop. */
  async dropOnWindow(name: string, contents: string): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ([n, c]) => {
        const dt = new DataTransfer()
        dt.items.add(new File([c], n, { type: 'application/json' }))
        return dt
      },
      [name, contents] as const,
    )
    await this.page.getByTestId('app').dispatchEvent('dragover', { dataTransfer: transfer })
    await this.page.getByTestId('app').dispatchEvent('drop', { dataTransfer: transfer })
  }
}
