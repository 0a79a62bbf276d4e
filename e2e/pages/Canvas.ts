import { expect, type Locator, type Page } from '@playwright/test'

/** The React Flow canvas: nodes by entity id, palette drops, wiring by handles, node drags. */
export class Canvas {
  readonly root: Locator
  readonly hint: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('canvas')
    this.hint = page.getByTestId('canvas.connection-hint')
  }

  node(id: string): Locator {
    return this.page.getByTestId(`node.${id}`)
  }

  nodeTitle(id: string): Locator {
    return this.page.getByTestId(`node.${id}.title`)
  }

  edge(id: string): Locator {
    return this.page.getByTestId(`edge.${id}`)
  }

  async ready(): Promise<void> {
    await expect(this.root.locator('.react-flow__node').first()).toBeVisible()
  }

  /** Drags a palette item onto the canvas at a position relative to the canvas' top-left corner. */
  async dropFromPalette(itemId: string, at: { x: number; y: number }): Promise<void> {
    await this.page.getByTestId(`palette.${itemId}`).dragTo(this.root, { targetPosition: at })
  }

  /** Starts a connection on `source`'s out-handle and releases it on `target`'s in-handle. */
  async connect(source: string, target: string, opts: { release?: boolean } = {}): Promise<void> {
    const from = await this.page.getByTestId(`handle.${source}.out`).boundingBox()
    const to = await this.page.getByTestId(`handle.${target}.in`).boundingBox()
    if (!from || !to) throw new Error(`handles of ${source} / ${target} are not visible`)
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await this.page.mouse.down()
    await this.page.mouse.move(to.x + to.width / 2 - 20, to.y + to.height / 2, { steps: 8 })
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 4 })
    if (opts.release !== false) await this.page.mouse.up()
  }

  /** Drags a node by its title by (dx, dy) screen pixels. */
  async dragNode(id: string, dx: number, dy: number): Promise<void> {
    const box = await this.nodeTitle(id).boundingBox()
    if (!box) throw new Error(`node ${id} is not visible`)
    const x = box.x + box.width / 2
    const y = box.y + box.height / 2
    await this.page.mouse.move(x, y)
    await this.page.mouse.down()
    await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 })
    await this.page.mouse.move(x + dx, y + dy, { steps: 5 })
    await this.page.mouse.up()
  }

  async select(id: string, opts: { add?: boolean } = {}): Promise<void> {
    await this.nodeTitle(id).click({ modifiers: opts.add ? ['Shift'] : [] })
  }

  async clickEmpty(): Promise<void> {
    await this.root.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
  }
}
