import { type Locator, type Page } from '@playwright/test'

export type PanelName = 'palette' | 'inspector' | 'bottom'

/** The resizable panels: their drag handles, boxes and the maximise button of the bottom panel. */
export class Panels {
  readonly maximize: Locator

  constructor(readonly page: Page) {
    this.maximize = page.getByTestId('bottom.maximize')
  }

  handle(name: PanelName): Locator {
    return this.page.getByTestId(`panel.handle.${name}`)
  }

  /** The panel's own element: width for the side panels, height for the bottom panel. */
  async size(name: PanelName): Promise<number> {
    const el = this.page.getByTestId(name)
    const box = await el.boundingBox()
    if (!box) return 0
    return Math.round(name === 'bottom' ? box.height : box.width)
  }

  /** Drags a handle by (dx, dy) with the mouse, in a few steps, as a person would. */
  async drag(name: PanelName, dx: number, dy: number): Promise<void> {
    const box = (await this.handle(name).boundingBox())!
    const x = box.x + box.width / 2
    const y = box.y + box.height / 2
    await this.page.mouse.move(x, y)
    await this.page.mouse.down()
    await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 })
    await this.page.mouse.move(x + dx, y + dy, { steps: 4 })
    await this.page.mouse.up()
  }

  /** Lines of the export preview on screen (Monaco renders only the visible ones). */
  visibleCodeLines(testId = 'export.preview'): Promise<number> {
    return this.page.evaluate((id) => {
      const host = document.querySelector(`[data-testid="${id}"]`)
      if (!host) return 0
      const frame = host.getBoundingClientRect()
      return [...host.querySelectorAll('.view-line')].filter((l) => {
        const r = l.getBoundingClientRect()
        return r.height > 0 && r.top >= frame.top - 1 && r.bottom <= Math.min(frame.bottom, innerHeight) + 1
      }).length
    }, testId)
  }
}
