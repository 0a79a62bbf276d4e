/**
 * Read-only, highlighted view of one generated file. Shows the plain text at once and upgrades to a read-only Monaco
 * editor when Monaco has loaded (so the export never waits for the editor, and still works if it fails to load).
 */
import { useEffect, useRef, useState } from 'react'
import type * as MonacoApi from 'monaco-editor/editor/editor.api.js'
import { useMonaco } from '../editor/useMonaco'

export function languageForPath(path: string): string {
  const lower = path.toLowerCase()
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml'
  if (lower.endsWith('.json')) return 'json'
  if (lower.endsWith('.ts') || lower.endsWith('.mts')) return 'typescript'
  if (lower.endsWith('.js') || lower.endsWith('.mjs')) return 'javascript'
  if (lower.endsWith('.py')) return 'python'
  return 'plaintext'
}

export function CodeViewer({ path, contents, testId }: { path: string; contents: string; testId: string }) {
  const monacoState = useMonaco()
  const hostRef = useRef<HTMLDivElement>(null)
  const editorRef = useRef<MonacoApi.editor.IStandaloneCodeEditor | undefined>(undefined)
  const [editorReady, setEditorReady] = useState(false)
  const monaco = monacoState.monaco

  useEffect(() => {
    if (!monaco || !hostRef.current) return
    const editor = monaco.editor.create(hostRef.current, {
      model: null,
      readOnly: true,
      domReadOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 12,
      scrollBeyondLastLine: false,
      renderLineHighlight: 'none',
      'semanticHighlighting.enabled': false,
      ariaLabel: 'Generated file',
    })
    editorRef.current = editor
    setEditorReady(true)
    return () => {
      editor.getModel()?.dispose()
      editor.dispose()
      editorRef.current = undefined
      setEditorReady(false)
    }
  }, [monaco])

  useEffect(() => {
    const editor = editorRef.current
    if (!monaco || !editor || !editorReady) return
    const language = languageForPath(path)
    const old = editor.getModel()
    if (old && old.getLanguageId() === language) {
      if (old.getValue() !== contents) old.setValue(contents)
      return
    }
    const model = monaco.editor.createModel(contents, language)
    editor.setModel(model)
    old?.dispose()
  }, [monaco, editorReady, path, contents])

  return (
    <div className="ss-editor-host" data-testid={testId} data-file={path} data-language={languageForPath(path)}>
      {monaco ? null : (
        <pre className="ss-code" style={{ padding: 8, overflow: 'auto', position: 'absolute', inset: 0 }} data-testid={`${testId}.plain`}>
          {monacoState.status === 'error' ? `${monacoState.error}\n\n` : ''}
          {contents}
        </pre>
      )}
      <div className="ss-monaco" ref={hostRef} style={monaco ? undefined : { display: 'none' }} />
    </div>
  )
}
