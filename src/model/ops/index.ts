/** Pure document operations: `(doc, args) => new doc`. The store's actions wrap these. */
export { addEntity, uniqueRouteKey, uniqueStageName, type NewEntitySpec, type AddResult, type RouteKind } from './entities'
export { canConnect, connect, disconnect, presetOf, type Connection } from './connect'
export { deleteEntities, moveEntities, setLayout, setField, getField, entityOf } from './edit'
export { copyEntities, pasteEntities, parseClipboard, duplicateEntities, CLIPBOARD_FORMAT, type ClipboardPayload, type PasteResult } from './clipboard'
export { graphEdges, graphNodes, edgeId, type GraphEdge, type GraphNode, type EdgeKind } from './graph'
export { opOk, opFailed, type OpResult } from './result'
export { REFERENCE_FIELDS, referenceEdgeKind, setReference } from './references'
export { deleteSelection } from './deleteSelection'
