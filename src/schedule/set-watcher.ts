import { relative, sep } from 'node:path';
import { watch } from 'chokidar';

export interface SetWatcher {
  /** Resolves once the initial scan is done; changes after it are reported. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches a briefings directory and calls `onChange` with the names of the sets (top-level folders)
 * whose files were added, changed or removed, at most once per `debounceMs` burst of events.
 */
export function watchSets(
  dir: string,
  onChange: (sets: string[]) => void | Promise<void>,
  { debounceMs = 500, onError }: { debounceMs?: number; onError?: (err: unknown) => void } = {},
): SetWatcher {
  const watcher = watch(dir, {
    ignoreInitial: true,
    ignored: (path) => /(^|[/\\])\./.test(relative(dir, path)),
  });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    timer = undefined;
    const sets = [...pending].sort();
    pending.clear();
    Promise.resolve()
      .then(() => onChange(sets))
      .catch((err: unknown) => onError?.(err));
  };

  watcher.on('all', (_event, path) => {
    const name = relative(dir, path).split(sep)[0];
    if (!name || name.startsWith('..')) return;
    pending.add(name);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  });
  watcher.on('error', (err) => onError?.(err));

  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending.clear();
      await watcher.close();
    },
  };
}
