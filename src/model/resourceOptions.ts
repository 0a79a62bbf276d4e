/**
 * Resource options (`DeletionPolicy`, `UpdateReplacePolicy`, `Condition`, `Metadata`, `DependsOn`) are one generic
 * part of every entity (`resourceOptions`, types.ts). This module says which entities carry them and which
 * CloudFormation type an entity's own resource has, for the import, the checks and every export target.
 */

import { APIGW_CFN_TYPES, RESOURCE_CFN_TYPES } from './cfnTypes'
import { API_ENTITY_ID, type Design, type EntityId, type ResourceOptions } from './types'

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k)

/** The CloudFormation type of the resource an entity is (its logical id names it); undefined for `existing`. */
export function entityCfnType(design: Design, entity: EntityId): string | undefined {
  if (entity === API_ENTITY_ID) return APIGW_CFN_TYPES.api.cfnType
  if (has(design.routes, entity)) return APIGW_CFN_TYPES.route.cfnType
  if (has(design.integrations, entity)) return APIGW_CFN_TYPES.integration.cfnType
  if (has(design.authorizers, entity)) return APIGW_CFN_TYPES.authorizer.cfnType
  if (has(design.stages, entity)) return APIGW_CFN_TYPES.stage.cfnType
  if (has(design.domains, entity)) return APIGW_CFN_TYPES.domain.cfnType
  if (has(design.models, entity)) return APIGW_CFN_TYPES.model.cfnType
  if (has(design.resources, entity)) {
    const type = design.resources[entity].type
    return type === 'existing' ? undefined : RESOURCE_CFN_TYPES[type].cfnType
  }
  return undefined
}

/** Every entity with non-empty resource options, in document order (the API first). */
export function entitiesWithOptions(design: Design): [EntityId, ResourceOptions][] {
  const out: [EntityId, ResourceOptions][] = []
  const add = (id: EntityId, o: ResourceOptions | undefined) => {
    if (o && Object.keys(o).length) out.push([id, o])
  }
  add(API_ENTITY_ID, design.api.resourceOptions)
  for (const collection of [design.routes, design.integrations, design.authorizers, design.stages, design.resources, design.domains, design.models]) {
    for (const [id, e] of Object.entries(collection)) add(id, (e as { resourceOptions?: ResourceOptions }).resourceOptions)
  }
  return out
}

/** What a `dependsOn` entry names: an entity of the design, or else a verbatim resource; undefined when neither. */
export function dependencyTarget(design: Design, name: string): { entity: EntityId } | { logicalId: string } | undefined {
  if (entityCfnType(design, name) !== undefined || (has(design.resources, name) && design.resources[name].type === 'existing')) return { entity: name }
  const verbatim = design.cloudformation?.Resources
  if (verbatim && has(verbatim, name)) return { logicalId: name }
  return undefined
}

/** CloudFormation's spelling of the design's `removalPolicy`. */
export const REMOVAL_POLICY_CFN = { destroy: 'Delete', retain: 'Retain', snapshot: 'Snapshot' } as const

/**
 * The DeletionPolicy and UpdateReplacePolicy the CDK L2 writes for a design resource (its `removalPolicy`, else the
 * construct's default: aws-cdk-lib 2.276 `Table`, `Stream` and `LogGroup` retain, `Queue` and `StateMachine`
 * delete, others write none). Import compares the template with this to keep only what differs as resource options.
 */
export function l2RemovalPolicy(resource: Design['resources'][string]): string | undefined {
  const chosen = 'removalPolicy' in resource && resource.removalPolicy ? REMOVAL_POLICY_CFN[resource.removalPolicy] : undefined
  switch (resource.type) {
    case 'dynamodb-table':
    case 'kinesis-stream':
    case 'log-group':
      return chosen ?? 'Retain'
    case 'sqs-queue':
      return chosen ?? 'Delete'
    case 'state-machine':
      return 'Delete'
    default:
      return undefined
  }
}
