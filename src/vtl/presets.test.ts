/** Every preset passes the VTL checks without errors and renders valid output for its sample message. */
import { describe, expect, it } from 'vitest'
import { aDesign } from '../model/builders'
import { applyPreset, PRESETS } from '../model/presets'
import type { Resource } from '../model/types'
import { checkJson } from './jsonCheck'
import { outputKind } from './outputChecks'
import { renderTemplate } from './render'
import { resolveTemplateRefs } from './refValues'
import { testMessage } from './testMessage'
import { validateTemplate } from './validate'

const RESOURCES: Record<string, Resource> = {
  'dynamodb-table': { type: 'dynamodb-table', partitionKey: { name: 'connectionId', type: 'S' } },
  'sqs-queue': { type: 'sqs-queue', queueName: 'inbox.fifo', fifo: true },
  'sns-topic': { type: 'sns-topic' },
  'kinesis-stream': { type: 'kinesis-stream' },
  'eventbridge-bus': { type: 'eventbridge-bus', eventBusName: 'chat-bus' },
  'state-machine': { type: 'state-machine', definition: '{}', stateMachineType: 'EXPRESS' },
  'lambda-function': { type: 'lambda-function', runtime: 'nodejs20.x', handler: 'index.handler', code: '' },
}

describe.each(PRESETS.map((p) => [p.id, p] as const))('preset %s', (_id, p) => {
  const design = () => {
    const b = aDesign('chatapi').withIntegration('integ', { type: 'aws' }).withRoute('r', { key: p.routeKey, integration: 'integ' })
    if (p.targetType) b.withResource('target1', RESOURCES[p.targetType])
    return applyPreset(b.build(), 'integ', p.id, p.targetType ? 'target1' : undefined)
  }

  it('has no error or warning from validateTemplate', () => {
    for (const [key, t] of Object.entries(p.requestTemplates)) {
      const d = validateTemplate(t, {
        routeKey: p.routeKey,
        contentType: key,
        service: p.service,
        integrationType: p.integrationType,
        requestParameters: p.requestParameters,
        templateSelectionExpression: p.templateSelectionExpression,
        templateKeys: Object.keys(p.requestTemplates),
        templateKey: key,
        sampleMessage: p.sampleMessage,
      })
      expect(d).toEqual([])
    }
  })

  it('renders valid output for its sample message once bound to a resource', () => {
    const d = design()
    const template = d.integrations.integ.requestTemplates!.$default
    const rendered = renderTemplate(resolveTemplateRefs(template, d), { body: p.sampleMessage, routeKey: p.routeKey })
    expect(rendered.ok).toBe(true)
    if (!rendered.ok) return
    expect(rendered.output).not.toContain('@{')
    const kind = outputKind({ service: p.service, integrationType: p.integrationType, requestParameters: p.requestParameters })
    if (kind === 'json') {
      expect(checkJson(rendered.output)).toEqual({ ok: true })
      // Message data survives the round trip through the template.
      if (p.sampleMessage && /"(input|Detail)"/.test(rendered.output)) {
        const parsed = JSON.parse(rendered.output) as Record<string, unknown>
        const inner = (parsed.input ?? (parsed.Entries as Record<string, unknown>[])[0].Detail) as string
        expect(JSON.parse(inner)).toEqual(JSON.parse(p.sampleMessage))
      }
    } else {
      expect(kind).toBe('form')
      const params = new URLSearchParams(rendered.output)
      expect(params.get('Action')).toBe(p.action ?? 'SendMessage')
      const body = params.get('MessageBody') ?? params.get('Message')
      expect(body).toBe(p.sampleMessage)
    }
  })

  it('testMessage through the whole design gives the same request without diagnostics', () => {
    const d = design()
    const r = testMessage(d, { message: p.sampleMessage, routeKey: p.routeKey })
    expect(r.diagnostics).toEqual([])
    expect(r.template).toMatchObject({ kind: 'template', key: '$default' })
    expect(r.request?.body.length).toBeGreaterThan(0)
  })
})
