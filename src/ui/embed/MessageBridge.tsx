import { useEffect, useRef } from 'react';
import type { TraceEvent, TraceLog } from '@/engine';
import { startMessageBridge } from '@/embed/messageBridge';
import type { MessageBridge as Bridge } from '@/embed/messageBridge';
import { useStoreApi } from '@/store/useAppStore';
import { useRenderMessage } from '../hooks/useRenderMessage';
import { eventText } from '../model/eventText';
import { traceModelFor } from '../model/traceModel';
import { useSession } from '../session/SessionContext';
import { EMBED_API_VERSION, handleRequest, labIds, watchStore } from './labPort';

/**
 * The postMessage API (docs/embedding.md) for a lab inside an iframe: renders nothing. Outside a
 * frame it does nothing at all; inside one it obeys only the parent page.
 */
export function MessageBridge() {
  const store = useStoreApi();
  const { params } = useSession();
  const render = useRenderMessage();
  const renderRef = useRef(render);
  renderRef.current = render;

  useEffect(() => {
    if (typeof window === 'undefined' || window.parent === window) return undefined;
    let loading = false;
    const bridge: Bridge = startMessageBridge(window, {
      origin: params.origin,
      referrer: document.referrer,
      labs: labIds,
      handle(m) {
        loading = m.type === 'lvs-lab:load';
        try {
          return handleRequest(store, m, bridge.post);
        } finally {
          loading = false;
        }
      },
    });
    const text = (ev: TraceEvent, trace: TraceLog) =>
      renderRef.current(eventText(ev, traceModelFor(trace, trace).hops));
    const unwatch = watchStore(store, bridge.post, text, () => loading);
    bridge.post({ type: 'lvs-lab:ready', version: EMBED_API_VERSION, lab: store.getState().spec.labId });
    return () => {
      unwatch();
      bridge.dispose();
    };
  }, [store, params.origin]);

  return null;
}
