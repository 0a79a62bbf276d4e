import { expect, test } from './fixtures'

test.describe('wiring', () => {
  test('route → integration → table fills the role and the template', async ({ app, api, canvas, toolbar, vtlEditor }) => {
    await toolbar.click('new')
    await canvas.dropFromPalette('route.connect', { x: 80, y: 120 })
    const [route] = await api.selection()
    await canvas.dropFromPalette('integration.dynamodb-putitem', { x: 380, y: 120 })
    const [integration] = await api.selection()
    await canvas.dropFromPalette('resource.dynamodb-table', { x: 680, y: 120 })
    const [table] = await api.selection()

    await canvas.connect(route, integration)
    await expect(canvas.edge(`integration:${route}->${integration}`)).toBeAttached()
    await canvas.connect(integration, table)
    await expect(canvas.edge(`target:${integration}->${table}`)).toBeAttached()

    const doc = await api.document()
    const wired = doc.design.integrations[integration]
    expect(wired).toMatchObject({ type: 'aws', service: 'dynamodb', action: 'PutItem', method: 'POST', target: table })
    const role = (wired.credentials as { role: string }).role
    expect(doc.design.resources[role]).toEqual({ type: 'iam-role' })
    // The generated least-privilege role appears on the canvas, wired as credentials.
    await expect(canvas.node(role)).toBeVisible()
    await expect(canvas.edge(`credentials:${integration}->${role}`)).toBeAttached()
    // The starter template names the table.
    const template = Object.values(wired.requestTemplates ?? {}).join('\n')
    expect(template).toContain(`@{${table}.name}`)
    await canvas.select(integration)
    await vtlEditor.open()
    await vtlEditor.ready()
    await expect(vtlEditor.monaco).toContainText(`${table}.name`)
    await expect(app.getByTestId('notice.error')).toHaveCount(0)
  })

  test('a refused connection shows the reason while dragging and changes nothing', async ({ app, api, canvas }) => {
    await canvas.dropFromPalette('authorizer.lambda', { x: 80, y: 380 })
    const [auth] = await api.selection()
    await canvas.dropFromPalette('route.custom', { x: 420, y: 380 })
    const [custom] = await api.selection()
    const before = await api.serialize()

    await canvas.connect(auth, custom, { release: false })
    await expect(canvas.hint).toContainText('Authorizers apply only to $connect')
    await expect(canvas.hint).toHaveClass(/refused/)
    await app.mouse.up()
    await expect(app.getByTestId('notice.error')).toContainText('Authorizers apply only to $connect')
    expect(await api.serialize()).toBe(before)

    // A second integration on a route that already has one is refused too.
    await canvas.dropFromPalette('integration.mock', { x: 420, y: 480 })
    const [mock] = await api.selection()
    await canvas.connect('connect', mock, { release: false })
    await expect(canvas.hint).toContainText('already has an integration')
    await app.mouse.up()
    expect((await api.document()).design.routes.connect.integration).toBe('putItem')

    // A valid one is accepted: authorizer → $connect.
    await canvas.connect(auth, 'connect')
    expect((await api.document()).design.routes.connect.authorizer).toBe(auth)
  })

  test('deleting a selected connection removes the reference', async ({ api, canvas, app }) => {
    await api.select(['integration:connect->putItem'])
    await canvas.root.focus()
    await app.keyboard.press('Delete')
    expect((await api.document()).design.routes.connect.integration).toBeUndefined()
    await expect(canvas.edge('integration:connect->putItem')).toHaveCount(0)
  })

  test('keyboard alternative: wire from the inspector, with the same checks and presets', async ({ app, api, canvas, inspector, palette }) => {
    await palette.addWithKeyboard('integration.sqs-sendmessage')
    const [integration] = await api.selection()
    await palette.addWithKeyboard('resource.sqs')
    const [queue] = await api.selection()
    await canvas.select(integration)
    await inspector.choose('integration', 'target', queue)
    await expect(canvas.edge(`target:${integration}->${queue}`)).toBeAttached()
    const wired = (await api.document()).design.integrations[integration]
    expect(wired.credentials).toEqual({ role: expect.any(String) })
    expect(Object.values(wired.requestTemplates ?? {}).join('')).not.toContain('@{target.')

    await palette.addWithKeyboard('route.custom')
    const [route] = await api.selection()
    await inspector.choose('route', 'integration', integration)
    await expect(canvas.edge(`integration:${route}->${integration}`)).toBeAttached()
    // Authorizers apply only to $connect: a custom route does not offer the field, $connect wires like a drag.
    await palette.addWithKeyboard('authorizer.lambda')
    const [auth] = await api.selection()
    await canvas.select(route)
    await expect(inspector.field('route', 'authorizer')).toHaveCount(0)
    expect((await api.document()).design.routes[route].authorizer).toBeUndefined()
    await canvas.select('connect')
    await inspector.choose('route', 'authorizer', auth)
    await expect(canvas.edge(`authorizer:${auth}->connect`)).toBeAttached()
    await expect(app.getByTestId('notice.error')).toHaveCount(0)
  })
})
