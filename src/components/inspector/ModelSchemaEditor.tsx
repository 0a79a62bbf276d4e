/**
 * The schema of a model or a server message, edited as JSON in Monaco. Monaco underlines what is not JSON Schema
 * draft 4 (the meta-schema, `ModelSchemaMonaco.ts`) and the problems are listed under the editor. Every edit that
 * parses goes to the design at once (one undo step per typing burst); text that does not parse is kept in the
 * editor and never written, so the design always holds the last valid schema. "Generate from a sample message"
 * replaces the schema with one inferred from a sample (src/model/contract/inferSchema.ts), as one undo step.
 * Until Monaco has loaded (or if it cannot load), a plain text area does the same job.
 */
import { useEffect, useRef, useState } from 'react'
import type * as MonacoApi from 'monaco-editor/editor/editor.api.js'
import { inferSchemaFromText } from '../../model/contract/inferSchema'
import type { Design, EntityId, Json } from '../../model/types'
import { useDesignerStoreApi } from '../../store/StoreProvider'
import { useMonaco } from '../editor/useMonaco'
import { configureDraft04Validation, SCHEMA_URI_PREFIX } from './ModelSchemaMonaco'
import '../editor/panels.css'

export interface ModelSchemaEditorProps {
  entityId: EntityId
  kind: 'model' | 'message'
  design: Design
}

interface Problem {
  line: number
  column: number
  message: string
}

function format(schema: Json | undefined): string {
  return schema === undefined ? '' : JSON.stringify(schema, null, 2)
}

function parse(text: string): { ok: true; value: Json } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as Json }
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) }
  }
}

export function ModelSchemaEditor({ entityId, kind, design }: ModelSchemaEditorProps) {
  const store = useDesignerStoreApi()
  const entity = kind === 'model' ? design.models[entityId] : design.messages[entityId]
  const schema = entity?.schema
  const testId = `inspector.${kind}.schema`
  const [parseError, setParseError] = useState<string | null>(null)

  const write = (text: string) => {
    const parsed = parse(text)
    if (!parsed.ok) {
      setParseError(`Not valid JSON: ${parsed.message}. The design keeps the last valid schema.`)
      return
    }
    setParseError(null)
    if (JSON.stringify(parsed.value) !== JSON.stringify(store.getState().doc.design[kind === 'model' ? 'models' : 'messages'][entityId]?.schema))
      store.getState().setField(entityId, ['schema'], parsed.value, 'eventually')
  }

  return (
    <section className="field field-json" data-testid={`${testId}.row`} aria-label="Schema (JSON Schema draft 4)">
      <label>Schema (JSON Schema draft 4)</label>
      <SchemaText key={entityId} uri={`${SCHEMA_URI_PREFIX}${kind}/${encodeURIComponent(entityId)}.json`} text={format(schema)} testId={testId} onText={write} onBlur={() => store.getState().commitGesture()} />
      {parseError && (
        <p className="field-issue sev-error" data-testid={`${testId}.json-error`}>
          {parseError}
        </p>
      )}
      <GenerateFromSample
        testId={`inspector.${kind}.sample`}
        initial={sampleFor(design, entity?.name)}
        title={entity?.name}
        onSchema={(value) => {
          setParseError(null)
          store.getState().setField(entityId, ['schema'], value, 'record')
        }}
      />
    </section>
  )
}

/** A sample that reaches a route using this model: the route selection property set to the route's key. */
function sampleFor(design: Design, modelName: string | undefined): string {
  const property = /^\$request\.body\.([A-Za-z_]\w*)$/.exec(design.api.routeSelectionExpression)?.[1]
  const route = Object.values(design.routes).find((r) => modelName !== undefined && Object.values(r.requestModels ?? {}).includes(modelName))
  const key = route && !route.key.startsWith('$') ? route.key : 'sendmessage'
  return JSON.stringify(property ? { [property]: key, message: 'hello' } : { message: 'hello' }, null, 2)
}

function GenerateFromSample({ testId, initial, title, onSchema }: { testId: string; initial: string; title?: string; onSchema: (schema: Json) => void }) {
  const [sample, setSample] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  return (
    <details className="schema-sample" data-testid={`${testId}.details`}>
      <summary>Generate from a sample message</summary>
      <textarea data-testid={testId} aria-label="Sample message" rows={4} spellCheck={false} value={sample} onChange={(e) => setSample(e.target.value)} />
      <button
        type="button"
        className="button"
        data-testid={`${testId}.generate`}
        title="Replace the schema with one that accepts this message (undo brings the old one back)"
        onClick={() => {
          const r = inferSchemaFromText(sample, title)
          if (!r.ok) return setError(r.message)
          setError(null)
          onSchema(r.schema)
        }}
      >
        Generate schema
      </button>
      {error && (
        <p className="field-issue sev-error" role="alert" data-testid={`${testId}.error`}>
          {error}
        </p>
      )}
    </details>
  )
}

/** Monaco once loaded; a text area until then (or if it fails). Outside changes (undo, generate) replace the text. */
function SchemaText({ uri, text, testId, onText, onBlur }: { uri: string; text: string; testId: string; onText: (t: string) => void; onBlur: () => void }) {
  const monacoState = useMonaco()
  const monaco = monacoState.monaco
  const hostRef = useRef<HTMLDivElement>(null)
  const editorRef = useRef<MonacoApi.editor.IStandaloneCodeEditor | undefined>(undefined)
  const callbacks = useRef({ onText, onBlur })
  callbacks.current = { onText, onBlur }
  const [problems, setProblems] = useState<Problem[]>([])
  const [draft, setDraft] = useState<string | null>(null)

  useEffect(() => {
    if (!monaco || !hostRef.current) return
    let disposed = false
    const modelUri = monaco.Uri.parse(uri)
    const model = monaco.editor.getModel(modelUri) ?? monaco.editor.createModel(text, 'json', modelUri)
    if (model.getValue() !== text) model.setValue(text)
    const editor = monaco.editor.create(hostRef.current, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 12,
      lineNumbers: 'off',
      folding: true,
      scrollBeyondLastLine: false,
      tabSize: 2,
      wordWrap: 'on',
      ariaLabel: 'Schema (JSON Schema draft 4)',
    })
    editorRef.current = editor
    void configureDraft04Validation().catch(() => undefined)
    const change = model.onDidChangeContent(() => callbacks.current.onText(model.getValue()))
    const blur = editor.onDidBlurEditorText(() => callbacks.current.onBlur())
    const readMarkers = () => {
      if (disposed) return
      setProblems(monaco.editor.getModelMarkers({ resource: modelUri }).map((m) => ({ line: m.startLineNumber, column: m.startColumn, message: m.message })))
    }
    const markers = monaco.editor.onDidChangeMarkers((uris) => {
      if (uris.some((u) => u.toString() === modelUri.toString())) readMarkers()
    })
    readMarkers()
    return () => {
      disposed = true
      change.dispose()
      blur.dispose()
      markers.dispose()
      editor.dispose()
      model.dispose()
      editorRef.current = undefined
    }
    // The editor is created once per entity (the parent keys this component by entity id); text changes are below.
  }, [monaco, uri])

  // An outside change of the schema (undo, redo, generate): replace the text as one edit, unless the editor already
  // holds that schema (its own edit coming back) or holds text that does not parse yet (the user is mid-edit).
  useEffect(() => {
    const model = editorRef.current?.getModel()
    if (!model) return
    const current = parse(model.getValue())
    const wanted = parse(text)
    if (current.ok && wanted.ok && JSON.stringify(current.value) === JSON.stringify(wanted.value)) return
    if (!current.ok && editorRef.current?.hasTextFocus()) return
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null)
  }, [text])

  return (
    <>
      <div className="ss-editor-host schema-editor" data-testid={testId} data-monaco={monaco ? 'ready' : monacoState.status} style={{ height: 260 }}>
        {monaco ? null : (
          <textarea
            data-testid={`${testId}.plain`}
            aria-label="Schema (JSON Schema draft 4)"
            spellCheck={false}
            style={{ position: 'absolute', inset: 0, width: '100%', height: '100%' }}
            value={draft ?? text}
            onChange={(e) => {
              setDraft(e.target.value)
              onText(e.target.value)
            }}
            onBlur={() => {
              setDraft(null)
              onBlur()
            }}
          />
        )}
        <div className="ss-monaco" ref={hostRef} style={monaco ? undefined : { display: 'none' }} />
      </div>
      {monacoState.status === 'error' ? (
        <p className="field-issue sev-warning" data-testid={`${testId}.load-error`}>
          {monacoState.error}{' '}
          <button type="button" className="link-button" onClick={monacoState.retry}>
            Retry
          </button>
        </p>
      ) : null}
      {problems.length ? (
        <ul className="inspector-issues" data-testid={`${testId}.problems`}>
          {problems.map((p, i) => (
            <li key={`${i}:${p.line}:${p.column}`} className="sev-error" data-testid={`${testId}.problem`} data-line={p.line}>
              line {p.line}, column {p.column}: {p.message}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  )
}
