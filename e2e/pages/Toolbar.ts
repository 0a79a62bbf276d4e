import { type Locator, type Page } from '@playwright/test'

export type ToolbarButton = 'new' | 'open' | 'save' | 'import' | 'export' | 'share' | 'undo' | 'redo' | 'add' | 'auto-layout' | 'fit-view' | 'theme' | 'examples' | 'shortcuts'

export class Toolbar {
  readonly saveState: Locator

  constructor(readonly page: Page) {
    this.saveState = page.getByTestId('toolbar.save-state')
  }

  button(id: ToolbarButton): Locator {
    return this.page.getByTestId(`toolbar.${id}`)
  }

  async click(id: ToolbarButton): Promise<void> {
    await this.button(id).click()
  }
}
