import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { ErrorPanel } from '@/components/error-panel';

interface Props {
  children: ReactNode;
  /** When it changes, a shown error is cleared and the children mount afresh. */
  resetKey?: string;
}

interface State {
  error: Error | null;
}

/** Shows a Chinese message instead of a blank page when rendering throws; the stack goes to the console only. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('页面渲染出错', error, info.componentStack);
  }

  override componentDidUpdate(prev: Props): void {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <ErrorPanel
        title="页面出错了"
        messages={[
          '这个页面无法显示，可能是数据文件有问题。请返回总览或重新加载页面。',
          `错误信息：${this.state.error.message}`,
        ]}
      >
        <p>
          <a href="#/overview" onClick={() => this.setState({ error: null })}>
            返回总览
          </a>{' '}
          <button type="button" onClick={() => window.location.reload()}>
            重新加载
          </button>
        </p>
      </ErrorPanel>
    );
  }
}
