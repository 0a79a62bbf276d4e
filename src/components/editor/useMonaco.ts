import { useCallback, useEffect, useState } from 'react'
import { loadMonaco, type Monaco } from '../../editor/loadMonaco'

export type MonacoState =
  | { status: 'loading'; monaco?: undefined; error?: undefined; retry: () => void }
  | { status: 'ready'; monaco: Monaco; error?: undefined; retry: () => void }
  | { status: 'error'; monaco?: undefined; error: string; retry: () => void }

/**
 * Loads Monaco lazily; components render a loading state until it arrives and a real message if it fails.
 * With `enabled` false nothing is fetched (e.g. the editor tab is open but there is no template to show).
 */
export function useMonaco(enabled = true): MonacoState {
  const [attempt, setAttempt] = useState(0)
  const [state, setState] = useState<{ monaco?: Monaco; error?: string }>({})
  const retry = useCallback(() => {
    setState({})
    setAttempt((n) => n + 1)
  }, [])
  useEffect(() => {
    if (!enabled) return
    let live = true
    loadMonaco().then(
      (monaco) => {
        if (live) setState({ monaco })
      },
      (error: unknown) => {
        if (live) setState({ error: `The code editor could not be loaded: ${error instanceof Error ? error.message : String(error)}` })
      },
    )
    return () => {
      live = false
    }
  }, [attempt, enabled])
  if (state.monaco) return { status: 'ready', monaco: state.monaco, retry }
  if (state.error) return { status: 'error', error: state.error, retry }
  return { status: 'loading', retry }
}
