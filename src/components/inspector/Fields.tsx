/**
 * Generic form controls driven by the schema field table: the right control per field kind (enums as
 * selects, numbers with units, maps as key/value tables, templates opening in the editor), help text from
 * the schema and inline errors from the checks. Text edits are `eventually` changes committed on blur, so a
 * typing burst is one undo step; selects and checkboxes are one step each.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { Diagnostic } from '../../model/diagnostics'
import { fieldPath } from '../../model/fieldPath'
import type { FieldSpec, FieldsSpec } from '../../model/schema'
import type { Design, EntityId } from '../../model/types'
import type { Capture } from '../../store/history'
import { fieldLabel, humanise, refCandidates } from './fieldSpecs'

export type Path = (string | number)[]

export interface FieldContext {
  entityId: EntityId
  testPrefix: string
  design: Design
  diagnostics: readonly Diagnostic[]
  focus: { field?: string; nonce: number } | null
  set(path: Path, value: unknown, capture: Capture): void
  commit(): void
  openTemplate(path: Path): void
}

function testId(ctx: FieldContext, path: Path): string {
  return `${ctx.testPrefix}.${path.join('.')}`
}

function diagnosticsAt(ctx: FieldContext, path: Path): Diagnostic[] {
  const p = fieldPath(...path)
  return ctx.diagnostics.filter((d) => d.field === p)
}

export function Fields({ fields, value, path, ctx }: { fields: FieldsSpec; value: Record<string, unknown> | undefined; path: Path; ctx: FieldContext }) {
  return (
    <>
      {Object.entries(fields).map(([name, spec]) => (
        <FieldRow key={name} name={name} spec={spec} value={value?.[name]} path={[...path, name]} ctx={ctx} />
      ))}
    </>
  )
}

function FieldRow({ name, spec, value, path, ctx }: { name: string; spec: FieldSpec; value: unknown; path: Path; ctx: FieldContext }) {
  const issues = diagnosticsAt(ctx, path)
  const row = useRef<HTMLDivElement>(null)
  const p = fieldPath(...path)
  const focused = ctx.focus?.field === p
  useEffect(() => {
    if (!focused || !row.current) return
    row.current.scrollIntoView({ block: 'nearest' })
    row.current.querySelector<HTMLElement>('input, select, textarea, button')?.focus()
  }, [focused, ctx.focus?.nonce])
  const nested = spec.kind === 'object' || spec.kind === 'oneOf' || spec.kind === 'map'
  const label = `${fieldLabel(name, spec)}${spec.required ? ' *' : ''}`
  const inputId = `${testId(ctx, path)}`
  return (
    <div ref={row} className={`field field-${spec.kind}${issues.length ? ' has-issues' : ''}${focused ? ' focused' : ''}`} data-testid={`${testId(ctx, path)}.row`}>
      {nested ? (
        <fieldset>
          {/* The legend names the group; a oneOf's choice <select> takes its name from it (aria-labelledby). */}
          <legend id={`${inputId}.legend`} title={spec.help}>
            {label}
          </legend>
          {spec.help && <p className="field-help">{spec.help}</p>}
          <Control spec={spec} value={value} path={path} ctx={ctx} />
        </fieldset>
      ) : (
        <>
          <label htmlFor={inputId} title={spec.help}>
            {label}
          </label>
          <Control spec={spec} value={value} path={path} ctx={ctx} />
          {spec.help && <p className="field-help">{spec.help}</p>}
        </>
      )}
      {issues.map((d, i) => (
        <p key={i} className={`field-issue sev-${d.severity}`} data-testid={`${testId(ctx, path)}.issue`}>
          {d.code}: {d.message}
        </p>
      ))}
    </div>
  )
}

function Control({ spec, value, path, ctx }: { spec: FieldSpec; value: unknown; path: Path; ctx: FieldContext }): ReactNode {
  const id = testId(ctx, path)
  switch (spec.kind) {
    case 'string':
      // A CloudFormation intrinsic kept from import (a Ref to a verbatim bucket) is edited as the JSON it is.
      if (spec.intrinsic && isRecord(value)) return <JsonControl id={id} value={value} path={path} ctx={ctx} />
      return <TextControl id={id} multiline={spec.multiline} suggestions={spec.suggestions} required={spec.required} value={value} path={path} ctx={ctx} />
    case 'number':
      return <NumberControl id={id} spec={spec} value={value} path={path} ctx={ctx} />
    case 'boolean':
      return (
        <input
          id={id}
          type="checkbox"
          data-testid={id}
          checked={value === true}
          onChange={(e) => ctx.set(path, e.target.checked ? true : spec.required ? false : undefined, 'record')}
        />
      )
    case 'enum':
      return (
        <select id={id} data-testid={id} value={typeof value === 'string' ? value : ''} onChange={(e) => ctx.set(path, e.target.value || undefined, 'record')}>
          {(!spec.required || value === undefined) && <option value="">(not set)</option>}
          {spec.values.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      )
    case 'ref': {
      const candidates = refCandidates(ctx.design, spec.to)
      const current = typeof value === 'string' ? value : ''
      return (
        <select id={id} data-testid={id} value={current} onChange={(e) => ctx.set(path, e.target.value || undefined, 'record')}>
          <option value="">(none)</option>
          {current && !candidates.includes(current) && <option value={current}>{current} (missing)</option>}
          {candidates.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      )
    }
    case 'stringList':
      return <ListControl id={id} value={value} path={path} ctx={ctx} />
    case 'map':
      return <MapControl spec={spec} value={value} path={path} ctx={ctx} />
    case 'object':
      return <Fields fields={spec.fields} value={isRecord(value) ? value : undefined} path={path} ctx={ctx} />
    case 'oneOf':
      return <OneOfControl spec={spec} value={value} path={path} ctx={ctx} />
    case 'json':
      return <JsonControl id={id} value={value} path={path} ctx={ctx} />
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function TextControl(props: { id: string; multiline?: boolean; suggestions?: readonly string[]; required?: boolean; value: unknown; path: Path; ctx: FieldContext }) {
  const { id, multiline, suggestions, required, value, path, ctx } = props
  const text = typeof value === 'string' ? value : value === undefined ? '' : String(value)
  const onChange = (v: string) => ctx.set(path, v === '' && !required ? undefined : v, 'eventually')
  if (multiline)
    return <textarea id={id} data-testid={id} value={text} rows={6} spellCheck={false} onChange={(e) => onChange(e.target.value)} onBlur={ctx.commit} />
  return (
    <>
      <input id={id} data-testid={id} type="text" value={text} list={suggestions ? `${id}.suggestions` : undefined} spellCheck={false} onChange={(e) => onChange(e.target.value)} onBlur={ctx.commit} />
      {suggestions && (
        <datalist id={`${id}.suggestions`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </>
  )
}

const UNIT_SCALE: Record<string, { label: string; factor: number }[]> = {
  ms: [
    { label: 'ms', factor: 1 },
    { label: 's', factor: 1000 },
  ],
  s: [
    { label: 's', factor: 1 },
    { label: 'min', factor: 60 },
  ],
}

function NumberControl({ id, spec, value, path, ctx }: { id: string; spec: Extract<FieldSpec, { kind: 'number' }>; value: unknown; path: Path; ctx: FieldContext }) {
  const units = spec.unit ? UNIT_SCALE[spec.unit] : undefined
  const [unit, setUnit] = useState(0)
  const factor = units?.[unit].factor ?? 1
  const stored = typeof value === 'number' ? value : undefined
  const [draft, setDraft] = useState<string | null>(null)
  const shown = draft ?? (stored === undefined ? '' : String(stored / factor))
  const range = [spec.min !== undefined ? `min ${spec.min}` : '', spec.max !== undefined ? `max ${spec.max}` : ''].filter(Boolean).join(', ')
  return (
    <span className="number-control">
      <input
        id={id}
        data-testid={id}
        type="number"
        inputMode="decimal"
        value={shown}
        step={spec.integer && factor === 1 ? 1 : 'any'}
        title={range ? `${range}${spec.unit ? ` (${spec.unit})` : ''}` : undefined}
        onChange={(e) => {
          setDraft(e.target.value)
          if (e.target.value === '') ctx.set(path, undefined, 'eventually')
          else {
            const n = Number(e.target.value) * factor
            if (Number.isFinite(n)) ctx.set(path, spec.integer ? Math.round(n) : n, 'eventually')
          }
        }}
        onBlur={() => {
          setDraft(null)
          ctx.commit()
        }}
      />
      {units ? (
        <select aria-label="unit" data-testid={`${id}.unit`} value={unit} onChange={(e) => setUnit(Number(e.target.value))}>
          {units.map((u, i) => (
            <option key={u.label} value={i}>
              {u.label}
            </option>
          ))}
        </select>
      ) : (
        spec.unit && <span className="unit">{spec.unit}</span>
      )}
    </span>
  )
}

function ListControl({ id, value, path, ctx }: { id: string; value: unknown; path: Path; ctx: FieldContext }) {
  const items = Array.isArray(value) ? value.map(String) : []
  return (
    <div className="list-control" data-testid={id}>
      {items.map((item, i) => (
        <div key={i} className="list-row">
          <input type="text" value={item} data-testid={`${id}.${i}`} onChange={(e) => ctx.set([...path, i], e.target.value, 'eventually')} onBlur={ctx.commit} />
          <button type="button" className="icon-button" aria-label="Remove" onClick={() => ctx.set(path, items.length > 1 ? items.filter((_, j) => j !== i) : undefined, 'record')}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="link-button" data-testid={`${id}.add`} onClick={() => ctx.set(path, [...items, ''], 'record')}>
        + Add
      </button>
    </div>
  )
}

function defaultFor(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case 'string':
      return ''
    case 'number':
      return spec.min ?? 0
    case 'boolean':
      return true
    case 'object':
      return Object.fromEntries(Object.entries(spec.fields).filter(([, f]) => f.required).map(([k, f]) => [k, defaultFor(f)]))
    case 'enum':
      return spec.values[0]
    default:
      return ''
  }
}

function MapControl({ spec, value, path, ctx }: { spec: Extract<FieldSpec, { kind: 'map' }>; value: unknown; path: Path; ctx: FieldContext }) {
  const entries = isRecord(value) ? Object.entries(value) : []
  const id = testId(ctx, path)
  const rename = (oldKey: string, newKey: string) => {
    if (newKey === oldKey || (newKey in (value as object) && newKey !== '')) return
    const next = Object.fromEntries(entries.map(([k, v]) => (k === oldKey ? [newKey, v] : [k, v])))
    ctx.set(path, next, 'eventually')
  }
  const addKey = () => {
    let key = spec.templates ? '$default' : 'key'
    for (let n = 2; entries.some(([k]) => k === key); n++) key = `${spec.templates ? 'application/json' : 'key'}${n > 2 ? n : ''}`
    ctx.set(path, { ...(isRecord(value) ? value : {}), [key]: defaultFor(spec.value) }, 'record')
  }
  return (
    <div className="map-control" data-testid={id}>
      {spec.keyHelp && <p className="field-help">Keys: {spec.keyHelp}</p>}
      <table>
        <tbody>
          {entries.map(([k, v], i) => (
            <tr key={i} data-testid={`${id}.row.${i}`}>
              <td className="map-key">
                <input type="text" value={k} aria-label="key" data-testid={`${id}.row.${i}.key`} spellCheck={false} onChange={(e) => rename(k, e.target.value)} onBlur={ctx.commit} />
              </td>
              <td className="map-value">
                {spec.templates ? (
                  <div className="template-cell">
                    <code className="template-preview">{String(v).slice(0, 80) || '(empty)'}</code>
                    <button type="button" className="link-button" data-testid={`${id}.row.${i}.edit`} onClick={() => ctx.openTemplate([...path, k])}>
                      Edit in template editor
                    </button>
                  </div>
                ) : spec.value.kind === 'object' ? (
                  <Fields fields={spec.value.fields} value={isRecord(v) ? v : undefined} path={[...path, k]} ctx={ctx} />
                ) : (
                  <Control spec={spec.value} value={v} path={[...path, k]} ctx={ctx} />
                )}
              </td>
              <td>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove ${k}`}
                  data-testid={`${id}.row.${i}.remove`}
                  onClick={() => {
                    const next = Object.fromEntries(entries.filter(([key]) => key !== k))
                    ctx.set(path, Object.keys(next).length ? next : undefined, 'record')
                  }}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="link-button" data-testid={`${id}.add`} onClick={addKey}>
        + Add {spec.templates ? 'template' : 'entry'}
      </button>
    </div>
  )
}

function OneOfControl({ spec, value, path, ctx }: { spec: Extract<FieldSpec, { kind: 'oneOf' }>; value: unknown; path: Path; ctx: FieldContext }) {
  const id = testId(ctx, path)
  const alts = Object.keys(spec.alternatives)
  const current = isRecord(value) ? alts.find((a) => a in value) : undefined
  return (
    <>
      <select
        id={id}
        data-testid={id}
        aria-labelledby={`${id}.legend`}
        value={current ?? ''}
        onChange={(e) => {
          const alt = e.target.value
          if (!alt) return ctx.set(path, undefined, 'record')
          const fields = spec.alternatives[alt]
          ctx.set(path, Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.kind === 'boolean' ? true : f.kind === 'ref' ? (refCandidates(ctx.design, f.to)[0] ?? '') : ''])), 'record')
        }}
      >
        {!spec.required && <option value="">(none)</option>}
        {alts.map((a) => (
          <option key={a} value={a}>
            {humanise(a)}
          </option>
        ))}
      </select>
      {current && <Fields fields={spec.alternatives[current]} value={value as Record<string, unknown>} path={path} ctx={ctx} />}
    </>
  )
}

function JsonControl({ id, value, path, ctx }: { id: string; value: unknown; path: Path; ctx: FieldContext }) {
  const text = value === undefined ? '' : JSON.stringify(value, null, 2)
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  return (
    <>
      <textarea
        id={id}
        data-testid={id}
        rows={Math.min(10, Math.max(2, (draft ?? text).split('\n').length))}
        spellCheck={false}
        value={draft ?? text}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft === null) return
          if (!draft.trim()) {
            ctx.set(path, undefined, 'record')
            setDraft(null)
            setError(null)
            return
          }
          try {
            ctx.set(path, JSON.parse(draft), 'record')
            setDraft(null)
            setError(null)
          } catch (e) {
            setError(`Not valid JSON: ${e instanceof Error ? e.message : String(e)}. The previous value is kept.`)
          }
        }}
      />
      {error && (
        <p className="field-issue sev-error" data-testid={`${id}.json-error`}>
          {error}
        </p>
      )}
    </>
  )
}
