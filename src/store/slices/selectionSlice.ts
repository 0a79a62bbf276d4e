/**
 * Selection slice: selected entity and edge ids (outside history), the template open in the editor, and the
 * inspector field to reveal (after a click on a problem).
 */
import type { Diagnostic } from '../../model/diagnostics'
import { locateEntity } from '../../model/queries'
import { isTemplateField } from '../../model/templates'
import type { DesignDocument, EntityId } from '../../model/types'
import type { SliceContext } from './sliceContext'

export interface EditorTarget {
  integrationId?: EntityId
  templateKey?: string
}

export interface SelectionSlice {
  /** Selected entity ids and edge ids. Not part of history. */
  selection: readonly string[]
  /** The integration and template key open in the template editor. */
  editorTarget: EditorTarget
  /** Entity (and field) whose inspector field should be revealed, e.g. after clicking a problem. */
  focusField: { entity: EntityId; field?: string; nonce: number } | null
  select(ids: readonly string[]): void
  openTemplate(integrationId: EntityId, templateKey?: string): void
  focusDiagnostic(d: Diagnostic): void
}

/** Selecting an integration, or a route with one, opens that integration's templates in the editor. */
function editorTargetFor(doc: DesignDocument, selection: readonly string[], current: EditorTarget): EditorTarget {
  if (selection.length !== 1) return current
  const id = selection[0]
  const { integrations, routes } = doc.design
  const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k)
  if (own(integrations, id)) return current.integrationId === id ? current : { integrationId: id }
  const route = own(routes, id) ? routes[id] : undefined
  if (route?.integration && own(integrations, route.integration))
    return current.integrationId === route.integration ? current : { integrationId: route.integration }
  return current
}

export function createSelectionSlice({ set, get }: SliceContext): SelectionSlice {
  return {
    selection: [],
    editorTarget: {},
    focusField: null,
    select(ids) {
      const state = get()
      const same = ids.length === state.selection.length && ids.every((id, i) => id === state.selection[i])
      if (same) return
      set({ selection: [...ids], editorTarget: editorTargetFor(state.doc, ids, state.editorTarget) })
    },
    openTemplate(integrationId, templateKey) {
      set({ editorTarget: { integrationId, templateKey } })
      get().openBottomTab('editor')
    },
    focusDiagnostic(d) {
      const { doc } = get()
      if (!d.entity || !locateEntity(doc.design, d.entity)) return
      get().select([d.entity])
      if (isTemplateField(d.field) && locateEntity(doc.design, d.entity)?.kind === 'integration') get().openTemplate(d.entity, d.field)
      set({ focusField: { entity: d.entity, field: d.field, nonce: Date.now() } })
    },
  }
}
