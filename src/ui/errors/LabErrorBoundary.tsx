import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import type { AppStore } from '@/store/createAppStore';
import { useAppStore, useStoreApi } from '@/store/useAppStore';
import { LabErrorPanel } from './LabErrorPanel';

interface Props {
  store: AppStore;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Catches a render error anywhere in the lab view, so the page never goes blank: the user sees
 * what happened, can download the lab's log and reset just this lab (the other labs' sessions
 * are untouched). Keyed by lab below, so opening another lab starts clean.
 */
class Boundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(e: unknown): State {
    return { error: e instanceof Error ? e : new Error(String(e)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // For whoever opens the console to report it; the user sees the panel.
    console.error('lvs-lab: the lab view failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <LabErrorPanel
        store={this.props.store}
        error={error}
        onReset={() => {
          this.props.store.getState().resetLab();
          this.setState({ error: null });
        }}
      />
    );
  }
}

export function LabErrorBoundary({ children }: { children: ReactNode }) {
  const store = useStoreApi();
  const labId = useAppStore((s) => s.spec.labId);
  return (
    <Boundary key={labId} store={store}>
      {children}
    </Boundary>
  );
}
