import { describe, expect, it } from 'vitest'
import { IGNORED_BY_TYPE } from './checks/integrationRules'
import { addEntity, type NewEntitySpec } from './ops'
import { PRESETS } from './presets'
import { AUTHORIZER_FIELDS, INTEGRATION_FIELDS, placeFields, ROUTE_FIELDS, STAGE_FIELDS } from './schema'
import { seedDocument } from './seed'
import { emptyDocument } from './builders'
import { INTEGRATION_TYPES, type Integration } from './types'

/** An integration as the palette makes it. */
function fresh(spec: Extract<NewEntitySpec, { kind: 'integration' }>): Integration {
  const r = addEntity(emptyDocument(), spec, { x: 0, y: 0 })
  if (!r.ok) throw new Error(r.reason)
  return r.value.doc.design.integrations[r.value.id]
}

const place = (i: Integration) => placeFields(INTEGRATION_FIELDS, i as unknown as Record<string, unknown>)

describe('placeFields: integrations, per type', () => {
  it('Lambda proxy: the function, its role and timeout; no service, action, path, URI, method or VPC link on the form', () => {
    const { main, advanced } = place(fresh({ kind: 'integration', type: 'lambda-proxy' }))
    expect(main).toEqual(['type', 'description', 'target', 'credentials', 'timeoutMs'])
    expect(advanced).toEqual(['constructId', 'uri', 'method', 'contentHandling', 'resourceOptions', 'cfnExtra'])
    for (const absent of ['service', 'action', 'path', 'subdomain', 'region', 'connectionId', 'connectionType', 'requestTemplates', 'responses'])
      expect([...main, ...advanced]).not.toContain(absent)
  })

  it('DynamoDB PutItem (action style): service, action, table, role and templates; no path', () => {
    const { main, advanced } = place(seedDocument().design.integrations.putItem)
    expect(main).toEqual([
      'type',
      'description',
      'service',
      'action',
      'target',
      'credentials',
      'passthroughBehavior',
      'requestParameters',
      'requestTemplates',
      'templateSelectionExpression',
      'timeoutMs',
      'responses',
    ])
    expect(advanced).toEqual(['constructId', 'subdomain', 'region', 'uri', 'method', 'contentHandling', 'resourceOptions', 'cfnExtra'])
  })

  it('SQS SendMessage (path style): the path, not an action', () => {
    const { main } = place(fresh({ kind: 'integration', preset: 'sqs-sendmessage' }))
    expect(main).toContain('path')
    expect(main).not.toContain('action')
  })

  it('every AWS preset shows its service and exactly one of action or path', () => {
    for (const preset of PRESETS.filter((p) => p.integrationType === 'aws')) {
      const { main } = place(fresh({ kind: 'integration', preset: preset.id }))
      expect(main, preset.id).toContain('service')
      expect(main.filter((f) => f === 'action' || f === 'path'), preset.id).toHaveLength(1)
    }
  })

  it('HTTP: the URL and method on the form, templates and responses; no AWS role or target', () => {
    const { main, advanced } = place(fresh({ kind: 'integration', type: 'http' }))
    expect(main).toEqual(['type', 'description', 'uri', 'method', 'passthroughBehavior', 'requestParameters', 'requestTemplates', 'templateSelectionExpression', 'timeoutMs', 'responses'])
    expect(advanced).toEqual(['constructId', 'contentHandling', 'connectionType', 'connectionId', 'resourceOptions', 'cfnExtra'])
  })

  it('HTTP proxy: the URL, method, parameters and timeout; no templates', () => {
    const { main } = place(fresh({ kind: 'integration', type: 'http-proxy' }))
    expect(main).toEqual(['type', 'description', 'uri', 'method', 'requestParameters', 'timeoutMs'])
  })

  it('Mock: templates and responses only', () => {
    const { main, advanced } = place(fresh({ kind: 'integration', type: 'mock' }))
    expect(main).toEqual(['type', 'description', 'passthroughBehavior', 'requestTemplates', 'templateSelectionExpression', 'responses'])
    expect(advanced).toEqual(['constructId', 'resourceOptions', 'cfnExtra'])
  })

  it('never puts on the form a property the checks say API Gateway ignores for that type (MDL034)', () => {
    for (const type of INTEGRATION_TYPES) {
      const { main } = place({ type } as Integration)
      for (const ignored of IGNORED_BY_TYPE[type] ?? []) expect(main, `${type} ${ignored}`).not.toContain(ignored)
    }
  })

  it('lists an unused field that holds a value under Advanced, where it can be cleared', () => {
    const { main, advanced } = place({ type: 'lambda-proxy', service: 'dynamodb' })
    expect(main).not.toContain('service')
    expect(advanced).toContain('service')
  })
})

describe('placeFields: other kinds', () => {
  it('routes: authorizer, API key and upgrade-request parameters only on $connect; response models only two-way', () => {
    const connect = placeFields(ROUTE_FIELDS, { key: '$connect' })
    expect(connect.main).toEqual(expect.arrayContaining(['key', 'integration', 'authorizer', 'apiKeyRequired', 'requestParameters']))
    const custom = placeFields(ROUTE_FIELDS, { key: 'send' })
    for (const f of ['authorizer', 'apiKeyRequired', 'requestParameters', 'responseModels', 'responseModelSelectionExpression', 'routeResponseExtra'])
      expect([...custom.main, ...custom.advanced]).not.toContain(f)
    const twoWay = placeFields(ROUTE_FIELDS, { key: 'send', twoWay: true })
    expect(twoWay.main).toEqual(expect.arrayContaining(['responseModels', 'responseModelSelectionExpression']))
    expect(twoWay.advanced).toEqual(['operationName', 'routeResponseExtra', 'resourceOptions', 'cfnExtra'])
  })

  it('authorizers: an IAM authorizer has no function, identity sources or CloudFormation resource', () => {
    expect(placeFields(AUTHORIZER_FIELDS, { type: 'iam' })).toEqual({ main: ['type'], advanced: [] })
    const lambda = placeFields(AUTHORIZER_FIELDS, { type: 'lambda' })
    expect(lambda.main).toEqual(['type', 'function', 'identitySource', 'name'])
    expect(lambda.advanced).toEqual(['constructId', 'credentials', 'resourceOptions', 'cfnExtra'])
  })

  it('stages: the Deployment resource option only without auto-deploy', () => {
    expect([...placeFields(STAGE_FIELDS, { name: 'dev', autoDeploy: true }).advanced]).not.toContain('deployment')
    expect(placeFields(STAGE_FIELDS, { name: 'dev' }).advanced).toContain('deployment')
  })
})
