/** One timeline event as one terminal line: `12:00:00.000 L0SM9cOFvHcCIhw= route     route ping (…)`. */

import type { TimelineEvent } from './types'

export function formatEvent(e: TimelineEvent): string {
  const t = new Date(e.at).toISOString().slice(11, 23)
  const flags = `${e.error ? '!' : ' '}${e.unknown ? '?' : ' '}`
  return `${t} ${(e.connectionId ?? '').padEnd(16)} ${e.kind.padEnd(11)}${flags}${e.summary}`
}
