import { expect, test } from './fixtures'

// Writes the README screenshot at 1440×900: the seed design with the $connect integration selected and its
// template open, its node names readable (≥ 12 px on screen).
test('README screenshot', async ({ app, canvas, vtlEditor }) => {
  await app.setViewportSize({ width: 1440, height: 900 })
  await canvas.select('putItem')
  await vtlEditor.open()
  await vtlEditor.ready()
  // The palette gives its room to the canvas (View command), so the whole seed fits at a readable zoom.
  await app.evaluate(() => window.__designer!.runCommand('view.toggle-palette'))
  await app.getByTestId('toolbar.fit-view').click()
  await app.waitForTimeout(400)
  await expect(canvas.node('putItem')).toHaveClass(/selected/)
  // Readable nodes: node names at least 12 px on screen (font size times the zoom), as issue 12 asks.
  const onScreen = await canvas.node('putItem').evaluate((el) => {
    const title = el.querySelector('.entity-node-title') ?? el
    const zoom = new DOMMatrixReadOnly(getComputedStyle(el.closest('.react-flow__viewport')!).transform).a
    return parseFloat(getComputedStyle(title).fontSize) * zoom
  })
  expect(onScreen).toBeGreaterThanOrEqual(12)
  await app.screenshot({ path: 'docs/screenshot.png' })
})
