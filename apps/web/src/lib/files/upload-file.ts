import { errorFromBody, networkError } from '../api/api-error';
import { getAccessToken, refreshSession } from '../api/api-client';

export interface UploadOptions {
  /** 0…1, as the bytes leave the browser */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  method?: 'POST' | 'PUT';
}

interface RawAnswer {
  status: number;
  statusText: string;
  body: unknown;
}

function sendOnce(url: string, file: File, token: string | null, options: UploadOptions): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(options.method ?? 'POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.withCredentials = false;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      resolve({ status: xhr.status, statusText: xhr.statusText, body });
    };
    xhr.onerror = () => reject(networkError(new Error('upload failed')));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/**
 * Uploads one file (multipart/form-data, field `file`) with the session's token, reporting progress.
 * XMLHttpRequest, not the generated client: fetch reports no upload progress, and the session's
 * transport reads bodies as text (a file's bytes would not survive). A 401 refreshes once and retries,
 * as every other call does. Resolves with the answer's JSON; rejects with an ApiRequestError.
 */
export async function uploadFile<T>(url: string, file: File, options: UploadOptions = {}): Promise<T> {
  let answer = await sendOnce(url, file, getAccessToken(), options);
  if (answer.status === 401) {
    const refreshed = await refreshSession();
    if (refreshed) answer = await sendOnce(url, file, refreshed.accessToken, options);
  }
  if (answer.status < 200 || answer.status >= 300) {
    throw errorFromBody({ status: answer.status, statusText: answer.statusText } as Response, answer.body);
  }
  return answer.body as T;
}
