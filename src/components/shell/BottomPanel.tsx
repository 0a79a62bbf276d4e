/**
 * The bottom panel: template editor, message tester, problems and export preview. The three colleague panels
 * are lazy-loaded so Monaco and the exporters stay out of the initial bundle.
 */
import { lazy, memo, Suspense, useCallback, useMemo } from 'react'
import { useDesigner, useDesignerStoreApi } from '../../store/StoreProvider'
import type { BottomTab } from '../../store/createDesignerStore'
import type { Json } from '../../model/types'
import { ProblemsPanel } from '../problems/ProblemsPanel'
import { PanelErrorBoundary } from './PanelErrorBoundary'
import { useShallow } from 'zustand/react/shallow'
import { commandById, labelOf } from '../../app/commands/commandTable'
import { useCommandContext } from '../../app/commands/CommandsProvider'
import { commandTitle } from '../toolbar/Toolbar'

const TemplateEditorPanel = lazy(() => import('../editor/TemplateEditorPanel').then((m) => ({ default: m.TemplateEditorPanel })))
const MessageTesterPanel = lazy(() => import('../tester/MessageTesterPanel').then((m) => ({ default: m.MessageTesterPanel })))
const ExportPanel = lazy(() => import('../exportPane/ExportPanel').then((m) => ({ default: m.ExportPanel })))
const LivePanel = lazy(() => import('../live/LivePanel').then((m) => ({ default: m.LivePanel })))

const TABS: { id: BottomTab; label: string }[] = [
  { id: 'editor', label: 'Template editor' },
  { id: 'tester', label: 'Message tester' },
  { id: 'problems', label: 'Problems' },
  { id: 'export', label: 'Export' },
  { id: 'live', label: 'Live' },
]

function Loading({ what }: { what: string }) {
  return (
    <div className="panel-loading" role="status" data-testid="bottom.loading">
      <span className="spinner" aria-hidden /> Loading the {what}…
    </div>
  )
}

export const BottomPanel = memo(function BottomPanel() {
  const tab = useDesigner((s) => s.bottomTab)
  const errors = useDesigner((s) => s.diagnostics.filter((d) => d.severity === 'error').length)
  const warnings = useDesigner((s) => s.diagnostics.filter((d) => d.severity === 'warning').length)
  const store = useDesignerStoreApi()
  return (
    <section className="bottom-panel" aria-label="Bottom panel" data-testid="bottom">
      <div className="bottom-tabs">
        <div className="bottom-tablist" role="tablist" aria-label="Bottom panel tabs">
          {TABS.map((t) => (
            <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} data-testid={`bottom.tab.${t.id}`} onClick={() => store.getState().openBottomTab(t.id)}>
              {t.label}
              {t.id === 'problems' && (errors > 0 || warnings > 0) && (
                <span className={`tab-badge ${errors ? 'error' : 'warning'}`} data-testid="bottom.tab.problems.count">
                  {errors + warnings}
                </span>
              )}
            </button>
          ))}
        </div>
        <MaximizeButton />
      </div>
      <div className="bottom-body" role="tabpanel" data-testid={`bottom.panel.${tab}`}>
        {tab === 'editor' && (
          <PanelErrorBoundary key="editor" name="template editor">
            <Suspense fallback={<Loading what="template editor" />}>
              <EditorTab />
            </Suspense>
          </PanelErrorBoundary>
        )}
        {tab === 'tester' && (
          <PanelErrorBoundary key="tester" name="message tester">
            <Suspense fallback={<Loading what="message tester" />}>
              <TesterTab />
            </Suspense>
          </PanelErrorBoundary>
        )}
        {tab === 'problems' && <ProblemsPanel />}
        {tab === 'export' && (
          <PanelErrorBoundary key="export" name="exporter">
            <Suspense fallback={<Loading what="exporter" />}>
              <ExportTab />
            </Suspense>
          </PanelErrorBoundary>
        )}
        {tab === 'live' && (
          <PanelErrorBoundary key="live" name="Live panel">
            <Suspense fallback={<Loading what="Live panel" />}>
              <LiveTab />
            </Suspense>
          </PanelErrorBoundary>
        )}
      </div>
    </section>
  )
})

const MAXIMIZE = commandById('view.maximize-bottom')!

/** Maximise / restore, from the command table (label and shortcut written once). */
function MaximizeButton() {
  const ctx = useCommandContext()
  const [label, pressed] = useDesigner(useShallow((s) => [labelOf(MAXIMIZE, s), s.bottomMaximized] as const))
  return (
    <button type="button" className="bottom-maximize" data-testid="bottom.maximize" aria-pressed={pressed} aria-label={label} title={commandTitle({ ...MAXIMIZE, description: label })} onClick={() => MAXIMIZE.run(ctx)}>
      <span aria-hidden>{pressed ? '▾' : '▴'}</span>
    </button>
  )
}

function EditorTab() {
  const design = useDesigner((s) => s.doc.design)
  const target = useDesigner((s) => s.editorTarget)
  const store = useDesignerStoreApi()
  const onSelectTemplate = useCallback((integrationId: string, key: string) => store.getState().openTemplate(integrationId, key), [store])
  const onChange = useCallback((integrationId: string, key: string, text: string) => store.getState().setTemplate(integrationId, key, text), [store])
  const onTypingEnd = useCallback(() => store.getState().commitGesture(), [store])
  return (
    <TemplateEditorPanel
      design={design}
      integrationId={target.integrationId}
      templateKey={target.templateKey}
      onSelectTemplate={onSelectTemplate}
      onChange={onChange}
      onTypingEnd={onTypingEnd}
    />
  )
}

/** The route the tester and export preview focus on: the selected route, or the route of the selected integration. */
function useFocusedRoute(): string | undefined {
  return useDesigner((s) => {
    if (s.selection.length !== 1) return undefined
    const id = s.selection[0]
    if (Object.hasOwn(s.doc.design.routes, id)) return id
    return Object.entries(s.doc.design.routes).find(([, r]) => r.integration === id)?.[0]
  })
}

function TesterTab() {
  const design = useDesigner((s) => s.doc.design)
  const routeId = useFocusedRoute()
  return <MessageTesterPanel design={design} routeId={routeId} />
}

function ExportTab() {
  // Exporters never read the layout: re-export only when the design itself changes (not on every drag).
  const design = useDesigner((s) => s.doc.design)
  const store = useDesignerStoreApi()
  const doc = useMemo(() => ({ design, layout: store.getState().doc.layout }), [design, store])
  const diagnostics = useDesigner((s) => s.diagnostics)
  const routeId = useFocusedRoute()
  const diags = useMemo(() => [...diagnostics], [diagnostics])
  return <ExportPanel document={doc} diagnostics={diags} routeId={routeId} />
}

function LiveTab() {
  const design = useDesigner((s) => s.doc.design)
  const store = useDesignerStoreApi()
  const onSaveScript = useCallback(
    (name: string, script: Json) => {
      store.getState().apply((doc) => ({ ...doc, design: { ...doc.design, scripts: { ...(doc.design.scripts ?? {}), [name]: script } } }))
      store.getState().notify('success', `Saved script ${name} in the design.`)
    },
    [store],
  )
  return <LivePanel design={design} onSaveScript={onSaveScript} />
}
