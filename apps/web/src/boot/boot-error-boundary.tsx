import i18next from 'i18next';
import { Component, type ReactNode } from 'react';

type State = { failed: boolean };

/**
 * The last line of defence, outside both apps (so without antd): typically the app's code could
 * not be loaded because a new release replaced it, which a reload fixes.
 */
export class BootErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" style={{ maxWidth: 420, margin: '20vh auto', padding: 24, textAlign: 'center' }}>
        <h1 style={{ fontSize: 20 }}>{i18next.t('common:crash.title')}</h1>
        <p style={{ color: '#666', lineHeight: 1.6 }}>{i18next.t('common:crash.description')}</p>
        <button
          type="button"
          onClick={() => window.location.reload()}
          style={{
            padding: '10px 24px',
            fontSize: 16,
            border: 0,
            borderRadius: 8,
            background: '#c8102e',
            color: '#fff',
          }}
        >
          {i18next.t('common:actions.reload')}
        </button>
      </div>
    );
  }
}
