/** Transient messages: refusals, failures and confirmations. Errors stay until dismissed. */
import { memo, useEffect } from 'react'
import { useDesigner, useDesignerStoreApi } from '../../store/StoreProvider'

export const Notices = memo(function Notices() {
  const notices = useDesigner((s) => s.notices)
  const store = useDesignerStoreApi()
  useEffect(() => {
    const timers = notices.filter((n) => n.kind !== 'error').map((n) => setTimeout(() => store.getState().dismissNotice(n.id), 5000))
    return () => timers.forEach(clearTimeout)
  }, [notices, store])
  if (!notices.length) return null
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} data-testid={`notice.${n.kind}`}>
          <span>{n.message}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" data-testid="notice.dismiss" onClick={() => store.getState().dismissNotice(n.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  )
})
