import { expect, type Download, type Locator, type Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import type { ExportTargetId } from '../../src/export/types'

/** The export pane in the bottom panel. */
export class ExportPane {
  readonly panel: Locator
  readonly preview: Locator

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('export.panel')
    this.preview = page.getByTestId('export.preview')
  }

  async open(): Promise<void> {
    await this.page.getByTestId('bottom.tab.export').click()
    await expect(this.panel).toBeVisible()
  }

  target(id: ExportTargetId): Locator {
    return this.page.getByTestId(`export.target.${id}`)
  }

  async choose(target: ExportTargetId, shape: 'snippet' | 'project' = 'snippet'): Promise<void> {
    await this.target(target).click()
    await this.page.getByTestId(`export.shape.${shape}`).click()
    await expect(this.target(target)).toHaveAttribute('aria-selected', 'true')
  }

  async download(): Promise<{ download: Download; text: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export.download').click()])
    const path = await download.path()
    const bytes = await readFile(path)
    return { download, text: bytes.toString('utf8'), bytes }
  }
}
