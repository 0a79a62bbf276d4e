import { effectiveResourceType } from '../queries'
import type { Resource, ResourceType } from '../types'
import { PRESETS } from './catalog'
import type { Preset } from './types'

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id)
}

/** Presets that can act on a resource of this type (an `existing` resource counts as its `kind`). */
export function presetsForResourceType(type: ResourceType | Resource): Preset[] {
  const t = typeof type === 'string' ? type : effectiveResourceType(type)
  return PRESETS.filter((p) => p.targetType !== undefined && p.targetType === t)
}
