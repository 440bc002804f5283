// Loads an API resource into component state: loading, data or error, reload on demand or on an interval.
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient, ApiError } from './api.ts';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: ApiError | null;
  readonly loading: boolean;
  readonly loadedAt: number | null;
  reload(): void;
}

export function useApi<T>(api: ApiClient, path: string | null, refreshMs?: number): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean; loadedAt: number | null }>({ data: null, error: null, loading: true, loadedAt: null });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    api.get<T>(path).then(
      (data) => live && setState({ data, error: null, loading: false, loadedAt: Date.now() }),
      (error: ApiError) => live && setState((previous) => ({ ...previous, error, loading: false })),
    );
    return () => {
      live = false;
    };
  }, [api, path, generation]);

  useEffect(() => {
    if (refreshMs === undefined) return;
    const timer = window.setInterval(reload, refreshMs);
    return () => window.clearInterval(timer);
  }, [refreshMs, reload]);

  return { ...state, reload };
}
