/** The share link, ready to copy (the design travels in the URL fragment and is never uploaded). */
import { useEffect, useRef, useState } from 'react'

export function ShareDialog({ url, onClose }: { url: string; onClose: () => void }) {
  const input = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState<string | null>(null)
  useEffect(() => input.current?.select(), [])
  return (
    <div className="modal-backdrop" onMouseDown={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="share-title" data-testid="share.dialog" onMouseDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2 id="share-title">Share this design</h2>
        <p>Anyone who opens this link gets a copy of the design. It lives only in the link ({Math.round(url.length / 1024)} KB).</p>
        <input ref={input} className="share-url" aria-label="Share link" readOnly value={url} data-testid="share.url" onFocus={(e) => e.target.select()} />
        {copied && <p role="status">{copied}</p>}
        <div className="dialog-actions">
          <button
            type="button"
            className="button primary"
            data-testid="share.copy"
            onClick={() =>
              navigator.clipboard.writeText(url).then(
                () => setCopied('Copied to the clipboard.'),
                (e: unknown) => setCopied(`Could not copy automatically (${e instanceof Error ? e.message : String(e)}); select the link and copy it.`),
              )
            }
          >
            Copy link
          </button>
          <button type="button" className="button" data-testid="share.close" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  )
}
