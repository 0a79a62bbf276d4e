import { expect, test } from './fixtures'

test.describe('inspector', () => {
  test('edits text, enum, number with unit, boolean and map fields; the node follows', async ({ api, canvas, inspector }) => {
    await canvas.select('connect')
    await inspector.expectTitle('connect')
    await expect(inspector.field('route', 'key')).toHaveValue('$connect')
    // Help text from the schema is shown.
    await expect(inspector.root).toContainText('Route key: $connect, $disconnect, $default or a custom value')

    await canvas.select('putItem')
    await inspector.choose('integration', 'passthroughBehavior', 'NEVER')
    await inspector.field('integration', 'timeoutMs.unit').selectOption('s')
    await inspector.type('integration', 'timeoutMs', '12')
    let doc = await api.document()
    expect(doc.design.integrations.putItem.passthroughBehavior).toBe('NEVER')
    expect(doc.design.integrations.putItem.timeoutMs).toBe(12000)

    // Maps are key/value tables.
    await inspector.field('integration', 'requestParameters.add').click()
    await inspector.type('integration', 'requestParameters.row.0.key', 'integration.request.header.Content-Type')
    await inspector.type('integration', 'requestParameters.integration.request.header.Content-Type', "'application/json'")
    doc = await api.document()
    expect(doc.design.integrations.putItem.requestParameters).toEqual({ 'integration.request.header.Content-Type': "'application/json'" })

    // A boolean on the stage, and a text field on the API reflected on the canvas.
    await canvas.select('dev')
    await inspector.field('stage', 'autoDeploy').uncheck()
    expect((await api.document()).design.stages.dev.autoDeploy).toBeUndefined()
    await canvas.select('api')
    await inspector.type('api', 'name', 'chat-api')
    await expect(canvas.nodeTitle('api')).toHaveText('chat-api')
  })

  test('shows inline errors from the checks and clears them when fixed', async ({ canvas, inspector, problems }) => {
    await canvas.select('putItem')
    await inspector.type('integration', 'timeoutMs', '40000')
    await expect(inspector.issues('integration', 'timeoutMs')).toContainText('MDL016')
    await expect(canvas.node('putItem').getByTestId('node.putItem.badge')).toBeVisible()
    // The badge opens the problems, the problem leads back to the field.
    await canvas.node('putItem').getByTestId('node.putItem.badge').click()
    await expect(problems.panel).toBeVisible()
    await problems.itemFor('putItem', 'MDL016').click()
    await expect(inspector.field('integration', 'timeoutMs')).toBeFocused()
    await inspector.type('integration', 'timeoutMs', '5000')
    await expect(inspector.issues('integration', 'timeoutMs')).toHaveCount(0)
  })

  test('template fields open in the template editor', async ({ canvas, inspector, vtlEditor }) => {
    await canvas.select('putItem')
    await inspector.field('integration', 'requestTemplates.row.0.edit').click()
    await expect(vtlEditor.panel).toBeVisible()
    await vtlEditor.ready()
    await expect(vtlEditor.tab('application/json')).toHaveAttribute('aria-selected', 'true')
  })
})
