/**
 * The mapping-template editor: tabs for the selected integration's request templates and integration response
 * templates, one Monaco editor instance swapping one model per template (so each template keeps its own undo
 * history), live VTL diagnostics as markers (owner `vtl`), completion and hover from the VTL language registration.
 *
 * Prop-driven: it reads the design from props and reports edits through `onChange`; it holds no domain logic.
 * Template keys are described in `src/model/templates`.
 */
import { ownEntry } from '../../model/queries'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type * as MonacoApi from 'monaco-editor/editor/editor.api.js'
import type { Design } from '../../model/types'
import type { Monaco } from '../../editor/loadMonaco'
import {
  VTL_EDITOR_LANGUAGE,
  VTL_MARKER_OWNER,
  attachVtlValidation,
  onValidationState,
  setTemplateOptions,
  vtlValidationClient,
  type ValidationMode,
  type ValidationState,
} from '../../editor/vtlClient'
import type { ValidateOptions } from '../../vtl/validate'
import { responseTemplateOptionsFor, templateOptionsFor } from '../../vtl/designOptions'
import { disposeStaleTemplateModels, getOrCreateTemplateModel, syncModelText, templateUri } from '../../editor/templateModels'
import { canonicalTemplateKey, listTemplates, templateModelPath, templateTabTestId, type TemplateEntry } from '../../model/templates'
import { useMonaco } from './useMonaco'
import './panels.css'

export interface TemplateEditorPanelProps {
  design: Design
  integrationId?: string
  templateKey?: string
  onSelectTemplate: (integrationId: string, key: string) => void
  onChange: (integrationId: string, key: string, text: string) => void
  onTypingEnd?: () => void
}

const TYPING_END_MS = 800
const PROXY_TYPES = new Set(['lambda-proxy', 'http-proxy'])

type Editor = MonacoApi.editor.IStandaloneCodeEditor
type Marker = MonacoApi.editor.IMarker

/** View state (cursor, scroll) per model path, kept across template switches and panel remounts. */
const viewStates = new Map<string, MonacoApi.editor.ICodeEditorViewState | null>()

export function TemplateEditorPanel(props: TemplateEditorPanelProps) {
  const { design, integrationId, templateKey, onSelectTemplate } = props
  const integration = ownEntry(design.integrations, integrationId)
  const templates = useMemo(() => listTemplates(integration), [integration])
  const requested = templateKey !== undefined ? canonicalTemplateKey(templateKey) : undefined
  const active: TemplateEntry | undefined = templates.find((t) => t.key === requested) ?? templates[0]
  // Monaco (≈ 3 MB) is fetched only once there is a template to show.
  const monacoState = useMonaco(!!active)

  const routeKeys = useMemo(
    () =>
      Object.values(design.routes)
        .filter((r) => r.integration === integrationId)
        .map((r) => r.key),
    [design.routes, integrationId],
  )

  let body: React.ReactNode
  if (!integrationId) {
    const withTemplates = Object.entries(design.integrations).filter(([, integ]) => listTemplates(integ).length > 0)
    body = (
      <div className="ss-empty" data-testid="editor.empty">
        Select a route or an integration on the canvas to edit its mapping templates
        {withTemplates.length ? ', or open one here:' : '.'}
        {withTemplates.length ? (
          <div className="ss-tabs" style={{ marginTop: 6 }}>
            {withTemplates.map(([id, integ]) => {
              const first = listTemplates(integ)[0]
              const routes = Object.values(design.routes)
                .filter((r) => r.integration === id)
                .map((r) => r.key)
              return (
                <button key={id} className="ss-tab" data-testid={`editor.open.${id}`} onClick={() => onSelectTemplate(id, first.key)}>
                  {routes.length ? `${routes.join(', ')} → ` : ''}
                  {id} · {first.label}
                </button>
              )
            })}
          </div>
        ) : null}
      </div>
    )
  } else if (!integration) {
    body = (
      <div className="ss-error-box" data-testid="editor.empty">
        Integration “{integrationId}” does not exist in this design.
      </div>
    )
  } else if (PROXY_TYPES.has(integration.type) && templates.length === 0) {
    body = (
      <div className="ss-empty" data-testid="editor.empty">
        {integration.type} integrations pass the message through unchanged: API Gateway does not run mapping templates for them. Switch the
        integration to a non-proxy type (AWS service, Lambda, HTTP or mock) to transform messages.
      </div>
    )
  } else if (!active) {
    body = <AddTemplate integrationId={integrationId} onChange={props.onChange} onSelectTemplate={onSelectTemplate} />
  } else if (monacoState.status === 'loading') {
    body = (
      <div className="ss-loading" data-testid="editor.loading" role="status">
        Loading the code editor…
      </div>
    )
  } else if (monacoState.status === 'error') {
    body = (
      <div className="ss-error-box" data-testid="editor.load-error" role="alert">
        {monacoState.error}{' '}
        <button className="ss-button" onClick={monacoState.retry}>
          Retry
        </button>
      </div>
    )
  } else {
    body = (
      <TemplateEditor
        monaco={monacoState.monaco}
        design={design}
        integrationId={integrationId}
        template={active}
        routeKeys={routeKeys}
        onChange={props.onChange}
        onTypingEnd={props.onTypingEnd}
      />
    )
  }

  // `nokey`: React Flow ignores key presses inside (otherwise Space, its pan key, is swallowed in Monaco).
  return (
    <div className="ss-panel nokey" data-testid="editor.panel">
      <div className="ss-panel-header">
        <span className="ss-panel-title">Mapping templates</span>
        {integrationId && integration ? (
          <span className="ss-muted truncate" data-testid="editor.integration" title={`${integrationId} · ${integration.type}${routeKeys.length ? ` · route ${routeKeys.join(', ')}` : ''}`}>
            <bdi>{integrationId}</bdi> · {integration.type}
            {routeKeys.length ? <> · route <bdi>{routeKeys.join(', ')}</bdi></> : ' · no route uses it'}
            {integration.templateSelectionExpression ? <> · selection <bdi>{integration.templateSelectionExpression}</bdi></> : ''}
          </span>
        ) : null}
        {integrationId && templates.length > 0 ? (
          <div className="ss-tabs" role="tablist" aria-label="Templates">
            {templates.map((t) => (
              <button
                key={t.key}
                role="tab"
                className="ss-tab"
                aria-selected={t.key === active?.key}
                data-testid={templateTabTestId(t.key)}
                title={t.address.kind === 'request' ? `Request template for ${t.address.contentType}` : `Integration response ${t.address.responseKey}, ${t.address.contentType}`}
                onClick={() => onSelectTemplate(integrationId, t.key)}
              >
                {t.label}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      {body}
    </div>
  )
}

function AddTemplate(props: { integrationId: string; onChange: TemplateEditorPanelProps['onChange']; onSelectTemplate: TemplateEditorPanelProps['onSelectTemplate'] }) {
  const [contentType, setContentType] = useState('$default')
  const trimmed = contentType.trim()
  return (
    <div className="ss-empty" data-testid="editor.empty">
      <p>This integration has no request template yet, so API Gateway forwards the message as it is (subject to its passthrough behaviour).</p>
      <label className="ss-field" style={{ maxWidth: 320 }}>
        <span>Template key (content type or $default)</span>
        <input data-testid="editor.new-template-key" value={contentType} onChange={(e) => setContentType(e.target.value)} />
      </label>
      <button
        className="ss-button primary"
        style={{ marginTop: 6 }}
        data-testid="editor.add-template"
        disabled={!trimmed}
        onClick={() => {
          props.onChange(props.integrationId, trimmed, '{\n  "connectionId": "$context.connectionId",\n  "body": $input.json(\'$\')\n}\n')
          props.onSelectTemplate(props.integrationId, trimmed)
        }}
      >
        Add template
      </button>
    </div>
  )
}

interface TemplateEditorProps {
  monaco: Monaco
  design: Design
  integrationId: string
  template: TemplateEntry
  routeKeys: string[]
  onChange: TemplateEditorPanelProps['onChange']
  onTypingEnd?: () => void
}

function TemplateEditor({ monaco, design, integrationId, template, routeKeys, onChange, onTypingEnd }: TemplateEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null)
  const [editor, setEditor] = useState<Editor>()
  const path = templateModelPath(integrationId, template.key)
  const callbacks = useRef({ onChange, onTypingEnd, integrationId, key: template.key, path })
  useLayoutEffect(() => {
    callbacks.current = { onChange, onTypingEnd, integrationId, key: template.key, path }
  })
  const applyingExternal = useRef(false)

  // What the validator needs to know about this template (route, integration, stage variables, the design for
  // `@{…}` references); also feeds `$stageVariables.` completion.
  const routeKey = routeKeys.length === 1 ? routeKeys[0] : undefined
  // Request templates: the same options the model checks use (src/vtl templateOptionsFor), so markers and the
  // Problems panel agree; response templates likewise share responseTemplateOptionsFor with the check pipeline.
  const options: ValidateOptions =
    template.address.kind === 'request'
      ? templateOptionsFor(design, integrationId, template.address.contentType, routeKey)
      : responseTemplateOptionsFor(design, integrationId, template.address.contentType, routeKey)
  // Before the model effects below run, so the first validation already sees them.
  useLayoutEffect(() => {
    setTemplateOptions(path, options)
  })

  // One editor instance for the component's lifetime.
  useEffect(() => {
    const host = hostRef.current
    if (!host) return
    const instance = monaco.editor.create(host, {
      model: null,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      insertSpaces: true,
      scrollBeyondLastLine: false,
      wordWrap: 'on',
      fixedOverflowWidgets: true,
      renderLineHighlight: 'line',
      'semanticHighlighting.enabled': false,
      // Only the VTL-aware completions: words from the text would offer invalid names (e.g. a REST-only variable).
      wordBasedSuggestions: 'off',
      ariaLabel: 'Mapping template',
    })
    let typingTimer: ReturnType<typeof setTimeout> | undefined
    let pendingTypingEnd = false
    const flushTypingEnd = () => {
      if (typingTimer) clearTimeout(typingTimer)
      typingTimer = undefined
      if (pendingTypingEnd) {
        pendingTypingEnd = false
        callbacks.current.onTypingEnd?.()
      }
    }
    const contentSub = instance.onDidChangeModelContent(() => {
      if (applyingExternal.current) return
      const { onChange: emit, integrationId: id, key } = callbacks.current
      emit(id, key, instance.getValue())
      pendingTypingEnd = true
      if (typingTimer) clearTimeout(typingTimer)
      typingTimer = setTimeout(flushTypingEnd, TYPING_END_MS)
    })
    const blurSub = instance.onDidBlurEditorText(flushTypingEnd)
    setEditor(instance)
    return () => {
      flushTypingEnd()
      const model = instance.getModel()
      if (model) viewStates.set(model.uri.path, instance.saveViewState())
      contentSub.dispose()
      blurSub.dispose()
      instance.dispose()
      setEditor(undefined)
    }
  }, [monaco])

  // Swap to the active template's model (created on first use), keeping cursor and scroll per model.
  useEffect(() => {
    if (!editor) return
    const model = getOrCreateTemplateModel(monaco, path, template.text, VTL_EDITOR_LANGUAGE, {
      onCreate: (m) => attachVtlValidation(monaco, m),
    })
    const current = editor.getModel()
    if (current !== model) {
      if (current) viewStates.set(current.uri.path, editor.saveViewState())
      editor.setModel(model)
      const saved = viewStates.get(path)
      if (saved) editor.restoreViewState(saved)
    }
    // The text is synced by the next effect; creation uses the text at first use only.
  }, [editor, monaco, path])

  // Follow the design when the text changes outside the editor (app undo/redo, import, inspector), as an undoable
  // edit. Our own edits come back equal to the model (the store updates synchronously), so they are no-ops here.
  useEffect(() => {
    if (!editor) return
    const model = editor.getModel()
    if (!model || model.uri.path !== path) return
    if (model.getValue() === template.text) return
    applyingExternal.current = true
    try {
      syncModelText(model, template.text)
    } finally {
      applyingExternal.current = false
    }
  }, [editor, path, template.text])

  // Dispose models of templates that no longer exist anywhere in the design.
  useEffect(() => {
    const live = new Set<string>()
    for (const [id, integ] of Object.entries(design.integrations)) {
      for (const t of listTemplates(integ)) live.add(templateModelPath(id, t.key))
    }
    disposeStaleTemplateModels(monaco, live)
  }, [monaco, design.integrations])

  return (
    <>
      <div className="ss-editor-host">
        <div className="ss-monaco" ref={hostRef} data-testid="editor.monaco" data-model-path={path} />
      </div>
      <ProblemsStrip monaco={monaco} editor={editor} path={path} />
    </>
  )
}

function ProblemsStrip({ monaco, editor, path }: { monaco: Monaco; editor: Editor | undefined; path: string }) {
  const [markers, setMarkers] = useState<Marker[]>([])
  const [state, setState] = useState<ValidationState>('idle')
  const client = vtlValidationClient()
  const [mode, setMode] = useState<ValidationMode>(client.mode)
  useEffect(() => {
    setMode(client.mode)
    const sub = client.onModeChange(setMode)
    return () => sub.dispose()
  }, [client])
  useEffect(() => {
    // The model may not exist yet (the parent creates it in its own effect): follow its URI.
    const uri = templateUri(monaco, path)
    const read = () => setMarkers(monaco.editor.getModelMarkers({ resource: uri, owner: VTL_MARKER_OWNER }))
    read()
    const markerSub = monaco.editor.onDidChangeMarkers((uris) => {
      if (uris.some((u) => u.toString() === uri.toString())) read()
    })
    const stateSub = onValidationState(uri, setState)
    return () => {
      markerSub.dispose()
      stateSub.dispose()
    }
  }, [monaco, path])

  const errors = markers.filter((m) => m.severity === monaco.MarkerSeverity.Error).length
  const warnings = markers.filter((m) => m.severity === monaco.MarkerSeverity.Warning).length
  const summary =
    state === 'validating'
      ? 'Checking…'
      : markers.length === 0
        ? 'No problems'
        : [errors ? `${errors} error${errors > 1 ? 's' : ''}` : '', warnings ? `${warnings} warning${warnings > 1 ? 's' : ''}` : '', markers.length - errors - warnings ? `${markers.length - errors - warnings} info` : '']
            .filter(Boolean)
            .join(', ')
  return (
    <div>
      <div className="ss-panel-header" style={{ borderTop: '1px solid #d0d7de', borderBottom: 'none' }}>
        <span
          className={`ss-status ${errors ? 'error' : markers.length === 0 && state !== 'validating' ? 'ok' : ''}`}
          style={{ marginLeft: 0 }}
          data-testid="editor.status"
          data-state={state}
          data-errors={errors}
          data-warnings={warnings}
          data-validation-mode={mode}
          role="status"
        >
          {summary}
        </span>
        {mode === 'main-thread' ? (
          <span className="ss-muted" style={{ fontSize: 12 }} title={client.fallbackReason} data-testid="editor.validation-fallback">
            checks run in the page (the validation worker is unavailable)
          </span>
        ) : null}
      </div>
      {markers.length > 0 ? (
        <ul className="ss-problems" data-testid="editor.problems">
          {markers.map((m, i) => (
            <li
              key={`${m.startLineNumber}:${m.startColumn}:${i}`}
              data-testid="editor.problem"
              data-line={m.startLineNumber}
              data-code={typeof m.code === 'string' ? m.code : (m.code?.value ?? '')}
              onClick={() => {
                if (!editor) return
                editor.revealLineInCenter(m.startLineNumber)
                editor.setPosition({ lineNumber: m.startLineNumber, column: m.startColumn })
                editor.focus()
              }}
            >
              <span className={m.severity === monaco.MarkerSeverity.Error ? 'ss-sev-error' : m.severity === monaco.MarkerSeverity.Warning ? 'ss-sev-warning' : 'ss-sev-info'}>
                {m.severity === monaco.MarkerSeverity.Error ? 'error' : m.severity === monaco.MarkerSeverity.Warning ? 'warning' : 'info'}
              </span>{' '}
              Line {m.startLineNumber}, column {m.startColumn}: {m.message}
              {m.code ? <span className="ss-muted"> ({typeof m.code === 'string' ? m.code : m.code.value})</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

export default TemplateEditorPanel
