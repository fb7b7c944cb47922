/** An uploaded file as POST /attachments answers, ready to be attached to a message by id. */
export interface UploadedFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** Why an upload failed: the server's code and words, or NETWORK / ABORTED. */
export interface UploadError {
  code: string;
  message: string;
}

export interface Upload {
  /** Resolves with the stored file; rejects with an {@link UploadError}. */
  done: Promise<UploadedFile>;
  /** Stops the upload; `done` rejects with ABORTED. */
  abort(): void;
}

/** The path the console's files go to (same origin, session cookie); the portal's are at /portal/attachments. */
const UPLOAD_URL = '/attachments';

function errorOf(xhr: XMLHttpRequest): UploadError {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') return { code: body.error.code, message: typeof body.error.message === 'string' ? body.error.message : '' };
  } catch {
    // not our JSON (a proxy's page): fall through
  }
  return { code: xhr.status === 413 ? 'TOO_LARGE' : 'UNKNOWN', message: '' };
}

/**
 * Sends one file to `POST /attachments` as the raw body (name URI-encoded in X-Filename, the
 * header the server asks of browser uploads) through XMLHttpRequest, because fetch cannot report
 * upload progress. `onProgress` gets the share sent so far, from 0 to 1.
 */
export function uploadFile(file: File, onProgress: (share: number) => void, url = UPLOAD_URL): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadedFile>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-Tresen-Upload', '1');
    xhr.setRequestHeader('X-Filename', encodeURIComponent(file.name || 'attachment'));
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status !== 201 && xhr.status !== 200) return reject(errorOf(xhr));
      try {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as UploadedFile);
      } catch {
        reject({ code: 'UNKNOWN', message: '' } satisfies UploadError);
      }
    });
    xhr.addEventListener('error', () => reject({ code: 'NETWORK', message: '' } satisfies UploadError));
    xhr.addEventListener('abort', () => reject({ code: 'ABORTED', message: '' } satisfies UploadError));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
