import { computed, onScopeDispose, reactive } from 'vue';
import { uploadFile, type UploadError } from '../upload';

/** One file of a form: being sent (with progress), stored (with its attachment id), or failed. */
export interface UploadItem {
  key: number;
  name: string;
  size: number;
  /** 0 to 1. */
  progress: number;
  state: 'uploading' | 'done' | 'failed';
  /** The attachment id once stored. */
  id: string | null;
  error: UploadError | null;
}

/**
 * The files attached to one form. Each added file is uploaded at once, in parallel, with its own
 * progress; removing one stops its upload. Uploads still running when the form goes away are
 * stopped. `ids` are the stored files' attachment ids, in the order they were added.
 */
export function useUploads() {
  const items = reactive<UploadItem[]>([]);
  const aborts = new Map<number, () => void>();
  let next = 0;

  function add(files: Iterable<File>): void {
    for (const file of files) {
      const key = next++;
      items.push({ key, name: file.name, size: file.size, progress: 0, state: 'uploading', id: null, error: null });
      // The reactive proxy of the pushed item, so changes below reach the view.
      const item = items[items.length - 1]!;
      const upload = uploadFile(file, (share) => (item.progress = share));
      aborts.set(key, upload.abort);
      upload.done
        .then(
          (stored) => {
            item.state = 'done';
            item.id = stored.id;
            item.progress = 1;
          },
          (error: UploadError) => {
            if (error.code === 'ABORTED') return;
            item.state = 'failed';
            item.error = error;
          },
        )
        .finally(() => aborts.delete(key));
    }
  }

  function remove(key: number): void {
    aborts.get(key)?.();
    const index = items.findIndex((item) => item.key === key);
    if (index >= 0) items.splice(index, 1);
  }

  function clear(): void {
    for (const abort of aborts.values()) abort();
    items.splice(0, items.length);
  }

  onScopeDispose(() => {
    for (const abort of aborts.values()) abort();
  });

  return {
    items,
    add,
    remove,
    clear,
    ids: computed(() => items.flatMap((item) => (item.state === 'done' && item.id !== null ? [item.id] : []))),
    uploading: computed(() => items.some((item) => item.state === 'uploading')),
    failed: computed(() => items.some((item) => item.state === 'failed')),
  };
}
