/**
 * The file envelope: `{ format, version, generator, design, layout }`. A cheap guard runs before any deep
 * validation so a file from another tool is refused with a clear message.
 */

export const DESIGN_FORMAT = 'socket-studio/design'
/** The version this build writes. Files with a higher version are refused, lower ones are migrated. */
export const DESIGN_VERSION = 1
export const GENERATOR = 'socket-studio 0.1.0'

export interface Envelope {
  format: typeof DESIGN_FORMAT
  version: number
  generator?: string
  design: unknown
  layout?: unknown
}

export function looksLikeEnvelope(value: unknown): value is Record<string, unknown> & { format: unknown; version: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'format' in value
}
