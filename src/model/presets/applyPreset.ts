/**
 * Applying a preset to an integration: a pure (design) → design function the canvas calls when the user
 * wires an integration to a resource. It replaces the integration's service fields, templates and target, and
 * gives it a credentials role when the preset needs one and the integration has none.
 */

import { effectiveResourceType, uniqueId, ownEntry } from '../queries'
import { formatRefs, parseRefs } from '../refs'
import type { Design, EntityId, Integration } from '../types'
import { findPreset } from './lookup'
import { PRESET_TARGET, type Preset } from './types'

/** Rewrites `@{target.x}` to `@{<targetId>.x}`; other references and literal text stay as they are. */
export function bindPresetTarget(text: string, targetId: EntityId): string {
  return formatRefs(parseRefs(text).map((p) => (typeof p !== 'string' && p.entity === PRESET_TARGET ? { ...p, entity: targetId } : p)))
}

/** The integration a preset describes, bound to `targetId` (no credentials: see applyPreset). */
export function presetIntegration(preset: Preset, targetId: EntityId | undefined, base: Partial<Integration> = {}): Integration {
  const bind = (s: string) => (targetId ? bindPresetTarget(s, targetId) : s)
  const next: Integration = { ...base, type: preset.integrationType }
  // Fields the preset owns are reset so a previous preset's leftovers (e.g. an SQS path) do not survive.
  for (const k of ['service', 'action', 'path', 'uri', 'requestParameters', 'requestTemplates', 'target', 'method'] as const) delete next[k]
  if (preset.integrationType === 'aws') next.service = preset.service
  if (preset.action) next.action = preset.action
  if (preset.path) next.path = bind(preset.path)
  if (preset.method) next.method = preset.method
  if (preset.requestParameters) next.requestParameters = { ...preset.requestParameters }
  next.requestTemplates = Object.fromEntries(Object.entries(preset.requestTemplates).map(([k, v]) => [k, bind(v)]))
  next.templateSelectionExpression = preset.templateSelectionExpression
  next.passthroughBehavior = preset.passthroughBehavior
  if (targetId && preset.targetType) next.target = targetId
  if (preset.integrationType === 'mock') delete next.credentials
  return next
}

/**
 * Returns a new design where integration `integrationId` is set up from preset `presetId` against
 * `targetResourceId`. Unknown ids, or a target of the wrong type, leave the design unchanged (same object),
 * so callers can compare identity to see whether anything happened.
 */
export function applyPreset(design: Design, integrationId: EntityId, presetId: string, targetResourceId?: EntityId): Design {
  const preset = findPreset(presetId)
  const current = design.integrations[integrationId]
  if (!preset || !current) return design
  if (preset.targetType) {
    if (!targetResourceId) return design
    const type = effectiveResourceType(design.resources[targetResourceId])
    if (type !== preset.targetType) return design
  }
  const target = ownEntry(design.resources, targetResourceId)
  // DynamoDB templates follow the table's partition key when the design knows it.
  const keyed = preset.keyedTemplates && target?.type === 'dynamodb-table' ? { ...preset, requestTemplates: preset.keyedTemplates(target.partitionKey) } : preset
  const integration = presetIntegration(keyed, preset.targetType ? targetResourceId : undefined, current)
  const resources = { ...design.resources }
  if (preset.needsRole && !integration.credentials) {
    const roleId = uniqueId(design, `${integrationId}Role`)
    resources[roleId] = { type: 'iam-role' }
    integration.credentials = { role: roleId }
  }
  return { ...design, integrations: { ...design.integrations, [integrationId]: integration }, resources }
}
