/** Which attributes a `@{<entity>.<attribute>}` string reference may read, per entity kind. */

import { PSEUDO_ATTRIBUTES, PSEUDO_ENTITY } from './refs'
import { locateEntity } from './queries'
import type { Design, EntityId, ResourceType } from './types'

export const RESOURCE_REF_ATTRIBUTES: Record<ResourceType, readonly string[]> = {
  'dynamodb-table': ['name', 'arn', 'streamArn'],
  'sqs-queue': ['name', 'arn', 'url'],
  'sns-topic': ['name', 'arn'],
  'kinesis-stream': ['name', 'arn'],
  'eventbridge-bus': ['name', 'arn'],
  'state-machine': ['name', 'arn'],
  'lambda-function': ['name', 'arn'],
  'iam-role': ['name', 'arn'],
  'log-group': ['name', 'arn'],
  existing: ['name', 'arn', 'url'],
}

export const API_REF_ATTRIBUTES = ['id', 'endpoint'] as const
export const STAGE_REF_ATTRIBUTES = ['name', 'url', 'callbackUrl'] as const
export const DOMAIN_REF_ATTRIBUTES = ['name', 'regionalDomainName'] as const

/** The attributes `entity` offers, or undefined when the id names nothing that can be referenced. */
export function refAttributesOf(design: Design, entity: EntityId): readonly string[] | undefined {
  if (entity === PSEUDO_ENTITY) return PSEUDO_ATTRIBUTES
  const where = locateEntity(design, entity)
  if (!where) return undefined
  switch (where.kind) {
    case 'api':
      return API_REF_ATTRIBUTES
    case 'stage':
      return STAGE_REF_ATTRIBUTES
    case 'domain':
      return DOMAIN_REF_ATTRIBUTES
    case 'resource':
      return RESOURCE_REF_ATTRIBUTES[design.resources[entity].type]
    default:
      return []
  }
}
