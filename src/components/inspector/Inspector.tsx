/**
 * The inspector: a schema-driven form for the selected entity, or what can be done with a multi-selection. The
 * form lists the fields the entity uses (`placeFields` in src/model/schema.ts); CloudFormation detail, and unused
 * fields that still hold a value, sit in a collapsed "Advanced (CloudFormation)" section.
 */
import { memo, useMemo, useState, type ReactNode } from 'react'
import { broaderGrants, narrowedGrants } from '../../model/grants'
import { useShallow } from 'zustand/react/shallow'
import { entityOf, graphEdges } from '../../model/ops'
import { locateEntity } from '../../model/queries'
import { placeFields, type FieldsSpec } from '../../model/schema'
import { useDesigner, useDesignerStoreApi } from '../../store/StoreProvider'
import { REFERENCE_FIELDS } from '../../model/ops'
import { fieldsFor } from './fieldSpecs'
import { Fields, type FieldContext } from './Fields'
import { fieldPath } from '../../model/fieldPath'
import { ModelSchemaEditor } from './ModelSchemaEditor'

export const Inspector = memo(function Inspector() {
  const selection = useDesigner((s) => s.selection)
  const store = useDesignerStoreApi()
  if (selection.length === 0) {
    return (
      <aside className="inspector" data-testid="inspector" aria-label="Inspector">
        <h2>Inspector</h2>
        <p className="muted">Select a node or a connection to edit it. Shift-click or shift-drag to select several.</p>
        <button type="button" className="link-button" data-testid="inspector.select-api" onClick={() => store.getState().select(['api'])}>
          Edit the API settings
        </button>
      </aside>
    )
  }
  if (selection.length > 1) {
    return (
      <aside className="inspector" data-testid="inspector" aria-label="Inspector">
        <h2>{selection.length} selected</h2>
        <div className="inspector-actions">
          <button type="button" className="button" data-testid="inspector.duplicate" onClick={() => store.getState().duplicateSelection()}>
            Duplicate
          </button>
          <button type="button" className="button danger" data-testid="inspector.delete" onClick={() => store.getState().deleteSelection()}>
            Delete
          </button>
        </div>
        <ul className="selection-list">
          {selection.map((id) => (
            <li key={id}>{id}</li>
          ))}
        </ul>
      </aside>
    )
  }
  return <SingleSelection id={selection[0]} />
})

function SingleSelection({ id }: { id: string }) {
  const store = useDesignerStoreApi()
  const design = useDesigner((s) => s.doc.design)
  const where = locateEntity(design, id)
  if (!where) {
    const edge = graphEdges(design).find((e) => e.id === id)
    return (
      <aside className="inspector" data-testid="inspector" aria-label="Inspector">
        <h2>Connection</h2>
        {edge ? (
          <>
            <p>
              <code>{edge.source}</code> → <code>{edge.target}</code> ({edge.kind})
            </p>
            {edge.kind !== 'stage' ? (
              <button type="button" className="button danger" data-testid="inspector.delete" onClick={() => store.getState().deleteSelection()}>
                Delete connection
              </button>
            ) : (
              <p className="muted">Every stage deploys the design’s single API.</p>
            )}
          </>
        ) : (
          <p className="muted">The selection no longer exists.</p>
        )}
      </aside>
    )
  }
  return <EntityForm id={id} kind={where.kind} />
}

function EntityForm({ id, kind }: { id: string; kind: NonNullable<ReturnType<typeof locateEntity>>['kind'] }) {
  const store = useDesignerStoreApi()
  const design = useDesigner((s) => s.doc.design)
  const entity = entityOf(design, id) as Record<string, unknown>
  const diagnostics = useDesigner(useShallow((s) => s.diagnostics.filter((d) => d.entity === id)))
  const focus = useDesigner((s) => (s.focusField?.entity === id ? s.focusField : null))
  const allFields = fieldsFor(kind, entity)
  // A model's or server message's schema gets the JSON Schema editor below the form instead of a text field.
  const hasSchemaEditor = kind === 'model' || kind === 'message'
  const fields = hasSchemaEditor ? Object.fromEntries(Object.entries(allFields).filter(([k]) => k !== 'schema')) : allFields
  const ctx: FieldContext = useMemo(
    () => ({
      entityId: id,
      testPrefix: `inspector.${kind}`,
      design,
      diagnostics,
      focus,
      set: (path, value, capture) => {
        // References drawn as edges go through wiring (checks, presets) so the keyboard path equals a drag.
        if (path.length === 1 && REFERENCE_FIELDS[kind]?.[String(path[0])]) store.getState().setReference(id, String(path[0]), value as string | undefined)
        else store.getState().setField(id, path, value, capture)
      },
      commit: () => store.getState().commitGesture(),
      openTemplate: (path) => store.getState().openTemplate(id, path[0] === 'requestTemplates' ? String(path[1]) : fieldPath(...path)),
    }),
    [id, kind, design, diagnostics, focus, store],
  )
  const entityIssues = diagnostics.filter((d) => !d.field || !(d.field.split(/[.[]/)[0] in fields))
  const placement = placeFields(fields, entity)
  const advancedIssues = diagnostics.filter((d) => d.field && placement.advanced.includes(d.field.split(/[.[]/)[0])).length
  const focusInAdvanced = !!focus?.field && placement.advanced.includes(focus.field.split(/[.[]/)[0])
  return (
    <aside className="inspector" data-testid="inspector" aria-label="Inspector">
      <header className="inspector-header">
        <span className={`kind-chip kind-${kind}`}>{kind}</span>
        <h2 data-testid="inspector.title">{id}</h2>
        {id !== 'api' && (
          <div className="inspector-actions">
            <button type="button" className="button" data-testid="inspector.duplicate" title="Duplicate (Ctrl/Cmd+D)" onClick={() => store.getState().duplicateSelection()}>
              Duplicate
            </button>
            <button type="button" className="button danger" data-testid="inspector.delete" title="Delete (Delete/Backspace)" onClick={() => store.getState().deleteSelection()}>
              Delete
            </button>
          </div>
        )}
      </header>
      {entityIssues.length > 0 && (
        <ul className="inspector-issues" data-testid="inspector.issues">
          {entityIssues.map((d, i) => (
            <li key={i} className={`sev-${d.severity}`}>
              {d.code}: {d.message}
            </li>
          ))}
        </ul>
      )}
      {kind === 'resource' && broaderGrants(design, id).length > 0 && (
        // Never automatic: narrowing changes the user's IAM, so it is one explicit, undoable click.
        <button
          type="button"
          className="button"
          data-testid="inspector.narrow-grants"
          title="Replace the broader grants with exactly the actions this role's integrations use"
          onClick={() => store.getState().setField(id, ['grants'], narrowedGrants(design, id))}
        >
          Narrow to what the integrations use
        </button>
      )}
      {kind === 'integration' && (
        <button type="button" className="button" data-testid="inspector.open-templates" onClick={() => store.getState().openTemplate(id)}>
          Open templates in the editor
        </button>
      )}
      <form className="inspector-form" onSubmit={(e) => e.preventDefault()}>
        <Fields fields={pick(fields, placement.main)} value={entity} path={[]} ctx={ctx} />
        {placement.advanced.length > 0 && (
          <AdvancedSection key={id} issues={advancedIssues} reveal={focusInAdvanced ? focus!.nonce : undefined}>
            <Fields fields={pick(fields, placement.advanced)} value={entity} path={[]} ctx={ctx} />
          </AdvancedSection>
        )}
        {hasSchemaEditor && <ModelSchemaEditor key={id} entityId={id} kind={kind} design={design} />}
      </form>
    </aside>
  )
}

function pick(fields: FieldsSpec, names: readonly string[]): FieldsSpec {
  return Object.fromEntries(names.map((n) => [n, fields[n]]))
}

/**
 * The collapsed "Advanced (CloudFormation)" section. A problem badge or link that jumps to a field in it opens it
 * in the same render, so the field can take the focus; closing it again is the user's choice for that jump.
 */
function AdvancedSection({ issues, reveal, children }: { issues: number; reveal: number | undefined; children: ReactNode }) {
  const [userOpen, setUserOpen] = useState(false)
  const [dismissed, setDismissed] = useState<number | undefined>(undefined)
  const open = userOpen || (reveal !== undefined && dismissed !== reveal)
  return (
    <details
      className="inspector-advanced"
      open={open}
      data-testid="inspector.advanced"
      onToggle={(e) => {
        const nowOpen = e.currentTarget.open
        if (nowOpen === open) return
        setUserOpen(nowOpen)
        if (!nowOpen) setDismissed(reveal)
      }}
    >
      <summary data-testid="inspector.advanced.summary">
        Advanced (CloudFormation)
        {issues > 0 && <span className="inspector-advanced-issues">{` · ${issues} ${issues === 1 ? 'problem' : 'problems'}`}</span>}
      </summary>
      {children}
    </details>
  )
}
