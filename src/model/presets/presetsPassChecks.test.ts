import { describe, expect, it } from 'vitest'
import { checkDocument } from '../checks'
import { emptyDesign } from '../builders'
import type { Design, Resource, ResourceType } from '../types'
import { PRESETS, applyPreset } from './index'

const TARGETS: Partial<Record<ResourceType, Resource>> = {
  'dynamodb-table': { type: 'dynamodb-table', partitionKey: { name: 'id', type: 'S' } },
  'sqs-queue': { type: 'sqs-queue' },
  'sns-topic': { type: 'sns-topic' },
  'kinesis-stream': { type: 'kinesis-stream', shardCount: 1 },
  'eventbridge-bus': { type: 'eventbridge-bus', eventBusName: 'bus' },
  'state-machine': { type: 'state-machine', definition: '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}' },
  'lambda-function': { type: 'lambda-function', runtime: 'nodejs20.x', handler: 'index.handler', code: 'exports.handler = async () => ({})' },
}

/** Model checks and presets agree: a freshly wired preset never starts life with an error. */
describe('every preset passes the model checks', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s', (_id, preset) => {
    let design: Design = emptyDesign('presets')
    design.stages.dev = { name: 'dev', autoDeploy: true }
    design.integrations.integ = { type: 'mock' }
    design.routes.route = { key: preset.routeKey, integration: 'integ' }
    if (preset.routeKey !== '$default') design.routes.fallback = { key: '$default', integration: 'integ' }
    if (preset.targetType) design.resources.target1 = structuredClone(TARGETS[preset.targetType]!)
    const applied = applyPreset(design, 'integ', preset.id, preset.targetType ? 'target1' : undefined)
    expect(applied).not.toBe(design)
    design = applied
    const errors = checkDocument({ design, layout: {} }).filter((d) => d.severity !== 'info')
    expect(errors).toEqual([])
    if (preset.needsRole) {
      const creds = design.integrations.integ.credentials
      expect(creds && 'role' in creds && design.resources[creds.role]?.type).toBe('iam-role')
    }
  })
})
