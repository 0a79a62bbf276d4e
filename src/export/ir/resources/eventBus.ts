/** An EventBridge event bus: `events.EventBus`. */

import { construct, lit, props, str, THIS } from '../code'
import { type BuildInput, type L1Class, type ResourceBuild, type ResourceOf } from './shared'
import { cfnValue } from '../cfnValue'
import type { JsonObject } from '../../../model/types'

export function buildEventBus({ resource, constructId, text }: BuildInput<ResourceOf<'eventbridge-bus'>>): ResourceBuild {
  const cfn: JsonObject = {}
  const construction = construct('events', 'EventBus', [THIS, lit(constructId)], props([
    ['eventBusName', str(text(resource.eventBusName, 'eventBusName'))],
    ['description', resource.description !== undefined ? str(text(resource.description, 'description')) : undefined],
  ]))
  cfn.Name = cfnValue(text(resource.eventBusName, 'eventBusName'))
  if (resource.description !== undefined) cfn.Description = cfnValue(text(resource.description, 'description'))
  const cast: L1Class = { module: 'events', name: 'CfnEventBus' }
  return { construction, cfn, cast }
}
