/**
 * The canvas search: finds routes (by key), integrations (by id, preset, service and action), resources (by id,
 * type and physical name) and the rest by what their node shows. Ranked like the add menu: exact name, name
 * prefix, words at word starts, anywhere in the name, then anywhere in the node's other text. Presentation only.
 */
import { entityOf, graphNodes } from '../../model/ops'
import type { Design, EntityKind } from '../../model/types'
import { summarise } from './nodeSummary'

export interface FoundNode {
  id: string
  kind: EntityKind
  title: string
  caption: string
}

export function findNodes(design: Design, query: string, limit = 8): FoundNode[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length) return []
  const phrase = words.join(' ')
  const hits: { found: FoundNode; rank: number; index: number }[] = []
  graphNodes(design).forEach((n, index) => {
    const entity = entityOf(design, n.id)
    if (!entity) return
    const s = summarise(n.kind, n.id, entity)
    const names = [s.title, n.id].map((t) => t.toLowerCase())
    const rest = `${s.caption} ${s.detail ?? ''}`.toLowerCase()
    if (!words.every((w) => names.some((t) => t.includes(w)) || rest.includes(w))) return
    const nameWords = names.flatMap((t) => t.split(/[\s()·,.\-_/]+/))
    const rank = names.includes(phrase)
      ? 0
      : names.some((t) => t.startsWith(phrase))
        ? 1
        : words.every((w) => nameWords.some((t) => t.startsWith(w)))
          ? 2
          : words.every((w) => names.some((t) => t.includes(w)))
            ? 3
            : 4
    hits.push({ found: { id: n.id, kind: n.kind, title: s.title, caption: s.caption }, rank, index })
  })
  return hits
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((h) => h.found)
}
