/** Integration presets per AWS action: data (catalog.ts, templates.ts) and the pure applyPreset. */
export { PRESETS } from './catalog'
export { findPreset, presetsForResourceType } from './lookup'
export { applyPreset, bindPresetTarget, presetIntegration } from './applyPreset'
export { PRESET_TARGET, type Preset, type PresetService } from './types'
export type { TableKey } from './templates'
