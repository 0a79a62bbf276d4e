/**
 * Dev-only page (`vite` dev server: /src/editor/dev/harness.html) that mounts the editor, message tester and export
 * panels on the seed design with a minimal in-memory state, to try them without the app shell. Not part of the build.
 */
import { StrictMode, Suspense, lazy, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { seedDocument } from '../../model/seed'
import type { DesignDocument } from '../../model/types'
import { parseTemplateKey } from '../../model/templates'

const TemplateEditorPanel = lazy(() => import('../../components/editor/TemplateEditorPanel'))
const MessageTesterPanel = lazy(() => import('../../components/tester/MessageTesterPanel'))
const ExportPanel = lazy(() => import('../../components/exportPane/ExportPanel'))

function Harness() {
  const [doc, setDoc] = useState<DesignDocument>(() => seedDocument())
  const [sel, setSel] = useState<{ integrationId?: string; key?: string }>({ integrationId: Object.keys(seedDocument().design.integrations)[0] })
  const [tab, setTab] = useState<'editor' | 'tester' | 'export'>('editor')
  const [typingEnds, setTypingEnds] = useState(0)
  const routeId = Object.entries(doc.design.routes).find(([, r]) => r.integration === sel.integrationId)?.[0]
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <div style={{ display: 'flex', gap: 8, padding: 4 }}>
        {Object.keys(doc.design.integrations).map((id) => (
          <button key={id} data-testid={`node.${id}`} onClick={() => setSel({ integrationId: id })}>
            {id}
          </button>
        ))}
        {(['editor', 'tester', 'export'] as const).map((t) => (
          <button key={t} data-testid={`bottom.tab.${t}`} onClick={() => setTab(t)}>
            {t}
          </button>
        ))}
        <span data-testid="harness.typing-ends">{typingEnds}</span>
      </div>
      <div style={{ flex: 1, minHeight: 0 }}>
        <Suspense fallback={<div>Loading panel…</div>}>
          {tab === 'editor' ? (
            <TemplateEditorPanel
              design={doc.design}
              integrationId={sel.integrationId}
              templateKey={sel.key}
              onSelectTemplate={(integrationId, key) => setSel({ integrationId, key })}
              onTypingEnd={() => setTypingEnds((n) => n + 1)}
              onChange={(integrationId, key, text) =>
                setDoc((d) => {
                  const next = structuredClone(d)
                  const integ = next.design.integrations[integrationId]
                  const address = parseTemplateKey(key)
                  if (address.kind === 'request') integ.requestTemplates = { ...integ.requestTemplates, [address.contentType]: text }
                  else {
                    const responses = (integ.responses ??= {})
                    const response = (responses[address.responseKey] ??= {})
                    response.templates = { ...response.templates, [address.contentType]: text }
                  }
                  return next
                })
              }
            />
          ) : tab === 'tester' ? (
            <MessageTesterPanel design={doc.design} routeId={routeId} />
          ) : (
            <ExportPanel document={doc} diagnostics={[]} routeId={routeId} />
          )}
        </Suspense>
      </div>
    </div>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
)
