import { expect, test } from './fixtures'

// Writes the README screenshot: the seed design with the $connect integration selected and its template open.
test('README screenshot', async ({ app, canvas, vtlEditor }) => {
  await app.setViewportSize({ width: 1440, height: 900 })
  await canvas.select('putItem')
  await vtlEditor.open()
  await vtlEditor.ready()
  await app.getByTestId('toolbar.fit-view').click()
  await app.waitForTimeout(400)
  await app.screenshot({ path: 'docs/screenshot.png' })
  await expect(canvas.node('putItem')).toHaveClass(/selected/)
})
