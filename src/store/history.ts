/**
 * Undo/redo as stacks of immutable document snapshots (structural sharing keeps them cheap). Each change
 * says how history should capture it:
 * - `record`: one undo step now (a connection, a delete, an inspector change, an auto-layout);
 * - `eventually`: part of a gesture (a drag, a typing burst); the whole gesture becomes one step at `commit`;
 * - `ignore`: not undoable (restoring autosave, loading a file: history is cleared by the caller).
 * Selection is not part of the document, so it never enters history.
 */

import type { DesignDocument } from '../model/types'

export type Capture = 'record' | 'eventually' | 'ignore'

export interface History {
  present: DesignDocument
  past: readonly DesignDocument[]
  future: readonly DesignDocument[]
  /** The document before the gesture in progress began (`eventually`), if one is. */
  gestureBase: DesignDocument | null
  /** What the gesture in progress is (a drag, typing in one field): a different gesture ends it first. */
  gestureKey?: string
}

export const HISTORY_LIMIT = 200

export function createHistory(present: DesignDocument): History {
  return { present, past: [], future: [], gestureBase: null }
}

function push(past: readonly DesignDocument[], doc: DesignDocument): DesignDocument[] {
  const next = [...past, doc]
  return next.length > HISTORY_LIMIT ? next.slice(next.length - HISTORY_LIMIT) : next
}

/** Ends the gesture in progress: one undo step if it changed anything. */
export function commit(h: History): History {
  if (!h.gestureBase) return h
  if (h.gestureBase === h.present) return { ...h, gestureBase: null, gestureKey: undefined }
  return { present: h.present, past: push(h.past, h.gestureBase), future: [], gestureBase: null }
}

export function change(h: History, next: DesignDocument, capture: Capture, gestureKey?: string): History {
  if (next === h.present) return h
  switch (capture) {
    case 'ignore':
      return { ...h, present: next }
    case 'eventually': {
      // Another gesture was still open (typing, then dragging at once): it becomes its own step.
      const settled = h.gestureBase && h.gestureKey !== gestureKey ? commit(h) : h
      return { ...settled, present: next, gestureBase: settled.gestureBase ?? settled.present, gestureKey }
    }
    case 'record': {
      const settled = commit(h)
      return { present: next, past: push(settled.past, settled.present), future: [], gestureBase: null }
    }
  }
}

export function canUndo(h: History): boolean {
  return h.past.length > 0 || (h.gestureBase !== null && h.gestureBase !== h.present)
}

export function canRedo(h: History): boolean {
  return h.future.length > 0
}

export function undo(h: History): History {
  const settled = commit(h)
  if (!settled.past.length) return settled
  const previous = settled.past[settled.past.length - 1]
  return { present: previous, past: settled.past.slice(0, -1), future: [settled.present, ...settled.future], gestureBase: null }
}

export function redo(h: History): History {
  const settled = commit(h)
  if (!settled.future.length) return settled
  const [next, ...rest] = settled.future
  return { present: next, past: push(settled.past, settled.present), future: rest, gestureBase: null }
}
