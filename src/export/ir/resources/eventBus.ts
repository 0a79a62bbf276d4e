/** An EventBridge event bus: `events.EventBus`. */

import { construct, lit, props, str, THIS, v } from '../code'
import { type BuildInput, type L1Class, type ResourceBuild, type ResourceOf, keyFromArn, designQueue } from './shared'
import { cfnValue } from '../cfnValue'
import type { JsonObject } from '../../../model/types'

export function buildEventBus({ ctx, resource, constructId, text }: BuildInput<ResourceOf<'eventbridge-bus'>>): ResourceBuild {
  const cfn: JsonObject = {}
  const key = resource.kmsKeyArn ? keyFromArn({ ctx, constructId, text }, resource.kmsKeyArn, 'kmsKeyArn') : undefined
  const deadLetter = designQueue(ctx, resource.deadLetterQueue)
  const construction = construct('events', 'EventBus', [THIS, lit(constructId)], props([
    ['eventBusName', str(text(resource.eventBusName, 'eventBusName'))],
    ['eventSourceName', resource.eventSourceName !== undefined ? str(text(resource.eventSourceName, 'eventSourceName')) : undefined],
    ['description', resource.description !== undefined ? str(text(resource.description, 'description')) : undefined],
    ['kmsKey', key?.cdk],
    ['deadLetterQueue', deadLetter ? v(ctx.varOf(deadLetter)) : undefined],
  ]))
  cfn.Name = cfnValue(text(resource.eventBusName, 'eventBusName'))
  if (resource.eventSourceName !== undefined) cfn.EventSourceName = cfnValue(text(resource.eventSourceName, 'eventSourceName'))
  if (resource.description !== undefined) cfn.Description = cfnValue(text(resource.description, 'description'))
  if (key) cfn.KmsKeyIdentifier = key.cfn
  if (deadLetter) cfn.DeadLetterConfig = { Arn: cfnValue(text(`@{${deadLetter}.arn}`, 'deadLetterQueue')) }
  const cast: L1Class = { module: 'events', name: 'CfnEventBus' }
  return { construction, cfn, cast }
}
