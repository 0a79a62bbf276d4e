/**
 * Under the AsyncAPI tab: whether the shown document is valid AsyncAPI 3.0, checked in the browser against the
 * AsyncAPI project's JSON Schema (src/asyncapi/validateSpec.ts, loaded on first use; the parser stays out of the bundle).
 */
import { useEffect, useState } from 'react'
import { load } from 'js-yaml'
import type { Json } from '../../model/types'

type State = { kind: 'checking' } | { kind: 'valid' } | { kind: 'invalid'; problems: string[] } | { kind: 'failed'; message: string }

export function AsyncApiCheck({ text }: { text: string }) {
  const [state, setState] = useState<State>({ kind: 'checking' })
  useEffect(() => {
    let live = true
    setState({ kind: 'checking' })
    import('../../asyncapi/validateSpec')
      .then(({ specProblems }) => specProblems(load(text) as Json))
      .then(
        (problems) => live && setState(problems.length ? { kind: 'invalid', problems } : { kind: 'valid' }),
        (e: unknown) => live && setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
      )
    return () => {
      live = false
    }
  }, [text])
  const text_ =
    state.kind === 'checking' ? 'Checking against the AsyncAPI 3.0 schema…'
    : state.kind === 'valid' ? 'Valid AsyncAPI 3.0 (checked against @asyncapi/specs).'
    : state.kind === 'failed' ? `Could not check the document: ${state.message}`
    : `Not valid AsyncAPI 3.0: ${state.problems.join('; ')}`
  return (
    <div className={state.kind === 'invalid' || state.kind === 'failed' ? 'ss-status error' : 'ss-muted'} role="status" data-testid="export.asyncapi.check" style={{ fontSize: 12, padding: '2px 8px' }}>
      {text_}
    </div>
  )
}
