/**
 * The entities the Live panel's last message went through (route, integration, authorizer, resource), for the
 * canvas to outline. A tiny external store outside the design store: highlights are transient and never undoable.
 */
import { useSyncExternalStore } from 'react'

let current: ReadonlySet<string> = new Set()
const listeners = new Set<() => void>()

export function setLiveHighlight(ids: Iterable<string>): void {
  current = new Set(ids)
  for (const l of listeners) l()
}

function subscribe(l: () => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

/** Whether `id` is on the Live panel's current trail (re-renders only the nodes whose answer changes). */
export function useLiveHighlighted(id: string): boolean {
  return useSyncExternalStore(
    subscribe,
    () => current.has(id),
    () => false,
  )
}
