/**
 * Numbered migrations of the file payload. Migration `n` turns a version-n payload into version n+1.
 * The list must be gapless and end at DESIGN_VERSION (checked by a test); every migration has a test.
 * Version 1 is the first published format, so the list is empty today.
 */

import { DESIGN_VERSION } from './envelope'

export interface Migration {
  from: number
  describe: string
  up: (payload: Record<string, unknown>) => Record<string, unknown>
}

export const MIGRATIONS: readonly Migration[] = []

/** The oldest version this build can read. */
export const OLDEST_READABLE_VERSION = DESIGN_VERSION - MIGRATIONS.length

export function migrate(
  payload: Record<string, unknown>,
  fromVersion: number,
  migrations: readonly Migration[] = MIGRATIONS,
): Record<string, unknown> {
  let current = payload
  for (let v = fromVersion; v < DESIGN_VERSION; v++) {
    const step = migrations.find((m) => m.from === v)
    if (!step) throw new Error(`no migration from version ${v}`)
    current = step.up(current)
  }
  return current
}

/** Throws when the list has a gap, a duplicate, or does not end at DESIGN_VERSION. */
export function assertMigrationChain(migrations: readonly Migration[] = MIGRATIONS, target = DESIGN_VERSION): void {
  const froms = migrations.map((m) => m.from).sort((a, b) => a - b)
  froms.forEach((from, i) => {
    if (i > 0 && from !== froms[i - 1] + 1) throw new Error(`migration chain has a gap or duplicate at ${from}`)
  })
  if (froms.length && froms[froms.length - 1] !== target - 1) throw new Error(`migration chain ends at ${froms[froms.length - 1] + 1}, not ${target}`)
}
