import { expect, test } from './fixtures'

test.describe('problems', () => {
  test('a problem in a template: badge, problems list, click opens the template in the editor', async ({ app, api, canvas, problems, vtlEditor }) => {
    await expect(app.getByTestId('bottom.tab.problems.count')).toHaveCount(0)
    // Deleting the table leaves the template's @{table.name} reference dangling.
    await canvas.select('table')
    await app.keyboard.press('Delete')
    await expect(canvas.node('table')).toHaveCount(0)
    await expect(app.getByTestId('node.putItem.badge')).toBeVisible()
    await expect(app.getByTestId('bottom.tab.problems.count')).toBeVisible()

    await canvas.select('api')
    await app.getByTestId('node.putItem.badge').click()
    await expect(problems.panel).toBeVisible()
    expect(await api.selection()).toEqual(['putItem'])
    const diagnostics = (await api.runChecks()).filter((d) => d.entity === 'putItem' && d.field?.startsWith('requestTemplates'))
    expect(diagnostics.length).toBeGreaterThan(0)
    await problems.itemFor('putItem', diagnostics[0].code).first().click()
    await expect(vtlEditor.panel).toBeVisible()
    await expect(vtlEditor.tab('application/json')).toHaveAttribute('aria-selected', 'true')

    // Undo brings the table back and the problem goes away.
    await app.getByTestId('toolbar.undo').click()
    await expect(app.getByTestId('node.putItem.badge')).toHaveCount(0)
  })
})
