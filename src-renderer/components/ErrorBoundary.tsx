import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** What is shown instead of the children once they failed to render; `retry` renders them again. */
  fallback: (error: Error, retry: () => void) => ReactNode;
  /** When this changes (another delivery opened, another view), the children get a fresh try. */
  resetKey?: unknown;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
  resetKey: unknown;
}

/**
 * Keeps a render failure where it happened. Without boundaries React unmounts
 * the whole tree on one throw: one odd delivery (a value no component
 * expected) would blank the app on every load. With one per panel, row and
 * detail, the rest keeps working and the failure is said in place.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('A part of the inspector failed to render:', error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    return this.state.error === null
      ? this.props.children
      : this.props.fallback(this.state.error, this.retry);
  }
}

/** A whole panel or pane that failed: said in its place, with a way to try again. */
export function PanelBoundary({
  name,
  resetKey,
  children,
}: {
  name: string;
  resetKey?: unknown;
  children: ReactNode;
}) {
  return (
    <ErrorBoundary
      resetKey={resetKey}
      fallback={(error, retry) => (
        <div className="error-message panel-failed" role="alert" data-testid="panel-failed">
          <span>
            The {name} could not be shown: {error.message}
          </span>
          <button type="button" className="button" onClick={retry}>
            Try again
          </button>
        </div>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
