import { ref } from 'vue';
import { uploadFile, type UploadedFile } from '@/shared/entities/attachment/upload';

/** Files a contact attaches to a reply or a new request: uploaded at once to /portal/attachments, with progress. */
export function usePortalUploads() {
  const files = ref<UploadedFile[]>([]);
  const progress = ref<number | null>(null);
  const failed = ref(false);

  async function add(list: FileList | null): Promise<void> {
    failed.value = false;
    for (const file of Array.from(list ?? [])) {
      progress.value = 0;
      try {
        files.value = [...files.value, await uploadFile(file, (share) => (progress.value = share), '/portal/attachments').done];
      } catch {
        failed.value = true;
      } finally {
        progress.value = null;
      }
    }
  }

  function remove(id: string): void {
    files.value = files.value.filter((file) => file.id !== id);
  }

  function reset(): void {
    files.value = [];
    failed.value = false;
  }

  return { files, progress, failed, add, remove, reset };
}
